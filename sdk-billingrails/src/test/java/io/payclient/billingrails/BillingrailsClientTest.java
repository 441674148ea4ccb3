package io.payclient.billingrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.ClientOptions;
import io.payclient.core.FieldError;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BillingrailsClientTest {
  private static final String KEY = "sk_test_br_5d81b0c2-SECRET";

  @StartStop MockWebServer server = new MockWebServer();

  private final List<Throwable> thrown = new ArrayList<>();
  private BillingrailsClient client;

  private BillingrailsClient client() {
    if (client == null) {
      client =
          BillingrailsClient.builder().apiKey(KEY).baseUrl(server.url("/v1").toString()).build();
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
        assertThat(String.valueOf(c.getMessage())).doesNotContain(KEY);
        assertThat(c.toString()).doesNotContain(KEY);
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

  private static PaymentCreateRequest.Builder neutral() {
    return PaymentCreateRequest.builder()
        .customerId("acc_IhMUl3rrZ3")
        .reference("PAY-REF-001")
        .target(PaymentTarget.invoice("inv_IhMUl3rrZ3"));
  }

  @Test
  void neutralCreateMapsBothWays() throws Exception {
    enqueue(201, Fixtures.read("create-payment-response.json"));
    PaymentsClient c = client();
    Payment p =
        c.create(
            neutral()
                .paidAt(Instant.parse("2025-02-14T17:33:40.843Z"))
                .idempotencyKey("order-1042")
                .build());
    RecordedRequest req = server.takeRequest();
    assertThat(req.getHeaders().get("Idempotency-Key")).isEqualTo("order-1042");
    assertThat(Fixtures.tree(req.getBody().utf8()))
        .isEqualTo(
            Map.of(
                "mode", "offline",
                "account_id", "acc_IhMUl3rrZ3",
                "reference_id", "PAY-REF-001",
                "succeeded_at", "2025-02-14T17:33:40.843Z",
                "invoice_id", "inv_IhMUl3rrZ3"));
    assertThat(p.id()).isEqualTo("pay_IhMUl3rrZ3");
    assertThat(p.vendor()).isEqualTo("billingrails");
    assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(p.rawStatus()).isEqualTo("succeeded");
    assertThat(p.amount()).contains(Money.of("10.00", "USD"));
    assertThat(p.reference()).isEqualTo("PAY-REF-001");
    assertThat(p.customerId()).isEqualTo("acc_IhMUl3rrZ3");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2025-02-14T17:33:40.843Z"));
    assertThat(p.paymentUrl()).contains(URI.create("http://example.com"));
    assertThat(p.idempotencyKey()).isEqualTo("order-1042");
    assertThat(p.replayed()).isFalse();
    assertThat(p.unwrap(BillingrailsPayment.class).description())
        .isEqualTo("Payment for invoice INV-0001");
  }

  @Test
  void theGeneratedKeyIsOnTheNeutralPaymentAndOptionsWin() throws Exception {
    enqueue(201, Fixtures.read("create-payment-response.json"));
    enqueue(201, Fixtures.read("create-payment-response.json"));
    enqueue(201, Fixtures.read("create-payment-response.json"));
    Payment generated = client().create(neutral().build());
    Payment fromOptions =
        client()
            .create(
                neutral().idempotencyKey("from-request").build(),
                RequestOptions.builder().idempotencyKey("from-options").build());
    Payment async = client().createAsync(neutral().build()).get(5, TimeUnit.SECONDS);
    String k1 = server.takeRequest().getHeaders().get("Idempotency-Key");
    String k2 = server.takeRequest().getHeaders().get("Idempotency-Key");
    String k3 = server.takeRequest().getHeaders().get("Idempotency-Key");
    assertThat(generated.idempotencyKey()).isEqualTo(k1).hasSize(36);
    assertThat(fromOptions.idempotencyKey()).isEqualTo(k2).isEqualTo("from-options");
    assertThat(async.idempotencyKey()).isEqualTo(k3).isNotEqualTo(k1).hasSize(36);
  }

  @Test
  void eachTargetKindMapsToItsWireField() throws Exception {
    Map<PaymentTarget, String> targets = new LinkedHashMap<>();
    targets.put(PaymentTarget.paymentRequest("preq_1"), "payment_request_id");
    targets.put(PaymentTarget.creditGrant("cg_1"), "credit_grant_id");
    targets.put(PaymentTarget.order("ord_1"), "order_id");
    for (Map.Entry<PaymentTarget, String> t : targets.entrySet()) {
      enqueue(201, Fixtures.read("create-payment-response.json"));
      client().create(neutral().target(t.getKey()).build());
      assertThat(Fixtures.tree(server.takeRequest().getBody().utf8()))
          .isEqualTo(
              Map.of(
                  "mode",
                  "offline",
                  "account_id",
                  "acc_IhMUl3rrZ3",
                  "reference_id",
                  "PAY-REF-001",
                  t.getValue(),
                  t.getKey().id()));
    }
  }

  @Test
  void aNeutralAmountOrMetadataIsRefusedBeforeIo() {
    assertThatThrownBy(
            () ->
                client()
                    .create(
                        neutral()
                            .amount(Money.of("10.00", "USD"))
                            .putMetadata("order", "1042")
                            .build()))
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(FieldError::field)
                  .containsExactly("amount", "metadata");
              assertThat(e.violations().get(0).message())
                  .contains("Billingrails takes the amount from the paid object");
            })
        .satisfies(record());
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void eachRuleFailsBeforeIoOnTheNeutralPath() {
    Map<String, UnaryOperator<PaymentCreateRequest.Builder>> cases =
        Map.of(
            "account_id", b -> b.customerId(null),
            "reference_id", b -> b.reference(null),
            "invoice_id", b -> b.target(null),
            "Idempotency-Key", b -> b.idempotencyKey("x".repeat(181)),
            "amount", b -> b.amount(Money.of("1", "USD")),
            "metadata", b -> b.putMetadata("a", "b"));
    cases.forEach(
        (field, broken) -> {
          assertThatThrownBy(() -> client().create(broken.apply(neutral()).build()))
              .isInstanceOfSatisfying(
                  RequestValidationException.class,
                  e -> {
                    assertThat(e.hasViolation(field)).as(field).isTrue();
                    assertThat(e.attempts()).isZero();
                  })
              .satisfies(record());
          assertThat(client().createAsync(broken.apply(neutral()).build()))
              .as(field)
              .isCompletedExceptionally();
        });
    assertThatThrownBy(
            () ->
                client()
                    .create(
                        neutral().build(),
                        RequestOptions.builder().idempotencyKey("k\u0000").build()))
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e -> assertThat(e.hasViolation("Idempotency-Key")).isTrue())
        .satisfies(record());
    assertThatThrownBy(() -> client().create(PaymentCreateRequest.builder().build()))
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(FieldError::field)
                  .containsExactly("account_id", "reference_id", "invoice_id");
              assertThat(e.getMessage())
                  .contains("(set customerId)", "(set reference)", "(set target)");
            })
        .satisfies(record());
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void neutralRetrieveEncodesTheIdAsOneSegment() throws Exception {
    enqueue(200, Fixtures.read("retrieve-payment-online.json"));
    Payment p = client().retrieve("a/b c");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/payments/a%2Fb%20c");
    assertThat(p.id()).isEqualTo("pay_8kQz1");
    assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(p.amount()).contains(Money.of("125050", "JPY"));
    assertThat(p.customerId()).isEqualTo("acc_77");
    assertThat(p.reference()).isEqualTo("order-1042");
    assertThat(p.paymentUrl()).isEmpty();
    assertThat(p.idempotencyKey()).isNull();
    assertThat(p.unwrap(BillingrailsPayment.class).requestId()).isEqualTo("req_IhMUl3rrZ3");
  }

  @Test
  void neutralRetrieveAsync() throws Exception {
    enqueue(200, Fixtures.read("payment-unknown-enums.json"));
    CompletableFuture<Payment> f = client().retrieveAsync("pay_new");
    Payment p = f.get(5, TimeUnit.SECONDS);
    assertThat(p.status()).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(p.rawStatus()).isEqualTo("refunded");
    assertThat(p.amount()).isEmpty();
  }

  @Test
  void isFoundThroughServiceLoader() throws Exception {
    enqueue(200, Fixtures.read("create-payment-response.json"));
    try (PaymentsClient c =
        PaymentsClients.create(
            "billingrails",
            ClientOptions.builder().apiKey(KEY).baseUrl(server.url("/v1").toString()).build())) {
      assertThat(c).isInstanceOf(BillingrailsClient.class);
      assertThat(c.vendor()).isEqualTo("billingrails");
      assertThat(c.retrieve("pay_IhMUl3rrZ3").id()).isEqualTo("pay_IhMUl3rrZ3");
    }
    RecordedRequest req = server.takeRequest();
    assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(req.getHeaders().get("User-Agent")).contains("billingrails");
  }

  @Test
  void environmentsAndBaseUrl() {
    try (BillingrailsClient prod = BillingrailsClient.builder().apiKey(KEY).build();
        BillingrailsClient sandbox =
            BillingrailsClient.builder()
                .apiKey(KEY)
                .environment(BillingrailsEnvironment.SANDBOX)
                .build();
        BillingrailsClient explicit =
            BillingrailsClient.builder()
                .apiKey(KEY)
                .environment(BillingrailsEnvironment.SANDBOX)
                .baseUrl("https://billing.example.com/v1")
                .build()) {
      assertThat(prod.baseUrl()).isEqualTo("https://api.billingrails.com/v1");
      assertThat(sandbox.baseUrl()).isEqualTo("https://api.sandbox.billingrails.com/v1");
      assertThat(explicit.baseUrl()).isEqualTo("https://billing.example.com/v1");
      assertThat(prod.vendor()).isEqualTo(BillingrailsClient.VENDOR);
      assertThat(prod.toString()).doesNotContain(KEY).contains("api.billingrails.com");
    }
    assertThatThrownBy(
            () -> BillingrailsClient.builder().apiKey(KEY).baseUrl("http://example.com/v1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(record());
  }

  @Test
  void apiKeyComesFromTheEnvironmentOrFailsClearly() {
    try {
      VendorSupport.environmentLookup(
          name -> name.equals(BillingrailsClient.API_KEY_ENV) ? "sk_from_env" : null);
      try (BillingrailsClient c =
          BillingrailsClient.builder().baseUrl(server.url("/v1").toString()).build()) {
        assertThat(c.vendor()).isEqualTo("billingrails");
      }
      VendorSupport.environmentLookup(name -> null);
      assertThatThrownBy(() -> BillingrailsClient.builder().build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("BILLINGRAILS_API_KEY")
          .satisfies(record());
      assertThatThrownBy(() -> BillingrailsClient.builder().apiKey("bad\nkey").build())
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(record())
          .message()
          .doesNotContain("bad\nkey");
    } finally {
      VendorSupport.environmentLookup(System::getenv);
    }
  }

  @Test
  void aClosedClientRefusesWork() {
    BillingrailsClient c = client();
    c.close();
    assertThatThrownBy(() -> c.retrieve("x")).isInstanceOf(IllegalStateException.class);
    assertThat(c.createAsync(neutral().build())).isCompletedExceptionally();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void neutralListUsesPageSizeAndRefusesFiltersBillingrailsCannotApply() throws Exception {
    enqueue(
        200,
        "{\"payments\":[{\"object\":\"payment\",\"id\":\"pay_1\",\"amount\":4200,"
            + "\"currency\":\"eur\",\"status\":\"succeeded\",\"reference_id\":\"r\"}],"
            + "\"meta\":{\"current_page\":1,\"per_page\":5,\"total_count\":1}}");
    io.payclient.core.Page<io.payclient.core.Payment> page =
        client().list(io.payclient.core.PaymentListParams.builder().pageSize(5).build());
    assertThat(page.items()).extracting(io.payclient.core.Payment::id).containsExactly("pay_1");
    assertThat(page.items().get(0).status()).isEqualTo(io.payclient.core.PaymentStatus.SUCCEEDED);
    assertThat(page.hasNextPage()).isFalse();
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/payments?per_page=5");
    assertThatThrownBy(
            () ->
                client()
                    .list(
                        io.payclient.core.PaymentListParams.builder()
                            .customerId("c")
                            .target(io.payclient.core.PaymentTarget.invoice("i"))
                            .status(io.payclient.core.PaymentStatus.PENDING)
                            .build()))
        .isInstanceOfSatisfying(
            io.payclient.core.RequestValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(io.payclient.core.FieldError::field)
                    .containsExactly("customerId", "target", "status"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
