package io.payclient.core.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Streaming JSON helpers on Moshi's {@link JsonReader}/{@link JsonWriter}. Readers are tolerant:
 * {@code null} is accepted for every optional value and unknown fields are skipped by the callers.
 */
public final class Json {
  private Json() {}

  /** Writes JSON with the given body into bytes. */
  public static byte[] write(JsonBody body) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      body.writeTo(writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer never fails
    }
    return buffer.readByteArray();
  }

  /** Writes a JSON document. */
  @FunctionalInterface
  public interface JsonBody {
    /** Writes the document. */
    void writeTo(JsonWriter writer) throws IOException;
  }

  /** Reads a string, or {@code null}; numbers and booleans are read as their text. */
  public static @Nullable String nextString(JsonReader r) throws IOException {
    return switch (r.peek()) {
      case NULL -> r.nextNull();
      case STRING, NUMBER -> r.nextString();
      case BOOLEAN -> String.valueOf(r.nextBoolean());
      default -> throw new JsonDataException("Expected a string at " + r.getPath());
    };
  }

  /**
   * Reads an integer that must fit a {@code long}, or {@code null}.
   *
   * @throws JsonDataException if it is a fraction or out of range
   */
  public static @Nullable Long nextLong(JsonReader r) throws IOException {
    if (r.peek() == JsonReader.Token.NULL) {
      return r.nextNull();
    }
    String text = r.nextString();
    try {
      return longValueExact(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new JsonDataException("Expected an integer within long range at " + r.getPath());
    }
  }

  /**
   * The exact integer value of a JSON number's text ({@code 1099}, {@code -5}, {@code 1.0E3},
   * {@code 1099.00}). Plain digits are read directly; any other shape goes through {@link
   * BigDecimal}, so what is accepted and what fails are the same either way.
   *
   * @throws NumberFormatException if it is not a number
   * @throws ArithmeticException if it has a fraction or does not fit a {@code long} (a number over
   *     {@link Limits#MAX_NUMBER_CHARS} characters, or with an exponent beyond what a {@code long}
   *     can hold, is refused without being converted)
   */
  public static long longValueExact(String text) {
    int n = text.length();
    int start = n > 1 && text.charAt(0) == '-' ? 1 : 0;
    if (n - start == 0 || n - start > 18) { // 18 digits always fit a long
      return boundedDecimal(text).longValueExact();
    }
    long value = 0;
    for (int i = start; i < n; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return boundedDecimal(text).longValueExact();
      }
      value = value * 10 + digit;
    }
    return start == 1 ? -value : value;
  }

  /** The largest scale (either sign) of a decimal the SDK converts. */
  static final int MAX_SCALE = 64;

  /**
   * A decimal of at most {@link Limits#MAX_NUMBER_CHARS} characters and a scale within ±{@value
   * #MAX_SCALE}: anything larger is refused before any arithmetic, whose cost would grow with the
   * exponent (an exponent of a billion takes gigabytes to print or to compare).
   *
   * @throws NumberFormatException if it is not a decimal
   * @throws ArithmeticException if it is over the bounds
   */
  public static BigDecimal boundedDecimal(String text) {
    if (text.length() > Limits.MAX_NUMBER_CHARS) {
      throw new ArithmeticException("a number of over " + Limits.MAX_NUMBER_CHARS + " characters");
    }
    BigDecimal d = decimal(text);
    if (d.scale() > MAX_SCALE || d.scale() < -MAX_SCALE) {
      throw new ArithmeticException("a number with an exponent out of range");
    }
    return d;
  }

  /**
   * The decimal of {@code text}, exactly as {@link BigDecimal#BigDecimal(String)} reads it (value,
   * scale and what it refuses), through {@link #plainDecimal} for the common shape. No bounds: see
   * {@link #boundedDecimal} for text that is not the SDK's own.
   *
   * @throws NumberFormatException if it is not a decimal
   */
  public static BigDecimal decimal(String text) {
    BigDecimal plain = plainDecimal(text);
    return plain != null ? plain : new BigDecimal(text);
  }

  /** Digits a {@code long} always holds. */
  private static final int LONG_DIGITS = 18;

  /**
   * The decimal of the common shape, ASCII digits with an optional {@code -} and an optional
   * fraction ({@code 10.50}, {@code -3}), of at most 18 digits, built from its unscaled value and
   * scale (the same value and scale as {@code new BigDecimal(text)}, without copying the text into
   * a {@code char[]} and running the general parser); {@code null} for any other text, which {@link
   * BigDecimal#BigDecimal(String)} then decides.
   */
  static @Nullable BigDecimal plainDecimal(String text) {
    int n = text.length();
    int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
    int digits = 0;
    int scale = -1;
    long unscaled = 0;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        unscaled = unscaled * 10 + (c - '0');
        if (++digits > LONG_DIGITS) {
          return null;
        }
        if (scale >= 0) {
          scale++;
        }
      } else if (c == '.' && scale < 0 && digits > 0) {
        scale = 0;
      } else {
        return null;
      }
    }
    if (digits == 0 || scale == 0) {
      return null; // no digit, or a point without a fraction ("1."): the general parser's to decide
    }
    return BigDecimal.valueOf(text.charAt(0) == '-' ? -unscaled : unscaled, Math.max(scale, 0));
  }

  /**
   * Reads an exact decimal from a JSON string or number, or {@code null}.
   *
   * @throws JsonDataException if it is not a decimal, or is over the bounds of {@link
   *     #boundedDecimal(String)}
   */
  public static @Nullable BigDecimal nextDecimal(JsonReader r) throws IOException {
    if (r.peek() == JsonReader.Token.NULL) {
      return r.nextNull();
    }
    String text = r.nextString();
    try {
      return boundedDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new JsonDataException("Expected a decimal within bounds at " + r.getPath());
    }
  }

  /** Reads a boolean, or {@code null}. */
  public static @Nullable Boolean nextBoolean(JsonReader r) throws IOException {
    if (r.peek() == JsonReader.Token.NULL) {
      return r.nextNull();
    }
    return r.nextBoolean();
  }

  /**
   * Reads an ISO-8601 instant ({@code 2025-01-21T00:10:29Z} or with an offset), or {@code null}.
   *
   * @throws JsonDataException if it is not a timestamp
   */
  public static @Nullable Instant nextInstant(JsonReader r) throws IOException {
    String text = nextString(r);
    if (text == null) {
      return null;
    }
    try {
      return Timestamps.parseInstant(text);
    } catch (DateTimeParseException e) {
      throw new JsonDataException("Expected an ISO-8601 timestamp at " + r.getPath());
    }
  }

  /** Reads an ISO date, or {@code null}. */
  public static @Nullable LocalDate nextDate(JsonReader r) throws IOException {
    String text = nextString(r);
    if (text == null) {
      return null;
    }
    try {
      return Timestamps.parseDate(text);
    } catch (DateTimeParseException e) {
      throw new JsonDataException("Expected an ISO date at " + r.getPath());
    }
  }

  /** Reads a URI, or {@code null}; an unparseable link gives {@code null} rather than failing. */
  public static @Nullable URI nextUri(JsonReader r) throws IOException {
    String text = nextString(r);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Reads an array of strings; {@code null} gives an empty list. */
  public static List<String> nextStringList(JsonReader r) throws IOException {
    if (r.peek() == JsonReader.Token.NULL) {
      r.nextNull();
      return List.of();
    }
    List<String> out = new ArrayList<>();
    r.beginArray();
    while (r.hasNext()) {
      String s = nextString(r);
      if (s != null) {
        out.add(s);
      }
    }
    r.endArray();
    return List.copyOf(out);
  }

  /** Reads an object of string values; {@code null} or an empty array gives an empty map. */
  public static Map<String, String> nextStringMap(JsonReader r) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    switch (r.peek()) {
      case NULL -> r.nextNull();
      case BEGIN_ARRAY -> r.skipValue(); // some servers render an empty map as []
      default -> {
        r.beginObject();
        while (r.hasNext()) {
          String key = r.nextName();
          String value = nextString(r);
          if (value != null) {
            out.put(key, value);
          }
        }
        r.endObject();
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Reads any JSON value as plain Java values (maps, lists, strings, {@link BigDecimal} numbers,
   * booleans, {@code null}). Numbers stay exact; a number over the bounds of {@link
   * #boundedDecimal(String)} is kept as its text. At most {@value #MAX_VALUES} values are kept from
   * one document: past that, the rest of each array or object is skipped unread, so a hostile body
   * cannot make it allocate without bound.
   */
  public static @Nullable Object nextValue(JsonReader r) throws IOException {
    return nextValue(r, new int[] {MAX_VALUES});
  }

  /** The most values {@link #nextValue} and {@link #nextObject} keep from one document. */
  public static final int MAX_VALUES = 10_000;

  private static @Nullable Object nextValue(JsonReader r, int[] budget) throws IOException {
    budget[0]--;
    return switch (r.peek()) {
      case NULL -> r.nextNull();
      case BOOLEAN -> r.nextBoolean();
      case NUMBER -> number(r.nextString());
      case STRING -> r.nextString();
      case BEGIN_ARRAY -> {
        List<Object> list = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
          if (budget[0] <= 0) {
            r.skipValue();
          } else {
            list.add(nextValue(r, budget));
          }
        }
        r.endArray();
        yield Collections.unmodifiableList(list);
      }
      case BEGIN_OBJECT -> nextObject(r, budget);
      default -> throw new JsonDataException("Unexpected " + r.peek() + " at " + r.getPath());
    };
  }

  /**
   * Reads an object as a map of plain values; {@code null} gives an empty map. Bounded like {@link
   * #nextValue(JsonReader)}.
   */
  public static Map<String, @Nullable Object> nextObject(JsonReader r) throws IOException {
    return nextObject(r, new int[] {MAX_VALUES});
  }

  private static Map<String, @Nullable Object> nextObject(JsonReader r, int[] budget)
      throws IOException {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    if (r.peek() == JsonReader.Token.NULL) {
      r.nextNull();
      return Collections.unmodifiableMap(map);
    }
    if (r.peek() == JsonReader.Token.BEGIN_ARRAY) {
      r.skipValue();
      return Collections.unmodifiableMap(map);
    }
    r.beginObject();
    while (r.hasNext()) {
      String name = r.nextName();
      if (budget[0] <= 0) {
        r.skipValue();
      } else {
        map.put(name, nextValue(r, budget));
      }
    }
    r.endObject();
    return Collections.unmodifiableMap(map);
  }

  private static Object number(String text) {
    try {
      return boundedDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      return text;
    }
  }

  /** Writes a name and string value, skipping the pair when the value is {@code null}. */
  public static void writeOptional(JsonWriter w, String name, @Nullable String value)
      throws IOException {
    if (value != null) {
      w.name(name).value(value);
    }
  }
}
