package io.payclient.core.internal;

import io.payclient.core.FieldError;
import io.payclient.core.RequestValidationException;
import java.util.ArrayList;
import java.util.List;

/** Collects rule violations for one request and throws them all at once. */
public final class Violations {
  private final String vendor;
  private final List<FieldError> errors = new ArrayList<>();

  /** Starts an empty collection for the vendor. */
  public Violations(String vendor) {
    this.vendor = vendor;
  }

  /** Records a violation of the wire field. */
  public Violations add(String field, String message) {
    errors.add(FieldError.of(field, message));
    return this;
  }

  /** Records a violation when the condition is false. */
  public Violations require(boolean condition, String field, String message) {
    if (!condition) {
      add(field, message);
    }
    return this;
  }

  /**
   * Adds the Jakarta constraint violations of a bean (see {@link Validation}), except those of the
   * given wire fields (already reported with a more precise message).
   */
  public Violations validate(Object bean, String... exceptFields) {
    List<String> skip = List.of(exceptFields);
    for (FieldError e : Validation.validate(bean)) {
      if (!skip.contains(e.field())) {
        errors.add(e);
      }
    }
    return this;
  }

  /** Whether a violation of this field was recorded. */
  public boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  /**
   * Throws if anything was recorded.
   *
   * @throws RequestValidationException listing every violation
   */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw CoreAccess.get().requestValidationException(vendor, errors);
    }
  }
}
