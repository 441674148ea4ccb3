package io.payclient.lago;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.FieldError;
import io.payclient.core.InvalidRequestException;
import io.payclient.core.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18: every response Lago's spec, server and official clients allow is read, and nothing is
 * silently lost. One test per case.
 */
class LagoSpecFidelityTest {
  private static final String PAYMENT =
      "{\"lago_id\":\"%s\",\"amount_cents\":100,\"amount_currency\":\"EUR\","
          + "\"payment_status\":\"succeeded\",\"reference\":\"r\"}";
  private static final String REQUEST =
      "{\"lago_id\":\"%s\",\"email\":null,\"amount_cents\":100,\"amount_currency\":\"EUR\","
          + "\"payment_status\":\"pending\",\"created_at\":\"2026-08-01T10:00:00Z\","
          + "\"customer\":{\"external_id\":\"c\"},\"invoices\":[]}";

  @StartStop MockWebServer server = new MockWebServer();
  private LagoClient client;

  private LagoClient client() {
    if (client == null) {
      client = LagoClient.builder().apiKey("k").baseUrl(server.url("/api/v1").toString()).build();
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

  private static String meta(String nextPage) {
    return "{\"current_page\":2,\"next_page\":"
        + nextPage
        + ",\"prev_page\":1,\"total_pages\":3,\"total_count\":5}";
  }

  // 1. Paging metadata is advisory: the items are returned, paging ends, never loops.

  @ParameterizedTest
  @ValueSource(strings = {"-1", "0", "1", "2", "\"two\"", "3000000000", "1.5", "{}"})
  void paymentsPageWithAnUnfollowableNextPageKeepsItsItemsAndEnds(String nextPage) {
    enqueue(
        200,
        "{\"payments\":["
            + PAYMENT.formatted("p-1")
            + ","
            + PAYMENT.formatted("p-2")
            + "],\"meta\":"
            + meta(nextPage)
            + "}");
    Page<LagoPayment> page =
        client().payments().list(LagoPaymentListParams.builder().page(2).build());
    assertThat(page.items()).extracting(LagoPayment::lagoId).containsExactly("p-1", "p-2");
    assertThat(page.hasNextPage()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "0", "1", "2", "\"two\"", "3000000000"})
  void paymentRequestsPageWithAnUnfollowableNextPageKeepsItsItemsAndEnds(String nextPage) {
    enqueue(
        200,
        "{\"payment_requests\":["
            + REQUEST.formatted("pr-1")
            + "],\"meta\":"
            + meta(nextPage)
            + "}");
    Page<LagoPaymentRequest> page =
        client().paymentRequests().list(LagoPaymentRequestListParams.builder().build().withPage(2));
    assertThat(page.items()).extracting(LagoPaymentRequest::lagoId).containsExactly("pr-1");
    assertThat(page.hasNextPage()).isFalse();
  }

  @Test
  void aFollowableNextPageIsStillFollowed() {
    enqueue(200, "{\"payments\":[" + PAYMENT.formatted("p-1") + "],\"meta\":" + meta("3") + "}");
    enqueue(200, "{\"payments\":[" + PAYMENT.formatted("p-2") + "],\"meta\":" + meta("2") + "}");
    Page<LagoPayment> page =
        client().payments().list(LagoPaymentListParams.builder().page(2).build());
    List<String> ids = new java.util.ArrayList<>();
    page.autoPagingIterable().forEach(p -> ids.add(p.lagoId()));
    // the second page points back to page 2: paging ends instead of looping
    assertThat(ids).containsExactly("p-1", "p-2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPageWithOnlyCurrentPageIsOnePage() {
    // as Lago's Python client fixtures send it
    enqueue(200, "{\"payments\":[" + PAYMENT.formatted("p-1") + "],\"meta\":{\"current_page\":1}}");
    Page<LagoPayment> page = client().payments().list(LagoPaymentListParams.builder().build());
    assertThat(page.items()).hasSize(1);
    assertThat(page.hasNextPage()).isFalse();
  }

  // 2. Retrieve accepts the wrapped and the bare payment request.

  @Test
  void paymentRequestRetrieveAcceptsTheBareObjectAsTheSpecShowsIt() {
    enqueue(200, REQUEST.formatted("pr-bare"));
    enqueue(200, "{\"payment_request\":" + REQUEST.formatted("pr-wrapped") + "}");
    assertThat(client().paymentRequests().retrieve("pr-bare").lagoId()).isEqualTo("pr-bare");
    assertThat(client().paymentRequests().retrieve("pr-wrapped").lagoId()).isEqualTo("pr-wrapped");
  }

  // 3. Errors keep every text and derive field errors from every shape.

  @Test
  void errorMessageIsKeptBesideError() {
    enqueue(
        422,
        "{\"status\":422,\"error\":\"Unprocessable Entity\",\"code\":\"validation_errors\","
            + "\"message\":\"Invoice is already paid\",\"error_details\":{\"invoice\":[\"paid\"]}}");
    assertThatThrownBy(() -> client().payments().retrieve("x"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.error().message()).contains("Unprocessable Entity");
              assertThat(e.error().message()).contains("Invoice is already paid");
              assertThat(e.error().fieldErrors())
                  .containsExactly(new FieldError("invoice", "paid", "paid"));
            });
  }

  @Test
  void errorDetailsAsRowsGiveFieldErrors() {
    enqueue(
        422,
        "{\"status\":422,\"error\":\"Unprocessable Entity\",\"code\":\"validation_errors\","
            + "\"error_details\":{\"0\":{\"field\":\"amount_cents\",\"code\":\"invalid_value\","
            + "\"message\":\"must be positive\"},\"1\":{\"code\":\"invoice_not_overdue\"},"
            + "\"2\":{\"field\":\"paid_at\",\"code\":1e99999999999}}}");
    assertThatThrownBy(() -> client().payments().retrieve("x"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.error().fieldErrors())
                    .containsExactly(
                        new FieldError("amount_cents", "must be positive", "invalid_value"),
                        new FieldError("base", "invoice_not_overdue", "invoice_not_overdue"),
                        new FieldError("paid_at", "1e99999999999", "1e99999999999")));
  }

  @Test
  void errorDetailsAsAnArrayOfRowsAndUnknownMembersAreKept() throws Exception {
    var parser = io.payclient.lago.internal.LagoErrorParser.INSTANCE;
    var e =
        parser.parse(
            422,
            Fixtures.reader(
                "{\"error\":\"Unprocessable Entity\",\"provider\":{\"code\":\"stripe_prod\"},"
                    + "\"error_details\":[{\"field\":\"email\",\"message\":\"bad\",\"at\":3},"
                    + "{\"x\":1},\"loose\",[\"nested\"]],\"status\":422}"));
    assertThat(e.fieldErrors())
        .containsExactly(
            new FieldError("email", "bad (at=3)", null),
            new FieldError("base", "loose", "loose"),
            new FieldError("base", "[\"nested\"]", "[\"nested\"]"));
    assertThat(e.message())
        .isEqualTo("Unprocessable Entity (provider={\"code\":\"stripe_prod\"}, base={x=1})");
  }

  @Test
  void errorFieldErrorsStopAtTheLimitAndTextsAreKeptUpToTheParsedTextBound() throws Exception {
    StringBuilder body = new StringBuilder("{\"error\":\"E\",\"error_details\":{\"f\":[");
    for (int i = 0; i < 250; i++) {
      body.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
    }
    String longText = "x".repeat(5000);
    body.append("],\"g\":[{\"code\":\"c\"}],\"note\":\"").append(longText).append("\"}}");
    var e =
        io.payclient.lago.internal.LagoErrorParser.INSTANCE.parse(
            422, Fixtures.reader(body.toString()));
    assertThat(e.fieldErrors()).hasSize(io.payclient.core.internal.Limits.MAX_FIELD_ERRORS);
    // More than the transport shows (it redacts, then cuts at MAX_TEXT_CHARS), and bounded.
    assertThat(e.message())
        .contains("x".repeat(io.payclient.core.internal.Limits.MAX_TEXT_CHARS * 3))
        .hasSizeLessThanOrEqualTo(io.payclient.core.internal.Limits.MAX_PARSED_TEXT_CHARS + 1);
  }

  @Test
  void errorWithOnlyAMessage() throws Exception {
    var e =
        io.payclient.lago.internal.LagoErrorParser.INSTANCE.parse(
            400, Fixtures.reader("{\"message\":\"m\",\"error_details\":null}"));
    assertThat(e.message()).isEqualTo("m");
    var none =
        io.payclient.lago.internal.LagoErrorParser.INSTANCE.parse(
            400, Fixtures.reader("{\"error\":\"\",\"message\":\"\"}"));
    assertThat(none.message()).isEqualTo("HTTP 400");
  }

  // 4. Payment request objects: payment_method in the input, every spec field typed.

  @Test
  void paymentRequestCreateSendsPaymentMethodAndKeepsEmailOptional() throws Exception {
    enqueue(200, "{\"payment_request\":" + REQUEST.formatted("pr-1") + "}");
    LagoPaymentRequest pr =
        client()
            .paymentRequests()
            .create(
                LagoPaymentRequestCreateRequest.builder()
                    .externalCustomerId("c")
                    .addInvoiceId("i")
                    .paymentMethodType(LagoPaymentType.PROVIDER)
                    .paymentMethodId("pm-1")
                    .build());
    assertThat(server.takeRequest().getBody().utf8())
        .isEqualTo(
            "{\"payment_request\":{\"external_customer_id\":\"c\",\"lago_invoice_ids\":[\"i\"],"
                + "\"payment_method\":{\"payment_method_type\":\"provider\","
                + "\"payment_method_id\":\"pm-1\"}}}");
    assertThat(pr.email()).isNull();
    LagoPaymentRequestCreateRequest manual =
        LagoPaymentRequestCreateRequest.builder()
            .externalCustomerId("c")
            .addInvoiceId("i")
            .paymentMethodType(LagoPaymentType.MANUAL)
            .build();
    assertThat(manual.paymentMethodType()).contains(LagoPaymentType.MANUAL);
    assertThat(manual.paymentMethodId()).isEmpty();
    assertThat(manual.email()).isEmpty();
    assertThat(manual.toString()).contains("paymentMethodType=MANUAL");
    assertThat(manual)
        .isNotEqualTo(
            LagoPaymentRequestCreateRequest.builder()
                .externalCustomerId("c")
                .addInvoiceId("i")
                .build());
    assertThatThrownBy(
            () ->
                LagoPaymentRequestCreateRequest.builder()
                    .paymentMethodType(LagoPaymentType.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void paymentRequestCustomerAndInvoicesTypeEverySpecField() {
    enqueue(
        200,
        "{\"payment_request\":{\"lago_id\":\"pr\",\"customer\":{\"lago_id\":\"cu\","
            + "\"sequential_id\":101,\"slug\":\"s\",\"external_id\":\"e\","
            + "\"billing_entity_code\":\"acme\",\"account_type\":\"customer\",\"name\":\"G B\","
            + "\"firstname\":\"G\",\"lastname\":\"B\",\"customer_type\":\"company\","
            + "\"tax_identification_number\":\"EU1\",\"net_payment_term\":30,"
            + "\"finalize_zero_amount_invoice\":\"skip\",\"skip_invoice_custom_sections\":false,"
            + "\"shipping_address\":{\"city\":\"W\"},\"metadata\":[{\"key\":\"k\",\"value\":\"v\"}],"
            + "\"integration_customers\":[]},"
            + "\"invoices\":[{\"lago_id\":\"in\",\"billing_entity_code\":\"acme\","
            + "\"progressive_billing_credit_amount_cents\":0,\"self_billed\":false,"
            + "\"file_url\":\"https://f.test/i.pdf\",\"web_url\":\"https://w.test/i\","
            + "\"created_at\":\"2022-04-29T08:59:51Z\",\"updated_at\":\"2022-04-30T08:59:51Z\","
            + "\"xml_url\":null},5]}}");
    LagoPaymentRequest pr = client().paymentRequests().retrieve("pr");
    LagoCustomer c = pr.customer();
    assertThat(c.sequentialId()).isEqualTo(101L);
    assertThat(c.slug()).isEqualTo("s");
    assertThat(c.billingEntityCode()).isEqualTo("acme");
    assertThat(c.accountType()).isEqualTo("customer");
    assertThat(c.firstname()).isEqualTo("G");
    assertThat(c.lastname()).isEqualTo("B");
    assertThat(c.customerType()).isEqualTo("company");
    assertThat(c.taxIdentificationNumber()).isEqualTo("EU1");
    assertThat(c.netPaymentTerm()).isEqualTo(30L);
    assertThat(c.finalizeZeroAmountInvoice()).isEqualTo("skip");
    assertThat(c.skipInvoiceCustomSections()).isFalse();
    assertThat(c.shippingAddress()).containsEntry("city", "W");
    assertThat(c.metadata()).containsExactly(Map.of("key", "k", "value", "v"));
    assertThat(c.other()).containsOnlyKeys("integration_customers");
    assertThat(pr.invoices()).hasSize(1);
    LagoInvoice i = pr.invoices().get(0);
    assertThat(i.billingEntityCode()).isEqualTo("acme");
    assertThat(i.progressiveBillingCreditAmountCents()).isEqualTo(0L);
    assertThat(i.selfBilled()).isFalse();
    assertThat(i.fileUrl()).isEqualTo("https://f.test/i.pdf");
    assertThat(i.webUrl()).isEqualTo("https://w.test/i");
    assertThat(i.createdAt()).isEqualTo(Instant.parse("2022-04-29T08:59:51Z"));
    assertThat(i.updatedAt()).isEqualTo(Instant.parse("2022-04-30T08:59:51Z"));
    assertThat(i.other()).containsOnlyKeys("xml_url");
    assertThat(pr.untyped()).containsEntry("invoices[1]", "5");
  }

  // 5. One leniency policy: a field of an unexpected shape never loses the payment.

  @Test
  void aCreatedPaymentWithAnUntypableFieldIsReturnedWithItsRawText() {
    enqueue(
        200,
        "{\"payment\":{\"lago_id\":\"p-1\",\"amount_cents\":\"ten\",\"amount_currency\":\"EUR\","
            + "\"created_at\":1700000000,\"payment_status\":\"succeeded\",\"reference\":\"r\"}}");
    LagoPayment p =
        client()
            .payments()
            .create(
                LagoPaymentCreateRequest.builder()
                    .invoiceId("1a901a90-1a90-1a90-1a90-1a901a901a90")
                    .amountCents(10)
                    .reference("r")
                    .build());
    assertThat(p.lagoId()).isEqualTo("p-1");
    assertThat(p.amountCents()).isNull();
    assertThat(p.amount()).isEmpty();
    assertThat(p.createdAt()).isNull();
    assertThat(p.untyped())
        .containsOnly(Map.entry("amount_cents", "ten"), Map.entry("created_at", "1700000000"));
  }

  @Test
  void aPaymentRequestWithUntypableFieldsIsReadWithTheirRawTexts() {
    enqueue(
        200,
        "{\"payment_request\":{\"lago_id\":\"pr\",\"amount_cents\":[1],\"customer\":\"c-1\","
            + "\"invoices\":{\"lago_id\":\"i\"}}}");
    LagoPaymentRequest pr = client().paymentRequests().retrieve("pr");
    assertThat(pr.amountCents()).isNull();
    assertThat(pr.customer()).isNull();
    assertThat(pr.invoices()).isEmpty();
    assertThat(pr.untyped())
        .containsEntry("amount_cents", "[1]")
        .containsEntry("customer", "c-1")
        .containsEntry("invoices", "{\"lago_id\":\"i\"}");
  }
}
