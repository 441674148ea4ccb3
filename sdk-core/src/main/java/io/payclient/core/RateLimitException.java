package io.payclient.core;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429: too many requests. The server did not process the request, so it is always safe to send
 * again after {@link #retryAfter()}. Thrown only once the SDK's own retries are exhausted.
 */
public final class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param error the parsed error
   * @param context vendor, idempotency key and attempts
   * @param outcomeUnknown whether an earlier attempt of the same call may have taken effect
   */
  RateLimitException(ApiError error, Context context, boolean outcomeUnknown) {
    super(error, context, outcomeUnknown);
  }

  /** How long the server asked to wait ({@code Retry-After}, Lago's {@code X-RateLimit-Reset}). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(error().retryAfter());
  }
}
