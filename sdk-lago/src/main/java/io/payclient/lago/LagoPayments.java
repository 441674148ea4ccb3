package io.payclient.lago;

import io.payclient.core.ApiException;
import io.payclient.core.ConnectionException;
import io.payclient.core.NotFoundException;
import io.payclient.core.Page;
import io.payclient.core.PayClientException;
import io.payclient.core.PaymentsListener;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.core.ResponseFormatException;
import io.payclient.core.internal.ApiCall;
import io.payclient.core.internal.Futures;
import io.payclient.core.internal.HttpTransport;
import io.payclient.core.internal.Pages;
import io.payclient.core.internal.VendorSupport;
import io.payclient.core.internal.Violations;
import io.payclient.lago.internal.LagoJson;
import io.payclient.lago.internal.LagoMapping;
import io.payclient.lago.internal.LagoReconciler;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Lago's payment operations, typed. Get it from {@link LagoClient#payments()}. Thread-safe.
 *
 * <p><b>Duplicates.</b> Lago has no idempotency: two identical creates make two payments, so the
 * payment's {@code reference} is the de-duplication key. After an ambiguous failure of a create (a
 * timeout or reset after the request was sent, a 408 or 5xx), the SDK waits its backoff delay, then
 * lists the invoice's payments and, if one on the same invoice has the same {@code reference} and
 * {@code amount_cents}, returns it instead of creating again; only when the lookup has read every
 * page and found none does it send the create again. The lookup runs within the create's deadline
 * and reads at most 20 pages of 100; if it fails, cannot finish, or retries run out, the exception
 * says {@link PayClientException#outcomeUnknown()} and nothing is sent again. Give each intended
 * payment its own reference: a second payment with the same reference and amount on the same
 * invoice would be taken for the first.
 *
 * <p>A create that provably never left (connect failure) and a 429 are retried directly.
 */
public final class LagoPayments {
  private final HttpTransport transport;

  LagoPayments(HttpTransport transport) {
    this.transport = transport;
  }

  /**
   * Records a payment: {@code POST /payments}.
   *
   * <pre>{@code
   * LagoPayment payment = lago.payments().create(LagoPaymentCreateRequest.builder()
   *     .invoiceId(invoiceId).amountCents(1099).reference("order-1042").build());
   * }</pre>
   *
   * @throws io.payclient.core.InvalidRequestException 422 (amount over the amount due, bad date),
   *     400, 405
   * @throws NotFoundException {@code invoice_not_found}
   * @throws io.payclient.core.PermissionException {@code feature_unavailable}, {@code
   *     write_action_not_allowed_for_payment}
   * @throws ConnectionException network failure; {@code outcomeUnknown()} if it was sent
   * @throws io.payclient.core.ServerException 5xx; the payment may exist
   * @throws ResponseFormatException an unreadable 2xx; the payment probably exists
   */
  public LagoPayment create(LagoPaymentCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Records a payment with per-call options (deadline, retries).
   *
   * @throws RequestValidationException if the options carry an idempotency key (Lago has none)
   * @throws ApiException and the other exceptions of {@link #create(LagoPaymentCreateRequest)}
   */
  public LagoPayment create(LagoPaymentCreateRequest request, RequestOptions options) {
    return transport.execute(createCall(request, options)).payment();
  }

  /**
   * Records a payment without blocking.
   *
   * @return a future completed with the payment or with the exceptions of {@link
   *     #create(LagoPaymentCreateRequest)}
   */
  public CompletableFuture<LagoPayment> createAsync(LagoPaymentCreateRequest request) {
    return createAsync(request, RequestOptions.none());
  }

  /**
   * Records a payment without blocking, with per-call options.
   *
   * @return a future completed with the payment or with the exceptions of {@link
   *     #create(LagoPaymentCreateRequest, RequestOptions)}
   */
  public CompletableFuture<LagoPayment> createAsync(
      LagoPaymentCreateRequest request, RequestOptions options) {
    return VendorSupport.async(
        () -> Futures.map(transport.executeAsync(createCall(request, options)), Created::payment));
  }

  /**
   * Retrieves a payment: {@code GET /payments/{lago_id}}, the id percent-encoded.
   *
   * @throws NotFoundException {@code payment_not_found}
   * @throws IllegalArgumentException if the id is blank or has control characters
   * @throws PayClientException on other failures (retried when transient)
   */
  public LagoPayment retrieve(String lagoId) {
    return transport.execute(retrieveCall(lagoId));
  }

  /**
   * Retrieves a payment without blocking.
   *
   * @return a future completed with the payment or with the exceptions of {@link #retrieve(String)}
   */
  public CompletableFuture<LagoPayment> retrieveAsync(String lagoId) {
    return VendorSupport.async(() -> transport.executeAsync(retrieveCall(lagoId)));
  }

  /**
   * Lists payments, newest first: {@code GET /payments}. Lago's empty result has {@code
   * current_page} 0.
   *
   * <pre>{@code
   * for (LagoPayment p : lago.payments().list(LagoPaymentListParams.builder()
   *     .invoiceId(invoiceId).build()).autoPagingIterable()) { ... }
   * }</pre>
   *
   * @return the requested page; {@link Page#nextPage()} and the auto-paging views fetch the
   *     following pages lazily
   * @throws PayClientException if the request fails (retried when transient)
   */
  public Page<LagoPayment> list(LagoPaymentListParams params) {
    return transport.execute(listCall(params));
  }

  /**
   * Lists payments without blocking.
   *
   * @return a future of the page, or of the exceptions of {@link #list(LagoPaymentListParams)}
   */
  public CompletableFuture<Page<LagoPayment>> listAsync(LagoPaymentListParams params) {
    return VendorSupport.async(() -> transport.executeAsync(listCall(params)));
  }

  /** The created payment, and whether it was found by reconciliation instead of created now. */
  record Created(LagoPayment payment, boolean reconciled) {}

  CompletableFuture<Created> createdAsync(LagoPaymentCreateRequest request, RequestOptions opts) {
    return VendorSupport.async(() -> transport.executeAsync(createCall(request, opts)));
  }

  Created created(LagoPaymentCreateRequest request, RequestOptions opts) {
    return transport.execute(createCall(request, opts));
  }

  private ApiCall<Created> createCall(LagoPaymentCreateRequest request, RequestOptions opts) {
    Objects.requireNonNull(request, "request");
    Violations v = new Violations(LagoClient.VENDOR);
    LagoMapping.noIdempotencyKey(v, opts.idempotencyKey().isPresent());
    v.throwIfAny();
    return ApiCall.post(
            LagoJson.createBody(request),
            (status, r) -> new Created(LagoJson.readPaymentEnvelope(r), false))
        .path("payments")
        .operation("payments.create")
        .options(opts)
        .reconciler(
            new LagoReconciler<>(request, new InvoicePayments(request), p -> new Created(p, true)))
        .payment(c -> c.payment().lagoId(), c -> c.payment().neutralStatus())
        .build();
  }

  /** The pages of one invoice's payments, for reconciliation. */
  private final class InvoicePayments implements LagoReconciler.Lister {
    private final String invoiceId;

    InvoicePayments(LagoPaymentCreateRequest request) {
      this.invoiceId = request.invoiceId();
    }

    private ApiCall<LagoJson.PaymentList> call(
        int page, int perPage, RequestOptions options, PaymentsListener.@Nullable Call parent) {
      return ApiCall.get((status, r) -> LagoJson.readPaymentList(r))
          .path("payments")
          .operation("payments.list")
          .parent(parent)
          .query("invoice_id", invoiceId)
          .query("page", page)
          .query("per_page", perPage)
          .options(options)
          .build();
    }

    @Override
    public LagoJson.PaymentList list(
        int page, int perPage, RequestOptions options, PaymentsListener.@Nullable Call parent) {
      return transport.execute(call(page, perPage, options, parent));
    }

    @Override
    public CompletableFuture<LagoJson.PaymentList> listAsync(
        int page, int perPage, RequestOptions options, PaymentsListener.@Nullable Call parent) {
      return transport.executeAsync(call(page, perPage, options, parent));
    }
  }

  private ApiCall<Page<LagoPayment>> listCall(LagoPaymentListParams params) {
    Objects.requireNonNull(params, "params");
    return ApiCall.get((status, r) -> toPage(params, LagoJson.readPaymentList(r)))
        .path("payments")
        .operation("payments.list")
        .query("invoice_id", params.invoiceId())
        .query("external_customer_id", params.externalCustomerId())
        .query("page", params.page())
        .query("per_page", params.perPage())
        .build();
  }

  /**
   * The page's items, always; the next page only when {@link LagoJson#followablePage} says it can
   * be followed (paging metadata is advisory and never fails a list).
   */
  private Page<LagoPayment> toPage(LagoPaymentListParams params, LagoJson.PaymentList list) {
    Integer next = LagoJson.followablePage(list.meta(), params.page());
    return Pages.of(
        list.payments(),
        list.meta().totalCount(),
        next == null ? null : params.toBuilder().page(next).build(),
        this::list,
        this::listAsync);
  }

  private ApiCall<LagoPayment> retrieveCall(String lagoId) {
    return ApiCall.get((status, r) -> LagoJson.readPaymentEnvelope(r))
        .path("payments")
        .id(Objects.requireNonNull(lagoId, "lagoId"))
        .operation("payments.retrieve")
        .payment(LagoPayment::lagoId, LagoPayment::neutralStatus)
        .build();
  }
}
