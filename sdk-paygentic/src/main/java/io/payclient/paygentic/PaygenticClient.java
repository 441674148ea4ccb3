package io.payclient.paygentic;

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
import io.payclient.core.internal.Secrets;
import io.payclient.core.internal.VendorSupport;
import io.payclient.paygentic.internal.PaygenticErrorParser;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The Paygentic client: typed operations through {@link #payments()}, and the vendor-neutral {@link
 * PaymentsClient} API. Immutable and thread-safe; build one per API key and share it.
 *
 * <pre>{@code
 * try (PaygenticClient paygentic = PaygenticClient.builder()
 *     .apiKey(System.getenv("PAYGENTIC_API_KEY"))   // or leave unset: PAYGENTIC_API_KEY is read
 *     .environment(PaygenticEnvironment.SANDBOX)     // sk_test_ keys; PRODUCTION for sk_live_
 *     .merchantId("org_123")                         // when the key spans several merchants
 *     .build()) {
 *   PaygenticPayment payment = paygentic.payments().create(PaygenticPaymentCreateRequest.builder()
 *       .amount(Money.of("10.50", "USD"))
 *       .reference("Order #12345")
 *       .expiresIn(Duration.ofDays(7))
 *       .build());
 *   URI payHere = payment.paymentUrl();
 * }
 * }</pre>
 *
 * <p>Every create carries an idempotency key and is retried safely: see {@link PaygenticPayments}.
 */
public final class PaygenticClient implements PaymentsClient {
  /** The vendor name, {@code "paygentic"}. */
  public static final String VENDOR = "paygentic";

  /** The environment variable read when no API key is set: {@code PAYGENTIC_API_KEY}. */
  public static final String API_KEY_ENV = "PAYGENTIC_API_KEY";

  private final HttpTransport transport;
  private final @Nullable PaygenticWebhooks webhooks;
  private final @Nullable String merchantId;
  private final PaygenticPayments payments;
  private final NeutralClient<
          PaygenticPaymentCreateRequest,
          PaygenticPayment,
          PaygenticPayment,
          PaygenticPaymentListParams>
      neutral;

  private PaygenticClient(
      HttpTransport transport, @Nullable String merchantId, @Nullable PaygenticWebhooks webhooks) {
    this.transport = transport;
    this.webhooks = webhooks;
    this.merchantId = merchantId;
    this.payments = new PaygenticPayments(transport, merchantId);
    this.neutral = new NeutralClient<>(new PaygenticNeutral(payments), transport.listener());
  }

  /** Returns a builder; defaults: {@link PaygenticEnvironment#PRODUCTION}, key from the env. */
  public static Builder builder() {
    return new Builder();
  }

  /** Paygentic's payment operations, typed. */
  public PaygenticPayments payments() {
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
  public PaygenticWebhooks webhooks() {
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

  /** The merchant id sent with creates that set none, if one was configured. */
  public Optional<String> merchantId() {
    return Optional.ofNullable(merchantId);
  }

  @Override
  public String vendor() {
    return VENDOR;
  }

  /**
   * Creates a payment from a neutral request: {@code amount} is required (its currency is sent as
   * {@code currency}); {@code customerId}, {@code reference}, {@code metadata} and the idempotency
   * key are sent as they are; {@code target} and {@code paidAt} are refused (a Paygentic payment is
   * a new one-off charge). {@link Payment#replayed()} says whether Paygentic returned an existing
   * payment for the idempotency key.
   *
   * @throws io.payclient.core.RequestValidationException before any I/O, naming each field
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
   * Lists Paygentic payments as neutral payments: {@code customerId}, {@code status} and {@code
   * pageSize} apply (the client's default merchant too); a {@code target} is refused.
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
    return "PaygenticClient{baseUrl=" + baseUrl() + ", merchantId=" + merchantId + "}";
  }

  /** Builds a {@link PaygenticClient}. */
  public static final class Builder extends ClientBuilder<Builder, PaygenticClient> {
    private PaygenticEnvironment environment = PaygenticEnvironment.PRODUCTION;
    private @Nullable String merchantId;

    private @Nullable String webhookSecret;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The environment; {@link PaygenticEnvironment#PRODUCTION} by default. An explicit {@link
     * #baseUrl(String)} wins.
     */
    public Builder environment(PaygenticEnvironment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * The merchant id sent as {@code merchantId} with every create that sets none; needed when the
     * key is not scoped to a single merchant.
     */
    public Builder merchantId(@Nullable String merchantId) {
      this.merchantId = merchantId;
      return this;
    }

    /**
     * The webhook signing secret: the endpoint's signing secret, {@code whsec_…} (Paygentic
     * delivers through Svix). With it, {@link PaygenticClient#webhooks()} verifies this vendor's
     * webhooks. It is a secret like the API key: never printed.
     *
     * @throws IllegalArgumentException (at {@link #build()}) if it is not a usable secret
     */
    public Builder webhookSecret(String secret) {
      this.webhookSecret = Objects.requireNonNull(secret, "webhookSecret");
      return this;
    }

    /**
     * Builds the client. Nothing is sent.
     *
     * @throws IllegalArgumentException if no API key is set or in {@code PAYGENTIC_API_KEY}; the
     *     base URL is unusable or plain http to a non-loopback host; a {@code sk_test_} key is used
     *     with the production host or a {@code sk_live_} key with the sandbox host (the message
     *     names the host the key belongs to, never the key); or the merchant id is blank
     */
    @Override
    public PaygenticClient build() {
      ClientOptions options = clientOptions();
      String apiKey = VendorSupport.apiKey(options, VENDOR, API_KEY_ENV);
      HttpUrl baseUrl = VendorSupport.baseUrl(options, environment.baseUrl());
      checkKeyMatchesHost(apiKey, baseUrl.host());
      if (merchantId != null && (merchantId.isBlank() || Secrets.hasControlCharacter(merchantId))) {
        throw new IllegalArgumentException(
            "merchantId must be non-blank without control characters");
      }
      PaygenticWebhooks webhooks =
          webhookSecret == null
              ? null
              : PaygenticWebhooks.builder()
                  .secret(webhookSecret)
                  .listener(options.listener())
                  .build();
      return new PaygenticClient(
          new HttpTransport(VENDOR, baseUrl, apiKey, options, PaygenticErrorParser.INSTANCE),
          merchantId,
          webhooks);
    }

    /** Fails fast instead of a confusing 401: each key works on one official host only. */
    private static void checkKeyMatchesHost(String apiKey, String host) {
      PaygenticEnvironment target = PaygenticEnvironment.forHost(host).orElse(null);
      PaygenticEnvironment keyFor = PaygenticEnvironment.forKey(apiKey).orElse(null);
      if (target == null || keyFor == null || target == keyFor) {
        return; // a fake, a proxy or a key of another shape: nothing to compare
      }
      throw new IllegalArgumentException(
          "This Paygentic API key is a "
              + keyFor.keyPrefix()
              + " key: it belongs to the "
              + keyFor.name().toLowerCase(java.util.Locale.ROOT)
              + " host "
              + keyFor.host()
              + ", not "
              + target.host()
              + ". Use environment(PaygenticEnvironment."
              + keyFor.name()
              + ") or a "
              + target.keyPrefix()
              + " key (the key was not shown)");
    }
  }
}
