package io.payclient.core;

/**
 * HTTP 5xx: the vendor failed. For a create, the payment may or may not exist ({@link
 * #outcomeUnknown()}): retry with the same {@link #idempotencyKey()} (Billingrails, Paygentic) or
 * look the payment up by reference (Lago) before creating again.
 */
public final class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param error the parsed error
   * @param context vendor, idempotency key and attempts
   * @param outcomeUnknown whether the request may have taken effect (true for creates)
   */
  ServerException(ApiError error, Context context, boolean outcomeUnknown) {
    super(error, context, outcomeUnknown);
  }
}
