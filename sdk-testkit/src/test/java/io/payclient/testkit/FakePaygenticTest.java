package io.payclient.testkit;

import static io.payclient.testkit.JsonTree.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.AuthenticationException;
import io.payclient.core.ConnectionException;
import io.payclient.core.Money;
import io.payclient.core.NotFoundException;
import io.payclient.core.Page;
import io.payclient.core.PayClientException;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentStatus;
import io.payclient.core.RequestValidationException;
import io.payclient.core.ServerException;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import io.payclient.paygentic.PaygenticPaymentListParams;
import io.payclient.paygentic.PaygenticPaymentStatus;
import io.payclient.testkit.junit.FakePaygenticExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.ByteString;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FakePaygenticTest {
  @RegisterExtension final FakePaygenticExtension fake = new FakePaygenticExtension();

  private final OkHttpClient http = new OkHttpClient();
  private final List<PaygenticClient> clients = new ArrayList<>();

  private @Nullable PaygenticClient client;

  /** The shared client without a default merchant id. */
  private PaygenticClient client() {
    if (client == null) {
      client = client(null);
    }
    return client;
  }

  /** A new client with a 500 ms read timeout, closed after the test. */
  private PaygenticClient client(@Nullable String merchantId) {
    PaygenticClient c =
        PaygenticClient.builder()
            .apiKey(fake.apiKey())
            .baseUrl(fake.baseUrl())
            .merchantId(merchantId)
            .readTimeout(Duration.ofMillis(500))
            .build();
    clients.add(c);
    return c;
  }

  @AfterEach
  void close() {
    clients.forEach(PaygenticClient::close);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** A status and the parsed JSON object of an answer. */
  record Answer(int code, Map<String, @Nullable Object> json) {
    @SuppressWarnings("unchecked")
    List<Map<String, @Nullable Object>> list(String field) {
      return (List<Map<String, @Nullable Object>>) json.get(field);
    }

    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> object(String field) {
      return (Map<String, @Nullable Object>) json.get(field);
    }
  }

  private Answer call(Request.Builder request, String key) throws Exception {
    try (Response r =
        http.newCall(request.header("Authorization", "Bearer " + key).build()).execute()) {
      assertThat(r.header("Content-Type")).startsWith("application/json");
      ByteString body = r.body().byteString();
      Map<String, @Nullable Object> json = JsonTree.parseObject(body);
      assertThat(json).as("JSON object body: %s", body.utf8()).isNotNull();
      return new Answer(r.code(), json);
    }
  }

  private Answer post(String json) throws Exception {
    return post(json, fake.apiKey());
  }

  private Answer post(String json, String key) throws Exception {
    return call(
        new Request.Builder()
            .url(fake.baseUrl() + "/v0/payments")
            .post(RequestBody.create(json, MediaType.get("application/json"))),
        key);
  }

  private Answer get(String pathAndQuery) throws Exception {
    return call(new Request.Builder().url(fake.baseUrl() + pathAndQuery), fake.apiKey());
  }

  /** A valid create body with the given fields added or replaced ({@code null} removes). */
  private static String body(@Nullable Object... fields) {
    Map<String, @Nullable Object> b = obj("amount", "10.50", "currency", "USD");
    Map<String, @Nullable Object> extra = obj(fields);
    for (Map.Entry<String, @Nullable Object> e : extra.entrySet()) {
      if (e.getValue() == null) {
        b.remove(e.getKey());
      } else {
        b.put(e.getKey(), e.getValue());
      }
    }
    return JsonTree.write(b);
  }

  private static List<Object> lineItems(int n) {
    return Collections.nCopies(n, obj("description", "Widget", "amount", "1.00"));
  }

  // ---- raw HTTP: the wire rules
  // ------------------------------------------------------------------

  @Test
  void bindsToLoopbackWithoutABasePathAndChecksTheKey() throws Exception {
    assertThat(fake.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(fake.apiKey()).isEqualTo(FakePaygentic.DEFAULT_API_KEY);
    Answer a = post(body(), "sk_test_wrong");
    assertThat(a.code()).isEqualTo(401);
    assertThat(a.json()).isEqualTo(obj("error", "unauthorized", "message", "Unauthorized"));
    assertThat(fake.createdPayments()).isZero();
    assertThat(new FakePaygentic("sk_test_other").apiKey()).isEqualTo("sk_test_other");
  }

  @Test
  void aCreateAnswers201WithTheNewPaymentAndEchoesItsFields() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    Answer a =
        post(
            body(
                "amount",
                "49.99",
                "currency",
                "EUR",
                "merchantId",
                "org_1",
                "customerId",
                "cus_1",
                "idempotencyKey",
                "order_12345",
                "reference",
                "Order #12345",
                "metadata",
                obj("orderId", "order_12345"),
                "lineItems",
                List.of(
                    obj("description", "Pro Widget", "amount", "39.99", "quantity", 1),
                    obj("description", "Shipping", "amount", "10.00")),
                "successRedirectUrl",
                "https://example.com/success",
                "failureRedirectUrl",
                "https://example.com/failure",
                "savePaymentMethod",
                true,
                "expiresIn",
                "P7D"));
    assertThat(a.code()).isEqualTo(201);
    Map<String, @Nullable Object> p = a.json();
    assertThat((String) p.get("id")).matches("pay_[0-9a-f]{16}");
    assertThat(p)
        .containsEntry("object", "payment")
        .containsEntry("amount", "49.99")
        .containsEntry("currency", "EUR")
        .containsEntry("status", "pending")
        .containsEntry("customerId", "cus_1")
        .containsEntry("idempotencyKey", "order_12345")
        .containsEntry("reference", "Order #12345")
        .containsEntry("metadata", obj("orderId", "order_12345"))
        .doesNotContainKeys("merchantId", "successRedirectUrl", "savePaymentMethod", "expiresIn");
    assertThat(a.list("lineItems"))
        .containsExactly(
            obj("description", "Pro Widget", "amount", "39.99", "quantity", BigDecimal.ONE),
            obj("description", "Shipping", "amount", "10.00", "quantity", BigDecimal.ONE));
    assertThat((String) p.get("paymentUrl"))
        .startsWith(fake.baseUrl())
        .endsWith((String) p.get("id"));
    Instant created = Instant.parse((String) p.get("createdAt"));
    assertThat(created).isBetween(before, Instant.now());
    assertThat(Instant.parse((String) p.get("expiresAt")))
        .isEqualTo(created.plus(Duration.ofDays(7)));
    assertThat(fake.createdPayments()).isEqualTo(1);
    assertThat(fake.paymentCount()).isEqualTo(1);
    assertThat(fake.paymentIds()).containsExactly((String) p.get("id"));
  }

  @Test
  void withoutExpiresInAPaymentExpiresAfterThirtyDaysAndOmitsUnsetFields() throws Exception {
    Answer a = post(body());
    assertThat(a.code()).isEqualTo(201);
    Instant created = Instant.parse((String) a.json().get("createdAt"));
    assertThat(Instant.parse((String) a.json().get("expiresAt")))
        .isEqualTo(created.plus(Duration.ofDays(30)));
    assertThat(a.json())
        .doesNotContainKeys("customerId", "idempotencyKey", "reference", "metadata", "lineItems");
  }

  static Stream<Arguments> invalidCreates() {
    return Stream.of(
        Arguments.of(body("amount", null), "amount", "required"),
        Arguments.of(body("amount", new BigDecimal("10.50")), "amount", "invalid_type"),
        Arguments.of(body("amount", "10.505"), "amount", "invalid_format"),
        Arguments.of(body("amount", "-5.00"), "amount", "invalid_format"),
        Arguments.of(body("amount", "1e3"), "amount", "invalid_format"),
        Arguments.of(body("amount", "0.99"), "amount", "too_small"),
        Arguments.of(body("amount", "5000.01"), "amount", "too_big"),
        Arguments.of(body("currency", null), "currency", "required"),
        Arguments.of(body("currency", "JPY"), "currency", "invalid_enum_value"),
        Arguments.of(body("currency", "usd"), "currency", "invalid_enum_value"),
        Arguments.of(body("idempotencyKey", "k".repeat(256)), "idempotencyKey", "too_big"),
        Arguments.of(body("reference", "r".repeat(256)), "reference", "too_big"),
        Arguments.of(body("customerId", 7), "customerId", "invalid_type"),
        Arguments.of(body("metadata", obj("n", 1)), "metadata.n", "invalid_type"),
        Arguments.of(body("metadata", List.of()), "metadata", "invalid_type"),
        Arguments.of(body("lineItems", lineItems(101)), "lineItems", "too_big"),
        Arguments.of(
            body("lineItems", List.of(obj("amount", "1.00"))),
            "lineItems[0].description",
            "required"),
        Arguments.of(
            body("lineItems", List.of(obj("description", "x", "amount", "1.5.0"))),
            "lineItems[0].amount",
            "invalid_format"),
        Arguments.of(
            body("lineItems", List.of(obj("description", "x", "amount", "1", "quantity", 0))),
            "lineItems[0].quantity",
            "invalid_type"),
        Arguments.of(
            body("successRedirectUrl", "not a url"), "successRedirectUrl", "invalid_string"),
        Arguments.of(
            body("failureRedirectUrl", "/relative"), "failureRedirectUrl", "invalid_string"),
        Arguments.of(body("savePaymentMethod", true), "customerId", "required"),
        Arguments.of(body("savePaymentMethod", "yes"), "savePaymentMethod", "invalid_type"),
        Arguments.of(body("expiresIn", "P32D"), "expiresIn", "too_big"),
        Arguments.of(body("expiresIn", "P31DT1S"), "expiresIn", "too_big"),
        Arguments.of(body("expiresIn", "PT745H"), "expiresIn", "too_big"),
        Arguments.of(body("expiresIn", "P5W"), "expiresIn", "too_big"),
        Arguments.of(body("expiresIn", "P1M"), "expiresIn", "invalid_format"),
        Arguments.of(body("expiresIn", "7 days"), "expiresIn", "invalid_format"),
        Arguments.of(body("expiresIn", "PT0S"), "expiresIn", "too_small"),
        Arguments.of(body("expiresIn", "-P1D"), "expiresIn", "too_small"));
  }

  @ParameterizedTest
  @MethodSource("invalidCreates")
  void everyRuleAnswers400InTheValidationErrorShape(String json, String field, String code)
      throws Exception {
    Answer a = post(json);
    assertThat(a.code()).isEqualTo(400);
    assertThat(a.json()).containsEntry("error", "validation_error");
    assertThat(a.json().get("message")).isInstanceOf(String.class);
    assertThat(a.list("errors")).hasSize(1);
    Map<String, @Nullable Object> error = a.list("errors").get(0);
    assertThat(error).containsEntry("field", field).containsEntry("code", code);
    assertThat((String) error.get("message")).isNotBlank();
    assertThat(fake.createdPayments()).isZero();
    assertThat(fake.paymentCount()).isZero();
  }

  @Test
  void everyViolationIsListed() throws Exception {
    Answer a = post(body("amount", "0", "currency", "XXX", "expiresIn", "P40D"));
    assertThat(a.code()).isEqualTo(400);
    assertThat(a.list("errors"))
        .extracting(e -> e.get("field"))
        .containsExactly("amount", "currency", "expiresIn");
  }

  static Stream<String> boundaryCreates() {
    return Stream.of(
        body("amount", "1.00"),
        body("amount", "1"),
        body("amount", "5000.00"),
        body("amount", "5000"),
        body("amount", "0012.5"),
        body("currency", "AUD", "amount", "4999.99"),
        body("currency", "GBP"),
        body("idempotencyKey", "k".repeat(255)),
        body("reference", "r".repeat(255)),
        body("lineItems", lineItems(100)),
        body("savePaymentMethod", true, "customerId", "cus_1"),
        body("savePaymentMethod", false),
        body("expiresIn", "P31D"),
        body("expiresIn", "PT744H"),
        body("expiresIn", "PT1H"),
        body("expiresIn", "P1W"),
        body("expiresIn", "P1DT2H"),
        body("successRedirectUrl", "https://example.com/ok?x=1"),
        body("metadata", obj()));
  }

  @ParameterizedTest
  @MethodSource("boundaryCreates")
  void valuesAtTheLimitsAreAccepted(String json) throws Exception {
    assertThat(post(json).code()).isEqualTo(201);
    assertThat(fake.createdPayments()).isEqualTo(1);
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsABadRequest() throws Exception {
    for (String bad : List.of("not json", "[1]", "\"x\"")) {
      Answer a = post(bad);
      assertThat(a.code()).isEqualTo(400);
      assertThat(a.json()).containsEntry("error", "bad_request").containsKey("message");
    }
    assertThat(fake.createdPayments()).isZero();
  }

  @Test
  void theSameIdempotencyKeyReplaysTheExistingPaymentWith200() throws Exception {
    Answer first = post(body("idempotencyKey", "order_1", "reference", "first"));
    Answer again = post(body("idempotencyKey", "order_1", "reference", "first"));
    Answer otherBody = post(body("idempotencyKey", "order_1", "amount", "99.00"));
    Answer otherKey = post(body("idempotencyKey", "order_2", "reference", "first"));
    assertThat(first.code()).isEqualTo(201);
    assertThat(again.code()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(otherBody.code()).isEqualTo(200); // Paygentic returns the existing payment
    assertThat(otherBody.json()).isEqualTo(first.json());
    assertThat(otherKey.code()).isEqualTo(201);
    assertThat(otherKey.json().get("id")).isNotEqualTo(first.json().get("id"));
    assertThat(fake.createdPayments()).isEqualTo(2);
    assertThat(fake.paymentCount()).isEqualTo(2);
    // without a key, every create is new
    post(body());
    post(body());
    assertThat(fake.createdPayments()).isEqualTo(4);
  }

  @Test
  void anInvalidBodyIsRefusedEvenWithAKnownKey() throws Exception {
    post(body("idempotencyKey", "order_1"));
    assertThat(post(body("idempotencyKey", "order_1", "amount", "0.10")).code()).isEqualTo(400);
    assertThat(fake.createdPayments()).isEqualTo(1);
  }

  @Test
  void retrieveByIdOr404InTheErrorShape() throws Exception {
    Answer created = post(body("reference", "r1"));
    String id = (String) created.json().get("id");
    Answer got = get("/v0/payments/" + id);
    assertThat(got.code()).isEqualTo(200);
    assertThat(got.json()).isEqualTo(created.json());
    Answer missing = get("/v0/payments/pay_missing");
    assertThat(missing.code()).isEqualTo(404);
    assertThat(missing.json())
        .containsEntry("error", "not_found")
        .containsEntry("message", "The requested resource was not found");
    assertThat(get("/v1/payments").code()).isEqualTo(404);
    assertThat(get("/v0/payments/" + id + "/refunds").code()).isEqualTo(404);
    Answer delete =
        call(
            new Request.Builder().url(fake.baseUrl() + "/v0/payments/" + id).delete(),
            fake.apiKey());
    assertThat(delete.code()).isEqualTo(405);
    assertThat(delete.json()).containsKeys("error", "message");
  }

  @Test
  void aListIsNewestFirstWithOffsetPagination() throws Exception {
    for (int i = 0; i < 12; i++) {
      post(body("reference", "r" + i));
    }
    Answer defaults = get("/v0/payments");
    assertThat(defaults.code()).isEqualTo(200);
    assertThat(defaults.json()).containsEntry("object", "list");
    assertThat(defaults.list("data")).hasSize(10);
    assertThat(defaults.list("data").get(0)).containsEntry("reference", "r11");
    assertThat(defaults.object("pagination"))
        .isEqualTo(
            obj("limit", BigDecimal.TEN, "offset", BigDecimal.ZERO, "total", new BigDecimal(12)));
    Answer last = get("/v0/payments?limit=5&offset=10");
    assertThat(last.list("data")).extracting(p -> p.get("reference")).containsExactly("r1", "r0");
    assertThat(last.object("pagination"))
        .isEqualTo(
            obj("limit", new BigDecimal(5), "offset", BigDecimal.TEN, "total", new BigDecimal(12)));
    Answer past = get("/v0/payments?offset=50");
    assertThat(past.list("data")).isEmpty();
    assertThat(past.object("pagination")).containsEntry("total", new BigDecimal(12));
  }

  @Test
  void aListFiltersByMerchantStatusAndCustomer() throws Exception {
    String a = (String) post(body("customerId", "cus a&b", "merchantId", "org_a")).json().get("id");
    post(body("customerId", "cus a&b"));
    post(body("customerId", "cus_c", "merchantId", "org_a"));
    fake.setStatus(a, "completed");
    assertThat(get("/v0/payments?merchantId=org_a").list("data")).hasSize(2);
    assertThat(get("/v0/payments?merchantId=" + FakePaygentic.DEFAULT_MERCHANT_ID).list("data"))
        .hasSize(1);
    assertThat(get("/v0/payments?customerId=cus%20a%26b").list("data")).hasSize(2);
    assertThat(get("/v0/payments?status=completed").list("data"))
        .extracting(p -> p.get("id"))
        .containsExactly(a);
    assertThat(get("/v0/payments?status=pending&merchantId=org_a").list("data")).hasSize(1);
  }

  static Stream<Arguments> invalidListQueries() {
    return Stream.of(
        Arguments.of("limit=0", "limit", "too_small"),
        Arguments.of("limit=101", "limit", "too_big"),
        Arguments.of("limit=ten", "limit", "invalid_type"),
        Arguments.of("offset=-1", "offset", "too_small"),
        Arguments.of("status=failed", "status", "invalid_enum_value"));
  }

  @ParameterizedTest
  @MethodSource("invalidListQueries")
  void aBadListQueryAnswers400(String query, String field, String code) throws Exception {
    Answer a = get("/v0/payments?" + query);
    assertThat(a.code()).isEqualTo(400);
    assertThat(a.json()).containsEntry("error", "validation_error");
    assertThat(a.list("errors").get(0)).containsEntry("field", field).containsEntry("code", code);
  }

  @Test
  void setStatusMovesAPaymentThroughItsLifecycle() throws Exception {
    PaygenticPayment p =
        client()
            .payments()
            .create(
                PaygenticPaymentCreateRequest.builder().amount(Money.of("10.50", "USD")).build());
    assertThat(fake.status(p.id())).isEqualTo("pending");
    fake.setStatus(p.id(), "processing");
    assertThat(client().payments().retrieve(p.id()).status())
        .isEqualTo(PaygenticPaymentStatus.PROCESSING);
    fake.setStatus(p.id(), "completed");
    Payment neutral = client().retrieve(p.id());
    assertThat(neutral.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(neutral.amount()).contains(Money.of("10.50", "USD"));
    assertThat(neutral.replayed()).isFalse();
    fake.setStatus(p.id(), "on_hold");
    PaygenticPayment odd = client().payments().retrieve(p.id());
    assertThat(odd.status()).isEqualTo(PaygenticPaymentStatus.UNKNOWN);
    assertThat(odd.rawStatus()).isEqualTo("on_hold");
    assertThatThrownBy(() -> fake.setStatus("pay_nope", "completed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pay_nope");
    assertThatThrownBy(() -> fake.setStatus(p.id(), " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.status("pay_nope")).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- through the SDK -------------------------------------------------------------------------

  @Test
  void theSdkValidationAgreesWithTheFake() throws Exception {
    // What the SDK refuses before I/O, the fake refuses too: the two are independent readings.
    assertThat(post(body("amount", "0.50")).code()).isEqualTo(400);
    assertThatThrownBy(
            () ->
                client()
                    .payments()
                    .create(
                        PaygenticPaymentCreateRequest.builder()
                            .amount(Money.of("0.50", "USD"))
                            .build()))
        .isInstanceOf(RequestValidationException.class);
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void createdPaymentsAreListableThroughTheSdkPageByPageAndLazily() {
    PaygenticClient merchantA = client("org_a");
    String customer = "acme & co/1 ?x=y#z+%";
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      PaygenticPayment p =
          merchantA
              .payments()
              .create(
                  PaygenticPaymentCreateRequest.builder()
                      .amount(Money.of("1" + i + ".00", "GBP"))
                      .customerId(i == 2 ? "someone else" : customer)
                      .reference("ref-" + i)
                      .build());
      if (i != 2) {
        mine.add(0, p.id()); // newest first
      }
    }
    client()
        .payments()
        .create(
            PaygenticPaymentCreateRequest.builder()
                .amount(Money.of("3", "EUR"))
                .customerId(customer)
                .build());
    int before = fake.requestCount();

    Page<PaygenticPayment> first =
        merchantA
            .payments()
            .list(PaygenticPaymentListParams.builder().customerId(customer).limit(3).build());
    assertThat(first.totalCount()).hasValue(4);
    assertThat(first.hasNextPage()).isTrue();
    Iterator<PaygenticPayment> it = first.autoPagingIterable().iterator();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seen.add(it.next().id());
    }
    assertThat(fake.requestCount() - before).isEqualTo(1); // the second page not fetched yet
    it.forEachRemaining(p -> seen.add(p.id()));
    assertThat(seen).isEqualTo(mine);
    assertThat(fake.requestCount() - before).isEqualTo(2);

    // the default merchant id applies; without one, the key sees every merchant's payments
    assertThat(client().payments().list(PaygenticPaymentListParams.builder().build()).totalCount())
        .hasValue(6);
    assertThat(
            client()
                .payments()
                .list(PaygenticPaymentListParams.builder().merchantId("org_a").limit(100).build())
                .items())
        .hasSize(5);
    fake.setStatus(mine.get(1), "completed");
    List<PaygenticPayment> completed =
        merchantA
            .payments()
            .list(
                PaygenticPaymentListParams.builder()
                    .status(PaygenticPaymentStatus.COMPLETED)
                    .build())
            .autoPagingStream()
            .toList();
    assertThat(completed).extracting(PaygenticPayment::id).containsExactly(mine.get(1));
    assertThat(completed.get(0).reference()).isEqualTo("ref-3");
    assertThat(completed.get(0).money()).contains(Money.of("13.00", "GBP"));
  }

  @Test
  void zeroAndOnePageThroughTheSdkAndAsync() throws Exception {
    Page<PaygenticPayment> empty =
        client().payments().list(PaygenticPaymentListParams.builder().build());
    assertThat(empty.items()).isEmpty();
    assertThat(empty.hasNextPage()).isFalse();
    assertThat(empty.totalCount()).hasValue(0);
    for (int i = 0; i < 7; i++) {
      client()
          .payments()
          .create(PaygenticPaymentCreateRequest.builder().amount(Money.of("5", "USD")).build());
    }
    Page<PaygenticPayment> one =
        client().payments().list(PaygenticPaymentListParams.builder().build());
    assertThat(one.items()).hasSize(7);
    assertThat(one.hasNextPage()).isFalse();
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    int before = fake.requestCount();
    client()
        .payments()
        .listAsync(PaygenticPaymentListParams.builder().limit(2).build())
        .thenCompose(p -> p.autoPagingForEachAsync(x -> ids.add(x.id())))
        .get(10, TimeUnit.SECONDS);
    assertThat(ids).hasSize(7).doesNotHaveDuplicates();
    assertThat(fake.requestCount() - before).isEqualTo(4);
  }

  // ---- the SDK fault matrix: exactly one payment whatever happens ------------------------------

  static Stream<Arguments> faults() {
    List<Arguments> out = new ArrayList<>();
    for (boolean typed : List.of(true, false)) {
      for (Fault f :
          List.of(
              Fault.resetBeforeProcessing(),
              Fault.resetAfterProcessing(),
              Fault.delay(Duration.ofSeconds(2)),
              Fault.truncatedBody(),
              Fault.rateLimited(Duration.ZERO),
              Fault.serverError(503),
              Fault.serverErrorAfterProcessing(500),
              Fault.htmlPage(502))) {
        out.add(Arguments.of(f, typed ? "typed" : "neutral"));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("faults")
  void everyFaultEndsWithExactlyOnePayment(Fault fault, String api) {
    fake.failNext(fault);
    String id;
    boolean replayed;
    String key;
    if (api.equals("typed")) {
      PaygenticPayment p =
          client()
              .payments()
              .create(
                  PaygenticPaymentCreateRequest.builder()
                      .amount(Money.of("25.00", "USD"))
                      .reference("order-1")
                      .build());
      id = p.id();
      replayed = p.replayed();
      key = p.idempotencyKey();
    } else {
      Payment p =
          client()
              .create(
                  PaymentCreateRequest.builder()
                      .amount(Money.of("25.00", "USD"))
                      .reference("order-1")
                      .build());
      id = p.id();
      replayed = p.replayed();
      key = p.idempotencyKey();
    }
    assertThat(fake.createdPayments()).as("payments created").isEqualTo(1);
    assertThat(fake.paymentIds()).containsExactly(id);
    assertThat(fake.requestCount()).as("requests").isEqualTo(2);
    assertThat(fake.pendingFaults()).isEmpty();
    assertThat(replayed).as("replayed").isEqualTo(fault.processesRequest());
    assertThat(key).isNotBlank(); // generated by the SDK, sent on both attempts
  }

  static Stream<Arguments> exhaustedRetries() {
    return Stream.of(
        Arguments.of(Fault.resetAfterProcessing(), ConnectionException.class, 1),
        Arguments.of(Fault.serverErrorAfterProcessing(500), ServerException.class, 1),
        Arguments.of(Fault.serverError(503), ServerException.class, 0));
  }

  @ParameterizedTest
  @MethodSource("exhaustedRetries")
  void whenEveryRetryFailsTheOutcomeIsUnknownAndTheKeyGetsTheOriginalLater(
      Fault fault, Class<? extends PayClientException> type, int created) {
    fake.failNext(fault, fault, fault);
    PaygenticPaymentCreateRequest request =
        PaygenticPaymentCreateRequest.builder()
            .amount(Money.of("25.00", "USD"))
            .idempotencyKey("order-42")
            .build();
    assertThatThrownBy(() -> client().payments().create(request))
        .isInstanceOfSatisfying(
            type,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.idempotencyKey()).isEqualTo("order-42");
              assertThat(e.attempts()).isEqualTo(3);
            });
    assertThat(fake.requestCount()).isEqualTo(3);
    assertThat(fake.createdPayments()).isEqualTo(created).isLessThanOrEqualTo(1);
    // Later, the same key gets the original payment (or creates it if none was made).
    PaygenticPayment later = client().payments().create(request);
    assertThat(later.replayed()).isEqualTo(created == 1);
    assertThat(fake.createdPayments()).isEqualTo(1);
  }

  @Test
  void theFakesErrorBodiesAreReadByTheSdk() {
    fake.failNext(Fault.serverError(500), Fault.serverError(500), Fault.serverError(500));
    assertThatThrownBy(() -> client().retrieve("pay_x"))
        .isInstanceOfSatisfying(
            ServerException.class, e -> assertThat(e.code()).isEqualTo("internal_server_error"));
    assertThatThrownBy(() -> client().retrieve("pay_x"))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    PaygenticClient wrongKey =
        PaygenticClient.builder().apiKey("sk_test_wrong").baseUrl(fake.baseUrl()).build();
    clients.add(wrongKey);
    assertThatThrownBy(() -> wrongKey.payments().list(PaygenticPaymentListParams.builder().build()))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("unauthorized"));
  }
}
