package io.payclient.lago;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.ConnectionException;
import io.payclient.core.Money;
import io.payclient.core.Page;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentTarget;
import io.payclient.core.ServerException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listing, auto-pagination and the reconciliation that keeps Lago creates from duplicating. */
class LagoPaymentsTest {
  private static final String KEY = "lago-key-for-list-tests";
  private static final String INVOICE = "486b147a-02a1-4ccf-8603-f3541fc25e7a";

  @StartStop MockWebServer server = new MockWebServer();
  private LagoClient client;

  private LagoClient client() {
    if (client == null) {
      client = LagoClient.builder().apiKey(KEY).baseUrl(server.url("/api/v1").toString()).build();
    }
    return client;
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private void enqueue(int code, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .addHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  static String payment(String id, String reference, long cents) {
    return "{\"lago_id\":\""
        + id
        + "\",\"invoice_ids\":[\""
        + INVOICE
        + "\"],\"amount_cents\":"
        + cents
        + ",\"amount_currency\":\"USD\",\"payment_status\":\"succeeded\",\"type\":\"manual\","
        + "\"reference\":\""
        + reference
        + "\",\"next_action\":{},\"created_at\":\"2025-02-18T18:31:13Z\"}";
  }

  static String page(int current, Integer next, int totalPages, long total, String... payments) {
    return "{\"payments\":["
        + String.join(",", payments)
        + "],\"meta\":{\"current_page\":"
        + current
        + ",\"next_page\":"
        + next
        + ",\"prev_page\":"
        + (current > 1 ? current - 1 : null)
        + ",\"total_pages\":"
        + totalPages
        + ",\"total_count\":"
        + total
        + "}}";
  }

  private static LagoPaymentCreateRequest request() {
    return LagoPaymentCreateRequest.builder()
        .invoiceId(INVOICE)
        .amountCents(1099)
        .reference("order-1042")
        .build();
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
  void emptyResultHasCurrentPageZero() throws Exception {
    enqueue(200, page(0, null, 0, 0));
    Page<LagoPayment> p = client().payments().list(LagoPaymentListParams.builder().build());
    assertThat(p.items()).isEmpty();
    assertThat(p.hasNextPage()).isFalse();
    assertThat(p.totalCount()).hasValue(0);
    assertThat(p.autoPagingStream()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void onePage() throws Exception {
    enqueue(200, page(1, null, 1, 2, payment("a", "r1", 1), payment("b", "r2", 2)));
    Page<LagoPayment> p = client().payments().list(LagoPaymentListParams.builder().build());
    assertThat(p.autoPagingStream().map(LagoPayment::lagoId)).containsExactly("a", "b");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void manyPagesAreFetchedLazily() throws Exception {
    enqueue(200, page(1, 2, 3, 5, payment("a", "r", 1), payment("b", "r", 1)));
    enqueue(200, page(2, 3, 3, 5, payment("c", "r", 1), payment("d", "r", 1)));
    enqueue(200, page(3, null, 3, 5, payment("e", "r", 1)));
    Page<LagoPayment> first =
        client()
            .payments()
            .list(
                LagoPaymentListParams.builder()
                    .externalCustomerId("acme & co/1")
                    .perPage(2)
                    .build());
    assertThat(server.getRequestCount()).isEqualTo(1);
    java.util.Iterator<LagoPayment> it = first.autoPagingIterable().iterator();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seen.add(it.next().lagoId());
    }
    assertThat(seen).containsExactly("a", "b", "c");
    assertThat(server.getRequestCount()).isEqualTo(2); // page 3 not fetched yet
    it.forEachRemaining(p -> seen.add(p.lagoId()));
    assertThat(seen).containsExactly("a", "b", "c", "d", "e");
    assertThat(server.getRequestCount()).isEqualTo(3);
    List<RecordedRequest> requests = recorded();
    assertThat(requests.get(0).getTarget())
        .isEqualTo("/api/v1/payments?external_customer_id=acme%20%26%20co%2F1&per_page=2");
    assertThat(requests.get(1).getTarget())
        .isEqualTo("/api/v1/payments?external_customer_id=acme%20%26%20co%2F1&page=2&per_page=2");
  }

  @Test
  void asyncAutoPaging() throws Exception {
    enqueue(200, page(1, 2, 2, 3, payment("a", "r", 1), payment("b", "r", 1)));
    enqueue(200, page(2, null, 2, 3, payment("c", "r", 1)));
    List<String> ids = new ArrayList<>();
    client()
        .payments()
        .listAsync(LagoPaymentListParams.builder().build())
        .thenCompose(p -> p.autoPagingForEachAsync(x -> ids.add(x.lagoId())))
        .get(5, TimeUnit.SECONDS);
    assertThat(ids).containsExactly("a", "b", "c");
  }

  @Test
  void afterA5xxTheExistingPaymentIsFoundAndNotCreatedAgain() throws Exception {
    enqueue(502, "{\"status\":502,\"error\":\"Bad Gateway\"}");
    enqueue(
        200,
        page(1, 2, 2, 3, payment("other", "order-1041", 1099), payment("x", "order-1042", 500)));
    enqueue(200, page(2, null, 2, 3, payment("mine", "order-1042", 1099)));
    Payment p =
        client()
            .create(
                PaymentCreateRequest.builder()
                    .amount(Money.of("10.99", "USD"))
                    .target(PaymentTarget.invoice(INVOICE))
                    .reference("order-1042")
                    .build());
    assertThat(p.id()).isEqualTo("mine");
    assertThat(p.replayed()).isTrue();
    List<RecordedRequest> requests = recorded();
    assertThat(requests)
        .extracting(RecordedRequest::getMethod)
        .containsExactly("POST", "GET", "GET");
    assertThat(requests.get(1).getTarget())
        .isEqualTo("/api/v1/payments?invoice_id=" + INVOICE + "&page=1&per_page=100");
  }

  @Test
  void whenNothingWasCreatedTheCreateIsSentAgain() throws Exception {
    enqueue(500, "{\"status\":500,\"error\":\"Internal Server Error\"}");
    enqueue(200, page(0, null, 0, 0));
    enqueue(200, "{\"payment\":" + payment("new", "order-1042", 1099) + "}");
    LagoPayment p = client().payments().create(request());
    assertThat(p.lagoId()).isEqualTo("new");
    assertThat(recorded())
        .extracting(RecordedRequest::getMethod)
        .containsExactly("POST", "GET", "POST");
  }

  @Test
  void aResetAfterTheRequestWasReadIsReconciledToo() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    enqueue(200, page(1, null, 1, 1, payment("mine", "order-1042", 1099)));
    assertThat(client().payments().create(request()).lagoId()).isEqualTo("mine");
    assertThat(recorded()).extracting(RecordedRequest::getMethod).containsExactly("POST", "GET");
  }

  @Test
  void whenTheLookupFailsNothingIsResentAndTheOutcomeIsUnknown() throws Exception {
    client =
        LagoClient.builder()
            .apiKey(KEY)
            .baseUrl(server.url("/api/v1").toString())
            .maxRetries(1)
            .build();
    enqueue(503, "{\"status\":503,\"error\":\"Service Unavailable\"}");
    enqueue(503, "{\"status\":503,\"error\":\"Service Unavailable\"}");
    enqueue(503, "{\"status\":503,\"error\":\"Service Unavailable\"}");
    assertThatThrownBy(() -> client.payments().create(request()))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.getSuppressed()).hasSize(1);
              assertThat(e.attempts()).isEqualTo(1);
            });
    assertThat(recorded())
        .extracting(RecordedRequest::getMethod)
        .containsExactly("POST", "GET", "GET");
  }

  @Test
  void retriesRunOutWithTheOutcomeUnknown() throws Exception {
    client =
        LagoClient.builder()
            .apiKey(KEY)
            .baseUrl(server.url("/api/v1").toString())
            .maxRetries(1)
            .build();
    enqueue(500, "{\"status\":500,\"error\":\"Internal Server Error\"}");
    enqueue(200, page(0, null, 0, 0));
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    assertThatThrownBy(() -> client.payments().create(request()))
        .isInstanceOfSatisfying(
            ConnectionException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.attempts()).isEqualTo(2);
            });
    assertThat(recorded())
        .extracting(RecordedRequest::getMethod)
        .containsExactly("POST", "GET", "POST");
  }

  @Test
  void asyncCreateReconcilesToo() throws Exception {
    enqueue(500, "{\"status\":500,\"error\":\"Internal Server Error\"}");
    enqueue(200, page(1, null, 1, 1, payment("mine", "order-1042", 1099)));
    Payment p =
        client()
            .createAsync(
                PaymentCreateRequest.builder()
                    .amount(Money.of("10.99", "USD"))
                    .target(PaymentTarget.invoice(INVOICE))
                    .reference("order-1042")
                    .build())
            .get(10, TimeUnit.SECONDS);
    assertThat(p.id()).isEqualTo("mine");
    assertThat(p.replayed()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aValidationErrorFromLagoIsNeverRetried() throws Exception {
    enqueue(422, Fixtures.errorBody("422_validation"));
    assertThatThrownBy(() -> client().payments().create(request()))
        .isInstanceOf(io.payclient.core.InvalidRequestException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
