package io.payclient.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An error response as the vendor sent it, parsed into a neutral shape. Carried by {@link
 * ApiException}.
 *
 * @param httpStatus the HTTP status code
 * @param code the vendor's error code ({@code invoice_not_found}, {@code validation_error}), or
 *     {@code null}
 * @param message the vendor's human-readable message, or the HTTP reason when it sent none
 * @param fieldErrors per-field errors the vendor reported; empty when none
 * @param requestId the vendor's request id, or {@code null}
 * @param rawBody the start of the body as received (capped, secrets redacted), or {@code null}
 * @param retryAfter how long the server asked the client to wait, or {@code null}
 */
public record ApiError(
    int httpStatus,
    @Nullable String code,
    String message,
    List<FieldError> fieldErrors,
    @Nullable String requestId,
    @Nullable String rawBody,
    @Nullable Duration retryAfter) {

  /** Validates and copies the fields. */
  public ApiError {
    Objects.requireNonNull(message, "message");
    fieldErrors = List.copyOf(fieldErrors);
  }
}
