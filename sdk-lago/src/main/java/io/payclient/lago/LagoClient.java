package io.payclient.lago;

import io.payclient.core.ClientBuilder;
import io.payclient.core.ClientOptions;
import io.payclient.core.NotFoundException;
import io.payclient.core.Page;
import io.payclient.core.PayClientException;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentsClient;
import io.payclient.core.RequestOptions;
import io.payclient.core.WebhookVerificationException.Reason;
import io.payclient.core.internal.ApiCall;
import io.payclient.core.internal.CoreAccess;
import io.payclient.core.internal.HttpTransport;
import io.payclient.core.internal.NeutralClient;
import io.payclient.core.internal.VendorSupport;
import io.payclient.lago.internal.LagoErrorParser;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The Lago client: typed operations through {@link #payments()}, and the vendor-neutral {@link
 * PaymentsClient} API. Immutable and thread-safe; build one per API key and share it.
 *
 * <pre>{@code
 * try (LagoClient lago = LagoClient.builder()
 *     .apiKey(System.getenv("LAGO_API_KEY"))   // or leave unset: LAGO_API_KEY is read
 *     .region(LagoRegion.EU)
 *     .build()) {
 *   LagoPayment payment = lago.payments().create(LagoPaymentCreateRequest.builder()
 *       .invoiceId("486b147a-02a1-4ccf-8603-f3541fc25e7a")
 *       .amount(Money.of("10.99", "USD"))
 *       .reference("order-1042")
 *       .build());
 * }
 * }</pre>
 *
 * <p>Lago has no idempotency, so the {@code reference} of a payment is its de-duplication key: see
 * {@link LagoPayments}.
 */
public final class LagoClient implements PaymentsClient {
  /** The vendor name, {@code "lago"}. */
  public static final String VENDOR = "lago";

  /** The environment variable read when no API key is set: {@code LAGO_API_KEY}. */
  public static final String API_KEY_ENV = "LAGO_API_KEY";

  private final HttpTransport transport;
  private final LagoPayments payments;
  private final NeutralClient<
          LagoPaymentCreateRequest, LagoPayments.Created, LagoPayment, LagoPaymentListParams>
      neutral;
  private final LagoPaymentRequests paymentRequests;
  private final LagoWebhooks webhooks;

  private LagoClient(HttpTransport transport, byte @Nullable [] webhookHmacKey) {
    this.transport = transport;
    this.payments = new LagoPayments(transport);
    this.neutral = new NeutralClient<>(new LagoNeutral(payments), transport.listener());
    this.paymentRequests = new LagoPaymentRequests(transport);
    this.webhooks =
        LagoWebhooks.fetching(
            issuer(transport.baseUrl()),
            this::fetchWebhookKey,
            webhookHmacKey,
            transport.listener());
  }

  /** Returns a builder; defaults: {@link LagoRegion#US}, key from {@code LAGO_API_KEY}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Lago's payment operations, typed. */
  public LagoPayments payments() {
    return payments;
  }

  /** Lago's payment requests (dunning), typed. */
  public LagoPaymentRequests paymentRequests() {
    return paymentRequests;
  }

  /**
   * A verifier for this instance's webhooks. For {@code jwt}-signed endpoints (Lago's default) it
   * fetches the instance's public key on first use ({@code GET /webhooks/json_public_key} through
   * this client, with its retries; an instance that does not know that path — HTTP 404 — is asked
   * at the deprecated {@code GET /webhooks/public_key}, which answers the same key as plain text),
   * caches it, and fetches it again (at most once a minute) when a signature fails, in case the key
   * was rotated. The JWT's {@code iss} must be this client's base URL without {@code /api/v1}.
   * Endpoints set to {@code hmac} are verified when the client was built with {@link
   * Builder#webhookSecret(String)}; otherwise such a webhook is refused as {@code
   * UNSUPPORTED_ALGORITHM}.
   *
   * <pre>{@code
   * LagoWebhookEvent event = lago.webhooks().verifyEvent(body, request::getHeader);
   * }</pre>
   *
   * <p>A key that cannot be fetched makes {@code verify} throw a {@link
   * io.payclient.core.WebhookVerificationException} with reason {@code KEY_UNAVAILABLE}, whose
   * cause is the client's exception.
   */
  public LagoWebhooks webhooks() {
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
   * Creates a payment from a neutral request: the target must be an invoice and the amount is
   * required; {@code customerId}, {@code metadata} and idempotency keys are refused (Lago's create
   * cannot express them).
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
   * Lists Lago payments as neutral payments: {@code customerId} and an invoice {@code target} are
   * applied; a {@code status} filter is refused (Lago cannot filter by it).
   */
  @Override
  public Page<Payment> list(PaymentListParams params) {
    return neutral.list(params);
  }

  @Override
  public CompletableFuture<Page<Payment>> listAsync(PaymentListParams params) {
    return neutral.listAsync(params);
  }

  private java.security.PublicKey fetchWebhookKey() {
    String text;
    try {
      try {
        text =
            transport.execute(
                ApiCall.get((status, r) -> LagoWebhooks.readPublicKeyResponse(r))
                    .path("webhooks", "json_public_key")
                    .operation("webhooks.public_key")
                    .build());
      } catch (NotFoundException e) {
        // An instance older than json_public_key: the deprecated path answers plain text.
        text =
            transport.execute(
                ApiCall.getText(String::trim)
                    .path("webhooks", "public_key")
                    .operation("webhooks.public_key")
                    .build());
      }
    } catch (PayClientException e) {
      throw CoreAccess.get()
          .webhookRefused(
              VENDOR, Reason.KEY_UNAVAILABLE, "the webhook public key could not be fetched", e);
    }
    try {
      return LagoWebhooks.publicKey(text);
    } catch (IllegalArgumentException e) {
      throw CoreAccess.get()
          .webhookRefused(
              VENDOR, Reason.KEY_UNAVAILABLE, "Lago answered with no usable RSA public key", null);
    }
  }

  /** The JWT issuer: the API URL without {@code /api/v1}. */
  static String issuer(HttpUrl baseUrl) {
    String url = baseUrl.toString();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url.endsWith("/api/v1") ? url.substring(0, url.length() - "/api/v1".length()) : url;
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
    return "LagoClient{baseUrl=" + baseUrl() + "}";
  }

  /** Builds a {@link LagoClient}. */
  public static final class Builder extends ClientBuilder<Builder, LagoClient> {
    private LagoRegion region = LagoRegion.US;
    private @Nullable String selfHosted;
    private byte @Nullable [] webhookHmacKey;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** The Lago Cloud cluster; {@link LagoRegion#US} by default. */
    public Builder region(LagoRegion region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * A self-hosted Lago at this host: {@code https://lago.example.com} gives the base URL {@code
     * https://lago.example.com/api/v1}. An explicit {@link #baseUrl(String)} wins.
     */
    public Builder selfHosted(String hostUrl) {
      String h = Objects.requireNonNull(hostUrl, "hostUrl").trim();
      while (h.endsWith("/")) {
        h = h.substring(0, h.length() - 1);
      }
      this.selfHosted = h + "/api/v1";
      return this;
    }

    /**
     * The organisation's HMAC key, so that {@link LagoClient#webhooks()} also verifies webhooks of
     * endpoints set to {@code hmac} (Developers → Webhooks, "HMAC signature token"; it is not the
     * API key). Not needed for {@code jwt} endpoints, Lago's default.
     *
     * @throws IllegalArgumentException if it is empty
     */
    public Builder webhookSecret(String hmacKey) {
      this.webhookHmacKey = LagoWebhooks.hmacKeyBytes(hmacKey);
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalArgumentException if no API key is set or in {@code LAGO_API_KEY}, or the base
     *     URL is unusable or plain http to a non-loopback host
     */
    @Override
    public LagoClient build() {
      ClientOptions options = clientOptions();
      String defaultUrl = selfHosted != null ? selfHosted : region.baseUrl();
      return new LagoClient(
          new HttpTransport(
              VENDOR,
              VendorSupport.baseUrl(options, defaultUrl),
              VendorSupport.apiKey(options, VENDOR, API_KEY_ENV),
              options,
              LagoErrorParser.INSTANCE),
          webhookHmacKey);
    }
  }
}
