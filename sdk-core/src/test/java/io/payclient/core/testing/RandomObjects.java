package io.payclient.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import okio.Buffer;

/**
 * Generates vendor objects from a documented field list (each optional field present, absent or
 * {@code null}, every enum value and an unknown one, at most one field of an unexpected shape) and
 * checks that a read object lost none of them. Shared by every vendor module's tests (sdk-core's
 * test jar).
 */
public final class RandomObjects {
  private RandomObjects() {}

  /** The shape of a documented field. */
  public enum Kind {
    STRING,
    LONG,
    DECIMAL_STRING,
    INSTANT,
    URI,
    STRING_LIST,
    STRING_MAP,
    NEXT_ACTION,
    ENUM
  }

  /** Whether a field is always sent, may be left out, or may also be sent as {@code null}. */
  public enum Presence {
    REQUIRED,
    OPTIONAL,
    NULLABLE
  }

  /**
   * One documented field.
   *
   * @param wire the wire name
   * @param kind its shape
   * @param values the enum's documented values (for {@link Kind#ENUM})
   * @param presence whether it is always sent, may be left out, or sent as {@code null}
   * @param typed the typed accessor
   * @param raw the raw accessor of an enum, else unused
   */
  public record Field<P>(
      String wire,
      Kind kind,
      List<String> values,
      Presence presence,
      Function<P, Object> typed,
      Function<P, Object> raw) {
    public static <P> Field<P> of(
        String wire, Kind kind, Presence presence, Function<P, Object> typed) {
      return new Field<>(wire, kind, List.of(), presence, typed, p -> null);
    }

    public static <P> Field<P> enumeration(
        String wire,
        Presence presence,
        List<String> values,
        Function<P, Object> typed,
        Function<P, Object> raw) {
      return new Field<>(wire, Kind.ENUM, values, presence, typed, raw);
    }
  }

  /** What was sent: each present field's value ({@code null} when sent as null). */
  public record Generated(
      String json, Map<String, Object> sent, String corrupted, String corruptRaw) {}

  private static final Object ABSENT = new Object();

  public static <P> Generated generate(
      Random rnd, String idField, String id, List<Field<P>> fields, boolean corrupt) {
    Map<String, Object> sent = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    String corrupted = null;
    String corruptRaw = null;
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field<P> f : fields) {
      int roll = f.presence() == Presence.REQUIRED ? 9 : rnd.nextInt(10);
      if (roll < 3) {
        continue; // absent
      }
      if (roll < 5 && f.presence() == Presence.NULLABLE) {
        values.put(f.wire(), null);
      } else {
        values.put(f.wire(), value(rnd, f));
      }
    }
    if (corrupt && !fields.isEmpty()) {
      Field<P> f = fields.get(rnd.nextInt(fields.size()));
      Object[] bad = corruptValue(f.kind());
      values.put(f.wire(), bad[0]);
      corrupted = f.wire();
      corruptRaw = (String) bad[1];
    }
    values.forEach(
        (k, v) -> {
          sent.put(k, v);
          order.add(k);
        });
    order.add(idField);
    if (rnd.nextBoolean()) {
      order.add("x_field_from_a_newer_server");
    }
    Collections.shuffle(order, rnd);
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setSerializeNulls(true);
      w.beginObject();
      for (String name : order) {
        w.name(name);
        if (name.equals(idField)) {
          w.value(id);
        } else if (name.equals("x_field_from_a_newer_server")) {
          write(w, Map.of("nested", List.of(1, "two", Map.of())));
        } else {
          write(w, values.get(name));
        }
      }
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Generated(buffer.readUtf8(), sent, corrupted, corruptRaw);
  }

  /** Checks that every sent field reads back, and that only the corrupted one is untyped. */
  public static <P> void check(
      P p, List<Field<P>> fields, Generated g, Map<String, String> untyped, String seed) {
    for (Field<P> f : fields) {
      Object sent = g.sent().containsKey(f.wire()) ? g.sent().get(f.wire()) : ABSENT;
      Object typed = f.typed().apply(p);
      String what = seed + " " + f.wire() + " in " + g.json();
      if (f.wire().equals(g.corrupted())) {
        if (typed instanceof Enum<?> e) {
          assertThat(e.name()).as(what).isEqualTo("UNKNOWN");
        }
        assertEmpty(typed, what);
        if (f.kind() == Kind.ENUM) {
          assertThat(f.raw().apply(p)).as(what).isNull();
        }
        assertThat(untyped).as(what).containsEntry(f.wire(), g.corruptRaw());
        continue;
      }
      if (sent == ABSENT || sent == null) {
        assertEmpty(typed, what);
        if (f.kind() == Kind.ENUM) {
          assertThat(f.raw().apply(p)).as(what).isNull();
        }
        continue;
      }
      switch (f.kind()) {
        case ENUM -> {
          assertThat(f.raw().apply(p)).as(what).isEqualTo(sent);
          boolean known = f.values().contains(sent);
          assertThat(((Enum<?>) typed).name().equals("UNKNOWN")).as(what).isEqualTo(!known);
        }
        case INSTANT -> assertThat(typed).as(what).isEqualTo(Instant.parse((String) sent));
        case URI -> assertThat(typed).as(what).isEqualTo(java.net.URI.create((String) sent));
        case DECIMAL_STRING -> assertThat(typed).as(what).isEqualTo(new BigDecimal((String) sent));
        default -> assertThat(typed).as(what).isEqualTo(sent);
      }
    }
    if (g.corrupted() == null) {
      assertThat(untyped).as(seed + " " + g.json()).isEmpty();
    } else {
      assertThat(untyped).as(seed + " " + g.json()).containsOnlyKeys(g.corrupted());
    }
  }

  private static void assertEmpty(Object typed, String what) {
    if (typed instanceof List<?> list) {
      assertThat(list).as(what).isEmpty();
    } else if (typed instanceof Map<?, ?> map) {
      assertThat(map).as(what).isEmpty();
    } else if (typed instanceof Enum<?> e) {
      assertThat(e.name()).as(what).isIn("UNKNOWN", "NONE");
    } else {
      assertThat(typed).as(what).isNull();
    }
  }

  private static Object value(Random rnd, Field<?> f) {
    return switch (f.kind()) {
      case STRING -> word(rnd);
      case LONG -> rnd.nextLong() % 1_000_000_000_000_000L;
      case DECIMAL_STRING -> BigDecimal.valueOf(rnd.nextInt(500_000) + 100, 2).toPlainString();
      case INSTANT -> Instant.ofEpochSecond(rnd.nextInt(Integer.MAX_VALUE)).toString();
      case URI -> "https://pay.example/" + word(rnd);
      case STRING_LIST -> {
        List<String> list = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          list.add(word(rnd));
        }
        yield list;
      }
      case STRING_MAP -> {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          map.put(word(rnd), word(rnd));
        }
        yield map;
      }
      case NEXT_ACTION -> {
        if (rnd.nextBoolean()) {
          yield Map.of();
        }
        Map<String, Object> redirect = new LinkedHashMap<>();
        redirect.put("url", "https://pay.example/" + word(rnd));
        redirect.put("return_url", null);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "redirect_to_url");
        action.put("redirect_to_url", redirect);
        yield action;
      }
      case ENUM -> {
        int i = rnd.nextInt(f.values().size() + 1);
        yield i < f.values().size() ? f.values().get(i) : "brand_new_" + word(rnd);
      }
    };
  }

  /** A value of an unexpected shape for the kind, and the raw text the SDK must keep. */
  private static Object[] corruptValue(Kind kind) {
    return switch (kind) {
      case STRING -> new Object[] {Map.of("x", List.of(1)), "{\"x\":[1]}"};
      case LONG -> new Object[] {"12.5x", "12.5x"};
      case DECIMAL_STRING -> new Object[] {"ten", "ten"};
      case INSTANT -> new Object[] {"not-a-time", "not-a-time"};
      case URI -> new Object[] {"http://bad host", "http://bad host"};
      case STRING_LIST, STRING_MAP, NEXT_ACTION -> new Object[] {"solo", "solo"};
      case ENUM -> new Object[] {List.of(1), "[1]"};
    };
  }

  private static String word(Random rnd) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_-é";
    StringBuilder sb = new StringBuilder();
    for (int i = 1 + rnd.nextInt(12); i > 0; i--) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(JsonWriter w, Object v) throws IOException {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof String s) {
      w.value(s);
    } else if (v instanceof Number n) {
      w.value(n);
    } else if (v instanceof List<?> list) {
      w.beginArray();
      for (Object o : list) {
        write(w, o);
      }
      w.endArray();
    } else if (v instanceof Map<?, ?> map) {
      w.beginObject();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        w.name(e.getKey());
        write(w, e.getValue());
      }
      w.endObject();
    } else {
      throw new IllegalArgumentException(String.valueOf(v));
    }
  }
}
