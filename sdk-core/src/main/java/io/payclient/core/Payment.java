package io.payclient.core;

import io.payclient.core.internal.CoreAccess;
import io.payclient.core.internal.Link;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A payment as seen through the vendor-neutral API. Immutable and thread-safe. Built only by the
 * SDK: there is no public constructor, so a new field is not a binary break.
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
  private final @Nullable Link paymentUrl; // its URI is built when asked for
  private final @Nullable String idempotencyKey;
  private final boolean replayed;
  private final Object vendorPayment;

  static {
    CoreAccess.install(new CoreAccessImpl());
  }

  Payment(
      String id,
      String vendor,
      @Nullable PaymentStatus status,
      @Nullable String rawStatus,
      @Nullable Money amount,
      @Nullable String reference,
      @Nullable String customerId,
      @Nullable Instant createdAt,
      @Nullable Link paymentUrl,
      @Nullable String idempotencyKey,
      boolean replayed,
      Object vendorPayment) {
    this.id = Objects.requireNonNull(id, "id");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.rawStatus = rawStatus;
    this.status = status != null ? status : PaymentStatus.fromWire(rawStatus);
    this.amount = amount;
    this.reference = reference;
    this.customerId = customerId;
    this.createdAt = createdAt;
    this.paymentUrl = paymentUrl;
    this.idempotencyKey = idempotencyKey;
    this.replayed = replayed;
    this.vendorPayment = Objects.requireNonNull(vendorPayment, "vendorPayment");
  }

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
    return Optional.ofNullable(Link.uri(paymentUrl));
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
}
