package io.payclient.core;

/**
 * HTTP 403: the API key may not do this (a read-only key, a feature not on the plan). Nothing was
 * created.
 */
public final class PermissionException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param error the parsed error
   * @param context vendor, idempotency key and attempts
   * @param outcomeUnknown whether an earlier attempt of the same call may have taken effect
   */
  PermissionException(ApiError error, Context context, boolean outcomeUnknown) {
    super(error, context, outcomeUnknown);
  }
}
