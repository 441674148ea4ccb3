package io.payclient.billingrails;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Paging for {@code GET /payments}: {@code page} (from 1) and {@code per_page}. Immutable; unset
 * values are not sent, so Billingrails' defaults apply (the first page, its default page size).
 *
 * <pre>{@code
 * BillingrailsPaymentListParams params = BillingrailsPaymentListParams.builder()
 *     .perPage(50)
 *     .build();
 * for (BillingrailsPayment p :
 *     billingrails.payments().list(params).autoPagingIterable()) { ... }
 * }</pre>
 */
public final class BillingrailsPaymentListParams {
  private final @Nullable Integer page;
  private final @Nullable Integer perPage;

  private BillingrailsPaymentListParams(Builder b) {
    this.page = b.page;
    this.perPage = b.perPage;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder with these parameters. */
  public Builder toBuilder() {
    return new Builder().page(page).perPage(perPage);
  }

  /** {@code page} (1-based), or {@code null} for the first. */
  public @Nullable Integer page() {
    return page;
  }

  /** {@code per_page}, or {@code null} for Billingrails' default. */
  public @Nullable Integer perPage() {
    return perPage;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BillingrailsPaymentListParams p
        && Objects.equals(page, p.page)
        && Objects.equals(perPage, p.perPage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(page, perPage);
  }

  @Override
  public String toString() {
    return "BillingrailsPaymentListParams{page=" + page + ", perPage=" + perPage + '}';
  }

  /** Builds {@link BillingrailsPaymentListParams}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Integer page;
    private @Nullable Integer perPage;

    private Builder() {}

    /**
     * The page to fetch, from 1; {@code null} for the first.
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
     * Items per page; {@code null} for Billingrails' default.
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
    public BillingrailsPaymentListParams build() {
      return new BillingrailsPaymentListParams(this);
    }
  }
}
