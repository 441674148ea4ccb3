package io.payclient.core;

/**
 * HTTP 401: the API key is missing, wrong or revoked. Nothing was created; retrying with the same
 * key will fail the same way.
 */
public final class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param error the parsed error
   * @param context vendor, idempotency key and attempts
   * @param outcomeUnknown whether an earlier attempt of the same call may have taken effect
   */
  AuthenticationException(ApiError error, Context context, boolean outcomeUnknown) {
    super(error, context, outcomeUnknown);
  }
}
