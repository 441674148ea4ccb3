package io.payclient.paygentic;

import io.payclient.core.ApiException;
import io.payclient.core.ConnectionException;
import io.payclient.core.NotFoundException;
import io.payclient.core.Page;
import io.payclient.core.PayClientException;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.core.ResponseFormatException;
import io.payclient.core.internal.ApiCall;
import io.payclient.core.internal.HttpTransport;
import io.payclient.core.internal.Pages;
import io.payclient.core.internal.VendorSupport;
import io.payclient.paygentic.internal.PaygenticJson;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Paygentic's payment operations, typed. Get it from {@link PaygenticClient#payments()}.
 * Thread-safe.
 *
 * <p><b>Idempotency.</b> Every create carries the body field {@code idempotencyKey}: the key in
 * {@link RequestOptions} wins, else the request's, else a UUID generated for that create. Because
 * Paygentic answers a repeated key with the existing payment, the SDK retries a create after a
 * timeout, a reset or a 5xx with the same body bytes, and the answer is then either the new payment
 * (HTTP 201) or the one already created (HTTP 200, {@link PaygenticPayment#replayed()} true). Both
 * are successes. When retries run out the exception carries the key: create again later with the
 * same key to get the original payment rather than a second one.
 *
 * <p><b>Listing.</b> {@link #list(PaygenticPaymentListParams)} returns one page of Paygentic's
 * offset pagination; {@link Page#autoPagingIterable()} and the other auto-paging views fetch the
 * next pages (offset plus the items received) only when they are reached.
 */
public final class PaygenticPayments {
  /** Paygentic's page size when no {@code limit} is sent. */
  static final int DEFAULT_LIMIT = 10;

  private final HttpTransport transport;
  private final @Nullable String defaultMerchantId;

  PaygenticPayments(HttpTransport transport, @Nullable String defaultMerchantId) {
    this.transport = transport;
    this.defaultMerchantId = defaultMerchantId;
  }

  /**
   * Creates a payment: {@code POST /v0/payments}.
   *
   * <pre>{@code
   * PaygenticPayment payment = paygentic.payments().create(PaygenticPaymentCreateRequest.builder()
   *     .amount(Money.of("10.50", "USD")).reference("Order #12345").build());
   * URI payHere = payment.paymentUrl();
   * }</pre>
   *
   * @return the payment; {@link PaygenticPayment#replayed()} is true when Paygentic returned an
   *     existing payment for the idempotency key (HTTP 200)
   * @throws RequestValidationException before any I/O if the request's idempotency key is unusable
   * @throws io.payclient.core.InvalidRequestException 400 ({@code Error} or {@code ValidationError}
   *     with field errors)
   * @throws io.payclient.core.AuthenticationException 401
   * @throws io.payclient.core.PermissionException 403
   * @throws ConnectionException network failure after retries; {@code outcomeUnknown()} if it was
   *     sent: create again with {@link PayClientException#idempotencyKey()}
   * @throws io.payclient.core.ServerException 5xx after retries; the payment may exist
   * @throws ResponseFormatException an unreadable 2xx; the payment probably exists
   * @throws ApiException any other status, with the raw body kept
   */
  public PaygenticPayment create(PaygenticPaymentCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Creates a payment with per-call options (idempotency key, deadline, retries).
   *
   * @throws RequestValidationException before any I/O if the options' idempotency key is blank,
   *     over 255 characters or not printable ASCII
   * @throws ApiException and the other exceptions of {@link #create(PaygenticPaymentCreateRequest)}
   */
  public PaygenticPayment create(PaygenticPaymentCreateRequest request, RequestOptions options) {
    return transport.execute(createCall(request, options));
  }

  /**
   * Creates a payment without blocking.
   *
   * @return a future completed with the payment or with the exceptions of {@link
   *     #create(PaygenticPaymentCreateRequest)}
   */
  public CompletableFuture<PaygenticPayment> createAsync(PaygenticPaymentCreateRequest request) {
    return createAsync(request, RequestOptions.none());
  }

  /**
   * Creates a payment without blocking, with per-call options.
   *
   * @return a future completed with the payment or with the exceptions of {@link
   *     #create(PaygenticPaymentCreateRequest, RequestOptions)}
   */
  public CompletableFuture<PaygenticPayment> createAsync(
      PaygenticPaymentCreateRequest request, RequestOptions options) {
    return VendorSupport.async(() -> transport.executeAsync(createCall(request, options)));
  }

  /**
   * Retrieves a payment: {@code GET /v0/payments/{id}}, the id percent-encoded as one path segment.
   *
   * @throws NotFoundException 404
   * @throws IllegalArgumentException if the id is blank or has control characters
   * @throws PayClientException on other failures (retried when transient)
   */
  public PaygenticPayment retrieve(String id) {
    return transport.execute(retrieveCall(id));
  }

  /**
   * Retrieves a payment without blocking.
   *
   * @return a future completed with the payment or with the exceptions of {@link #retrieve(String)}
   */
  public CompletableFuture<PaygenticPayment> retrieveAsync(String id) {
    return VendorSupport.async(() -> transport.executeAsync(retrieveCall(id)));
  }

  /**
   * Lists payments: {@code GET /v0/payments?merchantId&status&customerId&limit&offset}. The
   * client's default merchant id is sent when the params have none. The page's {@link
   * Page#totalCount()} is Paygentic's {@code pagination.total}; a next page exists while the offset
   * plus the items received so far is below it (and the page was not empty).
   *
   * <pre>{@code
   * Page<PaygenticPayment> page = paygentic.payments().list(PaygenticPaymentListParams.builder()
   *     .customerId("cus_4711").limit(50).build());
   * page.autoPagingStream().filter(p -> p.status() == PaygenticPaymentStatus.COMPLETED)...
   * }</pre>
   *
   * @return the requested page; {@link Page#nextPage()} and the auto-paging views fetch the
   *     following pages lazily, and may throw the same exceptions
   * @throws io.payclient.core.AuthenticationException 401
   * @throws io.payclient.core.PermissionException 403 (a merchant the key may not see)
   * @throws io.payclient.core.InvalidRequestException 400 (a filter the server refused)
   * @throws PayClientException on other failures (retried when transient: a list is a GET)
   */
  public Page<PaygenticPayment> list(PaygenticPaymentListParams params) {
    return transport.execute(listCall(params));
  }

  /**
   * Lists payments without blocking.
   *
   * @return a future completed with the page, or with the exceptions of {@link
   *     #list(PaygenticPaymentListParams)}; {@link Page#nextPageAsync()} and {@link
   *     Page#autoPagingForEachAsync} continue without blocking
   */
  public CompletableFuture<Page<PaygenticPayment>> listAsync(PaygenticPaymentListParams params) {
    return VendorSupport.async(() -> transport.executeAsync(listCall(params)));
  }

  private ApiCall<Page<PaygenticPayment>> listCall(PaygenticPaymentListParams params) {
    Objects.requireNonNull(params, "params");
    String merchantId = params.merchantId() != null ? params.merchantId() : defaultMerchantId;
    return ApiCall.get((status, r) -> toPage(params, PaygenticJson.readPaymentList(r)))
        .path("v0", "payments")
        .operation("payments.list")
        .query("merchantId", merchantId)
        .query("status", params.status())
        .query("customerId", params.customerId())
        .query("limit", params.limit())
        .query("offset", params.offset())
        .build();
  }

  /**
   * The page, and how to get the next one: the offset that was asked for plus the items received,
   * while that is below {@code pagination.total}. Without a total, a full page (as many items as
   * the limit) is taken to mean there may be more.
   */
  private Page<PaygenticPayment> toPage(
      PaygenticPaymentListParams params, PaygenticJson.PaymentList list) {
    int received = list.payments().size();
    long nextOffset = (params.offset() == null ? 0L : params.offset()) + received;
    Long total = list.pagination().total();
    boolean more;
    if (received == 0 || nextOffset > Integer.MAX_VALUE) {
      more = false;
    } else if (total != null) {
      more = nextOffset < total;
    } else {
      Integer limit =
          list.pagination().limit() != null ? list.pagination().limit() : params.limit();
      more = received >= (limit == null ? DEFAULT_LIMIT : limit);
    }
    return Pages.of(
        list.payments(),
        total,
        more ? params.toBuilder().offset((int) nextOffset).build() : null,
        this::list,
        this::listAsync);
  }

  private ApiCall<PaygenticPayment> createCall(
      PaygenticPaymentCreateRequest request, RequestOptions opts) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(opts, "options");
    String key =
        VendorSupport.idempotencyKey(
            PaygenticClient.VENDOR,
            "idempotencyKey",
            request.idempotencyKey().orElse(null),
            opts,
            PaygenticPaymentCreateRequest.MAX_IDEMPOTENCY_KEY_LENGTH);
    return ApiCall.post(
            PaygenticJson.createBody(request, key, defaultMerchantId),
            (status, r) -> PaygenticJson.readPayment(r, status == 200))
        .path("v0", "payments")
        .operation("payments.create")
        .idempotencyKey(key)
        .options(opts)
        .payment(PaygenticPayment::id, PaygenticPayment::neutralStatus)
        .build();
  }

  private ApiCall<PaygenticPayment> retrieveCall(String id) {
    return ApiCall.get((status, r) -> PaygenticJson.readPayment(r, false))
        .path("v0", "payments")
        .id(Objects.requireNonNull(id, "id"))
        .operation("payments.retrieve")
        .payment(PaygenticPayment::id, PaygenticPayment::neutralStatus)
        .build();
  }
}
