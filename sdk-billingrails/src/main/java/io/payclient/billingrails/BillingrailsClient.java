package io.payclient.billingrails;

import io.payclient.billingrails.internal.BillingrailsErrorParser;
import io.payclient.core.ClientBuilder;
import io.payclient.core.ClientOptions;
import io.payclient.core.Page;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentsClient;
import io.payclient.core.RequestOptions;
import io.payclient.core.internal.HttpTransport;
import io.payclient.core.internal.NeutralClient;
import io.payclient.core.internal.VendorSupport;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

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
  private final @Nullable BillingrailsWebhooks webhooks;
  private final BillingrailsPayments payments;
  private final NeutralClient<
          BillingrailsPaymentCreateRequest,
          BillingrailsPayments.Created,
          BillingrailsPayment,
          BillingrailsPaymentListParams>
      neutral;

  private BillingrailsClient(HttpTransport transport, @Nullable BillingrailsWebhooks webhooks) {
    this.transport = transport;
    this.webhooks = webhooks;
    this.payments = new BillingrailsPayments(transport);
    this.neutral = new NeutralClient<>(new BillingrailsNeutral(payments), transport.listener());
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

  /**
   * The verifier of this vendor's webhooks, built from {@link Builder#webhookSecret(String)}.
   *
   * <pre>{@code
   * WebhookEvent event = client.webhooks().verify(body, request::getHeader);
   * }</pre>
   *
   * @throws IllegalStateException if the client was built without a webhook secret
   */
  public BillingrailsWebhooks webhooks() {
    if (webhooks == null) {
      throw new IllegalStateException(
          "No webhook secret was configured: build the client with webhookSecret(...)");
    }
    return webhooks;
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
    return neutral.create(request, options);
  }

  @Override
  public CompletableFuture<Payment> createAsync(
      PaymentCreateRequest request, RequestOptions options) {
    return neutral.createAsync(request, options);
  }

  @Override
  public Payment retrieve(String paymentId) {
    return neutral.retrieve(paymentId);
  }

  @Override
  public CompletableFuture<Payment> retrieveAsync(String paymentId) {
    return neutral.retrieveAsync(paymentId);
  }

  /**
   * Lists Billingrails payments as neutral payments. Only {@code pageSize} applies: a customer,
   * target or status filter is refused (Billingrails' list has none).
   */
  @Override
  public Page<Payment> list(PaymentListParams params) {
    return neutral.list(params);
  }

  @Override
  public CompletableFuture<Page<Payment>> listAsync(PaymentListParams params) {
    return neutral.listAsync(params);
  }

  /** {@inheritDoc} Each poll is also told to the client's listener ({@code waiterPolled}). */
  @Override
  public CompletableFuture<Payment> awaitTerminalAsync(
      String paymentId, Duration timeout, Duration firstInterval) {
    return neutral.awaitTerminalAsync(this, paymentId, timeout, firstInterval);
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

    private @Nullable String webhookSecret;

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
     * The webhook signing secret: the endpoint's signing secret (Billingrails → Webhooks); webhooks
     * signed with it carry {@code x-billingrails-signature}. With it, {@link
     * BillingrailsClient#webhooks()} verifies this vendor's webhooks. It is a secret like the API
     * key: never printed.
     *
     * @throws IllegalArgumentException (at {@link #build()}) if it is not a usable secret
     */
    public Builder webhookSecret(String secret) {
      this.webhookSecret = Objects.requireNonNull(secret, "webhookSecret");
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
      BillingrailsWebhooks webhooks =
          webhookSecret == null
              ? null
              : BillingrailsWebhooks.builder()
                  .secret(webhookSecret)
                  .listener(options.listener())
                  .build();
      return new BillingrailsClient(
          new HttpTransport(
              VENDOR,
              VendorSupport.baseUrl(options, environment.baseUrl()),
              VendorSupport.apiKey(options, VENDOR, API_KEY_ENV),
              options,
              BillingrailsErrorParser.INSTANCE),
          webhooks);
    }
  }
}
