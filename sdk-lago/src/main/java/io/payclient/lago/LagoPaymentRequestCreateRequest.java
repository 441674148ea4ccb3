package io.payclient.lago;

import io.payclient.core.RequestValidationException;
import io.payclient.core.internal.Violations;
import io.payclient.core.internal.WireName;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Lago's create-payment-request input ({@code POST /payment_requests}): asks a customer to pay
 * several overdue invoices at once. Immutable; {@link Builder#build()} checks the rules before
 * anything is sent.
 *
 * <pre>{@code
 * LagoPaymentRequestCreateRequest request = LagoPaymentRequestCreateRequest.builder()
 *     .externalCustomerId("gavin_001")
 *     .addInvoiceId("1a901a90-1a90-1a90-1a90-1a901a901a90")
 *     .email("billing@hooli.test")     // optional: Lago falls back to the customer's email
 *     .build();
 * }</pre>
 */
public final class LagoPaymentRequestCreateRequest {
  @WireName("external_customer_id")
  @NotBlank
  private final @Nullable String externalCustomerId;

  @WireName("lago_invoice_ids")
  @NotEmpty
  private final List<@NotBlank String> lagoInvoiceIds;

  @WireName("email")
  @Email
  private final @Nullable String email;

  private LagoPaymentRequestCreateRequest(Builder b) {
    this.externalCustomerId = b.externalCustomerId;
    this.lagoInvoiceIds = List.copyOf(b.lagoInvoiceIds);
    this.email = b.email;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code external_customer_id}. */
  public String externalCustomerId() {
    return Objects.requireNonNull(externalCustomerId);
  }

  /** {@code lago_invoice_ids}: at least one. */
  public List<String> lagoInvoiceIds() {
    return lagoInvoiceIds;
  }

  /** {@code email}, if given. */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LagoPaymentRequestCreateRequest r
        && Objects.equals(externalCustomerId, r.externalCustomerId)
        && lagoInvoiceIds.equals(r.lagoInvoiceIds)
        && Objects.equals(email, r.email);
  }

  @Override
  public int hashCode() {
    return Objects.hash(externalCustomerId, lagoInvoiceIds, email);
  }

  @Override
  public String toString() {
    return "LagoPaymentRequestCreateRequest{externalCustomerId="
        + externalCustomerId
        + ", lagoInvoiceIds="
        + lagoInvoiceIds
        + ", email="
        + email
        + '}';
  }

  /** Builds a {@link LagoPaymentRequestCreateRequest}. */
  public static final class Builder {
    private @Nullable String externalCustomerId;
    private final List<String> lagoInvoiceIds = new ArrayList<>();
    private @Nullable String email;

    private Builder() {}

    /** Required: your id of the customer. */
    public Builder externalCustomerId(@Nullable String externalCustomerId) {
      this.externalCustomerId = externalCustomerId;
      return this;
    }

    /** Adds an overdue invoice of that customer (required: at least one). */
    public Builder addInvoiceId(String lagoInvoiceId) {
      lagoInvoiceIds.add(Objects.requireNonNull(lagoInvoiceId, "lagoInvoiceId"));
      return this;
    }

    /** Replaces the invoices. */
    public Builder lagoInvoiceIds(List<String> ids) {
      lagoInvoiceIds.clear();
      ids.forEach(this::addInvoiceId);
      return this;
    }

    /** Where dunning emails go; Lago uses the customer's email when absent. */
    public Builder email(@Nullable String email) {
      this.email = email;
      return this;
    }

    /**
     * Checks the rules and returns the request.
     *
     * @throws RequestValidationException naming {@code external_customer_id}, {@code
     *     lago_invoice_ids} or {@code email}
     */
    public LagoPaymentRequestCreateRequest build() {
      LagoPaymentRequestCreateRequest request = new LagoPaymentRequestCreateRequest(this);
      new Violations(LagoClient.VENDOR).validate(request).throwIfAny();
      return request;
    }
  }
}
