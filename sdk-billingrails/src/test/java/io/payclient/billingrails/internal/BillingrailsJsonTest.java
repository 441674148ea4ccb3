package io.payclient.billingrails.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.billingrails.BillingrailsPaymentFailureReason;
import io.payclient.billingrails.BillingrailsPaymentMethod;
import io.payclient.billingrails.BillingrailsPaymentMode;
import io.payclient.billingrails.BillingrailsPaymentStatus;
import io.payclient.billingrails.Fixtures;
import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingrailsJsonTest {
  private static String body(BillingrailsPaymentCreateRequest request) {
    return new String(BillingrailsJson.createBody(request), StandardCharsets.UTF_8);
  }

  private static BillingrailsPayment parse(String json) throws Exception {
    return BillingrailsJson.readPaymentEnvelope(Fixtures.reader(json));
  }

  @Test
  void theDocsExampleRequestSerializesExactly() {
    BillingrailsPaymentCreateRequest request =
        BillingrailsPaymentCreateRequest.builder()
            .mode(BillingrailsPaymentMode.OFFLINE)
            .accountId("acc_IhMUl3rrZ3")
            .referenceId("PAY-REF-001")
            .invoiceId("inv_IhMUl3rrZ3")
            .build();
    assertThat(Fixtures.tree(body(request)))
        .isEqualTo(Fixtures.tree(Fixtures.read("create-payment-request.json")));
    // the default mode is offline and is always sent
    assertThat(body(request.toBuilder().mode(null).build())).isEqualTo(body(request));
    assertThat(body(request))
        .isEqualTo(
            "{\"mode\":\"offline\",\"account_id\":\"acc_IhMUl3rrZ3\","
                + "\"reference_id\":\"PAY-REF-001\",\"invoice_id\":\"inv_IhMUl3rrZ3\"}");
  }

  @Test
  void everyFieldIsWrittenInSnakeCaseAndNullsAreOmitted() {
    String offline =
        body(
            BillingrailsPaymentCreateRequest.builder()
                .accountId("acc_1")
                .referenceId("ref \"quoted\"")
                .creditGrantId("cg_1")
                .succeededAt(Instant.parse("2025-02-14T17:33:40.843Z"))
                .idempotencyKey("never-in-the-body")
                .build());
    assertThat(Fixtures.tree(offline))
        .isEqualTo(
            Map.of(
                "mode", "offline",
                "account_id", "acc_1",
                "reference_id", "ref \"quoted\"",
                "succeeded_at", "2025-02-14T17:33:40.843Z",
                "credit_grant_id", "cg_1"));
    assertThat(offline).doesNotContain("null").doesNotContain("never-in-the-body");

    String online =
        body(
            BillingrailsPaymentCreateRequest.builder()
                .mode(BillingrailsPaymentMode.ONLINE)
                .accountId("acc_1")
                .referenceId("r")
                .integrationId("int_1")
                .paymentMethodId("pm_1")
                .paymentRequestId("preq_1")
                .build());
    assertThat(Fixtures.tree(online))
        .isEqualTo(
            Map.of(
                "mode", "online",
                "account_id", "acc_1",
                "reference_id", "r",
                "integration_id", "int_1",
                "payment_method_id", "pm_1",
                "payment_request_id", "preq_1"));

    String order =
        body(
            BillingrailsPaymentCreateRequest.builder()
                .accountId("a")
                .referenceId("r")
                .orderId("ord_1")
                .build());
    assertThat(Fixtures.tree(order))
        .isEqualTo(
            Map.of("mode", "offline", "account_id", "a", "reference_id", "r", "order_id", "ord_1"));
  }

  @Test
  void succeededAtIsAnIsoDateTimeInUtc() {
    String json =
        body(
            BillingrailsPaymentCreateRequest.builder()
                .accountId("a")
                .referenceId("r")
                .invoiceId("i")
                .succeededAt(Instant.parse("2025-02-14T17:33:40Z"))
                .build());
    assertThat(json).contains("\"succeeded_at\":\"2025-02-14T17:33:40Z\"");
  }

  @Test
  void theDocsCreateResponseParsesWithEveryField() throws Exception {
    BillingrailsPayment p = parse(Fixtures.read("create-payment-response.json"));
    assertThat(p.object()).isEqualTo("payment");
    assertThat(p.id()).isEqualTo("pay_IhMUl3rrZ3");
    assertThat(p.accountId()).isEqualTo("acc_IhMUl3rrZ3");
    assertThat(p.amountMinor()).isEqualTo(1000L);
    assertThat(p.currency()).isEqualTo("USD");
    assertThat(p.amount()).contains(Money.of("10.00", "USD"));
    assertThat(p.amount().orElseThrow().amount()).isEqualByComparingTo("10.00");
    assertThat(p.description()).isEqualTo("Payment for invoice INV-0001");
    assertThat(p.paymentMethod()).isNull();
    assertThat(p.paymentMethodId()).isNull();
    assertThat(p.referenceId()).isEqualTo("PAY-REF-001");
    assertThat(p.status()).isEqualTo(BillingrailsPaymentStatus.SUCCEEDED);
    assertThat(p.rawStatus()).isEqualTo("succeeded");
    assertThat(p.neutralStatus()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(p.failureReason()).isEqualTo(BillingrailsPaymentFailureReason.NONE);
    assertThat(p.rawFailureReason()).isNull();
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2025-02-14T17:33:40.843Z"));
    assertThat(p.paymentLink()).isEqualTo(URI.create("http://example.com"));
    assertThat(p.paymentUrl()).contains(URI.create("http://example.com"));
    assertThat(p.requestId()).isNull();
  }

  @Test
  void theLegacyRecordPaymentShapeParsesWithEveryField() throws Exception {
    BillingrailsPayment p = parse(Fixtures.read("legacy-record-payment-response.json"));
    assertThat(p.object()).isEqualTo("payment");
    assertThat(p.id()).isEqualTo("<string>");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2023-11-07T05:31:56Z"));
    assertThat(p.referenceId()).isEqualTo("<string>"); // legacy "reference"
    assertThat(p.status()).isEqualTo(BillingrailsPaymentStatus.PENDING);
    assertThat(p.rawStatus()).isEqualTo("pending");
    assertThat(p.neutralStatus()).isEqualTo(PaymentStatus.PENDING);
    assertThat(p.description()).isEqualTo("<string>");
    assertThat(p.currency()).isEqualTo("<string>");
    assertThat(p.amountMinor()).isEqualTo(123L);
    assertThat(p.amount()).isEmpty(); // not an ISO currency: no Money, no failure
    assertThat(p.accountId()).isEqualTo("<string>");
    assertThat(p.paymentMethodId()).isEqualTo("<string>");
    assertThat(p.failureReason()).isEqualTo(BillingrailsPaymentFailureReason.NONE);
    assertThat(p.rawFailureReason()).isNull();
    assertThat(p.paymentLink()).isNull();
    assertThat(p.requestId()).isNull();
    BillingrailsPaymentMethod m = p.paymentMethod();
    assertThat(m).isNotNull();
    assertThat(m.object()).isEqualTo("payment_method");
    assertThat(m.id()).isEqualTo("<string>");
    assertThat(m.createdAt()).isEqualTo(Instant.parse("2023-11-07T05:31:56Z"));
    assertThat(m.type()).isEqualTo("<string>");
    assertThat(m.status()).isEqualTo("<string>");
    assertThat(m.channel()).isEqualTo("<string>");
    assertThat(m.provider()).isNull();
    assertThat(m.details()).isEmpty();
    assertThat(m.accountId()).isEqualTo("<string>");
    assertThat(m.accountName()).isEqualTo("<string>");
  }

  @Test
  void aRetrievedOnlinePaymentWithMethodFailureAndRequestId() throws Exception {
    BillingrailsPayment p = parse(Fixtures.read("retrieve-payment-online.json"));
    assertThat(p.object()).isEqualTo("payment");
    assertThat(p.id()).isEqualTo("pay_8kQz1");
    assertThat(p.accountId()).isEqualTo("acc_77");
    assertThat(p.amountMinor()).isEqualTo(125050L);
    assertThat(p.currency()).isEqualTo("JPY");
    assertThat(p.amount()).contains(Money.of("125050", "JPY")); // JPY has no minor unit
    assertThat(p.description()).isNull();
    assertThat(p.paymentMethodId()).isEqualTo("pm_42");
    assertThat(p.referenceId()).isEqualTo("order-1042");
    assertThat(p.status()).isEqualTo(BillingrailsPaymentStatus.FAILED);
    assertThat(p.rawStatus()).isEqualTo("failed");
    assertThat(p.neutralStatus()).isEqualTo(PaymentStatus.FAILED);
    assertThat(p.failureReason()).isEqualTo(BillingrailsPaymentFailureReason.GATEWAY_ERROR);
    assertThat(p.rawFailureReason()).isEqualTo("gateway_error");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2025-02-14T16:33:40.843Z"));
    assertThat(p.paymentLink()).isNull();
    assertThat(p.requestId()).isEqualTo("req_IhMUl3rrZ3");
    BillingrailsPaymentMethod m = p.paymentMethod();
    assertThat(m)
        .isEqualTo(
            BillingrailsAccess.get()
                .billingrailsPaymentMethod(
                    "payment_method",
                    "pm_42",
                    "active",
                    "card",
                    "stripe",
                    null,
                    "acc_77",
                    "Jane Roe",
                    Map.of(
                        "brand",
                        "visa",
                        "last4",
                        "4242",
                        "exp",
                        Map.of("month", new BigDecimal("12"), "year", new BigDecimal("2030")),
                        "wallets",
                        List.of("apple_pay")),
                    Instant.parse("2025-01-02T03:04:05Z")));
  }

  @Test
  void unknownStatusAndFailureReasonKeepTheRawValue() throws Exception {
    BillingrailsPayment p = parse(Fixtures.read("payment-unknown-enums.json"));
    assertThat(p.status()).isEqualTo(BillingrailsPaymentStatus.UNKNOWN);
    assertThat(p.rawStatus()).isEqualTo("refunded");
    assertThat(p.neutralStatus()).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(p.failureReason()).isEqualTo(BillingrailsPaymentFailureReason.UNKNOWN);
    assertThat(p.rawFailureReason()).isEqualTo("card_expired_v2");
    assertThat(p.paymentMethod()).isNull(); // a string where an object was expected
    assertThat(p.amount()).isEmpty(); // XTS has no minor unit
    assertThat(p.object()).isNull();
    assertThat(p.createdAt()).isNull();
  }

  @Test
  void canceledIsOneL() throws Exception {
    BillingrailsPayment p = parse("{\"payment\":{\"id\":\"p\",\"status\":\"canceled\"}}");
    assertThat(p.status()).isEqualTo(BillingrailsPaymentStatus.CANCELED);
    assertThat(p.neutralStatus()).isEqualTo(PaymentStatus.CANCELLED);
  }

  @Test
  void envelopeFieldsInAnyOrderAndABarePayment() throws Exception {
    BillingrailsPayment p =
        parse(
            "{\"meta\":{\"request_id\":\"req_1\",\"current_page\":1},"
                + "\"payment_link\":\"https://pay.example.com/x\","
                + "\"payment\":{\"id\":\"p1\",\"status\":\"pending\"}}");
    assertThat(p.requestId()).isEqualTo("req_1");
    assertThat(p.paymentLink()).isEqualTo(URI.create("https://pay.example.com/x"));
    BillingrailsPayment bare = parse("{\"id\":\"p2\",\"amount\":null,\"currency\":null}");
    assertThat(bare.id()).isEqualTo("p2");
    assertThat(bare.amount()).isEmpty();
    assertThat(bare.status()).isEqualTo(BillingrailsPaymentStatus.UNKNOWN);
    assertThat(bare.rawStatus()).isNull();
    BillingrailsPayment badLink =
        parse("{\"payment\":{\"id\":\"p3\"},\"payment_link\":\"not a uri\",\"meta\":null}");
    assertThat(badLink.paymentLink()).isNull();
    assertThat(badLink.untyped()).containsEntry("payment_link", "not a uri");

    // The order of the docs' examples: the payment first, what the envelope adds after it; the
    // envelope's link wins over the payment's own, and its untypable members join the payment's.
    BillingrailsPayment docsOrder =
        parse(
            "{\"payment\":{\"id\":\"p4\",\"amount\":\"ten\","
                + "\"payment_link\":\"https://pay.example.com/own\"},"
                + "\"payment_link\":\"https://pay.example.com/envelope\","
                + "\"meta\":{\"request_id\":\"req_4\"},\"created_at\":\"yesterday\"}");
    assertThat(docsOrder.id()).isEqualTo("p4");
    assertThat(docsOrder.paymentLink()).isEqualTo(URI.create("https://pay.example.com/envelope"));
    assertThat(docsOrder.requestId()).isEqualTo("req_4");
    assertThat(docsOrder.untyped())
        .containsOnly(Map.entry("amount", "ten"), Map.entry("created_at", "yesterday"));

    // A bare payment keeps the request id of the response's meta.
    BillingrailsPayment bareWithMeta = parse("{\"id\":\"p5\",\"meta\":{\"request_id\":\"req_5\"}}");
    assertThat(bareWithMeta.requestId()).isEqualTo("req_5");
  }

  @Test
  void linksOfEveryShapeReadAsTheirUriWhetherOrNotTheyTakeTheFastCheck() throws Exception {
    for (String link :
        new String[] {
          "https://pay.example.com/p/pl_1?session=a%20b&x=1",
          "https://[::1]:8443/pay#frag",
          "https://pé.example.com/p",
          "/relative"
        }) {
      BillingrailsPayment p =
          parse("{\"payment\":{\"id\":\"p\"},\"payment_link\":\"" + link + "\"}");
      assertThat(p.paymentLink()).as(link).isEqualTo(new URI(link));
      assertThat(p.paymentLink().toString()).isEqualTo(link);
      assertThat(p.untyped()).isEmpty();
      assertThat(BillingrailsMapping.toPayment(p, null).paymentUrl()).contains(new URI(link));
    }
    // The payment's own link, repeated by the envelope: one payment, equal to a fresh read.
    String same = "{\"id\":\"p\",\"payment_link\":\"https://pay.example.com/x\"}";
    BillingrailsPayment wrapped =
        parse("{\"payment\":" + same + ",\"payment_link\":\"https://pay.example.com/x\"}");
    assertThat(wrapped).isEqualTo(parse(same));
    assertThat(wrapped.paymentUrl()).contains(URI.create("https://pay.example.com/x"));
  }

  @Test
  void aPaymentWithoutIdOrABrokenBodyIsAFormatError() {
    assertThatThrownBy(() -> parse("{\"payment\":{\"status\":\"pending\"}}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> parse("{\"payment\":\"pay_1\"}"))
        .isInstanceOf(JsonDataException.class);
    assertThatThrownBy(() -> parse("[]")).isInstanceOf(JsonDataException.class);
  }

  @Test
  void aFieldThatCannotBeTypedIsEmptyAndKeepsItsRawText() throws Exception {
    BillingrailsPayment p =
        parse(
            "{\"payment\":{\"id\":\"p\",\"amount\":10.5,\"created_at\":\"soon\","
                + "\"payment_method\":{\"id\":\"pm\",\"created_at\":7,\"details\":\"card\"}},"
                + "\"payment_link\":\"http://bad host\"}");
    assertThat(p.id()).isEqualTo("p");
    assertThat(p.amountMinor()).isNull();
    assertThat(p.createdAt()).isNull();
    assertThat(p.paymentLink()).isNull();
    assertThat(p.paymentMethod().id()).isEqualTo("pm");
    assertThat(p.paymentMethod().createdAt()).isNull();
    assertThat(p.untyped())
        .containsEntry("amount", "10.5")
        .containsEntry("created_at", "soon")
        .containsEntry("payment_method.created_at", "7")
        .containsEntry("payment_method.details", "card");
    BillingrailsPayment noMethod =
        parse("{\"payment\":{\"id\":\"p\",\"payment_method\":\"pm_1\"}}");
    assertThat(noMethod.paymentMethod()).isNull();
    assertThat(noMethod.untyped()).containsEntry("payment_method", "pm_1");
  }

  @Test
  void readsAPaymentListWithItsMetaInAnyFieldOrder() throws Exception {
    BillingrailsJson.PaymentList list =
        BillingrailsJson.readPaymentList(Fixtures.reader(Fixtures.read("list-payments.json")));
    assertThat(list.currentPage()).isEqualTo(3);
    assertThat(list.perPage()).isEqualTo(2);
    assertThat(list.totalCount()).isEqualTo(41);
    assertThat(list.requestId()).isEqualTo("req_list_7Hc2");
    assertThat(list.payments())
        .extracting(BillingrailsPayment::id)
        .containsExactly("pay_list_1", "pay_list_2");
    BillingrailsPayment first = list.payments().get(0);
    assertThat(first.amount()).contains(Money.of("10.00", "USD"));
    assertThat(first.referenceId()).isEqualTo("PAY-REF-001");
    assertThat(first.status()).isEqualTo(BillingrailsPaymentStatus.SUCCEEDED);
    assertThat(first.createdAt()).isEqualTo(Instant.parse("2025-02-14T17:33:40.843Z"));
    assertThat(first.requestId()).isEqualTo("req_list_7Hc2");
    BillingrailsPayment second = list.payments().get(1);
    assertThat(second.amount()).contains(Money.ofMinor(125050, "JPY"));
    assertThat(second.status()).isEqualTo(BillingrailsPaymentStatus.UNKNOWN);
    assertThat(second.rawStatus()).isEqualTo("refunded_partially");
    assertThat(second.referenceId()).isNull();
    assertThat(second.paymentMethod()).isNull();
    assertThat(second.failureReason()).isEqualTo(BillingrailsPaymentFailureReason.NONE);
  }

  @Test
  void aListWithoutMetaOrPaymentsIsAnEmptySinglePage() throws Exception {
    BillingrailsJson.PaymentList empty =
        BillingrailsJson.readPaymentList(Fixtures.reader("{\"payments\":null,\"meta\":7}"));
    assertThat(empty.payments()).isEmpty();
    assertThat(empty.currentPage()).isNull();
    assertThat(empty.perPage()).isNull();
    assertThat(empty.totalCount()).isNull();
    assertThat(empty.requestId()).isNull();
    assertThat(BillingrailsJson.readPaymentList(Fixtures.reader("{}")).payments()).isEmpty();
    assertThatThrownBy(() -> BillingrailsJson.readPaymentList(Fixtures.reader("[]")))
        .isInstanceOf(JsonDataException.class);
    assertThatThrownBy(
            () ->
                BillingrailsJson.readPaymentList(
                    Fixtures.reader("{\"payments\":[{\"object\":\"payment\"}]}")))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("id");
  }
}
