package io.payclient.paygentic;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.ApiError;
import io.payclient.core.Money;
import io.payclient.core.internal.Limits;
import io.payclient.paygentic.internal.PaygenticErrorParser;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 18: Paygentic follows the one leniency policy, and its errors keep every text. */
class PaygenticSpecFidelityTest {
  @StartStop MockWebServer server = new MockWebServer();
  private PaygenticClient client;

  private PaygenticClient client() {
    if (client == null) {
      client =
          PaygenticClient.builder()
              .apiKey("sk_test_fidelity")
              .baseUrl(server.url("/").toString())
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

  @Test
  void aCreatedPaymentWithUntypableRequiredFieldsKeepsTheirRawText() {
    server.enqueue(
        new MockResponse.Builder()
            .code(201)
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"id\":\"pay_1\",\"object\":\"payment\",\"amount\":\"ten\",\"currency\":\"USD\","
                    + "\"status\":\"pending\",\"createdAt\":\"2026-02-30T00:00:00Z\","
                    + "\"metadata\":{\"k\":\"v\",\"o\":{\"x\":1}},"
                    + "\"lineItems\":[{\"quantity\":1.5},\"x\"]}")
            .build());
    PaygenticPayment p =
        client()
            .payments()
            .create(
                PaygenticPaymentCreateRequest.builder().amount(Money.of("10.00", "USD")).build());
    assertThat(p.id()).isEqualTo("pay_1");
    assertThat(p.amount()).isNull();
    assertThat(p.createdAt()).isNull();
    assertThat(p.metadata()).containsExactly(Map.entry("k", "v"));
    assertThat(p.lineItems()).containsExactly(new PaygenticLineItem(null, null, null));
    assertThat(p.untyped())
        .containsOnly(
            Map.entry("amount", "ten"),
            Map.entry("createdAt", "2026-02-30T00:00:00Z"),
            Map.entry("metadata.o", "{\"x\":1}"),
            Map.entry("lineItems[0].quantity", "1.5"),
            Map.entry("lineItems[1]", "x"));
  }

  @Test
  void errorDetailsKeepTheirTextUpToTheParsedTextBoundAndNumbersAsText() throws Exception {
    String longText = "y".repeat(3000);
    ApiError e =
        PaygenticErrorParser.INSTANCE.parse(
            400,
            Fixtures.reader(
                "{\"error\":\"bad_request\",\"message\":\"m\",\"code\":\"C\","
                    + "\"details\":{\"n\":1e99999999999,\"t\":\""
                    + longText
                    + "\"}}"));
    assertThat(e.message()).contains("(error: bad_request)", "1e99999999999", longText);
  }

  @Test
  void fieldErrorsStopAtTheLimit() throws Exception {
    StringBuilder body = new StringBuilder("{\"error\":\"validation_error\",\"errors\":[");
    for (int i = 0; i < 250; i++) {
      body.append(i == 0 ? "" : ",").append("{\"field\":\"f").append(i).append("\"}");
    }
    body.append("]}");
    ApiError e = PaygenticErrorParser.INSTANCE.parse(400, Fixtures.reader(body.toString()));
    assertThat(e.fieldErrors()).hasSize(Limits.MAX_FIELD_ERRORS);
  }
}
