package io.payclient.lago.internal;

import com.squareup.moshi.JsonReader;
import io.payclient.core.ApiError;
import io.payclient.core.FieldError;
import io.payclient.core.internal.ErrorParser;
import io.payclient.core.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Lago's error bodies: {@code {status, error, code?, error_details?}}. A 422 {@code
 * validation_errors} has {@code error_details: {field: [codes]}}, which become field errors; any
 * other shape of {@code error_details} (an object of strings, a plain string) is kept in the
 * message, never a failure.
 */
public final class LagoErrorParser implements ErrorParser {
  /** The shared instance. */
  public static final LagoErrorParser INSTANCE = new LagoErrorParser();

  private LagoErrorParser() {}

  @Override
  public ApiError parse(int httpStatus, JsonReader r) throws IOException {
    String error = null;
    String code = null;
    Object details = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "error" -> error = Json.nextString(r);
        case "code" -> code = Json.nextString(r);
        case "error_details" -> details = Json.nextValue(r);
        default -> r.skipValue();
      }
    }
    r.endObject();
    List<FieldError> fieldErrors = new ArrayList<>();
    StringBuilder message = new StringBuilder(error != null ? error : "HTTP " + httpStatus);
    if (details instanceof Map<?, ?> map) {
      List<String> other = new ArrayList<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String field = String.valueOf(e.getKey());
        if (e.getValue() instanceof List<?> codes) {
          for (Object c : codes) {
            String text = String.valueOf(c);
            fieldErrors.add(new FieldError(field, text, text));
          }
        } else {
          other.add(field + "=" + render(e.getValue()));
        }
      }
      if (!other.isEmpty()) {
        message.append(" (").append(String.join(", ", other)).append(')');
      }
    } else if (details != null) {
      message.append(" (").append(render(details)).append(')');
    }
    return new ApiError(httpStatus, code, message.toString(), fieldErrors, null, null, null);
  }

  private static String render(@Nullable Object value) {
    String s = String.valueOf(value);
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
