package io.payclient.billingrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import io.payclient.core.internal.Link;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingrailsPaymentTest {
  private static BillingrailsPayment payment(Long amount, String currency, String status) {
    return new BillingrailsPayment(
        "payment",
        "pay_1",
        "acc_1",
        amount,
        currency,
        null,
        null,
        null,
        "ref",
        BillingrailsPaymentStatus.fromWire(status),
        status,
        BillingrailsPaymentFailureReason.NONE,
        null,
        null,
        null,
        null,
        Map.of());
  }

  @Test
  void amountUsesIsoDigitsExactly() {
    assertThat(payment(1050L, "USD", "pending").amount()).contains(Money.of("10.50", "USD"));
    assertThat(payment(1050L, "usd", "pending").amount()).contains(Money.of("10.50", "USD"));
    assertThat(payment(1050L, "JPY", "pending").amount()).contains(Money.of("1050", "JPY"));
    assertThat(payment(1050L, "KWD", "pending").amount()).contains(Money.of("1.050", "KWD"));
    assertThat(payment(-5L, "EUR", "pending").amount()).contains(Money.of("-0.05", "EUR"));
  }

  @Test
  void amountIsEmptyWhenCurrencyOrAmountIsMissingOrUnknown() {
    assertThat(payment(null, "USD", "pending").amount()).isEmpty();
    assertThat(payment(100L, null, "pending").amount()).isEmpty();
    assertThat(payment(100L, " ", "pending").amount()).isEmpty();
    assertThat(payment(100L, "ZZZ", "pending").amount()).isEmpty();
    assertThat(payment(100L, "XAU", "pending").amount()).isEmpty();
  }

  @Test
  void neutralStatusAndPaymentUrl() {
    assertThat(payment(1L, "USD", "canceled").neutralStatus()).isEqualTo(PaymentStatus.CANCELLED);
    assertThat(payment(1L, "USD", "on_hold").neutralStatus()).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(payment(1L, "USD", "pending").paymentUrl()).isEmpty();
    BillingrailsPayment withLink =
        new BillingrailsPayment(
            null,
            "p",
            null,
            null,
            null,
            null,
            new BillingrailsPaymentMethod(
                null, null, null, null, null, null, null, null, Map.of(), null),
            null,
            null,
            BillingrailsPaymentStatus.UNKNOWN,
            null,
            BillingrailsPaymentFailureReason.NONE,
            null,
            null,
            Link.of(URI.create("https://pay.example.com")),
            "req",
            Map.of());
    assertThat(withLink.paymentUrl()).contains(URI.create("https://pay.example.com"));
    assertThat(withLink.paymentMethod().details()).isEmpty();
  }
}
