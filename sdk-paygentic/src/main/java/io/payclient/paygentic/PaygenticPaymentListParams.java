package io.payclient.paygentic;

import io.payclient.core.internal.Secrets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for {@code GET /v0/payments}. Immutable. Every field is optional; unset fields
 * are not sent, so Paygentic's defaults apply (limit 10, offset 0, every status).
 *
 * <pre>{@code
 * PaygenticPaymentListParams params = PaygenticPaymentListParams.builder()
 *     .customerId("cus_4711")
 *     .status(PaygenticPaymentStatus.COMPLETED)
 *     .limit(50)
 *     .build();
 * for (PaygenticPayment p : paygentic.payments().list(params).autoPagingIterable()) { ... }
 * }</pre>
 *
 * <p>The builder's setters check their value at once and throw {@link IllegalArgumentException}
 * naming the wire field ({@code limit}, {@code offset}, {@code status}, …): these are programming
 * errors, found before any request.
 */
public final class PaygenticPaymentListParams {
  /** The largest {@code limit} Paygentic accepts: 100. */
  public static final int MAX_LIMIT = 100;

  private final @Nullable String merchantId;
  private final @Nullable String status;
  private final @Nullable String customerId;
  private final @Nullable Integer limit;
  private final @Nullable Integer offset;

  private PaygenticPaymentListParams(Builder b) {
    this.merchantId = b.merchantId;
    this.status = b.status;
    this.customerId = b.customerId;
    this.limit = b.limit;
    this.offset = b.offset;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder with these parameters. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.merchantId = merchantId;
    b.status = status;
    b.customerId = customerId;
    b.limit = limit;
    b.offset = offset;
    return b;
  }

  /**
   * {@code merchantId}, or {@code null} for the client's {@linkplain
   * PaygenticClient.Builder#merchantId(String) default merchant} (or none).
   */
  public @Nullable String merchantId() {
    return merchantId;
  }

  /** {@code status} as sent on the wire ({@code "completed"}, …), or {@code null} for any. */
  public @Nullable String status() {
    return status;
  }

  /** {@code customerId}, or {@code null} for any customer. */
  public @Nullable String customerId() {
    return customerId;
  }

  /** {@code limit} (1–100), or {@code null} for Paygentic's default (10). */
  public @Nullable Integer limit() {
    return limit;
  }

  /** {@code offset} (≥ 0), or {@code null} for the start (0). */
  public @Nullable Integer offset() {
    return offset;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaygenticPaymentListParams p
        && Objects.equals(merchantId, p.merchantId)
        && Objects.equals(status, p.status)
        && Objects.equals(customerId, p.customerId)
        && Objects.equals(limit, p.limit)
        && Objects.equals(offset, p.offset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(merchantId, status, customerId, limit, offset);
  }

  @Override
  public String toString() {
    return "PaygenticPaymentListParams{merchantId="
        + merchantId
        + ", status="
        + status
        + ", customerId="
        + customerId
        + ", limit="
        + limit
        + ", offset="
        + offset
        + '}';
  }

  /** Builds {@link PaygenticPaymentListParams}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String merchantId;
    private @Nullable String status;
    private @Nullable String customerId;
    private @Nullable Integer limit;
    private @Nullable Integer offset;

    private Builder() {}

    /**
     * Only payments of this merchant; needed when the API key is not scoped to a single merchant.
     * When unset, the client's default merchant id is sent, if it has one.
     *
     * @throws IllegalArgumentException if blank or with control characters
     */
    public Builder merchantId(@Nullable String merchantId) {
      this.merchantId = text("merchantId", merchantId);
      return this;
    }

    /**
     * Only payments with this status.
     *
     * @throws IllegalArgumentException for {@link PaygenticPaymentStatus#UNKNOWN}, which has no
     *     wire value
     */
    public Builder status(@Nullable PaygenticPaymentStatus status) {
      if (status == PaygenticPaymentStatus.UNKNOWN) {
        throw new IllegalArgumentException(
            "status UNKNOWN has no wire value: pass the raw status string instead");
      }
      this.status = status == null ? null : status.wireValue();
      return this;
    }

    /**
     * Only payments with this status, given as the wire value (for a status newer than this SDK).
     * Sent as given.
     *
     * @throws IllegalArgumentException if blank or with control characters
     */
    public Builder status(@Nullable String status) {
      this.status = text("status", status);
      return this;
    }

    /**
     * Only payments of this customer. Any characters are allowed; the value is percent-encoded.
     *
     * @throws IllegalArgumentException if blank or with control characters
     */
    public Builder customerId(@Nullable String customerId) {
      this.customerId = text("customerId", customerId);
      return this;
    }

    /**
     * Payments per page, 1–100; Paygentic's default is 10.
     *
     * @throws IllegalArgumentException if outside 1–100
     */
    public Builder limit(@Nullable Integer limit) {
      if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
        throw new IllegalArgumentException(
            "limit must be between 1 and " + MAX_LIMIT + ": " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Payments to skip, from 0.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder offset(@Nullable Integer offset) {
      if (offset != null && offset < 0) {
        throw new IllegalArgumentException("offset must be >= 0: " + offset);
      }
      this.offset = offset;
      return this;
    }

    /** Returns the parameters. Never throws: every value was checked when set. */
    public PaygenticPaymentListParams build() {
      return new PaygenticPaymentListParams(this);
    }

    private static @Nullable String text(String field, @Nullable String value) {
      if (value != null && (value.isBlank() || Secrets.hasControlCharacter(value))) {
        throw new IllegalArgumentException(field + " must be non-blank without control characters");
      }
      return value;
    }
  }
}
