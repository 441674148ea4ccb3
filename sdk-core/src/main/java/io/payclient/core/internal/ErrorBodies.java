package io.payclient.core.internal;

import com.squareup.moshi.JsonReader;
import io.payclient.core.FieldError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Not API: what vendors' error parsers read the same way. Texts are cut to {@link
 * Limits#MAX_PARSED_TEXT_CHARS} as they are read, and at most {@link Limits#MAX_FIELD_ERRORS} field
 * errors are kept (the rest are skipped unread), so a hostile error body cannot make the SDK build
 * an unbounded message.
 */
public final class ErrorBodies {
  /** The field name of an error that is about the request as a whole. */
  public static final String REQUEST = "<request>";

  private ErrorBodies() {}

  /**
   * A scalar's text (numbers and booleans as their text), at most {@link
   * Limits#MAX_PARSED_TEXT_CHARS} characters of it, or {@code null}; an object or array is skipped.
   */
  public static @Nullable String text(JsonReader r) throws IOException {
    return switch (r.peek()) {
      case STRING, NUMBER, BOOLEAN, NULL -> {
        String t = Json.nextString(r);
        yield t == null ? null : NetworkText.cut(t, Limits.MAX_PARSED_TEXT_CHARS);
      }
      default -> {
        r.skipValue();
        yield null;
      }
    };
  }

  /**
   * Reads a list of field errors {@code [{"field":…, "message":…, "code":…}]}. An entry without a
   * field is about the request ({@link #REQUEST}); its text is the message, else the code, else
   * {@code "invalid"}; a string entry is a message about the request; other entries, and a value
   * that is not an array, are skipped.
   */
  public static List<FieldError> fieldErrors(JsonReader r) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_ARRAY) {
      r.skipValue();
      return List.of();
    }
    List<FieldError> out = new ArrayList<>();
    r.beginArray();
    while (r.hasNext()) {
      if (out.size() >= Limits.MAX_FIELD_ERRORS) {
        r.skipValue();
      } else if (r.peek() == JsonReader.Token.STRING) {
        out.add(
            FieldError.of(REQUEST, NetworkText.cut(r.nextString(), Limits.MAX_PARSED_TEXT_CHARS)));
      } else if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
        r.skipValue();
      } else {
        out.add(fieldError(r));
      }
    }
    r.endArray();
    return List.copyOf(out);
  }

  private static FieldError fieldError(JsonReader r) throws IOException {
    String field = null;
    String message = null;
    String code = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "field" -> field = text(r);
        case "message" -> message = text(r);
        case "code" -> code = text(r);
        default -> r.skipValue();
      }
    }
    r.endObject();
    String text = orElse(message, orElse(code, "invalid"));
    return new FieldError(orElse(field, REQUEST), text, code);
  }

  /** {@code value} unless it is null or blank, else {@code fallback}. */
  public static String orElse(@Nullable String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
