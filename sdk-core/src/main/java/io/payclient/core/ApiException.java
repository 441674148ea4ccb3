package io.payclient.core;

import io.payclient.core.internal.Limits;
import io.payclient.core.internal.NetworkText;
import io.payclient.core.internal.RetryPolicy;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The vendor answered with an HTTP error. Subclasses tell the common cases apart:
 *
 * <ul>
 *   <li>{@link AuthenticationException} 401 — bad or missing API key;
 *   <li>{@link PermissionException} 403 — the key may not do this;
 *   <li>{@link InvalidRequestException} 400, 405, 422 — the vendor rejected the input;
 *   <li>{@link NotFoundException} 404;
 *   <li>{@link ConflictException} 409 — idempotency key reused with another body, or still in
 *       flight;
 *   <li>{@link RateLimitException} 429;
 *   <li>{@link ServerException} 5xx — the outcome of a create may be unknown.
 * </ul>
 *
 * <p>Other statuses are thrown as a plain {@code ApiException} with the raw body kept.
 */
public class ApiException extends PayClientException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // a record of serializable values
  private final ApiError error;

  /**
   * Creates the exception.
   *
   * @param error the parsed response
   * @param context vendor, idempotency key and attempts
   * @param outcomeUnknown whether the request may have taken effect anyway
   */
  ApiException(ApiError error, Context context, boolean outcomeUnknown) {
    super(message(context.vendor(), error), null, context, outcomeUnknown);
    this.error = error;
  }

  /**
   * Returns the exception type for the error's HTTP status.
   *
   * @param error the parsed error
   * @param context vendor, idempotency key and attempts
   * @param mayHaveTakenEffect whether a 5xx or 408 could hide a created payment (true for creates)
   */
  static ApiException of(ApiError error, Context context, boolean mayHaveTakenEffect) {
    return of(error, context, mayHaveTakenEffect, false);
  }

  /**
   * Returns the exception type for the error's HTTP status, for the last attempt of a call.
   *
   * @param error the parsed error
   * @param context vendor, idempotency key and attempts
   * @param mayHaveTakenEffect whether a 5xx or 408 could hide a created payment (true for creates)
   * @param earlierAttemptMayHaveTakenEffect whether an earlier attempt of the same call may have
   *     created something: then the outcome is unknown whatever this status says (a 409 or 422
   *     after a lost success does not mean nothing was created)
   */
  static ApiException of(
      ApiError error,
      Context context,
      boolean mayHaveTakenEffect,
      boolean earlierAttemptMayHaveTakenEffect) {
    int s = error.httpStatus();
    boolean ambiguous = RetryPolicy.ambiguous(s);
    boolean unknown = earlierAttemptMayHaveTakenEffect || (ambiguous && mayHaveTakenEffect);
    return switch (s) {
      case 401 -> new AuthenticationException(error, context, unknown);
      case 403 -> new PermissionException(error, context, unknown);
      case 400, 405, 422 -> new InvalidRequestException(error, context, unknown);
      case 404 -> new NotFoundException(error, context, unknown);
      case 409 -> new ConflictException(error, context, unknown);
      case 429 -> new RateLimitException(error, context, unknown);
      default ->
          s >= 500
              ? new ServerException(error, context, unknown)
              : new ApiException(error, context, unknown);
    };
  }

  /** The parsed error. */
  public ApiError error() {
    return error;
  }

  /** The HTTP status code. */
  public int httpStatus() {
    return error.httpStatus();
  }

  /** The vendor's error code, or {@code null}. */
  public @Nullable String code() {
    return error.code();
  }

  /** The vendor's message without the SDK's prefix. */
  public String vendorMessage() {
    return error.message();
  }

  /** Field errors the vendor reported; empty when none. */
  public List<FieldError> fieldErrors() {
    return error.fieldErrors();
  }

  /** The vendor's request id, for support tickets, or {@code null}. */
  public @Nullable String requestId() {
    return error.requestId();
  }

  /** The start of the response body (capped, secrets redacted), or {@code null}. */
  public @Nullable String rawBody() {
    return error.rawBody();
  }

  private static String message(String vendor, ApiError e) {
    StringBuilder sb = new StringBuilder(vendor).append(" HTTP ").append(e.httpStatus());
    if (e.code() != null) {
      sb.append(' ').append(e.code());
    }
    sb.append(": ").append(e.message());
    if (!e.fieldErrors().isEmpty()) {
      List<FieldError> shown = e.fieldErrors();
      int more = shown.size() - SHOWN_FIELD_ERRORS;
      sb.append(" [")
          .append(
              shown.stream()
                  .limit(SHOWN_FIELD_ERRORS)
                  .map(FieldError::toString)
                  .collect(Collectors.joining("; ")))
          .append(more > 0 ? "; and " + more + " more (see fieldErrors())" : "")
          .append(']');
    }
    if (e.requestId() != null) {
      sb.append(" (request id ").append(e.requestId()).append(')');
    }
    return NetworkText.cut(sb.toString(), Limits.MAX_MESSAGE_CHARS);
  }

  /** Field errors spelled out in the message; all of them are in {@link #fieldErrors()}. */
  private static final int SHOWN_FIELD_ERRORS = 10;
}
