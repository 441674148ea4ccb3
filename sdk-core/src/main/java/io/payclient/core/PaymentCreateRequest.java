package io.payclient.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A vendor-neutral request to create a payment. Immutable and thread-safe.
 *
 * <pre>{@code
 * PaymentCreateRequest request = PaymentCreateRequest.builder()
 *     .amount(Money.of("10.99", "USD"))
 *     .target(PaymentTarget.invoice("486b147a-02a1-4ccf-8603-f3541fc25e7a"))
 *     .reference("order-1042")
 *     .build();
 * }</pre>
 *
 * <p>Each vendor maps these fields to its own create input. A field the vendor cannot express (an
 * {@code amount} for Billingrails, a {@code target} for Paygentic, {@code metadata} for Lago) is
 * rejected by {@link PaymentsClient#create(PaymentCreateRequest)} with a {@link
 * RequestValidationException} naming the field, before any I/O: nothing is silently dropped.
 */
public final class PaymentCreateRequest {
  private final @Nullable Money amount;
  private final @Nullable String reference;
  private final @Nullable PaymentTarget target;
  private final @Nullable String customerId;
  private final @Nullable Instant paidAt;
  private final @Nullable String idempotencyKey;
  private final Map<String, String> metadata;

  private PaymentCreateRequest(Builder b) {
    this.amount = b.amount;
    this.reference = b.reference;
    this.target = b.target;
    this.customerId = b.customerId;
    this.paidAt = b.paidAt;
    this.idempotencyKey = b.idempotencyKey;
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
  }

  /** Returns a new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this request's fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.amount = amount;
    b.reference = reference;
    b.target = target;
    b.customerId = customerId;
    b.paidAt = paidAt;
    b.idempotencyKey = idempotencyKey;
    b.metadata.putAll(metadata);
    return b;
  }

  /** The amount to pay, if given. */
  public Optional<Money> amount() {
    return Optional.ofNullable(amount);
  }

  /** The caller's reference for the payment (Lago de-duplicates on it), or {@code null}. */
  public @Nullable String reference() {
    return reference;
  }

  /** What is being paid, if given. */
  public Optional<PaymentTarget> target() {
    return Optional.ofNullable(target);
  }

  /** The vendor's customer or account id, or {@code null}. */
  public @Nullable String customerId() {
    return customerId;
  }

  /** When the payment was made (for recording offline payments), or {@code null}. */
  public @Nullable Instant paidAt() {
    return paidAt;
  }

  /** The idempotency key to send, or {@code null} to let the SDK generate one where supported. */
  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }

  /** Free-form string metadata; empty when none. */
  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaymentCreateRequest r
        && Objects.equals(amount, r.amount)
        && Objects.equals(reference, r.reference)
        && Objects.equals(target, r.target)
        && Objects.equals(customerId, r.customerId)
        && Objects.equals(paidAt, r.paidAt)
        && Objects.equals(idempotencyKey, r.idempotencyKey)
        && metadata.equals(r.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount, reference, target, customerId, paidAt, idempotencyKey, metadata);
  }

  @Override
  public String toString() {
    return "PaymentCreateRequest{amount="
        + amount
        + ", reference="
        + reference
        + ", target="
        + target
        + ", customerId="
        + customerId
        + ", paidAt="
        + paidAt
        + ", idempotencyKey="
        + idempotencyKey
        + ", metadata="
        + metadata
        + '}';
  }

  /** Builds a {@link PaymentCreateRequest}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Money amount;
    private @Nullable String reference;
    private @Nullable PaymentTarget target;
    private @Nullable String customerId;
    private @Nullable Instant paidAt;
    private @Nullable String idempotencyKey;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Builder() {}

    /** The amount to pay. */
    public Builder amount(@Nullable Money amount) {
      this.amount = amount;
      return this;
    }

    /** The caller's reference. */
    public Builder reference(@Nullable String reference) {
      this.reference = reference;
      return this;
    }

    /** What is being paid. */
    public Builder target(@Nullable PaymentTarget target) {
      this.target = target;
      return this;
    }

    /** The vendor's customer or account id. */
    public Builder customerId(@Nullable String customerId) {
      this.customerId = customerId;
      return this;
    }

    /** When the payment was made. */
    public Builder paidAt(@Nullable Instant paidAt) {
      this.paidAt = paidAt;
      return this;
    }

    /** The idempotency key; overridden by {@link RequestOptions#idempotencyKey()} when both set. */
    public Builder idempotencyKey(@Nullable String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /**
     * Adds one metadata entry.
     *
     * @throws NullPointerException if the key or value is null
     */
    public Builder putMetadata(String key, String value) {
      metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Replaces all metadata.
     *
     * @throws NullPointerException if a key or value is null
     */
    public Builder metadata(Map<String, String> metadata) {
      this.metadata.clear();
      metadata.forEach(this::putMetadata);
      return this;
    }

    /** Returns the request. Vendor rules are checked when a vendor client maps it. */
    public PaymentCreateRequest build() {
      return new PaymentCreateRequest(this);
    }
  }
}
