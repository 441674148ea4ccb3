package io.payclient.lago;

import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Lago payment request: a demand to pay several overdue invoices of one customer at once (the
 * dunning flow). Payments made for it have {@link LagoPayment#payableType()} {@code
 * PAYMENT_REQUEST} and {@link LagoPayment#lagoPayableId()} equal to {@link #lagoId()}.
 *
 * <p>Built only by the SDK: there is no public constructor, so a new wire field is not a binary
 * break.
 */
public final class LagoPaymentRequest {
  private final String lagoId;
  private final @Nullable String email;
  private final @Nullable Long amountCents;
  private final @Nullable String amountCurrency;
  private final @Nullable String paymentStatus;
  private final @Nullable Instant createdAt;
  private final @Nullable LagoCustomer customer;
  private final List<LagoInvoice> invoices;
  private final Map<String, String> untyped;

  LagoPaymentRequest(
      String lagoId,
      @Nullable String email,
      @Nullable Long amountCents,
      @Nullable String amountCurrency,
      @Nullable String paymentStatus,
      @Nullable Instant createdAt,
      @Nullable LagoCustomer customer,
      List<LagoInvoice> invoices,
      Map<String, String> untyped) {
    invoices = List.copyOf(invoices);
    untyped = Map.copyOf(untyped);

    this.lagoId = lagoId;
    this.email = email;
    this.amountCents = amountCents;
    this.amountCurrency = amountCurrency;
    this.paymentStatus = paymentStatus;
    this.createdAt = createdAt;
    this.customer = customer;
    this.invoices = invoices;
    this.untyped = untyped;
  }

  /** {@code lago_id} */
  public String lagoId() {
    return lagoId;
  }

  /** {@code email}: where dunning notifications go */
  public @Nullable String email() {
    return email;
  }

  /** {@code amount_cents}: the total of the invoices */
  public @Nullable Long amountCents() {
    return amountCents;
  }

  /** {@code amount_currency} */
  public @Nullable String amountCurrency() {
    return amountCurrency;
  }

  /** {@code payment_status} as sent (pending, succeeded, failed) */
  public @Nullable String paymentStatus() {
    return paymentStatus;
  }

  /** {@code created_at} */
  public @Nullable Instant createdAt() {
    return createdAt;
  }

  /** {@code customer}, or {@code null} if absent */
  public @Nullable LagoCustomer customer() {
    return customer;
  }

  /** {@code invoices} */
  public List<LagoInvoice> invoices() {
    return invoices;
  }

  /**
   * The raw text, by wire name, of each field whose value could not be typed (its accessor is then
   * empty); empty when every field typed
   */
  public Map<String, String> untyped() {
    return untyped;
  }

  /** {@code payment_status} mapped to the neutral status; unknown values give {@code UNKNOWN}. */
  public PaymentStatus neutralStatus() {
    return PaymentStatus.fromWire(paymentStatus);
  }

  /** The amount as money (Lago's minor-unit table); empty if missing or the currency is unknown. */
  public Optional<Money> amount() {
    if (amountCents == null || amountCurrency == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LagoCurrencies.fromAmountCents(amountCents, amountCurrency));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return this == other
        || (other instanceof LagoPaymentRequest o && Arrays.equals(values(), o.values()));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values());
  }

  /** Every field, in declaration order: what equality and the hash code are made of. */
  private @Nullable Object[] values() {
    return new @Nullable Object[] {
      lagoId,
      email,
      amountCents,
      amountCurrency,
      paymentStatus,
      createdAt,
      customer,
      invoices,
      untyped
    };
  }

  @Override
  public String toString() {
    return "LagoPaymentRequest["
        + "lagoId="
        + lagoId
        + ", email="
        + email
        + ", amountCents="
        + amountCents
        + ", amountCurrency="
        + amountCurrency
        + ", paymentStatus="
        + paymentStatus
        + ", createdAt="
        + createdAt
        + ", customer="
        + customer
        + ", invoices="
        + invoices
        + ", untyped="
        + untyped
        + ']';
  }
}
