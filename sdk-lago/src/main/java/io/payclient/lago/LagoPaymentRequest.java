package io.payclient.lago;

import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Lago payment request: a demand to pay several overdue invoices of one customer at once (the
 * dunning flow). Payments made for it have {@link LagoPayment#payableType()} {@code
 * PAYMENT_REQUEST} and {@link LagoPayment#lagoPayableId()} equal to {@link #lagoId()}.
 *
 * @param lagoId {@code lago_id}
 * @param email {@code email}: where dunning notifications go
 * @param amountCents {@code amount_cents}: the total of the invoices
 * @param amountCurrency {@code amount_currency}
 * @param paymentStatus {@code payment_status} as sent (pending, succeeded, failed)
 * @param createdAt {@code created_at}
 * @param customer {@code customer}, or {@code null} if absent
 * @param invoices {@code invoices}
 * @param untyped the raw text, by wire name, of each field whose value could not be typed (its
 *     accessor is then empty); empty when every field typed
 */
public record LagoPaymentRequest(
    String lagoId,
    @Nullable String email,
    @Nullable Long amountCents,
    @Nullable String amountCurrency,
    @Nullable String paymentStatus,
    @Nullable Instant createdAt,
    @Nullable LagoCustomer customer,
    List<LagoInvoice> invoices,
    Map<String, String> untyped) {

  /** Copies the collections. */
  public LagoPaymentRequest {
    invoices = List.copyOf(invoices);
    untyped = Map.copyOf(untyped);
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
}
