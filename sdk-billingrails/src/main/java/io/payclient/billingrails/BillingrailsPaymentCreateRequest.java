package io.payclient.billingrails;

import io.payclient.core.RequestValidationException;
import io.payclient.core.internal.Secrets;
import io.payclient.core.internal.Violations;
import io.payclient.core.internal.WireName;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Billingrails' create-payment input ({@code POST /payments}): an online payment processed through
 * a provider, or an offline payment recorded after the fact, for exactly one invoice, payment
 * request, credit grant or order. Billingrails takes the amount and currency from the object being
 * paid, so there is no amount here. Immutable; {@link Builder#build()} checks every rule before
 * anything is sent.
 *
 * <pre>{@code
 * BillingrailsPaymentCreateRequest request = BillingrailsPaymentCreateRequest.builder()
 *     .mode(BillingrailsPaymentMode.OFFLINE)           // the default
 *     .accountId("acc_IhMUl3rrZ3")
 *     .referenceId("PAY-REF-001")
 *     .invoiceId("inv_IhMUl3rrZ3")
 *     .succeededAt(Instant.parse("2025-02-14T17:33:40Z"))
 *     .idempotencyKey("order-1042-payment")            // optional: else a UUID is generated
 *     .build();
 * }</pre>
 *
 * <p><b>Idempotency.</b> Every create is sent with an {@code Idempotency-Key} header: the key from
 * {@link io.payclient.core.RequestOptions}, else {@link Builder#idempotencyKey(String)}, else a
 * random UUID generated for that create and reused by its retries. Billingrails keeps keys 24 hours
 * per API key.
 */
public final class BillingrailsPaymentCreateRequest {
  /** The header that carries the idempotency key: {@code Idempotency-Key}. */
  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  /** Billingrails' limit on the idempotency key: 180 characters. */
  public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 180;

  private static final String TARGETS =
      "invoice_id, payment_request_id, credit_grant_id or order_id";

  private final BillingrailsPaymentMode mode;

  @WireName("account_id")
  @NotBlank
  private final @Nullable String accountId;

  @WireName("reference_id")
  @NotBlank
  private final @Nullable String referenceId;

  private final @Nullable Instant succeededAt;
  private final @Nullable String integrationId;
  private final @Nullable String paymentMethodId;
  private final @Nullable String invoiceId;
  private final @Nullable String paymentRequestId;
  private final @Nullable String creditGrantId;
  private final @Nullable String orderId;
  private final @Nullable String idempotencyKey;

  private BillingrailsPaymentCreateRequest(Builder b) {
    this.mode = b.mode;
    this.accountId = b.accountId;
    this.referenceId = b.referenceId;
    this.succeededAt = b.succeededAt;
    this.integrationId = b.integrationId;
    this.paymentMethodId = b.paymentMethodId;
    this.invoiceId = b.invoiceId;
    this.paymentRequestId = b.paymentRequestId;
    this.creditGrantId = b.creditGrantId;
    this.orderId = b.orderId;
    this.idempotencyKey = b.idempotencyKey;
  }

  /** Returns a new builder; the mode defaults to {@link BillingrailsPaymentMode#OFFLINE}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder with this request's fields. */
  public Builder toBuilder() {
    return new Builder()
        .mode(mode)
        .accountId(accountId)
        .referenceId(referenceId)
        .succeededAt(succeededAt)
        .integrationId(integrationId)
        .paymentMethodId(paymentMethodId)
        .invoiceId(invoiceId)
        .paymentRequestId(paymentRequestId)
        .creditGrantId(creditGrantId)
        .orderId(orderId)
        .idempotencyKey(idempotencyKey);
  }

  /** {@code mode}: online or offline. */
  public BillingrailsPaymentMode mode() {
    return mode;
  }

  /** {@code account_id}: the account the payment is for. */
  public String accountId() {
    return Objects.requireNonNull(accountId);
  }

  /** {@code reference_id}: your reference for the payment. */
  public String referenceId() {
    return Objects.requireNonNull(referenceId);
  }

  /** {@code succeeded_at}: when an offline payment succeeded; Billingrails defaults it to now. */
  public Optional<Instant> succeededAt() {
    return Optional.ofNullable(succeededAt);
  }

  /** {@code integration_id}: the payment integration for an online payment. */
  public Optional<String> integrationId() {
    return Optional.ofNullable(integrationId);
  }

  /** {@code payment_method_id}: the payment method to charge at once. */
  public Optional<String> paymentMethodId() {
    return Optional.ofNullable(paymentMethodId);
  }

  /** {@code invoice_id}, when an invoice is paid. */
  public Optional<String> invoiceId() {
    return Optional.ofNullable(invoiceId);
  }

  /** {@code payment_request_id}, when a payment request is paid. */
  public Optional<String> paymentRequestId() {
    return Optional.ofNullable(paymentRequestId);
  }

  /** {@code credit_grant_id}, when a credit grant is paid. */
  public Optional<String> creditGrantId() {
    return Optional.ofNullable(creditGrantId);
  }

  /**
   * {@code order_id}, when an order is paid; see {@link Builder#orderId(String)}.
   *
   * @deprecated Billingrails removed {@code order_id} from its official SDKs' input in 2026; only
   *     one docs page still lists it. Kept so existing code compiles and the field is still sent.
   */
  @Deprecated
  public Optional<String> orderId() {
    return Optional.ofNullable(orderId);
  }

  /**
   * The idempotency key to send in the {@code Idempotency-Key} header, if given; one from {@link
   * io.payclient.core.RequestOptions} wins over it.
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BillingrailsPaymentCreateRequest r
        && mode == r.mode
        && Objects.equals(accountId, r.accountId)
        && Objects.equals(referenceId, r.referenceId)
        && Objects.equals(succeededAt, r.succeededAt)
        && Objects.equals(integrationId, r.integrationId)
        && Objects.equals(paymentMethodId, r.paymentMethodId)
        && Objects.equals(invoiceId, r.invoiceId)
        && Objects.equals(paymentRequestId, r.paymentRequestId)
        && Objects.equals(creditGrantId, r.creditGrantId)
        && Objects.equals(orderId, r.orderId)
        && Objects.equals(idempotencyKey, r.idempotencyKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        mode,
        accountId,
        referenceId,
        succeededAt,
        integrationId,
        paymentMethodId,
        invoiceId,
        paymentRequestId,
        creditGrantId,
        orderId,
        idempotencyKey);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("BillingrailsPaymentCreateRequest{mode=")
            .append(mode.wireValue())
            .append(", accountId=")
            .append(accountId)
            .append(", referenceId=")
            .append(referenceId);
    append(sb, "succeededAt", succeededAt);
    append(sb, "integrationId", integrationId);
    append(sb, "paymentMethodId", paymentMethodId);
    append(sb, "invoiceId", invoiceId);
    append(sb, "paymentRequestId", paymentRequestId);
    append(sb, "creditGrantId", creditGrantId);
    append(sb, "orderId", orderId);
    append(sb, "idempotencyKey", idempotencyKey);
    return sb.append('}').toString();
  }

  private static void append(StringBuilder sb, String name, @Nullable Object value) {
    if (value != null) {
      sb.append(", ").append(name).append('=').append(value);
    }
  }

  /** Builds a {@link BillingrailsPaymentCreateRequest}. Not thread-safe. */
  public static final class Builder {
    private BillingrailsPaymentMode mode = BillingrailsPaymentMode.OFFLINE;
    private @Nullable String accountId;
    private @Nullable String referenceId;
    private @Nullable Instant succeededAt;
    private @Nullable String integrationId;
    private @Nullable String paymentMethodId;
    private @Nullable String invoiceId;
    private @Nullable String paymentRequestId;
    private @Nullable String creditGrantId;
    private @Nullable String orderId;
    private @Nullable String idempotencyKey;

    private Builder() {}

    /**
     * {@code online} or {@code offline}; {@code null} restores the default, {@link
     * BillingrailsPaymentMode#OFFLINE}.
     */
    public Builder mode(@Nullable BillingrailsPaymentMode mode) {
      this.mode = mode == null ? BillingrailsPaymentMode.OFFLINE : mode;
      return this;
    }

    /** Required: the id of the account to record the payment for. */
    public Builder accountId(@Nullable String accountId) {
      this.accountId = accountId;
      return this;
    }

    /** Required: your reference for the payment. */
    public Builder referenceId(@Nullable String referenceId) {
      this.referenceId = referenceId;
      return this;
    }

    /**
     * Offline payments only: when the payment succeeded (sent as an ISO-8601 date-time in UTC);
     * Billingrails uses the current time when it is not given.
     */
    public Builder succeededAt(@Nullable Instant succeededAt) {
      this.succeededAt = succeededAt;
      return this;
    }

    /**
     * The payment integration to process an online payment through; an online payment needs this or
     * a {@link #paymentMethodId(String)}.
     */
    public Builder integrationId(@Nullable String integrationId) {
      this.integrationId = integrationId;
      return this;
    }

    /**
     * The payment method to charge immediately; an online payment needs this or an {@link
     * #integrationId(String)}.
     */
    public Builder paymentMethodId(@Nullable String paymentMethodId) {
      this.paymentMethodId = paymentMethodId;
      return this;
    }

    /** The invoice to pay. Set exactly one of invoice, payment request, credit grant or order. */
    public Builder invoiceId(@Nullable String invoiceId) {
      this.invoiceId = invoiceId;
      return this;
    }

    /**
     * The payment request to pay. Set exactly one of invoice, payment request, credit grant or
     * order.
     */
    public Builder paymentRequestId(@Nullable String paymentRequestId) {
      this.paymentRequestId = paymentRequestId;
      return this;
    }

    /**
     * The credit grant to pay. Set exactly one of invoice, payment request, credit grant or order.
     */
    public Builder creditGrantId(@Nullable String creditGrantId) {
      this.creditGrantId = creditGrantId;
      return this;
    }

    /**
     * The order to pay ({@code order_id}). Set exactly one of invoice, payment request, credit
     * grant or order.
     *
     * <p>Billingrails removed {@code order_id} from its official SDKs' input in 2026, but its
     * create-payment docs page still lists it, so this SDK still accepts and sends it. The server
     * may reject it; prefer {@link #invoiceId(String)} for new code.
     *
     * @deprecated Billingrails removed {@code order_id} from its official SDKs' input in 2026 (one
     *     docs page still lists it): the server may stop accepting it. Pay the invoice, payment
     *     request or credit grant instead. Kept, and still sent, so existing code keeps working.
     */
    @Deprecated
    public Builder orderId(@Nullable String orderId) {
      this.orderId = orderId;
      return this;
    }

    /**
     * The idempotency key for this create (at most 180 printable ASCII characters). When unset, a
     * random UUID is generated per create; one set in {@link io.payclient.core.RequestOptions} wins
     * over this one.
     */
    public Builder idempotencyKey(@Nullable String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /**
     * Checks every rule and returns the request.
     *
     * @throws RequestValidationException listing every broken rule by wire field: {@code
     *     account_id} or {@code reference_id} missing or blank; not exactly one of {@code
     *     invoice_id}, {@code payment_request_id}, {@code credit_grant_id}, {@code order_id}
     *     (reported on {@code invoice_id} when none is set, on each one set when several are); a
     *     blank id; {@code succeeded_at} on an online payment; an online payment with neither
     *     {@code integration_id} nor {@code payment_method_id} (reported on {@code
     *     integration_id}); an {@code Idempotency-Key} that is blank, over 180 characters or not
     *     printable ASCII
     */
    public BillingrailsPaymentCreateRequest build() {
      BillingrailsPaymentCreateRequest request = new BillingrailsPaymentCreateRequest(this);
      Violations v = new Violations(BillingrailsClient.VENDOR);
      v.validate(request);

      List<String> targets = new ArrayList<>();
      target(v, targets, "invoice_id", invoiceId);
      target(v, targets, "payment_request_id", paymentRequestId);
      target(v, targets, "credit_grant_id", creditGrantId);
      target(v, targets, "order_id", orderId);
      if (targets.isEmpty()) {
        v.add("invoice_id", "one of " + TARGETS + " is required: what does this payment pay?");
      } else if (targets.size() > 1) {
        for (String field : targets) {
          v.add(field, "set exactly one of " + TARGETS + "; got " + String.join(", ", targets));
        }
      }

      notBlankIfSet(v, "integration_id", integrationId);
      notBlankIfSet(v, "payment_method_id", paymentMethodId);
      if (mode == BillingrailsPaymentMode.ONLINE) {
        v.require(
            succeededAt == null,
            "succeeded_at",
            "is for offline payments only; an online payment succeeds when the provider says so");
        v.require(
            integrationId != null || paymentMethodId != null,
            "integration_id",
            "an online payment needs integration_id or payment_method_id");
      }

      if (idempotencyKey != null) {
        v.require(!idempotencyKey.isBlank(), IDEMPOTENCY_KEY_HEADER, "must not be blank");
        v.require(
            idempotencyKey.length() <= MAX_IDEMPOTENCY_KEY_LENGTH,
            IDEMPOTENCY_KEY_HEADER,
            "must be at most " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        v.require(
            Secrets.isPrintableAscii(idempotencyKey),
            IDEMPOTENCY_KEY_HEADER,
            "must contain only printable ASCII characters (no control characters)");
      }
      v.throwIfAny();
      return request;
    }

    private static void target(
        Violations v, List<String> targets, String field, @Nullable String value) {
      if (value != null) {
        targets.add(field);
        notBlankIfSet(v, field, value);
      }
    }

    private static void notBlankIfSet(Violations v, String field, @Nullable String value) {
      v.require(value == null || !value.isBlank(), field, "must not be blank");
    }
  }
}
