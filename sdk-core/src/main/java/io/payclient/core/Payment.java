package io.payclient.core;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A payment as seen through the vendor-neutral API. Immutable and thread-safe.
 *
 * <p>Every vendor field stays reachable through {@link #unwrap(Class)}:
 *
 * <pre>{@code
 * Payment payment = client.create(request);
 * if (payment.status().isTerminal()) { ... }
 * LagoPayment lago = payment.unwrap(LagoPayment.class);
 * }</pre>
 */
public final class Payment {
  private final String id;
  private final String vendor;
  private final PaymentStatus status;
  private final @Nullable String rawStatus;
  private final @Nullable Money amount;
  private final @Nullable String reference;
  private final @Nullable String customerId;
  private final @Nullable Instant createdAt;
  private final @Nullable URI paymentUrl;
  private final @Nullable String idempotencyKey;
  private final boolean replayed;
  private final Object vendorPayment;

  private Payment(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    this.vendor = Objects.requireNonNull(b.vendor, "vendor");
    this.rawStatus = b.rawStatus;
    this.status = b.status != null ? b.status : PaymentStatus.fromWire(b.rawStatus);
    this.amount = b.amount;
    this.reference = b.reference;
    this.customerId = b.customerId;
    this.createdAt = b.createdAt;
    this.paymentUrl = b.paymentUrl;
    this.idempotencyKey = b.idempotencyKey;
    this.replayed = b.replayed;
    this.vendorPayment = Objects.requireNonNull(b.vendorPayment, "vendorPayment");
  }

  /**
   * Returns a builder. Vendor modules build payments with it; applications may use it to fake
   * payments in their own tests.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The vendor's id of the payment. */
  public String id() {
    return id;
  }

  /** {@code "lago"}, {@code "billingrails"} or {@code "paygentic"}. */
  public String vendor() {
    return vendor;
  }

  /** The neutral status; {@link PaymentStatus#UNKNOWN} for values this SDK does not know. */
  public PaymentStatus status() {
    return status;
  }

  /** The status exactly as the vendor sent it, or {@code null} when absent. */
  public @Nullable String rawStatus() {
    return rawStatus;
  }

  /** The amount, when the vendor reported one with its currency. */
  public Optional<Money> amount() {
    return Optional.ofNullable(amount);
  }

  /** The caller's reference, or {@code null}. */
  public @Nullable String reference() {
    return reference;
  }

  /** The vendor's customer or account id, or {@code null}. */
  public @Nullable String customerId() {
    return customerId;
  }

  /** When the vendor created the payment, or {@code null} if the vendor did not say. */
  public @Nullable Instant createdAt() {
    return createdAt;
  }

  /** Where the payer completes the payment, when the vendor gives such a link. */
  public Optional<URI> paymentUrl() {
    return Optional.ofNullable(paymentUrl);
  }

  /** The idempotency key the SDK sent for this payment, or {@code null} (Lago has none). */
  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }

  /**
   * Whether the vendor answered with an existing payment instead of creating a new one: an
   * idempotent replay (Paygentic 200) or a Lago payment found by reconciliation after an ambiguous
   * failure.
   */
  public boolean replayed() {
    return replayed;
  }

  /**
   * Returns the vendor's typed payment ({@code LagoPayment}, {@code BillingrailsPayment}, {@code
   * PaygenticPayment}).
   *
   * @throws IllegalArgumentException if this payment is not of that type (another vendor's)
   */
  public <T> T unwrap(Class<T> type) {
    if (!type.isInstance(vendorPayment)) {
      throw new IllegalArgumentException(
          "A "
              + vendor
              + " payment unwraps to "
              + vendorPayment.getClass().getSimpleName()
              + ", not "
              + type.getSimpleName());
    }
    return type.cast(vendorPayment);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Payment p
        && id.equals(p.id)
        && vendor.equals(p.vendor)
        && replayed == p.replayed
        && vendorPayment.equals(p.vendorPayment)
        && Objects.equals(idempotencyKey, p.idempotencyKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, vendor, vendorPayment);
  }

  @Override
  public String toString() {
    return "Payment{vendor="
        + vendor
        + ", id="
        + id
        + ", status="
        + status
        + (status == PaymentStatus.UNKNOWN ? "(" + rawStatus + ")" : "")
        + ", amount="
        + amount
        + ", reference="
        + reference
        + ", createdAt="
        + createdAt
        + (replayed ? ", replayed" : "")
        + '}';
  }

  /** Builds a {@link Payment}. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String vendor;
    private @Nullable PaymentStatus status;
    private @Nullable String rawStatus;
    private @Nullable Money amount;
    private @Nullable String reference;
    private @Nullable String customerId;
    private @Nullable Instant createdAt;
    private @Nullable URI paymentUrl;
    private @Nullable String idempotencyKey;
    private boolean replayed;
    private @Nullable Object vendorPayment;

    private Builder() {}

    /** Required. */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Required. */
    public Builder vendor(String vendor) {
      this.vendor = vendor;
      return this;
    }

    /** The neutral status; when not set it is mapped from {@link #rawStatus(String)}. */
    public Builder status(@Nullable PaymentStatus status) {
      this.status = status;
      return this;
    }

    /** The wire status. */
    public Builder rawStatus(@Nullable String rawStatus) {
      this.rawStatus = rawStatus;
      return this;
    }

    /** The amount. */
    public Builder amount(@Nullable Money amount) {
      this.amount = amount;
      return this;
    }

    /** The reference. */
    public Builder reference(@Nullable String reference) {
      this.reference = reference;
      return this;
    }

    /** The customer id. */
    public Builder customerId(@Nullable String customerId) {
      this.customerId = customerId;
      return this;
    }

    /** The creation time. */
    public Builder createdAt(@Nullable Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** The payment link. */
    public Builder paymentUrl(@Nullable URI paymentUrl) {
      this.paymentUrl = paymentUrl;
      return this;
    }

    /** The idempotency key sent. */
    public Builder idempotencyKey(@Nullable String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /** Whether this is an existing payment returned again. */
    public Builder replayed(boolean replayed) {
      this.replayed = replayed;
      return this;
    }

    /** Required: the vendor's typed payment that {@link Payment#unwrap(Class)} returns. */
    public Builder vendorPayment(Object vendorPayment) {
      this.vendorPayment = vendorPayment;
      return this;
    }

    /**
     * Returns the payment.
     *
     * @throws NullPointerException if {@code id}, {@code vendor} or {@code vendorPayment} is
     *     missing
     */
    public Payment build() {
      return new Payment(this);
    }
  }
}
