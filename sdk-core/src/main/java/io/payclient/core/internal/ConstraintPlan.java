package io.payclient.core.internal;

import io.payclient.core.FieldError;
import jakarta.validation.Constraint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Jakarta constraints of one class compiled into plain checks, so that validating the SDK's
 * request types does not need Hibernate Validator's bootstrap (about a third of a second on the
 * first call, issue 8). The annotations stay the single statement of the rules: this class reads
 * them, with their attributes and messages.
 *
 * <p>It covers the built-in constraints the request types use — {@code @NotNull}, {@code NotBlank},
 * {@code @NotEmpty}, {@code @Size} and {@code @Positive} — on fields and on the elements of a
 * {@code List}/{@code Collection} field, in the default group, with the default or a literal
 * message ({@code {min}}/{@code {max}} interpolated). A class using anything else (another or a
 * custom constraint, {@code @Valid}, groups, payloads, class-level or getter constraints, an
 * unsupported type, a message with an expression) is {@linkplain #covered() not covered}, and
 * {@link Validation} gives the whole class to Hibernate Validator, so no rule is ever dropped.
 * {@code ConstraintPlanTest} checks that both give the same violations.
 */
final class ConstraintPlan {
  private static final String BUILT_IN = "jakarta.validation.constraints.";

  private static final ClassValue<ConstraintPlan> PLANS =
      new ClassValue<>() {
        @Override
        protected ConstraintPlan computeValue(Class<?> type) {
          return compile(type);
        }
      };

  private final FieldChecks @Nullable [] fields;

  private ConstraintPlan(FieldChecks @Nullable [] fields) {
    this.fields = fields;
  }

  /** The plan of a class, compiled on first use. */
  static ConstraintPlan of(Class<?> type) {
    return PLANS.get(type);
  }

  /** Whether every constraint of the class is checked here. */
  boolean covered() {
    return fields != null;
  }

  /**
   * The violations of the bean, by wire field, unsorted.
   *
   * @throws IllegalStateException if the plan is not {@linkplain #covered() covered}
   */
  List<FieldError> validate(Object bean) {
    if (fields == null) {
      throw new IllegalStateException("not covered: " + bean.getClass().getName());
    }
    List<FieldError> errors = new ArrayList<>(0);
    for (FieldChecks f : fields) {
      f.validate(bean, errors);
    }
    return errors;
  }

  private static ConstraintPlan compile(Class<?> type) {
    if (hasOtherConstraintsThanOnFields(type)) {
      return new ConstraintPlan(null);
    }
    List<FieldChecks> out = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue; // Bean Validation ignores static fields
        }
        FieldChecks checks;
        try {
          checks = FieldChecks.compile(f);
        } catch (Unsupported e) {
          return new ConstraintPlan(null);
        }
        if (checks != null) {
          out.add(checks);
        }
      }
    }
    return new ConstraintPlan(out.toArray(new FieldChecks[0]));
  }

  /** Class-level constraints, getter constraints, group sequences: left to Hibernate Validator. */
  private static boolean hasOtherConstraintsThanOnFields(Class<?> type) {
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(type));
    Set<Class<?>> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Class<?> c = todo.pop();
      if (c == Object.class || !seen.add(c)) {
        continue;
      }
      if (mentionsValidation(c)) {
        return true;
      }
      for (Method m : c.getDeclaredMethods()) {
        if (mentionsValidation(m) || mentionsValidation(m.getAnnotatedReturnType())) {
          return true;
        }
      }
      if (c.getSuperclass() != null) {
        todo.push(c.getSuperclass());
      }
      todo.addAll(List.of(c.getInterfaces()));
    }
    return false;
  }

  private static boolean mentionsValidation(AnnotatedElement element) {
    for (Annotation a : element.getDeclaredAnnotations()) {
      if (isValidationAnnotation(a)) {
        return true;
      }
    }
    return false;
  }

  /** Any annotation of Jakarta Validation or a (custom or composed) constraint. */
  private static boolean isValidationAnnotation(Annotation a) {
    Class<? extends Annotation> t = a.annotationType();
    return t.getName().startsWith("jakarta.validation.")
        || t.getName().startsWith("org.hibernate.validator.")
        || t.isAnnotationPresent(Constraint.class);
  }

  /** Thrown while compiling when something is not covered. */
  private static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  /** One field's checks, on the value itself and on each element of a collection. */
  private static final class FieldChecks {
    private final Field field;
    private final String wireName;
    private final Check[] onValue;
    private final Check[] onElements;

    private FieldChecks(Field field, String wireName, Check[] onValue, Check[] onElems) {
      this.field = field;
      this.wireName = wireName;
      this.onValue = onValue;
      this.onElements = onElems;
    }

    static @Nullable FieldChecks compile(Field f) throws Unsupported {
      // A constraint that may sit on a field and on a type use is reported by both: once is enough.
      Set<Annotation> onValue = new LinkedHashSet<>(List.of(f.getDeclaredAnnotations()));
      AnnotatedType type = f.getAnnotatedType();
      onValue.addAll(List.of(type.getDeclaredAnnotations()));
      List<Annotation> onElements = List.of();
      if (type instanceof AnnotatedParameterizedType p) {
        AnnotatedType[] args = p.getAnnotatedActualTypeArguments();
        if (List.class.isAssignableFrom(f.getType()) && args.length == 1) {
          // List<@NotBlank String>: checked per element, reported as field[index]
          onElements = List.of(args[0].getDeclaredAnnotations());
          typeArguments(args[0]);
        } else {
          for (AnnotatedType arg : args) {
            typeUse(arg);
          }
        }
      } else if (type instanceof AnnotatedArrayType array) {
        typeUse(array.getAnnotatedGenericComponentType());
      }
      Check[] value = checks(onValue, f.getType());
      Check[] elements = checks(onElements, elementType(type));
      if (value.length == 0 && elements.length == 0) {
        return null;
      }
      try {
        f.setAccessible(true);
      } catch (RuntimeException e) {
        throw new Unsupported(); // a package not opened to io.payclient.core
      }
      WireName w = f.getAnnotation(WireName.class);
      return new FieldChecks(f, w != null ? w.value() : f.getName(), value, elements);
    }

    /** Constraints on a map key, an array element, a nested type argument…: not covered. */
    private static void typeUse(AnnotatedType t) throws Unsupported {
      for (Annotation a : t.getDeclaredAnnotations()) {
        if (isValidationAnnotation(a)) {
          throw new Unsupported();
        }
      }
      typeArguments(t);
    }

    private static void typeArguments(AnnotatedType t) throws Unsupported {
      if (t instanceof AnnotatedParameterizedType p) {
        for (AnnotatedType arg : p.getAnnotatedActualTypeArguments()) {
          typeUse(arg);
        }
      } else if (t instanceof AnnotatedArrayType array) {
        typeUse(array.getAnnotatedGenericComponentType());
      }
    }

    private static Class<?> elementType(AnnotatedType type) {
      if (type instanceof AnnotatedParameterizedType p
          && p.getAnnotatedActualTypeArguments().length == 1
          && p.getAnnotatedActualTypeArguments()[0].getType() instanceof Class<?> c) {
        return c;
      }
      return Object.class;
    }

    private static Check[] checks(Iterable<Annotation> annotations, Class<?> type)
        throws Unsupported {
      List<Check> out = new ArrayList<>();
      for (Annotation a : annotations) {
        if (isValidationAnnotation(a)) {
          out.add(Check.of(a, type));
        }
      }
      return out.toArray(new Check[0]);
    }

    void validate(Object bean, List<FieldError> errors) {
      Object value;
      try {
        value = field.get(bean);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e); // setAccessible succeeded when compiling
      }
      for (Check c : onValue) {
        if (!c.test(value)) {
          errors.add(FieldError.of(wireName, c.message));
        }
      }
      if (onElements.length > 0 && value instanceof List<?> elements) {
        int i = 0;
        for (Object element : elements) {
          for (Check c : onElements) {
            if (!c.test(element)) {
              errors.add(FieldError.of(wireName + "[" + i + "]", c.message));
            }
          }
          i++;
        }
      }
    }
  }

  /** One built-in constraint with its attributes read and its message interpolated. */
  private abstract static class Check {
    final String message;

    Check(String message) {
      this.message = message;
    }

    abstract boolean test(@Nullable Object value);

    static Check of(Annotation a, Class<?> type) throws Unsupported {
      if (a instanceof NotNull n && plain(n.groups(), n.payload())) {
        String message = message(n.message(), "must not be null", Map.of());
        return new Check(message) {
          @Override
          boolean test(@Nullable Object value) {
            return value != null;
          }
        };
      }
      if (a instanceof NotBlank n
          && plain(n.groups(), n.payload())
          && CharSequence.class.isAssignableFrom(type)) {
        String message = message(n.message(), "must not be blank", Map.of());
        return new Check(message) {
          @Override
          boolean test(@Nullable Object value) {
            return value != null && !value.toString().isBlank();
          }
        };
      }
      int kind = sizeKind(type);
      if (a instanceof NotEmpty n && plain(n.groups(), n.payload()) && kind != NOT_SIZED) {
        String message = message(n.message(), "must not be empty", Map.of());
        return new Check(message) {
          @Override
          boolean test(@Nullable Object value) {
            return value != null && size(kind, value) > 0;
          }
        };
      }
      if (a instanceof Size s
          && plain(s.groups(), s.payload())
          && kind != NOT_SIZED
          && s.min() >= 0
          && s.max() >= s.min()) {
        int min = s.min();
        int max = s.max();
        String message =
            message(
                s.message(),
                "size must be between {min} and {max}",
                Map.of("min", String.valueOf(min), "max", String.valueOf(max)));
        return new Check(message) {
          @Override
          boolean test(@Nullable Object value) {
            if (value == null) {
              return true;
            }
            int size = size(kind, value);
            return size >= min && size <= max;
          }
        };
      }
      if (a instanceof Positive p && plain(p.groups(), p.payload()) && integral(type)) {
        String message = message(p.message(), "must be greater than 0", Map.of());
        return new Check(message) {
          @Override
          boolean test(@Nullable Object value) {
            return value == null || signum(value) > 0;
          }
        };
      }
      throw new Unsupported();
    }

    private static boolean plain(Class<?>[] groups, Class<?>[] payload) {
      return groups.length == 0 && payload.length == 0;
    }

    /**
     * The message: the default text for the constraint's own default key, else the literal text
     * with the given attributes interpolated. Anything else (another key, an expression, an escape)
     * is left to Hibernate Validator.
     */
    private static String message(String template, String defaultText, Map<String, String> attrs)
        throws Unsupported {
      String text = template;
      if (text.startsWith("{" + BUILT_IN) && text.endsWith(".message}")) {
        text = defaultText;
      }
      for (Map.Entry<String, String> e : attrs.entrySet()) {
        text = text.replace("{" + e.getKey() + "}", e.getValue());
      }
      if (text.indexOf('{') >= 0
          || text.indexOf('}') >= 0
          || text.indexOf('\\') >= 0
          || text.indexOf('$') >= 0) {
        throw new Unsupported();
      }
      return text;
    }

    private static final int NOT_SIZED = 0;
    private static final int TEXT = 1;
    private static final int COLLECTION = 2;
    private static final int MAP = 3;
    private static final int ARRAY = 4;

    /** How a value of the declared {@code type} is measured, fixed when the plan is compiled. */
    private static int sizeKind(Class<?> type) {
      if (CharSequence.class.isAssignableFrom(type)) {
        return TEXT;
      }
      if (Collection.class.isAssignableFrom(type)) {
        return COLLECTION;
      }
      if (Map.class.isAssignableFrom(type)) {
        return MAP;
      }
      return type.isArray() && !type.getComponentType().isPrimitive() ? ARRAY : NOT_SIZED;
    }

    /**
     * The size of {@code value}, of the kind its declared type gave: one cast, each with a type
     * profile of its own, instead of a chain of interface tests that every sized field shares.
     */
    private static int size(int kind, Object value) {
      return switch (kind) {
        case TEXT -> ((CharSequence) value).length();
        case COLLECTION -> ((Collection<?>) value).size();
        case MAP -> ((Map<?, ?>) value).size();
        default -> ((Object[]) value).length;
      };
    }

    private static boolean integral(Class<?> type) {
      return type == long.class
          || type == int.class
          || type == short.class
          || type == byte.class
          || type == Long.class
          || type == Integer.class
          || type == Short.class
          || type == Byte.class
          || type == BigInteger.class
          || type == BigDecimal.class;
    }

    private static int signum(Object value) {
      if (value instanceof BigDecimal d) {
        return d.signum();
      }
      if (value instanceof BigInteger i) {
        return i.signum();
      }
      return Long.signum(((Number) value).longValue());
    }
  }
}
