package io.payclient.paygentic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaygenticPaymentTest {
  private static PaygenticPayment payment(BigDecimal amount, String currency, String status) {
    return new PaygenticPayment(
        "pay_1",
        "payment",
        amount,
        currency,
        PaygenticPaymentStatus.fromWire(status),
        status,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        Map.of());
  }

  @Test
  void moneyNeedsAnAmountAndAKnownCurrency() {
    assertThat(payment(new BigDecimal("10.50"), "USD", "pending").money())
        .contains(Money.of("10.50", "USD"));
    assertThat(payment(null, "USD", "pending").money()).isEmpty();
    assertThat(payment(BigDecimal.ONE, null, "pending").money()).isEmpty();
    assertThat(payment(BigDecimal.ONE, "NOPE", "pending").money()).isEmpty();
  }

  @Test
  void neutralStatusAndNullCollections() {
    PaygenticPayment p = payment(BigDecimal.ONE, "USD", "completed");
    assertThat(p.neutralStatus()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(payment(BigDecimal.ONE, "USD", "whatever").neutralStatus())
        .isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(p.metadata()).isEmpty();
    assertThat(p.lineItems()).isEmpty();
  }

  @Test
  void collectionsAreCopied() {
    Map<String, String> metadata = new HashMap<>(Map.of("a", "b"));
    PaygenticPayment p =
        new PaygenticPayment(
            "pay_2",
            null,
            null,
            null,
            PaygenticPaymentStatus.UNKNOWN,
            null,
            null,
            null,
            null,
            null,
            null,
            metadata,
            List.of(PaygenticLineItem.of("x", "1")),
            null,
            true,
            Map.of());
    metadata.put("c", "d");
    assertThat(p.metadata()).containsOnlyKeys("a");
    assertThatThrownBy(() -> p.metadata().put("e", "f"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(p.replayed()).isTrue();
    assertThatThrownBy(
            () ->
                new PaygenticPayment(
                    null,
                    null,
                    null,
                    null,
                    PaygenticPaymentStatus.UNKNOWN,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    Map.of()))
        .isInstanceOf(NullPointerException.class);
  }
}
