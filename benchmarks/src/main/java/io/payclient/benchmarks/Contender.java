package io.payclient.benchmarks;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsEnvironment;
import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.core.Money;
import io.payclient.core.PaymentsListener;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticEnvironment;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * One client under test: it builds its typed create request (with whatever validation the client
 * does) and creates one payment on a canned transport. The same realistic request per vendor is
 * used everywhere (the JMH benchmarks and the smoke check).
 *
 * <p>The loopback harness ({@code io.payclient.benchmarks.loopback}) builds the same contenders,
 * with the same requests, against a real server: {@link #at}, {@link #call}, {@link #callAsync} and
 * {@link #capture}.
 */
public abstract class Contender implements AutoCloseable {
  /** Loopback, so the SDK's plain-http check passes; the canned interceptor never connects. */
  static final String BASE_URL = "http://127.0.0.1:9";

  static final String[] NAMES = {"lago", "billingrails", "paygentic", "stripe"};

  /** The canned transport, or null for a contender built {@link #at} a real server. */
  final Canned.CannedClient canned;

  Contender(Canned.CannedClient canned) {
    this.canned = canned;
  }

  /**
   * The contender {@code name} (one of {@link #NAMES}), sending its usual request to a real server
   * at {@code baseUrl}. The SDK clients derive their OkHttp client from {@code http} (sharing its
   * pool and dispatcher, as {@code okHttpClient(...)} does for any caller); stripe-java ignores
   * {@code http} and uses its default transport, {@code HttpURLConnection}.
   */
  public static Contender at(String name, String baseUrl, OkHttpClient http) {
    return switch (name) {
      case "lago" -> new Lago(null, baseUrl, http);
      case "billingrails" -> new Billingrails(null, baseUrl, http);
      case "paygentic" -> new Paygentic(null, baseUrl, http);
      case "stripe" -> new Stripe(null, baseUrl);
      default -> throw new IllegalArgumentException("unknown contender " + name);
    };
  }

  /**
   * As {@link #at}, for {@code billingrails} or {@code paygentic}, with the same idempotency key
   * given on every request, so the client generates none: beside the usual contender, it isolates
   * what generating the key costs.
   */
  public static Contender withKeyGiven(String name, String baseUrl, OkHttpClient http) {
    return switch (name) {
      case "billingrails" -> new Billingrails(null, baseUrl, http).keyGiven(GIVEN_KEY);
      case "paygentic" -> new Paygentic(null, baseUrl, http).keyGiven(GIVEN_KEY);
      default -> throw new IllegalArgumentException(name + " takes no idempotency key");
    };
  }

  /**
   * What an application writes instead of PayClient for {@code vendor}'s create (OkHttp and Jackson
   * databind, {@link JacksonIntegration}), sending to a real server at {@code baseUrl}.
   */
  public static Contender handWritten(String vendor, String baseUrl, OkHttpClient http) {
    return JacksonIntegration.onServer(vendor, baseUrl, http);
  }

  /** The id of a payment a {@link #handWritten} contender read, or null if it is none of theirs. */
  public static @Nullable String handWrittenPaymentId(Object payment) {
    return JacksonIntegration.paymentId(payment);
  }

  /** The key {@link #withKeyGiven} contenders send (a server on loopback keeps no keys). */
  static final String GIVEN_KEY = "6f1d3c2a-8b7e-4d5f-9a0b-1c2d3e4f5a6b";

  /**
   * The request contender {@code name} sends for one create (URL on the canned base URL {@link
   * #BASE_URL}, headers as the client set them, body bytes), captured once on the canned transport
   * as {@link CreateBenchmark#floor} does, so raw OkHttp can post the very same bytes.
   */
  public static Request capture(String name) throws Exception {
    try (Contender c = of(name)) {
      Canned.Sent sent = c.canned.capture(c::create);
      return new Request.Builder()
          .url(sent.url())
          .headers(sent.headers())
          .post(RequestBody.create(sent.body(), sent.type()))
          .build();
    }
  }

  /** Builds the request and creates one payment; returns the typed payment. */
  public final Object call() throws Exception {
    return create();
  }

  /**
   * Builds the request and creates one payment without blocking (the SDK's {@code createAsync}).
   *
   * @throws UnsupportedOperationException for stripe-java, which has no async API
   */
  public final CompletableFuture<?> callAsync() {
    return createAsync();
  }

  /** Whether {@link #callAsync} is supported. */
  public boolean hasAsync() {
    return true;
  }

  /** The typed create without blocking; see {@link #callAsync}. */
  abstract CompletableFuture<?> createAsync();

  /** Builds (and validates, where the client validates) the typed create request. */
  abstract Object build();

  /** Builds the request and creates the payment: what a caller does per payment. */
  abstract Object create() throws Exception;

  @Override
  public abstract void close();

  /** The typed create request contender {@code name} sends, built (and checked) once. */
  public static Object request(String name) {
    try (Contender c = of(name)) {
      return c.build();
    }
  }

  static Contender of(String name) {
    return switch (name) {
      case "lago" -> new Lago();
      case "billingrails" -> new Billingrails();
      case "paygentic" -> new Paygentic();
      case "stripe" -> new Stripe();
      default -> throw new IllegalArgumentException("unknown contender " + name);
    };
  }

  /**
   * The SDK contender {@code name} (lago, billingrails or paygentic) on the canned transport, its
   * client built with {@code listener(listener)}; exactly {@link #of} (no {@code listener(...)}
   * call at all) when {@code listener} is null.
   */
  static Contender instrumented(String name, @Nullable PaymentsListener listener) {
    return switch (name) {
      case "lago" ->
          new Lago(
              Canned.client(200, Canned.resource("lago-payment.json")), BASE_URL, null, listener);
      case "billingrails" ->
          new Billingrails(
              Canned.client(201, Canned.resource("billingrails-payment.json")),
              BASE_URL,
              null,
              listener);
      case "paygentic" ->
          new Paygentic(
              Canned.client(201, Canned.resource("paygentic-payment.json")),
              BASE_URL,
              null,
              listener);
      default -> throw new IllegalArgumentException("not an SDK contender: " + name);
    };
  }

  static final class Lago extends Contender {
    private final LagoClient client;

    Lago() {
      this(Canned.client(200, Canned.resource("lago-payment.json")), BASE_URL, null);
    }

    Lago(Canned.CannedClient canned, String baseUrl, OkHttpClient http) {
      this(canned, baseUrl, http, null);
    }

    Lago(
        Canned.CannedClient canned,
        String baseUrl,
        OkHttpClient http,
        @Nullable PaymentsListener listener) {
      super(canned);
      var b =
          LagoClient.builder()
              .apiKey("lago_bench_key")
              .baseUrl(baseUrl)
              .okHttpClient(canned != null ? canned.http() : http);
      if (listener != null) {
        b.listener(listener);
      }
      client = b.build();
    }

    @Override
    LagoPaymentCreateRequest build() {
      return LagoPaymentCreateRequest.builder()
          .invoiceId("486b147a-02a1-4ccf-8603-f3541fc25e7a")
          .amount(Money.of("10.99", "USD"))
          .reference("order-1042")
          .paidAt(LocalDate.of(2025, 2, 20))
          .build();
    }

    @Override
    LagoPayment create() {
      return client.payments().create(build());
    }

    @Override
    CompletableFuture<LagoPayment> createAsync() {
      return client.payments().createAsync(build());
    }

    @Override
    public void close() {
      client.close();
    }
  }

  static final class Billingrails extends Contender {
    private final BillingrailsClient client;
    private @Nullable String givenKey; // null: the SDK generates one per create

    Billingrails keyGiven(String key) {
      this.givenKey = key;
      return this;
    }

    Billingrails() {
      this(Canned.client(201, Canned.resource("billingrails-payment.json")), BASE_URL, null);
    }

    Billingrails(Canned.CannedClient canned, String baseUrl, OkHttpClient http) {
      this(canned, baseUrl, http, null);
    }

    Billingrails(
        Canned.CannedClient canned,
        String baseUrl,
        OkHttpClient http,
        @Nullable PaymentsListener listener) {
      super(canned);
      var b =
          BillingrailsClient.builder()
              .apiKey("br_bench_key")
              .environment(BillingrailsEnvironment.SANDBOX)
              .baseUrl(baseUrl)
              .okHttpClient(canned != null ? canned.http() : http);
      if (listener != null) {
        b.listener(listener);
      }
      client = b.build();
    }

    @Override
    BillingrailsPaymentCreateRequest build() {
      return BillingrailsPaymentCreateRequest.builder()
          .accountId("acc_IhMUl3rrZ3")
          .invoiceId("inv_IhMUl3rrZ3")
          .referenceId("PAY-REF-001")
          .idempotencyKey(givenKey)
          .build();
    }

    @Override
    BillingrailsPayment create() {
      // unless keyGiven: no idempotency key given, the SDK generates one per call (normal use)
      return client.payments().create(build());
    }

    @Override
    CompletableFuture<BillingrailsPayment> createAsync() {
      return client.payments().createAsync(build());
    }

    @Override
    public void close() {
      client.close();
    }
  }

  static final class Paygentic extends Contender {
    private static final URI SUCCESS = URI.create("https://example.com/success");
    private final PaygenticClient client;
    private @Nullable String givenKey; // null: the SDK generates one per create

    Paygentic keyGiven(String key) {
      this.givenKey = key;
      return this;
    }

    Paygentic() {
      this(Canned.client(201, Canned.resource("paygentic-payment.json")), BASE_URL, null);
    }

    Paygentic(Canned.CannedClient canned, String baseUrl, OkHttpClient http) {
      this(canned, baseUrl, http, null);
    }

    Paygentic(
        Canned.CannedClient canned,
        String baseUrl,
        OkHttpClient http,
        @Nullable PaymentsListener listener) {
      super(canned);
      var b =
          PaygenticClient.builder()
              .apiKey("sk_test_bench_key")
              .environment(PaygenticEnvironment.SANDBOX)
              .baseUrl(baseUrl)
              .okHttpClient(canned != null ? canned.http() : http);
      if (listener != null) {
        b.listener(listener);
      }
      client = b.build();
    }

    @Override
    PaygenticPaymentCreateRequest build() {
      return PaygenticPaymentCreateRequest.builder()
          .amount(Money.of("10.50", "USD"))
          .reference("Order #12345")
          .putMetadata("orderId", "order_12345")
          .successRedirectUrl(SUCCESS)
          .expiresIn(Duration.ofDays(7))
          .idempotencyKey(givenKey)
          .build();
    }

    @Override
    PaygenticPayment create() {
      return client.payments().create(build());
    }

    @Override
    CompletableFuture<PaygenticPayment> createAsync() {
      return client.payments().createAsync(build());
    }

    @Override
    public void close() {
      client.close();
    }
  }

  static final class Stripe extends Contender {
    private final StripeClient client;

    Stripe() {
      this(Canned.client(200, Canned.resource("stripe-payment-intent.json")), BASE_URL);
    }

    /** On the canned transport, or (canned null) on stripe-java's default HttpURLConnection. */
    Stripe(Canned.CannedClient canned, String baseUrl) {
      super(canned);
      StripeClient.StripeClientBuilder b =
          StripeClient.builder().setApiKey("sk_test_bench_key").setApiBase(baseUrl);
      if (canned != null) {
        b.setHttpClient(new StripeOkHttpClient(canned.http()));
      }
      client = b.build();
    }

    @Override
    PaymentIntentCreateParams build() {
      return PaymentIntentCreateParams.builder()
          .setAmount(1099L)
          .setCurrency("usd")
          .setCustomer("cus_NffrFeUfNV2Hib")
          .setDescription("order-1042")
          .putMetadata("order_id", "order-1042")
          .setAutomaticPaymentMethods(
              PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
          .build();
    }

    @Override
    PaymentIntent create() throws StripeException {
      return client.v1().paymentIntents().create(build());
    }

    @Override
    CompletableFuture<?> createAsync() {
      throw new UnsupportedOperationException("stripe-java has no async API");
    }

    @Override
    public boolean hasAsync() {
      return false;
    }

    @Override
    public void close() {}
  }

  /** The OkHttp client of the canned transport. */
  OkHttpClient http() {
    return canned.http();
  }
}
