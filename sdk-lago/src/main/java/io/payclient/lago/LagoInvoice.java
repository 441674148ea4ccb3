package io.payclient.lago;

import io.payclient.core.internal.LenientReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An invoice embedded in a payment request: every field of Lago's {@code InvoiceBaseObject}.
 * Amounts are in {@code currency}'s Lago minor units ({@link LagoCurrencies}). Every field may be
 * {@code null} when the server omits it; fields this SDK does not know are kept in {@link
 * #other()}.
 *
 * <p>Built only by the SDK: there is no public constructor, so a new wire field is not a binary
 * break.
 */
public final class LagoInvoice {
  private final @Nullable String lagoId;
  private final @Nullable Long sequentialId;
  private final @Nullable String number;
  private final @Nullable LocalDate issuingDate;
  private final @Nullable LocalDate paymentDueDate;
  private final @Nullable Instant paymentDisputeLostAt;
  private final @Nullable Boolean paymentOverdue;
  private final @Nullable String invoiceType;
  private final @Nullable Long versionNumber;
  private final @Nullable String status;
  private final @Nullable String paymentStatus;
  private final @Nullable String currency;
  private final @Nullable Long netPaymentTerm;
  private final @Nullable Long feesAmountCents;
  private final @Nullable Long taxesAmountCents;
  private final @Nullable Long couponsAmountCents;
  private final @Nullable Long creditNotesAmountCents;
  private final @Nullable Long subTotalExcludingTaxesAmountCents;
  private final @Nullable Long subTotalIncludingTaxesAmountCents;
  private final @Nullable Long prepaidCreditAmountCents;
  private final @Nullable Long prepaidGrantedCreditAmountCents;
  private final @Nullable Long prepaidPurchasedCreditAmountCents;
  private final @Nullable Long totalAmountCents;
  private final @Nullable Long totalDueAmountCents;
  private final @Nullable String billingEntityCode;
  private final @Nullable Long progressiveBillingCreditAmountCents;
  private final @Nullable Boolean selfBilled;
  private final @Nullable String fileUrl;
  private final @Nullable String webUrl;
  private final @Nullable Instant createdAt;
  private final @Nullable Instant updatedAt;
  private final Map<String, @Nullable Object> other;
  private final Map<String, String> untyped;

  LagoInvoice(
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
    other = copy(other);
    untyped = Map.copyOf(untyped);

    this.lagoId = lagoId;
    this.sequentialId = sequentialId;
    this.number = number;
    this.issuingDate = issuingDate;
    this.paymentDueDate = paymentDueDate;
    this.paymentDisputeLostAt = paymentDisputeLostAt;
    this.paymentOverdue = paymentOverdue;
    this.invoiceType = invoiceType;
    this.versionNumber = versionNumber;
    this.status = status;
    this.paymentStatus = paymentStatus;
    this.currency = currency;
    this.netPaymentTerm = netPaymentTerm;
    this.feesAmountCents = feesAmountCents;
    this.taxesAmountCents = taxesAmountCents;
    this.couponsAmountCents = couponsAmountCents;
    this.creditNotesAmountCents = creditNotesAmountCents;
    this.subTotalExcludingTaxesAmountCents = subTotalExcludingTaxesAmountCents;
    this.subTotalIncludingTaxesAmountCents = subTotalIncludingTaxesAmountCents;
    this.prepaidCreditAmountCents = prepaidCreditAmountCents;
    this.prepaidGrantedCreditAmountCents = prepaidGrantedCreditAmountCents;
    this.prepaidPurchasedCreditAmountCents = prepaidPurchasedCreditAmountCents;
    this.totalAmountCents = totalAmountCents;
    this.totalDueAmountCents = totalDueAmountCents;
    this.billingEntityCode = billingEntityCode;
    this.progressiveBillingCreditAmountCents = progressiveBillingCreditAmountCents;
    this.selfBilled = selfBilled;
    this.fileUrl = fileUrl;
    this.webUrl = webUrl;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.other = other;
    this.untyped = untyped;
  }

  /** {@code lago_id} */
  public @Nullable String lagoId() {
    return lagoId;
  }

  /** {@code sequential_id} */
  public @Nullable Long sequentialId() {
    return sequentialId;
  }

  /** {@code number} */
  public @Nullable String number() {
    return number;
  }

  /** {@code issuing_date} */
  public @Nullable LocalDate issuingDate() {
    return issuingDate;
  }

  /** {@code payment_due_date} */
  public @Nullable LocalDate paymentDueDate() {
    return paymentDueDate;
  }

  /** {@code payment_dispute_lost_at} */
  public @Nullable Instant paymentDisputeLostAt() {
    return paymentDisputeLostAt;
  }

  /** {@code payment_overdue} */
  public @Nullable Boolean paymentOverdue() {
    return paymentOverdue;
  }

  /** {@code invoice_type} */
  public @Nullable String invoiceType() {
    return invoiceType;
  }

  /** {@code version_number} */
  public @Nullable Long versionNumber() {
    return versionNumber;
  }

  /** {@code status} */
  public @Nullable String status() {
    return status;
  }

  /** {@code payment_status} */
  public @Nullable String paymentStatus() {
    return paymentStatus;
  }

  /** {@code currency} */
  public @Nullable String currency() {
    return currency;
  }

  /** {@code net_payment_term} */
  public @Nullable Long netPaymentTerm() {
    return netPaymentTerm;
  }

  /** {@code fees_amount_cents} */
  public @Nullable Long feesAmountCents() {
    return feesAmountCents;
  }

  /** {@code taxes_amount_cents} */
  public @Nullable Long taxesAmountCents() {
    return taxesAmountCents;
  }

  /** {@code coupons_amount_cents} */
  public @Nullable Long couponsAmountCents() {
    return couponsAmountCents;
  }

  /** {@code credit_notes_amount_cents} */
  public @Nullable Long creditNotesAmountCents() {
    return creditNotesAmountCents;
  }

  /** {@code sub_total_excluding_taxes_amount_cents} */
  public @Nullable Long subTotalExcludingTaxesAmountCents() {
    return subTotalExcludingTaxesAmountCents;
  }

  /** {@code sub_total_including_taxes_amount_cents} */
  public @Nullable Long subTotalIncludingTaxesAmountCents() {
    return subTotalIncludingTaxesAmountCents;
  }

  /** {@code prepaid_credit_amount_cents} */
  public @Nullable Long prepaidCreditAmountCents() {
    return prepaidCreditAmountCents;
  }

  /** {@code prepaid_granted_credit_amount_cents} */
  public @Nullable Long prepaidGrantedCreditAmountCents() {
    return prepaidGrantedCreditAmountCents;
  }

  /** {@code prepaid_purchased_credit_amount_cents} */
  public @Nullable Long prepaidPurchasedCreditAmountCents() {
    return prepaidPurchasedCreditAmountCents;
  }

  /** {@code total_amount_cents} */
  public @Nullable Long totalAmountCents() {
    return totalAmountCents;
  }

  /** {@code total_due_amount_cents} */
  public @Nullable Long totalDueAmountCents() {
    return totalDueAmountCents;
  }

  /** {@code billing_entity_code} */
  public @Nullable String billingEntityCode() {
    return billingEntityCode;
  }

  /** {@code progressive_billing_credit_amount_cents} */
  public @Nullable Long progressiveBillingCreditAmountCents() {
    return progressiveBillingCreditAmountCents;
  }

  /** {@code self_billed} */
  public @Nullable Boolean selfBilled() {
    return selfBilled;
  }

  /** {@code file_url} */
  public @Nullable String fileUrl() {
    return fileUrl;
  }

  /** {@code web_url} */
  public @Nullable String webUrl() {
    return webUrl;
  }

  /** {@code created_at} */
  public @Nullable Instant createdAt() {
    return createdAt;
  }

  /** {@code updated_at} */
  public @Nullable Instant updatedAt() {
    return updatedAt;
  }

  /**
   * Every other field, as plain JSON values (numbers as {@code BigDecimal}, or their text when too
   * long for one)
   */
  public Map<String, @Nullable Object> other() {
    return other;
  }

  /**
   * The raw text, by wire name, of each field above whose value could not be typed (its accessor is
   * then empty); empty when every field typed
   */
  public Map<String, String> untyped() {
    return untyped;
  }

  private static Map<String, @Nullable Object> copy(Map<String, @Nullable Object> m) {
    return LenientReader.frozen(m);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return this == other || (other instanceof LagoInvoice o && Arrays.equals(values(), o.values()));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values());
  }

  /** Every field, in declaration order: what equality and the hash code are made of. */
  private @Nullable Object[] values() {
    return new @Nullable Object[] {
      lagoId,
      sequentialId,
      number,
      issuingDate,
      paymentDueDate,
      paymentDisputeLostAt,
      paymentOverdue,
      invoiceType,
      versionNumber,
      status,
      paymentStatus,
      currency,
      netPaymentTerm,
      feesAmountCents,
      taxesAmountCents,
      couponsAmountCents,
      creditNotesAmountCents,
      subTotalExcludingTaxesAmountCents,
      subTotalIncludingTaxesAmountCents,
      prepaidCreditAmountCents,
      prepaidGrantedCreditAmountCents,
      prepaidPurchasedCreditAmountCents,
      totalAmountCents,
      totalDueAmountCents,
      billingEntityCode,
      progressiveBillingCreditAmountCents,
      selfBilled,
      fileUrl,
      webUrl,
      createdAt,
      updatedAt,
      other,
      untyped
    };
  }

  @Override
  public String toString() {
    return "LagoInvoice["
        + "lagoId="
        + lagoId
        + ", sequentialId="
        + sequentialId
        + ", number="
        + number
        + ", issuingDate="
        + issuingDate
        + ", paymentDueDate="
        + paymentDueDate
        + ", paymentDisputeLostAt="
        + paymentDisputeLostAt
        + ", paymentOverdue="
        + paymentOverdue
        + ", invoiceType="
        + invoiceType
        + ", versionNumber="
        + versionNumber
        + ", status="
        + status
        + ", paymentStatus="
        + paymentStatus
        + ", currency="
        + currency
        + ", netPaymentTerm="
        + netPaymentTerm
        + ", feesAmountCents="
        + feesAmountCents
        + ", taxesAmountCents="
        + taxesAmountCents
        + ", couponsAmountCents="
        + couponsAmountCents
        + ", creditNotesAmountCents="
        + creditNotesAmountCents
        + ", subTotalExcludingTaxesAmountCents="
        + subTotalExcludingTaxesAmountCents
        + ", subTotalIncludingTaxesAmountCents="
        + subTotalIncludingTaxesAmountCents
        + ", prepaidCreditAmountCents="
        + prepaidCreditAmountCents
        + ", prepaidGrantedCreditAmountCents="
        + prepaidGrantedCreditAmountCents
        + ", prepaidPurchasedCreditAmountCents="
        + prepaidPurchasedCreditAmountCents
        + ", totalAmountCents="
        + totalAmountCents
        + ", totalDueAmountCents="
        + totalDueAmountCents
        + ", billingEntityCode="
        + billingEntityCode
        + ", progressiveBillingCreditAmountCents="
        + progressiveBillingCreditAmountCents
        + ", selfBilled="
        + selfBilled
        + ", fileUrl="
        + fileUrl
        + ", webUrl="
        + webUrl
        + ", createdAt="
        + createdAt
        + ", updatedAt="
        + updatedAt
        + ", other="
        + other
        + ", untyped="
        + untyped
        + ']';
  }
}
