package io.payclient.billingrails;

import io.payclient.billingrails.internal.BillingrailsAccess;
import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import io.payclient.core.internal.Link;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
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
 * <p>Built only by the SDK: there is no public constructor, so a new wire field is not a binary
 * break.
 */
public final class BillingrailsPayment {
  static {
    BillingrailsAccess.install(new BillingrailsAccessImpl());
  }

  private final @Nullable String object;
  private final String id;
  private final @Nullable String accountId;
  private final @Nullable Long amountMinor;
  private final @Nullable String currency;
  private final @Nullable String description;
  private final @Nullable BillingrailsPaymentMethod paymentMethod;
  private final @Nullable String paymentMethodId;
  private final @Nullable String referenceId;
  private final BillingrailsPaymentStatus status;
  private final @Nullable String rawStatus;
  private final BillingrailsPaymentFailureReason failureReason;
  private final @Nullable String rawFailureReason;
  private final @Nullable Instant createdAt;
  private final @Nullable Link paymentLink; // its URI is built when asked for
  private final @Nullable String requestId;
  private final Map<String, String> untyped;

  BillingrailsPayment(
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
      @Nullable Link paymentLink,
      @Nullable String requestId,
      Map<String, String> untyped) {
    untyped = untyped.isEmpty() ? Map.of() : Map.copyOf(untyped);

    this.object = object;
    this.id = id;
    this.accountId = accountId;
    this.amountMinor = amountMinor;
    this.currency = currency;
    this.description = description;
    this.paymentMethod = paymentMethod;
    this.paymentMethodId = paymentMethodId;
    this.referenceId = referenceId;
    this.status = status;
    this.rawStatus = rawStatus;
    this.failureReason = failureReason;
    this.rawFailureReason = rawFailureReason;
    this.createdAt = createdAt;
    this.paymentLink = paymentLink;
    this.requestId = requestId;
    this.untyped = untyped;
  }

  /** {@code object}, normally {@code "payment"} */
  public @Nullable String object() {
    return object;
  }

  /** {@code id}: Billingrails' id of the payment */
  public String id() {
    return id;
  }

  /** {@code account_id}: the account that paid */
  public @Nullable String accountId() {
    return accountId;
  }

  /**
   * {@code amount}: integer minor units of {@code currency} (cents for USD); see {@link #amount()}
   */
  public @Nullable Long amountMinor() {
    return amountMinor;
  }

  /** {@code currency}: ISO 4217 code as sent */
  public @Nullable String currency() {
    return currency;
  }

  /** {@code description} */
  public @Nullable String description() {
    return description;
  }

  /** {@code payment_method}: the embedded payment method, or {@code null} */
  public @Nullable BillingrailsPaymentMethod paymentMethod() {
    return paymentMethod;
  }

  /** {@code payment_method_id} */
  public @Nullable String paymentMethodId() {
    return paymentMethodId;
  }

  /** {@code reference_id} (legacy: {@code reference}): your reference */
  public @Nullable String referenceId() {
    return referenceId;
  }

  /** {@code status} mapped; {@link BillingrailsPaymentStatus#UNKNOWN} for new values */
  public BillingrailsPaymentStatus status() {
    return status;
  }

  /** {@code status} as sent */
  public @Nullable String rawStatus() {
    return rawStatus;
  }

  /** {@code failure_reason} mapped; {@link BillingrailsPaymentFailureReason#NONE} when absent */
  public BillingrailsPaymentFailureReason failureReason() {
    return failureReason;
  }

  /** {@code failure_reason} as sent */
  public @Nullable String rawFailureReason() {
    return rawFailureReason;
  }

  /** {@code created_at} */
  public @Nullable Instant createdAt() {
    return createdAt;
  }

  /**
   * {@code payment_link} of a create response: where the payer completes an online payment; {@code
   * null} when absent or unparseable
   */
  public @Nullable URI paymentLink() {
    return Link.uri(paymentLink);
  }

  /** The payment link as read, its URI not built yet. */
  @Nullable Link link() {
    return paymentLink;
  }

  /** {@code meta.request_id} of the response, for support tickets, or {@code null} */
  public @Nullable String requestId() {
    return requestId;
  }

  /**
   * The raw text, by wire name ({@code payment_method.<field>} for the embedded method), of each
   * field whose value could not be typed; that field's typed accessor is empty. One such field
   * never fails the read (the SDK's leniency policy). Empty when every field typed
   */
  public Map<String, String> untyped() {
    return untyped;
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
    return Optional.ofNullable(Link.uri(paymentLink));
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return this == other
        || (other instanceof BillingrailsPayment o && Arrays.equals(values(), o.values()));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values());
  }

  /** Every field, in declaration order: what equality and the hash code are made of. */
  private @Nullable Object[] values() {
    return new @Nullable Object[] {
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
      untyped
    };
  }

  @Override
  public String toString() {
    return "BillingrailsPayment["
        + "object="
        + object
        + ", id="
        + id
        + ", accountId="
        + accountId
        + ", amountMinor="
        + amountMinor
        + ", currency="
        + currency
        + ", description="
        + description
        + ", paymentMethod="
        + paymentMethod
        + ", paymentMethodId="
        + paymentMethodId
        + ", referenceId="
        + referenceId
        + ", status="
        + status
        + ", rawStatus="
        + rawStatus
        + ", failureReason="
        + failureReason
        + ", rawFailureReason="
        + rawFailureReason
        + ", createdAt="
        + createdAt
        + ", paymentLink="
        + paymentLink
        + ", requestId="
        + requestId
        + ", untyped="
        + untyped
        + ']';
  }
}
