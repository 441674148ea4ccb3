package io.payclient.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem with one field, named as it is on the wire ({@code amount_cents}, {@code
 * reference_id}, {@code lineItems[2].amount}).
 *
 * @param field the wire field name, or {@code "<request>"} for a rule that spans fields
 * @param message what is wrong, in plain words
 * @param code the vendor's machine-readable code, or {@code null}
 */
public record FieldError(String field, String message, @Nullable String code) {
  /** Validates the fields. */
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** A field error with no code. */
  public static FieldError of(String field, String message) {
    return new FieldError(field, message, null);
  }

  /** {@code field: message}, with {@code (code)} when there is one that says something more. */
  @Override
  public String toString() {
    return field + ": " + message + (code == null || code.equals(message) ? "" : " (" + code + ")");
  }
}
