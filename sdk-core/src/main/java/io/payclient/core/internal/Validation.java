package io.payclient.core.internal;

import io.payclient.core.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Jakarta Bean Validation of the request types. The constraints the SDK's request types use are
 * checked by a {@link ConstraintPlan} compiled from the annotations; anything else by Hibernate
 * Validator, bootstrapped once, lazily, with {@link ParameterMessageInterpolator} (no Expression
 * Language needed). Violations are reported under the field's {@link WireName}.
 */
public final class Validation {
  // Held strongly: java.util.logging keeps loggers weakly, and a collected logger loses its level.
  private static final Logger HV_VERSION_LOGGER =
      Logger.getLogger("org.hibernate.validator.internal.util.Version");

  private static final ClassValue<Map<String, String>> WIRE_NAMES =
      new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
          Map<String, String> names = new HashMap<>();
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
              WireName w = f.getAnnotation(WireName.class);
              if (w != null) {
                names.putIfAbsent(f.getName(), w.value());
              }
            }
          }
          return names;
        }
      };

  /** A class's constraint plan and text fields, looked up together: one look-up per bean. */
  private record Checks(ConstraintPlan plan, SendableText.Fields text) {}

  private static final ClassValue<Checks> CHECKS =
      new ClassValue<>() {
        @Override
        protected Checks computeValue(Class<?> type) {
          return new Checks(ConstraintPlan.of(type), SendableText.of(type));
        }
      };

  private static final Comparator<FieldError> BY_FIELD =
      Comparator.comparing(FieldError::field).thenComparing(FieldError::message);

  private Validation() {}

  /** Lazy holder: the bootstrap runs on first use and only once. */
  private static final class Holder {
    static final Validator VALIDATOR = bootstrap();
  }

  private static Validator bootstrap() {
    // Quiet by default: Hibernate Validator announces its version at INFO through jboss-logging,
    // which falls back to java.util.logging and would print to stderr. Respect a level the
    // application set itself.
    if (HV_VERSION_LOGGER.getLevel() == null) {
      HV_VERSION_LOGGER.setLevel(Level.WARNING);
    }
    return jakarta.validation.Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory()
        .getValidator();
  }

  /**
   * Validates the bean's constraints, and that every text in it can be sent faithfully (no unpaired
   * surrogate, see {@link SendableText}); violations sorted by wire field. A class whose
   * constraints the {@link ConstraintPlan} covers (the SDK's create requests) is checked without
   * bootstrapping Hibernate Validator; any other goes to Hibernate Validator.
   */
  public static List<FieldError> validate(Object bean) {
    Checks checks = CHECKS.get(bean.getClass());
    ConstraintPlan plan = checks.plan();
    List<FieldError> errors = plan.covered() ? plan.validate(bean) : withHibernateValidator(bean);
    SendableText.check(bean, checks.text(), errors);
    if (errors.size() > 1) {
      errors.sort(BY_FIELD);
    }
    return errors;
  }

  /**
   * Whether {@link #validate} checks the class without Hibernate Validator. The vendor modules
   * assert it for their create requests, so that the cold-start cost cannot come back unnoticed.
   */
  public static boolean checkedWithoutBootstrap(Class<?> type) {
    return ConstraintPlan.of(type).covered();
  }

  /** Validates the bean with Hibernate Validator (bootstrapped on first use); unsorted. */
  public static List<FieldError> withHibernateValidator(Object bean) {
    Set<ConstraintViolation<Object>> found = Holder.VALIDATOR.validate(bean);
    List<FieldError> errors = new ArrayList<>(found.size());
    for (ConstraintViolation<Object> v : found) {
      errors.add(FieldError.of(wirePath(v), v.getMessage()));
    }
    return errors;
  }

  private static String wirePath(ConstraintViolation<Object> v) {
    StringBuilder sb = new StringBuilder();
    Class<?> owner = v.getRootBeanClass();
    Iterator<Path.Node> nodes = v.getPropertyPath().iterator();
    while (nodes.hasNext()) {
      Path.Node node = nodes.next();
      if (node.isInIterable()) {
        // Jakarta puts the index of a list element on the element's node: "items[2].amount".
        Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
        if (at != null) {
          sb.append('[').append(at).append(']');
        }
      }
      if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        continue; // a list element itself ("<list element>"): only its index counts
      }
      Class<?> nodeOwner = nodes.hasNext() ? owner : v.getLeafBean().getClass();
      String name = WIRE_NAMES.get(nodeOwner).getOrDefault(node.getName(), node.getName());
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(name);
    }
    return sb.length() == 0 ? "<request>" : sb.toString();
  }
}
