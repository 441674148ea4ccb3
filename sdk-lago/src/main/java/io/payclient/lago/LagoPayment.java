package io.payclient.lago;

import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import io.payclient.lago.internal.LagoAccess;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Lago payment with every field of Lago's Payment object. Fields that Lago leaves null (the
 * provider fields of manual payments) or that older servers omit are {@code null} here; enum fields
 * map unknown values to {@code UNKNOWN} and keep the raw value.
 *
 * <p>Built only by the SDK: there is no public constructor, so a new wire field is not a binary
 * break.
 */
public final class LagoPayment {
  static {
    LagoAccess.install(new LagoAccessImpl());
  }

  private final String lagoId;
  private final @Nullable String lagoCustomerId;
  private final @Nullable String externalCustomerId;
  private final List<String> invoiceIds;
  private final List<String> invoiceNumbers;
  private final @Nullable String lagoPayableId;
  private final LagoPayableType payableType;
  private final @Nullable String rawPayableType;
  private final @Nullable Long amountCents;
  private final @Nullable String amountCurrency;
  private final @Nullable String status;
  private final @Nullable String paymentStatus;
  private final LagoPaymentType type;
  private final @Nullable String rawType;
  private final @Nullable String reference;
  private final @Nullable String paymentProviderCode;
  private final LagoPaymentProviderType paymentProviderType;
  private final @Nullable String rawPaymentProviderType;
  private final @Nullable String externalPaymentId;
  private final @Nullable String providerPaymentId;
  private final @Nullable String providerCustomerId;
  private final @Nullable String paymentMethodId;
  private final Map<String, @Nullable Object> nextAction;
  private final @Nullable Instant createdAt;
  private final Map<String, String> untyped;

  LagoPayment(
      String lagoId,
      @Nullable String lagoCustomerId,
      @Nullable String externalCustomerId,
      List<String> invoiceIds,
      List<String> invoiceNumbers,
      @Nullable String lagoPayableId,
      LagoPayableType payableType,
      @Nullable String rawPayableType,
      @Nullable Long amountCents,
      @Nullable String amountCurrency,
      @Nullable String status,
      @Nullable String paymentStatus,
      LagoPaymentType type,
      @Nullable String rawType,
      @Nullable String reference,
      @Nullable String paymentProviderCode,
      LagoPaymentProviderType paymentProviderType,
      @Nullable String rawPaymentProviderType,
      @Nullable String externalPaymentId,
      @Nullable String providerPaymentId,
      @Nullable String providerCustomerId,
      @Nullable String paymentMethodId,
      Map<String, @Nullable Object> nextAction,
      @Nullable Instant createdAt,
      Map<String, String> untyped) {
    untyped = untyped.isEmpty() ? Map.of() : Map.copyOf(untyped);
    invoiceIds = List.copyOf(invoiceIds);
    invoiceNumbers = List.copyOf(invoiceNumbers);
    nextAction =
        nextAction.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nextAction));

    this.lagoId = lagoId;
    this.lagoCustomerId = lagoCustomerId;
    this.externalCustomerId = externalCustomerId;
    this.invoiceIds = invoiceIds;
    this.invoiceNumbers = invoiceNumbers;
    this.lagoPayableId = lagoPayableId;
    this.payableType = payableType;
    this.rawPayableType = rawPayableType;
    this.amountCents = amountCents;
    this.amountCurrency = amountCurrency;
    this.status = status;
    this.paymentStatus = paymentStatus;
    this.type = type;
    this.rawType = rawType;
    this.reference = reference;
    this.paymentProviderCode = paymentProviderCode;
    this.paymentProviderType = paymentProviderType;
    this.rawPaymentProviderType = rawPaymentProviderType;
    this.externalPaymentId = externalPaymentId;
    this.providerPaymentId = providerPaymentId;
    this.providerCustomerId = providerCustomerId;
    this.paymentMethodId = paymentMethodId;
    this.nextAction = nextAction;
    this.createdAt = createdAt;
    this.untyped = untyped;
  }

  /** {@code lago_id}: Lago's id of the payment */
  public String lagoId() {
    return lagoId;
  }

  /** {@code lago_customer_id} */
  public @Nullable String lagoCustomerId() {
    return lagoCustomerId;
  }

  /** {@code external_customer_id}: your id of the customer */
  public @Nullable String externalCustomerId() {
    return externalCustomerId;
  }

  /** {@code invoice_ids} */
  public List<String> invoiceIds() {
    return invoiceIds;
  }

  /** {@code invoice_numbers} */
  public List<String> invoiceNumbers() {
    return invoiceNumbers;
  }

  /** {@code lago_payable_id}: the invoice or payment request paid */
  public @Nullable String lagoPayableId() {
    return lagoPayableId;
  }

  /** {@code payable_type} */
  public LagoPayableType payableType() {
    return payableType;
  }

  /** {@code payable_type} as sent */
  public @Nullable String rawPayableType() {
    return rawPayableType;
  }

  /** {@code amount_cents}: Lago minor units of {@code amount_currency} */
  public @Nullable Long amountCents() {
    return amountCents;
  }

  /** {@code amount_currency} */
  public @Nullable String amountCurrency() {
    return amountCurrency;
  }

  /** {@code status}: the provider's own raw status text */
  public @Nullable String status() {
    return status;
  }

  /** {@code payment_status}: Lago's normalised status as sent */
  public @Nullable String paymentStatus() {
    return paymentStatus;
  }

  /** {@code type} */
  public LagoPaymentType type() {
    return type;
  }

  /** {@code type} as sent */
  public @Nullable String rawType() {
    return rawType;
  }

  /** {@code reference} */
  public @Nullable String reference() {
    return reference;
  }

  /** {@code payment_provider_code} */
  public @Nullable String paymentProviderCode() {
    return paymentProviderCode;
  }

  /** {@code payment_provider_type} */
  public LagoPaymentProviderType paymentProviderType() {
    return paymentProviderType;
  }

  /** {@code payment_provider_type} as sent */
  public @Nullable String rawPaymentProviderType() {
    return rawPaymentProviderType;
  }

  /** {@code external_payment_id} (deprecated by Lago) */
  public @Nullable String externalPaymentId() {
    return externalPaymentId;
  }

  /** {@code provider_payment_id} */
  public @Nullable String providerPaymentId() {
    return providerPaymentId;
  }

  /** {@code provider_customer_id} */
  public @Nullable String providerCustomerId() {
    return providerCustomerId;
  }

  /** {@code payment_method_id} */
  public @Nullable String paymentMethodId() {
    return paymentMethodId;
  }

  /** {@code next_action}: usually empty; JSON numbers are {@link java.math.BigDecimal} */
  public Map<String, @Nullable Object> nextAction() {
    return nextAction;
  }

  /** {@code created_at} */
  public @Nullable Instant createdAt() {
    return createdAt;
  }

  /**
   * The raw text, by wire name, of each field whose value could not be typed; that field's typed
   * accessor is empty. One such field never fails the read (the SDK's leniency policy). Empty when
   * every field typed
   */
  public Map<String, String> untyped() {
    return untyped;
  }

  /** {@code payment_status} mapped to the neutral status; unknown values give {@code UNKNOWN}. */
  public PaymentStatus neutralStatus() {
    return PaymentStatus.fromWire(paymentStatus);
  }

  /**
   * The amount as money, converted with Lago's minor-unit table ({@link LagoCurrencies}); empty
   * when the amount or currency is missing or the currency is unknown.
   */
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

  /**
   * The URL from a {@code next_action} of type {@code redirect_to_url}, where the customer
   * completes the payment; empty otherwise.
   */
  public Optional<URI> redirectUrl() {
    if (nextAction.get("redirect_to_url") instanceof Map<?, ?> redirect
        && redirect.get("url") instanceof String url) {
      try {
        return Optional.of(new URI(url));
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The Lago id of the payment request this payment pays, when {@code payable_type} is {@code
   * PaymentRequest} ({@code lago_payable_id}); empty for invoice payments.
   */
  public Optional<String> paymentRequestId() {
    return payableType == LagoPayableType.PAYMENT_REQUEST
        ? Optional.ofNullable(lagoPayableId)
        : Optional.empty();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return this == other || (other instanceof LagoPayment o && Arrays.equals(values(), o.values()));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values());
  }

  /** Every field, in declaration order: what equality and the hash code are made of. */
  private @Nullable Object[] values() {
    return new @Nullable Object[] {
      lagoId,
      lagoCustomerId,
      externalCustomerId,
      invoiceIds,
      invoiceNumbers,
      lagoPayableId,
      payableType,
      rawPayableType,
      amountCents,
      amountCurrency,
      status,
      paymentStatus,
      type,
      rawType,
      reference,
      paymentProviderCode,
      paymentProviderType,
      rawPaymentProviderType,
      externalPaymentId,
      providerPaymentId,
      providerCustomerId,
      paymentMethodId,
      nextAction,
      createdAt,
      untyped
    };
  }

  @Override
  public String toString() {
    return "LagoPayment["
        + "lagoId="
        + lagoId
        + ", lagoCustomerId="
        + lagoCustomerId
        + ", externalCustomerId="
        + externalCustomerId
        + ", invoiceIds="
        + invoiceIds
        + ", invoiceNumbers="
        + invoiceNumbers
        + ", lagoPayableId="
        + lagoPayableId
        + ", payableType="
        + payableType
        + ", rawPayableType="
        + rawPayableType
        + ", amountCents="
        + amountCents
        + ", amountCurrency="
        + amountCurrency
        + ", status="
        + status
        + ", paymentStatus="
        + paymentStatus
        + ", type="
        + type
        + ", rawType="
        + rawType
        + ", reference="
        + reference
        + ", paymentProviderCode="
        + paymentProviderCode
        + ", paymentProviderType="
        + paymentProviderType
        + ", rawPaymentProviderType="
        + rawPaymentProviderType
        + ", externalPaymentId="
        + externalPaymentId
        + ", providerPaymentId="
        + providerPaymentId
        + ", providerCustomerId="
        + providerCustomerId
        + ", paymentMethodId="
        + paymentMethodId
        + ", nextAction="
        + nextAction
        + ", createdAt="
        + createdAt
        + ", untyped="
        + untyped
        + ']';
  }
}
