package io.payclient.lago;

import io.payclient.core.ApiException;
import io.payclient.core.ConnectionException;
import io.payclient.core.NotFoundException;
import io.payclient.core.PayClientException;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.core.ResponseFormatException;
import io.payclient.core.internal.ApiCall;
import io.payclient.core.internal.HttpTransport;
import io.payclient.core.internal.VendorSupport;
import io.payclient.core.internal.Violations;
import io.payclient.lago.internal.LagoJson;
import io.payclient.lago.internal.LagoMapping;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Lago's payment operations, typed. Get it from {@link LagoClient#payments()}. Thread-safe.
 *
 * <p><b>Duplicates.</b> Lago has no idempotency: two identical creates make two payments. The SDK
 * therefore never re-sends a create after an ambiguous failure (timeout or reset after sending,
 * 5xx); it throws with {@link PayClientException#outcomeUnknown()} {@code true}. It does retry when
 * the request provably never left (connect failure) and on 429.
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
   * @throws InvalidRequestException 422 (amount over the amount due, bad date), 400, 405
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
    return transport.execute(createCall(request, options));
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
    return VendorSupport.async(() -> transport.executeAsync(createCall(request, options)));
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

  private ApiCall<LagoPayment> createCall(LagoPaymentCreateRequest request, RequestOptions opts) {
    Objects.requireNonNull(request, "request");
    Violations v = new Violations(LagoClient.VENDOR);
    LagoMapping.noIdempotencyKey(v, opts.idempotencyKey().isPresent());
    v.throwIfAny();
    return ApiCall.post(
            LagoJson.createBody(request), (status, r) -> LagoJson.readPaymentEnvelope(r))
        .path("payments")
        .options(opts)
        .build();
  }

  private ApiCall<LagoPayment> retrieveCall(String lagoId) {
    return ApiCall.get((status, r) -> LagoJson.readPaymentEnvelope(r))
        .path("payments", Objects.requireNonNull(lagoId, "lagoId"))
        .build();
  }
}
