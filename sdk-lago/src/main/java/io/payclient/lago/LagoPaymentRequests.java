package io.payclient.lago;

import io.payclient.core.Page;
import io.payclient.core.PayClientException;
import io.payclient.core.internal.ApiCall;
import io.payclient.core.internal.HttpTransport;
import io.payclient.core.internal.Pages;
import io.payclient.core.internal.VendorSupport;
import io.payclient.lago.internal.LagoJson;
import io.payclient.lago.internal.LagoPaymentRequestJson;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Lago's payment requests (dunning): ask a customer to pay several overdue invoices at once. Get it
 * from {@link LagoClient#paymentRequests()}. Thread-safe.
 *
 * <p>Lago refuses some requests with HTTP 405 and a code, thrown as {@link
 * io.payclient.core.InvalidRequestException} with {@link io.payclient.core.ApiException#code()}
 * set: {@code invoices_not_overdue}, {@code invoices_have_different_currencies}, {@code
 * invoices_not_ready_for_payment_processing}. Unknown customers or invoices give {@link
 * io.payclient.core.NotFoundException} with {@code customer_not_found} or {@code
 * invoice_not_found}.
 */
public final class LagoPaymentRequests {
  private final HttpTransport transport;

  LagoPaymentRequests(HttpTransport transport) {
    this.transport = transport;
  }

  /**
   * Creates a payment request: {@code POST /payment_requests}. Like every Lago create it has no
   * idempotency, so it is never re-sent after an ambiguous failure ({@code outcomeUnknown()}).
   *
   * <pre>{@code
   * LagoPaymentRequest pr = lago.paymentRequests().create(LagoPaymentRequestCreateRequest.builder()
   *     .externalCustomerId("gavin_001").addInvoiceId(invoiceId).build());
   * }</pre>
   *
   * @throws io.payclient.core.NotFoundException {@code customer_not_found}, {@code
   *     invoice_not_found}
   * @throws io.payclient.core.InvalidRequestException 405 with the code, 422
   * @throws PayClientException on any other failure
   */
  public LagoPaymentRequest create(LagoPaymentRequestCreateRequest request) {
    return transport.execute(createCall(request));
  }

  /**
   * Creates a payment request without blocking.
   *
   * @return a future of the payment request or of the exceptions of {@link
   *     #create(LagoPaymentRequestCreateRequest)}
   */
  public CompletableFuture<LagoPaymentRequest> createAsync(
      LagoPaymentRequestCreateRequest request) {
    return VendorSupport.async(() -> transport.executeAsync(createCall(request)));
  }

  /**
   * Retrieves a payment request: {@code GET /payment_requests/{lago_id}}.
   *
   * @throws io.payclient.core.NotFoundException if there is none with this id
   * @throws PayClientException on any other failure
   */
  public LagoPaymentRequest retrieve(String lagoId) {
    return transport.execute(retrieveCall(lagoId));
  }

  /**
   * Retrieves a payment request without blocking.
   *
   * @return a future of the payment request or of the exceptions of {@link #retrieve(String)}
   */
  public CompletableFuture<LagoPaymentRequest> retrieveAsync(String lagoId) {
    return VendorSupport.async(() -> transport.executeAsync(retrieveCall(lagoId)));
  }

  /**
   * Lists payment requests: {@code GET /payment_requests}.
   *
   * @return the requested page; later pages are fetched lazily
   * @throws PayClientException if the request fails
   */
  public Page<LagoPaymentRequest> list(LagoPaymentRequestListParams params) {
    return transport.execute(listCall(params));
  }

  /**
   * Lists payment requests without blocking.
   *
   * @return a future of the page or of the exceptions of {@link
   *     #list(LagoPaymentRequestListParams)}
   */
  public CompletableFuture<Page<LagoPaymentRequest>> listAsync(
      LagoPaymentRequestListParams params) {
    return VendorSupport.async(() -> transport.executeAsync(listCall(params)));
  }

  private ApiCall<LagoPaymentRequest> createCall(LagoPaymentRequestCreateRequest request) {
    return ApiCall.post(
            LagoPaymentRequestJson.createBody(Objects.requireNonNull(request, "request")),
            (status, r) -> LagoPaymentRequestJson.readEnvelope(r))
        .path("payment_requests")
        .operation("payment_requests.create")
        .build();
  }

  private ApiCall<LagoPaymentRequest> retrieveCall(String lagoId) {
    return ApiCall.get((status, r) -> LagoPaymentRequestJson.readEnvelope(r))
        .path("payment_requests")
        .id(Objects.requireNonNull(lagoId, "lagoId"))
        .operation("payment_requests.retrieve")
        .build();
  }

  private ApiCall<Page<LagoPaymentRequest>> listCall(LagoPaymentRequestListParams params) {
    Objects.requireNonNull(params, "params");
    ApiCall.Builder<Page<LagoPaymentRequest>> b =
        ApiCall.get((status, r) -> toPage(params, LagoPaymentRequestJson.readList(r)))
            .path("payment_requests")
            .operation("payment_requests.list")
            .query("page", params.page())
            .query("per_page", params.perPage())
            .query("currency", params.currency())
            .query("external_customer_id", params.externalCustomerId())
            .query("payment_status", params.paymentStatus());
    for (String code : params.billingEntityCodes()) {
      b.query("billing_entity_codes[]", code);
    }
    return b.build();
  }

  private Page<LagoPaymentRequest> toPage(
      LagoPaymentRequestListParams params, LagoPaymentRequestJson.PaymentRequestList list) {
    Integer next = LagoJson.followablePage(list.meta(), params.page());
    return Pages.of(
        list.items(),
        list.meta().totalCount(),
        next == null ? null : params.withPage(next),
        this::list,
        this::listAsync);
  }
}
