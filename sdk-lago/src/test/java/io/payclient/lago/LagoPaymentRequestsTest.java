package io.payclient.lago;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.ApiException;
import io.payclient.core.FieldError;
import io.payclient.core.InvalidRequestException;
import io.payclient.core.Money;
import io.payclient.core.NotFoundException;
import io.payclient.core.Page;
import io.payclient.core.PaymentStatus;
import io.payclient.core.RequestValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LagoPaymentRequestsTest {
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

  @Test
  void createSendsTheDocumentedBodyAndReadsEveryField() throws Exception {
    enqueue(200, Fixtures.read("payment-request.json"));
    LagoPaymentRequest pr =
        client()
            .paymentRequests()
            .create(
                LagoPaymentRequestCreateRequest.builder()
                    .externalCustomerId("gavin_001")
                    .addInvoiceId("1a901a90-1a90-1a90-1a90-1a901a901a90")
                    .addInvoiceId("2b2b2b2b-1a90-1a90-1a90-1a901a901a90")
                    .email("gavin@overdue.test")
                    .build());
    RecordedRequest req = server.takeRequest();
    assertThat(req.getTarget()).isEqualTo("/api/v1/payment_requests");
    assertThat(req.getBody().utf8())
        .isEqualTo(
            "{\"payment_request\":{\"external_customer_id\":\"gavin_001\",\"lago_invoice_ids\":"
                + "[\"1a901a90-1a90-1a90-1a90-1a901a901a90\",\"2b2b2b2b-1a90-1a90-1a90-1a901a901a90\"],"
                + "\"email\":\"gavin@overdue.test\"}}");
    assertThat(pr.lagoId()).isEqualTo("89b6b61e-4dbc-4307-ac96-4abcfa9e3e2d");
    assertThat(pr.email()).isEqualTo("gavin@overdue.test");
    assertThat(pr.amountCents()).isEqualTo(19955L);
    assertThat(pr.amountCurrency()).isEqualTo("EUR");
    assertThat(pr.amount()).contains(Money.of("199.55", "EUR"));
    assertThat(pr.paymentStatus()).isEqualTo("pending");
    assertThat(pr.neutralStatus()).isEqualTo(PaymentStatus.PENDING);
    assertThat(pr.createdAt()).isEqualTo(Instant.parse("2024-06-30T10:59:51Z"));

    LagoCustomer c = pr.customer();
    assertThat(c).isNotNull();
    assertThat(c.lagoId()).isEqualTo("1a901a90-1a90-1a90-1a90-1a901a901a90");
    assertThat(c.externalId()).isEqualTo("gavin_001");
    assertThat(c.name()).isEqualTo("Gavin Belson");
    assertThat(c.email()).isEqualTo("dinesh@piedpiper.test");
    assertThat(c.addressLine1()).isEqualTo("5230 Penfield Ave");
    assertThat(c.addressLine2()).isEqualTo("Suite 2");
    assertThat(c.city()).isEqualTo("Woodland Hills");
    assertThat(c.state()).isEqualTo("CA");
    assertThat(c.zipcode()).isEqualTo("91364");
    assertThat(c.country()).isEqualTo("US");
    assertThat(c.phone()).isEqualTo("1-171-883-3711 x245");
    assertThat(c.url()).isEqualTo("http://hooli.com");
    assertThat(c.legalName()).isEqualTo("Coleman-Blair");
    assertThat(c.legalNumber()).isEqualTo("49-008-2965");
    assertThat(c.logoUrl()).isEqualTo("http://hooli.com/logo.png");
    assertThat(c.currency()).isEqualTo("EUR");
    assertThat(c.timezone()).isEqualTo("Europe/Paris");
    assertThat(c.applicableTimezone()).isEqualTo("Europe/Paris");
    assertThat(c.billingConfiguration())
        .containsEntry("payment_provider", "stripe")
        .containsEntry("provider_customer_id", "cus_12345");
    assertThat(c.createdAt()).isEqualTo(Instant.parse("2022-04-29T08:59:51Z"));
    assertThat(c.updatedAt()).isEqualTo(Instant.parse("2022-04-30T08:59:51Z"));
    assertThat(c.sequentialId()).isEqualTo(7L);
    assertThat(c.metadata()).isNotNull();
    assertThat(c.other()).doesNotContainKeys("sequential_id", "metadata");

    assertThat(pr.invoices()).hasSize(1);
    LagoInvoice i = pr.invoices().get(0);
    assertThat(i.lagoId()).isEqualTo("1a901a90-1a90-1a90-1a90-1a901a901a90");
    assertThat(i.sequentialId()).isEqualTo(15L);
    assertThat(i.number()).isEqualTo("LAG-1234-001-002");
    assertThat(i.issuingDate()).isEqualTo(LocalDate.of(2022, 6, 2));
    assertThat(i.paymentDueDate()).isEqualTo(LocalDate.of(2022, 6, 3));
    assertThat(i.paymentDisputeLostAt()).isEqualTo(Instant.parse("2022-04-29T08:59:51Z"));
    assertThat(i.paymentOverdue()).isTrue();
    assertThat(i.invoiceType()).isEqualTo("one_off");
    assertThat(i.versionNumber()).isEqualTo(2L);
    assertThat(i.status()).isEqualTo("finalized");
    assertThat(i.paymentStatus()).isEqualTo("pending");
    assertThat(i.currency()).isEqualTo("EUR");
    assertThat(i.netPaymentTerm()).isZero();
    assertThat(i.feesAmountCents()).isEqualTo(100L);
    assertThat(i.taxesAmountCents()).isEqualTo(20L);
    assertThat(i.couponsAmountCents()).isEqualTo(1L);
    assertThat(i.creditNotesAmountCents()).isEqualTo(2L);
    assertThat(i.subTotalExcludingTaxesAmountCents()).isEqualTo(100L);
    assertThat(i.subTotalIncludingTaxesAmountCents()).isEqualTo(120L);
    assertThat(i.prepaidCreditAmountCents()).isEqualTo(3L);
    assertThat(i.prepaidGrantedCreditAmountCents()).isEqualTo(4L);
    assertThat(i.prepaidPurchasedCreditAmountCents()).isEqualTo(5L);
    assertThat(i.totalAmountCents()).isEqualTo(120L);
    assertThat(i.totalDueAmountCents()).isEqualTo(119L);
    assertThat(i.fileUrl()).isEqualTo("https://lago.example/invoice.pdf");
    assertThat(i.other()).isEmpty();
  }

  @Test
  void emailIsOptionalAndRulesAreCheckedBeforeIo() {
    assertThat(
            LagoPaymentRequestCreateRequest.builder()
                .externalCustomerId("c")
                .addInvoiceId("i")
                .build()
                .email())
        .isEmpty();
    assertThatThrownBy(
            () -> LagoPaymentRequestCreateRequest.builder().email("not-an-email").build())
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldError::field)
                    .containsExactly("email", "external_customer_id", "lago_invoice_ids"));
    assertThatThrownBy(
            () ->
                LagoPaymentRequestCreateRequest.builder()
                    .externalCustomerId("c")
                    .addInvoiceId(" ")
                    .build())
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("lago_invoice_ids[0]"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void retrieveAndListWithFiltersAndPages() throws Exception {
    enqueue(200, Fixtures.read("payment-request.json"));
    assertThat(client().paymentRequests().retrieve("89b6 b61e").email())
        .isEqualTo("gavin@overdue.test");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/payment_requests/89b6%20b61e");

    String item =
        Fixtures.read("payment-request.json").replaceFirst("\\{\\s*\"payment_request\":", "");
    item = item.substring(0, item.lastIndexOf('}'));
    enqueue(
        200,
        "{\"payment_requests\":["
            + item
            + "],\"meta\":{\"current_page\":1,\"next_page\":2,"
            + "\"prev_page\":null,\"total_pages\":2,\"total_count\":2}}");
    enqueue(
        200,
        "{\"payment_requests\":["
            + item
            + "],\"meta\":{\"current_page\":2,\"next_page\":null,"
            + "\"prev_page\":1,\"total_pages\":2,\"total_count\":2}}");
    Page<LagoPaymentRequest> page =
        client()
            .paymentRequests()
            .list(
                LagoPaymentRequestListParams.builder()
                    .externalCustomerId("gavin 001&x")
                    .paymentStatus("pending")
                    .currency("EUR")
                    .perPage(1)
                    .addBillingEntityCode("be-1")
                    .addBillingEntityCode("be 2")
                    .build());
    assertThat(page.totalCount()).hasValue(2);
    assertThat(page.autoPagingStream()).hasSize(2);
    assertThat(server.takeRequest().getTarget())
        .isEqualTo(
            "/api/v1/payment_requests?per_page=1&currency=EUR&external_customer_id=gavin%20001%26x"
                + "&payment_status=pending&billing_entity_codes%5B%5D=be-1&billing_entity_codes%5B%5D=be%202");
    assertThat(server.takeRequest().getTarget()).contains("page=2&per_page=1");
  }

  @Test
  void officialClientIndexFixtureParses() throws Exception {
    enqueue(
        200,
        "{\"payment_requests\":[{\"lago_id\":\"x\",\"amount_cents\":120,\"amount_currency\":\"EUR\","
            + "\"payment_status\":\"succeeded\",\"customer\":{\"external_id\":\"e\",\"metadata\":[]},"
            + "\"invoices\":[{\"lago_id\":\"i\",\"payment_overdue\":true}]}],\"meta\":{\"current_page\":1}}");
    LagoPaymentRequest pr =
        client()
            .paymentRequests()
            .listAsync(LagoPaymentRequestListParams.builder().build())
            .get(5, TimeUnit.SECONDS)
            .items()
            .get(0);
    assertThat(pr.neutralStatus()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(pr.customer().externalId()).isEqualTo("e");
    assertThat(pr.invoices().get(0).paymentOverdue()).isTrue();
    assertThat(pr.email()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "404, customer_not_found, NotFoundException",
    "404, invoice_not_found, NotFoundException",
    "405, invoices_not_overdue, InvalidRequestException",
    "405, invoices_have_different_currencies, InvalidRequestException",
    "405, invoices_not_ready_for_payment_processing, InvalidRequestException"
  })
  void everyRefusalCodeIsTyped(int status, String code, String type) {
    enqueue(
        status,
        "{\"status\":" + status + ",\"error\":\"Method Not Allowed\",\"code\":\"" + code + "\"}");
    assertThatThrownBy(
            () ->
                client()
                    .paymentRequests()
                    .create(
                        LagoPaymentRequestCreateRequest.builder()
                            .externalCustomerId("c")
                            .addInvoiceId("i")
                            .build()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getClass().getSimpleName()).isEqualTo(type);
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.httpStatus()).isEqualTo(status);
            });
    assertThat(NotFoundException.class).isNotEqualTo(InvalidRequestException.class);
  }

  @Test
  void aPaymentForAPaymentRequestLinksToIt() throws Exception {
    enqueue(200, Fixtures.read("payment-provider.json"));
    LagoPayment p = client().payments().retrieve("x");
    assertThat(p.paymentRequestId()).contains("77777777-1a90-1a90-1a90-1a901a901a90");
    enqueue(200, Fixtures.read("payment-manual.json"));
    assertThat(client().payments().retrieve("y").paymentRequestId()).isEmpty();
  }
}
