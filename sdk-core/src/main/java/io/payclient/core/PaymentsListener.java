package io.payclient.core;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Callbacks for metrics and tracing. Every method has an empty default; implement what you need.
 * Callbacks run on the calling thread (sync) or on OkHttp's dispatcher threads (async); they must
 * be fast and must not throw (an exception thrown by a listener is logged at DEBUG and ignored).
 * Events never carry the API key or bodies.
 */
public interface PaymentsListener {
  /** A listener that does nothing. */
  PaymentsListener NONE = new PaymentsListener() {};

  /**
   * What a call is: vendor, HTTP method, path (without query) and the idempotency key, if any.
   *
   * @param vendor the vendor
   * @param method the HTTP method
   * @param path the URL path
   * @param idempotencyKey the key sent, or {@code null}
   */
  record Call(String vendor, String method, String path, @Nullable String idempotencyKey) {}

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
}
