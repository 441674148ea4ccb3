package io.payclient.lago.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import io.payclient.lago.Fixtures;
import io.payclient.lago.LagoPayableType;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.lago.LagoPaymentProviderType;
import io.payclient.lago.LagoPaymentType;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagoJsonTest {
  @Test
  void writesTheSeedExampleExactly() {
    LagoPaymentCreateRequest request =
        LagoPaymentCreateRequest.builder()
            .invoiceId("486b147a-02a1-4ccf-8603-f3541fc25e7a")
            .amountCents(100)
            .reference("ref1")
            .paidAt(LocalDate.of(2025, 2, 20))
            .build();
    assertThat(new String(LagoJson.createBody(request), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"payment\":{\"invoice_id\":\"486b147a-02a1-4ccf-8603-f3541fc25e7a\","
                + "\"amount_cents\":100,\"reference\":\"ref1\",\"paid_at\":\"2025-02-20\"}}");
  }

  @Test
  void omitsPaidAtWhenUnsetAndEscapesStrings() {
    LagoPaymentCreateRequest request =
        LagoPaymentCreateRequest.builder()
            .invoiceId("inv")
            .amount(Money.of("3.2", "MRO"))
            .reference("quote\" back\\slash")
            .build();
    assertThat(new String(LagoJson.createBody(request), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"payment\":{\"invoice_id\":\"inv\",\"amount_cents\":16,"
                + "\"reference\":\"quote\\\" back\\\\slash\"}}");
  }

  @Test
  void readsAManualPaymentWithEveryField() throws Exception {
    LagoPayment p =
        LagoJson.readPaymentEnvelope(Fixtures.reader(Fixtures.read("payment-manual.json")));
    assertThat(p.lagoId()).isEqualTo("4cf085a7-c196-4f07-a543-97c50ec6e8b2");
    assertThat(p.lagoCustomerId()).isEqualTo("1a901a90-1a90-1a90-1a90-1a901a901a90");
    assertThat(p.externalCustomerId()).isEqualTo("5eb02857-a71e-4ea2-bcf9-57d3a41bc6ba");
    assertThat(p.invoiceIds()).containsExactly("486b147a-02a1-4ccf-8603-f3541fc25e7a");
    assertThat(p.invoiceNumbers()).containsExactly("HOO-202D-005-001");
    assertThat(p.lagoPayableId()).isEqualTo("1a901a90-1a90-1a90-1a90-1a901a901a90");
    assertThat(p.payableType()).isEqualTo(LagoPayableType.INVOICE);
    assertThat(p.rawPayableType()).isEqualTo("Invoice");
    assertThat(p.amountCents()).isEqualTo(1099L);
    assertThat(p.amountCurrency()).isEqualTo("USD");
    assertThat(p.amount()).contains(Money.of("10.99", "USD"));
    assertThat(p.status()).isEqualTo("succeeded");
    assertThat(p.paymentStatus()).isEqualTo("succeeded");
    assertThat(p.neutralStatus()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(p.type()).isEqualTo(LagoPaymentType.MANUAL);
    assertThat(p.rawType()).isEqualTo("manual");
    assertThat(p.reference()).isEqualTo("ref1");
    assertThat(p.paymentProviderCode()).isNull();
    assertThat(p.paymentProviderType()).isEqualTo(LagoPaymentProviderType.UNKNOWN);
    assertThat(p.rawPaymentProviderType()).isNull();
    assertThat(p.externalPaymentId()).isNull();
    assertThat(p.providerPaymentId()).isNull();
    assertThat(p.providerCustomerId()).isNull();
    assertThat(p.paymentMethodId()).isNull();
    assertThat(p.nextAction()).isEmpty();
    assertThat(p.redirectUrl()).isEmpty();
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2025-01-21T00:10:29Z"));
  }

  @Test
  void readsAProviderPaymentWithNextActionAndUnknownFields() throws Exception {
    LagoPayment p =
        LagoJson.readPaymentEnvelope(Fixtures.reader(Fixtures.read("payment-provider.json")));
    assertThat(p.invoiceIds()).hasSize(2);
    assertThat(p.invoiceNumbers()).containsExactly("HOO-202D-005-001", "HOO-202D-005-002");
    assertThat(p.payableType()).isEqualTo(LagoPayableType.PAYMENT_REQUEST);
    assertThat(p.lagoPayableId()).isEqualTo("77777777-1a90-1a90-1a90-1a901a901a90");
    assertThat(p.amount()).contains(Money.of("3.2", "MRO"));
    assertThat(p.status()).isEqualTo("requires_action");
    assertThat(p.neutralStatus()).isEqualTo(PaymentStatus.PROCESSING);
    assertThat(p.type()).isEqualTo(LagoPaymentType.PROVIDER);
    assertThat(p.paymentProviderCode()).isEqualTo("stripe_prod");
    assertThat(p.paymentProviderType()).isEqualTo(LagoPaymentProviderType.STRIPE);
    assertThat(p.externalPaymentId()).isEqualTo("pi_5eb0285741bc6ba");
    assertThat(p.providerPaymentId()).isEqualTo("pi_5eb0285741bc6ba");
    assertThat(p.providerCustomerId()).isEqualTo("cus_5eb0285bcf941bc6ba");
    assertThat(p.paymentMethodId()).isEqualTo("2b2b2b2b-1a90-1a90-1a90-1a901a901a90");
    assertThat(p.nextAction())
        .containsEntry("type", "redirect_to_url")
        .containsEntry(
            "redirect_to_url",
            Map.of(
                "url", "https://hooks.stripe.com/3ds/abc",
                "return_url", "https://app.example/back"));
    assertThat(p.redirectUrl()).contains(URI.create("https://hooks.stripe.com/3ds/abc"));
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2025-01-20T22:10:29Z"));
  }

  @Test
  void readsTheOfficialClientsSparseFixtures() throws Exception {
    LagoPayment p =
        LagoJson.readPaymentEnvelope(Fixtures.reader(Fixtures.read("payment-fixture-sparse.json")));
    assertThat(p.lagoId()).isEqualTo("8e5d5ec2-bdc7-4c43-a944-5ababae775d4");
    assertThat(p.reference()).isEqualTo("the reference");
    assertThat(p.lagoCustomerId()).isNull();
    assertThat(p.invoiceNumbers()).isEmpty();
    assertThat(p.payableType()).isEqualTo(LagoPayableType.UNKNOWN);
    assertThat(p.nextAction()).isEmpty();
    assertThat(p.amount()).contains(Money.of("1.00", "USD"));
  }

  @Test
  void unknownEnumValuesAreKeptRawAndNeverThrow() throws Exception {
    LagoPayment p =
        LagoJson.readPaymentEnvelope(Fixtures.reader(Fixtures.read("payment-unknown-enums.json")));
    assertThat(p.payableType()).isEqualTo(LagoPayableType.UNKNOWN);
    assertThat(p.rawPayableType()).isEqualTo("Subscription");
    assertThat(p.type()).isEqualTo(LagoPaymentType.UNKNOWN);
    assertThat(p.rawType()).isEqualTo("crypto");
    assertThat(p.paymentProviderType()).isEqualTo(LagoPaymentProviderType.UNKNOWN);
    assertThat(p.rawPaymentProviderType()).isEqualTo("mollie");
    assertThat(p.neutralStatus()).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(p.amount()).isEmpty(); // XTS is not a Lago currency: no guessing
    assertThat(p.nextAction()).isEmpty(); // [] instead of {}
  }

  @Test
  void readsAnUnwrappedPaymentAsTheSpecShowsIt() throws Exception {
    LagoPayment p =
        LagoJson.readPaymentEnvelope(
            Fixtures.reader("{\"amount_cents\":7,\"lago_id\":\"x-1\",\"reference\":\"r\"}"));
    assertThat(p.lagoId()).isEqualTo("x-1");
    assertThat(p.amountCents()).isEqualTo(7L);
    assertThat(p.reference()).isEqualTo("r");
  }

  @Test
  void malformedPaymentsAreDataErrors() {
    assertThatThrownBy(
            () ->
                LagoJson.readPaymentEnvelope(
                    Fixtures.reader("{\"payment\":{\"reference\":\"r\"}}")))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("lago_id");
    assertThatThrownBy(() -> LagoJson.readPaymentEnvelope(Fixtures.reader("[1]")))
        .isInstanceOf(JsonDataException.class);
    assertThatThrownBy(() -> LagoJson.readPaymentEnvelope(Fixtures.reader("{\"payment\":5}")))
        .isInstanceOf(JsonDataException.class);
  }

  @Test
  void aFieldThatCannotBeTypedIsEmptyAndKeepsItsRawText() throws Exception {
    LagoPayment p =
        LagoJson.readPaymentEnvelope(
            Fixtures.reader(
                "{\"payment\":{\"lago_id\":\"a\",\"amount_cents\":99999999999999999999,"
                    + "\"created_at\":\"yesterday\",\"invoice_ids\":\"inv-1\","
                    + "\"next_action\":\"none\",\"reference\":{\"x\":1}}}"));
    assertThat(p.lagoId()).isEqualTo("a");
    assertThat(p.amountCents()).isNull();
    assertThat(p.createdAt()).isNull();
    assertThat(p.invoiceIds()).isEmpty();
    assertThat(p.nextAction()).isEmpty();
    assertThat(p.reference()).isNull();
    assertThat(p.untyped())
        .containsEntry("amount_cents", "99999999999999999999")
        .containsEntry("created_at", "yesterday")
        .containsEntry("invoice_ids", "inv-1")
        .containsEntry("next_action", "none")
        .containsEntry("reference", "{\"x\":1}");
    LagoPayment fraction =
        LagoJson.readPaymentEnvelope(
            Fixtures.reader("{\"payment\":{\"lago_id\":\"a\",\"amount_cents\":1.5}}"));
    assertThat(fraction.amountCents()).isNull();
    assertThat(fraction.untyped()).containsExactly(java.util.Map.entry("amount_cents", "1.5"));
  }

  @Test
  void aPaymentThatTypesHasNoRawTexts() throws Exception {
    LagoPayment p =
        LagoJson.readPaymentEnvelope(
            Fixtures.reader("{\"payment\":{\"lago_id\":\"a\",\"amount_cents\":1}}"));
    assertThat(p.untyped()).isEmpty();
  }

  @Test
  void numbersInNextActionStayExact() throws Exception {
    LagoPayment p =
        LagoJson.readPaymentEnvelope(
            Fixtures.reader(
                "{\"payment\":{\"lago_id\":\"a\",\"next_action\":{\"n\":0.1,\"l\":[true]}}}"));
    assertThat(p.nextAction()).containsEntry("n", new BigDecimal("0.1"));
    assertThat(p.nextAction()).containsEntry("l", List.of(true));
  }
}
