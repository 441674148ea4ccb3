package io.payclient.testkit;

import static io.payclient.testkit.WireShape.Type.ARRAY;
import static io.payclient.testkit.WireShape.Type.DATE_TIME;
import static io.payclient.testkit.WireShape.Type.DECIMAL_STRING;
import static io.payclient.testkit.WireShape.Type.INTEGER;
import static io.payclient.testkit.WireShape.Type.OBJECT;
import static io.payclient.testkit.WireShape.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.testkit.junit.FakePaygenticExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * FakePaygentic's objects against the field lists of Paygentic's spec ({@code Payment}, the list
 * envelope, {@code OffsetPagination}, {@code Error}, {@code ValidationError}) and its documented
 * choice for list parameters the spec bounds but declares no 400 for (issue 20).
 */
class FakePaygenticFidelityTest {
  static final WireShape PAYMENT =
      WireShape.of("Payment")
          .required("id", STRING)
          .required("object", STRING)
          .required("amount", DECIMAL_STRING)
          .required("currency", STRING)
          .required("status", STRING)
          .required("createdAt", DATE_TIME)
          .optional("paymentUrl", STRING)
          .optional("customerId", STRING)
          .optional("idempotencyKey", STRING)
          .optional("reference", STRING)
          .optional("metadata", OBJECT)
          .optional("lineItems", ARRAY)
          .optional("expiresAt", DATE_TIME);

  static final WireShape LINE_ITEM =
      WireShape.of("lineItem")
          .optional("description", STRING)
          .optional("amount", DECIMAL_STRING)
          .optional("quantity", INTEGER);

  static final WireShape LIST =
      WireShape.of("list")
          .required("object", STRING)
          .required("data", ARRAY)
          .required("pagination", OBJECT);

  static final WireShape PAGINATION =
      WireShape.of("OffsetPagination")
          .required("limit", INTEGER)
          .required("offset", INTEGER)
          .required("total", INTEGER);

  static final WireShape ERROR =
      WireShape.of("Error")
          .optional("error", STRING)
          .required("message", STRING)
          .optional("code", STRING)
          .optional("details", OBJECT);

  static final WireShape VALIDATION_ERROR =
      WireShape.of("ValidationError")
          .optional("error", STRING)
          .required("message", STRING)
          .required("errors", ARRAY);

  static final WireShape VALIDATION_ENTRY =
      WireShape.of("ValidationError.errors[]")
          .required("field", STRING)
          .required("message", STRING)
          .optional("code", STRING);

  @RegisterExtension final FakePaygenticExtension fake = new FakePaygenticExtension();

  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  record Answer(int code, Map<String, @Nullable Object> json) {
    @SuppressWarnings("unchecked")
    List<Map<String, @Nullable Object>> list(String name) {
      return (List<Map<String, @Nullable Object>>) json.get(name);
    }
  }

  private Answer call(String method, String path, @Nullable String json) throws Exception {
    Request request =
        new Request.Builder()
            .url(fake.baseUrl() + path)
            .header("Authorization", "Bearer " + fake.apiKey())
            .method(
                method,
                json == null ? null : RequestBody.create(json, MediaType.get("application/json")))
            .build();
    try (Response r = http.newCall(request).execute()) {
      Map<String, @Nullable Object> body = JsonTree.parseObject(ByteString.of(r.body().bytes()));
      assertThat(body).as("JSON object body of %s %s", method, path).isNotNull();
      return new Answer(r.code(), body);
    }
  }

  private static List<String> paymentViolations(@Nullable Object payment) {
    List<String> out = new ArrayList<>(PAYMENT.violations(payment));
    if (payment instanceof Map<?, ?> m && m.get("lineItems") instanceof List<?> items) {
      items.forEach(i -> out.addAll(LINE_ITEM.violations(i)));
    }
    return out;
  }

  @Test
  void everyObjectTheFakeRendersHasTheSpecsFieldsWithTheirTypes() throws Exception {
    Answer full =
        call(
            "POST",
            "/v0/payments",
            "{\"amount\":\"10.50\",\"currency\":\"USD\",\"customerId\":\"cus_1\","
                + "\"idempotencyKey\":\"k-1\",\"reference\":\"order-1\","
                + "\"metadata\":{\"a\":\"b\"},"
                + "\"lineItems\":[{\"description\":\"x\",\"amount\":\"10.50\",\"quantity\":1}]}");
    assertThat(full.code()).isEqualTo(201);
    assertThat(paymentViolations(full.json())).isEmpty();
    assertThat(full.json())
        .containsKeys(
            "paymentUrl",
            "customerId",
            "idempotencyKey",
            "reference",
            "metadata",
            "lineItems",
            "expiresAt");
    Answer minimal = call("POST", "/v0/payments", "{\"amount\":\"1.00\",\"currency\":\"EUR\"}");
    assertThat(paymentViolations(minimal.json())).isEmpty();
    Answer replay =
        call(
            "POST",
            "/v0/payments",
            "{\"amount\":\"9.00\",\"currency\":\"USD\",\"idempotencyKey\":\"k-1\"}");
    assertThat(replay.code()).isEqualTo(200);
    assertThat(paymentViolations(replay.json())).isEmpty();
    assertThat(paymentViolations(call("GET", "/v0/payments/" + full.json().get("id"), null).json()))
        .isEmpty();

    Answer list = call("GET", "/v0/payments", null);
    assertThat(LIST.violations(list.json())).isEmpty();
    assertThat(list.json()).containsEntry("object", "list");
    assertThat(PAGINATION.violations(list.json().get("pagination"))).isEmpty();
    assertThat(list.list("data")).hasSize(2);
    list.list("data").forEach(p -> assertThat(paymentViolations(p)).isEmpty());

    Answer invalid = call("POST", "/v0/payments", "{\"amount\":10}");
    assertThat(invalid.code()).isEqualTo(400);
    assertThat(VALIDATION_ERROR.violations(invalid.json())).isEmpty();
    assertThat(invalid.list("errors")).isNotEmpty();
    invalid.list("errors").forEach(e -> assertThat(VALIDATION_ENTRY.violations(e)).isEmpty());
    for (Answer e :
        List.of(
            call("POST", "/v0/payments", "[1]"),
            call("GET", "/v0/payments/pay_nope", null),
            call("DELETE", "/v0/payments", null))) {
      assertThat(e.code()).isBetween(400, 499);
      assertThat(ERROR.violations(e.json())).as("error %s", e.json()).isEmpty();
    }
  }

  @Test
  void badListParametersAnswer400ByDefaultAndTheLenientReadingCanBeChosen() throws Exception {
    call("POST", "/v0/payments", "{\"amount\":\"1.00\",\"currency\":\"EUR\"}");
    call("POST", "/v0/payments", "{\"amount\":\"2.00\",\"currency\":\"EUR\"}");
    Answer rejected = call("GET", "/v0/payments?limit=0&status=unknown", null);
    assertThat(rejected.code()).isEqualTo(400);
    assertThat(VALIDATION_ERROR.violations(rejected.json())).isEmpty();
    assertThat(rejected.list("errors"))
        .extracting(e -> e.get("field"))
        .containsExactly("status", "limit");

    assertThat(fake.listQueryPolicy(FakePaygentic.ListQueryPolicy.LENIENT)).isSameAs(fake);
    Answer clamped = call("GET", "/v0/payments?limit=0&offset=-3", null);
    assertThat(clamped.code()).isEqualTo(200);
    assertThat(clamped.list("data")).hasSize(1);
    assertThat(clamped.json().get("pagination").toString())
        .isEqualTo("{limit=1, offset=0, total=2}");
    Answer big = call("GET", "/v0/payments?limit=1000&offset=x", null);
    assertThat(big.json().get("pagination").toString()).isEqualTo("{limit=100, offset=0, total=2}");
    Answer unknownStatus = call("GET", "/v0/payments?status=unknown", null);
    assertThat(unknownStatus.code()).isEqualTo(200);
    assertThat(unknownStatus.list("data")).isEmpty();
    assertThat(PAGINATION.violations(unknownStatus.json().get("pagination"))).isEmpty();

    fake.listQueryPolicy(FakePaygentic.ListQueryPolicy.REJECT);
    assertThat(call("GET", "/v0/payments?limit=0", null).code()).isEqualTo(400);
    assertThatThrownBy(() -> fake.listQueryPolicy(null)).isInstanceOf(NullPointerException.class);
  }
}
