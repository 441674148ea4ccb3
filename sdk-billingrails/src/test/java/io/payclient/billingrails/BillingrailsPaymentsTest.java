package io.payclient.billingrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.ApiException;
import io.payclient.core.AuthenticationException;
import io.payclient.core.ConflictException;
import io.payclient.core.FieldError;
import io.payclient.core.NotFoundException;
import io.payclient.core.Page;
import io.payclient.core.PaymentsListener;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.core.ResponseFormatException;
import io.payclient.core.ServerException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingrailsPaymentsTest {
  private static final String KEY = "sk_test_br_9c2e4f7a-SECRET";
  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @StartStop MockWebServer server = new MockWebServer();

  private final List<Throwable> thrown = new ArrayList<>();
  private final List<Integer> attempts = new CopyOnWriteArrayList<>();
  private BillingrailsClient client;

  private BillingrailsClient client() {
    return client(b -> b);
  }

  private BillingrailsClient client(UnaryOperator<BillingrailsClient.Builder> custom) {
    if (client == null) {
      client =
          custom
              .apply(
                  BillingrailsClient.builder()
                      .apiKey(KEY)
                      .baseUrl(server.url("/v1").toString())
                      .listener(
                          new PaymentsListener() {
                            @Override
                            public void responseReceived(
                                Call call, int attempt, int httpStatus, Duration duration) {
                              attempts.add(attempt);
                            }
                          }))
              .build();
    }
    return client;
  }

  private BillingrailsPayments payments() {
    return client().payments();
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

  private static BillingrailsPaymentCreateRequest.Builder docsRequest() {
    return BillingrailsPaymentCreateRequest.builder()
        .mode(BillingrailsPaymentMode.OFFLINE)
        .accountId("acc_IhMUl3rrZ3")
        .referenceId("PAY-REF-001")
        .invoiceId("inv_IhMUl3rrZ3");
  }

  private static String key(RecordedRequest r) {
    return r.getHeaders().get("Idempotency-Key");
  }

  @Test
  void createPostsTheDocsBodyWithEveryHeader() throws Exception {
    enqueue(201, Fixtures.read("create-payment-response.json"));
    BillingrailsPayment p = payments().create(docsRequest().build());
    assertThat(p.id()).isEqualTo("pay_IhMUl3rrZ3");
    assertThat(p.paymentLink()).isEqualTo(URI.create("http://example.com"));
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("POST");
    assertThat(req.getTarget()).isEqualTo("/v1/payments");
    assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(req.getHeaders().get("User-Agent"))
        .startsWith("payclient-java/")
        .contains("billingrails");
    assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(req.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(key(req)).matches(UUID_PATTERN);
    assertThat(Fixtures.tree(req.getBody().utf8()))
        .isEqualTo(Fixtures.tree(Fixtures.read("create-payment-request.json")));
  }

  @Test
  void both200And201AreSuccess() {
    enqueue(200, Fixtures.read("create-payment-response.json"));
    enqueue(201, Fixtures.read("create-payment-response.json"));
    assertThat(payments().create(docsRequest().build()).id()).isEqualTo("pay_IhMUl3rrZ3");
    assertThat(payments().create(docsRequest().build()).id()).isEqualTo("pay_IhMUl3rrZ3");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void everyCreateHasItsOwnGeneratedKey() throws Exception {
    for (int i = 0; i < 3; i++) {
      enqueue(201, Fixtures.read("create-payment-response.json"));
    }
    payments().create(docsRequest().build());
    payments().create(docsRequest().build());
    payments().createAsync(docsRequest().build()).get(5, TimeUnit.SECONDS);
    List<String> keys =
        List.of(key(server.takeRequest()), key(server.takeRequest()), key(server.takeRequest()));
    assertThat(keys).allMatch(k -> k.matches(UUID_PATTERN)).doesNotHaveDuplicates();
  }

  @Test
  void theCallersKeyWinsAndRequestOptionsWinOverTheRequest() throws Exception {
    for (int i = 0; i < 3; i++) {
      enqueue(201, Fixtures.read("create-payment-response.json"));
    }
    payments().create(docsRequest().idempotencyKey("from-request").build());
    payments()
        .create(
            docsRequest().idempotencyKey("from-request").build(),
            RequestOptions.builder().idempotencyKey("from-options").build());
    payments()
        .createAsync(
            docsRequest().build(), RequestOptions.builder().idempotencyKey("async-options").build())
        .get(5, TimeUnit.SECONDS);
    assertThat(key(server.takeRequest())).isEqualTo("from-request");
    assertThat(key(server.takeRequest())).isEqualTo("from-options");
    assertThat(key(server.takeRequest())).isEqualTo("async-options");
  }

  @Test
  void aRetryAfter503ReusesTheGeneratedKey() throws Exception {
    enqueue(503, Fixtures.errorBody("500"));
    enqueue(201, Fixtures.read("create-payment-response.json"));
    BillingrailsPayment p = payments().create(docsRequest().build());
    assertThat(p.id()).isEqualTo("pay_IhMUl3rrZ3");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(attempts).containsExactly(1, 2);
    String first = key(server.takeRequest());
    String second = key(server.takeRequest());
    assertThat(first).matches(UUID_PATTERN).isEqualTo(second);
  }

  @Test
  void anAsyncRetryAfter503ReusesTheCallersKey() throws Exception {
    enqueue(503, "");
    enqueue(201, Fixtures.read("create-payment-response.json"));
    BillingrailsPayment p =
        payments()
            .createAsync(docsRequest().idempotencyKey("order-1042").build())
            .get(5, TimeUnit.SECONDS);
    assertThat(p.id()).isEqualTo("pay_IhMUl3rrZ3");
    assertThat(attempts).containsExactly(1, 2);
    assertThat(key(server.takeRequest())).isEqualTo("order-1042");
    assertThat(key(server.takeRequest())).isEqualTo("order-1042");
  }

  @Test
  void anInFlight409IsRetriedWithTheSameKey() throws Exception {
    enqueue(409, Fixtures.errorBody("409_in_flight"));
    enqueue(201, Fixtures.read("create-payment-response.json"));
    BillingrailsPayment p = payments().create(docsRequest().build());
    assertThat(p.id()).isEqualTo("pay_IhMUl3rrZ3");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(key(server.takeRequest())).isEqualTo(key(server.takeRequest()));
  }

  @Test
  void a409ForADifferentBodyIsNotRetried() throws Exception {
    enqueue(409, Fixtures.errorBody("409_mismatch"));
    enqueue(201, Fixtures.read("create-payment-response.json"));
    assertThatThrownBy(
            () -> payments().create(docsRequest().build(), RequestOptions.builder().build()))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(409);
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.vendorMessage()).contains("different request body");
              assertThat(e.idempotencyKey()).matches(UUID_PATTERN);
            })
        .satisfies(record());
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(key(server.takeRequest()))
        .isEqualTo(((ConflictException) thrown.get(0)).idempotencyKey());
  }

  @Test
  void serverErrorsThatOutlastTheRetriesSayTheOutcomeIsUnknownAndCarryTheKey() {
    enqueue(500, Fixtures.errorBody("500"));
    enqueue(502, "<html>Bad gateway</html>");
    assertThatThrownBy(
            () ->
                payments()
                    .create(
                        docsRequest().idempotencyKey("order-7").build(),
                        RequestOptions.builder().maxRetries(1).build()))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.idempotencyKey()).isEqualTo("order-7");
              assertThat(e.attempts()).isEqualTo(2);
              assertThat(e.httpStatus()).isEqualTo(502);
            })
        .satisfies(record());
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource({
    "400_validation, 400, InvalidRequestException, validation_error, Validation error",
    "422_validation, 422, InvalidRequestException, validation_error, Validation error",
    "401, 401, AuthenticationException, unauthorized, Invalid API key.",
    "403, 403, PermissionException, forbidden, You are not allowed to perform this action.",
    "404, 404, NotFoundException, not_found, Invoice not found.",
    "405, 405, InvalidRequestException, method_not_allowed, Method not allowed.",
    "409_mismatch, 409, ConflictException, idempotency_error, "
        + "Idempotency key was already used with a different request body.",
    "429, 429, RateLimitException, too_many_requests, Too many requests. Please try again later.",
    "500, 500, ServerException, internal_server_error, Internal server error.",
    "flat, 404, NotFoundException, invalid_request_url, Invalid request URL."
  })
  void everyErrorExampleMapsToItsException(
      String fixture, int status, String type, String code, String message) {
    enqueue(status, Fixtures.errorBody(fixture));
    assertThatThrownBy(
            () ->
                payments()
                    .create(
                        docsRequest().idempotencyKey("k-" + fixture).build(),
                        RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getClass().getSimpleName()).isEqualTo(type);
              assertThat(e.httpStatus()).isEqualTo(status);
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.vendorMessage()).startsWith(message);
              assertThat(e.getMessage())
                  .startsWith("billingrails HTTP " + status + " " + code + ": " + message)
                  .doesNotContain("Unknown error");
              assertThat(e.vendor()).isEqualTo("billingrails");
              assertThat(e.idempotencyKey()).isEqualTo("k-" + fixture);
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.rawBody()).contains(message);
              switch (fixture) {
                case "400_validation" ->
                    assertThat(e.fieldErrors())
                        .containsExactly(
                            new FieldError("account", "Account is required.", "missing"));
                case "422_validation" ->
                    assertThat(e.fieldErrors())
                        .extracting(FieldError::field, FieldError::message, FieldError::code)
                        .containsExactly(
                            Tuple.tuple("reference_id", "Reference is required.", null),
                            Tuple.tuple("invoice_id", "Invoice is already paid.", "invalid_state"));
                default -> assertThat(e.fieldErrors()).isEmpty();
              }
            })
        .satisfies(record());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theValidationMessageNamesTheFieldErrors() {
    enqueue(400, Fixtures.errorBody("400_validation"));
    assertThatThrownBy(() -> payments().create(docsRequest().build()))
        .hasMessageContaining("Validation error")
        .hasMessageContaining("account: Account is required. (missing)")
        .satisfies(record());
  }

  @Test
  void anUnreadableSuccessIsAFormatErrorWithTheKey() {
    enqueue(201, "{\"payment\":{\"status\":\"succeeded\"}}");
    assertThatThrownBy(() -> payments().create(docsRequest().idempotencyKey("fmt-1").build()))
        .isInstanceOfSatisfying(
            ResponseFormatException.class,
            e -> {
              assertThat(e.idempotencyKey()).isEqualTo("fmt-1");
              assertThat(e.outcomeUnknown()).isTrue();
            })
        .satisfies(record());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void eachRuleFailsBeforeIoOnTheTypedPath() {
    Map<String, UnaryOperator<BillingrailsPaymentCreateRequest.Builder>> cases =
        Map.of(
            "account_id", b -> b.accountId(null),
            "reference_id", b -> b.referenceId(" "),
            "invoice_id", b -> b.invoiceId(null),
            "credit_grant_id", b -> b.creditGrantId("cg_1"),
            "order_id", b -> b.invoiceId(null).orderId(""),
            "succeeded_at",
                b ->
                    b.mode(BillingrailsPaymentMode.ONLINE)
                        .integrationId("int_1")
                        .succeededAt(Instant.EPOCH),
            "integration_id", b -> b.mode(BillingrailsPaymentMode.ONLINE),
            "payment_method_id", b -> b.mode(BillingrailsPaymentMode.ONLINE).paymentMethodId(" "),
            "Idempotency-Key", b -> b.idempotencyKey("k".repeat(181)));
    cases.forEach(
        (field, broken) ->
            assertThatThrownBy(() -> payments().create(broken.apply(docsRequest()).build()))
                .isInstanceOfSatisfying(
                    RequestValidationException.class,
                    e -> assertThat(e.hasViolation(field)).as(field).isTrue())
                .satisfies(record()));
    assertThatThrownBy(
            () ->
                payments()
                    .create(
                        docsRequest().build(),
                        RequestOptions.builder().idempotencyKey("k".repeat(181)).build()))
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e -> assertThat(e.hasViolation("Idempotency-Key")).isTrue())
        .satisfies(record());
    CompletableFuture<BillingrailsPayment> async =
        payments()
            .createAsync(
                docsRequest().build(), RequestOptions.builder().idempotencyKey("bad\nkey").build());
    assertThat(async).isCompletedExceptionally();
    assertThatThrownBy(async::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(RequestValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void retrieveEncodesTheIdAndReadsTheRequestId() throws Exception {
    enqueue(200, Fixtures.read("retrieve-payment-online.json"));
    BillingrailsPayment p = payments().retrieve("a/b c");
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("GET");
    assertThat(req.getTarget()).isEqualTo("/v1/payments/a%2Fb%20c");
    assertThat(req.getHeaders().get("Idempotency-Key")).isNull();
    assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(p.id()).isEqualTo("pay_8kQz1");
    assertThat(p.requestId()).isEqualTo("req_IhMUl3rrZ3");
    assertThat(p.failureReason()).isEqualTo(BillingrailsPaymentFailureReason.GATEWAY_ERROR);
  }

  @Test
  void retrieveAsyncAndNotFound() throws Exception {
    enqueue(200, Fixtures.read("create-payment-response.json"));
    assertThat(payments().retrieveAsync("pay_IhMUl3rrZ3").get(5, TimeUnit.SECONDS).referenceId())
        .isEqualTo("PAY-REF-001");
    enqueue(
        404,
        "{\"error\":{\"type\":\"request_error\",\"code\":\"not_found\","
            + "\"message\":\"Payment not found.\"},\"meta\":{\"request_id\":\"req_404\"}}");
    assertThatThrownBy(() -> payments().retrieve("nope"))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.vendorMessage()).startsWith("Payment not found.");
              assertThat(e.requestId()).isEqualTo("req_404");
              assertThat(e.idempotencyKey()).isNull();
            })
        .satisfies(record());
    assertThat(payments().retrieveAsync(" ")).isCompletedExceptionally();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  // ---- listing ----

  private static String listed(String id) {
    return "{\"object\":\"payment\",\"id\":\""
        + id
        + "\",\"account_id\":\"acc_1\",\"amount\":1000,\"currency\":\"USD\","
        + "\"reference_id\":\"ref-"
        + id
        + "\",\"status\":\"succeeded\",\"created_at\":\"2025-02-14T17:33:40.843Z\"}";
  }

  private static String listPage(long current, long perPage, long total, String... ids) {
    List<String> items = new ArrayList<>();
    for (String id : ids) {
      items.add(listed(id));
    }
    return "{\"payments\":["
        + String.join(",", items)
        + "],\"meta\":{\"request_id\":\"req_p"
        + current
        + "\",\"current_page\":"
        + current
        + ",\"per_page\":"
        + perPage
        + ",\"total_count\":"
        + total
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

  @Test
  void listOfNothingIsOneEmptyPage() throws Exception {
    enqueue(200, listPage(1, 20, 0));
    Page<BillingrailsPayment> page =
        payments().list(BillingrailsPaymentListParams.builder().build());
    assertThat(page.items()).isEmpty();
    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.totalCount()).hasValue(0);
    assertThat(page.autoPagingStream()).isEmpty();
    assertThat(page.autoPagingIterable()).isEmpty();
    List<RecordedRequest> requests = recorded();
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getMethod()).isEqualTo("GET");
    assertThat(requests.get(0).getTarget()).isEqualTo("/v1/payments");
    assertThat(requests.get(0).getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(requests.get(0).getHeaders().get("Idempotency-Key")).isNull();
  }

  @Test
  void listOfOnePage() throws Exception {
    enqueue(200, listPage(1, 20, 2, "pay_a", "pay_b"));
    Page<BillingrailsPayment> page =
        payments().list(BillingrailsPaymentListParams.builder().perPage(20).build());
    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.totalCount()).hasValue(2);
    assertThat(page.autoPagingStream().map(BillingrailsPayment::id))
        .containsExactly("pay_a", "pay_b");
    assertThat(page.items().get(0).amount()).contains(io.payclient.core.Money.of("10", "USD"));
    assertThat(page.items().get(0).requestId()).isEqualTo("req_p1");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/payments?per_page=20");
  }

  @Test
  void aFullLastPageHasNoNextPage() throws Exception {
    enqueue(200, listPage(2, 2, 4, "pay_c", "pay_d"));
    Page<BillingrailsPayment> page =
        payments().list(BillingrailsPaymentListParams.builder().page(2).perPage(2).build());
    assertThat(page.hasNextPage()).isFalse(); // 2 * 2 == 4
    assertThat(page.autoPagingStream().count()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/payments?page=2&per_page=2");
  }

  @Test
  void manyPagesAreFetchedLazily() throws Exception {
    enqueue(200, listPage(1, 2, 5, "pay_a", "pay_b"));
    enqueue(200, listPage(2, 2, 5, "pay_c", "pay_d"));
    enqueue(200, listPage(3, 2, 5, "pay_e"));
    Page<BillingrailsPayment> first =
        payments().list(BillingrailsPaymentListParams.builder().perPage(2).build());
    assertThat(first.hasNextPage()).isTrue();
    assertThat(first.totalCount()).hasValue(5);
    assertThat(server.getRequestCount()).isEqualTo(1);

    assertThat(first.autoPagingStream().limit(2).map(BillingrailsPayment::id))
        .containsExactly("pay_a", "pay_b");
    assertThat(server.getRequestCount()).as("the first page is enough").isEqualTo(1);

    java.util.Iterator<BillingrailsPayment> it = first.autoPagingIterable().iterator();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seen.add(it.next().id());
    }
    assertThat(seen).containsExactly("pay_a", "pay_b", "pay_c");
    assertThat(server.getRequestCount()).as("page 3 not fetched yet").isEqualTo(2);
    it.forEachRemaining(p -> seen.add(p.id()));
    assertThat(seen).containsExactly("pay_a", "pay_b", "pay_c", "pay_d", "pay_e");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(recorded())
        .extracting(RecordedRequest::getTarget)
        .containsExactly(
            "/v1/payments?per_page=2",
            "/v1/payments?page=2&per_page=2",
            "/v1/payments?page=3&per_page=2");
  }

  @Test
  void anEmptyPageEndsPagingEvenWhenTheCountSaysMore() throws Exception {
    enqueue(200, listPage(1, 2, 9, "pay_a", "pay_b"));
    enqueue(200, listPage(2, 2, 9)); // deleted meanwhile: the count is stale
    Page<BillingrailsPayment> first =
        payments().list(BillingrailsPaymentListParams.builder().perPage(2).build());
    assertThat(first.autoPagingStream().map(BillingrailsPayment::id))
        .containsExactly("pay_a", "pay_b");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theNextPageCountsFromTheRequestNotFromTheServersEcho() throws Exception {
    // A server that always says current_page 1 must not make paging loop on page 2.
    enqueue(200, listPage(1, 1, 3, "pay_a"));
    enqueue(200, listPage(1, 1, 3, "pay_b"));
    enqueue(200, listPage(1, 1, 3, "pay_c"));
    enqueue(200, listPage(1, 1, 3));
    List<String> ids =
        payments()
            .list(BillingrailsPaymentListParams.builder().build())
            .autoPagingStream()
            .map(BillingrailsPayment::id)
            .toList();
    assertThat(ids).containsExactly("pay_a", "pay_b", "pay_c");
    assertThat(recorded())
        .extracting(RecordedRequest::getTarget)
        .containsExactly(
            "/v1/payments", "/v1/payments?page=2", "/v1/payments?page=3", "/v1/payments?page=4");
  }

  @Test
  void withoutPerPageInTheMetaTheRequestedSizeIsUsed() throws Exception {
    enqueue(
        200,
        "{\"payments\":[" + listed("pay_a") + "],\"meta\":{\"current_page\":1,\"total_count\":2}}");
    enqueue(
        200,
        "{\"payments\":[" + listed("pay_b") + "],\"meta\":{\"current_page\":2,\"total_count\":2}}");
    Page<BillingrailsPayment> first =
        payments().list(BillingrailsPaymentListParams.builder().perPage(1).build());
    assertThat(first.hasNextPage()).isTrue();
    Page<BillingrailsPayment> second = first.nextPage();
    assertThat(second.items()).extracting(BillingrailsPayment::id).containsExactly("pay_b");
    assertThat(second.hasNextPage()).isFalse();
    // without any meta there is nothing to page through
    enqueue(200, "{\"payments\":[" + listed("pay_z") + "]}");
    Page<BillingrailsPayment> bare =
        payments().list(BillingrailsPaymentListParams.builder().build());
    assertThat(bare.hasNextPage()).isFalse();
    assertThat(bare.totalCount()).isEmpty();
  }

  @Test
  void asyncAutoPaging() throws Exception {
    enqueue(200, listPage(1, 2, 3, "pay_a", "pay_b"));
    enqueue(200, listPage(2, 2, 3, "pay_c"));
    List<String> ids = new CopyOnWriteArrayList<>();
    payments()
        .listAsync(BillingrailsPaymentListParams.builder().perPage(2).build())
        .thenCompose(p -> p.autoPagingForEachAsync(x -> ids.add(x.id())))
        .get(5, TimeUnit.SECONDS);
    assertThat(ids).containsExactly("pay_a", "pay_b", "pay_c");
    assertThat(server.getRequestCount()).isEqualTo(2);
    enqueue(200, listPage(1, 2, 3, "pay_a", "pay_b"));
    Page<BillingrailsPayment> again =
        payments()
            .listAsync(BillingrailsPaymentListParams.builder().build())
            .get(5, TimeUnit.SECONDS);
    assertThat(again.totalCount()).hasValue(3);
    assertThat(server.getRequestCount()).as("no page fetched ahead").isEqualTo(3);
  }

  @Test
  void listFailuresAreTypedAndRetriedWhenTransient() throws Exception {
    enqueue(503, "{\"error\":{\"type\":\"request_error\",\"code\":\"internal_server_error\"}}");
    enqueue(200, listPage(1, 20, 1, "pay_a"));
    assertThat(payments().list(BillingrailsPaymentListParams.builder().build()).items()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
    enqueue(
        401,
        "{\"error\":{\"type\":\"request_error\",\"code\":\"unauthorized\","
            + "\"message\":\"Invalid API key\"}}");
    assertThatThrownBy(() -> payments().list(BillingrailsPaymentListParams.builder().build()))
        .isInstanceOf(AuthenticationException.class)
        .satisfies(record());
    enqueue(200, "[]");
    assertThatThrownBy(() -> payments().list(BillingrailsPaymentListParams.builder().build()))
        .isInstanceOf(ResponseFormatException.class)
        .satisfies(record());
    assertThatThrownBy(() -> payments().list(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> payments().listAsync(null)).isInstanceOf(NullPointerException.class);
  }
}
