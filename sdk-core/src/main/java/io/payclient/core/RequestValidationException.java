package io.payclient.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request was rejected by the SDK before any network I/O: nothing was sent, nothing was created,
 * and sending it again unchanged will fail the same way. {@link #violations()} lists every problem
 * with the wire field it concerns.
 *
 * <pre>{@code
 * try {
 *   LagoPaymentCreateRequest.builder().invoiceId(id).amountCents(0).reference("r").build();
 * } catch (RequestValidationException e) {
 *   e.violations(); // [amount_cents: must be greater than 0]
 * }
 * }</pre>
 */
public final class RequestValidationException extends PayClientException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // an unmodifiable List of records
  private final List<FieldError> violations;

  /**
   * Creates the exception.
   *
   * @param vendor the vendor whose rules were broken
   * @param violations at least one violation
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  RequestValidationException(String vendor, List<FieldError> violations) {
    super(message(vendor, violations), null, Context.beforeIo(vendor, null), false);
    this.violations = List.copyOf(violations);
  }

  /** Every violation, in the order the rules were checked. Never empty. */
  public List<FieldError> violations() {
    return violations;
  }

  /** Whether one of the violations concerns the given wire field. */
  public boolean hasViolation(String field) {
    return violations.stream().anyMatch(v -> v.field().equals(field));
  }

  private static String message(String vendor, List<FieldError> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("violations must not be empty");
    }
    return "Invalid "
        + vendor
        + " request (nothing was sent): "
        + violations.stream().map(FieldError::toString).collect(Collectors.joining("; "));
  }
}
