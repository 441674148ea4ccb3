package io.payclient.core.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's one leniency policy for reading responses, applied by every vendor's reader (Lago,
 * Billingrails, Paygentic) through this class.
 *
 * <p><b>Structure is strict, values are lenient.</b>
 *
 * <ol>
 *   <li>A body that is not JSON, is truncated, is not an object where the vendor sends one, or
 *       lacks the object's id fails the read; the transport reports it as {@link
 *       io.payclient.core.ResponseFormatException} (which carries the raw body and says the payment
 *       may exist).
 *   <li>Any single field whose value cannot be typed (a JSON type other than the documented one, an
 *       unparseable number, timestamp, date or URI, an integer out of range, a number longer than
 *       {@link Limits#MAX_NUMBER_CHARS}) never fails the read, whether the spec calls it required
 *       or optional. Its typed accessor is empty ({@code null}, {@code Optional.empty()}, an empty
 *       collection, or {@code UNKNOWN} for enums), and its raw text is kept under its wire name in
 *       the object's {@code untyped()} map: the text of a string, number or boolean, or the JSON
 *       text of an object or array.
 *   <li>{@code null} reads as absent (never as untypable); unknown fields are skipped (or kept in
 *       an {@code other()} map where the object has one); unknown enum values map to {@code
 *       UNKNOWN} and keep their raw value in the enum's raw accessor.
 * </ol>
 *
 * <p>So a create whose payment exists is never turned into an exception by one field. One reader is
 * used per JSON object; it allocates its map of raw texts only when a field fails to type.
 */
public final class LenientReader {
  private @Nullable Map<String, String> untyped;

  /** A reader for one JSON object's fields. */
  public LenientReader() {}

  /** Records {@code name}'s raw text as untypable (a vendor-specific check failed). */
  public void untypable(String name, String rawText) {
    Map<String, String> map = untyped;
    if (map == null) {
      map = new LinkedHashMap<>();
      untyped = map;
    }
    map.put(name, rawText);
  }

  /**
   * Records what {@code child}, the reader of an object nested in this one, could not type, each
   * field named {@code prefix} and its own name ({@code payment_method.created_at}).
   */
  public void adopt(String prefix, LenientReader child) {
    Map<String, String> map = child.untyped;
    if (map != null) {
      map.forEach((name, raw) -> untypable(prefix + name, raw));
    }
  }

  /** Whether any field could not be typed. */
  public boolean anyUntyped() {
    return untyped != null;
  }

  /** Whether {@code name} could not be typed (for an enum that must then read as unknown). */
  public boolean isUntyped(String name) {
    Map<String, String> map = untyped;
    return map != null && map.containsKey(name);
  }

  /** The raw texts of the fields that could not be typed, by wire name; empty (shared) if none. */
  public Map<String, String> untyped() {
    Map<String, String> map = untyped;
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A scalar as text (numbers and booleans as their text), or {@code null}. */
  public @Nullable String string(JsonReader r, String name) throws IOException {
    return switch (r.peek()) {
      case NULL -> r.nextNull();
      case STRING, NUMBER -> r.nextString();
      case BOOLEAN -> String.valueOf(r.nextBoolean());
      default -> {
        untypable(name, rawJson(r));
        yield null;
      }
    };
  }

  /** An integer within {@code long} range, or {@code null}. */
  public @Nullable Long longValue(JsonReader r, String name) throws IOException {
    String text = scalar(r, name);
    if (text == null) {
      return null;
    }
    Long value = parseLong(text);
    if (value == null) {
      untypable(name, text);
    }
    return value;
  }

  /** An integer within {@code int} range, or {@code null}. */
  public @Nullable Integer intValue(JsonReader r, String name) throws IOException {
    String text = scalar(r, name);
    if (text == null) {
      return null;
    }
    Long value = parseLong(text);
    if (value == null || value != value.intValue()) {
      untypable(name, text);
      return null;
    }
    return value.intValue();
  }

  /** An exact decimal from a JSON number or string, or {@code null}. */
  public @Nullable BigDecimal decimal(JsonReader r, String name) throws IOException {
    String text = scalar(r, name);
    if (text == null) {
      return null;
    }
    BigDecimal value = parseDecimal(text);
    if (value == null) {
      untypable(name, text);
    }
    return value;
  }

  /** A JSON boolean, or {@code null}. */
  public @Nullable Boolean bool(JsonReader r, String name) throws IOException {
    return switch (r.peek()) {
      case NULL -> r.nextNull();
      case BOOLEAN -> r.nextBoolean();
      default -> {
        untypable(name, rawText(r));
        yield null;
      }
    };
  }

  /** An ISO-8601 instant, or {@code null}. */
  public @Nullable Instant instant(JsonReader r, String name) throws IOException {
    String text = scalar(r, name);
    if (text == null) {
      return null;
    }
    // The shape servers send (RFC 3339, nothing around it) first: no trimming, no parser object.
    // Text it refuses has surrounding blanks, another shape or an impossible date: typed() decides.
    Instant instant = Timestamps.fastInstant(text);
    return instant != null ? instant : typed(text, name, Timestamps::parseInstant);
  }

  /** An ISO date, or {@code null}. */
  public @Nullable LocalDate date(JsonReader r, String name) throws IOException {
    return typed(r, name, Timestamps::parseDate);
  }

  /**
   * A URI as a {@link Link} (checked now, built when asked for), or {@code null}; a blank string is
   * absent; text that {@link java.net.URI#URI(String)} refuses is untypable.
   */
  public @Nullable Link link(JsonReader r, String name) throws IOException {
    String text = scalar(r, name);
    if (text == null) {
      return null;
    }
    Link plain = Link.plainOrNull(text); // the common http(s) URL, nothing around it: no trimming
    return plain != null ? plain : typed(text, name, Link::parse);
  }

  /** Parses a value's trimmed text; any exception means the text cannot be typed. */
  @FunctionalInterface
  private interface Parse<T> {
    T parse(String text) throws Exception;
  }

  /**
   * A scalar typed by {@code parse}, or {@code null}: absent or blank is {@code null}; text that
   * {@code parse} refuses, in whatever way, is untypable.
   */
  private <T> @Nullable T typed(JsonReader r, String name, Parse<T> parse) throws IOException {
    String text = scalar(r, name);
    return text == null ? null : typed(text, name, parse);
  }

  /** {@link #typed(JsonReader, String, Parse)} of a scalar's text. */
  private <T> @Nullable T typed(String text, String name, Parse<T> parse) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return parse.parse(text.trim());
    } catch (Exception e) { // any refusal, whatever its type: the rule is "untypable, not fatal"
      untypable(name, text);
      return null;
    }
  }

  /** An array of strings; {@code null} is empty; any other shape is untypable. */
  public List<String> stringList(JsonReader r, String name) throws IOException {
    JsonReader.Token t = r.peek();
    if (t == JsonReader.Token.NULL) {
      r.nextNull();
      return List.of();
    }
    if (t != JsonReader.Token.BEGIN_ARRAY) {
      untypable(name, rawText(r));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    List<String> texts = null; // every item's text, once an item is not a scalar
    r.beginArray();
    while (r.hasNext()) {
      JsonReader.Token item = r.peek();
      if (item == JsonReader.Token.NULL) {
        r.nextNull();
        continue;
      }
      if (item == JsonReader.Token.BEGIN_OBJECT || item == JsonReader.Token.BEGIN_ARRAY) {
        if (texts == null) {
          texts = new ArrayList<>(out);
        }
        texts.add(rawJson(r));
        continue;
      }
      String text = rawText(r);
      out.add(text);
      if (texts != null) {
        texts.add(text);
      }
    }
    r.endArray();
    if (texts != null) {
      untypable(name, texts.toString());
      return List.of();
    }
    return List.copyOf(out);
  }

  /**
   * An object of scalar values as strings; {@code null} or {@code []} (how some servers render an
   * empty map) is empty; a {@code null} value is left out. A value that is an object or array is
   * left out too and is untypable as {@code <name>.<key>}; any other shape of the whole value is
   * untypable.
   */
  public Map<String, String> stringMap(JsonReader r, String name) throws IOException {
    switch (r.peek()) {
      case NULL -> {
        r.nextNull();
        return Map.of();
      }
      case BEGIN_OBJECT -> {}
      case BEGIN_ARRAY -> {
        String raw = rawJson(r);
        if (!raw.replaceAll("\\s", "").equals("[]")) {
          untypable(name, raw);
        }
        return Map.of();
      }
      default -> {
        untypable(name, rawText(r));
        return Map.of();
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    r.beginObject();
    while (r.hasNext()) {
      String key = r.nextName();
      switch (r.peek()) {
        case STRING, NUMBER -> out.put(key, r.nextString());
        case BOOLEAN -> out.put(key, String.valueOf(r.nextBoolean()));
        case NULL -> r.nextNull();
        default -> untypable(name + "." + key, rawJson(r));
      }
    }
    r.endObject();
    return out.isEmpty() ? Map.of() : Collections.unmodifiableMap(out);
  }

  /**
   * An object as plain values ({@link #value}); {@code null} or {@code []} is empty; a scalar is
   * untypable.
   */
  public Map<String, @Nullable Object> object(JsonReader r, String name) throws IOException {
    switch (r.peek()) {
      case NULL -> {
        r.nextNull();
        return Map.of();
      }
      case BEGIN_OBJECT -> {
        return plainObject(r);
      }
      case BEGIN_ARRAY -> {
        String raw = rawJson(r);
        if (!raw.replaceAll("\\s", "").equals("[]")) {
          untypable(name, raw);
        }
        return Map.of();
      }
      default -> {
        untypable(name, rawText(r));
        return Map.of();
      }
    }
  }

  /**
   * An array of objects as plain values; {@code null} is empty; any other shape, or an item that is
   * not an object, is untypable.
   */
  public List<Map<String, @Nullable Object>> objectList(JsonReader r, String name)
      throws IOException {
    JsonReader.Token t = r.peek();
    if (t == JsonReader.Token.NULL) {
      r.nextNull();
      return List.of();
    }
    if (t != JsonReader.Token.BEGIN_ARRAY) {
      untypable(name, rawText(r));
      return List.of();
    }
    String raw = rawJson(r); // small nested arrays: read once as text, then as values
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    JsonReader items = JsonReader.of(new okio.Buffer().writeUtf8(raw));
    items.beginArray();
    while (items.hasNext()) {
      if (items.peek() != JsonReader.Token.BEGIN_OBJECT) {
        untypable(name, raw);
        return List.of();
      }
      out.add(plainObject(items));
    }
    items.endArray();
    return List.copyOf(out);
  }

  /**
   * Any JSON value as plain Java values: maps, lists, strings, booleans, {@code null}, and numbers
   * as {@link BigDecimal}, except a number that cannot be one (too long, out of range), which stays
   * its text. Never fails on a value's shape.
   */
  public static @Nullable Object value(JsonReader r) throws IOException {
    return switch (r.peek()) {
      case NULL -> r.nextNull();
      case BOOLEAN -> r.nextBoolean();
      case NUMBER -> {
        String text = r.nextString();
        BigDecimal d = parseDecimal(text);
        yield d != null ? d : text;
      }
      case STRING -> r.nextString();
      case BEGIN_ARRAY -> {
        List<@Nullable Object> list = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
          list.add(value(r));
        }
        r.endArray();
        yield Collections.unmodifiableList(list);
      }
      case BEGIN_OBJECT -> plainObject(r);
      default -> throw new JsonDataException("Unexpected " + r.peek() + " at " + r.getPath());
    };
  }

  /** The class of the maps {@link #plainObject} returns (an unmodifiable view of its own map). */
  private static final Class<?> PLAIN_OBJECT_CLASS =
      Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

  /**
   * An unmodifiable copy of {@code map} in its order, for the constructors of the SDK's value
   * classes; a map read by {@link #plainObject} or {@link #stringMap} (an unmodifiable view of a
   * map no one else holds) is returned as it is instead of being copied again, and an empty map is
   * the shared empty map. Only for maps that the SDK itself built: an unmodifiable view of a map
   * that its caller still modifies would not be copied.
   */
  @SuppressWarnings("unchecked")
  public static <V> Map<String, V> frozen(Map<String, V> map) {
    if (map.isEmpty()) {
      return Map.of();
    }
    return map.getClass() == PLAIN_OBJECT_CLASS
        ? map
        : (Map<String, V>) Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** An object's members as plain values ({@link #value}); the reader must be at an object. */
  public static Map<String, @Nullable Object> plainObject(JsonReader r) throws IOException {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    r.beginObject();
    while (r.hasNext()) {
      map.put(r.nextName(), value(r));
    }
    r.endObject();
    return Collections.unmodifiableMap(map);
  }

  /**
   * The exact {@code long} of an integer's text, or {@code null} if it is not one (a fraction, out
   * of range, longer than {@link Limits#MAX_NUMBER_CHARS}, not a number). Never throws.
   */
  public static @Nullable Long parseLong(String text) {
    String t = text.trim();
    if (t.isEmpty() || t.length() > Limits.MAX_NUMBER_CHARS) {
      return null;
    }
    try {
      return Json.longValueExact(t);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * The exact decimal of a number's text, or {@code null} if it is not one, is longer than {@link
   * Limits#MAX_NUMBER_CHARS} or has an exponent beyond ±64 (see {@link Json#boundedDecimal}: its
   * rendering would not be bounded). Never throws.
   */
  public static @Nullable BigDecimal parseDecimal(String text) {
    String t = text.trim();
    if (t.isEmpty() || t.length() > Limits.MAX_NUMBER_CHARS) {
      return null;
    }
    try {
      return Json.boundedDecimal(t);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** A scalar's text, or {@code null}; an object or array is recorded as untypable. */
  private @Nullable String scalar(JsonReader r, String name) throws IOException {
    return switch (r.peek()) {
      case NULL -> r.nextNull();
      case STRING, NUMBER -> r.nextString();
      case BOOLEAN -> {
        untypable(name, String.valueOf(r.nextBoolean()));
        yield null;
      }
      default -> {
        untypable(name, rawJson(r));
        yield null;
      }
    };
  }

  /**
   * The next value's text, the form {@link #untyped()} keeps: a scalar's own text, or an object's
   * or array's JSON text.
   */
  public static String rawText(JsonReader r) throws IOException {
    return switch (r.peek()) {
      case STRING, NUMBER -> r.nextString();
      case BOOLEAN -> String.valueOf(r.nextBoolean());
      default -> rawJson(r);
    };
  }

  /** The next value exactly as its JSON text. */
  private static String rawJson(JsonReader r) throws IOException {
    try (BufferedSource source = r.nextSource()) {
      return source.readUtf8();
    }
  }
}
