package io.payclient.lago;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for {@code GET /payments}. Immutable.
 *
 * <pre>{@code
 * LagoPaymentListParams params = LagoPaymentListParams.builder()
 *     .invoiceId(invoiceId)
 *     .perPage(50)
 *     .build();
 * }</pre>
 */
public final class LagoPaymentListParams {
  private final @Nullable String invoiceId;
  private final @Nullable String externalCustomerId;
  private final @Nullable Integer page;
  private final @Nullable Integer perPage;

  private LagoPaymentListParams(Builder b) {
    this.invoiceId = b.invoiceId;
    this.externalCustomerId = b.externalCustomerId;
    this.page = b.page;
    this.perPage = b.perPage;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder with these parameters. */
  public Builder toBuilder() {
    return new Builder()
        .invoiceId(invoiceId)
        .externalCustomerId(externalCustomerId)
        .page(page)
        .perPage(perPage);
  }

  /** {@code invoice_id}, or {@code null} for any invoice. */
  public @Nullable String invoiceId() {
    return invoiceId;
  }

  /** {@code external_customer_id}, or {@code null} for any customer. */
  public @Nullable String externalCustomerId() {
    return externalCustomerId;
  }

  /** {@code page} (1-based), or {@code null} for the first. */
  public @Nullable Integer page() {
    return page;
  }

  /** {@code per_page}, or {@code null} for Lago's default (100). */
  public @Nullable Integer perPage() {
    return perPage;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LagoPaymentListParams p
        && Objects.equals(invoiceId, p.invoiceId)
        && Objects.equals(externalCustomerId, p.externalCustomerId)
        && Objects.equals(page, p.page)
        && Objects.equals(perPage, p.perPage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(invoiceId, externalCustomerId, page, perPage);
  }

  @Override
  public String toString() {
    return "LagoPaymentListParams{invoiceId="
        + invoiceId
        + ", externalCustomerId="
        + externalCustomerId
        + ", page="
        + page
        + ", perPage="
        + perPage
        + '}';
  }

  /** Builds {@link LagoPaymentListParams}. */
  public static final class Builder {
    private @Nullable String invoiceId;
    private @Nullable String externalCustomerId;
    private @Nullable Integer page;
    private @Nullable Integer perPage;

    private Builder() {}

    /** Only payments of this invoice. */
    public Builder invoiceId(@Nullable String invoiceId) {
      this.invoiceId = invoiceId;
      return this;
    }

    /** Only payments of this customer (your id). */
    public Builder externalCustomerId(@Nullable String externalCustomerId) {
      this.externalCustomerId = externalCustomerId;
      return this;
    }

    /**
     * The page to fetch, from 1.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder page(@Nullable Integer page) {
      if (page != null && page < 1) {
        throw new IllegalArgumentException("page must be >= 1: " + page);
      }
      this.page = page;
      return this;
    }

    /**
     * Items per page.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder perPage(@Nullable Integer perPage) {
      if (perPage != null && perPage < 1) {
        throw new IllegalArgumentException("per_page must be >= 1: " + perPage);
      }
      this.perPage = perPage;
      return this;
    }

    /** Returns the parameters. */
    public LagoPaymentListParams build() {
      return new LagoPaymentListParams(this);
    }
  }
}
