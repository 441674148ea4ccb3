package io.payclient.billingrails;

import io.payclient.core.internal.LenientReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The payment method embedded in a Billingrails payment ({@code payment_method}). Every field is
 * optional: servers and docs pages differ in what they send, and a missing or {@code null} field is
 * {@code null} here, never a failure.
 *
 * <p>Built only by the SDK: there is no public constructor, so a new wire field is not a binary
 * break.
 */
public final class BillingrailsPaymentMethod {
  private final @Nullable String object;
  private final @Nullable String id;
  private final @Nullable String status;
  private final @Nullable String type;
  private final @Nullable String provider;
  private final @Nullable String channel;
  private final @Nullable String accountId;
  private final @Nullable String accountName;
  private final Map<String, @Nullable Object> details;
  private final @Nullable Instant createdAt;

  BillingrailsPaymentMethod(
      @Nullable String object,
      @Nullable String id,
      @Nullable String status,
      @Nullable String type,
      @Nullable String provider,
      @Nullable String channel,
      @Nullable String accountId,
      @Nullable String accountName,
      Map<String, @Nullable Object> details,
      @Nullable Instant createdAt) {
    details = LenientReader.frozen(details);

    this.object = object;
    this.id = id;
    this.status = status;
    this.type = type;
    this.provider = provider;
    this.channel = channel;
    this.accountId = accountId;
    this.accountName = accountName;
    this.details = details;
    this.createdAt = createdAt;
  }

  /** {@code object}, normally {@code "payment_method"} */
  public @Nullable String object() {
    return object;
  }

  /** {@code id} */
  public @Nullable String id() {
    return id;
  }

  /** {@code status}, as sent */
  public @Nullable String status() {
    return status;
  }

  /** {@code type}, as sent (card, bank account, ...) */
  public @Nullable String type() {
    return type;
  }

  /** {@code provider}: the payment provider, as sent */
  public @Nullable String provider() {
    return provider;
  }

  /** {@code channel}: only on the legacy docs page; kept when present */
  public @Nullable String channel() {
    return channel;
  }

  /** {@code account_id} */
  public @Nullable String accountId() {
    return accountId;
  }

  /** {@code account_name} */
  public @Nullable String accountName() {
    return accountName;
  }

  /**
   * {@code details}: provider-specific values as plain Java values (maps, lists, strings, {@link
   * java.math.BigDecimal} numbers, booleans); empty when absent
   */
  public Map<String, @Nullable Object> details() {
    return details;
  }

  /** {@code created_at} */
  public @Nullable Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return this == other
        || (other instanceof BillingrailsPaymentMethod o && Arrays.equals(values(), o.values()));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values());
  }

  /** Every field, in declaration order: what equality and the hash code are made of. */
  private @Nullable Object[] values() {
    return new @Nullable Object[] {
      object, id, status, type, provider, channel, accountId, accountName, details, createdAt
    };
  }

  @Override
  public String toString() {
    return "BillingrailsPaymentMethod["
        + "object="
        + object
        + ", id="
        + id
        + ", status="
        + status
        + ", type="
        + type
        + ", provider="
        + provider
        + ", channel="
        + channel
        + ", accountId="
        + accountId
        + ", accountName="
        + accountName
        + ", details="
        + details
        + ", createdAt="
        + createdAt
        + ']';
  }
}
