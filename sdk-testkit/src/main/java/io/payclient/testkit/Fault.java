package io.payclient.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure a fake server injects into its next request. Faults that happen <em>after</em> the
 * request was processed leave the payment created: they are the ambiguous failures an SDK must
 * resolve without creating a second payment.
 *
 * <pre>{@code
 * lago.failNext(Fault.resetAfterProcessing(), Fault.serverError(503));
 * }</pre>
 */
public final class Fault {
  /** What the fault does. */
  public enum Kind {
    /** The connection is closed after the request was read; nothing is processed. */
    RESET_BEFORE_PROCESSING,
    /** The request is processed, then the connection is closed before any response byte. */
    RESET_AFTER_PROCESSING,
    /** The request is processed; the response is held back for {@link #delay()}. */
    DELAY,
    /**
     * The request is processed; only half of the response body is sent, then the connection closes.
     */
    TRUNCATED_BODY,
    /**
     * 429 asking the client to wait {@link #delay()} as the vendor says it ({@code Retry-After} in
     * seconds; Lago: {@code X-RateLimit-Reset} in seconds); nothing is processed.
     */
    RATE_LIMITED,
    /** A 5xx in the vendor's error shape; nothing is processed. */
    SERVER_ERROR,
    /** The request is processed, then a 5xx is returned. */
    SERVER_ERROR_AFTER_PROCESSING,
    /** An HTML error page from a gateway; nothing is processed. */
    HTML_PAGE,
    /** 409: a request with this idempotency key is still in flight (vendors with idempotency). */
    CONFLICT_IN_FLIGHT
  }

  private final Kind kind;
  private final int status;
  private final Duration delay;

  private Fault(Kind kind, int status, Duration delay) {
    this.kind = kind;
    this.status = status;
    this.delay = Objects.requireNonNull(delay);
  }

  /** The connection is reset after the request was read and before it is processed. */
  public static Fault resetBeforeProcessing() {
    return new Fault(Kind.RESET_BEFORE_PROCESSING, 0, Duration.ZERO);
  }

  /** The request is processed, then the connection is reset: the client never sees the answer. */
  public static Fault resetAfterProcessing() {
    return new Fault(Kind.RESET_AFTER_PROCESSING, 0, Duration.ZERO);
  }

  /** The request is processed and the answer delayed, e.g. past the client's read timeout. */
  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, 0, delay);
  }

  /** The request is processed and the answer's body cut in half. */
  public static Fault truncatedBody() {
    return new Fault(Kind.TRUNCATED_BODY, 0, Duration.ZERO);
  }

  /**
   * 429 asking the client to wait (whole seconds, rounded up) in the vendor's way: {@code
   * Retry-After} for Billingrails and Paygentic, Lago Cloud's {@code X-RateLimit-Limit}, {@code
   * X-RateLimit-Remaining} and {@code X-RateLimit-Reset} for Lago; nothing processed.
   *
   * @throws NullPointerException if {@code retryAfter} is null
   */
  public static Fault rateLimited(Duration retryAfter) {
    return new Fault(Kind.RATE_LIMITED, 429, retryAfter);
  }

  /**
   * A 5xx in the vendor's error shape, before processing.
   *
   * @throws IllegalArgumentException if the status is not 5xx
   */
  public static Fault serverError(int status) {
    return new Fault(Kind.SERVER_ERROR, require5xx(status), Duration.ZERO);
  }

  /**
   * The request is processed, then a 5xx is returned.
   *
   * @throws IllegalArgumentException if the status is not 5xx
   */
  public static Fault serverErrorAfterProcessing(int status) {
    return new Fault(Kind.SERVER_ERROR_AFTER_PROCESSING, require5xx(status), Duration.ZERO);
  }

  /** An HTML page with the status (a proxy's 502, say); nothing processed. */
  public static Fault htmlPage(int status) {
    return new Fault(Kind.HTML_PAGE, status, Duration.ZERO);
  }

  /** 409 "still in flight" for an idempotency key; nothing processed. */
  public static Fault conflictInFlight() {
    return new Fault(Kind.CONFLICT_IN_FLIGHT, 409, Duration.ZERO);
  }

  /** What the fault does. */
  public Kind kind() {
    return kind;
  }

  /** The HTTP status it answers with, or 0 when it answers with none or the normal one. */
  public int status() {
    return status;
  }

  /** The delay ({@link Kind#DELAY}) or the wait asked for ({@link Kind#RATE_LIMITED}). */
  public Duration delay() {
    return delay;
  }

  /** Whether the request is processed (a payment created) before the fault strikes. */
  public boolean processesRequest() {
    return kind == Kind.RESET_AFTER_PROCESSING
        || kind == Kind.DELAY
        || kind == Kind.TRUNCATED_BODY
        || kind == Kind.SERVER_ERROR_AFTER_PROCESSING;
  }

  @Override
  public String toString() {
    return kind
        + (status != 0 ? "(" + status + ")" : "")
        + (delay.isZero() ? "" : "(" + delay + ")");
  }

  private static int require5xx(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("not a 5xx status: " + status);
    }
    return status;
  }
}
