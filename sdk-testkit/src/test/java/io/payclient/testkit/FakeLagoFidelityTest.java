package io.payclient.testkit;

import static io.payclient.testkit.WireShape.Type.ARRAY;
import static io.payclient.testkit.WireShape.Type.BOOLEAN;
import static io.payclient.testkit.WireShape.Type.DATE;
import static io.payclient.testkit.WireShape.Type.DATE_TIME;
import static io.payclient.testkit.WireShape.Type.INTEGER;
import static io.payclient.testkit.WireShape.Type.OBJECT;
import static io.payclient.testkit.WireShape.Type.STRING;
import static io.payclient.testkit.WireShape.Type.UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.RateLimitException;
import io.payclient.lago.LagoClient;
import io.payclient.testkit.junit.FakeLagoExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
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
 * FakeLago answers as the Lago server does (issue 20): every object it renders against the field
 * lists of Lago's OpenAPI spec (1.51.0; CustomerBaseObject and InvoiceBaseObject as the server's
 * serializers render them, every field), its order of checks, {@code paid_at} and its 429.
 */
class FakeLagoFidelityTest {
  // PaymentObject. The provider fields are null for manual payments (vendor facts), although the
  // spec marks some of them required and non-null.
  static final WireShape PAYMENT =
      WireShape.of("payment")
          .required("lago_id", UUID)
          .required("lago_customer_id", UUID)
          .required("external_customer_id", STRING)
          .required("invoice_ids", ARRAY)
          .required("invoice_numbers", ARRAY)
          .required("lago_payable_id", UUID)
          .required("payable_type", STRING)
          .required("amount_cents", INTEGER)
          .required("amount_currency", STRING)
          .required("status", STRING)
          .required("payment_status", STRING)
          .required("type", STRING)
          .required("reference", STRING)
          .requiredNullable("payment_provider_code", STRING)
          .requiredNullable("payment_provider_type", STRING)
          .requiredNullable("external_payment_id", STRING)
          .requiredNullable("provider_payment_id", STRING)
          .requiredNullable("provider_customer_id", STRING)
          .optionalNullable("payment_method_id", UUID)
          .required("next_action", OBJECT)
          .required("created_at", DATE_TIME);

  // PaymentRequestObject.
  static final WireShape PAYMENT_REQUEST =
      WireShape.of("payment_request")
          .required("lago_id", UUID)
          .required("email", STRING)
          .required("amount_cents", INTEGER)
          .required("amount_currency", STRING)
          .required("payment_status", STRING)
          .required("created_at", DATE_TIME)
          .required("customer", OBJECT)
          .required("invoices", ARRAY);

  // CustomerBaseObject: the server renders every field, so all are expected.
  static final WireShape CUSTOMER =
      WireShape.of("customer")
          .required("lago_id", UUID)
          .required("sequential_id", INTEGER)
          .required("slug", STRING)
          .required("external_id", STRING)
          .required("billing_entity_code", STRING)
          .requiredNullable("address_line1", STRING)
          .requiredNullable("address_line2", STRING)
          .required("applicable_timezone", STRING)
          .requiredNullable("city", STRING)
          .requiredNullable("country", STRING)
          .requiredNullable("currency", STRING)
          .requiredNullable("email", STRING)
          .requiredNullable("legal_name", STRING)
          .requiredNullable("legal_number", STRING)
          .requiredNullable("logo_url", STRING)
          .requiredNullable("name", STRING)
          .requiredNullable("firstname", STRING)
          .requiredNullable("lastname", STRING)
          .required("account_type", STRING)
          .requiredNullable("customer_type", STRING)
          .requiredNullable("phone", STRING)
          .requiredNullable("state", STRING)
          .requiredNullable("tax_identification_number", STRING)
          .requiredNullable("timezone", STRING)
          .requiredNullable("url", STRING)
          .requiredNullable("zipcode", STRING)
          .requiredNullable("net_payment_term", INTEGER)
          .required("created_at", DATE_TIME)
          .required("updated_at", DATE_TIME)
          .required("finalize_zero_amount_invoice", STRING)
          .required("skip_invoice_custom_sections", BOOLEAN)
          .required("billing_configuration", OBJECT)
          .required("shipping_address", OBJECT)
          .required("metadata", ARRAY);

  // InvoiceBaseObject: every field. payment_dispute_lost_at is null until a dispute is lost
  // (the server renders it so; the spec types it as a non-null date-time).
  static final WireShape INVOICE =
      WireShape.of("invoice")
          .required("lago_id", UUID)
          .requiredNullable("billing_entity_code", STRING)
          .required("sequential_id", INTEGER)
          .required("number", STRING)
          .required("issuing_date", DATE)
          .requiredNullable("payment_dispute_lost_at", DATE_TIME)
          .required("payment_due_date", DATE)
          .required("payment_overdue", BOOLEAN)
          .required("net_payment_term", INTEGER)
          .required("invoice_type", STRING)
          .required("status", STRING)
          .required("payment_status", STRING)
          .required("currency", STRING)
          .required("fees_amount_cents", INTEGER)
          .required("coupons_amount_cents", INTEGER)
          .required("credit_notes_amount_cents", INTEGER)
          .required("sub_total_excluding_taxes_amount_cents", INTEGER)
          .required("taxes_amount_cents", INTEGER)
          .required("sub_total_including_taxes_amount_cents", INTEGER)
          .required("prepaid_credit_amount_cents", INTEGER)
          .requiredNullable("prepaid_granted_credit_amount_cents", INTEGER)
          .requiredNullable("prepaid_purchased_credit_amount_cents", INTEGER)
          .required("progressive_billing_credit_amount_cents", INTEGER)
          .required("total_amount_cents", INTEGER)
          .required("version_number", INTEGER)
          .required("self_billed", BOOLEAN)
          .required("file_url", STRING)
          .requiredNullable("web_url", STRING)
          .required("created_at", DATE_TIME)
          .required("updated_at", DATE_TIME);

  // PaginationMeta.
  static final WireShape META =
      WireShape.of("meta")
          .required("current_page", INTEGER)
          .optionalNullable("next_page", INTEGER)
          .optionalNullable("prev_page", INTEGER)
          .required("total_pages", INTEGER)
          .required("total_count", INTEGER);

  // Lago's error body as its controllers render it (vendor facts, error-bodies.json).
  static final WireShape ERROR =
      WireShape.of("error")
          .required("status", INTEGER)
          .required("error", STRING)
          .optional("code", STRING)
          .optional("error_details", OBJECT);

  @RegisterExtension final FakeLagoExtension lago = new FakeLagoExtension();

  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  record Answer(int code, Headers headers, Map<String, @Nullable Object> json) {
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> object(String name) {
      return (Map<String, @Nullable Object>) json.get(name);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, @Nullable Object>> list(String name) {
      return (List<Map<String, @Nullable Object>>) json.get(name);
    }
  }

  private Answer call(String method, String path, @Nullable String json) throws Exception {
    Request.Builder b =
        new Request.Builder()
            .url(lago.baseUrl() + path)
            .header("Authorization", "Bearer " + lago.apiKey());
    b.method(
        method, json == null ? null : RequestBody.create(json, MediaType.get("application/json")));
    try (Response r = http.newCall(b.build()).execute()) {
      Map<String, @Nullable Object> body = JsonTree.parseObject(ByteString.of(r.body().bytes()));
      assertThat(body).as("JSON object body of %s %s", method, path).isNotNull();
      return new Answer(r.code(), r.headers(), body);
    }
  }

  private Answer pay(String fields) throws Exception {
    return call("POST", "/payments", "{\"payment\":{" + fields + "}}");
  }

  private Answer requestPayment(String customer, String... invoiceIds) throws Exception {
    String ids = String.join("\",\"", invoiceIds);
    return call(
        "POST",
        "/payment_requests",
        "{\"payment_request\":{\"external_customer_id\":\""
            + customer
            + "\",\"lago_invoice_ids\":["
            + (invoiceIds.length == 0 ? "" : "\"" + ids + "\"")
            + "]}}");
  }

  private static List<String> paymentRequestViolations(@Nullable Object pr) {
    List<String> out = new ArrayList<>(PAYMENT_REQUEST.violations(pr));
    if (pr instanceof Map<?, ?> m) {
      out.addAll(CUSTOMER.violations(m.get("customer")));
      if (m.get("invoices") instanceof List<?> invoices) {
        assertThat(invoices).as("invoices of a payment request").isNotEmpty();
        invoices.forEach(i -> out.addAll(INVOICE.violations(i)));
      }
    }
    return out;
  }

  @Test
  void everyObjectTheFakeRendersHasEveryFieldOfTheSpecWithItsType() throws Exception {
    String a = lago.seedOverdueInvoice("EUR", 12_000, "gavin_001");
    String b = lago.seedOverdueInvoice("EUR", 7_955, "gavin_001");
    Answer created = requestPayment("gavin_001", a, b);
    assertThat(created.code()).isEqualTo(200);
    Map<String, @Nullable Object> pr = created.object("payment_request");
    assertThat(paymentRequestViolations(pr)).isEmpty();
    Answer one = call("GET", "/payment_requests/" + pr.get("lago_id"), null);
    assertThat(paymentRequestViolations(one.object("payment_request"))).isEmpty();
    Answer prs = call("GET", "/payment_requests", null);
    assertThat(prs.list("payment_requests")).hasSize(1);
    prs.list("payment_requests").forEach(p -> assertThat(paymentRequestViolations(p)).isEmpty());
    assertThat(META.violations(prs.object("meta"))).isEmpty();

    Answer paid = pay("\"invoice_id\":\"" + a + "\",\"amount_cents\":100,\"reference\":\"r-1\"");
    assertThat(paid.code()).isEqualTo(200);
    Map<String, @Nullable Object> payment = paid.object("payment");
    assertThat(PAYMENT.violations(payment)).isEmpty();
    assertThat(
            PAYMENT.violations(
                call("GET", "/payments/" + payment.get("lago_id"), null).object("payment")))
        .isEmpty();
    Answer payments = call("GET", "/payments", null);
    payments.list("payments").forEach(p -> assertThat(PAYMENT.violations(p)).isEmpty());
    assertThat(META.violations(payments.object("meta"))).isEmpty();

    // The invoice a payment names is the one a payment request renders, and it shows the payment.
    Map<String, @Nullable Object> invoice =
        call("GET", "/payment_requests/" + pr.get("lago_id"), null)
            .object("payment_request")
            .entrySet()
            .stream()
            .filter(e -> e.getKey().equals("invoices"))
            .map(e -> (List<?>) e.getValue())
            .map(l -> asMap(l.get(0)))
            .findFirst()
            .orElseThrow();
    assertThat(payment.get("invoice_numbers")).isEqualTo(List.of(invoice.get("number")));
    assertThat(invoice.get("total_due_amount_cents")).hasToString("11900");
    assertThat(invoice.get("total_paid_amount_cents")).hasToString("100");

    List<Answer> errors =
        List.of(
            pay("\"invoice_id\":\"nope\",\"amount_cents\":1,\"reference\":\"r\""),
            pay("\"invoice_id\":\"" + a + "\",\"amount_cents\":0,\"reference\":\"r\""),
            call("POST", "/payments", "{}"),
            call("GET", "/payments/nope", null),
            call("GET", "/payment_requests/nope", null),
            requestPayment("nobody", a),
            call("DELETE", "/payments", null));
    for (Answer e : errors) {
      assertThat(e.code()).isBetween(400, 499);
      assertThat(ERROR.violations(e.json())).as("error %s", e.json()).isEmpty();
      assertThat(e.json().get("status")).hasToString(String.valueOf(e.code()));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> asMap(@Nullable Object o) {
    return (Map<String, @Nullable Object>) o;
  }

  @Test
  void paymentRequestsRenderTheCustomerAndInvoicesTheServerWould() throws Exception {
    String a = lago.seedOverdueInvoice("EUR", 12_000, "gavin_001");
    Map<String, @Nullable Object> pr = requestPayment("gavin_001", a).object("payment_request");
    Map<String, @Nullable Object> customer = asMap(pr.get("customer"));
    assertThat(customer)
        .containsEntry("external_id", "gavin_001")
        .containsEntry("currency", "EUR")
        .containsKeys("sequential_id", "slug", "applicable_timezone", "created_at");
    Map<String, @Nullable Object> invoice = asMap(((List<?>) pr.get("invoices")).get(0));
    assertThat(invoice)
        .containsEntry("lago_id", a)
        .containsEntry("payment_overdue", true)
        .containsEntry("status", "finalized")
        .containsKeys(
            "billing_entity_code",
            "number",
            "issuing_date",
            "invoice_type",
            "fees_amount_cents",
            "version_number",
            "created_at",
            "updated_at");
    assertThat(invoice.get("total_amount_cents")).hasToString("12000");
    assertThat(pr.get("amount_cents")).hasToString("12000");
  }

  @Test
  void checksInTheServersOrderPreconditionsBeforeTheInvoiceLookup() throws Exception {
    String invoice = lago.seedInvoice("USD", 100);
    // An empty root is a missing root to Rails' params.require: 400.
    Answer empty = call("POST", "/payments", "{\"payment\":{}}");
    assertThat(empty.code()).isEqualTo(400);
    assertThat(ERROR.violations(empty.json())).isEmpty();
    // invoice_id missing: 422 value_is_mandatory, before anything else.
    Answer a = pay("\"amount_cents\":0,\"reference\":\"r\"");
    assertThat(a.code()).isEqualTo(422);
    assertThat(a.json().get("error_details"))
        .isEqualTo(Map.of("invoice_id", List.of("value_is_mandatory")));
    // An unknown invoice with an invalid amount: the amount first.
    for (String amount : List.of("0", "-5", "\"10\"", "10.0", "1e2")) {
      Answer b =
          pay("\"invoice_id\":\"unknown\",\"amount_cents\":" + amount + ",\"reference\":\"r\"");
      assertThat(b.code()).as("amount %s", amount).isEqualTo(422);
      assertThat(b.json().get("error_details"))
          .isEqualTo(Map.of("amount_cents", List.of("invalid_value")));
    }
    // paid_at is checked after the lookup: unknown invoice → 404.
    Answer c =
        pay("\"invoice_id\":\"unknown\",\"amount_cents\":1,\"reference\":\"r\",\"paid_at\":\"x\"");
    assertThat(c.code()).isEqualTo(404);
    assertThat(c.json()).containsEntry("code", "invoice_not_found");
    // A bad paid_at answers alone, before the payment's own validations (reference missing).
    Answer d = pay("\"invoice_id\":\"" + invoice + "\",\"amount_cents\":1,\"paid_at\":\"x\"");
    assertThat(d.code()).isEqualTo(422);
    assertThat(d.json().get("error_details")).isEqualTo(Map.of("paid_at", List.of("invalid_date")));
    // The payment's own validations come together.
    Answer e = pay("\"invoice_id\":\"" + invoice + "\",\"amount_cents\":101");
    assertThat(e.code()).isEqualTo(422);
    assertThat(e.json().get("error_details"))
        .isEqualTo(
            Map.of(
                "reference", List.of("value_is_mandatory"),
                "amount_cents", List.of("value_is_out_of_range")));
    assertThat(lago.createdPayments()).isZero();
  }

  @Test
  void paymentRequestsCheckInTheServersOrder() throws Exception {
    String eur = lago.seedOverdueInvoice("EUR", 1_000, "gavin_001");
    String usd = lago.seedOverdueInvoice("USD", 5, "gavin_001");
    String notOverdue = lago.seedInvoice("inv-x", "EUR", 5, "gavin_001");
    String otherCustomers = lago.seedOverdueInvoice("EUR", 7, "someone_else");
    // Ids that are not the customer's are ignored, as the server's query ignores them.
    Answer a = requestPayment("gavin_001", eur, "unknown", otherCustomers);
    assertThat(a.code()).isEqualTo(200);
    assertThat(((List<?>) a.object("payment_request").get("invoices"))).hasSize(1);
    // None of the customer's: 404 invoice_not_found (also for an empty list).
    assertThat(requestPayment("gavin_001", "unknown").json())
        .containsEntry("code", "invoice_not_found");
    assertThat(requestPayment("gavin_001").json()).containsEntry("code", "invoice_not_found");
    // Not overdue is checked on all of them before the currencies.
    Answer b = requestPayment("gavin_001", eur, usd, notOverdue);
    assertThat(b.code()).isEqualTo(405);
    assertThat(b.json()).containsEntry("code", "invoices_not_overdue");
  }

  @Test
  void paidAtSetsTheCreatedAtOfThePaymentAsTheServerStoresIt() throws Exception {
    String invoice = lago.seedInvoice("USD", 1_000);
    Answer a =
        pay(
            "\"invoice_id\":\""
                + invoice
                + "\",\"amount_cents\":1,\"reference\":\"a\",\"paid_at\":\"2025-02-20\"");
    assertThat(a.code()).isEqualTo(200);
    assertThat(a.object("payment")).containsEntry("created_at", "2025-02-20T00:00:00Z");
    Answer b =
        pay(
            "\"invoice_id\":\""
                + invoice
                + "\",\"amount_cents\":1,\"reference\":\"b\","
                + "\"paid_at\":\"2025-03-01T10:15:30+02:00\"");
    assertThat(b.object("payment")).containsEntry("created_at", "2025-03-01T08:15:30Z");
    Answer c = pay("\"invoice_id\":\"" + invoice + "\",\"amount_cents\":1,\"reference\":\"c\"");
    // Retrieve keeps it; the list is ordered by it, newest first, as the server's query is.
    assertThat(
            call("GET", "/payments/" + a.object("payment").get("lago_id"), null).object("payment"))
        .containsEntry("created_at", "2025-02-20T00:00:00Z");
    assertThat(call("GET", "/payments", null).list("payments"))
        .extracting(p -> p.get("reference"))
        .containsExactly("c", "b", "a");
    assertThat(c.object("payment").get("created_at")).isNotEqualTo("2025-02-20T00:00:00Z");
  }

  @Test
  void aPaymentPaidBeforeTheOnesCreatedEarlierIsListedInItsPlace() throws Exception {
    String invoice = lago.seedInvoice("USD", 1_000);
    lago.seedPayments(invoice, 2); // seed-1, seed-2: now
    pay(
        "\"invoice_id\":\""
            + invoice
            + "\",\"amount_cents\":1,\"reference\":\"late\",\"paid_at\":\"2025-03-01\"");
    pay(
        "\"invoice_id\":\""
            + invoice
            + "\",\"amount_cents\":1,\"reference\":\"early\",\"paid_at\":\"2025-02-20\"");
    // Created in the order seed-1, seed-2, late, early; listed by created_at, newest first.
    assertThat(call("GET", "/payments", null).list("payments"))
        .extracting(p -> p.get("reference"))
        .containsExactly("seed-2", "seed-1", "late", "early");
    assertThat(call("GET", "/payments?per_page=1&page=3", null).list("payments"))
        .extracting(p -> p.get("reference"))
        .containsExactly("late");
  }

  @Test
  void anInjectedRateLimitLooksLikeLagoClouds() throws Exception {
    lago.failNext(Fault.rateLimited(Duration.ofMillis(6_500)));
    Answer a = call("GET", "/payments", null);
    assertThat(a.code()).isEqualTo(429);
    assertThat(a.headers().get("X-RateLimit-Limit")).isEqualTo("50");
    assertThat(a.headers().get("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(a.headers().get("X-RateLimit-Reset")).isEqualTo("7");
    assertThat(a.headers().get("Retry-After")).isNull();
    assertThat(ERROR.violations(a.json())).isEmpty();

    // Lago Cloud sends the headers on every response.
    Answer ok = call("GET", "/payments", null);
    assertThat(ok.code()).isEqualTo(200);
    assertThat(ok.headers().get("X-RateLimit-Limit")).isEqualTo("50");
    assertThat(Integer.parseInt(ok.headers().get("X-RateLimit-Remaining"))).isBetween(0, 49);
    assertThat(ok.headers().get("X-RateLimit-Reset")).isEqualTo("1");

    lago.failNext(Fault.rateLimited(Duration.ofSeconds(3)));
    try (LagoClient client =
        LagoClient.builder().apiKey(lago.apiKey()).baseUrl(lago.baseUrl()).maxRetries(0).build()) {
      assertThatThrownBy(() -> client.retrieve("any"))
          .isInstanceOfSatisfying(
              RateLimitException.class,
              e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
    }
  }
}
