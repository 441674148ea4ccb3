package io.payclient.lago.internal;

import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentTarget;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.core.internal.PaymentBuilder;
import io.payclient.core.internal.Violations;
import io.payclient.lago.LagoCustomer;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.lago.LagoPaymentListParams;
import io.payclient.lago.LagoPaymentRequest;
import java.time.ZoneOffset;
import java.util.Objects;

/** Between the neutral model and Lago's. */
public final class LagoMapping {
  private LagoMapping() {}

  /**
   * Maps a neutral request: {@code target} must be an invoice, {@code amount} is required and
   * converted exactly, {@code paidAt} becomes its UTC date; {@code customerId}, {@code metadata}
   * and an idempotency key are refused because Lago's create cannot take them.
   *
   * @throws RequestValidationException listing every field Lago cannot take, before any I/O
   */
  public static LagoPaymentCreateRequest toLago(PaymentCreateRequest neutral, RequestOptions opts) {
    Violations v = new Violations("lago");
    PaymentTarget target = neutral.target().orElse(null);
    v.require(target != null, "target", "is required: Lago records payments against an invoice");
    v.require(
        target == null || target.type() == PaymentTarget.Type.INVOICE,
        "target",
        "Lago pays invoices only, not " + (target == null ? "" : target.type()));
    v.require(
        neutral.amount().isPresent(), "amount", "is required: Lago needs the amount to record");
    v.require(
        neutral.customerId() == null,
        "customerId",
        "Lago's create takes no customer: the invoice determines it");
    v.require(neutral.metadata().isEmpty(), "metadata", "Lago's payment create takes no metadata");
    noIdempotencyKey(v, neutral.idempotencyKey() != null || opts.idempotencyKey().isPresent());
    v.throwIfAny();
    return LagoPaymentCreateRequest.builder()
        .invoiceId(Objects.requireNonNull(target).id()) // checked above
        .amount(neutral.amount().get())
        .reference(neutral.reference())
        .paidAt(
            neutral.paidAt() == null
                ? null
                : neutral.paidAt().atOffset(ZoneOffset.UTC).toLocalDate())
        .build();
  }

  /**
   * Refuses an idempotency key: Lago has none, and accepting one silently would promise a
   * protection Lago does not give.
   */
  public static void noIdempotencyKey(Violations v, boolean present) {
    v.require(
        !present,
        "idempotencyKey",
        "Lago has no idempotency; the payment's reference is its de-duplication key");
  }

  /**
   * Maps neutral list filters: customer and invoice; a status filter or another target is refused
   * because Lago's list cannot apply it.
   *
   * @throws RequestValidationException naming the filter, before any I/O
   */
  public static LagoPaymentListParams toLago(PaymentListParams neutral) {
    Violations v = new Violations("lago");
    PaymentTarget target = neutral.target().orElse(null);
    v.require(
        target == null || target.type() == PaymentTarget.Type.INVOICE,
        "target",
        "Lago lists payments by invoice only");
    v.require(neutral.status().isEmpty(), "status", "Lago's payment list cannot filter by status");
    v.throwIfAny();
    return LagoPaymentListParams.builder()
        .externalCustomerId(neutral.customerId().orElse(null))
        .invoiceId(target == null ? null : target.id())
        .perPage(neutral.pageSize().isPresent() ? neutral.pageSize().getAsInt() : null)
        .build();
  }

  /** The neutral view of a Lago payment. */
  public static Payment toPayment(LagoPayment p, boolean replayed) {
    return new PaymentBuilder()
        .id(p.lagoId())
        .vendor("lago")
        .rawStatus(p.paymentStatus())
        .status(p.neutralStatus())
        .amount(p.amount().orElse(null))
        .reference(p.reference())
        .customerId(p.externalCustomerId())
        .createdAt(p.createdAt())
        .paymentUrl(p.redirectUrl().orElse(null))
        .replayed(replayed)
        .vendorPayment(p)
        .build();
  }

  /**
   * The neutral view of a Lago payment request (a webhook's {@code payment_request.*}): its id,
   * {@code payment_status} and total; the customer's external id.
   */
  public static Payment toPayment(LagoPaymentRequest r) {
    LagoCustomer customer = r.customer();
    return new PaymentBuilder()
        .id(r.lagoId())
        .vendor("lago")
        .rawStatus(r.paymentStatus())
        .status(r.neutralStatus())
        .amount(r.amount().orElse(null))
        .customerId(customer == null ? null : customer.externalId())
        .createdAt(r.createdAt())
        .vendorPayment(r)
        .build();
  }
}
