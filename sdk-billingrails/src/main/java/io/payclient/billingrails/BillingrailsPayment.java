package io.payclient.billingrails;

import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Billingrails payment with every field of Billingrails' Payment object, plus what the response
 * envelope carries ({@code payment_link} on a create, {@code meta.request_id}). Fields the server
 * omits or sends as {@code null} are {@code null} here; enum fields map unknown values to {@code
 * UNKNOWN} and keep the raw value. Immutable.
 *
 * <p>The legacy "record payment" docs page names the reference {@code reference} instead of {@code
 * reference_id}; it is read into {@link #referenceId()} when {@code reference_id} is absent.
 *
 * @param object {@code object}, normally {@code "payment"}
 * @param id {@code id}: Billingrails' id of the payment
 * @param accountId {@code account_id}: the account that paid
 * @param amountMinor {@code amount}: integer minor units of {@code currency} (cents for USD); see
 *     {@link #amount()}
 * @param currency {@code currency}: ISO 4217 code as sent
 * @param description {@code description}
 * @param paymentMethod {@code payment_method}: the embedded payment method, or {@code null}
 * @param paymentMethodId {@code payment_method_id}
 * @param referenceId {@code reference_id} (legacy: {@code reference}): your reference
 * @param status {@code status} mapped; {@link BillingrailsPaymentStatus#UNKNOWN} for new values
 * @param rawStatus {@code status} as sent
 * @param failureReason {@code failure_reason} mapped; {@link BillingrailsPaymentFailureReason#NONE}
 *     when absent
 * @param rawFailureReason {@code failure_reason} as sent
 * @param createdAt {@code created_at}
 * @param paymentLink {@code payment_link} of a create response: where the payer completes an online
 *     payment; {@code null} when absent or unparseable
 * @param requestId {@code meta.request_id} of the response, for support tickets, or {@code null}
 * @param untyped the raw text, by wire name ({@code payment_method.<field>} for the embedded
 *     method), of each field whose value could not be typed; that field's typed accessor is empty.
 *     One such field never fails the read (the SDK's leniency policy). Empty when every field typed
 */
public record BillingrailsPayment(
    @Nullable String object,
    String id,
    @Nullable String accountId,
    @Nullable Long amountMinor,
    @Nullable String currency,
    @Nullable String description,
    @Nullable BillingrailsPaymentMethod paymentMethod,
    @Nullable String paymentMethodId,
    @Nullable String referenceId,
    BillingrailsPaymentStatus status,
    @Nullable String rawStatus,
    BillingrailsPaymentFailureReason failureReason,
    @Nullable String rawFailureReason,
    @Nullable Instant createdAt,
    @Nullable URI paymentLink,
    @Nullable String requestId,
    Map<String, String> untyped) {

  /** Copies the raw texts. */
  public BillingrailsPayment {
    untyped = untyped.isEmpty() ? Map.of() : Map.copyOf(untyped);
  }

  /**
   * A payment whose every field typed ({@link #untyped()} empty): the constructor before {@code
   * untyped} was added, kept for binary compatibility.
   */
  public BillingrailsPayment(
      @Nullable String object,
      String id,
      @Nullable String accountId,
      @Nullable Long amountMinor,
      @Nullable String currency,
      @Nullable String description,
      @Nullable BillingrailsPaymentMethod paymentMethod,
      @Nullable String paymentMethodId,
      @Nullable String referenceId,
      BillingrailsPaymentStatus status,
      @Nullable String rawStatus,
      BillingrailsPaymentFailureReason failureReason,
      @Nullable String rawFailureReason,
      @Nullable Instant createdAt,
      @Nullable URI paymentLink,
      @Nullable String requestId) {
    this(
        object,
        id,
        accountId,
        amountMinor,
        currency,
        description,
        paymentMethod,
        paymentMethodId,
        referenceId,
        status,
        rawStatus,
        failureReason,
        rawFailureReason,
        createdAt,
        paymentLink,
        requestId,
        Map.of());
  }

  /** {@code status} mapped to the neutral status; unknown values give {@code UNKNOWN}. */
  public PaymentStatus neutralStatus() {
    return status.neutral();
  }

  /**
   * The amount as money: {@code amount} minor units of {@code currency} with the ISO 4217 number of
   * digits ({@code 1000} USD is 10.00 USD). Empty when the amount or currency is missing or the
   * currency is not an ISO 4217 code. Never throws.
   */
  public Optional<Money> amount() {
    if (amountMinor == null || currency == null || currency.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Money.ofMinor(amountMinor, currency.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The payment link, when the create response carried one. */
  public Optional<URI> paymentUrl() {
    return Optional.ofNullable(paymentLink);
  }
}
