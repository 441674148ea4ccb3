package io.payclient.core;

/** HTTP 404: the payment, invoice or customer does not exist for this key; see {@link #code()}. */
public final class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param error the parsed error
   * @param context vendor, idempotency key and attempts
   * @param outcomeUnknown whether an earlier attempt of the same call may have taken effect
   */
  NotFoundException(ApiError error, Context context, boolean outcomeUnknown) {
    super(error, context, outcomeUnknown);
  }
}
