package io.payclient.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one kind of wire object, written into the tests from the vendors' specs and facts:
 * each field's JSON type, whether it must be present and whether it may be null. {@link
 * #violations} lists every difference of an object from it, so a trimmed or mistyped object fails.
 */
final class WireShape {
  /** A JSON type, with the string formats the specs name. */
  enum Type {
    STRING,
    UUID,
    DATE,
    DATE_TIME,
    INTEGER,
    DECIMAL_STRING,
    BOOLEAN,
    OBJECT,
    ARRAY
  }

  private record Field(Type type, boolean required, boolean nullable) {}

  private final String name;
  private final Map<String, Field> fields = new LinkedHashMap<>();

  private WireShape(String name) {
    this.name = name;
  }

  static WireShape of(String name) {
    return new WireShape(name);
  }

  /** A field the spec requires, never null. */
  WireShape required(String field, Type type) {
    fields.put(field, new Field(type, true, false));
    return this;
  }

  /** A field that must be present and may be null. */
  WireShape requiredNullable(String field, Type type) {
    fields.put(field, new Field(type, true, true));
    return this;
  }

  /** A field that may be absent, never null when present. */
  WireShape optional(String field, Type type) {
    fields.put(field, new Field(type, false, false));
    return this;
  }

  /** A field that may be absent or null. */
  WireShape optionalNullable(String field, Type type) {
    fields.put(field, new Field(type, false, true));
    return this;
  }

  /** Every difference of {@code value} from this shape; empty when it conforms. */
  List<String> violations(@Nullable Object value) {
    List<String> out = new ArrayList<>();
    if (!(value instanceof Map<?, ?> object)) {
      out.add(name + ": not an object: " + value);
      return out;
    }
    for (Map.Entry<String, Field> e : fields.entrySet()) {
      String field = e.getKey();
      Field f = e.getValue();
      if (!object.containsKey(field)) {
        if (f.required()) {
          out.add(name + "." + field + ": missing");
        }
        continue;
      }
      Object v = object.get(field);
      if (v == null) {
        if (!f.nullable()) {
          out.add(name + "." + field + ": null");
        }
      } else if (!matches(f.type(), v)) {
        out.add(name + "." + field + ": not " + f.type() + ": " + v);
      }
    }
    return out;
  }

  private static boolean matches(Type type, Object v) {
    return switch (type) {
      case STRING -> v instanceof String;
      case UUID -> v instanceof String s && parses(() -> java.util.UUID.fromString(s));
      case DATE -> v instanceof String s && parses(() -> LocalDate.parse(s));
      case DATE_TIME -> v instanceof String s && parses(() -> OffsetDateTime.parse(s));
      case INTEGER -> v instanceof BigDecimal d && d.scale() <= 0;
      case DECIMAL_STRING -> v instanceof String s && s.matches("\\d+(\\.\\d+)?");
      case BOOLEAN -> v instanceof Boolean;
      case OBJECT -> v instanceof Map<?, ?>;
      case ARRAY -> v instanceof List<?>;
    };
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return false;
    }
  }
}
