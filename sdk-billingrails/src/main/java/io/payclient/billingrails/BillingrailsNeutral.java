package io.payclient.billingrails;

import io.payclient.billingrails.internal.BillingrailsMapping;
import io.payclient.core.Page;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.RequestOptions;
import io.payclient.core.internal.NeutralClient;
import java.util.concurrent.CompletableFuture;

/** Billingrails's typed operations and mappings, as the neutral client shell needs them. */
final class BillingrailsNeutral
    implements NeutralClient.Operations<
        BillingrailsPaymentCreateRequest,
        BillingrailsPayments.Created,
        BillingrailsPayment,
        BillingrailsPaymentListParams> {
  private final BillingrailsPayments payments;

  BillingrailsNeutral(BillingrailsPayments payments) {
    this.payments = payments;
  }

  @Override
  public BillingrailsPaymentCreateRequest toCreateRequest(
      PaymentCreateRequest request, RequestOptions options) {
    return BillingrailsMapping.toBillingrails(request);
  }

  @Override
  public BillingrailsPayments.Created create(
      BillingrailsPaymentCreateRequest request, RequestOptions options) {
    return payments.created(request, options);
  }

  @Override
  public CompletableFuture<BillingrailsPayments.Created> createAsync(
      BillingrailsPaymentCreateRequest request, RequestOptions options) {
    return payments.createdAsync(request, options);
  }

  @Override
  public Payment created(
      BillingrailsPaymentCreateRequest request, BillingrailsPayments.Created created) {
    return BillingrailsMapping.toPayment(created.payment(), created.idempotencyKey());
  }

  @Override
  public BillingrailsPayment retrieve(String paymentId) {
    return payments.retrieve(paymentId);
  }

  @Override
  public CompletableFuture<BillingrailsPayment> retrieveAsync(String paymentId) {
    return payments.retrieveAsync(paymentId);
  }

  @Override
  public Payment toPayment(BillingrailsPayment payment) {
    return BillingrailsMapping.toPayment(payment, null);
  }

  @Override
  public BillingrailsPaymentListParams toListParams(PaymentListParams params) {
    return BillingrailsMapping.toBillingrails(params);
  }

  @Override
  public Page<BillingrailsPayment> list(BillingrailsPaymentListParams params) {
    return payments.list(params);
  }

  @Override
  public CompletableFuture<Page<BillingrailsPayment>> listAsync(
      BillingrailsPaymentListParams params) {
    return payments.listAsync(params);
  }
}
