package io.payclient.core;

import java.time.Duration;
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
   * Waits until the payment reaches a terminal status ({@link PaymentStatus#isTerminal()}:
   * succeeded, failed, cancelled, expired), polling {@link #retrieveAsync(String)} first at once,
   * then after 1 s, 2 s, 4 s … up to 30 s between polls, never past {@code timeout}. Equivalent to
   * {@code awaitTerminal(paymentId, timeout, Duration.ofSeconds(1))}. Prefer webhooks for long
   * waits (a payer paying at a payment URL); a waiter suits tests, scripts and short waits.
   *
   * <pre>{@code
   * Payment done = client.awaitTerminal(payment.id(), Duration.ofMinutes(2));
   * }</pre>
   *
   * <p>A rate limit makes the next poll wait at least its {@code Retry-After}; server errors and
   * network failures are outlasted by polling again (each poll is a retrieve with the client's own
   * retries). Waiting never creates or changes anything.
   *
   * @return the payment in its terminal status
   * @throws WaitTimeoutException when the timeout passes first (with the last payment seen) or the
   *     thread is interrupted (its interrupt flag is set again)
   * @throws NotFoundException if there is no such payment
   * @throws PayClientException when a poll fails in any other way waiting cannot outlast
   * @throws IllegalArgumentException if the timeout is not over 0 and at most a day, or the id is
   *     unusable
   */
  default Payment awaitTerminal(String paymentId, Duration timeout) {
    return awaitTerminal(paymentId, timeout, Waiter.DEFAULT_FIRST_INTERVAL);
  }

  /**
   * Like {@link #awaitTerminal(String, Duration)}, with the first interval between polls (it then
   * doubles, up to 30 s or the first interval if that is longer).
   *
   * @throws IllegalArgumentException if the timeout or interval is not over 0 and at most a day
   */
  default Payment awaitTerminal(String paymentId, Duration timeout, Duration firstInterval) {
    return Waiter.join(this, paymentId, awaitTerminalAsync(paymentId, timeout, firstInterval));
  }

  /**
   * Waits for a terminal status without blocking: polls are scheduled on the SDK's scheduler thread
   * and sent on OkHttp's dispatcher, so no thread is held per waiting call. Cancelling the future
   * stops polling and cancels the poll in flight.
   *
   * @return a future completed with the terminal payment, or exceptionally with the exceptions of
   *     {@link #awaitTerminal(String, Duration)} (argument errors included)
   */
  default CompletableFuture<Payment> awaitTerminalAsync(String paymentId, Duration timeout) {
    return awaitTerminalAsync(paymentId, timeout, Waiter.DEFAULT_FIRST_INTERVAL);
  }

  /**
   * Like {@link #awaitTerminalAsync(String, Duration)}, with the first interval between polls.
   *
   * @return a future completed with the terminal payment, or exceptionally with the exceptions of
   *     {@link #awaitTerminal(String, Duration)} (argument errors included)
   */
  default CompletableFuture<Payment> awaitTerminalAsync(
      String paymentId, Duration timeout, Duration firstInterval) {
    try {
      return Waiter.start(this, paymentId, timeout, firstInterval, PaymentsListener.NONE);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Releases the client's resources. A client built on a caller-supplied {@code OkHttpClient}
   * leaves that client untouched. Calls after closing fail with {@link IllegalStateException}.
   */
  @Override
  void close();
}
