package io.payclient.core;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Callbacks for metrics and tracing. Every method has an empty default; implement what you need.
 * Callbacks run on the calling thread (sync) or on OkHttp's dispatcher threads (async); they must
 * be fast and must not throw (an exception thrown by a listener is logged at DEBUG and ignored).
 * Events never carry the API key or bodies.
 *
 * <p>The events of one logical call, in order: {@link #callStarted}, then per attempt {@link
 * #attemptStarted}, {@link #responseReceived} and/or {@link #attemptFailed} (both for an error
 * status) and {@link #attemptEnded}, {@link #retryScheduled} before each retry, for a Lago create
 * after an ambiguous failure {@link #reconciliationStarted} and {@link #reconciliationEnded}, and
 * always exactly one {@link #callEnded} last (also when the call was cancelled or hit its
 * deadline). A tracer opens a span at {@code callStarted} and ends it at {@code callEnded}. Combine
 * several listeners with {@link #composite(PaymentsListener...)}.
 */
public interface PaymentsListener {
  /** A listener that does nothing. */
  PaymentsListener NONE = new PaymentsListener() {};

  /**
   * What a call is. Equal values can describe two different calls (two retrieves of one payment at
   * once): a listener that keeps state per call keys it by the identity of this object, which the
   * SDK passes unchanged to every event of the call.
   *
   * @param vendor the vendor ({@code lago}, {@code billingrails}, {@code paygentic})
   * @param method the HTTP method
   * @param path the URL path (without query)
   * @param idempotencyKey the key sent, or {@code null}
   * @param operation what the call does, named by the vendor module without ids: {@code
   *     payments.create}, {@code payments.retrieve}, {@code payments.list}, {@code
   *     payment_requests.create} (Lago), {@code webhooks.public_key} (Lago's key fetch); {@code
   *     other} when not named
   * @param urlTemplate the path with its ids replaced by {@code {id}}, e.g. {@code
   *     /api/v1/payments/{id}} (for span names and {@code url.template}), or {@code null} when
   *     unknown
   * @param serverAddress the host the call goes to, or {@code null} when unknown
   * @param serverPort the port the call goes to, or {@code -1} when unknown
   * @param parent the call this one serves, or {@code null}: a Lago reconciliation's look-up pages
   *     carry the create whose outcome they look for (the same object as the create's own events
   *     carry)
   */
  record Call(
      String vendor,
      String method,
      String path,
      @Nullable String idempotencyKey,
      String operation,
      @Nullable String urlTemplate,
      @Nullable String serverAddress,
      int serverPort,
      @Nullable Call parent) {

    /**
     * A call with only its vendor, method, path and key known (operation {@code other}, no
     * template, server or parent): for tests of listeners.
     */
    public Call(String vendor, String method, String path, @Nullable String idempotencyKey) {
      this(vendor, method, path, idempotencyKey, "other", null, null, -1, null);
    }
  }

  /** A logical call starts (before its first attempt). */
  default void callStarted(Call call) {}

  /**
   * An attempt ended with an HTTP response.
   *
   * @param attempt 1 for the first attempt
   * @param httpStatus the status received
   * @param duration from sending to the end of the body
   */
  default void responseReceived(Call call, int attempt, int httpStatus, Duration duration) {}

  /**
   * An attempt failed (network error, error status, unreadable body).
   *
   * @param attempt 1 for the first attempt
   * @param reason the exception describing the failure; never contains the API key
   */
  default void attemptFailed(Call call, int attempt, Throwable reason) {}

  /**
   * A retry was scheduled.
   *
   * @param nextAttempt the number of the attempt that will run
   * @param delay how long until it runs
   */
  default void retryScheduled(Call call, int nextAttempt, Duration delay) {}

  /**
   * An attempt starts: its request is about to be sent.
   *
   * @param attempt 1 for the first attempt
   */
  default void attemptStarted(Call call, int attempt) {}

  /**
   * How one HTTP attempt ended.
   *
   * @param attempt 1 for the first attempt
   * @param httpStatus the status received, or {@code 0} when no response came (network failure,
   *     deadline, cancel)
   * @param error {@code null} when the attempt gave the call its result, else why it failed (as
   *     given to {@link #attemptFailed}, or the call's end error when it was cut short); never
   *     contains the API key
   * @param duration from {@link #attemptStarted} to this event
   */
  record AttemptEnd(int attempt, int httpStatus, @Nullable Throwable error, Duration duration) {
    /** Whether the attempt gave the call its result. */
    public boolean succeeded() {
      return error == null;
    }
  }

  /**
   * An attempt ended: called exactly once per {@link #attemptStarted}, after its {@link
   * #responseReceived} or {@link #attemptFailed}, and before the next attempt, a reconciliation or
   * {@link #callEnded}. A tracer ends the attempt's span here.
   */
  default void attemptEnded(Call call, AttemptEnd end) {}

  /**
   * How a logical call ended.
   *
   * @param error {@code null} on success, else the exception the call threw or failed its future
   *     with (a {@link PayClientException}, or {@link java.util.concurrent.CancellationException}
   *     when the caller cancelled); never contains the API key
   * @param outcomeUnknown whether the request may have taken effect although the call failed
   * @param attempts HTTP attempts made (0 when nothing was sent)
   * @param duration from {@code callStarted} to the end
   * @param paymentId the payment's id when the call returned one (create, retrieve), else {@code
   *     null}
   * @param paymentStatus that payment's neutral status, else {@code null}
   */
  record CallEnd(
      @Nullable Throwable error,
      boolean outcomeUnknown,
      int attempts,
      Duration duration,
      @Nullable String paymentId,
      @Nullable PaymentStatus paymentStatus) {
    /** Whether the call succeeded. */
    public boolean succeeded() {
      return error == null;
    }
  }

  /** A logical call ended; called exactly once per {@link #callStarted}. */
  default void callEnded(Call call, CallEnd end) {}

  /** What a Lago reconciliation (the look-up after an ambiguous create) found. */
  enum Reconciliation {
    /** The create had taken effect: the existing payment is returned, nothing is re-sent. */
    FOUND,
    /** Every page was read and nothing was created: the create is sent again. */
    NOTHING_CREATED,
    /** The look-up failed or could not finish: the outcome stays unknown, nothing is re-sent. */
    FAILED
  }

  /** A reconciliation starts (Lago creates only, after an ambiguous failure). */
  default void reconciliationStarted(Call call) {}

  /**
   * A reconciliation ended.
   *
   * @param result what it found
   * @param duration how long it took
   */
  default void reconciliationEnded(Call call, Reconciliation result, Duration duration) {}

  /**
   * A waiter ({@link PaymentsClient#awaitTerminal}) polled a payment: each poll is also a retrieve
   * call with its own events.
   *
   * @param poll 1 for the first poll
   * @param status the status seen, or {@code null} when the poll failed
   */
  default void waiterPolled(
      String vendor, String paymentId, int poll, @Nullable PaymentStatus status) {}

  /**
   * A webhook passed verification (signature, timestamp, body), from a verifier built with this
   * listener ({@code client.webhooks()} uses the client's).
   *
   * @param type the vendor's raw event type
   */
  default void webhookVerified(String vendor, String type) {}

  /**
   * A webhook was refused.
   *
   * @param reason the check that failed
   */
  default void webhookRefused(String vendor, WebhookVerificationException.Reason reason) {}

  /**
   * One listener that forwards every event to each of {@code listeners} in order; an exception
   * thrown by one is logged at DEBUG and does not keep the others from the event.
   *
   * @throws NullPointerException if the array or an element is null
   */
  static PaymentsListener composite(PaymentsListener... listeners) {
    return CompositeListener.of(listeners);
  }
}
