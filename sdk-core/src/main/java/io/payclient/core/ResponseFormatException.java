package io.payclient.core;

import org.jspecify.annotations.Nullable;

/**
 * The vendor answered, but the body could not be read: truncated or invalid JSON, an HTML page, a
 * wrong type, a number out of range, or a body over the size cap.
 *
 * <p>For a 2xx answer to a create, the payment <em>was</em> most likely created: {@link
 * #outcomeUnknown()} is {@code true}; retrieve it, or retry with the same {@link
 * #idempotencyKey()}, rather than creating again.
 */
public final class ResponseFormatException extends PayClientException {
  private static final long serialVersionUID = 1L;
  private final int httpStatus;
  private final @Nullable String rawBody;

  /**
   * Creates the exception.
   *
   * @param message what could not be read
   * @param cause the parse failure
   * @param context vendor, idempotency key and attempts
   * @param httpStatus the HTTP status of the unreadable response
   * @param rawBody the start of the body (capped, secrets redacted), or {@code null}
   * @param outcomeUnknown whether the request may have taken effect
   */
  ResponseFormatException(
      String message,
      @Nullable Throwable cause,
      Context context,
      int httpStatus,
      @Nullable String rawBody,
      boolean outcomeUnknown) {
    super(message, cause, context, outcomeUnknown);
    this.httpStatus = httpStatus;
    this.rawBody = rawBody;
  }

  /** The HTTP status of the response that could not be read. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The start of the body as received (capped, secrets redacted), or {@code null}. */
  public @Nullable String rawBody() {
    return rawBody;
  }
}
