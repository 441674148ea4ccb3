package io.payclient.lago;

import io.payclient.core.RequestValidationException;
import io.payclient.core.internal.Violations;
import io.payclient.core.internal.WireName;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
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
 *
 * <p><b>{@code email} is optional</b>, although Lago's OpenAPI spec (1.51.0) marks it required: the
 * server (2026-08) and Lago's Go and Ruby clients treat it as optional, and the server then uses
 * the customer's email. <b>{@code payment_method}</b> ({@code payment_method_type} and {@code
 * payment_method_id}) is in the spec and is sent when set, but the server as of 2026-08 permits
 * only {@code external_customer_id}, {@code lago_invoice_ids} and {@code email} and silently
 * ignores it: do not rely on it until Lago's server reads it.
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

  private final @Nullable LagoPaymentType paymentMethodType;

  @WireName("payment_method.payment_method_id")
  @Size(min = 1, message = "must not be empty")
  private final @Nullable String paymentMethodId;

  private LagoPaymentRequestCreateRequest(Builder b) {
    this.externalCustomerId = b.externalCustomerId;
    this.lagoInvoiceIds = List.copyOf(b.lagoInvoiceIds);
    this.email = b.email;
    this.paymentMethodType = b.paymentMethodType;
    this.paymentMethodId = b.paymentMethodId;
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

  /** {@code email}, if given (optional: Lago then uses the customer's email). */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /**
   * {@code payment_method.payment_method_type} ({@code provider} or {@code manual}), if given.
   * Servers up to 2026-08 ignore {@code payment_method}.
   */
  public Optional<LagoPaymentType> paymentMethodType() {
    return Optional.ofNullable(paymentMethodType);
  }

  /**
   * {@code payment_method.payment_method_id}, if given. Servers up to 2026-08 ignore {@code
   * payment_method}.
   */
  public Optional<String> paymentMethodId() {
    return Optional.ofNullable(paymentMethodId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LagoPaymentRequestCreateRequest r
        && Objects.equals(externalCustomerId, r.externalCustomerId)
        && lagoInvoiceIds.equals(r.lagoInvoiceIds)
        && Objects.equals(email, r.email)
        && Objects.equals(paymentMethodType, r.paymentMethodType)
        && Objects.equals(paymentMethodId, r.paymentMethodId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        externalCustomerId, lagoInvoiceIds, email, paymentMethodType, paymentMethodId);
  }

  @Override
  public String toString() {
    return "LagoPaymentRequestCreateRequest{externalCustomerId="
        + externalCustomerId
        + ", lagoInvoiceIds="
        + lagoInvoiceIds
        + ", email="
        + email
        + ", paymentMethodType="
        + paymentMethodType
        + ", paymentMethodId="
        + paymentMethodId
        + '}';
  }

  /** Builds a {@link LagoPaymentRequestCreateRequest}. */
  public static final class Builder {
    private @Nullable String externalCustomerId;
    private final List<String> lagoInvoiceIds = new ArrayList<>();
    private @Nullable String email;
    private @Nullable LagoPaymentType paymentMethodType;
    private @Nullable String paymentMethodId;

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
     * The spec's optional {@code payment_method.payment_method_type}: {@link
     * LagoPaymentType#PROVIDER} or {@link LagoPaymentType#MANUAL}. Sent when set, but servers up to
     * 2026-08 ignore {@code payment_method}.
     *
     * @throws IllegalArgumentException for {@link LagoPaymentType#UNKNOWN}
     */
    public Builder paymentMethodType(@Nullable LagoPaymentType type) {
      if (type == LagoPaymentType.UNKNOWN) {
        throw new IllegalArgumentException("payment_method_type must be provider or manual");
      }
      this.paymentMethodType = type;
      return this;
    }

    /**
     * The spec's optional {@code payment_method.payment_method_id} (a Lago payment method id, for a
     * specific provider payment method). Sent when set, but servers up to 2026-08 ignore {@code
     * payment_method}.
     */
    public Builder paymentMethodId(@Nullable String paymentMethodId) {
      this.paymentMethodId = paymentMethodId;
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
