package io.payclient.billingrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.billingrails.internal.BillingrailsErrorParser;
import io.payclient.core.ApiException;
import io.payclient.core.FieldError;
import io.payclient.core.Page;
import io.payclient.core.internal.Limits;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 18: Billingrails responses its docs and official SDK allow are read without loss. */
class BillingrailsSpecFidelityTest {
  private static final String PAYMENT = "{\"object\":\"payment\",\"id\":\"%s\",\"amount\":1000}";

  @StartStop MockWebServer server = new MockWebServer();
  private BillingrailsClient client;

  private BillingrailsClient client() {
    if (client == null) {
      client =
          BillingrailsClient.builder()
              .apiKey("sk_test_br_fidelity")
              .baseUrl(server.url("/v1").toString())
              .build();
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

  @Test
  void listMetaInThePageShapeIsRead() throws Exception {
    enqueue(
        200,
        "{\"payments\":["
            + PAYMENT.formatted("p1")
            + "],\"meta\":{\"page\":1,\"page_size\":1,\"total_pages\":2}}");
    enqueue(
        200,
        "{\"payments\":["
            + PAYMENT.formatted("p2")
            + "],\"meta\":{\"page\":2,\"page_size\":1,\"total_pages\":2}}");
    Page<BillingrailsPayment> first =
        client().payments().list(BillingrailsPaymentListParams.builder().build());
    assertThat(first.hasNextPage()).isTrue();
    Page<BillingrailsPayment> second = first.nextPage();
    assertThat(second.items()).extracting(BillingrailsPayment::id).containsExactly("p2");
    assertThat(second.hasNextPage()).isFalse();
    server.takeRequest();
    assertThat(server.takeRequest().getTarget()).contains("page=2");
  }

  @Test
  void listMetaInTheCountShapeIsStillRead() {
    enqueue(
        200,
        "{\"payments\":["
            + PAYMENT.formatted("p1")
            + "],\"meta\":{\"request_id\":\"req\",\"current_page\":1,\"per_page\":1,"
            + "\"total_count\":\"many\"}}");
    Page<BillingrailsPayment> page =
        client().payments().list(BillingrailsPaymentListParams.builder().build());
    assertThat(page.items()).hasSize(1);
    assertThat(page.hasNextPage()).isFalse(); // an untypable count cannot say there is more
  }

  @Test
  void theErrorTypeIsKept() {
    enqueue(
        422,
        "{\"error\":{\"type\":\"request_error\",\"code\":\"validation_error\","
            + "\"message\":\"Validation error\",\"details\":[{\"field\":\"account_id\","
            + "\"message\":\"is required\",\"code\":12}]}}");
    assertThatThrownBy(() -> client().payments().retrieve("p"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo("validation_error");
              assertThat(e.vendorMessage()).contains("Validation error", "request_error");
              assertThat(e.fieldErrors())
                  .containsExactly(new FieldError("account_id", "is required", "12"));
            });
  }

  @Test
  void aTypeWithoutACodeIsTheCode() throws Exception {
    var e =
        BillingrailsErrorParser.INSTANCE.parse(
            500, io.payclient.billingrails.Fixtures.reader("{\"error\":{\"type\":\"api_error\"}}"));
    assertThat(e.code()).isEqualTo("api_error");
    assertThat(e.message()).isEqualTo("(type=api_error)");
  }

  @Test
  void fieldErrorsStopAtTheLimit() throws Exception {
    StringBuilder body = new StringBuilder("{\"error\":{\"details\":[");
    for (int i = 0; i < 300; i++) {
      body.append(i == 0 ? "" : ",").append("{\"field\":\"f").append(i).append("\"}");
    }
    body.append("]}}");
    var e =
        BillingrailsErrorParser.INSTANCE.parse(
            422, io.payclient.billingrails.Fixtures.reader(body.toString()));
    assertThat(e.fieldErrors()).hasSize(Limits.MAX_FIELD_ERRORS);
  }

  @Test
  void orderIdIsDeprecated() throws Exception {
    assertThat(
            BillingrailsPaymentCreateRequest.Builder.class
                .getMethod("orderId", String.class)
                .isAnnotationPresent(Deprecated.class))
        .isTrue();
    assertThat(
            BillingrailsPaymentCreateRequest.class
                .getMethod("orderId")
                .isAnnotationPresent(Deprecated.class))
        .isTrue();
  }

  @Test
  void aCreatedPaymentWithAnUntypableFieldIsReturnedWithItsRawText() {
    enqueue(
        201,
        "{\"payment\":{\"id\":\"pay_1\",\"amount\":\"10.50\",\"currency\":\"USD\","
            + "\"status\":\"succeeded\",\"created_at\":\"2026-13-01\"},\"payment_link\":null}");
    BillingrailsPayment p =
        client()
            .payments()
            .create(
                BillingrailsPaymentCreateRequest.builder()
                    .accountId("acc")
                    .referenceId("ref")
                    .invoiceId("inv")
                    .build());
    assertThat(p.id()).isEqualTo("pay_1");
    assertThat(p.status()).isEqualTo(BillingrailsPaymentStatus.SUCCEEDED);
    assertThat(p.amountMinor()).isNull();
    assertThat(p.createdAt()).isNull();
    assertThat(p.untyped())
        .containsOnly(Map.entry("amount", "10.50"), Map.entry("created_at", "2026-13-01"));
  }
}
