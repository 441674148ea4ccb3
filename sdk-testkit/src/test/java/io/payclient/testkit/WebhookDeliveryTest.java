package io.payclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.billingrails.BillingrailsPaymentMode;
import io.payclient.billingrails.BillingrailsWebhooks;
import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import io.payclient.core.WebhookEvent;
import io.payclient.core.WebhookVerificationException;
import io.payclient.core.WebhookVerifier;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPaymentRequestCreateRequest;
import io.payclient.lago.LagoWebhookEvent;
import io.payclient.lago.LagoWebhooks;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import io.payclient.paygentic.PaygenticWebhooks;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fakes deliver signed webhooks as the vendors do: each delivery is checked by the SDK's own
 * verifier, and the retry behaviour (attempts, back-off, close) is the same engine for all three.
 */
class WebhookDeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  private <T extends AutoCloseable> T closed(T c) {
    closing.add(c);
    return c;
  }

  private WebhookReceiver receiver() {
    return closed(new WebhookReceiver());
  }

  // ---- one case per vendor: start a fake, make a payment change, verify with the SDK ----

  /** A vendor: its fake, how to make one payment change, and the SDK's verifier for it. */
  private record Vendor(
      String name,
      Function<WebhookDeliveryTest, FakeServer> start,
      Function<FakeServer, String> change,
      Function<FakeServer, WebhookVerifier> verifier,
      String dedupHeader,
      int attempts) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Vendor> vendors() {
    return Stream.of(
        new Vendor(
            "lago",
            t -> t.closed(FakeLago.start()),
            f -> {
              FakeLago lago = (FakeLago) f;
              String id = lagoPaymentRequest(lago);
              lago.updatePaymentRequestStatus(id, "succeeded");
              return id;
            },
            f ->
                LagoWebhooks.builder()
                    .publicKey(((FakeLago) f).webhookPublicKeyPem())
                    .issuer(((FakeLago) f).webhookIssuer())
                    .build(),
            "X-Lago-Unique-Key",
            3),
        new Vendor(
            "billingrails",
            t -> t.closed(FakeBillingrails.start()),
            f -> {
              FakeBillingrails br = (FakeBillingrails) f;
              String id = billingrailsPayment(br);
              br.succeedPayment(id);
              return id;
            },
            f ->
                BillingrailsWebhooks.builder()
                    .secret(((FakeBillingrails) f).webhookSecret())
                    .build(),
            "x-billingrails-signature",
            4),
        new Vendor(
            "paygentic",
            t -> t.closed(FakePaygentic.start()),
            f -> {
              FakePaygentic pg = (FakePaygentic) f;
              String id = paygenticPayment(pg);
              pg.completePayment(id);
              return id;
            },
            f -> PaygenticWebhooks.builder().secret(((FakePaygentic) f).webhookSecret()).build(),
            "svix-id",
            8));
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aChangeIsDeliveredSignedAndTheSdkVerifiesIt(Vendor vendor) throws Exception {
    FakeServer fake = vendor.start().apply(this);
    WebhookReceiver receiver = receiver();
    fake.registerWebhookEndpoint(receiver.uri());
    String id = vendor.change().apply(fake);

    WebhookAttempt a = fake.awaitDeliveries(1, WAIT).get(0);
    assertThat(a.attempt()).isEqualTo(1);
    assertThat(a.statusCode()).hasValue(200);
    assertThat(a.succeeded()).isTrue();
    assertThat(a.url()).isEqualTo(receiver.uri());
    RecordedRequest got = receiver.take(5_000);
    assertThat(got).isNotNull();
    assertThat(got.getMethod()).isEqualTo("POST");
    assertThat(got.getBody().toByteArray()).isEqualTo(a.body());
    assertThat(got.getHeaders().get("Content-Type")).isEqualTo("application/json");

    WebhookEvent event = vendor.verifier().apply(fake).verify(a.body(), got.getHeaders()::get);
    assertThat(event.vendor()).isEqualTo(vendor.name());
    assertThat(event.payment()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(id));
    assertThat(event.payment().orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(a.toString()).doesNotContain(a.header(vendor.dedupHeader()));
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void oneByteChangedIsRefused(Vendor vendor) {
    FakeServer fake = vendor.start().apply(this);
    fake.registerWebhookEndpoint(receiver().uri());
    vendor.change().apply(fake);
    WebhookAttempt a = fake.awaitDeliveries(1, WAIT).get(0);
    byte[] tampered = a.body();
    tampered[tampered.length / 2] ^= 1;
    assertThatThrownBy(() -> vendor.verifier().apply(fake).verify(tampered, a::header))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e ->
                assertThat(e.reason())
                    .isIn(
                        WebhookVerificationException.Reason.BAD_SIGNATURE,
                        WebhookVerificationException.Reason.BODY_MISMATCH));
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aFailedAttemptIsRetriedWithTheSameIdUntilA2xx(Vendor vendor) {
    FakeServer fake = vendor.start().apply(this);
    fake.webhookRetryBackoff(Duration.ofMillis(5));
    WebhookReceiver receiver = receiver().thenAnswer(500, 503);
    fake.registerWebhookEndpoint(receiver.uri());
    vendor.change().apply(fake);

    List<WebhookAttempt> attempts = fake.awaitWebhooksIdle(WAIT);
    assertThat(attempts).extracting(WebhookAttempt::attempt).containsExactly(1, 2, 3);
    assertThat(attempts).extracting(x -> x.statusCode().orElse(-1)).containsExactly(500, 503, 200);
    assertThat(attempts)
        .extracting(WebhookAttempt::bodyText)
        .containsOnly(attempts.get(0).bodyText());
    assertThat(attempts)
        .extracting(x -> x.header(vendor.dedupHeader()))
        .containsOnly(attempts.get(0).header(vendor.dedupHeader()));
    assertThat(receiver.requestCount()).isEqualTo(3);
    // every attempt verifies (a Svix attempt is signed at its own time)
    for (WebhookAttempt x : attempts) {
      assertThat(vendor.verifier().apply(fake).verify(x.body(), x::header).type()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void deliveryStopsAfterTheVendorsAttempts(Vendor vendor) {
    FakeServer fake = vendor.start().apply(this);
    fake.webhookRetryBackoff(Duration.ofMillis(1));
    WebhookReceiver receiver = receiver().always(500);
    fake.registerWebhookEndpoint(receiver.uri());
    vendor.change().apply(fake);

    assertThat(fake.webhookMaxAttempts()).isEqualTo(vendor.attempts());
    List<WebhookAttempt> attempts = fake.awaitWebhooksIdle(WAIT);
    assertThat(attempts).hasSize(vendor.attempts());
    assertThat(attempts).extracting(WebhookAttempt::succeeded).containsOnly(false);
    assertThat(attempts.get(attempts.size() - 1).attempt()).isEqualTo(vendor.attempts());
    assertThat(receiver.requestCount()).isEqualTo(vendor.attempts());
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aConnectionFailureIsRecordedAndRetried(Vendor vendor) throws Exception {
    FakeServer fake = vendor.start().apply(this);
    fake.webhookRetryBackoff(Duration.ZERO);
    URI nobody;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      nobody = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/hook");
    }
    fake.registerWebhookEndpoint(nobody);
    vendor.change().apply(fake);
    List<WebhookAttempt> attempts = fake.awaitWebhooksIdle(WAIT);
    assertThat(attempts).hasSize(vendor.attempts());
    assertThat(attempts.get(0).statusCode()).isEmpty();
    assertThat(attempts.get(0).failure())
        .hasValueSatisfying(f -> assertThat(f).contains("Connect"));
  }

  @Test
  void closeStopsDelivery() throws Exception {
    FakePaygentic fake = closed(FakePaygentic.start());
    fake.webhookRetryBackoff(Duration.ofMillis(300));
    WebhookReceiver receiver = receiver().always(500);
    fake.registerWebhookEndpoint(receiver.uri());
    fake.completePayment(paygenticPayment(fake));
    fake.awaitDeliveries(1, WAIT);
    fake.close();
    assertThat(receiver.take(5_000)).isNotNull(); // the first attempt
    assertThat(receiver.take(1_000)).isNull(); // the retry due after 300 ms never comes
    assertThat(fake.deliveries()).hasSize(1);
    assertThat(fake.awaitWebhooksIdle(Duration.ZERO)).hasSize(1);
  }

  @Test
  void everyEndpointGetsEachWebhookWithItsOwnLagoUniqueKey() {
    FakeLago lago = closed(FakeLago.start());
    WebhookReceiver one = receiver();
    WebhookReceiver two = receiver();
    lago.registerWebhookEndpoint(one.uri());
    lago.registerWebhookEndpoint(two.uri(), "hmac");
    lago.updatePaymentRequestStatus(lagoPaymentRequest(lago), "failed");
    List<WebhookAttempt> attempts = lago.awaitWebhooksIdle(WAIT);
    assertThat(attempts)
        .extracting(WebhookAttempt::url)
        .containsExactlyInAnyOrder(one.uri(), two.uri());
    assertThat(attempts.get(0).header("X-Lago-Unique-Key"))
        .isNotEqualTo(attempts.get(1).header("X-Lago-Unique-Key"));
    assertThat(attempts)
        .extracting(WebhookAttempt::bodyText)
        .containsOnly(attempts.get(0).bodyText());
  }

  @Test
  void paygenticEventsAndTheSdksRetrieve() {
    FakePaygentic fake = closed(FakePaygentic.start());
    fake.registerWebhookEndpoint(receiver().uri());
    PaygenticWebhooks webhooks = PaygenticWebhooks.builder().secret(fake.webhookSecret()).build();
    String paid = paygenticPayment(fake);
    String unpaid = paygenticPayment(fake);
    fake.completePayment(paid);
    fake.expirePayment(unpaid);
    List<WebhookAttempt> attempts = fake.awaitWebhooksIdle(WAIT);
    assertThat(attempts).hasSize(2);
    var completed = webhooks.verifyEvent(attempts.get(0).body(), attempts.get(0)::header);
    var expired = webhooks.verifyEvent(attempts.get(1).body(), attempts.get(1)::header);
    assertThat(completed.type()).isEqualTo("payment.completed.v0");
    assertThat(expired.type()).isEqualTo("payment.expired.v0");
    assertThat(completed.id()).startsWith("msg_");
    assertThat(completed.eventId()).hasValueSatisfying(e -> assertThat(e).startsWith("evt_"));
    assertThat(expired.toWebhookEvent().payment().orElseThrow().status())
        .isEqualTo(PaymentStatus.EXPIRED);
    assertThat(attempts.get(0).header("svix-signature")).startsWith("v1,");
    try (PaygenticClient client = paygenticClient(fake)) {
      assertThat(client.retrieve(paid).status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(client.retrieve(unpaid).status()).isEqualTo(PaymentStatus.EXPIRED);
    }
    assertThatThrownBy(() -> fake.completePayment(paid))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("completed");
    assertThatThrownBy(() -> fake.expirePayment("pay_nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void billingrailsEventsAndTheSdksRetrieve() {
    FakeBillingrails fake = closed(FakeBillingrails.start());
    fake.registerWebhookEndpoint(receiver().uri());
    BillingrailsWebhooks webhooks =
        BillingrailsWebhooks.builder().secret(fake.webhookSecret()).build();
    String ok = billingrailsPayment(fake);
    String ko = billingrailsPayment(fake);
    fake.succeedPayment(ok);
    fake.failPayment(ko);
    List<WebhookAttempt> attempts = fake.awaitWebhooksIdle(WAIT);
    assertThat(attempts).hasSize(2);
    var succeeded = webhooks.verifyEvent(attempts.get(0).body(), attempts.get(0)::header);
    var failed = webhooks.verifyEvent(attempts.get(1).body(), attempts.get(1)::header);
    assertThat(succeeded.type()).isEqualTo("payment.succeeded");
    assertThat(failed.type()).isEqualTo("payment.failed");
    assertThat(succeeded.eventId()).hasValueSatisfying(e -> assertThat(e).startsWith("evt_"));
    assertThat(failed.payment().orElseThrow().id()).isEqualTo(ko);
    assertThat(failed.toWebhookEvent().payment().orElseThrow().status())
        .isEqualTo(PaymentStatus.FAILED);
    try (BillingrailsClient client = billingrailsClient(fake)) {
      assertThat(client.retrieve(ok).status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(client.retrieve(ko).status()).isEqualTo(PaymentStatus.FAILED);
    }
    assertThatThrownBy(() -> fake.failPayment(ok)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> fake.succeedPayment("pay_nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lagoJwtThroughTheClientsWebhooksAndHmac() throws Exception {
    FakeLago fake = closed(FakeLago.start());
    fake.registerWebhookEndpoint(receiver().uri()); // jwt, the default
    fake.registerWebhookEndpoint(receiver().uri(), "hmac");
    String id = lagoPaymentRequest(fake);
    fake.updatePaymentRequestStatus(id, "succeeded");
    List<WebhookAttempt> attempts = fake.awaitWebhooksIdle(WAIT);
    assertThat(attempts).hasSize(2);
    WebhookAttempt jwt =
        attempts.stream()
            .filter(x -> "jwt".equals(x.header("X-Lago-Signature-Algorithm")))
            .findFirst()
            .orElseThrow();
    WebhookAttempt hmac =
        attempts.stream()
            .filter(x -> "hmac".equals(x.header("X-Lago-Signature-Algorithm")))
            .findFirst()
            .orElseThrow();

    try (LagoClient client = lagoClient(fake)) {
      LagoWebhookEvent event = client.webhooks().verifyEvent(jwt.body(), jwt::header);
      assertThat(event.type()).isEqualTo("payment_request.payment_status_updated");
      assertThat(event.id()).isEqualTo(jwt.header("X-Lago-Unique-Key"));
      assertThat(event.organizationId()).contains(fake.organizationId());
      assertThat(event.paymentRequest().orElseThrow().paymentStatus()).isEqualTo("succeeded");
      assertThat(event.paymentRequest().orElseThrow())
          .isEqualTo(client.paymentRequests().retrieve(id));
      assertThatThrownBy(() -> client.webhooks().verify(hmac.body(), hmac::header))
          .isInstanceOf(WebhookVerificationException.class); // it has no HMAC key
    }
    LagoWebhooks withHmac = LagoWebhooks.builder().hmacKey(fake.webhookHmacKey()).build();
    assertThat(
            withHmac.verifyEvent(hmac.body(), hmac::header).paymentRequest().orElseThrow().lagoId())
        .isEqualTo(id);
    assertThatThrownBy(() -> fake.updatePaymentRequestStatus("nope", "failed"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.registerWebhookEndpoint(URI.create("http://127.0.0.1/"), "none"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lagoServesItsPublicKeyAsLagoDoes() throws Exception {
    FakeLago fake = closed(FakeLago.start());
    OkHttpClient http = new OkHttpClient();
    try (Response json = get(http, fake, "/webhooks/json_public_key", true);
        Response text = get(http, fake, "/webhooks/public_key", true);
        Response anonymous = get(http, fake, "/webhooks/json_public_key", false)) {
      assertThat(json.code()).isEqualTo(200);
      Map<String, Object> body =
          JsonTree.parseObject(okio.ByteString.encodeUtf8(json.body().string()));
      String base64 = (String) ((Map<?, ?>) body.get("webhook")).get("public_key");
      assertThat(base64).contains("\n").endsWith("\n");
      String pem =
          new String(
              Base64.getMimeDecoder().decode(base64), java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(pem).isEqualTo(fake.webhookPublicKeyPem());
      assertThat(text.code()).isEqualTo(200);
      assertThat(text.header("Content-Type")).startsWith("text/plain");
      assertThat(text.body().string()).isEqualTo(base64);
      assertThat(anonymous.code()).isEqualTo(401);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Test
  void anEndpointMustBeAnAbsoluteHttpUrl() {
    FakePaygentic fake = closed(new FakePaygentic());
    assertThatThrownBy(() -> fake.registerWebhookEndpoint(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.registerWebhookEndpoint(URI.create("ftp://127.0.0.1/x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.awaitDeliveries(1, Duration.ofMillis(10)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0 attempt(s) recorded");
  }

  // ---- helpers ----

  private static Response get(OkHttpClient http, FakeLago fake, String path, boolean auth)
      throws Exception {
    Request.Builder r = new Request.Builder().url(fake.baseUrl() + path);
    if (auth) {
      r.header("Authorization", "Bearer " + fake.apiKey());
    }
    return http.newCall(r.build()).execute();
  }

  private static LagoClient lagoClient(FakeLago fake) {
    return LagoClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build();
  }

  private static BillingrailsClient billingrailsClient(FakeBillingrails fake) {
    return BillingrailsClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build();
  }

  private static PaygenticClient paygenticClient(FakePaygentic fake) {
    return PaygenticClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build();
  }

  static String lagoPaymentRequest(FakeLago fake) {
    String invoice = fake.seedOverdueInvoice("EUR", 1_000, "cust-webhooks");
    try (LagoClient client = lagoClient(fake)) {
      return client
          .paymentRequests()
          .create(
              LagoPaymentRequestCreateRequest.builder()
                  .externalCustomerId("cust-webhooks")
                  .addInvoiceId(invoice)
                  .build())
          .lagoId();
    }
  }

  static String billingrailsPayment(FakeBillingrails fake) {
    String account = fake.seedAccount();
    String invoice = fake.seedInvoice(account, "EUR", 4_200);
    try (BillingrailsClient client = billingrailsClient(fake)) {
      return client
          .payments()
          .create(
              BillingrailsPaymentCreateRequest.builder()
                  .mode(BillingrailsPaymentMode.ONLINE)
                  .integrationId("int_fake")
                  .accountId(account)
                  .referenceId("webhooks")
                  .invoiceId(invoice)
                  .build())
          .id();
    }
  }

  static String paygenticPayment(FakePaygentic fake) {
    try (PaygenticClient client = paygenticClient(fake)) {
      return client
          .payments()
          .create(PaygenticPaymentCreateRequest.builder().amount(Money.of("25.00", "USD")).build())
          .id();
    }
  }
}
