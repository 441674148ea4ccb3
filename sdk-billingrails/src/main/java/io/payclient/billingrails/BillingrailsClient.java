package io.payclient.billingrails;

import io.payclient.billingrails.internal.BillingrailsErrorParser;
import io.payclient.billingrails.internal.BillingrailsMapping;
import io.payclient.core.ClientBuilder;
import io.payclient.core.ClientOptions;
import io.payclient.core.Page;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentsClient;
import io.payclient.core.RequestOptions;
import io.payclient.core.internal.Futures;
import io.payclient.core.internal.HttpTransport;
import io.payclient.core.internal.VendorSupport;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The Billingrails client: typed operations through {@link #payments()}, and the vendor-neutral
 * {@link PaymentsClient} API. Immutable and thread-safe; build one per API key and share it.
 *
 * <pre>{@code
 * try (BillingrailsClient billingrails = BillingrailsClient.builder()
 *     .apiKey(System.getenv("BILLINGRAILS_API_KEY"))   // or leave unset: the variable is read
 *     .environment(BillingrailsEnvironment.SANDBOX)
 *     .build()) {
 *   BillingrailsPayment payment = billingrails.payments().create(
 *       BillingrailsPaymentCreateRequest.builder()
 *           .accountId("acc_IhMUl3rrZ3")
 *           .referenceId("PAY-REF-001")
 *           .invoiceId("inv_IhMUl3rrZ3")
 *           .build());
 * }
 * }</pre>
 *
 * <p>Every create carries an {@code Idempotency-Key} header, so the SDK retries ambiguous failures
 * without creating a second payment: see {@link BillingrailsPayments}.
 */
public final class BillingrailsClient implements PaymentsClient {
  /** The vendor name, {@code "billingrails"}. */
  public static final String VENDOR = "billingrails";

  /** The environment variable read when no API key is set: {@code BILLINGRAILS_API_KEY}. */
  public static final String API_KEY_ENV = "BILLINGRAILS_API_KEY";

  private final HttpTransport transport;
  private final BillingrailsPayments payments;

  private BillingrailsClient(HttpTransport transport) {
    this.transport = transport;
    this.payments = new BillingrailsPayments(transport);
  }

  /**
   * Returns a builder; defaults: {@link BillingrailsEnvironment#PRODUCTION}, key from {@code
   * BILLINGRAILS_API_KEY}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Billingrails' payment operations, typed. */
  public BillingrailsPayments payments() {
    return payments;
  }

  /** The base URL in use. */
  public String baseUrl() {
    return transport.baseUrl().toString();
  }

  @Override
  public String vendor() {
    return VENDOR;
  }

  /**
   * Creates an offline payment from a neutral request: {@code customerId} → {@code account_id}
   * (required), {@code reference} → {@code reference_id} (required), {@code target} → {@code
   * invoice_id} / {@code payment_request_id} / {@code credit_grant_id} / {@code order_id}
   * (required), {@code paidAt} → {@code succeeded_at}, and the idempotency key (options', else the
   * request's, else generated) → the {@code Idempotency-Key} header. An {@code amount} or {@code
   * metadata} is refused: Billingrails takes the amount from the paid object. The returned payment
   * carries the key that was sent.
   *
   * @throws io.payclient.core.RequestValidationException before any I/O, naming each field
   * @throws io.payclient.core.PayClientException on other failures, as {@link
   *     BillingrailsPayments#create(BillingrailsPaymentCreateRequest)} describes
   */
  @Override
  public Payment create(PaymentCreateRequest request, RequestOptions options) {
    BillingrailsPayments.Created c =
        payments.created(BillingrailsMapping.toBillingrails(request), options);
    return BillingrailsMapping.toPayment(c.payment(), c.idempotencyKey());
  }

  @Override
  public CompletableFuture<Payment> createAsync(
      PaymentCreateRequest request, RequestOptions options) {
    return VendorSupport.async(
        () ->
            Futures.map(
                payments.createdAsync(BillingrailsMapping.toBillingrails(request), options),
                c -> BillingrailsMapping.toPayment(c.payment(), c.idempotencyKey())));
  }

  @Override
  public Payment retrieve(String paymentId) {
    return BillingrailsMapping.toPayment(payments.retrieve(paymentId), null);
  }

  @Override
  public CompletableFuture<Payment> retrieveAsync(String paymentId) {
    return Futures.map(
        payments.retrieveAsync(paymentId), p -> BillingrailsMapping.toPayment(p, null));
  }

  /**
   * Lists Billingrails payments as neutral payments. Only {@code pageSize} applies: a customer,
   * target or status filter is refused (Billingrails' list has none).
   */
  @Override
  public Page<Payment> list(PaymentListParams params) {
    return payments
        .list(BillingrailsMapping.toBillingrails(params))
        .map(p -> BillingrailsMapping.toPayment(p, null));
  }

  @Override
  public CompletableFuture<Page<Payment>> listAsync(PaymentListParams params) {
    return VendorSupport.async(
        () ->
            Futures.map(
                payments.listAsync(BillingrailsMapping.toBillingrails(params)),
                page -> page.map(p -> BillingrailsMapping.toPayment(p, null))));
  }

  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "BillingrailsClient{baseUrl=" + baseUrl() + "}";
  }

  /** Builds a {@link BillingrailsClient}. Not thread-safe. */
  public static final class Builder extends ClientBuilder<Builder, BillingrailsClient> {
    private BillingrailsEnvironment environment = BillingrailsEnvironment.PRODUCTION;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The environment; {@link BillingrailsEnvironment#PRODUCTION} by default. An explicit {@link
     * #baseUrl(String)} wins.
     */
    public Builder environment(BillingrailsEnvironment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalArgumentException if no API key is set or in {@code BILLINGRAILS_API_KEY}, or
     *     the base URL is unusable or plain http to a non-loopback host; the message never contains
     *     the key
     */
    @Override
    public BillingrailsClient build() {
      ClientOptions options = clientOptions();
      return new BillingrailsClient(
          new HttpTransport(
              VENDOR,
              VendorSupport.baseUrl(options, environment.baseUrl()),
              VendorSupport.apiKey(options, VENDOR, API_KEY_ENV),
              options,
              BillingrailsErrorParser.INSTANCE));
    }
  }
}
