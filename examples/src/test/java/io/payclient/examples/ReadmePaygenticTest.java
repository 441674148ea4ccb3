package io.payclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.Money;
import io.payclient.core.PaymentStatus;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import io.payclient.testkit.junit.FakePaygenticExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's JUnit example for Paygentic. */
// README: testkit-paygentic
class ReadmePaygenticTest {
  @RegisterExtension final FakePaygenticExtension paygentic = new FakePaygenticExtension();

  @Test
  void aPaymentIsCompletedByTheFake() {
    try (PaygenticClient client =
        PaygenticClient.builder()
            .apiKey(paygentic.apiKey()) // an sk_test_ key
            .baseUrl(paygentic.baseUrl())
            .build()) {
      PaygenticPayment created =
          client
              .payments()
              .create(
                  PaygenticPaymentCreateRequest.builder()
                      .amount(Money.of("25.00", "USD"))
                      .reference("order-1042")
                      .build());
      paygentic.setStatus(created.id(), "completed"); // as if the payer paid
      assertThat(client.payments().retrieve(created.id()).status().toNeutral())
          .isEqualTo(PaymentStatus.SUCCEEDED);
    }
    assertThat(paygentic.createdPayments()).isEqualTo(1);
    assertThat(paygentic.requestCount()).isEqualTo(2);
  }
}
// README end
