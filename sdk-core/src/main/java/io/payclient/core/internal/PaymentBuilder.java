package io.payclient.core.internal;

import io.payclient.core.Money;
import io.payclient.core.Payment;
import io.payclient.core.PaymentStatus;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Not API: builds a neutral {@link Payment} from a vendor payment (the vendor modules' mappings).
 * {@code id}, {@code vendor} and {@code vendorPayment} are required; a missing status is mapped
 * from {@code rawStatus}.
 */
public final class PaymentBuilder {
  private @Nullable String id;
  private @Nullable String vendor;
  private @Nullable PaymentStatus status;
  private @Nullable String rawStatus;
  private @Nullable Money amount;
  private @Nullable String reference;
  private @Nullable String customerId;
  private @Nullable Instant createdAt;
  private @Nullable Link paymentUrl;
  private @Nullable String idempotencyKey;
  private boolean replayed;
  private @Nullable Object vendorPayment;

  /** An empty builder. */
  public PaymentBuilder() {}

  /** Sets the vendor's payment id. */
  public PaymentBuilder id(String id) {
    this.id = id;
    return this;
  }

  /** Sets the vendor name. */
  public PaymentBuilder vendor(String vendor) {
    this.vendor = vendor;
    return this;
  }

  /** Sets the neutral status; when {@code null}, it is mapped from the raw status. */
  public PaymentBuilder status(@Nullable PaymentStatus status) {
    this.status = status;
    return this;
  }

  /** Sets the status as sent. */
  public PaymentBuilder rawStatus(@Nullable String rawStatus) {
    this.rawStatus = rawStatus;
    return this;
  }

  /** Sets the amount. */
  public PaymentBuilder amount(@Nullable Money amount) {
    this.amount = amount;
    return this;
  }

  /** Sets the reference. */
  public PaymentBuilder reference(@Nullable String reference) {
    this.reference = reference;
    return this;
  }

  /** Sets the customer id. */
  public PaymentBuilder customerId(@Nullable String customerId) {
    this.customerId = customerId;
    return this;
  }

  /** Sets the creation time. */
  public PaymentBuilder createdAt(@Nullable Instant createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  /** Sets where the customer pays. */
  public PaymentBuilder paymentUrl(@Nullable URI paymentUrl) {
    this.paymentUrl = Link.of(paymentUrl);
    return this;
  }

  /** Sets where the customer pays, as read (its URI is built only if asked for). */
  public PaymentBuilder paymentLink(@Nullable Link paymentUrl) {
    this.paymentUrl = paymentUrl;
    return this;
  }

  /** Sets the idempotency key used. */
  public PaymentBuilder idempotencyKey(@Nullable String idempotencyKey) {
    this.idempotencyKey = idempotencyKey;
    return this;
  }

  /** Sets whether the create was an idempotent replay. */
  public PaymentBuilder replayed(boolean replayed) {
    this.replayed = replayed;
    return this;
  }

  /** Sets the vendor's typed payment, the target of {@link Payment#unwrap(Class)}. */
  public PaymentBuilder vendorPayment(Object vendorPayment) {
    this.vendorPayment = vendorPayment;
    return this;
  }

  /**
   * Builds the payment.
   *
   * @throws NullPointerException if {@code id}, {@code vendor} or {@code vendorPayment} is missing
   */
  public Payment build() {
    if (id == null || vendor == null || vendorPayment == null) {
      throw new NullPointerException(
          id == null ? "id" : vendor == null ? "vendor" : "vendorPayment");
    }
    return CoreAccess.get()
        .payment(
            id,
            vendor,
            status,
            rawStatus,
            amount,
            reference,
            customerId,
            createdAt,
            paymentUrl,
            idempotencyKey,
            replayed,
            vendorPayment);
  }
}
