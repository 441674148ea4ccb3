package io.payclient.paygentic;

import io.payclient.core.internal.Json;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One line of a Paygentic payment: what the customer is charged for. Used in requests ({@link
 * PaygenticPaymentCreateRequest.Builder#addLineItem(PaygenticLineItem)}, where {@code description}
 * and {@code amount} are required and checked by the request's {@code build()}) and read back on
 * {@link PaygenticPayment#lineItems()} (where any field may be missing).
 *
 * <pre>{@code
 * PaygenticLineItem widget = PaygenticLineItem.of("Pro Widget", "39.99", 1);
 * }</pre>
 *
 * @param description {@code description}
 * @param amount {@code amount}: a decimal string such as {@code "5.00"}, kept exactly as given
 * @param quantity {@code quantity}: at least 1; Paygentic assumes 1 when absent
 */
public record PaygenticLineItem(
    @Nullable String description, @Nullable String amount, @Nullable Integer quantity) {

  /**
   * A line item without a quantity (Paygentic assumes 1). Rules are checked when the request is
   * built.
   *
   * @throws NullPointerException if the description or amount is null
   */
  public static PaygenticLineItem of(String description, String amount) {
    return new PaygenticLineItem(
        Objects.requireNonNull(description, "description"),
        Objects.requireNonNull(amount, "amount"),
        null);
  }

  /**
   * A line item with a quantity. Rules (amount format, quantity at least 1) are checked when the
   * request is built.
   *
   * @throws NullPointerException if the description or amount is null
   */
  public static PaygenticLineItem of(String description, String amount, int quantity) {
    return new PaygenticLineItem(
        Objects.requireNonNull(description, "description"),
        Objects.requireNonNull(amount, "amount"),
        quantity);
  }

  /**
   * The amount as an exact decimal; empty when absent, not a decimal, or out of bounds (over 64
   * characters or an exponent beyond ±64).
   */
  public Optional<BigDecimal> amountValue() {
    if (amount == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.boundedDecimal(amount));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
