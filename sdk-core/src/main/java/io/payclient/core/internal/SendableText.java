package io.payclient.core.internal;

import io.payclient.core.FieldError;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Refuses, before any I/O, text that cannot be sent faithfully. UTF-8 has no encoding for an
 * unpaired UTF-16 surrogate: the encoder would send {@code ?} in its place, so the server would
 * store another value than the caller's. For Lago, whose {@code reference} is the de-duplication
 * key, that difference once made reconciliation miss a payment the server had created and create it
 * again.
 *
 * <p>Every text a request type holds is checked: its {@code String} fields, the strings in its
 * lists and maps (keys too), and the fields of nested request values of PayClient's own types, each
 * reported under its {@link WireName}.
 */
final class SendableText {
  private static final int MAX_DEPTH = 8;

  /** A field that may hold text, and the name it is reported under. */
  private static final class TextField {
    final Field field;
    final String name;
    final boolean string;

    /** Whether the declared type is a collection or a map, whose values need no type tests. */
    final boolean collection;

    final boolean map;

    TextField(Field field, String name) {
      this.field = field;
      this.name = name;
      this.string = field.getType() == String.class;
      this.collection = Collection.class.isAssignableFrom(field.getType());
      this.map = Map.class.isAssignableFrom(field.getType());
    }

    /** The field's value in {@code owner}; null (nothing to check) if it cannot be read. */
    @Nullable Object valueIn(Object owner) {
      try {
        return field.get(owner);
      } catch (IllegalAccessException e) {
        return null;
      }
    }
  }

  /**
   * The text fields of one class, looked up once by {@link Validation} with the class's other
   * checks.
   */
  static final class Fields {
    private final TextField[] fields;

    private Fields(TextField[] fields) {
      this.fields = fields;
    }
  }

  /** The text fields of {@code type} (none if it is not one of PayClient's own types). */
  static Fields of(Class<?> type) {
    return new Fields(TEXT_FIELDS.get(type));
  }

  /** The text fields of PayClient's own types; none for any other type. */
  private static final ClassValue<TextField[]> TEXT_FIELDS =
      new ClassValue<>() {
        @Override
        protected TextField[] computeValue(Class<?> type) {
          if (!isOwnType(type)) {
            return new TextField[0];
          }
          List<TextField> out = new ArrayList<>();
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
              if (Modifier.isStatic(f.getModifiers()) || !mayHoldText(f.getType())) {
                continue;
              }
              try {
                f.setAccessible(true);
              } catch (InaccessibleObjectException | SecurityException e) {
                continue; // not opened to the SDK: not one of its request types
              }
              WireName wire = f.getAnnotation(WireName.class);
              out.add(new TextField(f, wire != null ? wire.value() : f.getName()));
            }
          }
          return out.toArray(new TextField[0]);
        }
      };

  private SendableText() {}

  /**
   * Adds a violation for every text in the bean that is not well-formed UTF-16. The common case,
   * where every text is, is found without building any field's path.
   *
   * @param fields the bean's text fields ({@link #of} its class), looked up by the caller
   */
  static void check(Object bean, Fields fields, List<FieldError> errors) {
    if (!wellFormedFields(bean, fields.fields, 0)) {
      walk(bean, "", errors, 0);
    }
  }

  /** Whether every text {@link #walk} would visit is well-formed: the same walk, without paths. */
  private static boolean wellFormed(@Nullable Object value, int depth) {
    if (value == null || depth > MAX_DEPTH) {
      return true;
    }
    if (value instanceof String s) {
      return isWellFormed(s);
    }
    if (value instanceof Collection<?> list) {
      return wellFormedElements(list, depth);
    }
    if (value instanceof Map<?, ?> map) {
      return wellFormedMap(map, depth);
    }
    return wellFormedFields(value, TEXT_FIELDS.get(value.getClass()), depth);
  }

  private static boolean wellFormedFields(Object value, TextField[] fields, int depth) {
    for (TextField f : fields) {
      Object fieldValue = f.valueIn(value);
      if (fieldValue == null) {
        continue;
      }
      // By the declared type, without the type tests of a nested call: most fields are strings,
      // lists and maps.
      boolean ok =
          f.string
              ? depth >= MAX_DEPTH || isWellFormed((String) fieldValue)
              : f.collection
                  ? wellFormedElements((Collection<?>) fieldValue, depth + 1)
                  : f.map
                      ? wellFormedMap((Map<?, ?>) fieldValue, depth + 1)
                      : wellFormed(fieldValue, depth + 1);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean wellFormedElements(Collection<?> list, int depth) {
    if (depth > MAX_DEPTH) {
      return true;
    }
    for (Object element : list) {
      if (!wellFormed(element, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  private static boolean wellFormedMap(Map<?, ?> map, int depth) {
    // Keys, then values: an unmodifiable map's entry set wraps every entry it hands out.
    return depth > MAX_DEPTH
        || (wellFormedElements(map.keySet(), depth) && wellFormedElements(map.values(), depth));
  }

  /** Whether the text has no unpaired surrogate, so that UTF-8 can carry it unchanged. */
  static boolean isWellFormed(String s) {
    return firstUnpaired(s) < 0;
  }

  /** The index of the first unpaired surrogate, or -1. */
  static int firstUnpaired(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue; // nearly every character: one range check
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static void walk(
      @Nullable Object value, String path, List<FieldError> errors, int depth) {
    if (value == null || depth > MAX_DEPTH) {
      return;
    }
    if (value instanceof String s) {
      int at = firstUnpaired(s);
      if (at >= 0) {
        errors.add(
            FieldError.of(
                path.isEmpty() ? "<request>" : path,
                "must be well-formed Unicode: the unpaired surrogate at index "
                    + at
                    + " cannot be sent in UTF-8"));
      }
      return;
    }
    if (value instanceof Collection<?> list) {
      int i = 0;
      for (Object element : list) {
        walk(element, path + "[" + i++ + "]", errors, depth + 1);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        String keyPath = path + "[" + (isWellFormed(key) ? key : "?") + "]";
        walk(e.getKey(), keyPath, errors, depth + 1);
        walk(e.getValue(), keyPath, errors, depth + 1);
      }
      return;
    }
    for (TextField f : TEXT_FIELDS.get(value.getClass())) {
      String name = f.name;
      walk(f.valueIn(value), path.isEmpty() ? name : path + "." + name, errors, depth + 1);
    }
  }

  private static boolean mayHoldText(Class<?> type) {
    return mayHoldTextByType(type) && !(isOwnType(type) && holdsNoText(type));
  }

  /** Whether a value of {@code type} may hold text, judged by the type alone (not its fields). */
  private static boolean mayHoldTextByType(Class<?> type) {
    return type == String.class
        || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type)
        || type == Object.class
        || isOwnType(type);
  }

  /**
   * Whether every value of {@code type} is free of text: a final class (no subclass can add a
   * field) none of whose fields may hold text, judged one level deep (a field of one of the SDK's
   * own types counts as text). {@code Money}, for one: a {@code BigDecimal} and a {@code Currency}.
   * Such a field is not walked, which spared a Paygentic create request's check a third of its
   * time.
   */
  private static boolean holdsNoText(Class<?> type) {
    if (!Modifier.isFinal(type.getModifiers())) {
      return false;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && mayHoldTextByType(f.getType())) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isOwnType(Class<?> type) {
    return !type.isEnum() && !type.isPrimitive() && type.getName().startsWith("io.payclient.");
  }
}
