package io.payclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.ConnectionException;
import io.payclient.core.InvalidRequestException;
import io.payclient.core.Money;
import io.payclient.core.NotFoundException;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentTarget;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoInvoice;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.lago.LagoPaymentListParams;
import io.payclient.lago.LagoPaymentRequest;
import io.payclient.lago.LagoPaymentRequestCreateRequest;
import io.payclient.lago.LagoPaymentRequestListParams;
import io.payclient.testkit.junit.FakeLagoExtension;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FakeLagoTest {
  @RegisterExtension final FakeLagoExtension lago = new FakeLagoExtension();

  private final OkHttpClient http = new OkHttpClient();
  private LagoClient client;

  private LagoClient client() {
    if (client == null) {
      client =
          LagoClient.builder()
              .apiKey(lago.apiKey())
              .baseUrl(lago.baseUrl())
              .readTimeout(Duration.ofMillis(500))
              .build();
    }
    return client;
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private Response post(String json, String key) throws Exception {
    return http.newCall(
            new Request.Builder()
                .url(lago.baseUrl() + "/payments")
                .header("Authorization", "Bearer " + key)
                .post(RequestBody.create(json, MediaType.get("application/json")))
                .build())
        .execute();
  }

  private String create(String invoice, String cents, String reference) {
    return "{\"payment\":{\"invoice_id\":\""
        + invoice
        + "\",\"amount_cents\":"
        + cents
        + ",\"reference\":\""
        + reference
        + "\"}}";
  }

  @Test
  void bindsToLoopbackAndChecksTheKey() throws Exception {
    assertThat(lago.baseUrl()).startsWith("http://127.0.0.1:").endsWith("/api/v1");
    String invoice = lago.seedInvoice("USD", 100);
    try (Response r = post(create(invoice, "10", "r"), "wrong")) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.body().string()).isEqualTo("{\"status\":401,\"error\":\"Unauthorized\"}");
    }
    assertThat(lago.createdPayments()).isZero();
  }

  @Test
  void validatesLikeLago() throws Exception {
    String invoice = lago.seedInvoice("USD", 100);
    try (Response r = post("{\"nope\":{}}", lago.apiKey())) {
      assertThat(r.code()).isEqualTo(400);
    }
    try (Response r = post(create("unknown", "10", "r"), lago.apiKey())) {
      assertThat(r.code()).isEqualTo(404);
      assertThat(r.body().string()).contains("\"code\":\"invoice_not_found\"");
    }
    try (Response r = post(create(invoice, "1.5", "r"), lago.apiKey())) {
      assertThat(r.code()).isEqualTo(422);
      assertThat(r.body().string()).contains("\"amount_cents\":[\"invalid_value\"]");
    }
    try (Response r = post(create(invoice, "101", "r"), lago.apiKey())) {
      assertThat(r.body().string()).contains("\"amount_cents\":[\"value_is_out_of_range\"]");
    }
    try (Response r = post(create(invoice, "10", "x".repeat(41)), lago.apiKey())) {
      assertThat(r.code()).isEqualTo(422);
      assertThat(r.body().string()).contains("\"reference\":[\"value_is_too_long\"]");
    }
    try (Response r =
        post(
            "{\"payment\":{\"invoice_id\":\""
                + invoice
                + "\",\"amount_cents\":1,\"reference\":\"r\","
                + "\"paid_at\":\"2025-02-30\"}}",
            lago.apiKey())) {
      assertThat(r.body().string()).contains("\"paid_at\":[\"invalid_date\"]");
    }
    assertThat(lago.createdPayments()).isZero();
    assertThat(lago.amountDue(invoice)).isEqualTo(100);
  }

  @Test
  void hasNoIdempotencyLikeTheRealServer() throws Exception {
    String invoice = lago.seedInvoice("USD", 100);
    for (int i = 0; i < 2; i++) {
      try (Response r = post(create(invoice, "10", "same"), lago.apiKey())) {
        assertThat(r.code()).isEqualTo(200);
      }
    }
    assertThat(lago.createdPayments()).isEqualTo(2);
    assertThat(lago.amountDue(invoice)).isEqualTo(80);
  }

  @Test
  void createdPaymentsAreRetrievableAndListableThroughTheSdk() {
    String invoice = lago.seedInvoice("EUR", 10_000);
    for (int i = 0; i < 5; i++) {
      client()
          .payments()
          .create(
              LagoPaymentCreateRequest.builder()
                  .invoiceId(invoice)
                  .amount(Money.of("1.0" + i, "EUR"))
                  .reference("ref-" + i)
                  .build());
    }
    List<LagoPayment> all =
        client()
            .payments()
            .list(LagoPaymentListParams.builder().invoiceId(invoice).perPage(2).build())
            .autoPagingStream()
            .toList();
    assertThat(all)
        .extracting(LagoPayment::reference)
        .containsExactly("ref-4", "ref-3", "ref-2", "ref-1", "ref-0");
    assertThat(client().payments().retrieve(all.get(0).lagoId()).amount())
        .contains(Money.of("1.04", "EUR"));
    assertThat(lago.requestCount()).isEqualTo(5 + 3 + 1);
    assertThat(
            client()
                .payments()
                .list(LagoPaymentListParams.builder().invoiceId("none").build())
                .items())
        .isEmpty();
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(Fault.resetBeforeProcessing(), List.of("POST", "GET", "POST")),
        Arguments.of(Fault.resetAfterProcessing(), List.of("POST", "GET")),
        Arguments.of(Fault.delay(Duration.ofSeconds(2)), List.of("POST", "GET")),
        Arguments.of(Fault.truncatedBody(), List.of("POST", "GET")),
        Arguments.of(Fault.rateLimited(Duration.ZERO), List.of("POST", "POST")),
        Arguments.of(Fault.serverError(503), List.of("POST", "GET", "POST")),
        Arguments.of(Fault.serverErrorAfterProcessing(500), List.of("POST", "GET")),
        Arguments.of(Fault.htmlPage(502), List.of("POST", "GET", "POST")));
  }

  @ParameterizedTest
  @MethodSource("faults")
  void everyFaultEndsWithExactlyOnePayment(Fault fault, List<String> expectedRequests) {
    String invoice = lago.seedInvoice("USD", 10_000);
    lago.failNext(fault);
    Payment p =
        client()
            .create(
                PaymentCreateRequest.builder()
                    .amount(Money.of("25.00", "USD"))
                    .target(PaymentTarget.invoice(invoice))
                    .reference("order-1")
                    .build());
    assertThat(lago.createdPayments()).as("payments created").isEqualTo(1);
    assertThat(lago.requestCount()).isEqualTo(expectedRequests.size());
    assertThat(p.replayed()).isEqualTo(fault.processesRequest());
    assertThat(lago.amountDue(invoice)).isEqualTo(7_500);
  }

  @Test
  void whenEverythingFailsNothingIsDuplicatedAndTheOutcomeIsUnknown() {
    String invoice = lago.seedInvoice("USD", 10_000);
    // The create is processed but its answer lost; then the lookup (a GET, retried twice) fails
    // too.
    lago.failNext(
        Fault.resetAfterProcessing(),
        Fault.serverError(503),
        Fault.serverError(503),
        Fault.serverError(503));
    assertThatThrownBy(
            () ->
                client()
                    .create(
                        PaymentCreateRequest.builder()
                            .amount(Money.of("1", "USD"))
                            .target(PaymentTarget.invoice(invoice))
                            .reference("r")
                            .build()))
        .isInstanceOfSatisfying(
            ConnectionException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.getSuppressed()).hasSize(1); // the failed lookup
            });
    assertThat(lago.createdPayments()).isEqualTo(1);
    assertThat(lago.requestCount()).isEqualTo(4); // 1 POST, 3 GETs, no second POST
  }

  @Test
  void paymentRequestsThroughTheSdk() {
    String a = lago.seedOverdueInvoice("EUR", 1_000, "gavin_001");
    String b = lago.seedOverdueInvoice("EUR", 250, "gavin_001");
    String usd = lago.seedOverdueInvoice("USD", 5, "gavin_001");
    String notOverdue = lago.seedInvoice("inv-x", "EUR", 5, "gavin_001");
    LagoPaymentRequest pr =
        client()
            .paymentRequests()
            .create(
                LagoPaymentRequestCreateRequest.builder()
                    .externalCustomerId("gavin_001")
                    .addInvoiceId(a)
                    .addInvoiceId(b)
                    .build());
    assertThat(pr.amount()).contains(Money.of("12.50", "EUR"));
    assertThat(pr.email()).isEqualTo("gavin_001@customers.example");
    assertThat(pr.customer().externalId()).isEqualTo("gavin_001");
    assertThat(pr.invoices()).extracting(LagoInvoice::lagoId).containsExactly(a, b);
    assertThat(client().paymentRequests().retrieve(pr.lagoId())).isEqualTo(pr);
    assertThat(
            client()
                .paymentRequests()
                .list(
                    LagoPaymentRequestListParams.builder().externalCustomerId("gavin_001").build())
                .items())
        .containsExactly(pr);
    assertThatThrownBy(() -> createRequest("gavin_001", a, usd))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.code()).isEqualTo("invoices_have_different_currencies"));
    assertThatThrownBy(() -> createRequest("gavin_001", notOverdue))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.code()).isEqualTo("invoices_not_overdue"));
    assertThatThrownBy(() -> createRequest("nobody", a))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.code()).isEqualTo("customer_not_found"));
    assertThatThrownBy(() -> createRequest("gavin_001", "missing"))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.code()).isEqualTo("invoice_not_found"));
  }

  private LagoPaymentRequest createRequest(String customer, String... invoices) {
    return client()
        .paymentRequests()
        .create(
            LagoPaymentRequestCreateRequest.builder()
                .externalCustomerId(customer)
                .lagoInvoiceIds(List.of(invoices))
                .build());
  }
}
