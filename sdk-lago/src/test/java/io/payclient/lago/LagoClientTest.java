package io.payclient.lago;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.ApiException;
import io.payclient.core.AuthenticationException;
import io.payclient.core.ClientOptions;
import io.payclient.core.FieldError;
import io.payclient.core.InvalidRequestException;
import io.payclient.core.Money;
import io.payclient.core.NotFoundException;
import io.payclient.core.Page;
import io.payclient.core.PayClientException;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsClients;
import io.payclient.core.PermissionException;
import io.payclient.core.RateLimitException;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.core.ServerException;
import io.payclient.core.internal.VendorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LagoClientTest {
  private static final String KEY = "lago-key-3f1c9a7e-SECRET";
  private static final String INVOICE = "486b147a-02a1-4ccf-8603-f3541fc25e7a";

  @StartStop MockWebServer server = new MockWebServer();

  private final List<Throwable> thrown = new ArrayList<>();
  private LagoClient client;

  private LagoClient client() {
    if (client == null) {
      client = LagoClient.builder().apiKey(KEY).baseUrl(server.url("/api/v1").toString()).build();
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

  @Test
  void createsATypedPaymentAndSendsTheSeedBody() throws Exception {
    enqueue(200, Fixtures.read("payment-manual.json"));
    LagoPayment payment =
        client()
            .payments()
            .create(
                LagoPaymentCreateRequest.builder()
                    .invoiceId(INVOICE)
                    .amountCents(100)
                    .reference("ref1")
                    .paidAt(LocalDate.of(2025, 2, 20))
                    .build());
    assertThat(payment.lagoId()).isEqualTo("4cf085a7-c196-4f07-a543-97c50ec6e8b2");
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("POST");
    assertThat(req.getTarget()).isEqualTo("/api/v1/payments");
    assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(req.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(req.getHeaders().get("User-Agent")).startsWith("payclient-java/").contains(" lago ");
    assertThat(req.getBody().utf8())
        .isEqualTo(
            "{\"payment\":{\"invoice_id\":\"486b147a-02a1-4ccf-8603-f3541fc25e7a\","
                + "\"amount_cents\":100,\"reference\":\"ref1\",\"paid_at\":\"2025-02-20\"}}");
  }

  @Test
  void neutralCreateMapsBothWays() throws Exception {
    enqueue(200, Fixtures.read("payment-manual.json"));
    PaymentsClient neutral = client();
    Payment p =
        neutral.create(
            PaymentCreateRequest.builder()
                .amount(Money.of("10.99", "USD"))
                .target(PaymentTarget.invoice(INVOICE))
                .reference("ref1")
                .paidAt(Instant.parse("2025-02-20T23:30:00Z"))
                .build());
    assertThat(server.takeRequest().getBody().utf8())
        .contains("\"amount_cents\":1099")
        .contains("\"paid_at\":\"2025-02-20\"");
    assertThat(p.vendor()).isEqualTo("lago");
    assertThat(p.id()).isEqualTo("4cf085a7-c196-4f07-a543-97c50ec6e8b2");
    assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(p.rawStatus()).isEqualTo("succeeded");
    assertThat(p.amount()).contains(Money.of("10.99", "USD"));
    assertThat(p.reference()).isEqualTo("ref1");
    assertThat(p.customerId()).isEqualTo("5eb02857-a71e-4ea2-bcf9-57d3a41bc6ba");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2025-01-21T00:10:29Z"));
    assertThat(p.paymentUrl()).isEmpty();
    assertThat(p.idempotencyKey()).isNull();
    assertThat(p.replayed()).isFalse();
    assertThat(p.unwrap(LagoPayment.class).invoiceNumbers()).containsExactly("HOO-202D-005-001");
  }

  @Test
  void neutralFieldsLagoCannotTakeAreRefusedBeforeIo() {
    PaymentCreateRequest request =
        PaymentCreateRequest.builder()
            .amount(Money.of("10.99", "USD"))
            .target(PaymentTarget.creditGrant("cg_1"))
            .reference("ref1")
            .customerId("cust_1")
            .idempotencyKey("k1")
            .putMetadata("order", "1042")
            .build();
    assertThatThrownBy(() -> client().create(request))
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldError::field)
                    .containsExactly("target", "customerId", "metadata", "idempotencyKey"))
        .satisfies(record());
    assertThatThrownBy(
            () ->
                client()
                    .create(
                        PaymentCreateRequest.builder()
                            .target(PaymentTarget.invoice(INVOICE))
                            .reference("r")
                            .build()))
        .isInstanceOfSatisfying(
            RequestValidationException.class, e -> assertThat(e.hasViolation("amount")).isTrue());
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void neutralAmountRulesNameTheWireField() {
    for (String amount : new String[] {"10.005", "0", "-3"}) {
      assertThatThrownBy(
              () ->
                  client()
                      .create(
                          PaymentCreateRequest.builder()
                              .amount(Money.of(amount, "USD"))
                              .target(PaymentTarget.invoice(INVOICE))
                              .reference("ref1")
                              .build()))
          .isInstanceOfSatisfying(
              RequestValidationException.class,
              e -> assertThat(e.hasViolation("amount_cents")).isTrue());
    }
    assertThat(client().createAsync(PaymentCreateRequest.builder().build()))
        .isCompletedExceptionally();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anIdempotencyKeyIsRefusedBecauseLagoHasNone() {
    LagoPaymentCreateRequest request =
        LagoPaymentCreateRequest.builder().invoiceId(INVOICE).amountCents(1).reference("r").build();
    assertThatThrownBy(
            () ->
                client()
                    .payments()
                    .create(request, RequestOptions.builder().idempotencyKey("k").build()))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("idempotencyKey")
        .hasMessageContaining("reference");
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "400, 400, InvalidRequestException, ",
    "401, 401, AuthenticationException, ",
    "403_feature, 403, PermissionException, feature_unavailable",
    "403_write, 403, PermissionException, write_action_not_allowed_for_payment",
    "404, 404, NotFoundException, invoice_not_found",
    "405, 405, InvalidRequestException, invoices_not_overdue",
    "422_validation, 422, InvalidRequestException, validation_errors",
    "422_provider, 422, InvalidRequestException, provider_error",
    "422_string, 422, InvalidRequestException, third_party_error",
    "429, 429, RateLimitException, too_many_provider_requests"
  })
  void everyErrorBodyMapsToItsException(String key, int status, String type, String code) {
    client =
        LagoClient.builder()
            .apiKey(KEY)
            .baseUrl(server.url("/api/v1").toString())
            .maxRetries(0)
            .build();
    enqueue(status, Fixtures.errorBody(key));
    LagoPaymentCreateRequest request =
        LagoPaymentCreateRequest.builder().invoiceId(INVOICE).amountCents(1).reference("r").build();
    assertThatThrownBy(() -> client.payments().create(request))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getClass().getSimpleName()).isEqualTo(type);
              assertThat(e.httpStatus()).isEqualTo(status);
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.vendor()).isEqualTo("lago");
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.rawBody()).contains("\"status\":" + status);
              if (key.equals("422_validation")) {
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("amount_cents", "invalid_value"),
                        org.assertj.core.groups.Tuple.tuple(
                            "amount_cents", "value_is_out_of_range"),
                        org.assertj.core.groups.Tuple.tuple("paid_at", "invalid_date"));
              }
            })
        .satisfies(record());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void typedExceptionClassesAreTheContractOnes() {
    assertThat(AuthenticationException.class).isAssignableTo(ApiException.class);
    assertThat(PermissionException.class).isAssignableTo(ApiException.class);
    assertThat(InvalidRequestException.class).isAssignableTo(ApiException.class);
    assertThat(RateLimitException.class).isAssignableTo(ApiException.class);
  }

  @Test
  void withRetriesOffAServerErrorOnCreateIsNotResentAndSaysTheOutcomeIsUnknown() {
    enqueue(500, "{\"status\":500,\"error\":\"Internal Server Error\"}");
    LagoPaymentCreateRequest request =
        LagoPaymentCreateRequest.builder().invoiceId(INVOICE).amountCents(1).reference("r").build();
    assertThatThrownBy(
            () ->
                client().payments().create(request, RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.idempotencyKey()).isNull();
              assertThat(e.attempts()).isEqualTo(1);
            })
        .satisfies(record());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void asyncCreateCompletesOnlyWhenTheDelayedResponseArrives() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body(Fixtures.read("payment-manual.json"))
            .headersDelay(400, TimeUnit.MILLISECONDS)
            .build());
    CompletableFuture<Payment> future =
        client()
            .createAsync(
                PaymentCreateRequest.builder()
                    .amount(Money.of("1", "USD"))
                    .target(PaymentTarget.invoice(INVOICE))
                    .reference("r")
                    .build());
    assertThat(future).isNotDone();
    assertThat(future.get(5, TimeUnit.SECONDS).id())
        .isEqualTo("4cf085a7-c196-4f07-a543-97c50ec6e8b2");
  }

  @Test
  void retrieveUnwrapsAndEncodesTheId() throws Exception {
    enqueue(200, Fixtures.read("payment-provider.json"));
    Payment p = client().retrieve("9d1b/4f8a 5a37");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/payments/9d1b%2F4f8a%205a37");
    assertThat(p.status()).isEqualTo(PaymentStatus.PROCESSING);
    assertThat(p.paymentUrl()).isPresent();
    assertThat(p.amount()).contains(Money.of("3.2", "MRO"));
  }

  @Test
  void retrieveNotFound() {
    enqueue(404, "{\"status\":404,\"error\":\"Not Found\",\"code\":\"payment_not_found\"}");
    assertThatThrownBy(() -> client().payments().retrieve("nope"))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.code()).isEqualTo("payment_not_found"))
        .satisfies(record());
  }

  @Test
  void retrieveAsync() throws Exception {
    enqueue(200, Fixtures.read("payment-manual.json"));
    assertThat(client().retrieveAsync("x").get(5, TimeUnit.SECONDS).reference()).isEqualTo("ref1");
  }

  @Test
  void isFoundThroughServiceLoader() throws Exception {
    enqueue(200, Fixtures.read("payment-manual.json"));
    try (PaymentsClient c =
        PaymentsClients.create(
            "lago",
            ClientOptions.builder()
                .apiKey(KEY)
                .baseUrl(server.url("/api/v1").toString())
                .build())) {
      assertThat(c).isInstanceOf(LagoClient.class);
      assertThat(c.vendor()).isEqualTo("lago");
      assertThat(c.retrieve("x").id()).isEqualTo("4cf085a7-c196-4f07-a543-97c50ec6e8b2");
    }
  }

  @Test
  void regionsAndSelfHosted() {
    try (LagoClient us = LagoClient.builder().apiKey(KEY).build();
        LagoClient eu = LagoClient.builder().apiKey(KEY).region(LagoRegion.EU).build();
        LagoClient self =
            LagoClient.builder().apiKey(KEY).selfHosted("https://lago.example.com/").build()) {
      assertThat(us.baseUrl()).isEqualTo("https://api.getlago.com/api/v1");
      assertThat(eu.baseUrl()).isEqualTo("https://api.eu.getlago.com/api/v1");
      assertThat(self.baseUrl()).isEqualTo("https://lago.example.com/api/v1");
      assertThat(us.toString()).doesNotContain(KEY);
    }
    assertThatThrownBy(
            () -> LagoClient.builder().apiKey(KEY).selfHosted("http://lago.example.com").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clear text");
  }

  @Test
  void apiKeyComesFromTheEnvironmentOrFailsClearly() {
    try {
      VendorSupport.environmentLookup(name -> name.equals("LAGO_API_KEY") ? "from-env-key" : null);
      try (LagoClient c = LagoClient.builder().baseUrl(server.url("/api/v1").toString()).build()) {
        assertThat(c.vendor()).isEqualTo("lago");
      }
      VendorSupport.environmentLookup(name -> null);
      assertThatThrownBy(() -> LagoClient.builder().build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("LAGO_API_KEY");
      assertThatThrownBy(() -> LagoClient.builder().apiKey("bad\nkey").build())
          .isInstanceOf(IllegalArgumentException.class)
          .message()
          .doesNotContain("bad\nkey");
    } finally {
      VendorSupport.environmentLookup(System::getenv);
    }
  }

  @Test
  void aClosedClientRefusesWork() {
    LagoClient c = client();
    c.close();
    assertThatThrownBy(() -> c.retrieve("x")).isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void payClientExceptionIsTheRoot() {
    assertThat(RequestValidationException.class).isAssignableTo(PayClientException.class);
    assertThat(ServerException.class).isAssignableTo(PayClientException.class);
  }

  @Test
  void neutralListAppliesLagosFiltersAndRefusesOthers() throws Exception {
    enqueue(
        200,
        "{\"payments\":["
            + Fixtures.read("payment-manual.json")
                .replaceFirst("\\{\\s*\"payment\":", "")
                .replaceAll("}\\s*$", "")
            + "],\"meta\":{\"current_page\":1,\"next_page\":null,\"total_count\":1}}");
    Page<Payment> page =
        client()
            .list(
                PaymentListParams.builder()
                    .customerId("cust 1")
                    .target(PaymentTarget.invoice(INVOICE))
                    .pageSize(10)
                    .build());
    assertThat(page.items())
        .extracting(Payment::id)
        .containsExactly("4cf085a7-c196-4f07-a543-97c50ec6e8b2");
    assertThat(page.items().get(0).amount()).contains(Money.of("10.99", "USD"));
    assertThat(server.takeRequest().getTarget())
        .isEqualTo(
            "/api/v1/payments?invoice_id="
                + INVOICE
                + "&external_customer_id=cust%201&per_page=10");
    assertThatThrownBy(
            () -> client().list(PaymentListParams.builder().status(PaymentStatus.FAILED).build()))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("status");
    assertThat(
            client()
                .listAsync(PaymentListParams.builder().target(PaymentTarget.order("o")).build()))
        .isCompletedExceptionally();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
