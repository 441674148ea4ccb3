package io.payclient.core;

/**
 * HTTP 400, 405 or 422: the vendor rejected the input; see {@link #fieldErrors()}. Nothing was
 * created; fix the request before sending it again.
 */
public final class InvalidRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param error the parsed error
   * @param context vendor, idempotency key and attempts
   * @param outcomeUnknown whether an earlier attempt of the same call may have taken effect
   */
  InvalidRequestException(ApiError error, Context context, boolean outcomeUnknown) {
    super(error, context, outcomeUnknown);
  }
}
