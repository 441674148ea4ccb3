package io.payclient.lago;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for {@code GET /payment_requests}. Immutable.
 *
 * @param page {@code page} from 1, or {@code null} for the first
 * @param perPage {@code per_page}, or {@code null} for Lago's default
 * @param currency {@code currency}, or {@code null}
 * @param externalCustomerId {@code external_customer_id}, or {@code null}
 * @param paymentStatus {@code payment_status} (pending, succeeded, failed), or {@code null}
 * @param billingEntityCodes {@code billing_entity_codes[]}; empty for all
 */
public record LagoPaymentRequestListParams(
    @Nullable Integer page,
    @Nullable Integer perPage,
    @Nullable String currency,
    @Nullable String externalCustomerId,
    @Nullable String paymentStatus,
    List<String> billingEntityCodes) {

  /**
   * Checks and copies the parameters.
   *
   * @throws IllegalArgumentException if {@code page} or {@code perPage} is below 1
   */
  public LagoPaymentRequestListParams {
    if (page != null && page < 1) {
      throw new IllegalArgumentException("page must be >= 1: " + page);
    }
    if (perPage != null && perPage < 1) {
      throw new IllegalArgumentException("per_page must be >= 1: " + perPage);
    }
    billingEntityCodes = List.copyOf(billingEntityCodes);
  }

  /** A copy for another page. */
  public LagoPaymentRequestListParams withPage(int newPage) {
    return new LagoPaymentRequestListParams(
        newPage, perPage, currency, externalCustomerId, paymentStatus, billingEntityCodes);
  }

  /** Returns a builder with no filter. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LagoPaymentRequestListParams}. */
  public static final class Builder {
    private @Nullable Integer page;
    private @Nullable Integer perPage;
    private @Nullable String currency;
    private @Nullable String externalCustomerId;
    private @Nullable String paymentStatus;
    private final java.util.ArrayList<String> billingEntityCodes = new java.util.ArrayList<>();

    private Builder() {}

    /** The page, from 1. */
    public Builder page(@Nullable Integer page) {
      this.page = page;
      return this;
    }

    /** Items per page. */
    public Builder perPage(@Nullable Integer perPage) {
      this.perPage = perPage;
      return this;
    }

    /** Only payment requests in this currency. */
    public Builder currency(@Nullable String currency) {
      this.currency = currency;
      return this;
    }

    /** Only this customer's payment requests. */
    public Builder externalCustomerId(@Nullable String externalCustomerId) {
      this.externalCustomerId = externalCustomerId;
      return this;
    }

    /** Only payment requests with this payment status (pending, succeeded, failed). */
    public Builder paymentStatus(@Nullable String paymentStatus) {
      this.paymentStatus = paymentStatus;
      return this;
    }

    /** Adds a billing entity code filter. */
    public Builder addBillingEntityCode(String code) {
      billingEntityCodes.add(Objects.requireNonNull(code, "code"));
      return this;
    }

    /**
     * Returns the parameters.
     *
     * @throws IllegalArgumentException if page or perPage is below 1
     */
    public LagoPaymentRequestListParams build() {
      return new LagoPaymentRequestListParams(
          page, perPage, currency, externalCustomerId, paymentStatus, billingEntityCodes);
    }
  }
}
