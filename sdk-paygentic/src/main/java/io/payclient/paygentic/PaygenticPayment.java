package io.payclient.paygentic;

import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import io.payclient.core.internal.LenientReader;
import io.payclient.core.internal.Link;
import io.payclient.paygentic.internal.PaygenticAccess;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
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
 * <p>Built only by the SDK: there is no public constructor, so a new wire field is not a binary
 * break.
 */
public final class PaygenticPayment {
  static {
    PaygenticAccess.install(new PaygenticAccessImpl());
  }

  private final String id;
  private final @Nullable String object;
  private final @Nullable BigDecimal amount;
  private final @Nullable String currency;
  private final PaygenticPaymentStatus status;
  private final @Nullable String rawStatus;
  private final @Nullable Instant createdAt;
  private final @Nullable Link paymentUrl; // its URI is built when asked for
  private final @Nullable String customerId;
  private final @Nullable String idempotencyKey;
  private final @Nullable String reference;
  private final Map<String, String> metadata;
  private final List<PaygenticLineItem> lineItems;
  private final @Nullable Instant expiresAt;
  private final boolean replayed;
  private final Map<String, String> untyped;

  PaygenticPayment(
      String id,
      @Nullable String object,
      @Nullable BigDecimal amount,
      @Nullable String currency,
      PaygenticPaymentStatus status,
      @Nullable String rawStatus,
      @Nullable Instant createdAt,
      @Nullable Link paymentUrl,
      @Nullable String customerId,
      @Nullable String idempotencyKey,
      @Nullable String reference,
      Map<String, String> metadata,
      List<PaygenticLineItem> lineItems,
      @Nullable Instant expiresAt,
      boolean replayed,
      Map<String, String> untyped) {
    untyped = untyped == null || untyped.isEmpty() ? Map.of() : Map.copyOf(untyped);
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    metadata = metadata == null ? Map.of() : LenientReader.frozen(metadata);
    lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);

    this.id = id;
    this.object = object;
    this.amount = amount;
    this.currency = currency;
    this.status = status;
    this.rawStatus = rawStatus;
    this.createdAt = createdAt;
    this.paymentUrl = paymentUrl;
    this.customerId = customerId;
    this.idempotencyKey = idempotencyKey;
    this.reference = reference;
    this.metadata = metadata;
    this.lineItems = lineItems;
    this.expiresAt = expiresAt;
    this.replayed = replayed;
    this.untyped = untyped;
  }

  /** {@code id}: the payment id ({@code pay_…}) */
  public String id() {
    return id;
  }

  /** {@code object}: {@code "payment"} */
  public @Nullable String object() {
    return object;
  }

  /** {@code amount}: the decimal string as an exact decimal, scale kept ({@code 10.50}) */
  public @Nullable BigDecimal amount() {
    return amount;
  }

  /** {@code currency}: the ISO 4217 code */
  public @Nullable String currency() {
    return currency;
  }

  /** {@code status}, mapped */
  public PaygenticPaymentStatus status() {
    return status;
  }

  /** {@code status} as sent */
  public @Nullable String rawStatus() {
    return rawStatus;
  }

  /** {@code createdAt} */
  public @Nullable Instant createdAt() {
    return createdAt;
  }

  /** {@code paymentUrl}: where the customer pays */
  public @Nullable URI paymentUrl() {
    return Link.uri(paymentUrl);
  }

  /** {@code paymentUrl} as read, its URI not built yet. */
  @Nullable Link link() {
    return paymentUrl;
  }

  /** {@code customerId} */
  public @Nullable String customerId() {
    return customerId;
  }

  /** {@code idempotencyKey}: as the server echoes it */
  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }

  /** {@code reference} */
  public @Nullable String reference() {
    return reference;
  }

  /** {@code metadata}; empty when none */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** {@code lineItems}; empty when none */
  public List<PaygenticLineItem> lineItems() {
    return lineItems;
  }

  /** {@code expiresAt} */
  public @Nullable Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Whether the create was answered with an existing payment (HTTP 200, idempotency match) instead
   * of a new one (HTTP 201); always {@code false} for a retrieve
   */
  public boolean replayed() {
    return replayed;
  }

  /**
   * The raw text, by wire name ({@code lineItems[i].quantity} inside line items), of each field
   * whose value could not be typed; empty when every field typed
   */
  public Map<String, String> untyped() {
    return untyped;
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

  @Override
  public boolean equals(@Nullable Object other) {
    return this == other
        || (other instanceof PaygenticPayment o && Arrays.equals(values(), o.values()));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values());
  }

  /** Every field, in declaration order: what equality and the hash code are made of. */
  private @Nullable Object[] values() {
    return new @Nullable Object[] {
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
      untyped
    };
  }

  @Override
  public String toString() {
    return "PaygenticPayment["
        + "id="
        + id
        + ", object="
        + object
        + ", amount="
        + amount
        + ", currency="
        + currency
        + ", status="
        + status
        + ", rawStatus="
        + rawStatus
        + ", createdAt="
        + createdAt
        + ", paymentUrl="
        + paymentUrl
        + ", customerId="
        + customerId
        + ", idempotencyKey="
        + idempotencyKey
        + ", reference="
        + reference
        + ", metadata="
        + metadata
        + ", lineItems="
        + lineItems
        + ", expiresAt="
        + expiresAt
        + ", replayed="
        + replayed
        + ", untyped="
        + untyped
        + ']';
  }
}
