package io.payclient.lago;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An invoice embedded in a payment request: every field of Lago's {@code InvoiceBaseObject}.
 * Amounts are in {@code currency}'s Lago minor units ({@link LagoCurrencies}). Every field may be
 * {@code null} when the server omits it; fields this SDK does not know are kept in {@link
 * #other()}.
 *
 * @param lagoId {@code lago_id}
 * @param sequentialId {@code sequential_id}
 * @param number {@code number}
 * @param issuingDate {@code issuing_date}
 * @param paymentDueDate {@code payment_due_date}
 * @param paymentDisputeLostAt {@code payment_dispute_lost_at}
 * @param paymentOverdue {@code payment_overdue}
 * @param invoiceType {@code invoice_type}
 * @param versionNumber {@code version_number}
 * @param status {@code status}
 * @param paymentStatus {@code payment_status}
 * @param currency {@code currency}
 * @param netPaymentTerm {@code net_payment_term}
 * @param feesAmountCents {@code fees_amount_cents}
 * @param taxesAmountCents {@code taxes_amount_cents}
 * @param couponsAmountCents {@code coupons_amount_cents}
 * @param creditNotesAmountCents {@code credit_notes_amount_cents}
 * @param subTotalExcludingTaxesAmountCents {@code sub_total_excluding_taxes_amount_cents}
 * @param subTotalIncludingTaxesAmountCents {@code sub_total_including_taxes_amount_cents}
 * @param prepaidCreditAmountCents {@code prepaid_credit_amount_cents}
 * @param prepaidGrantedCreditAmountCents {@code prepaid_granted_credit_amount_cents}
 * @param prepaidPurchasedCreditAmountCents {@code prepaid_purchased_credit_amount_cents}
 * @param totalAmountCents {@code total_amount_cents}
 * @param totalDueAmountCents {@code total_due_amount_cents}
 * @param billingEntityCode {@code billing_entity_code}
 * @param progressiveBillingCreditAmountCents {@code progressive_billing_credit_amount_cents}
 * @param selfBilled {@code self_billed}
 * @param fileUrl {@code file_url}
 * @param webUrl {@code web_url}
 * @param createdAt {@code created_at}
 * @param updatedAt {@code updated_at}
 * @param other every other field, as plain JSON values (numbers as {@code BigDecimal}, or their
 *     text when too long for one)
 * @param untyped the raw text, by wire name, of each field above whose value could not be typed
 *     (its accessor is then empty); empty when every field typed
 */
public record LagoInvoice(
    @Nullable String lagoId,
    @Nullable Long sequentialId,
    @Nullable String number,
    @Nullable LocalDate issuingDate,
    @Nullable LocalDate paymentDueDate,
    @Nullable Instant paymentDisputeLostAt,
    @Nullable Boolean paymentOverdue,
    @Nullable String invoiceType,
    @Nullable Long versionNumber,
    @Nullable String status,
    @Nullable String paymentStatus,
    @Nullable String currency,
    @Nullable Long netPaymentTerm,
    @Nullable Long feesAmountCents,
    @Nullable Long taxesAmountCents,
    @Nullable Long couponsAmountCents,
    @Nullable Long creditNotesAmountCents,
    @Nullable Long subTotalExcludingTaxesAmountCents,
    @Nullable Long subTotalIncludingTaxesAmountCents,
    @Nullable Long prepaidCreditAmountCents,
    @Nullable Long prepaidGrantedCreditAmountCents,
    @Nullable Long prepaidPurchasedCreditAmountCents,
    @Nullable Long totalAmountCents,
    @Nullable Long totalDueAmountCents,
    @Nullable String billingEntityCode,
    @Nullable Long progressiveBillingCreditAmountCents,
    @Nullable Boolean selfBilled,
    @Nullable String fileUrl,
    @Nullable String webUrl,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    Map<String, @Nullable Object> other,
    Map<String, String> untyped) {

  /** Copies the collections. */
  public LagoInvoice {
    other = copy(other);
    untyped = Map.copyOf(untyped);
  }

  private static Map<String, @Nullable Object> copy(Map<String, @Nullable Object> m) {
    return m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
