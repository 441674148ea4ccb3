package io.payclient.lago.internal;

import com.squareup.moshi.JsonReader;
import io.payclient.core.ApiError;
import io.payclient.core.FieldError;
import io.payclient.core.internal.CoreAccess;
import io.payclient.core.internal.ErrorParser;
import io.payclient.core.internal.Limits;
import io.payclient.core.internal.NetworkText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Lago's error bodies: {@code {status, error, message?, code?, error_details?}}. Every text the
 * server sends is kept (the transport redacts, then caps it): the message is {@code error}, then
 * {@code message}, then every {@code error_details} text and unknown member that did not become a
 * field error, in parentheses. Field errors come from every shape that carries them:
 *
 * <ul>
 *   <li>{@code {"<field>": ["<code>", …]}} (a 422 {@code validation_errors}): one per code;
 *   <li>rows {@code {"0": {field?, code?, message?}, …}} or {@code [{field?, code?, message?}, …]}
 *       (seen in Lago's Go client): one per row, under the row's {@code field}, else the key when
 *       it is not a row number, else {@code base} (Rails' name for an error of the whole object);
 *   <li>{@code {"<field>": [{code?, message?}, …]}}: one per row.
 * </ul>
 *
 * Any other shape (an object of strings as in {@code provider_error}, a plain string) goes into the
 * message, never a failure. Numbers stay their text. At most {@link Limits#MAX_FIELD_ERRORS} field
 * errors are kept; the rest are skipped unread.
 */
public final class LagoErrorParser implements ErrorParser {
  /** The shared instance. */
  public static final LagoErrorParser INSTANCE = new LagoErrorParser();

  /** The field of a row that names none. */
  static final String BASE = "base";

  private LagoErrorParser() {}

  @Override
  public ApiError parse(int httpStatus, JsonReader r) throws IOException {
    String error = null;
    String message = null;
    String code = null;
    Details details = new Details();
    r.beginObject();
    while (r.hasNext()) {
      String name = r.nextName();
      switch (name) {
        case "error" -> error = cut(text(r));
        case "message" -> message = cut(text(r));
        case "code" -> code = cut(text(r));
        case "status" -> r.skipValue(); // the HTTP status says it
        case "error_details" -> details.read(r);
        default -> {
          if (details.hasRoom()) {
            details.other(name, text(r));
          } else {
            r.skipValue(); // past the text budget: skipped unread
          }
        }
      }
    }
    r.endObject();
    StringBuilder out = new StringBuilder();
    if (error != null && !error.isBlank()) {
      out.append(error);
    }
    if (message != null && !message.isBlank() && !message.equals(error)) {
      out.append(out.length() == 0 ? "" : ": ").append(message);
    }
    if (out.length() == 0) {
      out.append("HTTP ").append(httpStatus);
    }
    if (!details.texts.isEmpty()) {
      out.append(" (").append(String.join(", ", details.texts)).append(')');
    }
    return CoreAccess.get()
        .apiError(
            httpStatus,
            code,
            NetworkText.cut(out.toString(), Limits.MAX_PARSED_TEXT_CHARS),
            details.fieldErrors,
            null,
            null,
            null);
  }

  /** At most {@link Limits#MAX_PARSED_TEXT_CHARS} characters of a text. */
  private static @Nullable String cut(@Nullable String text) {
    return text == null ? null : NetworkText.cut(text, Limits.MAX_PARSED_TEXT_CHARS);
  }

  /**
   * {@code error_details} and unknown members, read as they stream by; past {@link
   * Limits#MAX_PARSED_TEXT_CHARS} characters of kept text, further texts are skipped unread.
   */
  private static final class Details {
    final List<FieldError> fieldErrors = new ArrayList<>();
    final List<String> texts = new ArrayList<>();
    private int textChars;

    boolean hasRoom() {
      return textChars < Limits.MAX_PARSED_TEXT_CHARS;
    }

    private void keep(String text) {
      String kept = NetworkText.cut(text, Limits.MAX_PARSED_TEXT_CHARS - textChars);
      texts.add(kept);
      textChars += kept.length() + 2;
    }

    void other(String name, @Nullable String value) {
      if (value != null && hasRoom()) {
        keep(name + "=" + value);
      }
    }

    void read(JsonReader r) throws IOException {
      switch (r.peek()) {
        case NULL -> r.nextNull();
        case BEGIN_OBJECT -> {
          r.beginObject();
          while (r.hasNext()) {
            String key = r.nextName();
            switch (r.peek()) {
              case BEGIN_ARRAY -> readList(r, key);
              case BEGIN_OBJECT -> readRow(r, key);
              default -> {
                if (hasRoom()) {
                  other(key, text(r));
                } else {
                  r.skipValue();
                }
              }
            }
          }
          r.endObject();
        }
        case BEGIN_ARRAY -> readList(r, BASE);
        default -> {
          String s = text(r);
          if (s != null && hasRoom()) {
            keep(s);
          }
        }
      }
    }

    /** {@code ["code", …]} or {@code [{field?, code?, message?}, …]} of one field. */
    private void readList(JsonReader r, String key) throws IOException {
      r.beginArray();
      while (r.hasNext()) {
        if (fieldErrors.size() >= Limits.MAX_FIELD_ERRORS) {
          r.skipValue();
        } else if (r.peek() == JsonReader.Token.BEGIN_OBJECT) {
          readRow(r, key);
        } else {
          String c = text(r);
          if (c != null) {
            fieldErrors.add(new FieldError(key, c, c));
          }
        }
      }
      r.endArray();
    }

    /** A row {@code {field?, code?, message?}}; an object without any of them is kept as text. */
    private void readRow(JsonReader r, String key) throws IOException {
      if (fieldErrors.size() >= Limits.MAX_FIELD_ERRORS) {
        r.skipValue();
        return;
      }
      String field = null;
      String rowCode = null;
      String rowMessage = null;
      List<String> rest = new ArrayList<>();
      r.beginObject();
      while (r.hasNext()) {
        String name = r.nextName();
        switch (name) {
          case "field", "attribute" -> field = cut(text(r));
          case "code", "error_code" -> rowCode = cut(text(r));
          case "message" -> rowMessage = cut(text(r));
          default -> {
            if (rest.size() < 8 && hasRoom()) {
              String v = text(r);
              if (v != null) {
                rest.add(NetworkText.cut(name + "=" + v, Limits.MAX_TEXT_CHARS));
              }
            } else {
              r.skipValue();
            }
          }
        }
      }
      r.endObject();
      if (field == null && rowCode == null && rowMessage == null) {
        if (hasRoom()) {
          keep(key + "={" + String.join(", ", rest) + "}");
        }
        return;
      }
      if (field == null || field.isBlank()) {
        field = isRowNumber(key) ? BASE : key;
      }
      String msg = rowMessage != null ? rowMessage : rowCode != null ? rowCode : "invalid";
      if (!rest.isEmpty()) {
        msg = msg + " (" + String.join(", ", rest) + ")";
      }
      fieldErrors.add(new FieldError(field, msg, rowCode));
    }

    private static boolean isRowNumber(String key) {
      return !key.isEmpty() && key.chars().allMatch(c -> c >= '0' && c <= '9');
    }
  }

  /** A scalar's text (a number stays its text), an object's or array's JSON text, or null. */
  private static @Nullable String text(JsonReader r) throws IOException {
    return switch (r.peek()) {
      case NULL -> r.nextNull();
      case STRING, NUMBER -> r.nextString();
      case BOOLEAN -> String.valueOf(r.nextBoolean());
      default -> {
        try (BufferedSource source = r.nextSource()) {
          yield source.readUtf8();
        }
      }
    };
  }
}
