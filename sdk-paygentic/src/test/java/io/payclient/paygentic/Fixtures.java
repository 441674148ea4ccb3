package io.payclient.paygentic;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;

/** Test fixtures under src/test/resources/paygentic. */
public final class Fixtures {
  private Fixtures() {}

  /** The fixture's text. */
  public static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/paygentic/" + name)) {
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

  /** The JSON as a tree of maps, lists and values: compare documents with field order aside. */
  public static Object tree(String json) {
    try {
      return reader(json).readJsonValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON bytes as a tree. */
  public static Object tree(byte[] json) {
    return tree(new String(json, StandardCharsets.UTF_8));
  }
}
