package io.payclient.paygentic.internal;

import io.payclient.core.FieldError;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.core.internal.PaymentBuilder;
import io.payclient.core.internal.VendorSupport;
import io.payclient.core.internal.Violations;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import io.payclient.paygentic.PaygenticPaymentListParams;
import io.payclient.paygentic.PaygenticPaymentStatus;
import org.jspecify.annotations.Nullable;

/** Between the neutral model and Paygentic's. */
public final class PaygenticMapping {
  private PaygenticMapping() {}

  /**
   * Maps a neutral request: {@code amount} is required (its currency becomes {@code currency});
   * {@code customerId}, {@code reference} and {@code metadata} map one to one; {@code target} and
   * {@code paidAt} are refused because a Paygentic payment is a new one-off charge. The returned
   * request carries the idempotency key to send: the options' key, else the request's, else a new
   * UUID.
   *
   * @throws RequestValidationException listing every field Paygentic cannot take, before any I/O;
   *     then the rules of {@link PaygenticPaymentCreateRequest.Builder#build()}
   */
  public static PaygenticPaymentCreateRequest toPaygentic(
      PaymentCreateRequest neutral, RequestOptions opts) {
    Violations v = new Violations(PaygenticClient.VENDOR);
    v.require(
        neutral.amount().isPresent(),
        "amount",
        "is required: a Paygentic payment is a charge of an amount in USD, EUR, GBP or AUD");
    v.require(
        neutral.target().isEmpty(),
        "target",
        "Paygentic payments are one-off charges and pay no invoice, payment request, credit grant"
            + " or order; leave target unset");
    v.require(
        neutral.paidAt() == null,
        "paidAt",
        "Paygentic cannot record a payment made earlier: it creates a payment the customer pays at"
            + " paymentUrl; leave paidAt unset");
    String key = null;
    try {
      key =
          VendorSupport.idempotencyKey(
              PaygenticClient.VENDOR,
              "idempotencyKey",
              neutral.idempotencyKey(),
              opts,
              PaygenticPaymentCreateRequest.MAX_IDEMPOTENCY_KEY_LENGTH);
    } catch (RequestValidationException e) {
      for (FieldError fe : e.violations()) {
        v.add(fe.field(), fe.message());
      }
    }
    v.throwIfAny();
    return PaygenticPaymentCreateRequest.builder()
        .amount(neutral.amount().get())
        .customerId(neutral.customerId())
        .reference(neutral.reference())
        .metadata(neutral.metadata())
        .idempotencyKey(key)
        .build();
  }

  /**
   * Maps neutral list filters: customer, status (SUCCEEDED is Paygentic's {@code completed}) and
   * page size (Paygentic's {@code limit}, at most 100); a target is refused (Paygentic has none).
   *
   * @throws RequestValidationException naming the filter, before any I/O
   */
  public static PaygenticPaymentListParams toPaygentic(PaymentListParams neutral) {
    Violations v = new Violations("paygentic");
    v.require(neutral.target().isEmpty(), "target", "Paygentic payments have no target to list by");
    PaygenticPaymentStatus status = null;
    if (neutral.status().isPresent()) {
      status =
          switch (neutral.status().get()) {
            case PENDING -> PaygenticPaymentStatus.PENDING;
            case PROCESSING -> PaygenticPaymentStatus.PROCESSING;
            case SUCCEEDED -> PaygenticPaymentStatus.COMPLETED;
            case EXPIRED -> PaygenticPaymentStatus.EXPIRED;
            case CANCELLED -> PaygenticPaymentStatus.CANCELLED;
            case FAILED -> PaygenticPaymentStatus.FAILED;
            case UNKNOWN -> null;
          };
    }
    int max = PaygenticPaymentListParams.MAX_LIMIT;
    v.require(
        neutral.pageSize().orElse(1) <= max,
        "limit",
        "Paygentic returns at most " + max + " payments per page");
    v.throwIfAny();
    return PaygenticPaymentListParams.builder()
        .customerId(neutral.customerId().orElse(null))
        .status(status)
        .limit(neutral.pageSize().isPresent() ? neutral.pageSize().getAsInt() : null)
        .build();
  }

  /**
   * The neutral view of a Paygentic payment.
   *
   * @param sentKey the idempotency key the SDK sent (creates), or {@code null} to use the one the
   *     payment carries (retrievals)
   */
  public static Payment toPayment(PaygenticPayment p, @Nullable String sentKey) {
    return new PaymentBuilder()
        .id(p.id())
        .vendor(PaygenticClient.VENDOR)
        .rawStatus(p.rawStatus())
        .status(p.neutralStatus())
        .amount(p.money().orElse(null))
        .reference(p.reference())
        .customerId(p.customerId())
        .createdAt(p.createdAt())
        .paymentLink(PaygenticAccess.get().paymentUrl(p))
        .idempotencyKey(sentKey != null ? sentKey : p.idempotencyKey())
        .replayed(p.replayed())
        .vendorPayment(p)
        .build();
  }
}
