package io.payclient.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An error response as the vendor sent it, parsed into a neutral shape. Carried by {@link
 * ApiException}; built only by the SDK (no public constructor, so that a new field is not a binary
 * break). Equal when every field is equal.
 */
public final class ApiError {
  private final int httpStatus;
  private final @Nullable String code;
  private final String message;
  private final List<FieldError> fieldErrors;
  private final @Nullable String requestId;
  private final @Nullable String rawBody;
  private final @Nullable Duration retryAfter;

  ApiError(
      int httpStatus,
      @Nullable String code,
      String message,
      List<FieldError> fieldErrors,
      @Nullable String requestId,
      @Nullable String rawBody,
      @Nullable Duration retryAfter) {
    this.httpStatus = httpStatus;
    this.code = code;
    this.message = Objects.requireNonNull(message, "message");
    this.fieldErrors = List.copyOf(fieldErrors);
    this.requestId = requestId;
    this.rawBody = rawBody;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status code. */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The vendor's error code ({@code invoice_not_found}, {@code validation_error}), or {@code null}.
   */
  public @Nullable String code() {
    return code;
  }

  /** The vendor's human-readable message, or the HTTP reason when it sent none. */
  public String message() {
    return message;
  }

  /** Per-field errors the vendor reported; empty when none. */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** The vendor's request id, or {@code null}. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** The start of the body as received (capped, secrets redacted), or {@code null}. */
  public @Nullable String rawBody() {
    return rawBody;
  }

  /** How long the server asked the client to wait, or {@code null}. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ApiError e
        && httpStatus == e.httpStatus
        && Objects.equals(code, e.code)
        && message.equals(e.message)
        && fieldErrors.equals(e.fieldErrors)
        && Objects.equals(requestId, e.requestId)
        && Objects.equals(rawBody, e.rawBody)
        && Objects.equals(retryAfter, e.retryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(httpStatus, code, message, fieldErrors, requestId, rawBody, retryAfter);
  }

  @Override
  public String toString() {
    return "ApiError[httpStatus="
        + httpStatus
        + ", code="
        + code
        + ", message="
        + message
        + ", fieldErrors="
        + fieldErrors
        + ", requestId="
        + requestId
        + ", rawBody="
        + rawBody
        + ", retryAfter="
        + retryAfter
        + ']';
  }
}
