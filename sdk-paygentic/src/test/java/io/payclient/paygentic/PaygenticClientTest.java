package io.payclient.paygentic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.ClientOptions;
import io.payclient.core.FieldError;
import io.payclient.core.InvalidRequestException;
import io.payclient.core.Money;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsClients;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.core.internal.VendorSupport;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaygenticClientTest {
  private static final String TEST_KEY = "sk_test_9f8e7dSECRET6c5b4a";
  private static final String LIVE_KEY = "sk_live_fake_1a2b3cSECRET4d5e6f";

  @StartStop MockWebServer server = new MockWebServer();

  private final List<Throwable> thrown = new ArrayList<>();
  private PaygenticClient client;

  private PaygenticClient client() {
    if (client == null) {
      client =
          PaygenticClient.builder().apiKey(TEST_KEY).baseUrl(server.url("/").toString()).build();
    }
    return client;
  }

  @AfterEach
  void closeAndCheckNoKeyLeaked() {
    if (client != null) {
      client.close();
    }
    for (Throwable t : thrown) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        for (String key : new String[] {TEST_KEY, LIVE_KEY}) {
          assertThat(String.valueOf(c.getMessage())).doesNotContain(key);
          assertThat(c.toString()).doesNotContain(key);
        }
      }
    }
  }

  private <T extends Throwable> Consumer<T> record() {
    return thrown::add;
  }

  private void enqueue(int code, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .addHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> sentBody() throws InterruptedException {
    return (Map<String, Object>) Fixtures.tree(server.takeRequest().getBody().utf8());
  }

  @Test
  void environmentsAndAnExplicitBaseUrl() {
    try (PaygenticClient prod = PaygenticClient.builder().apiKey(LIVE_KEY).build();
        PaygenticClient sandbox =
            PaygenticClient.builder()
                .apiKey(TEST_KEY)
                .environment(PaygenticEnvironment.SANDBOX)
                .build();
        PaygenticClient proxy =
            PaygenticClient.builder()
                .apiKey(LIVE_KEY)
                .environment(PaygenticEnvironment.SANDBOX)
                .baseUrl("https://paygentic-proxy.internal.example")
                .build()) {
      assertThat(prod.baseUrl()).isEqualTo("https://api.paygentic.io/");
      assertThat(sandbox.baseUrl()).isEqualTo("https://api.sandbox.paygentic.io/");
      assertThat(proxy.baseUrl()).isEqualTo("https://paygentic-proxy.internal.example/");
      assertThat(prod.vendor()).isEqualTo("paygentic");
      assertThat(prod.merchantId()).isEmpty();
      assertThat(prod.toString()).doesNotContain(LIVE_KEY).contains("api.paygentic.io");
      assertThat(sandbox.toString()).doesNotContain(TEST_KEY);
    }
  }

  @Test
  void aTestKeyOnTheProductionHostFailsFastNamingTheSandboxHost() {
    assertThatThrownBy(() -> PaygenticClient.builder().apiKey(TEST_KEY).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sandbox host api.sandbox.paygentic.io")
        .hasMessageContaining("not api.paygentic.io")
        .hasMessageContaining("PaygenticEnvironment.SANDBOX")
        .satisfies(record());
    assertThatThrownBy(
            () ->
                PaygenticClient.builder()
                    .apiKey(TEST_KEY)
                    .baseUrl("https://API.paygentic.io/")
                    .environment(PaygenticEnvironment.SANDBOX)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("api.sandbox.paygentic.io")
        .satisfies(record());
  }

  @Test
  void aLiveKeyOnTheSandboxHostFailsFastNamingTheProductionHost() {
    assertThatThrownBy(
            () ->
                PaygenticClient.builder()
                    .apiKey(LIVE_KEY)
                    .environment(PaygenticEnvironment.SANDBOX)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("production host api.paygentic.io")
        .hasMessageContaining("not api.sandbox.paygentic.io")
        .satisfies(record());
    assertThatThrownBy(
            () ->
                PaygenticClient.builder()
                    .apiKey(LIVE_KEY)
                    .baseUrl("https://api.sandbox.paygentic.io")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("api.paygentic.io")
        .satisfies(record());
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anyOtherHostOrKeyShapeIsNotChecked() {
    try (PaygenticClient fakeLive =
            PaygenticClient.builder().apiKey(LIVE_KEY).baseUrl(server.url("/").toString()).build();
        PaygenticClient fakeTest =
            PaygenticClient.builder().apiKey(TEST_KEY).baseUrl(server.url("/").toString()).build();
        PaygenticClient otherKey = PaygenticClient.builder().apiKey("pk_other_shape").build()) {
      assertThat(fakeLive.baseUrl()).startsWith("http://");
      assertThat(fakeTest.baseUrl()).startsWith("http://");
      assertThat(otherKey.baseUrl()).isEqualTo("https://api.paygentic.io/");
    }
  }

  @Test
  void apiKeyComesFromTheEnvironmentAndIsCheckedToo() {
    try {
      VendorSupport.environmentLookup(n -> n.equals("PAYGENTIC_API_KEY") ? TEST_KEY : null);
      try (PaygenticClient c =
          PaygenticClient.builder().environment(PaygenticEnvironment.SANDBOX).build()) {
        assertThat(c.baseUrl()).isEqualTo("https://api.sandbox.paygentic.io/");
      }
      assertThatThrownBy(() -> PaygenticClient.builder().build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("sandbox host")
          .satisfies(record());
      VendorSupport.environmentLookup(n -> null);
      assertThatThrownBy(() -> PaygenticClient.builder().build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PAYGENTIC_API_KEY")
          .satisfies(record());
    } finally {
      VendorSupport.environmentLookup(System::getenv);
    }
  }

  @Test
  void badBuilderSettingsFailClearly() {
    assertThatThrownBy(
            () ->
                PaygenticClient.builder()
                    .apiKey(TEST_KEY)
                    .baseUrl("http://paygentic.example")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clear text")
        .satisfies(record());
    assertThatThrownBy(() -> PaygenticClient.builder().apiKey(LIVE_KEY).merchantId(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("merchantId")
        .satisfies(record());
    assertThatThrownBy(() -> PaygenticClient.builder().environment(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void neutralCreateMapsBothWays() throws Exception {
    enqueue(201, Fixtures.read("payment-created.json"));
    PaymentsClient neutral = client();
    Payment p =
        neutral.create(
            PaymentCreateRequest.builder()
                .amount(Money.of("10.5", "USD"))
                .customerId("cus_4711")
                .reference("Order #12345")
                .idempotencyKey("order_12345")
                .putMetadata("orderId", "order_12345")
                .build());
    assertThat(sentBody())
        .isEqualTo(
            Map.of(
                "amount", "10.50",
                "currency", "USD",
                "customerId", "cus_4711",
                "idempotencyKey", "order_12345",
                "reference", "Order #12345",
                "metadata", Map.of("orderId", "order_12345")));
    assertThat(p.vendor()).isEqualTo("paygentic");
    assertThat(p.id()).isEqualTo("pay_8f3a2c1d9e7b4a60");
    assertThat(p.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(p.rawStatus()).isEqualTo("pending");
    assertThat(p.amount()).contains(Money.of("10.50", "USD"));
    assertThat(p.reference()).isEqualTo("Order #12345");
    assertThat(p.customerId()).isEqualTo("cus_4711");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-03-02T10:15:30Z"));
    assertThat(p.paymentUrl())
        .contains(URI.create("https://pay.paygentic.io/p/pay_8f3a2c1d9e7b4a60"));
    assertThat(p.idempotencyKey()).isEqualTo("order_12345");
    assertThat(p.replayed()).isFalse();
    assertThat(p.unwrap(PaygenticPayment.class).lineItems()).hasSize(2);
  }

  @Test
  void neutralReplayAndGeneratedKeys() throws Exception {
    enqueue(200, Fixtures.read("payment-replayed.json"));
    Payment replay =
        client()
            .create(
                PaymentCreateRequest.builder()
                    .amount(Money.of("49.99", "EUR"))
                    .idempotencyKey("from-request")
                    .build(),
                RequestOptions.builder().idempotencyKey("checkout-77").build());
    assertThat(sentBody()).containsEntry("idempotencyKey", "checkout-77");
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(replay.rawStatus()).isEqualTo("completed");
    assertThat(replay.idempotencyKey()).isEqualTo("checkout-77");
    assertThat(replay.amount()).contains(Money.of("49.99", "EUR"));

    enqueue(
        201, "{\"id\":\"pay_n\",\"status\":\"expired\",\"amount\":\"1.00\",\"currency\":\"GBP\"}");
    Payment generated =
        client()
            .createAsync(PaymentCreateRequest.builder().amount(Money.of("1", "GBP")).build())
            .get(5, TimeUnit.SECONDS);
    String sentKey = (String) sentBody().get("idempotencyKey");
    assertThat(UUID.fromString(sentKey)).isNotNull();
    assertThat(generated.idempotencyKey()).isEqualTo(sentKey); // the server did not echo it
    assertThat(generated.status()).isEqualTo(PaymentStatus.EXPIRED);
    assertThat(generated.replayed()).isFalse();
  }

  @Test
  void neutralFieldsPaygenticCannotTakeAreRefusedBeforeIo() {
    PaymentCreateRequest request =
        PaymentCreateRequest.builder()
            .amount(Money.of("10.00", "USD"))
            .target(PaymentTarget.invoice("inv_1"))
            .paidAt(Instant.parse("2026-01-01T00:00:00Z"))
            .build();
    assertThatThrownBy(() -> client().create(request))
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(FieldError::field)
                  .containsExactly("target", "paidAt");
              assertThat(e.getMessage()).contains("one-off charges", "cannot record");
            })
        .satisfies(record());
    assertThatThrownBy(
            () -> client().create(PaymentCreateRequest.builder().reference("no amount").build()))
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e -> assertThat(e.violations()).extracting(FieldError::field).containsExactly("amount"))
        .satisfies(record());
    assertThat(client().createAsync(request)).isCompletedExceptionally();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void neutralRulesFailBeforeIoNamingTheWireField() {
    Object[][] cases = {
      {PaymentCreateRequest.builder().amount(Money.of("10.505", "USD")), "amount"},
      {PaymentCreateRequest.builder().amount(Money.of("0.99", "USD")), "amount"},
      {PaymentCreateRequest.builder().amount(Money.of("5000.01", "USD")), "amount"},
      {PaymentCreateRequest.builder().amount(Money.of("-5", "USD")), "amount"},
      {PaymentCreateRequest.builder().amount(Money.of("100", "JPY")), "currency"},
      {
        PaymentCreateRequest.builder().amount(Money.of("10", "USD")).reference("r".repeat(256)),
        "reference"
      },
      {
        PaymentCreateRequest.builder()
            .amount(Money.of("10", "USD"))
            .idempotencyKey("k".repeat(256)),
        "idempotencyKey"
      },
      {PaymentCreateRequest.builder().amount(Money.of("10", "USD")).customerId(" "), "customerId"},
    };
    for (Object[] c : cases) {
      PaymentCreateRequest request = ((PaymentCreateRequest.Builder) c[0]).build();
      String field = (String) c[1];
      assertThatThrownBy(() -> client().create(request))
          .isInstanceOfSatisfying(
              RequestValidationException.class,
              e -> assertThat(e.violations()).extracting(FieldError::field).containsExactly(field))
          .satisfies(record());
      assertThatThrownBy(() -> client().createAsync(request).get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(RequestValidationException.class);
    }
    PaymentCreateRequest ok = PaymentCreateRequest.builder().amount(Money.of("10", "USD")).build();
    assertThatThrownBy(
            () -> client().create(ok, RequestOptions.builder().idempotencyKey("bad\nkey").build()))
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e -> assertThat(e.hasViolation("idempotencyKey")).isTrue())
        .satisfies(record());
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void neutralErrorsKeepFieldErrors() {
    client =
        PaygenticClient.builder()
            .apiKey(TEST_KEY)
            .baseUrl(server.url("/").toString())
            .maxRetries(0)
            .build();
    enqueue(400, Fixtures.read("error-validation.json"));
    assertThatThrownBy(
            () ->
                client.create(PaymentCreateRequest.builder().amount(Money.of("10", "USD")).build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo("validation_error");
              assertThat(e.fieldErrors())
                  .extracting(FieldError::field)
                  .containsExactly("email", "amount");
              assertThat(e.idempotencyKey()).isNotBlank();
            })
        .satisfies(record());
  }

  @Test
  void neutralRetrieveEncodesTheId() throws Exception {
    enqueue(200, Fixtures.read("payment-unknown-status.json"));
    Payment p = client().retrieve("a/b c");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v0/payments/a%2Fb%20c");
    assertThat(p.status()).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(p.rawStatus()).isEqualTo("on_hold_for_review");
    assertThat(p.replayed()).isFalse();
    assertThat(p.idempotencyKey()).isNull();
    assertThat(p.paymentUrl()).isEmpty();
    enqueue(200, Fixtures.read("payment-replayed.json"));
    Payment async = client().retrieveAsync("pay_1b2c3d4e5f60718a").get(5, TimeUnit.SECONDS);
    assertThat(async.idempotencyKey()).isEqualTo("checkout-77");
    assertThat(async.replayed()).isFalse();
  }

  @Test
  void isFoundThroughServiceLoader() throws Exception {
    enqueue(200, Fixtures.read("payment-created.json"));
    try (PaymentsClient c =
        PaymentsClients.create(
            "paygentic",
            ClientOptions.builder().apiKey(TEST_KEY).baseUrl(server.url("/").toString()).build())) {
      assertThat(c).isInstanceOf(PaygenticClient.class);
      assertThat(c.vendor()).isEqualTo("paygentic");
      assertThat(c.retrieve("pay_8f3a2c1d9e7b4a60").id()).isEqualTo("pay_8f3a2c1d9e7b4a60");
    }
    assertThatThrownBy(
            () ->
                PaymentsClients.create(
                    "paygentic", ClientOptions.builder().apiKey(TEST_KEY).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("api.sandbox.paygentic.io")
        .satisfies(record());
  }

  @Test
  void aClosedClientRefusesWork() {
    PaygenticClient c = client();
    c.close();
    assertThatThrownBy(() -> c.retrieve("x")).isInstanceOf(IllegalStateException.class);
    CompletableFuture<Payment> f =
        c.createAsync(PaymentCreateRequest.builder().amount(Money.of("10", "USD")).build());
    assertThat(f).isCompletedExceptionally();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void neutralListMapsCustomerStatusAndPageSize() throws Exception {
    enqueue(
        200,
        "{\"object\":\"list\",\"data\":[{\"id\":\"pay_1\",\"object\":\"payment\","
            + "\"amount\":\"10.50\",\"currency\":\"USD\",\"status\":\"completed\","
            + "\"createdAt\":\"2026-01-01T00:00:00Z\"}],\"pagination\":{\"limit\":5,\"offset\":0,\"total\":1}}");
    io.payclient.core.Page<io.payclient.core.Payment> page =
        client()
            .list(
                io.payclient.core.PaymentListParams.builder()
                    .customerId("cust 1")
                    .status(io.payclient.core.PaymentStatus.SUCCEEDED)
                    .pageSize(5)
                    .build());
    assertThat(page.items()).extracting(io.payclient.core.Payment::id).containsExactly("pay_1");
    assertThat(page.items().get(0).amount()).contains(io.payclient.core.Money.of("10.50", "USD"));
    String target = server.takeRequest().getTarget();
    assertThat(target)
        .startsWith("/v0/payments?")
        .contains("status=completed")
        .contains("customerId=cust%201")
        .contains("limit=5");
    assertThatThrownBy(
            () ->
                client()
                    .list(
                        io.payclient.core.PaymentListParams.builder()
                            .target(io.payclient.core.PaymentTarget.invoice("i"))
                            .pageSize(500)
                            .build()))
        .isInstanceOfSatisfying(
            io.payclient.core.RequestValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(io.payclient.core.FieldError::field)
                    .containsExactly("target", "limit"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
