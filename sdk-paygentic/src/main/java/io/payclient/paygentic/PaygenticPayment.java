package io.payclient.paygentic;

import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Paygentic payment with every field of Paygentic's Payment object, plus whether the create was
 * an idempotent replay. Fields the server omits are {@code null} or empty; a field sent in a shape
 * this SDK cannot type (a non-decimal amount, a malformed timestamp or URL), required or not, is
 * {@code null} or empty too and keeps its raw text in {@link #untyped()}, rather than a failure; an
 * unknown status maps to {@link PaygenticPaymentStatus#UNKNOWN} and keeps the raw value.
 *
 * @param id {@code id}: the payment id ({@code pay_…})
 * @param object {@code object}: {@code "payment"}
 * @param amount {@code amount}: the decimal string as an exact decimal, scale kept ({@code 10.50})
 * @param currency {@code currency}: the ISO 4217 code
 * @param status {@code status}, mapped
 * @param rawStatus {@code status} as sent
 * @param createdAt {@code createdAt}
 * @param paymentUrl {@code paymentUrl}: where the customer pays
 * @param customerId {@code customerId}
 * @param idempotencyKey {@code idempotencyKey}: as the server echoes it
 * @param reference {@code reference}
 * @param metadata {@code metadata}; empty when none
 * @param lineItems {@code lineItems}; empty when none
 * @param expiresAt {@code expiresAt}
 * @param replayed whether the create was answered with an existing payment (HTTP 200, idempotency
 *     match) instead of a new one (HTTP 201); always {@code false} for a retrieve
 * @param untyped the raw text, by wire name ({@code lineItems[i].quantity} inside line items), of
 *     each field whose value could not be typed; empty when every field typed
 */
public record PaygenticPayment(
    String id,
    @Nullable String object,
    @Nullable BigDecimal amount,
    @Nullable String currency,
    PaygenticPaymentStatus status,
    @Nullable String rawStatus,
    @Nullable Instant createdAt,
    @Nullable URI paymentUrl,
    @Nullable String customerId,
    @Nullable String idempotencyKey,
    @Nullable String reference,
    Map<String, String> metadata,
    List<PaygenticLineItem> lineItems,
    @Nullable Instant expiresAt,
    boolean replayed,
    Map<String, String> untyped) {

  /** Checks the id and copies the collections. */
  public PaygenticPayment {
    untyped = untyped == null || untyped.isEmpty() ? Map.of() : Map.copyOf(untyped);
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    metadata =
        metadata == null || metadata.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
  }

  /**
   * A payment whose every field typed ({@link #untyped()} empty): the constructor before {@code
   * untyped} was added, kept for binary compatibility.
   */
  public PaygenticPayment(
      String id,
      @Nullable String object,
      @Nullable BigDecimal amount,
      @Nullable String currency,
      PaygenticPaymentStatus status,
      @Nullable String rawStatus,
      @Nullable Instant createdAt,
      @Nullable URI paymentUrl,
      @Nullable String customerId,
      @Nullable String idempotencyKey,
      @Nullable String reference,
      Map<String, String> metadata,
      List<PaygenticLineItem> lineItems,
      @Nullable Instant expiresAt,
      boolean replayed) {
    this(
        id,
        object,
        amount,
        currency,
        status,
        rawStatus,
        createdAt,
        paymentUrl,
        customerId,
        idempotencyKey,
        reference,
        metadata,
        lineItems,
        expiresAt,
        replayed,
        Map.of());
  }

  /** {@code status} mapped to the neutral status ({@code completed} → {@code SUCCEEDED}). */
  public PaymentStatus neutralStatus() {
    return PaymentStatus.fromWire(rawStatus);
  }

  /**
   * The amount and currency as money; empty when either is missing or the currency code is unknown
   * to Java.
   */
  public Optional<Money> money() {
    if (amount == null || currency == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Money.of(amount, currency));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
