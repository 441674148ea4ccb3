package io.payclient.paygentic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.payclient.core.ApiException;
import io.payclient.core.AuthenticationException;
import io.payclient.core.FieldError;
import io.payclient.core.InvalidRequestException;
import io.payclient.core.Money;
import io.payclient.core.NotFoundException;
import io.payclient.core.Page;
import io.payclient.core.PermissionException;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.core.ResponseFormatException;
import io.payclient.core.ServerException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PaygenticPaymentsTest {
  static final String KEY = "sk_test_pg7Q2SECRETx91c4d0e";

  @StartStop MockWebServer server = new MockWebServer();

  private final List<Throwable> thrown = new ArrayList<>();
  private PaygenticClient client;

  private PaygenticPayments payments() {
    if (client == null) {
      client = PaygenticClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).build();
    }
    return client.payments();
  }

  private PaygenticPayments payments(PaygenticClient.Builder builder) {
    client = builder.apiKey(KEY).baseUrl(server.url("/").toString()).build();
    return client.payments();
  }

  @AfterEach
  void closeAndCheckNoKeyLeaked() {
    if (client != null) {
      assertThat(client.toString()).doesNotContain(KEY);
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

  private static PaygenticPaymentCreateRequest.Builder request() {
    return PaygenticPaymentCreateRequest.builder().amount(Money.of("10.50", "USD"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(RecordedRequest r) {
    return (Map<String, Object>) Fixtures.tree(r.getBody().utf8());
  }

  @Test
  void a201IsANewPaymentWithEveryField() throws Exception {
    enqueue(201, Fixtures.read("payment-created.json"));
    PaygenticPayment p =
        payments()
            .create(
                PaygenticPaymentCreateRequest.builder()
                    .amount(Money.of("10.50", "USD"))
                    .idempotencyKey("order_12345")
                    .reference("Order #12345")
                    .successRedirectUrl(URI.create("https://example.com/success"))
                    .savePaymentMethod(false)
                    .expiresIn(Duration.ofDays(7))
                    .putMetadata("orderId", "order_12345")
                    .build());
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("POST");
    assertThat(req.getTarget()).isEqualTo("/v0/payments");
    assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(req.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(req.getHeaders().get("User-Agent"))
        .startsWith("payclient-java/")
        .contains(" paygentic ");
    assertThat(req.getHeaders().get("Idempotency-Key")).isNull(); // Paygentic's key is in the body
    assertThat(body(req))
        .isEqualTo(Fixtures.tree(Fixtures.read("create-request-spec-example.json")));

    assertThat(p.id()).isEqualTo("pay_8f3a2c1d9e7b4a60");
    assertThat(p.object()).isEqualTo("payment");
    assertThat(p.amount()).isEqualTo(new BigDecimal("10.50"));
    assertThat(p.currency()).isEqualTo("USD");
    assertThat(p.money()).contains(Money.of("10.50", "USD"));
    assertThat(p.status()).isEqualTo(PaygenticPaymentStatus.PENDING);
    assertThat(p.rawStatus()).isEqualTo("pending");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-03-02T10:15:30Z"));
    assertThat(p.paymentUrl())
        .isEqualTo(URI.create("https://pay.paygentic.io/p/pay_8f3a2c1d9e7b4a60"));
    assertThat(p.customerId()).isEqualTo("cus_4711");
    assertThat(p.idempotencyKey()).isEqualTo("order_12345");
    assertThat(p.reference()).isEqualTo("Order #12345");
    assertThat(p.metadata())
        .containsExactly(Map.entry("orderId", "order_12345"), Map.entry("channel", "web"));
    assertThat(p.lineItems())
        .extracting(
            PaygenticLineItem::description, PaygenticLineItem::amount, PaygenticLineItem::quantity)
        .containsExactly(tuple("Pro Widget", "8.50", 1), tuple("Sticker", "1.00", 2));
    assertThat(p.expiresAt()).isEqualTo(Instant.parse("2026-03-09T10:15:30Z"));
    assertThat(p.replayed()).isFalse();
  }

  @Test
  void a200IsAnIdempotentReplayOfTheExistingPayment() throws Exception {
    enqueue(200, Fixtures.read("payment-replayed.json"));
    PaygenticPayment p =
        payments()
            .create(
                PaygenticPaymentCreateRequest.builder()
                    .amount("49.99")
                    .currency("EUR")
                    .reference("ORD-12345")
                    .build(),
                RequestOptions.builder().idempotencyKey("checkout-77").build());
    assertThat(body(server.takeRequest())).containsEntry("idempotencyKey", "checkout-77");
    assertThat(p.replayed()).isTrue();
    assertThat(p.id()).isEqualTo("pay_1b2c3d4e5f60718a");
    assertThat(p.object()).isEqualTo("payment");
    assertThat(p.amount()).isEqualTo(new BigDecimal("49.99"));
    assertThat(p.currency()).isEqualTo("EUR");
    assertThat(p.status()).isEqualTo(PaygenticPaymentStatus.COMPLETED);
    assertThat(p.rawStatus()).isEqualTo("completed");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-02-27T07:00:00.250Z"));
    assertThat(p.paymentUrl())
        .isEqualTo(URI.create("https://pay.paygentic.io/p/pay_1b2c3d4e5f60718a"));
    assertThat(p.customerId()).isEqualTo("cus_0815");
    assertThat(p.idempotencyKey()).isEqualTo("checkout-77");
    assertThat(p.reference()).isEqualTo("ORD-12345");
    assertThat(p.metadata()).isEmpty();
    assertThat(p.lineItems())
        .containsExactly(
            new PaygenticLineItem("Pro Widget", "39.99", null),
            new PaygenticLineItem("Shipping", "10.00", 1));
    assertThat(p.expiresAt()).isEqualTo(Instant.parse("2026-03-06T07:00:00Z"));
  }

  @Test
  void anUnknownStatusParsesAsUnknownWithTheRawValue() {
    enqueue(201, Fixtures.read("payment-unknown-status.json"));
    PaygenticPayment p = payments().create(request().build());
    assertThat(p.status()).isEqualTo(PaygenticPaymentStatus.UNKNOWN);
    assertThat(p.rawStatus()).isEqualTo("on_hold_for_review");
  }

  @Test
  void theDocsOverviewExampleIsSentWithAGeneratedKey() throws Exception {
    enqueue(201, Fixtures.read("payment-created.json"));
    payments()
        .create(
            PaygenticPaymentCreateRequest.builder()
                .amount("49.99")
                .currency("USD")
                .reference("ORD-12345")
                .successRedirectUrl(URI.create("https://yourapp.com/success"))
                .expiresIn(Duration.ofDays(7))
                .addLineItem(PaygenticLineItem.of("Pro Widget", "39.99", 1))
                .addLineItem(PaygenticLineItem.of("Shipping", "10.00", 1))
                .build());
    Map<String, Object> sent = body(server.takeRequest());
    String key = (String) sent.remove("idempotencyKey");
    assertThat(UUID.fromString(key).version()).isEqualTo(4);
    assertThat(sent).isEqualTo(Fixtures.tree(Fixtures.read("create-request-docs-overview.json")));
  }

  @Test
  void everyCreateCarriesAKeyGeneratedPerCreateUnlessTheCallerGivesOne() throws Exception {
    Set<String> generated = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      enqueue(201, Fixtures.read("payment-created.json"));
      payments().create(request().build());
      generated.add((String) body(server.takeRequest()).get("idempotencyKey"));
    }
    assertThat(generated).hasSize(3).allSatisfy(k -> assertThat(UUID.fromString(k)).isNotNull());

    enqueue(201, Fixtures.read("payment-created.json"));
    payments().create(request().idempotencyKey("from-request").build());
    assertThat(body(server.takeRequest())).containsEntry("idempotencyKey", "from-request");

    enqueue(201, Fixtures.read("payment-created.json"));
    payments()
        .create(
            request().idempotencyKey("from-request").build(),
            RequestOptions.builder().idempotencyKey("from-options").build());
    assertThat(body(server.takeRequest())).containsEntry("idempotencyKey", "from-options");

    enqueue(201, Fixtures.read("payment-created.json"));
    payments().createAsync(request().build()).get(5, TimeUnit.SECONDS);
    assertThat(body(server.takeRequest()).get("idempotencyKey"))
        .isInstanceOf(String.class)
        .isNotIn(generated);
  }

  @Test
  void aServerErrorIsRetriedWithTheSameBodyAndKey() throws Exception {
    enqueue(500, "{\"error\":\"internal_error\",\"message\":\"boom\"}");
    enqueue(201, Fixtures.read("payment-created.json"));
    PaygenticPayment p = payments().create(request().reference("retry me").build());
    assertThat(p.replayed()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(2);
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    String key = (String) body(first).get("idempotencyKey");
    assertThat(key).isNotBlank();
    assertThat(body(second)).containsEntry("idempotencyKey", key);
    assertThat(second.getBody()).isEqualTo(first.getBody());
  }

  @Test
  void whenRetriesRunOutTheExceptionCarriesTheKeyToRetryWith() {
    enqueue(500, "{\"error\":\"internal_error\",\"message\":\"boom\"}");
    enqueue(502, "<html>bad gateway</html>");
    payments(PaygenticClient.builder().maxRetries(1));
    assertThatThrownBy(() -> client.payments().create(request().idempotencyKey("k-1").build()))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(502);
              assertThat(e.idempotencyKey()).isEqualTo("k-1");
              assertThat(e.attempts()).isEqualTo(2);
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.rawBody()).contains("bad gateway");
            })
        .satisfies(record());
  }

  @Test
  void theDefaultMerchantIdIsSentUnlessTheRequestHasOne() throws Exception {
    payments(PaygenticClient.builder().merchantId("org_default"));
    assertThat(client.merchantId()).contains("org_default");
    enqueue(201, Fixtures.read("payment-created.json"));
    enqueue(201, Fixtures.read("payment-created.json"));
    client.payments().create(request().build());
    client.payments().create(request().merchantId("org_own").build());
    assertThat(body(server.takeRequest())).containsEntry("merchantId", "org_default");
    assertThat(body(server.takeRequest())).containsEntry("merchantId", "org_own");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("io.payclient.paygentic.PaygenticPaymentCreateRequestTest#brokenRules")
  void everyRuleFailsBeforeIo(
      String field,
      java.util.function.UnaryOperator<PaygenticPaymentCreateRequest.Builder> breakIt) {
    assertThatThrownBy(
            () ->
                payments().create(breakIt.apply(PaygenticPaymentCreateRequestTest.valid()).build()))
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e -> {
              assertThat(e.hasViolation(field)).isTrue();
              assertThat(e.attempts()).isZero();
            })
        .satisfies(record());
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anUnusableOptionsKeyFailsBeforeIo() throws Exception {
    PaygenticPaymentCreateRequest ok = request().build();
    for (String bad : new String[] {"k".repeat(256), "  ", "tab\tkey"}) {
      assertThatThrownBy(
              () -> payments().create(ok, RequestOptions.builder().idempotencyKey(bad).build()))
          .isInstanceOfSatisfying(
              RequestValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(FieldError::field)
                      .containsOnly("idempotencyKey"))
          .satisfies(record());
      CompletableFuture<PaygenticPayment> f =
          payments().createAsync(ok, RequestOptions.builder().idempotencyKey(bad).build());
      assertThat(f).isCompletedExceptionally();
    }
    assertThat(server.getRequestCount()).isZero();
    enqueue(201, Fixtures.read("payment-created.json"));
    String longest = "k".repeat(255);
    payments().create(ok, RequestOptions.builder().idempotencyKey(longest).build());
    assertThat(body(server.takeRequest())).containsEntry("idempotencyKey", longest);
  }

  static Object[][] errors() {
    return new Object[][] {
      {400, "error-business.json", InvalidRequestException.class, "TAX_NOT_ENABLED", 0},
      {400, "error-validation.json", InvalidRequestException.class, "validation_error", 2},
      {
        401,
        "{\"error\":\"unauthorized\",\"message\":\"Invalid API key\"}",
        AuthenticationException.class,
        "unauthorized",
        0
      },
      {
        403,
        "{\"error\":\"forbidden\",\"message\":\"Key not scoped to merchant\"}",
        PermissionException.class,
        "forbidden",
        0
      },
      {404, "error-not-found.json", NotFoundException.class, "not_found", 0},
      {
        500,
        "{\"error\":\"internal_error\",\"message\":\"Something broke\"}",
        ServerException.class,
        "internal_error",
        0
      },
      {418, "{\"message\":\"I'm a teapot\"}", ApiException.class, null, 0},
    };
  }

  @ParameterizedTest(name = "[{index}] HTTP {0}")
  @MethodSource("errors")
  void everyErrorShapeMapsToItsException(
      int status, String body, Class<?> type, String code, int fieldErrors) {
    String json = body.endsWith(".json") ? Fixtures.read(body) : body;
    payments(PaygenticClient.builder().maxRetries(0));
    enqueue(status, json);
    assertThatThrownBy(() -> client.payments().create(request().idempotencyKey("err-key").build()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getClass()).isEqualTo(type);
              assertThat(e.httpStatus()).isEqualTo(status);
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.vendor()).isEqualTo("paygentic");
              assertThat(e.idempotencyKey()).isEqualTo("err-key");
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.rawBody()).isEqualTo(json);
              assertThat(e.fieldErrors()).hasSize(fieldErrors);
              if (fieldErrors > 0) {
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::message, FieldError::code)
                    .containsExactly(
                        tuple("email", "Invalid email format", "invalid_format"),
                        tuple("amount", "Amount exceeds your limit", null));
                assertThat(e.getMessage()).contains("email: Invalid email format");
              }
            })
        .satisfies(record());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUnreadable201SaysThePaymentProbablyExists() {
    enqueue(201, "{\"object\":\"payment\"}");
    assertThatThrownBy(() -> payments().create(request().idempotencyKey("k-2").build()))
        .isInstanceOfSatisfying(
            ResponseFormatException.class,
            e -> {
              assertThat(e.idempotencyKey()).isEqualTo("k-2");
              assertThat(e.outcomeUnknown()).isTrue();
            })
        .satisfies(record());
  }

  @Test
  void retrievePercentEncodesTheIdAndIsNeverAReplay() throws Exception {
    enqueue(200, Fixtures.read("payment-replayed.json"));
    PaygenticPayment p = payments().retrieve("a/b c");
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("GET");
    assertThat(req.getTarget()).isEqualTo("/v0/payments/a%2Fb%20c");
    assertThat(req.getBodySize()).isZero();
    assertThat(p.replayed()).isFalse();
    assertThat(p.id()).isEqualTo("pay_1b2c3d4e5f60718a");
    assertThatThrownBy(() -> payments().retrieve(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(payments().retrieveAsync("\n")).isCompletedExceptionally();
  }

  @Test
  void retrieveAsyncAndNotFound() throws Exception {
    enqueue(200, Fixtures.read("payment-created.json"));
    assertThat(payments().retrieveAsync("pay_8f3a2c1d9e7b4a60").get(5, TimeUnit.SECONDS).id())
        .isEqualTo("pay_8f3a2c1d9e7b4a60");
    enqueue(404, Fixtures.read("error-not-found.json"));
    assertThatThrownBy(() -> payments().retrieveAsync("nope").get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"))
        .satisfies(record());
  }

  @Test
  void createAsyncCompletesWhenTheDelayedResponseArrives() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body(Fixtures.read("payment-replayed.json"))
            .headersDelay(400, TimeUnit.MILLISECONDS)
            .build());
    CompletableFuture<PaygenticPayment> future = payments().createAsync(request().build());
    assertThat(future).isNotDone();
    assertThat(future.get(5, TimeUnit.SECONDS).replayed()).isTrue();
  }

  // ---- listing -------------------------------------------------------------------------------

  static String listed(String id, String status) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"payment\",\"amount\":\"10.00\",\"currency\":\"USD\","
        + "\"status\":\""
        + status
        + "\",\"createdAt\":\"2026-03-02T10:15:30Z\"}";
  }

  /** A list body; {@code total} null leaves it out of {@code pagination}. */
  static String listPage(int limit, int offset, Long total, String... ids) {
    List<String> items = new ArrayList<>();
    for (String id : ids) {
      items.add(listed(id, "pending"));
    }
    return "{\"object\":\"list\",\"data\":["
        + String.join(",", items)
        + "],\"pagination\":{\"limit\":"
        + limit
        + ",\"offset\":"
        + offset
        + (total == null ? "" : ",\"total\":" + total)
        + "}}";
  }

  private List<RecordedRequest> recorded() throws InterruptedException {
    List<RecordedRequest> out = new ArrayList<>();
    int n = server.getRequestCount();
    for (int i = 0; i < n; i++) {
      out.add(server.takeRequest());
    }
    return out;
  }

  private static PaygenticPaymentListParams.Builder params() {
    return PaygenticPaymentListParams.builder();
  }

  @Test
  void anEmptyListIsOneEmptyPage() throws Exception {
    enqueue(200, listPage(10, 0, 0L));
    Page<PaygenticPayment> page = payments().list(params().build());
    assertThat(page.items()).isEmpty();
    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.totalCount()).hasValue(0);
    assertThat(page.autoPagingStream()).isEmpty();
    assertThat(page.autoPagingIterable()).isEmpty();
    assertThatThrownBy(page::nextPage).isInstanceOf(NoSuchElementException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("GET");
    assertThat(req.getTarget()).isEqualTo("/v0/payments");
    assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void onePageWhenTheTotalIsReached() throws Exception {
    enqueue(200, listPage(10, 0, 2L, "pay_a", "pay_b"));
    Page<PaygenticPayment> page = payments().list(params().build());
    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.totalCount()).hasValue(2);
    assertThat(page.autoPagingStream().map(PaygenticPayment::id)).containsExactly("pay_a", "pay_b");
    assertThat(page.items()).allSatisfy(p -> assertThat(p.replayed()).isFalse());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void manyPagesAreFetchedLazilyWithTheNextOffsetAndEncodedFilters() throws Exception {
    enqueue(200, listPage(2, 0, 5L, "pay_a", "pay_b"));
    enqueue(200, listPage(2, 2, 5L, "pay_c", "pay_d"));
    enqueue(200, listPage(2, 4, 5L, "pay_e"));
    String customer = "acme & co/1 ?x=y#z+%";
    Page<PaygenticPayment> first =
        payments().list(params().customerId(customer).status("completed").limit(2).build());
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(first.totalCount()).hasValue(5);
    Iterator<PaygenticPayment> it = first.autoPagingIterable().iterator();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seen.add(it.next().id());
    }
    assertThat(seen).containsExactly("pay_a", "pay_b", "pay_c");
    assertThat(server.getRequestCount()).isEqualTo(2); // the third page is not fetched yet
    it.forEachRemaining(p -> seen.add(p.id()));
    assertThat(seen).containsExactly("pay_a", "pay_b", "pay_c", "pay_d", "pay_e");
    assertThat(server.getRequestCount()).isEqualTo(3);

    List<RecordedRequest> requests = recorded();
    String filters =
        "/v0/payments?status=completed&customerId=acme%20%26%20co%2F1%20%3Fx%3Dy%23z%2B%25";
    assertThat(requests.get(0).getTarget()).isEqualTo(filters + "&limit=2");
    assertThat(requests.get(1).getTarget()).isEqualTo(filters + "&limit=2&offset=2");
    assertThat(requests.get(2).getTarget()).isEqualTo(filters + "&limit=2&offset=4");
    for (RecordedRequest r : requests) {
      assertThat(r.getUrl().queryParameter("customerId")).isEqualTo(customer);
      assertThat(r.getUrl().queryParameterValues("customerId")).hasSize(1);
    }
    // Each auto-paging view starts again from its page: two items need no request.
    assertThat(first.autoPagingStream().limit(2)).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(3); // the first page alone served them
  }

  @Test
  void theNextOffsetCountsFromTheRequestedOffset() throws Exception {
    enqueue(200, listPage(3, 4, 9L, "pay_e", "pay_f", "pay_g"));
    enqueue(200, listPage(3, 7, 9L, "pay_h", "pay_i"));
    Page<PaygenticPayment> page = payments().list(params().limit(3).offset(4).build());
    assertThat(page.hasNextPage()).isTrue();
    Page<PaygenticPayment> next = page.nextPage();
    assertThat(next.items()).extracting(PaygenticPayment::id).containsExactly("pay_h", "pay_i");
    assertThat(next.hasNextPage()).isFalse();
    assertThat(next.totalCount()).hasValue(9);
    List<RecordedRequest> requests = recorded();
    assertThat(requests.get(0).getTarget()).isEqualTo("/v0/payments?limit=3&offset=4");
    assertThat(requests.get(1).getTarget()).isEqualTo("/v0/payments?limit=3&offset=7");
  }

  @Test
  void theClientsMerchantIdIsSentUnlessTheParamsHaveOne() throws Exception {
    PaygenticPayments p = payments(PaygenticClient.builder().merchantId("org_default"));
    enqueue(200, listPage(10, 0, 0L));
    enqueue(200, listPage(10, 0, 0L));
    p.list(params().build());
    p.list(params().merchantId("org_other").status(PaygenticPaymentStatus.EXPIRED).build());
    List<RecordedRequest> requests = recorded();
    assertThat(requests.get(0).getTarget()).isEqualTo("/v0/payments?merchantId=org_default");
    assertThat(requests.get(1).getTarget())
        .isEqualTo("/v0/payments?merchantId=org_other&status=expired");
  }

  @Test
  void theDefaultMerchantIdFollowsEveryNextPage() throws Exception {
    PaygenticPayments p = payments(PaygenticClient.builder().merchantId("org_default"));
    enqueue(200, listPage(1, 0, 2L, "pay_a"));
    enqueue(200, listPage(1, 1, 2L, "pay_b"));
    assertThat(p.list(params().limit(1).build()).autoPagingStream()).hasSize(2);
    List<RecordedRequest> requests = recorded();
    assertThat(requests.get(1).getTarget())
        .isEqualTo("/v0/payments?merchantId=org_default&limit=1&offset=1");
  }

  @Test
  void withoutATotalAFullPageMeansThereMayBeMore() throws Exception {
    enqueue(200, listPage(2, 0, null, "pay_a", "pay_b"));
    enqueue(200, listPage(2, 2, null, "pay_c"));
    Page<PaygenticPayment> page = payments().list(params().limit(2).build());
    assertThat(page.totalCount()).isEmpty();
    assertThat(page.hasNextPage()).isTrue();
    Page<PaygenticPayment> next = page.nextPage();
    assertThat(next.hasNextPage()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anEmptyPageEndsThePagingEvenIfTheTotalSaysMore() throws Exception {
    enqueue(200, listPage(2, 0, 10L));
    Page<PaygenticPayment> page = payments().list(params().limit(2).build());
    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.totalCount()).hasValue(10);
  }

  @Test
  void asyncAutoPagingFetchesEachPageWithoutBlocking() throws Exception {
    enqueue(200, listPage(2, 0, 5L, "pay_a", "pay_b"));
    enqueue(200, listPage(2, 2, 5L, "pay_c", "pay_d"));
    enqueue(200, listPage(2, 4, 5L, "pay_e"));
    List<String> ids = new ArrayList<>();
    CompletableFuture<Page<PaygenticPayment>> first =
        payments().listAsync(params().limit(2).build());
    assertThat(first.get(5, TimeUnit.SECONDS).totalCount()).hasValue(5);
    first.thenCompose(p -> p.autoPagingForEachAsync(x -> ids.add(x.id()))).get(5, TimeUnit.SECONDS);
    assertThat(ids).containsExactly("pay_a", "pay_b", "pay_c", "pay_d", "pay_e");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(recorded().get(2).getTarget()).isEqualTo("/v0/payments?limit=2&offset=4");
  }

  @Test
  void nextPageAsync() throws Exception {
    enqueue(200, listPage(1, 0, 2L, "pay_a"));
    enqueue(200, listPage(1, 1, 2L, "pay_b"));
    Page<PaygenticPayment> second =
        payments()
            .listAsync(params().limit(1).build())
            .thenCompose(Page::nextPageAsync)
            .get(5, TimeUnit.SECONDS);
    assertThat(second.items()).extracting(PaygenticPayment::id).containsExactly("pay_b");
    assertThat(second.nextPageAsync()).isCompletedExceptionally();
  }

  @Test
  void aFailingListOrPageThrowsTheMappedException() throws Exception {
    enqueue(401, "{\"error\":\"unauthorized\",\"message\":\"Invalid API key\"}");
    assertThatThrownBy(() -> payments().list(params().build()))
        .isInstanceOf(AuthenticationException.class)
        .satisfies(record());
    enqueue(200, listPage(1, 0, 2L, "pay_a"));
    enqueue(403, "{\"error\":\"forbidden\",\"message\":\"Not your merchant\"}");
    Iterator<PaygenticPayment> it =
        payments().list(params().limit(1).build()).autoPagingIterable().iterator();
    assertThat(it.next().id()).isEqualTo("pay_a");
    assertThatThrownBy(it::hasNext).isInstanceOf(PermissionException.class).satisfies(record());
    enqueue(401, "{\"error\":\"unauthorized\",\"message\":\"Invalid API key\"}");
    assertThat(payments().listAsync(params().build()))
        .failsWithin(5, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(AuthenticationException.class);
  }

  @Test
  void aListIsAGetAndIsRetriedOnA5xx() throws Exception {
    enqueue(503, "{\"error\":\"service_unavailable\",\"message\":\"try later\"}");
    enqueue(200, listPage(10, 0, 1L, "pay_a"));
    assertThat(payments().list(params().build()).items()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void listNeedsParams() {
    assertThatThrownBy(() -> payments().list(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> payments().listAsync(null)).isInstanceOf(NullPointerException.class);
  }
}
