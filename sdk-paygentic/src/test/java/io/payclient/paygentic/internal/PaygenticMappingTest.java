package io.payclient.paygentic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.FieldError;
import io.payclient.core.Money;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentTarget;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.paygentic.Fixtures;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaygenticMappingTest {
  @Test
  void mapsEveryNeutralFieldPaygenticTakes() {
    PaygenticPaymentCreateRequest r =
        PaygenticMapping.toPaygentic(
            PaymentCreateRequest.builder()
                .amount(Money.of("12.5", "AUD"))
                .customerId("cus_1")
                .reference("ref-1")
                .idempotencyKey("neutral-key")
                .putMetadata("k", "v")
                .build(),
            RequestOptions.none());
    assertThat(r.amount()).isEqualTo("12.50");
    assertThat(r.currency()).isEqualTo("AUD");
    assertThat(r.customerId()).contains("cus_1");
    assertThat(r.reference()).contains("ref-1");
    assertThat(r.idempotencyKey()).contains("neutral-key");
    assertThat(r.metadata()).isEqualTo(Map.of("k", "v"));
    assertThat(r.merchantId()).isEmpty();
  }

  @Test
  void theOptionsKeyWinsAndOtherwiseOneIsGenerated() {
    PaymentCreateRequest neutral =
        PaymentCreateRequest.builder()
            .amount(Money.of("10", "USD"))
            .idempotencyKey("neutral-key")
            .build();
    assertThat(
            PaygenticMapping.toPaygentic(
                    neutral, RequestOptions.builder().idempotencyKey("opt-key").build())
                .idempotencyKey())
        .contains("opt-key");
    String generated =
        PaygenticMapping.toPaygentic(
                PaymentCreateRequest.builder().amount(Money.of("10", "USD")).build(),
                RequestOptions.none())
            .idempotencyKey()
            .orElseThrow();
    assertThat(UUID.fromString(generated).version()).isEqualTo(4);
  }

  @Test
  void refusalsAreAllReportedAtOnce() {
    assertThatThrownBy(
            () ->
                PaygenticMapping.toPaygentic(
                    PaymentCreateRequest.builder()
                        .target(PaymentTarget.order("o_1"))
                        .paidAt(Instant.EPOCH)
                        .idempotencyKey("x".repeat(300))
                        .build(),
                    RequestOptions.none()))
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldError::field)
                    .containsExactly("amount", "target", "paidAt", "idempotencyKey"));
  }

  @Test
  void theNeutralPaymentCarriesTheSentKeyOrTheEchoedOne() throws Exception {
    PaygenticPayment p =
        PaygenticJson.readPayment(Fixtures.reader(Fixtures.read("payment-replayed.json")), true);
    Payment sent = PaygenticMapping.toPayment(p, "sent-key");
    assertThat(sent.idempotencyKey()).isEqualTo("sent-key");
    assertThat(sent.replayed()).isTrue();
    assertThat(sent.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(sent.amount()).contains(Money.of("49.99", "EUR"));
    assertThat(sent.unwrap(PaygenticPayment.class)).isSameAs(p);
    assertThat(PaygenticMapping.toPayment(p, null).idempotencyKey()).isEqualTo("checkout-77");
  }
}
