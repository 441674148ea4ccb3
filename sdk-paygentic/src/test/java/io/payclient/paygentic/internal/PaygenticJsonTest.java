package io.payclient.paygentic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import io.payclient.paygentic.Fixtures;
import io.payclient.paygentic.PaygenticLineItem;
import io.payclient.paygentic.PaygenticPagination;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import io.payclient.paygentic.PaygenticPaymentStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaygenticJsonTest {

  /** The request of specs/paygentic/create-payment-request.spec-example.json (and the seed). */
  static PaygenticPaymentCreateRequest specExample() {
    return PaygenticPaymentCreateRequest.builder()
        .amount(Money.of("10.50", "USD"))
        .idempotencyKey("order_12345")
        .reference("Order #12345")
        .successRedirectUrl(URI.create("https://example.com/success"))
        .savePaymentMethod(false)
        .expiresIn(Duration.ofDays(7))
        .putMetadata("orderId", "order_12345")
        .build();
  }

  /** The request of specs/paygentic/create-payment-request.docs-overview-example.json. */
  static PaygenticPaymentCreateRequest docsOverviewExample() {
    return PaygenticPaymentCreateRequest.builder()
        .amount("49.99")
        .currency("USD")
        .reference("ORD-12345")
        .successRedirectUrl(URI.create("https://yourapp.com/success"))
        .expiresIn(Duration.ofDays(7))
        .addLineItem(PaygenticLineItem.of("Pro Widget", "39.99", 1))
        .addLineItem(PaygenticLineItem.of("Shipping", "10.00", 1))
        .build();
  }

  @Test
  void theSpecExampleSerializesExactly() {
    assertThat(Fixtures.tree(PaygenticJson.createBody(specExample())))
        .isEqualTo(Fixtures.tree(Fixtures.read("create-request-spec-example.json")));
  }

  @Test
  void theDocsOverviewExampleSerializesExactly() {
    assertThat(Fixtures.tree(PaygenticJson.createBody(docsOverviewExample())))
        .isEqualTo(Fixtures.tree(Fixtures.read("create-request-docs-overview.json")));
  }

  @Test
  void writesFieldsInTheSpecOrderAndTheRawJsonIsExact() {
    assertThat(new String(PaygenticJson.createBody(specExample()), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"amount\":\"10.50\",\"currency\":\"USD\",\"idempotencyKey\":\"order_12345\","
                + "\"reference\":\"Order #12345\",\"metadata\":{\"orderId\":\"order_12345\"},"
                + "\"successRedirectUrl\":\"https://example.com/success\","
                + "\"savePaymentMethod\":false,\"expiresIn\":\"P7D\"}");
  }

  @Test
  void writesEveryFieldAndTheSendersKeyAndDefaultMerchant() {
    PaygenticPaymentCreateRequest request =
        PaygenticPaymentCreateRequest.builder()
            .amount("7")
            .currency("GBP")
            .customerId("cus_1")
            .idempotencyKey("from-request")
            .failureRedirectUrl(URI.create("http://shop.example/failed?x=1"))
            .savePaymentMethod(true)
            .expiresIn(Duration.ofHours(1))
            .addLineItem(PaygenticLineItem.of("No quantity", "7.00"))
            .build();
    Object tree = Fixtures.tree(PaygenticJson.createBody(request, "sent-key", "org_default"));
    assertThat(tree)
        .isEqualTo(
            Map.of(
                "amount", "7",
                "currency", "GBP",
                "merchantId", "org_default",
                "customerId", "cus_1",
                "idempotencyKey", "sent-key",
                "lineItems", List.of(Map.of("description", "No quantity", "amount", "7.00")),
                "failureRedirectUrl", "http://shop.example/failed?x=1",
                "savePaymentMethod", true,
                "expiresIn", "PT1H"));
    PaygenticPaymentCreateRequest own = request.toBuilder().merchantId("org_own").build();
    assertThat(Fixtures.tree(PaygenticJson.createBody(own, null, "org_default")))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("merchantId", "org_own")
        .containsEntry("idempotencyKey", "from-request");
  }

  @ParameterizedTest
  @CsvSource({
    "P7D, P7D",
    "P1D, P1D",
    "P31D, P31D",
    "P30D, P30D",
    "PT1H, PT1H",
    "PT24H, P1D",
    "PT168H, P7D",
    "PT90M, PT1H30M",
    "PT26H, P1DT2H",
    "PT45S, PT45S",
    "PT0.5S, PT0.5S"
  })
  void durationsAreWrittenWithWholeDaysAsDays(String given, String written) {
    assertThat(PaygenticJson.isoDuration(Duration.parse(given))).isEqualTo(written);
    assertThat(Duration.parse(written)).isEqualTo(Duration.parse(given));
  }

  @Test
  void nonPositiveDurationsAreNotWritten() {
    assertThatThrownBy(() -> PaygenticJson.isoDuration(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaygenticJson.isoDuration(Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLineItemFieldThatCannotBeTypedIsKeptUnderItsIndexedName() throws Exception {
    PaygenticPayment p =
        PaygenticJson.readPayment(
            Fixtures.reader(
                "{\"id\":\"pay_1\",\"status\":\"pending\",\"metadata\":{\"a\":\"1\"},"
                    + "\"lineItems\":[{\"description\":\"ok\",\"amount\":\"1.00\",\"quantity\":1},"
                    + "{\"description\":{\"x\":1},\"amount\":[2],\"quantity\":\"two\"}]}"),
            false);
    assertThat(p.lineItems())
        .containsExactly(
            new PaygenticLineItem("ok", "1.00", 1), new PaygenticLineItem(null, null, null));
    assertThat(p.untyped())
        .containsOnly(
            Map.entry("lineItems[1].description", "{\"x\":1}"),
            Map.entry("lineItems[1].amount", "[2]"),
            Map.entry("lineItems[1].quantity", "two"));
    assertThat(p.metadata()).containsExactly(Map.entry("a", "1"));
    assertThatThrownBy(() -> p.metadata().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readsANewPaymentWithEveryField() throws Exception {
    PaygenticPayment p =
        PaygenticJson.readPayment(Fixtures.reader(Fixtures.read("payment-created.json")), false);
    assertThat(p.id()).isEqualTo("pay_8f3a2c1d9e7b4a60");
    assertThat(p.object()).isEqualTo("payment");
    assertThat(p.amount()).isEqualTo(new BigDecimal("10.50"));
    assertThat(p.amount().scale()).isEqualTo(2);
    assertThat(p.currency()).isEqualTo("USD");
    assertThat(p.money()).contains(Money.of("10.50", "USD"));
    assertThat(p.status()).isEqualTo(PaygenticPaymentStatus.PENDING);
    assertThat(p.rawStatus()).isEqualTo("pending");
    assertThat(p.neutralStatus()).isEqualTo(PaymentStatus.PENDING);
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-03-02T10:15:30Z"));
    assertThat(p.paymentUrl())
        .isEqualTo(URI.create("https://pay.paygentic.io/p/pay_8f3a2c1d9e7b4a60"));
    assertThat(p.customerId()).isEqualTo("cus_4711");
    assertThat(p.idempotencyKey()).isEqualTo("order_12345");
    assertThat(p.reference()).isEqualTo("Order #12345");
    assertThat(p.metadata())
        .containsExactly(Map.entry("orderId", "order_12345"), Map.entry("channel", "web"));
    assertThat(p.lineItems())
        .containsExactly(
            new PaygenticLineItem("Pro Widget", "8.50", 1),
            new PaygenticLineItem("Sticker", "1.00", 2));
    assertThat(p.expiresAt()).isEqualTo(Instant.parse("2026-03-09T10:15:30Z"));
    assertThat(p.replayed()).isFalse();
  }

  @Test
  void readsAReplayedPaymentWithEveryField() throws Exception {
    PaygenticPayment p =
        PaygenticJson.readPayment(Fixtures.reader(Fixtures.read("payment-replayed.json")), true);
    assertThat(p.id()).isEqualTo("pay_1b2c3d4e5f60718a");
    assertThat(p.object()).isEqualTo("payment");
    assertThat(p.amount()).isEqualTo(new BigDecimal("49.99"));
    assertThat(p.currency()).isEqualTo("EUR");
    assertThat(p.status()).isEqualTo(PaygenticPaymentStatus.COMPLETED);
    assertThat(p.rawStatus()).isEqualTo("completed");
    assertThat(p.neutralStatus()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-02-27T07:00:00.250Z"));
    assertThat(p.paymentUrl())
        .isEqualTo(URI.create("https://pay.paygentic.io/p/pay_1b2c3d4e5f60718a"));
    assertThat(p.customerId()).isEqualTo("cus_0815");
    assertThat(p.idempotencyKey()).isEqualTo("checkout-77");
    assertThat(p.reference()).isEqualTo("ORD-12345");
    assertThat(p.metadata()).isEmpty();
    assertThat(p.lineItems())
        .containsExactly(
            new PaygenticLineItem("Pro Widget", "39.99", null),
            new PaygenticLineItem("Shipping", "10.00", 1));
    assertThat(p.expiresAt()).isEqualTo(Instant.parse("2026-03-06T07:00:00Z"));
    assertThat(p.replayed()).isTrue();
  }

  @Test
  void anUnknownStatusIsKeptRaw() throws Exception {
    PaygenticPayment p =
        PaygenticJson.readPayment(
            Fixtures.reader(Fixtures.read("payment-unknown-status.json")), false);
    assertThat(p.status()).isEqualTo(PaygenticPaymentStatus.UNKNOWN);
    assertThat(p.rawStatus()).isEqualTo("on_hold_for_review");
    assertThat(p.neutralStatus()).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(p.money()).contains(Money.of("5000", "AUD"));
    assertThat(p.paymentUrl()).isNull();
    assertThat(p.metadata()).isEmpty();
    assertThat(p.lineItems()).isEmpty();
    assertThat(p.expiresAt()).isNull();
  }

  @Test
  void unexpectedShapesOfFieldsNeverLoseThePayment() throws Exception {
    PaygenticPayment p =
        PaygenticJson.readPayment(
            Fixtures.reader(
                "{\"id\":\"pay_1\",\"amount\":\"<string>\",\"currency\":null,\"status\":null,"
                    + "\"createdAt\":\"yesterday\",\"paymentUrl\":\"not a uri\","
                    + "\"metadata\":[],\"lineItems\":{\"x\":1},\"expiresAt\":12,"
                    + "\"customerId\":{\"id\":\"c\"},\"reference\":42}"),
            false);
    assertThat(p.id()).isEqualTo("pay_1");
    assertThat(p.amount()).isNull();
    assertThat(p.money()).isEmpty();
    assertThat(p.status()).isEqualTo(PaygenticPaymentStatus.UNKNOWN);
    assertThat(p.rawStatus()).isNull();
    assertThat(p.createdAt()).isNull();
    assertThat(p.paymentUrl()).isNull();
    assertThat(p.metadata()).isEmpty();
    assertThat(p.lineItems()).isEmpty();
    assertThat(p.expiresAt()).isNull();
    assertThat(p.customerId()).isNull();
    assertThat(p.reference()).isEqualTo("42");

    PaygenticPayment numbers =
        PaygenticJson.readPayment(
            Fixtures.reader(
                "{\"id\":\"pay_2\",\"amount\":12.5,\"currency\":\"XTS\","
                    + "\"metadata\":{\"n\":1,\"o\":{\"x\":1},\"z\":null},"
                    + "\"lineItems\":[7,{\"amount\":3,\"quantity\":9999999999},"
                    + "{\"quantity\":\"2\",\"extra\":true}]}"),
            false);
    assertThat(numbers.amount()).isEqualTo(new BigDecimal("12.5"));
    assertThat(numbers.money()).contains(Money.of("12.5", "XTS"));
    assertThat(numbers.metadata()).containsExactly(Map.entry("n", "1"));
    assertThat(numbers.lineItems())
        .containsExactly(
            new PaygenticLineItem(null, "3", null), new PaygenticLineItem(null, null, 2));
  }

  @Test
  void aPaymentWithoutIdOrNotAnObjectIsADataError() {
    assertThatThrownBy(
            () -> PaygenticJson.readPayment(Fixtures.reader("{\"status\":\"pending\"}"), false))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> PaygenticJson.readPayment(Fixtures.reader("[1]"), false))
        .isInstanceOf(JsonDataException.class);
  }

  @Test
  void aListReadsEveryPaymentAndThePagination() throws Exception {
    PaygenticJson.PaymentList list =
        PaygenticJson.readPaymentList(Fixtures.reader(Fixtures.read("payment-list.json")));
    assertThat(list.pagination()).isEqualTo(PaygenticAccess.get().paygenticPagination(2, 4, 7L));
    assertThat(list.payments()).hasSize(2);
    PaygenticPayment first = list.payments().get(0);
    assertThat(first.id()).isEqualTo("pay_0a1b2c3d4e5f6071");
    assertThat(first.status()).isEqualTo(PaygenticPaymentStatus.COMPLETED);
    assertThat(first.money()).contains(Money.of("25.00", "EUR"));
    assertThat(first.customerId()).isEqualTo("cus_4711");
    assertThat(first.reference()).isEqualTo("Order #12346");
    assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    assertThat(first.expiresAt()).isEqualTo(Instant.parse("2026-04-02T08:00:00Z"));
    assertThat(first.replayed()).isFalse();
    PaygenticPayment second = list.payments().get(1);
    assertThat(second.status()).isEqualTo(PaygenticPaymentStatus.UNKNOWN);
    assertThat(second.rawStatus()).isEqualTo("a_status_from_the_future");
    assertThat(second.paymentUrl()).isNull();
  }

  @Test
  void aListToleratesMissingOrOddParts() throws Exception {
    PaygenticJson.PaymentList empty =
        PaygenticJson.readPaymentList(
            Fixtures.reader(
                "{\"object\":\"list\",\"data\":[],"
                    + "\"pagination\":{\"limit\":10,\"offset\":0,\"total\":0}}"));
    assertThat(empty.payments()).isEmpty();
    assertThat(empty.pagination()).isEqualTo(PaygenticAccess.get().paygenticPagination(10, 0, 0L));

    PaygenticJson.PaymentList bare = PaygenticJson.readPaymentList(Fixtures.reader("{}"));
    assertThat(bare.payments()).isEmpty();
    assertThat(bare.pagination()).isEqualTo(PaygenticPagination.unknown());

    PaygenticJson.PaymentList odd =
        PaygenticJson.readPaymentList(
            Fixtures.reader(
                "{\"data\":null,\"pagination\":{\"limit\":\"5\",\"offset\":1.5,"
                    + "\"total\":{\"x\":1},\"next\":\"c\"}}"));
    assertThat(odd.payments()).isEmpty();
    assertThat(odd.pagination())
        .isEqualTo(PaygenticAccess.get().paygenticPagination(5, null, null));

    assertThat(PaygenticJson.readPaymentList(Fixtures.reader("{\"pagination\":[1]}")).pagination())
        .isEqualTo(PaygenticPagination.unknown());
  }

  @Test
  void aListThatIsNotAnObjectOrHasAPaymentWithoutIdIsADataError() {
    assertThatThrownBy(() -> PaygenticJson.readPaymentList(Fixtures.reader("[]")))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("list");
    assertThatThrownBy(
            () ->
                PaygenticJson.readPaymentList(
                    Fixtures.reader("{\"data\":[{\"status\":\"pending\"}]}")))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("id");
  }
}
