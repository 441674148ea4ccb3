package io.payclient.lago;

import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Lago payment with every field of Lago's Payment object. Fields that Lago leaves null (the
 * provider fields of manual payments) or that older servers omit are {@code null} here; enum fields
 * map unknown values to {@code UNKNOWN} and keep the raw value.
 *
 * @param lagoId {@code lago_id}: Lago's id of the payment
 * @param lagoCustomerId {@code lago_customer_id}
 * @param externalCustomerId {@code external_customer_id}: your id of the customer
 * @param invoiceIds {@code invoice_ids}
 * @param invoiceNumbers {@code invoice_numbers}
 * @param lagoPayableId {@code lago_payable_id}: the invoice or payment request paid
 * @param payableType {@code payable_type}
 * @param rawPayableType {@code payable_type} as sent
 * @param amountCents {@code amount_cents}: Lago minor units of {@code amount_currency}
 * @param amountCurrency {@code amount_currency}
 * @param status {@code status}: the provider's own raw status text
 * @param paymentStatus {@code payment_status}: Lago's normalised status as sent
 * @param type {@code type}
 * @param rawType {@code type} as sent
 * @param reference {@code reference}
 * @param paymentProviderCode {@code payment_provider_code}
 * @param paymentProviderType {@code payment_provider_type}
 * @param rawPaymentProviderType {@code payment_provider_type} as sent
 * @param externalPaymentId {@code external_payment_id} (deprecated by Lago)
 * @param providerPaymentId {@code provider_payment_id}
 * @param providerCustomerId {@code provider_customer_id}
 * @param paymentMethodId {@code payment_method_id}
 * @param nextAction {@code next_action}: usually empty; JSON numbers are {@link
 *     java.math.BigDecimal}
 * @param createdAt {@code created_at}
 * @param untyped the raw text, by wire name, of each field whose value could not be typed; that
 *     field's typed accessor is empty. One such field never fails the read (the SDK's leniency
 *     policy). Empty when every field typed
 */
public record LagoPayment(
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

  /** Copies the collections. */
  public LagoPayment {
    untyped = untyped.isEmpty() ? Map.of() : Map.copyOf(untyped);
    invoiceIds = List.copyOf(invoiceIds);
    invoiceNumbers = List.copyOf(invoiceNumbers);
    nextAction =
        nextAction.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nextAction));
  }

  /**
   * A payment whose every field typed ({@link #untyped()} empty): the constructor before {@code
   * untyped} was added, kept for binary compatibility.
   */
  public LagoPayment(
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
      @Nullable Instant createdAt) {
    this(
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
        Map.of());
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
}
