package io.payclient.micrometer;

import io.micrometer.observation.Observation;
import io.payclient.core.PaymentsListener;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link PayClientObservationConvention} sees of one logical PayClient call: the call
 * (vendor, method, path, idempotency key, operation, server, parent), the attempts made so far, the
 * HTTP status of the last attempt, what a Lago reconciliation found and, once the call ended, its
 * {@link PaymentsListener.CallEnd}.
 *
 * <p>The listener creates one context per call and updates it from the events of that call; a
 * convention reads it when the observation starts and again when it stops (Micrometer evaluates
 * conventions at both points), so every value that may still be absent at the start is nullable or
 * has a neutral initial value. Reads from a convention run on the thread of the event that starts
 * or stops the observation; the fields are volatile, so a convention always sees the latest value.
 * Never carries the API key or a body.
 */
public class PayClientObservationContext extends Observation.Context {
  private final PaymentsListener.Call call;
  private final String operation;
  private volatile int attempts;
  private volatile int retries;
  private volatile int lastHttpStatus = -1;
  private volatile PaymentsListener.@Nullable Reconciliation reconciliation;
  private volatile PaymentsListener.@Nullable CallEnd end;

  /**
   * Creates the context of {@code call}, before its first attempt (useful to test a custom
   * convention).
   *
   * @throws NullPointerException if {@code call} is null
   */
  public PayClientObservationContext(PaymentsListener.Call call) {
    this.call = Objects.requireNonNull(call, "call");
    this.operation = call.operation();
  }

  /** The call as the transport announced it at {@link PaymentsListener#callStarted}. */
  public PaymentsListener.Call call() {
    return call;
  }

  /** The vendor ({@code lago}, {@code billingrails}, {@code paygentic}). */
  public String vendor() {
    return call.vendor();
  }

  /**
   * The operation as the vendor module names it, free of ids ({@link
   * PaymentsListener.Call#operation()}): {@code payments.create}, {@code payments.retrieve}, {@code
   * payments.list}, the same for {@code payment_requests}, {@code webhooks.public_key} for the
   * fetch of Lago's webhook key, {@code other} for anything else.
   */
  public String operation() {
    return operation;
  }

  /** HTTP attempts started so far (0 before the first). */
  public int attempts() {
    return attempts;
  }

  /** Retries scheduled so far. */
  public int retries() {
    return retries;
  }

  /** The HTTP status of the last attempt that received a response, or {@code null} if none did. */
  public @Nullable Integer lastHttpStatus() {
    int s = lastHttpStatus;
    return s < 0 ? null : s;
  }

  /** What a Lago reconciliation found, or {@code null} if the call needed none (yet). */
  public PaymentsListener.@Nullable Reconciliation reconciliation() {
    return reconciliation;
  }

  /** How the call ended, or {@code null} while it runs. */
  public PaymentsListener.@Nullable CallEnd end() {
    return end;
  }

  void attemptStarted(int attempt) {
    this.attempts = Math.max(attempts, attempt);
  }

  void retryScheduled() {
    this.retries = retries + 1; // written under the listener's per-call lock
  }

  void responseReceived(int httpStatus) {
    this.lastHttpStatus = httpStatus;
  }

  void reconciled(PaymentsListener.Reconciliation result) {
    this.reconciliation = result;
  }

  void ended(PaymentsListener.CallEnd end) {
    this.end = end;
  }
}
