package io.payclient.paygentic.internal;

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
import org.jspecify.annotations.Nullable;

/**
 * Paygentic's two error bodies, told apart by the presence of {@code errors}:
 *
 * <ul>
 *   <li>{@code Error}: {@code {error?, message, code?, details?}}: the code is {@code code} (the
 *       business code, such as {@code TAX_NOT_ENABLED}) or else {@code error} (the coarse category,
 *       such as {@code not_found}); {@code details} is appended to the message;
 *   <li>{@code ValidationError} (400): {@code {error:"validation_error", message, errors:[{field,
 *       message, code?}]}}: each entry of {@code errors} becomes a field error.
 * </ul>
 *
 * <p>Neither shape is ever a failure in its details: missing fields fall back to the HTTP status.
 * Every text is kept whole (the transport redacts, then caps it): {@code details} as its JSON text
 * (numbers stay text), and {@code error} when it is neither the code nor the message. At most
 * {@link Limits#MAX_FIELD_ERRORS} field errors are kept; the rest are skipped unread.
 */
public final class PaygenticErrorParser implements ErrorParser {
  /** The shared instance. */
  public static final PaygenticErrorParser INSTANCE = new PaygenticErrorParser();

  private PaygenticErrorParser() {}

  /** At most {@link Limits#MAX_PARSED_TEXT_CHARS} characters of a text. */
  private static @Nullable String cut(@Nullable String text) {
    return text == null ? null : NetworkText.cut(text, Limits.MAX_PARSED_TEXT_CHARS);
  }

  @Override
  public ApiError parse(int httpStatus, JsonReader r) throws IOException {
    String error = null;
    String message = null;
    String code = null;
    String details = null;
    List<FieldError> fieldErrors = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "error" -> error = ErrorBodies.text(r);
        case "message" -> message = ErrorBodies.text(r);
        case "code" -> code = ErrorBodies.text(r);
        case "details" -> details = cut(rawText(r));
        case "errors" -> fieldErrors = ErrorBodies.fieldErrors(r);
        default -> r.skipValue();
      }
    }
    r.endObject();
    StringBuilder text =
        new StringBuilder(
            message != null && !message.isBlank()
                ? message
                : error != null ? error : "HTTP " + httpStatus);
    if (error != null && code != null && !error.equals(code) && !text.toString().equals(error)) {
      text.append(" (error: ").append(error).append(')');
    }
    if (details != null && !details.strip().matches("|\\{\\s*}|\\[\\s*]")) {
      text.append(" (details: ").append(details).append(')');
    }
    return CoreAccess.get()
        .apiError(
            httpStatus,
            code != null ? code : error,
            text.toString(),
            fieldErrors == null ? List.of() : fieldErrors,
            null,
            null,
            null);
  }

  /** A scalar's text, or an object's or array's JSON text; {@code null} for null. */
  private static @Nullable String rawText(JsonReader r) throws IOException {
    return switch (r.peek()) {
      case NULL -> r.nextNull();
      case STRING, NUMBER -> r.nextString();
      case BOOLEAN -> String.valueOf(r.nextBoolean());
      default -> {
        try (okio.BufferedSource source = r.nextSource()) {
          yield source.readUtf8();
        }
      }
    };
  }
}
