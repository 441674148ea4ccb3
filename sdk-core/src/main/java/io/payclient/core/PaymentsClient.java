package io.payclient.core;

import java.util.concurrent.CompletableFuture;

/**
 * The vendor-neutral payments API that every vendor client implements. Implementations are
 * immutable and thread-safe; share one per vendor and key across the application, and close it when
 * done.
 *
 * <pre>{@code
 * try (PaymentsClient client = PaymentsClients.create("lago", ClientOptions.builder().build())) {
 *   Payment payment = client.create(PaymentCreateRequest.builder()
 *       .amount(Money.of("10.99", "USD"))
 *       .target(PaymentTarget.invoice(invoiceId))
 *       .reference("order-1042")
 *       .build());
 * }
 * }</pre>
 *
 * <h2>Failures</h2>
 *
 * <ul>
 *   <li>{@link RequestValidationException}: the request breaks a vendor rule or uses a field the
 *       vendor cannot express; nothing was sent.
 *   <li>{@link ApiException} and subclasses: the vendor answered with an error.
 *   <li>{@link ConnectionException}: no answer; see {@link ConnectionException#requestSent()}.
 *   <li>{@link ResponseFormatException}: an answer that could not be read.
 * </ul>
 *
 * <p>A create is never sent twice unless the vendor can recognise the repeat (an idempotency key)
 * or the SDK has checked that the first attempt created nothing (Lago). When the outcome stays
 * unknown the exception says so ({@link PayClientException#outcomeUnknown()}).
 */
public interface PaymentsClient extends AutoCloseable {

  /** {@code "lago"}, {@code "billingrails"} or {@code "paygentic"}. */
  String vendor();

  /**
   * Creates a payment. Equivalent to {@code create(request, RequestOptions.none())}.
   *
   * @throws RequestValidationException before any I/O, if the vendor cannot take the request
   * @throws PayClientException on any other failure, as described on this interface
   */
  default Payment create(PaymentCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Creates a payment with per-call options.
   *
   * @throws RequestValidationException before any I/O, if the vendor cannot take the request
   * @throws PayClientException on any other failure, as described on this interface
   */
  Payment create(PaymentCreateRequest request, RequestOptions options);

  /**
   * Creates a payment without blocking the caller. Equivalent to {@code createAsync(request,
   * RequestOptions.none())}.
   *
   * @return a future completed with the payment, or exceptionally with the same exceptions {@link
   *     #create(PaymentCreateRequest)} throws (validation failures included)
   */
  default CompletableFuture<Payment> createAsync(PaymentCreateRequest request) {
    return createAsync(request, RequestOptions.none());
  }

  /**
   * Creates a payment without blocking the caller: I/O runs on OkHttp's dispatcher and retries are
   * scheduled, never slept on a thread. Cancelling the future cancels the HTTP call in progress
   * (whether the server created the payment is then unknown).
   *
   * @return a future completed with the payment, or exceptionally with a {@link PayClientException}
   */
  CompletableFuture<Payment> createAsync(PaymentCreateRequest request, RequestOptions options);

  /**
   * Retrieves a payment by the vendor's id.
   *
   * @throws NotFoundException if there is no such payment
   * @throws IllegalArgumentException if the id is blank or contains control characters
   * @throws PayClientException on any other failure; retrievals are retried on transient errors
   */
  Payment retrieve(String paymentId);

  /**
   * Retrieves a payment without blocking the caller.
   *
   * @return a future completed with the payment or with the exceptions {@link #retrieve(String)}
   *     throws
   */
  CompletableFuture<Payment> retrieveAsync(String paymentId);

  /**
   * Lists payments, newest first where the vendor orders them, as neutral {@link Payment}s. Later
   * pages are fetched lazily ({@link Page#autoPagingIterable()}).
   *
   * @throws RequestValidationException before any I/O, if the vendor cannot apply a filter
   * @throws PayClientException if the request fails (retried when transient)
   */
  Page<Payment> list(PaymentListParams params);

  /**
   * Lists payments without blocking.
   *
   * @return a future of the first page, or of the exceptions of {@link #list(PaymentListParams)}
   */
  CompletableFuture<Page<Payment>> listAsync(PaymentListParams params);

  /**
   * Releases the client's resources. A client built on a caller-supplied {@code OkHttpClient}
   * leaves that client untouched. Calls after closing fail with {@link IllegalStateException}.
   */
  @Override
  void close();
}
