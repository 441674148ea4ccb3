package io.payclient.testkit;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * JSON for the fakes: parses to maps, lists, strings, exact {@link BigDecimal} numbers, booleans
 * and {@code null}, and writes the same back. Fakes use it instead of the SDK's serializers.
 */
public final class JsonTree {
  private JsonTree() {}

  /**
   * Parses a document.
   *
   * @throws IllegalArgumentException if it is not valid JSON
   */
  public static @Nullable Object parse(@Nullable ByteString body) {
    if (body == null || body.size() == 0) {
      throw new IllegalArgumentException("empty body");
    }
    try {
      JsonReader r = JsonReader.of(new Buffer().write(body));
      Object value = read(r);
      if (r.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("trailing data");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
  }

  /** Parses a document that must be an object; anything else gives {@code null}. */
  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, @Nullable Object> parseObject(@Nullable ByteString body) {
    try {
      Object value = parse(body);
      return value instanceof Map<?, ?> m ? (Map<String, @Nullable Object>) m : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable Object read(JsonReader r) throws IOException {
    return switch (r.peek()) {
      case NULL -> r.nextNull();
      case BOOLEAN -> r.nextBoolean();
      case NUMBER -> new BigDecimal(r.nextString());
      case STRING -> r.nextString();
      case BEGIN_ARRAY -> {
        List<@Nullable Object> list = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
          list.add(read(r));
        }
        r.endArray();
        yield Collections.unmodifiableList(list);
      }
      case BEGIN_OBJECT -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        r.beginObject();
        while (r.hasNext()) {
          map.put(r.nextName(), read(r));
        }
        r.endObject();
        yield Collections.unmodifiableMap(map);
      }
      default -> throw new IOException("unexpected " + r.peek());
    };
  }

  /** Writes a value (maps, lists, strings, numbers, booleans, null) as compact JSON. */
  public static String write(@Nullable Object value) {
    Buffer out = new Buffer();
    try (JsonWriter w = JsonWriter.of(out)) {
      w.setSerializeNulls(true);
      write(w, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.readUtf8();
  }

  private static void write(JsonWriter w, @Nullable Object value) throws IOException {
    if (value == null) {
      w.nullValue();
    } else if (value instanceof String s) {
      w.value(s);
    } else if (value instanceof Boolean b) {
      w.value(b);
    } else if (value instanceof BigDecimal d) {
      w.value(d);
    } else if (value instanceof Number n) {
      w.value(n);
    } else if (value instanceof Map<?, ?> m) {
      w.beginObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        w.name(String.valueOf(e.getKey()));
        write(w, e.getValue());
      }
      w.endObject();
    } else if (value instanceof Iterable<?> it) {
      w.beginArray();
      for (Object o : it) {
        write(w, o);
      }
      w.endArray();
    } else {
      w.value(String.valueOf(value));
    }
  }

  /**
   * An ordered map from alternating keys and values, nulls allowed: {@code obj("a", 1, "b", null)}.
   */
  public static Map<String, @Nullable Object> obj(@Nullable Object... keysAndValues) {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return map;
  }
}
