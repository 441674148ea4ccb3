package io.payclient.lago;

import io.payclient.core.Page;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.RequestOptions;
import io.payclient.core.internal.NeutralClient;
import io.payclient.lago.internal.LagoMapping;
import java.util.concurrent.CompletableFuture;

/** Lago's typed operations and mappings, as the neutral client shell needs them. */
final class LagoNeutral
    implements NeutralClient.Operations<
        LagoPaymentCreateRequest, LagoPayments.Created, LagoPayment, LagoPaymentListParams> {
  private final LagoPayments payments;

  LagoNeutral(LagoPayments payments) {
    this.payments = payments;
  }

  @Override
  public LagoPaymentCreateRequest toCreateRequest(
      PaymentCreateRequest request, RequestOptions options) {
    return LagoMapping.toLago(request, options);
  }

  @Override
  public LagoPayments.Created create(LagoPaymentCreateRequest request, RequestOptions options) {
    return payments.created(request, options);
  }

  @Override
  public CompletableFuture<LagoPayments.Created> createAsync(
      LagoPaymentCreateRequest request, RequestOptions options) {
    return payments.createdAsync(request, options);
  }

  @Override
  public Payment created(LagoPaymentCreateRequest request, LagoPayments.Created created) {
    return LagoMapping.toPayment(created.payment(), created.reconciled());
  }

  @Override
  public LagoPayment retrieve(String paymentId) {
    return payments.retrieve(paymentId);
  }

  @Override
  public CompletableFuture<LagoPayment> retrieveAsync(String paymentId) {
    return payments.retrieveAsync(paymentId);
  }

  @Override
  public Payment toPayment(LagoPayment payment) {
    return LagoMapping.toPayment(payment, false);
  }

  @Override
  public LagoPaymentListParams toListParams(PaymentListParams params) {
    return LagoMapping.toLago(params);
  }

  @Override
  public Page<LagoPayment> list(LagoPaymentListParams params) {
    return payments.list(params);
  }

  @Override
  public CompletableFuture<Page<LagoPayment>> listAsync(LagoPaymentListParams params) {
    return payments.listAsync(params);
  }
}
