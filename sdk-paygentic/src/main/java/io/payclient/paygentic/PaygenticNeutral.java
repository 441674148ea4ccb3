package io.payclient.paygentic;

import io.payclient.core.Page;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.RequestOptions;
import io.payclient.core.internal.NeutralClient;
import io.payclient.paygentic.internal.PaygenticMapping;
import java.util.concurrent.CompletableFuture;

/** Paygentic's typed operations and mappings, as the neutral client shell needs them. */
final class PaygenticNeutral
    implements NeutralClient.Operations<
        PaygenticPaymentCreateRequest,
        PaygenticPayment,
        PaygenticPayment,
        PaygenticPaymentListParams> {
  private final PaygenticPayments payments;

  PaygenticNeutral(PaygenticPayments payments) {
    this.payments = payments;
  }

  @Override
  public PaygenticPaymentCreateRequest toCreateRequest(
      PaymentCreateRequest request, RequestOptions options) {
    return PaygenticMapping.toPaygentic(request, options);
  }

  @Override
  public PaygenticPayment create(PaygenticPaymentCreateRequest request, RequestOptions options) {
    return payments.create(request, options);
  }

  @Override
  public CompletableFuture<PaygenticPayment> createAsync(
      PaygenticPaymentCreateRequest request, RequestOptions options) {
    return payments.createAsync(request, options);
  }

  @Override
  public Payment created(PaygenticPaymentCreateRequest request, PaygenticPayment created) {
    return PaygenticMapping.toPayment(created, request.idempotencyKey().orElse(null));
  }

  @Override
  public PaygenticPayment retrieve(String paymentId) {
    return payments.retrieve(paymentId);
  }

  @Override
  public CompletableFuture<PaygenticPayment> retrieveAsync(String paymentId) {
    return payments.retrieveAsync(paymentId);
  }

  @Override
  public Payment toPayment(PaygenticPayment payment) {
    return PaygenticMapping.toPayment(payment, null);
  }

  @Override
  public PaygenticPaymentListParams toListParams(PaymentListParams params) {
    return PaygenticMapping.toPaygentic(params);
  }

  @Override
  public Page<PaygenticPayment> list(PaygenticPaymentListParams params) {
    return payments.list(params);
  }

  @Override
  public CompletableFuture<Page<PaygenticPayment>> listAsync(PaygenticPaymentListParams params) {
    return payments.listAsync(params);
  }
}
