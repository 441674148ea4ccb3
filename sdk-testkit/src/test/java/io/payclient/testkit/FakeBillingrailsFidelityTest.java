package io.payclient.testkit;

import static io.payclient.testkit.WireShape.Type.ARRAY;
import static io.payclient.testkit.WireShape.Type.DATE_TIME;
import static io.payclient.testkit.WireShape.Type.INTEGER;
import static io.payclient.testkit.WireShape.Type.OBJECT;
import static io.payclient.testkit.WireShape.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.testkit.junit.FakeBillingrailsExtension;
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
 * FakeBillingrails' objects against the field lists of Billingrails' documentation (there is no
 * public spec: the vendor facts and the docs' examples), so a trimmed object cannot come back.
 */
class FakeBillingrailsFidelityTest {
  // The docs' payment; payment_method, payment_method_id and failure_reason are absent from the
  // docs' create example and null when there is none.
  static final WireShape PAYMENT =
      WireShape.of("payment")
          .required("object", STRING)
          .required("id", STRING)
          .required("account_id", STRING)
          .required("amount", INTEGER)
          .required("currency", STRING)
          .requiredNullable("description", STRING)
          .optionalNullable("payment_method", OBJECT)
          .optionalNullable("payment_method_id", STRING)
          .requiredNullable("reference_id", STRING)
          .required("status", STRING)
          .optionalNullable("failure_reason", STRING)
          .required("created_at", DATE_TIME);

  static final WireShape CREATED =
      WireShape.of("create").required("payment", OBJECT).requiredNullable("payment_link", STRING);

  static final WireShape RETRIEVED =
      WireShape.of("retrieve").required("payment", OBJECT).required("meta", OBJECT);

  static final WireShape LIST =
      WireShape.of("list").required("payments", ARRAY).required("meta", OBJECT);

  static final WireShape LIST_META =
      WireShape.of("list.meta")
          .required("request_id", STRING)
          .required("current_page", INTEGER)
          .required("per_page", INTEGER)
          .required("total_count", INTEGER);

  static final WireShape ERROR = WireShape.of("error body").required("error", OBJECT);

  static final WireShape ERROR_OBJECT =
      WireShape.of("error")
          .required("type", STRING)
          .required("code", STRING)
          .required("message", STRING)
          .optional("details", ARRAY);

  static final WireShape ERROR_DETAIL =
      WireShape.of("error.details[]")
          .required("field", STRING)
          .required("message", STRING)
          .optional("code", STRING);

  @RegisterExtension final FakeBillingrailsExtension billingrails = new FakeBillingrailsExtension();

  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  record Answer(int code, Map<String, @Nullable Object> json) {
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> object(String name) {
      return (Map<String, @Nullable Object>) json.get(name);
    }
  }

  private Answer call(String method, String path, @Nullable String json) throws Exception {
    Request request =
        new Request.Builder()
            .url(billingrails.baseUrl() + path)
            .header("Authorization", "Bearer " + billingrails.apiKey())
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

  private static void assertError(Answer a) {
    assertThat(ERROR.violations(a.json())).as("%s", a.json()).isEmpty();
    Map<String, @Nullable Object> error = a.object("error");
    assertThat(ERROR_OBJECT.violations(error)).as("%s", a.json()).isEmpty();
    if (error.get("details") instanceof List<?> details) {
      details.forEach(d -> assertThat(ERROR_DETAIL.violations(d)).isEmpty());
    }
  }

  @Test
  void everyObjectTheFakeRendersHasTheDocumentedFieldsWithTheirTypes() throws Exception {
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 1_000);
    String grant = billingrails.seedCreditGrant(account, "EUR", 2_550);
    Answer offline =
        call(
            "POST",
            "/payments",
            "{\"account_id\":\""
                + account
                + "\",\"reference_id\":\"r-1\",\"invoice_id\":\""
                + invoice
                + "\"}");
    Answer online =
        call(
            "POST",
            "/payments",
            "{\"mode\":\"online\",\"account_id\":\""
                + account
                + "\",\"reference_id\":\"r-2\",\"credit_grant_id\":\""
                + grant
                + "\",\"payment_method_id\":\"pm_42\"}");
    for (Answer created : List.of(offline, online)) {
      assertThat(created.code()).isIn(200, 201);
      assertThat(CREATED.violations(created.json())).isEmpty();
      assertThat(PAYMENT.violations(created.object("payment"))).isEmpty();
      Answer one = call("GET", "/payments/" + created.object("payment").get("id"), null);
      assertThat(RETRIEVED.violations(one.json())).isEmpty();
      assertThat(PAYMENT.violations(one.object("payment"))).isEmpty();
      assertThat(one.object("meta").get("request_id")).isInstanceOf(String.class);
    }
    assertThat(online.json().get("payment_link")).isInstanceOf(String.class);

    Answer list = call("GET", "/payments", null);
    assertThat(LIST.violations(list.json())).isEmpty();
    assertThat(LIST_META.violations(list.object("meta"))).isEmpty();
    List<?> payments = (List<?>) list.json().get("payments");
    assertThat(payments).hasSize(2);
    payments.forEach(p -> assertThat(PAYMENT.violations(p)).isEmpty());

    for (Answer e :
        List.of(
            call("POST", "/payments", "{}"),
            call("POST", "/payments", "[]"),
            call("GET", "/payments/pay_nope", null),
            call("GET", "/payments?page=0", null),
            call("DELETE", "/payments", null))) {
      assertThat(e.code()).isBetween(400, 499);
      assertError(e);
    }
  }
}
