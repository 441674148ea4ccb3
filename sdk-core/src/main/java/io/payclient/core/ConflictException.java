package io.payclient.core;

/**
 * HTTP 409: the idempotency key was already used with a different body, or a request with the same
 * key is still in flight. The SDK retries the in-flight case itself (with backoff and the same
 * key); when this is thrown for a different body, nothing new was created: use a fresh key for a
 * new payment.
 */
public final class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param error the parsed error
   * @param context vendor, idempotency key and attempts
   * @param outcomeUnknown whether an earlier attempt of the same call may have taken effect
   */
  ConflictException(ApiError error, Context context, boolean outcomeUnknown) {
    super(error, context, outcomeUnknown);
  }
}
