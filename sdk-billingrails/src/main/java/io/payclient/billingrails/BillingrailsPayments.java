package io.payclient.billingrails;

import io.payclient.billingrails.internal.BillingrailsJson;
import io.payclient.core.ApiException;
import io.payclient.core.ConflictException;
import io.payclient.core.ConnectionException;
import io.payclient.core.NotFoundException;
import io.payclient.core.Page;
import io.payclient.core.PayClientException;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.core.ResponseFormatException;
import io.payclient.core.internal.ApiCall;
import io.payclient.core.internal.Futures;
import io.payclient.core.internal.HttpTransport;
import io.payclient.core.internal.Pages;
import io.payclient.core.internal.VendorSupport;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Billingrails' payment operations, typed. Get it from {@link BillingrailsClient#payments()}.
 * Thread-safe.
 *
 * <p><b>Idempotency.</b> Every create carries an {@code Idempotency-Key} header: the key from
 * {@link RequestOptions#idempotencyKey()}, else {@link
 * BillingrailsPaymentCreateRequest#idempotencyKey()}, else a random UUID generated once for that
 * call. The same key is sent on every retry of the call, so the SDK safely retries timeouts,
 * resets, 5xx, 429 and a 409 that says the first request is still in flight: Billingrails returns
 * the original payment instead of creating a second one. The key is on every exception ({@link
 * PayClientException#idempotencyKey()}): after an unknown outcome, create again with that key to
 * get the original payment. Billingrails keeps keys 24 hours; reusing a key with a different body
 * gives a {@link ConflictException}, which is not retried.
 */
public final class BillingrailsPayments {
  private final HttpTransport transport;

  BillingrailsPayments(HttpTransport transport) {
    this.transport = transport;
  }

  /**
   * Creates a payment: {@code POST /payments} (200 or 201).
   *
   * <pre>{@code
   * BillingrailsPayment payment = billingrails.payments().create(
   *     BillingrailsPaymentCreateRequest.builder()
   *         .accountId("acc_IhMUl3rrZ3").referenceId("PAY-REF-001").invoiceId("inv_IhMUl3rrZ3")
   *         .build());
   * }</pre>
   *
   * @throws io.payclient.core.InvalidRequestException 400/422 {@code validation_error}, with {@link
   *     ApiException#fieldErrors()} from {@code error.details}
   * @throws io.payclient.core.AuthenticationException 401 {@code unauthorized}
   * @throws io.payclient.core.PermissionException 403 {@code forbidden}
   * @throws NotFoundException 404, e.g. an unknown account or invoice
   * @throws ConflictException 409: the idempotency key was used with a different body (nothing new
   *     was created), or the first request stayed in flight through every retry
   * @throws io.payclient.core.RateLimitException 429 after the retries
   * @throws io.payclient.core.ServerException 5xx after the retries; the payment may exist: create
   *     again with {@link PayClientException#idempotencyKey()}
   * @throws ConnectionException network failure; {@code outcomeUnknown()} if it was sent
   * @throws ResponseFormatException an unreadable 2xx; the payment probably exists
   */
  public BillingrailsPayment create(BillingrailsPaymentCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Creates a payment with per-call options (idempotency key, deadline, retries).
   *
   * @throws RequestValidationException before any I/O, if the options' idempotency key is blank,
   *     over 180 characters or not printable ASCII
   * @throws ApiException and the other exceptions of {@link
   *     #create(BillingrailsPaymentCreateRequest)}
   */
  public BillingrailsPayment create(
      BillingrailsPaymentCreateRequest request, RequestOptions options) {
    return created(request, options).payment();
  }

  /**
   * Creates a payment without blocking.
   *
   * @return a future completed with the payment or with the exceptions of {@link
   *     #create(BillingrailsPaymentCreateRequest)}
   */
  public CompletableFuture<BillingrailsPayment> createAsync(
      BillingrailsPaymentCreateRequest request) {
    return createAsync(request, RequestOptions.none());
  }

  /**
   * Creates a payment without blocking, with per-call options.
   *
   * @return a future completed with the payment or with the exceptions of {@link
   *     #create(BillingrailsPaymentCreateRequest, RequestOptions)} (validation failures included)
   */
  public CompletableFuture<BillingrailsPayment> createAsync(
      BillingrailsPaymentCreateRequest request, RequestOptions options) {
    return Futures.map(createdAsync(request, options), Created::payment);
  }

  /**
   * Retrieves a payment: {@code GET /payments/{id}}, the id percent-encoded as one path segment.
   * The response's {@code meta.request_id} is on {@link BillingrailsPayment#requestId()}.
   *
   * @throws NotFoundException if there is no such payment
   * @throws IllegalArgumentException if the id is blank or has control characters
   * @throws PayClientException on other failures (retried when transient)
   */
  public BillingrailsPayment retrieve(String paymentId) {
    return transport.execute(retrieveCall(paymentId));
  }

  /**
   * Retrieves a payment without blocking.
   *
   * @return a future completed with the payment or with the exceptions of {@link #retrieve(String)}
   */
  public CompletableFuture<BillingrailsPayment> retrieveAsync(String paymentId) {
    return VendorSupport.async(() -> transport.executeAsync(retrieveCall(paymentId)));
  }

  /**
   * Lists payments: {@code GET /payments?page=&per_page=}. A next page exists when the page was not
   * empty and {@code meta.current_page × meta.per_page < meta.total_count}, or, in the other meta
   * shape Billingrails uses ({@code page, page_size, total_pages}), when {@code page <
   * total_pages}; {@link Page#totalCount()} is {@code meta.total_count}. Each payment carries the
   * response's {@code meta.request_id}.
   *
   * <pre>{@code
   * Page<BillingrailsPayment> page = billingrails.payments().list(
   *     BillingrailsPaymentListParams.builder().perPage(50).build());
   * page.autoPagingStream().limit(120).forEach(p -> ...);   // fetches page 2, 3 only when reached
   * }</pre>
   *
   * @return the requested page; {@link Page#nextPage()} and the auto-paging views fetch the
   *     following pages lazily, one request each
   * @throws io.payclient.core.AuthenticationException 401 {@code unauthorized}
   * @throws ResponseFormatException if the body is not a payment list
   * @throws PayClientException on other failures (retried when transient: a list creates nothing)
   */
  public Page<BillingrailsPayment> list(BillingrailsPaymentListParams params) {
    return transport.execute(listCall(params));
  }

  /**
   * Lists payments without blocking.
   *
   * @return a future of the page, or of the exceptions of {@link
   *     #list(BillingrailsPaymentListParams)}
   */
  public CompletableFuture<Page<BillingrailsPayment>> listAsync(
      BillingrailsPaymentListParams params) {
    return VendorSupport.async(() -> transport.executeAsync(listCall(params)));
  }

  private ApiCall<Page<BillingrailsPayment>> listCall(BillingrailsPaymentListParams params) {
    Objects.requireNonNull(params, "params");
    return ApiCall.get((status, r) -> toPage(params, BillingrailsJson.readPaymentList(r)))
        .path("payments")
        .operation("payments.list")
        .query("page", params.page())
        .query("per_page", params.perPage())
        .build();
  }

  /**
   * The page and, when more exist, a fetcher of the page after the one requested. The next page
   * number counts from the request (not from the server's echo), so a server that repeats its
   * {@code current_page} cannot make auto-paging loop; without {@code per_page} in the meta the
   * requested size, else this page's size, is used.
   */
  private Page<BillingrailsPayment> toPage(
      BillingrailsPaymentListParams params, BillingrailsJson.PaymentList list) {
    int requested = params.page() == null ? 1 : params.page();
    long current = list.currentPage() != null ? list.currentPage() : requested;
    long perPage =
        list.perPage() != null
            ? list.perPage()
            : params.perPage() != null ? params.perPage() : list.payments().size();
    Long total = list.totalCount();
    Long totalPages = list.totalPages();
    boolean more =
        !list.payments().isEmpty()
            && requested < Integer.MAX_VALUE
            && (total != null
                ? productBelow(current, perPage, total)
                : totalPages != null && current < totalPages);
    return Pages.of(
        list.payments(),
        total,
        more ? params.toBuilder().page(requested + 1).build() : null,
        this::list,
        this::listAsync);
  }

  /** {@code a × b < c}; an overflowing product is not below anything. */
  private static boolean productBelow(long a, long b, long c) {
    try {
      return Math.multiplyExact(a, b) < c;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  /** A created payment and the idempotency key it was created with. */
  record Created(BillingrailsPayment payment, String idempotencyKey) {}

  Created created(BillingrailsPaymentCreateRequest request, RequestOptions options) {
    return transport.execute(createCall(request, options));
  }

  CompletableFuture<Created> createdAsync(
      BillingrailsPaymentCreateRequest request, RequestOptions options) {
    return VendorSupport.async(() -> transport.executeAsync(createCall(request, options)));
  }

  private ApiCall<Created> createCall(
      BillingrailsPaymentCreateRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    String key =
        VendorSupport.idempotencyKey(
            BillingrailsClient.VENDOR,
            BillingrailsPaymentCreateRequest.IDEMPOTENCY_KEY_HEADER,
            request.idempotencyKey().orElse(null),
            options,
            BillingrailsPaymentCreateRequest.MAX_IDEMPOTENCY_KEY_LENGTH);
    return ApiCall.post(
            BillingrailsJson.createBody(request),
            (status, r) -> new Created(BillingrailsJson.readPaymentEnvelope(r), key))
        .path("payments")
        .operation("payments.create")
        .header(BillingrailsPaymentCreateRequest.IDEMPOTENCY_KEY_HEADER, key)
        .idempotencyKey(key)
        .options(options)
        .payment(c -> c.payment().id(), c -> c.payment().neutralStatus())
        .build();
  }

  private ApiCall<BillingrailsPayment> retrieveCall(String paymentId) {
    return ApiCall.get((status, r) -> BillingrailsJson.readPaymentEnvelope(r))
        .path("payments")
        .id(Objects.requireNonNull(paymentId, "paymentId"))
        .operation("payments.retrieve")
        .payment(BillingrailsPayment::id, BillingrailsPayment::neutralStatus)
        .build();
  }
}
