package io.payclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonReader;
import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.billingrails.BillingrailsPaymentListParams;
import io.payclient.billingrails.BillingrailsPaymentStatus;
import io.payclient.billingrails.internal.BillingrailsErrorParser;
import io.payclient.core.ApiError;
import io.payclient.core.AuthenticationException;
import io.payclient.core.ClientOptions;
import io.payclient.core.ConflictException;
import io.payclient.core.Money;
import io.payclient.core.NotFoundException;
import io.payclient.core.Page;
import io.payclient.core.PayClientException;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsClients;
import io.payclient.core.RequestOptions;
import io.payclient.core.ServerException;
import io.payclient.testkit.junit.FakeBillingrailsExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FakeBillingrailsTest {
  @RegisterExtension final FakeBillingrailsExtension billingrails = new FakeBillingrailsExtension();

  private final OkHttpClient http = new OkHttpClient();

  /** The Idempotency-Key header of every request the SDK clients put on the wire, in order. */
  private final List<@Nullable String> sentKeys = new CopyOnWriteArrayList<>();

  private final OkHttpClient recording =
      new OkHttpClient.Builder()
          .addNetworkInterceptor(
              chain -> {
                sentKeys.add(chain.request().header("Idempotency-Key"));
                return chain.proceed(chain.request());
              })
          .build();

  private final List<AutoCloseable> clients = new ArrayList<>();

  private BillingrailsClient client() {
    BillingrailsClient c =
        BillingrailsClient.builder()
            .apiKey(billingrails.apiKey())
            .baseUrl(billingrails.baseUrl())
            .readTimeout(Duration.ofMillis(500))
            .okHttpClient(recording)
            .build();
    clients.add(c);
    return c;
  }

  private PaymentsClient neutralClient() {
    PaymentsClient c =
        PaymentsClients.create(
            "billingrails",
            ClientOptions.builder()
                .apiKey(billingrails.apiKey())
                .baseUrl(billingrails.baseUrl())
                .readTimeout(Duration.ofMillis(500))
                .okHttpClient(recording)
                .build());
    clients.add(c);
    return c;
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : clients) {
      c.close();
    }
    for (OkHttpClient c : List.of(http, recording)) {
      c.dispatcher().executorService().shutdown();
      c.connectionPool().evictAll();
    }
  }

  // ---- raw HTTP ----

  private Response send(String method, String path, @Nullable String json, String... headers)
      throws Exception {
    Request.Builder b =
        new Request.Builder()
            .url(billingrails.baseUrl() + path)
            .method(
                method,
                json == null ? null : RequestBody.create(json, MediaType.get("application/json")));
    b.header("Authorization", "Bearer " + billingrails.apiKey());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.newCall(b.build()).execute();
  }

  private Response post(String json, String... headers) throws Exception {
    return send("POST", "/payments", json, headers);
  }

  /** Status and parsed body of a response. */
  private record Answer(int status, String body, Map<String, @Nullable Object> json) {
    Map<?, ?> object(String name) {
      return (Map<?, ?>) json.get(name);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> details() {
      return (List<Map<String, Object>>) object("error").get("details");
    }
  }

  private static Answer answer(Response r) throws Exception {
    try (r) {
      String body = r.body().string();
      return new Answer(r.code(), body, JsonTree.parseObject(okio.ByteString.encodeUtf8(body)));
    }
  }

  private static String offline(String account, String invoice, String reference) {
    return "{\"mode\":\"offline\",\"account_id\":\""
        + account
        + "\",\"reference_id\":\""
        + reference
        + "\",\"invoice_id\":\""
        + invoice
        + "\"}";
  }

  @Test
  void bindsToLoopbackAndAnswers401InTheNestedShape() throws Exception {
    assertThat(billingrails.baseUrl()).startsWith("http://127.0.0.1:").endsWith("/v1");
    assertThat(billingrails.apiKey()).isEqualTo(FakeBillingrails.DEFAULT_API_KEY);
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 1000);
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url(billingrails.baseUrl() + "/payments")
                    .header("Authorization", "Bearer wrong")
                    .post(
                        RequestBody.create(
                            offline(account, invoice, "r"), MediaType.get("application/json")))
                    .build())
            .execute()) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.body().string())
          .isEqualTo(
              "{\"error\":{\"type\":\"request_error\",\"code\":\"unauthorized\","
                  + "\"message\":\"Unauthorized\"}}");
    }
    assertThat(billingrails.createdPayments()).isZero();
    BillingrailsClient wrongKey =
        BillingrailsClient.builder()
            .apiKey("sk_test_not_the_fakes_key")
            .baseUrl(billingrails.baseUrl())
            .build();
    clients.add(wrongKey);
    assertThatThrownBy(
            () -> wrongKey.payments().list(BillingrailsPaymentListParams.builder().build()))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("unauthorized"));
  }

  @Test
  void anOfflinePaymentTakesTheAmountAndCurrencyOfTheInvoice() throws Exception {
    String account = billingrails.seedAccount("acc_IhMUl3rrZ3");
    String invoice = billingrails.seedInvoice("inv_IhMUl3rrZ3", account, "USD", 1000);
    Answer a = answer(post(offline(account, invoice, "PAY-REF-001")));
    assertThat(a.status()).isEqualTo(201);
    assertThat(a.json()).containsEntry("payment_link", null);
    Map<?, ?> p = a.object("payment");
    assertThat(p.get("object")).isEqualTo("payment");
    assertThat((String) p.get("id")).matches("pay_[A-Za-z0-9]{10}");
    assertThat(p.get("account_id")).isEqualTo("acc_IhMUl3rrZ3");
    assertThat(p.get("amount")).isEqualTo(new BigDecimal("1000"));
    assertThat(p.get("currency")).isEqualTo("USD");
    assertThat(p.get("reference_id")).isEqualTo("PAY-REF-001");
    assertThat(p.get("status")).isEqualTo("succeeded");
    assertThat(p.get("description")).isEqualTo("Payment for invoice inv_IhMUl3rrZ3");
    assertThat(Instant.parse((String) p.get("created_at")))
        .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    assertThat(billingrails.createdPayments()).isEqualTo(1);
    assertThat(billingrails.payments()).hasSize(1);
    assertThat(billingrails.payment((String) p.get("id"))).isPresent();

    // mode defaults to offline; succeeded_at is allowed offline
    Answer noMode =
        answer(
            post(
                "{\"account_id\":\""
                    + account
                    + "\",\"reference_id\":\"r2\",\"invoice_id\":\""
                    + invoice
                    + "\",\"succeeded_at\":\"2025-02-14T17:33:40.843Z\"}"));
    assertThat(noMode.status()).isEqualTo(201);
    assertThat(noMode.object("payment").get("status")).isEqualTo("succeeded");
  }

  @Test
  void anOnlinePaymentIsPendingWithAPaymentLink() throws Exception {
    String account = billingrails.seedAccount();
    String grant = billingrails.seedCreditGrant(account, "EUR", 2550);
    Answer a =
        answer(
            post(
                "{\"mode\":\"online\",\"account_id\":\""
                    + account
                    + "\",\"reference_id\":\"r\",\"credit_grant_id\":\""
                    + grant
                    + "\",\"payment_method_id\":\"pm_42\"}"));
    assertThat(a.status()).isEqualTo(201);
    Map<?, ?> p = a.object("payment");
    assertThat(p.get("status")).isEqualTo("pending");
    assertThat(p.get("amount")).isEqualTo(new BigDecimal("2550"));
    assertThat(p.get("currency")).isEqualTo("EUR");
    assertThat(p.get("payment_method_id")).isEqualTo("pm_42");
    assertThat((String) a.json().get("payment_link"))
        .isEqualTo("https://checkout.fake-billingrails.invalid/pay/" + p.get("id"));
    // the payer pays: the status changes on retrieve
    billingrails.setPaymentStatus((String) p.get("id"), "succeeded");
    BillingrailsPayment retrieved = client().payments().retrieve((String) p.get("id"));
    assertThat(retrieved.status()).isEqualTo(BillingrailsPaymentStatus.SUCCEEDED);
    assertThatThrownBy(() -> billingrails.setPaymentStatus("pay_nope", "failed"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyKindOfPaidObjectCanBePaid() throws Exception {
    String account = billingrails.seedAccount();
    Map<String, String> targets =
        Map.of(
            "invoice_id", billingrails.seedInvoice(account, "USD", 101),
            "payment_request_id", billingrails.seedPaymentRequest(account, "USD", 102),
            "credit_grant_id", billingrails.seedCreditGrant(account, "USD", 103),
            "order_id", billingrails.seedOrder(account, "USD", 104));
    for (Map.Entry<String, String> t : targets.entrySet()) {
      Answer a =
          answer(
              post(
                  "{\"account_id\":\""
                      + account
                      + "\",\"reference_id\":\"r\",\""
                      + t.getKey()
                      + "\":\""
                      + t.getValue()
                      + "\"}"));
      assertThat(a.status()).as(t.getKey()).isEqualTo(201);
    }
    assertThat(billingrails.payments())
        .extracting(p -> ((Number) p.get("amount")).intValue())
        .containsExactlyInAnyOrder(101, 102, 103, 104);
    assertThatThrownBy(() -> billingrails.seedInvoice(account, "USD", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> billingrails.seedInvoice(" ", "USD", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> invalidBodies() {
    String ok = "\"account_id\":\"ACC\",\"reference_id\":\"r\"";
    return Stream.of(
        Arguments.of("not json", 400, "body", "invalid"),
        Arguments.of("[1,2]", 400, "body", "invalid"),
        Arguments.of(
            "{\"reference_id\":\"r\",\"invoice_id\":\"INV\"}", 422, "account_id", "missing"),
        Arguments.of(
            "{\"account_id\":\"ACC\",\"invoice_id\":\"INV\"}", 422, "reference_id", "missing"),
        Arguments.of(
            "{\"account_id\":\"  \",\"reference_id\":\"r\",\"invoice_id\":\"INV\"}",
            422,
            "account_id",
            "missing"),
        Arguments.of(
            "{\"account_id\":42,\"reference_id\":\"r\",\"invoice_id\":\"INV\"}",
            422,
            "account_id",
            "invalid"),
        Arguments.of(
            "{\"mode\":\"cash\"," + ok + ",\"invoice_id\":\"INV\"}", 422, "mode", "invalid"),
        Arguments.of("{" + ok + "}", 422, "invoice_id", "missing"),
        Arguments.of(
            "{" + ok + ",\"invoice_id\":\"INV\",\"payment_request_id\":\"PR\"}",
            422,
            "payment_request_id",
            "invalid"),
        Arguments.of(
            "{" + ok + ",\"invoice_id\":\"INV\",\"order_id\":\"ORD\"}", 422, "order_id", "invalid"),
        Arguments.of(
            "{\"mode\":\"online\","
                + ok
                + ",\"invoice_id\":\"INV\",\"integration_id\":\"int_1\","
                + "\"succeeded_at\":\"2025-02-14T17:33:40Z\"}",
            422,
            "succeeded_at",
            "invalid"),
        Arguments.of(
            "{" + ok + ",\"invoice_id\":\"INV\",\"succeeded_at\":\"yesterday\"}",
            422,
            "succeeded_at",
            "invalid"),
        Arguments.of(
            "{\"mode\":\"online\"," + ok + ",\"invoice_id\":\"INV\"}",
            422,
            "integration_id",
            "missing"));
  }

  @ParameterizedTest
  @MethodSource("invalidBodies")
  void validatesLikeBillingrails(String body, int status, String field, String code)
      throws Exception {
    String account = billingrails.seedAccount("ACC");
    billingrails.seedInvoice("INV", account, "USD", 500);
    Answer a = answer(post(body));
    assertThat(a.status()).isEqualTo(status);
    Map<?, ?> error = a.object("error");
    assertThat(error.get("type")).isEqualTo("request_error");
    assertThat(error.get("code")).isEqualTo("validation_error");
    assertThat(error.get("message")).isEqualTo("Validation error");
    assertThat(a.details())
        .anySatisfy(
            d -> {
              assertThat(d.get("field")).isEqualTo(field);
              assertThat(d.get("code")).isEqualTo(code);
              assertThat((String) d.get("message")).isNotBlank();
            });
    assertThat(billingrails.createdPayments()).isZero();
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() throws Exception {
    Answer a = answer(post("{\"mode\":\"online\",\"succeeded_at\":\"2025-01-01T00:00:00Z\"}"));
    assertThat(a.status()).isEqualTo(422);
    assertThat(a.details())
        .extracting(d -> d.get("field") + ":" + d.get("code"))
        .containsExactly(
            "account_id:missing",
            "reference_id:missing",
            "invoice_id:missing",
            "succeeded_at:invalid",
            "integration_id:missing");
  }

  @Test
  void theAccountAndThePaidObjectMustExistAndBelongTogether() throws Exception {
    String account = billingrails.seedAccount();
    String other = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 500);
    Answer unknownAccount = answer(post(offline("acc_unknown", invoice, "r")));
    assertThat(unknownAccount.status()).isEqualTo(404);
    assertThat(unknownAccount.body())
        .isEqualTo(
            "{\"error\":{\"type\":\"request_error\",\"code\":\"not_found\","
                + "\"message\":\"Account not found.\"}}");
    Answer unknownInvoice = answer(post(offline(account, "inv_unknown", "r")));
    assertThat(unknownInvoice.status()).isEqualTo(404);
    assertThat(unknownInvoice.object("error").get("message")).isEqualTo("Invoice not found.");
    // an invoice id given as a payment request id is no payment request
    Answer wrongKind =
        answer(
            post(
                "{\"account_id\":\""
                    + account
                    + "\",\"reference_id\":\"r\",\"payment_request_id\":\""
                    + invoice
                    + "\"}"));
    assertThat(wrongKind.status()).isEqualTo(404);
    assertThat(wrongKind.object("error").get("message")).isEqualTo("Payment request not found.");
    Answer foreign = answer(post(offline(other, invoice, "r")));
    assertThat(foreign.status()).isEqualTo(422);
    assertThat(foreign.details().get(0)).containsEntry("field", "invoice_id");
    assertThat(billingrails.createdPayments()).isZero();
  }

  // ---- idempotency ----

  @Test
  void theSameKeyAndBodyGetTheOriginalResponseAndCreateNothing() throws Exception {
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 1000);
    String body = offline(account, invoice, "r-1");
    Answer first = answer(post(body, "Idempotency-Key", "key-1"));
    Answer second = answer(post(body, "Idempotency-Key", "key-1"));
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.body()).isEqualTo(first.body());
    // the same body with its fields in another order is the same body
    String reordered =
        "{\"invoice_id\":\""
            + invoice
            + "\",\"reference_id\":\"r-1\",\"account_id\":\""
            + account
            + "\",\"mode\":\"offline\"}";
    assertThat(answer(post(reordered, "Idempotency-Key", "key-1")).body()).isEqualTo(first.body());
    assertThat(billingrails.createdPayments()).isEqualTo(1);
    // another key is another payment
    assertThat(answer(post(body, "Idempotency-Key", "key-2")).body()).isNotEqualTo(first.body());
    assertThat(billingrails.createdPayments()).isEqualTo(2);
  }

  @Test
  void theSameKeyWithAnotherBodyIsANonTransient409() throws Exception {
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 1000);
    assertThat(answer(post(offline(account, invoice, "r-1"), "Idempotency-Key", "k")).status())
        .isEqualTo(201);
    Answer conflict = answer(post(offline(account, invoice, "r-2"), "Idempotency-Key", "k"));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.object("error").get("code")).isEqualTo("idempotency_key_reused");
    assertThat(billingrails.createdPayments()).isEqualTo(1);
    // the SDK must not retry this 409, and must retry the in-flight one
    assertThat(BillingrailsErrorParser.INSTANCE.isTransient(parseError(409, conflict.body())))
        .isFalse();
    assertThat(
            BillingrailsErrorParser.INSTANCE.isTransient(
                parseError(
                    409,
                    billingrails.errorBody(
                        409,
                        "idempotency_key_in_use",
                        "A request with this idempotency key is in progress"))))
        .isTrue();

    // through the SDK: one request, a ConflictException carrying the key
    assertThatThrownBy(
            () ->
                client()
                    .payments()
                    .create(
                        BillingrailsPaymentCreateRequest.builder()
                            .accountId(account)
                            .referenceId("r-3")
                            .invoiceId(invoice)
                            .build(),
                        RequestOptions.builder().idempotencyKey("k").build()))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.idempotencyKey()).isEqualTo("k");
              assertThat(e.outcomeUnknown()).isFalse();
            });
    assertThat(sentKeys).containsExactly("k");
    assertThat(billingrails.createdPayments()).isEqualTo(1);
  }

  private static ApiError parseError(int status, String body) throws Exception {
    return BillingrailsErrorParser.INSTANCE.parse(
        status, JsonReader.of(new Buffer().writeUtf8(body)));
  }

  @Test
  void keysAreKeptTwentyFourHours() throws Exception {
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 1000);
    assertThat(answer(post(offline(account, invoice, "a"), "Idempotency-Key", "k")).status())
        .isEqualTo(201);
    billingrails.advanceClock(Duration.ofHours(23));
    assertThat(answer(post(offline(account, invoice, "b"), "Idempotency-Key", "k")).status())
        .isEqualTo(409);
    billingrails.advanceClock(Duration.ofHours(1));
    Answer later = answer(post(offline(account, invoice, "b"), "Idempotency-Key", "k"));
    assertThat(later.status()).isEqualTo(201);
    assertThat(Instant.parse((String) later.object("payment").get("created_at")))
        .isAfter(Instant.now().plus(Duration.ofHours(23)));
    assertThat(billingrails.createdPayments()).isEqualTo(2);
    assertThatThrownBy(() -> billingrails.advanceClock(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theKeyIsAtMost180CharactersAndWithoutItNothingIsDeduplicated() throws Exception {
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 1000);
    String body = offline(account, invoice, "r");
    Answer tooLong = answer(post(body, "Idempotency-Key", "k".repeat(181)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.details().get(0)).containsEntry("field", "Idempotency-Key");
    assertThat(billingrails.createdPayments()).isZero();
    assertThat(answer(post(body, "Idempotency-Key", "k".repeat(180))).status()).isEqualTo(201);
    assertThat(billingrails.createdPayments()).isEqualTo(1);
    // no key: the official SDKs' retries duplicate payments exactly like this
    assertThat(answer(post(body)).status()).isEqualTo(201);
    assertThat(answer(post(body)).status()).isEqualTo(201);
    assertThat(billingrails.createdPayments()).isEqualTo(3);
  }

  @Test
  void anErrorAnswerIsKeptForItsKeyToo() throws Exception {
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 1000);
    String bad = "{\"account_id\":\"" + account + "\",\"invoice_id\":\"" + invoice + "\"}";
    Answer first = answer(post(bad, "Idempotency-Key", "k"));
    assertThat(first.status()).isEqualTo(422);
    assertThat(answer(post(bad, "Idempotency-Key", "k")).body()).isEqualTo(first.body());
    assertThat(answer(post(offline(account, invoice, "r"), "Idempotency-Key", "k")).status())
        .isEqualTo(409);
    assertThat(billingrails.createdPayments()).isZero();
  }

  // ---- retrieve, list, routing ----

  @Test
  void retrieveAnswersWithMetaOrA404() throws Exception {
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "JPY", 125050);
    String id = (String) answer(post(offline(account, invoice, "r"))).object("payment").get("id");
    Answer found = answer(send("GET", "/payments/" + id, null));
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.object("payment").get("id")).isEqualTo(id);
    assertThat((String) found.object("meta").get("request_id")).matches("req_[A-Za-z0-9]{10}");
    Answer missing = answer(send("GET", "/payments/pay_nope", null));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.object("error").get("code")).isEqualTo("not_found");

    BillingrailsPayment typed = client().payments().retrieve(id);
    assertThat(typed.amount()).contains(Money.ofMinor(125050, "JPY"));
    assertThat(typed.requestId()).startsWith("req_");
    assertThatThrownBy(() -> client().payments().retrieve("pay_nope"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void unknownRoutesAndMethodsAnswerInTheNestedShape() throws Exception {
    Answer route = answer(send("GET", "/invoices", null));
    assertThat(route.status()).isEqualTo(404);
    assertThat(route.object("error").get("code")).isEqualTo("invalid_request_url");
    Answer method = answer(send("DELETE", "/payments", null));
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.object("error").get("code")).isEqualTo("method_not_allowed");
    assertThat(answer(send("PUT", "/payments/pay_1", "{}")).status()).isEqualTo(405);
  }

  @Test
  void listsNewestFirstWithBillingrailsMeta() throws Exception {
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 1000);
    for (int i = 0; i < 3; i++) {
      answer(post(offline(account, invoice, "ref-" + i)));
    }
    Answer page = answer(send("GET", "/payments?page=2&per_page=2", null));
    assertThat(page.status()).isEqualTo(200);
    Map<?, ?> meta = page.object("meta");
    assertThat(meta.get("current_page")).isEqualTo(new BigDecimal("2"));
    assertThat(meta.get("per_page")).isEqualTo(new BigDecimal("2"));
    assertThat(meta.get("total_count")).isEqualTo(new BigDecimal("3"));
    assertThat((String) meta.get("request_id")).startsWith("req_");
    List<Object> refs = new ArrayList<>();
    for (Object p : (List<?>) page.json().get("payments")) {
      refs.add(((Map<?, ?>) p).get("reference_id"));
    }
    assertThat(refs).containsExactly("ref-0");
    Answer defaults = answer(send("GET", "/payments", null));
    assertThat(defaults.object("meta").get("per_page")).isEqualTo(new BigDecimal("20"));
    assertThat(defaults.object("meta").get("current_page")).isEqualTo(new BigDecimal("1"));
    assertThat((List<?>) answer(send("GET", "/payments?page=9", null)).json().get("payments"))
        .isEmpty();
    for (String bad : List.of("page=0", "per_page=-1", "page=x")) {
      Answer a = answer(send("GET", "/payments?" + bad, null));
      assertThat(a.status()).as(bad).isEqualTo(400);
      assertThat(a.object("error").get("code")).isEqualTo("validation_error");
    }
  }

  @Test
  void theSdkPagesThroughTheFakeLazily() {
    BillingrailsClient client = client();
    assertThat(client.payments().list(BillingrailsPaymentListParams.builder().build()).items())
        .isEmpty();
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 1000);
    for (int i = 0; i < 5; i++) {
      client
          .payments()
          .create(
              BillingrailsPaymentCreateRequest.builder()
                  .accountId(account)
                  .referenceId("ref-" + i)
                  .invoiceId(invoice)
                  .build());
    }
    int before = billingrails.requestCount();
    Page<BillingrailsPayment> first =
        client.payments().list(BillingrailsPaymentListParams.builder().perPage(2).build());
    assertThat(first.totalCount()).hasValue(5);
    assertThat(first.hasNextPage()).isTrue();
    Iterator<BillingrailsPayment> it = first.autoPagingIterable().iterator();
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      refs.add(it.next().referenceId());
    }
    assertThat(billingrails.requestCount() - before).as("pages 1 and 2 only").isEqualTo(2);
    it.forEachRemaining(p -> refs.add(p.referenceId()));
    assertThat(refs).containsExactly("ref-4", "ref-3", "ref-2", "ref-1", "ref-0");
    assertThat(billingrails.requestCount() - before).isEqualTo(3);

    // one page exactly
    Page<BillingrailsPayment> all =
        client.payments().list(BillingrailsPaymentListParams.builder().perPage(5).build());
    assertThat(all.items()).hasSize(5);
    assertThat(all.hasNextPage()).isFalse();
  }

  // ---- the SDK against injected faults ----

  enum Path {
    TYPED,
    NEUTRAL
  }

  static Stream<Arguments> faults() {
    List<Fault> faults =
        List.of(
            Fault.resetBeforeProcessing(),
            Fault.resetAfterProcessing(),
            Fault.delay(Duration.ofSeconds(2)),
            Fault.truncatedBody(),
            Fault.rateLimited(Duration.ZERO),
            Fault.serverError(503),
            Fault.serverErrorAfterProcessing(500),
            Fault.htmlPage(502),
            Fault.conflictInFlight());
    return faults.stream()
        .flatMap(f -> Stream.of(Arguments.of(f, Path.TYPED), Arguments.of(f, Path.NEUTRAL)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("faults")
  void everyFaultEndsWithExactlyOnePayment(Fault fault, Path path) {
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 2500);
    billingrails.failNext(fault);
    String id;
    if (path == Path.TYPED) {
      BillingrailsPayment p =
          client()
              .payments()
              .create(
                  BillingrailsPaymentCreateRequest.builder()
                      .accountId(account)
                      .referenceId("order-1")
                      .invoiceId(invoice)
                      .build());
      assertThat(p.amount()).contains(Money.of("25.00", "USD"));
      assertThat(p.status()).isEqualTo(BillingrailsPaymentStatus.SUCCEEDED);
      id = p.id();
    } else {
      Payment p =
          neutralClient()
              .create(
                  PaymentCreateRequest.builder()
                      .customerId(account)
                      .reference("order-1")
                      .target(PaymentTarget.invoice(invoice))
                      .build());
      assertThat(p.vendor()).isEqualTo("billingrails");
      assertThat(p.amount()).contains(Money.of("25.00", "USD"));
      assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(p.idempotencyKey()).isEqualTo(sentKeys.get(0));
      id = p.id();
    }
    assertThat(billingrails.createdPayments()).as("payments created").isEqualTo(1);
    assertThat(billingrails.payments().get(0).get("id")).isEqualTo(id);
    assertThat(billingrails.requestCount()).as("one failed attempt, one retry").isEqualTo(2);
    assertThat(sentKeys).hasSize(2).doesNotContainNull();
    assertThat(sentKeys.get(1)).isEqualTo(sentKeys.get(0));
    assertThat(billingrails.pendingFaults()).isEmpty();
  }

  @Test
  void whenEveryRetryFailsTheOutcomeIsUnknownAndTheKeyRecoversThePayment() {
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 2500);
    // processed but the answer lost, then two 503s: the default two retries run out
    billingrails.failNext(
        Fault.resetAfterProcessing(), Fault.serverError(503), Fault.serverError(503));
    BillingrailsPaymentCreateRequest request =
        BillingrailsPaymentCreateRequest.builder()
            .accountId(account)
            .referenceId("order-2")
            .invoiceId(invoice)
            .build();
    BillingrailsClient client = client();
    PayClientException failure =
        (PayClientException)
            org.assertj.core.api.Assertions.catchThrowable(() -> client.payments().create(request));
    assertThat(failure).isInstanceOf(ServerException.class);
    assertThat(failure.outcomeUnknown()).isTrue();
    assertThat(failure.idempotencyKey()).isNotBlank();
    assertThat(failure.attempts()).isEqualTo(3);
    assertThat(failure.getMessage()).doesNotContain(billingrails.apiKey());
    assertThat(sentKeys).hasSize(3).containsOnly(failure.idempotencyKey());
    assertThat(billingrails.createdPayments()).isLessThanOrEqualTo(1).isEqualTo(1);

    // creating again later with the key from the exception returns the original payment
    BillingrailsPayment recovered =
        client
            .payments()
            .create(
                request, RequestOptions.builder().idempotencyKey(failure.idempotencyKey()).build());
    assertThat(recovered.id()).isEqualTo(billingrails.payments().get(0).get("id"));
    assertThat(billingrails.createdPayments()).isEqualTo(1);
  }
}
