package io.payclient.billingrails.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.billingrails.BillingrailsPaymentMode;
import io.payclient.billingrails.Fixtures;
import io.payclient.core.FieldError;
import io.payclient.core.Money;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentTarget;
import io.payclient.core.RequestValidationException;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BillingrailsMappingTest {
  @Test
  void neutralFieldsMapToWireFields() {
    BillingrailsPaymentCreateRequest r =
        BillingrailsMapping.toBillingrails(
            PaymentCreateRequest.builder()
                .customerId("acc_1")
                .reference("ref_1")
                .target(PaymentTarget.creditGrant("cg_1"))
                .paidAt(Instant.EPOCH)
                .idempotencyKey("k1")
                .build());
    assertThat(r)
        .isEqualTo(
            BillingrailsPaymentCreateRequest.builder()
                .mode(BillingrailsPaymentMode.OFFLINE)
                .accountId("acc_1")
                .referenceId("ref_1")
                .creditGrantId("cg_1")
                .succeededAt(Instant.EPOCH)
                .idempotencyKey("k1")
                .build());
  }

  @Test
  void amountAndMetadataAreRefusedTogetherWithOtherRules() {
    assertThatThrownBy(
            () ->
                BillingrailsMapping.toBillingrails(
                    PaymentCreateRequest.builder()
                        .amount(Money.of("5", "EUR"))
                        .putMetadata("k", "v")
                        .build()))
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e -> {
              assertThat(e.vendor()).isEqualTo("billingrails");
              assertThat(e.violations())
                  .extracting(FieldError::field)
                  .containsExactly(
                      "amount", "metadata", "account_id", "reference_id", "invoice_id");
              assertThat(e.getMessage()).contains("takes the amount from the paid object");
            });
  }

  @Test
  void paymentToNeutral() throws Exception {
    BillingrailsPayment p =
        BillingrailsJson.readPaymentEnvelope(
            Fixtures.reader(Fixtures.read("create-payment-response.json")));
    Payment n = BillingrailsMapping.toPayment(p, "key-1");
    assertThat(n.id()).isEqualTo("pay_IhMUl3rrZ3");
    assertThat(n.vendor()).isEqualTo("billingrails");
    assertThat(n.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(n.rawStatus()).isEqualTo("succeeded");
    assertThat(n.amount()).contains(Money.ofMinor(1000, "USD"));
    assertThat(n.reference()).isEqualTo("PAY-REF-001");
    assertThat(n.customerId()).isEqualTo("acc_IhMUl3rrZ3");
    assertThat(n.createdAt()).isEqualTo(Instant.parse("2025-02-14T17:33:40.843Z"));
    assertThat(n.paymentUrl()).contains(URI.create("http://example.com"));
    assertThat(n.idempotencyKey()).isEqualTo("key-1");
    assertThat(n.unwrap(BillingrailsPayment.class)).isSameAs(p);
  }
}
