package io.payclient.billingrails;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.payclient.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;

/** Test fixtures under src/test/resources/billingrails. */
public final class Fixtures {
  private Fixtures() {}

  /** The fixture's text. */
  public static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/billingrails/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON reader over the text. */
  public static JsonReader reader(String json) {
    return JsonReader.of(new Buffer().writeUtf8(json));
  }

  /** The JSON as a tree of plain values (maps compare regardless of field order). */
  public static Object tree(String json) {
    try {
      return Json.nextValue(reader(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON of one top-level member of error-bodies.json. */
  public static String errorBody(String key) {
    try {
      JsonReader r = reader(read("error-bodies.json"));
      r.beginObject();
      while (r.hasNext()) {
        if (r.nextName().equals(key)) {
          Buffer out = new Buffer();
          try (JsonWriter w = JsonWriter.of(out)) {
            w.jsonValue(r.readJsonValue());
          }
          return out.readUtf8();
        }
        r.skipValue();
      }
      throw new IllegalArgumentException("No error body " + key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
