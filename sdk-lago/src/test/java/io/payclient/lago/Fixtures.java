package io.payclient.lago;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;

/** Test fixtures under src/test/resources/lago. */
public final class Fixtures {
  private Fixtures() {}

  /** The fixture's text. */
  public static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/lago/" + name)) {
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

  /** The JSON of one top-level member of error-bodies.json. */
  public static String errorBody(String key) {
    try {
      JsonReader r = reader(read("error-bodies.json"));
      r.beginObject();
      while (r.hasNext()) {
        if (r.nextName().equals(key)) {
          Buffer out = new Buffer();
          try (com.squareup.moshi.JsonWriter w = com.squareup.moshi.JsonWriter.of(out)) {
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
