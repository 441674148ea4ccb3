package io.payclient.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Vendor-neutral filters for {@link PaymentsClient#list(PaymentListParams)}. Immutable.
 *
 * <p>Each vendor supports some filters: Lago filters by customer and invoice, Paygentic by customer
 * and status, Billingrails by none. A filter the vendor cannot apply is refused with a {@link
 * RequestValidationException} naming it, never ignored (which would return payments the caller did
 * not ask for).
 *
 * <pre>{@code
 * Page<Payment> page = client.list(PaymentListParams.builder().customerId("cust_42").build());
 * }</pre>
 */
public final class PaymentListParams {
  private static final PaymentListParams ALL = new Builder().build();

  private final @Nullable String customerId;
  private final @Nullable PaymentTarget target;
  private final @Nullable PaymentStatus status;
  private final @Nullable Integer pageSize;

  private PaymentListParams(Builder b) {
    this.customerId = b.customerId;
    this.target = b.target;
    this.status = b.status;
    this.pageSize = b.pageSize;
  }

  /** No filter, the vendor's default page size. */
  public static PaymentListParams all() {
    return ALL;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Only this customer's payments (Lago: external customer id; Paygentic: customer id). */
  public Optional<String> customerId() {
    return Optional.ofNullable(customerId);
  }

  /** Only payments of this object (Lago: an invoice). */
  public Optional<PaymentTarget> target() {
    return Optional.ofNullable(target);
  }

  /** Only payments in this status (Paygentic). */
  public Optional<PaymentStatus> status() {
    return Optional.ofNullable(status);
  }

  /** Items per page requested. */
  public OptionalInt pageSize() {
    return pageSize == null ? OptionalInt.empty() : OptionalInt.of(pageSize);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaymentListParams p
        && Objects.equals(customerId, p.customerId)
        && Objects.equals(target, p.target)
        && status == p.status
        && Objects.equals(pageSize, p.pageSize);
  }

  @Override
  public int hashCode() {
    return Objects.hash(customerId, target, status, pageSize);
  }

  @Override
  public String toString() {
    return "PaymentListParams{customerId="
        + customerId
        + ", target="
        + target
        + ", status="
        + status
        + ", pageSize="
        + pageSize
        + '}';
  }

  /** Builds {@link PaymentListParams}. */
  public static final class Builder {
    private @Nullable String customerId;
    private @Nullable PaymentTarget target;
    private @Nullable PaymentStatus status;
    private @Nullable Integer pageSize;

    private Builder() {}

    /** Only this customer's payments. */
    public Builder customerId(@Nullable String customerId) {
      this.customerId = customerId;
      return this;
    }

    /** Only payments of this object. */
    public Builder target(@Nullable PaymentTarget target) {
      this.target = target;
      return this;
    }

    /**
     * Only payments in this status.
     *
     * @throws IllegalArgumentException for {@link PaymentStatus#UNKNOWN}, which no vendor lists by
     */
    public Builder status(@Nullable PaymentStatus status) {
      if (status == PaymentStatus.UNKNOWN) {
        throw new IllegalArgumentException("UNKNOWN is not a status to filter by");
      }
      this.status = status;
      return this;
    }

    /**
     * Items per page; each vendor caps it (Paygentic: 100).
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder pageSize(@Nullable Integer pageSize) {
      if (pageSize != null && pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be >= 1: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Returns the parameters. */
    public PaymentListParams build() {
      return new PaymentListParams(this);
    }
  }
}
