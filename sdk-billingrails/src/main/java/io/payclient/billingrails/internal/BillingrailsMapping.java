package io.payclient.billingrails.internal;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.billingrails.BillingrailsPaymentListParams;
import io.payclient.core.FieldError;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentTarget;
import io.payclient.core.RequestValidationException;
import io.payclient.core.internal.PaymentBuilder;
import io.payclient.core.internal.Violations;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Between the neutral model and Billingrails'. */
public final class BillingrailsMapping {
  private BillingrailsMapping() {}

  /**
   * Maps a neutral request to an offline Billingrails payment: {@code customerId} becomes {@code
   * account_id}, {@code reference} {@code reference_id}, {@code target} the one target id ({@code
   * invoice_id}, {@code payment_request_id}, {@code credit_grant_id} or {@code order_id}), {@code
   * paidAt} {@code succeeded_at}, and {@code idempotencyKey} the {@code Idempotency-Key} header. An
   * {@code amount} or {@code metadata} is refused: Billingrails takes the amount from the object
   * being paid and its create takes no metadata.
   *
   * @throws RequestValidationException listing every neutral field Billingrails cannot take and
   *     every Billingrails rule broken (named by wire field), before any I/O
   */
  @SuppressWarnings("deprecation") // a neutral order target still maps to order_id
  public static BillingrailsPaymentCreateRequest toBillingrails(PaymentCreateRequest neutral) {
    Violations v = new Violations(BillingrailsClient.VENDOR);
    v.require(
        neutral.amount().isEmpty(),
        "amount",
        "Billingrails takes the amount from the paid object (invoice, payment request, credit"
            + " grant or order); leave amount unset");
    v.require(
        neutral.metadata().isEmpty(),
        "metadata",
        "Billingrails' payment create takes no metadata (it takes the amount and details from the"
            + " paid object)");
    PaymentTarget target = neutral.target().orElse(null);
    BillingrailsPaymentCreateRequest.Builder b =
        BillingrailsPaymentCreateRequest.builder()
            .accountId(neutral.customerId())
            .referenceId(neutral.reference())
            .succeededAt(neutral.paidAt())
            .idempotencyKey(neutral.idempotencyKey());
    if (target != null) {
      switch (target.type()) {
        case INVOICE -> b.invoiceId(target.id());
        case PAYMENT_REQUEST -> b.paymentRequestId(target.id());
        case CREDIT_GRANT -> b.creditGrantId(target.id());
        case ORDER -> b.orderId(target.id());
      }
    }
    BillingrailsPaymentCreateRequest request = null;
    try {
      request = b.build();
    } catch (RequestValidationException e) {
      for (FieldError fe : e.violations()) {
        v.add(fe.field(), neutralHint(fe));
      }
    }
    v.throwIfAny();
    return Objects.requireNonNull(request); // build() succeeded when nothing was recorded
  }

  private static String neutralHint(FieldError fe) {
    return switch (fe.field()) {
      case "account_id" -> fe.message() + " (set customerId)";
      case "reference_id" -> fe.message() + " (set reference)";
      case "invoice_id" ->
          fe.message().startsWith("one of") ? fe.message() + " (set target)" : fe.message();
      default -> fe.message();
    };
  }

  /**
   * Maps neutral list filters: only the page size; Billingrails' list filters by nothing else, so a
   * customer, target or status filter is refused rather than silently ignored.
   *
   * @throws RequestValidationException naming the filter, before any I/O
   */
  public static BillingrailsPaymentListParams toBillingrails(PaymentListParams neutral) {
    Violations v = new Violations("billingrails");
    String why = "Billingrails' payment list cannot filter by it";
    v.require(neutral.customerId().isEmpty(), "customerId", why);
    v.require(neutral.target().isEmpty(), "target", why);
    v.require(neutral.status().isEmpty(), "status", why);
    v.throwIfAny();
    return BillingrailsPaymentListParams.builder()
        .perPage(neutral.pageSize().isPresent() ? neutral.pageSize().getAsInt() : null)
        .build();
  }

  /** The neutral view of a Billingrails payment, with the idempotency key sent (if any). */
  public static Payment toPayment(BillingrailsPayment p, @Nullable String idempotencyKey) {
    return new PaymentBuilder()
        .id(p.id())
        .vendor(BillingrailsClient.VENDOR)
        .rawStatus(p.rawStatus())
        .status(p.neutralStatus())
        .amount(p.amount().orElse(null))
        .reference(p.referenceId())
        .customerId(p.accountId())
        .createdAt(p.createdAt())
        .paymentLink(BillingrailsAccess.get().paymentLink(p))
        .idempotencyKey(idempotencyKey)
        .vendorPayment(p)
        .build();
  }
}
