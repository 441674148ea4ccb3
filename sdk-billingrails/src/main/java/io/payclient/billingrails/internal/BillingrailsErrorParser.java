package io.payclient.billingrails.internal;

import com.squareup.moshi.JsonReader;
import io.payclient.core.ApiError;
import io.payclient.core.FieldError;
import io.payclient.core.internal.CoreAccess;
import io.payclient.core.internal.ErrorBodies;
import io.payclient.core.internal.ErrorParser;
import io.payclient.core.internal.Limits;
import io.payclient.core.internal.NetworkText;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Billingrails' error bodies.
 *
 * <p>The documented shape is nested: {@code {"error":{"type":…,"code":…,"message":…,
 * "details":[{"field":…,"message":…,"code":…}]}}}. The message is read from {@code error.message};
 * Billingrails' official SDKs read a top-level {@code message} that this shape does not have and so
 * report "Unknown error". Each entry of {@code details} becomes a {@link FieldError} with the field
 * named as the server named it. A flat body {@code {"message":…, "code":…,"details":[…]}} (or
 * {@code {"error":"text"}}) is read as a fallback; {@code meta.request_id} or a top-level {@code
 * request_id} becomes the request id. The nested {@code error.type} ({@code request_error}, …) is
 * kept at the end of the message as {@code (type=…)}, and is the code when the body has no code.
 * Every text is kept whole (the transport redacts, then caps it); numbers stay their text; at most
 * {@link Limits#MAX_FIELD_ERRORS} field errors are kept, the rest skipped unread.
 *
 * <p><b>Which 409 is "still in flight".</b> Billingrails answers 409 both when a key is reused with
 * a different body and when a second request arrives while the first with the same key is still
 * being processed, and it documents no distinct code for either. {@link #isTransient(ApiError)}
 * therefore reads the 409's {@code code} and message: it is transient (the SDK retries it with
 * backoff and the same key) only when they say the original request is still being processed ("in
 * progress", "in flight", "still processing", "being processed", "concurrent", or a code such as
 * {@code idempotency_key_in_use} / {@code request_in_progress}), and never when they say the body
 * differs ("different", "mismatch", "does not match", "reused"). Any other 409 is not retried: it
 * is thrown as a {@link io.payclient.core.ConflictException} carrying the key. This errs on the
 * side of failing visibly: retrying a mismatch can never succeed, and the same key makes any retry
 * duplicate-free anyway.
 */
public final class BillingrailsErrorParser implements ErrorParser {
  /** The shared instance. */
  public static final BillingrailsErrorParser INSTANCE = new BillingrailsErrorParser();

  /** Codes (exact, case-insensitive) that mean the first request with the key is in flight. */
  private static final List<String> IN_FLIGHT_CODES =
      List.of(
          "idempotency_key_in_use",
          "idempotency_key_in_progress",
          "idempotency_request_in_progress",
          "request_in_progress",
          "request_in_flight",
          "in_progress",
          "concurrent_request",
          "concurrent_request_error");

  /** Phrases in the code or message that mean the first request is still being processed. */
  private static final List<String> IN_FLIGHT_PHRASES =
      List.of(
          "in progress",
          "in flight",
          "in-flight",
          "still processing",
          "still being processed",
          "being processed",
          "currently processing",
          "already processing",
          "concurrent");

  /** Phrases that mean the key was used with another body: never transient. */
  private static final List<String> MISMATCH_PHRASES =
      List.of(
          "different",
          "mismatch",
          "does not match",
          "doesn't match",
          "do not match",
          "not match",
          "reused",
          "already used");

  private BillingrailsErrorParser() {}

  @Override
  public ApiError parse(int httpStatus, JsonReader r) throws IOException {
    Nested nested = null;
    String errorText = null;
    String message = null;
    String code = null;
    List<FieldError> details = null;
    String requestId = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "error" -> {
          if (r.peek() == JsonReader.Token.BEGIN_OBJECT) {
            nested = readNested(r);
          } else if (r.peek() == JsonReader.Token.STRING) {
            errorText = NetworkText.cut(r.nextString(), Limits.MAX_PARSED_TEXT_CHARS);
          } else {
            r.skipValue();
          }
        }
        case "message" -> message = ErrorBodies.text(r);
        case "code" -> code = ErrorBodies.text(r);
        case "details", "errors" -> details = ErrorBodies.fieldErrors(r);
        case "request_id" -> requestId = ErrorBodies.text(r);
        case "meta" -> {
          String id = BillingrailsJson.readRequestId(r);
          requestId = requestId != null ? requestId : id;
        }
        default -> r.skipValue();
      }
    }
    r.endObject();
    String type = nested == null ? null : nested.type;
    String finalMessage = firstNonBlank(nested == null ? null : nested.message, message, errorText);
    String finalCode = firstNonBlank(nested == null ? null : nested.code, code, type);
    if (type != null && !type.isBlank()) {
      finalMessage = (finalMessage != null ? finalMessage + " " : "") + "(type=" + type + ")";
    }
    List<FieldError> fieldErrors =
        nested != null && !nested.details.isEmpty()
            ? nested.details
            : details != null ? details : List.of();
    return CoreAccess.get()
        .apiError(
            httpStatus,
            finalCode,
            finalMessage != null ? finalMessage : "HTTP " + httpStatus,
            fieldErrors,
            requestId,
            null,
            null);
  }

  /**
   * A 409 whose code or message says the first request with the same idempotency key is still in
   * flight; see the class documentation for how that is told apart from a different body.
   */
  @Override
  public boolean isTransient(ApiError error) {
    if (error.httpStatus() != 409) {
      return false;
    }
    String code = error.code() == null ? "" : error.code().trim().toLowerCase(Locale.ROOT);
    String text = (code.replace('_', ' ') + " " + error.message()).toLowerCase(Locale.ROOT);
    if (MISMATCH_PHRASES.stream().anyMatch(text::contains)) {
      return false;
    }
    return IN_FLIGHT_CODES.contains(code) || IN_FLIGHT_PHRASES.stream().anyMatch(text::contains);
  }

  private record Nested(
      @Nullable String type,
      @Nullable String code,
      @Nullable String message,
      List<FieldError> details) {}

  private static Nested readNested(JsonReader r) throws IOException {
    String type = null;
    String code = null;
    String message = null;
    List<FieldError> details = List.of();
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "type" -> type = ErrorBodies.text(r);
        case "code" -> code = ErrorBodies.text(r);
        case "message" -> message = ErrorBodies.text(r);
        case "details", "errors" -> details = ErrorBodies.fieldErrors(r);
        default -> r.skipValue(); // anything new
      }
    }
    r.endObject();
    return new Nested(type, code, message, details);
  }

  private static @Nullable String firstNonBlank(
      @Nullable String a, @Nullable String b, @Nullable String c) {
    for (String s : new String[] {a, b, c}) {
      if (s != null && !s.isBlank()) {
        return s;
      }
    }
    return null;
  }
}
