package io.payclient.paygentic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.FieldError;
import io.payclient.core.Money;
import io.payclient.core.RequestValidationException;
import io.payclient.core.internal.Validation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaygenticPaymentCreateRequestTest {

  static PaygenticPaymentCreateRequest.Builder valid() {
    return PaygenticPaymentCreateRequest.builder().amount("10.50").currency("USD");
  }

  static RequestValidationException invalid(PaygenticPaymentCreateRequest.Builder b) {
    try {
      b.build();
    } catch (RequestValidationException e) {
      assertThat(e.vendor()).isEqualTo("paygentic");
      assertThat(e.attempts()).isZero();
      assertThat(e.getMessage()).contains("nothing was sent");
      return e;
    }
    throw new AssertionError("expected a RequestValidationException");
  }

  static List<PaygenticLineItem> items(int n) {
    List<PaygenticLineItem> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(PaygenticLineItem.of("item " + i, "1.00", 1));
    }
    return list;
  }

  /** Every documented rule: a broken builder and the one wire field it must name. */
  static Stream<Arguments> brokenRules() {
    List<PaygenticLineItem> badAmountAt3 = new ArrayList<>(items(5));
    badAmountAt3.set(3, PaygenticLineItem.of("fourth", "2.345", 1));
    return Stream.of(
        rule("amount", b -> b.amount((String) null)),
        rule("amount", b -> b.amount("10.505")),
        rule("amount", b -> b.amount("10.")),
        rule("amount", b -> b.amount(".50")),
        rule("amount", b -> b.amount("-1.00")),
        rule("amount", b -> b.amount("1e3")),
        rule("amount", b -> b.amount(" 10.50")),
        rule("amount", b -> b.amount("0.99")),
        rule("amount", b -> b.amount("5000.01")),
        rule("amount", b -> b.amount("0")),
        rule("amount", b -> b.currency(null).amount(Money.of("10.505", "USD"))),
        rule("amount", b -> b.currency(null).amount(Money.of("0.50", "USD"))),
        rule("amount", b -> b.currency(null).amount(Money.of("-3", "USD"))),
        rule("currency", b -> b.currency(null)),
        rule("currency", b -> b.currency("usd")),
        rule("currency", b -> b.currency("JPY")),
        rule("currency", b -> b.currency(null).amount(Money.of("10", "CAD"))),
        rule("currency", b -> b.currency("EUR").amount(Money.of("10", "USD"))),
        rule("merchantId", b -> b.merchantId(" ")),
        rule("customerId", b -> b.customerId("")),
        rule("idempotencyKey", b -> b.idempotencyKey("k".repeat(256))),
        rule("idempotencyKey", b -> b.idempotencyKey("  ")),
        rule("idempotencyKey", b -> b.idempotencyKey("line\nbreak")),
        rule("idempotencyKey", b -> b.idempotencyKey("naïve")),
        rule("reference", b -> b.reference("r".repeat(256))),
        rule("lineItems", b -> b.lineItems(items(101))),
        rule("lineItems[3].amount", b -> b.lineItems(badAmountAt3)),
        rule("lineItems[0].amount", b -> b.addLineItem(new PaygenticLineItem("d", null, 1))),
        rule("lineItems[0].description", b -> b.addLineItem(PaygenticLineItem.of(" ", "1.00"))),
        rule(
            "lineItems[1].quantity",
            b -> b.lineItems(items(1)).addLineItem(PaygenticLineItem.of("zero", "1.00", 0))),
        rule("successRedirectUrl", b -> b.successRedirectUrl(URI.create("/relative/path"))),
        rule("successRedirectUrl", b -> b.successRedirectUrl(URI.create("ftp://example.com/x"))),
        rule("successRedirectUrl", b -> b.successRedirectUrl(URI.create("mailto:a@example.com"))),
        rule("failureRedirectUrl", b -> b.failureRedirectUrl(URI.create("javascript:alert(1)"))),
        rule("savePaymentMethod", b -> b.savePaymentMethod(true)),
        rule("savePaymentMethod", b -> b.savePaymentMethod(true).customerId(null)),
        rule("expiresIn", b -> b.expiresIn(Duration.ZERO)),
        rule("expiresIn", b -> b.expiresIn(Duration.ofHours(-1))),
        rule("expiresIn", b -> b.expiresIn(Duration.ofDays(31).plusSeconds(1))),
        rule("expiresIn", b -> b.expiresIn(Duration.ofDays(32))),
        rule("expiresIn", b -> b.expiresIn(Duration.ofMillis(1500))));
  }

  private static Arguments rule(
      String field, UnaryOperator<PaygenticPaymentCreateRequest.Builder> breakIt) {
    return Arguments.of(field, breakIt);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("brokenRules")
  void everyRuleNamesItsWireField(
      String field, UnaryOperator<PaygenticPaymentCreateRequest.Builder> breakIt) {
    RequestValidationException e = invalid(breakIt.apply(valid()));
    assertThat(e.violations()).extracting(FieldError::field).containsExactly(field);
    assertThat(e.getMessage()).contains(field + ": ");
  }

  @Test
  void messagesSayWhatIsWrong() {
    assertThat(invalid(valid().amount("10.505")).violations().get(0).message())
        .contains("at most 2 decimal places", "10.505", "never rounds");
    assertThat(invalid(valid().amount("0.99")).violations().get(0).message())
        .isEqualTo("must be between 1.00 and 5000.00 (was 0.99)");
    // The same range when the amount is Money (its value is checked without parsing it again).
    assertThat(invalid(valid().currency(null).amount(Money.of("0.99", "USD"))).violations())
        .extracting(FieldError::message)
        .containsExactly("must be between 1.00 and 5000.00 (was 0.99)");
    assertThat(invalid(valid().currency(null).amount(Money.of("5000.01", "USD"))).violations())
        .extracting(FieldError::message)
        .containsExactly("must be between 1.00 and 5000.00 (was 5000.01)");
    assertThat(valid().currency(null).amount(Money.of("5000", "USD")).build().amount())
        .isEqualTo("5000.00");
    assertThat(invalid(valid().currency(null).amount(Money.of("10.505", "USD"))).getMessage())
        .contains("10.505 USD has a fraction of a cent; PayClient never rounds");
    assertThat(invalid(valid().currency("JPY")).violations().get(0).message())
        .isEqualTo("must be one of USD, EUR, GBP, AUD (was JPY)");
    assertThat(invalid(valid().reference("r".repeat(256))).violations().get(0).message())
        .isEqualTo("must be at most 255 characters");
    assertThat(invalid(valid().lineItems(items(101))).violations().get(0).message())
        .isEqualTo("must have at most 100 items");
    assertThat(invalid(valid().savePaymentMethod(true)).violations().get(0).message())
        .contains("requires customerId");
    assertThat(invalid(valid().expiresIn(Duration.ofDays(32))).violations().get(0).message())
        .isEqualTo("must be at most P31D (31 days) (was P32D)");
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    RequestValidationException e =
        invalid(
            PaygenticPaymentCreateRequest.builder()
                .amount("1,00")
                .currency("XXX")
                .reference("r".repeat(300))
                .savePaymentMethod(true)
                .expiresIn(Duration.ofDays(40))
                .addLineItem(new PaygenticLineItem(null, "x", -1)));
    assertThat(e.violations())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "amount",
            "currency",
            "reference",
            "savePaymentMethod",
            "expiresIn",
            "lineItems[0].description",
            "lineItems[0].amount",
            "lineItems[0].quantity");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.00", "1", "5000", "5000.00", "10.5", "4999.99", "0001.00"})
  void boundaryAmountsAreAccepted(String amount) {
    assertThat(valid().amount(amount).build().amount()).isEqualTo(amount);
  }

  @Test
  void limitsAreInclusive() {
    PaygenticPaymentCreateRequest r =
        valid()
            .idempotencyKey("k".repeat(255))
            .reference("r".repeat(255))
            .lineItems(items(100))
            .expiresIn(Duration.ofDays(31))
            .customerId("cus_1")
            .savePaymentMethod(true)
            .successRedirectUrl(URI.create("http://localhost:8080/ok"))
            .failureRedirectUrl(URI.create("HTTPS://Example.com/failed"))
            .build();
    assertThat(r.lineItems()).hasSize(100);
    assertThat(r.expiresIn()).contains(Duration.ofDays(31));
    assertThat(valid().addLineItem(PaygenticLineItem.of("free", "0.00")).build().lineItems())
        .hasSize(1);
  }

  @Test
  void moneyIsSentWithTwoDecimalsAndItsCurrency() {
    PaygenticPaymentCreateRequest r =
        PaygenticPaymentCreateRequest.builder().amount(Money.of("10.5", "EUR")).build();
    assertThat(r.amount()).isEqualTo("10.50");
    assertThat(r.currency()).isEqualTo("EUR");
    assertThat(r.money()).isEqualTo(Money.of("10.5", "EUR"));
    assertThat(
            PaygenticPaymentCreateRequest.builder().amount(Money.of("10", "GBP")).build().amount())
        .isEqualTo("10.00");
    assertThat(
            PaygenticPaymentCreateRequest.builder()
                .amount(Money.of("10.500", "AUD"))
                .currency("AUD")
                .build()
                .amount())
        .isEqualTo("10.50");
    assertThat(valid().amount("12.3").build().money()).isEqualTo(Money.of("12.30", "USD"));
  }

  @Test
  void accessorsAndToBuilderRoundTrip() {
    PaygenticPaymentCreateRequest r =
        valid()
            .merchantId("org_1")
            .customerId("cus_1")
            .idempotencyKey("key-1")
            .reference("ref")
            .metadata(Map.of("a", "b"))
            .putMetadata("c", "d")
            .addLineItem(PaygenticLineItem.of("x", "10.50", 2))
            .successRedirectUrl(URI.create("https://a.example/ok"))
            .failureRedirectUrl(URI.create("https://a.example/ko"))
            .savePaymentMethod(true)
            .expiresIn(Duration.ofHours(2))
            .build();
    assertThat(r.merchantId()).contains("org_1");
    assertThat(r.customerId()).contains("cus_1");
    assertThat(r.idempotencyKey()).contains("key-1");
    assertThat(r.reference()).contains("ref");
    assertThat(r.metadata()).containsExactly(Map.entry("a", "b"), Map.entry("c", "d"));
    assertThat(r.lineItems()).containsExactly(PaygenticLineItem.of("x", "10.50", 2));
    assertThat(r.successRedirectUrl()).contains(URI.create("https://a.example/ok"));
    assertThat(r.failureRedirectUrl()).contains(URI.create("https://a.example/ko"));
    assertThat(r.savePaymentMethod()).contains(true);
    assertThat(r.expiresIn()).contains(Duration.ofHours(2));
    assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
    assertThat(r.toString()).contains("amount=10.50", "idempotencyKey=key-1");
    PaygenticPaymentCreateRequest fromMoney =
        PaygenticPaymentCreateRequest.builder().amount(Money.of("3", "GBP")).build();
    assertThat(fromMoney.toBuilder().build()).isEqualTo(fromMoney);
    assertThat(r.toBuilder().metadata(null).lineItems(null).build().metadata()).isEmpty();
    assertThat(valid().build().merchantId()).isEmpty();
    assertThat(valid().build().savePaymentMethod()).isEmpty();
  }

  @Test
  void theRequestIsImmutable() {
    PaygenticPaymentCreateRequest r = valid().putMetadata("a", "b").build();
    assertThatThrownBy(() -> r.metadata().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.lineItems().add(PaygenticLineItem.of("x", "1")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> valid().putMetadata("a", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void constraintsAreCheckedWithoutBootstrappingHibernateValidator() {
    // The first build() must not pay Hibernate Validator's bootstrap (cold start, issue 8).
    assertThat(Validation.checkedWithoutBootstrap(PaygenticPaymentCreateRequest.class)).isTrue();
  }

  @Test
  void textThatUtf8CannotCarryIsRefusedInEveryFieldNestedOnesIncluded() {
    assertThatThrownBy(
            () ->
                PaygenticPaymentCreateRequest.builder()
                    .amount(Money.of("10.00", "USD"))
                    .reference("ref-\uDC00")
                    .putMetadata("k\uD800", "v")
                    .putMetadata("order", "\uD83D")
                    .addLineItem(PaygenticLineItem.of("tea \uD800 cup", "10.00"))
                    .build())
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldError::field)
                    .contains("reference", "metadata[?]", "metadata[order]")
                    .anyMatch(f -> f.startsWith("lineItems[0].")));
  }

  @Test
  void anAmountTooLongToParseCheaplyIsRefusedByLength() {
    assertThatThrownBy(
            () ->
                PaygenticPaymentCreateRequest.builder()
                    .amount((String) "1".repeat(700_000))
                    .currency("USD")
                    .build())
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e -> assertThat(e.violations().get(0).message()).contains("at most 32 characters"));
  }
}
