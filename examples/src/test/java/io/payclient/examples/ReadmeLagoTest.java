package io.payclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.Money;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.testkit.Fault;
import io.payclient.testkit.junit.FakeLagoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's JUnit example for Lago. */
// README: testkit-lago
class ReadmeLagoTest {
  @RegisterExtension final FakeLagoExtension lago = new FakeLagoExtension(); // fresh per test

  @Test
  void aLostAnswerDoesNotPayTwice() {
    String invoice = lago.seedInvoice("USD", 5_000); // currency, amount due in cents
    lago.failNext(Fault.resetAfterProcessing()); // the payment is made, the answer is lost
    try (LagoClient client =
        LagoClient.builder().apiKey(lago.apiKey()).baseUrl(lago.baseUrl()).build()) {
      LagoPayment payment =
          client
              .payments()
              .create(
                  LagoPaymentCreateRequest.builder()
                      .invoiceId(invoice)
                      .amount(Money.of("10.99", "USD"))
                      .reference("order-1042")
                      .build());
      assertThat(payment.reference()).isEqualTo("order-1042");
    }
    assertThat(lago.createdPayments()).isEqualTo(1); // reconciled by reference, not resent
    assertThat(lago.amountDue(invoice)).isEqualTo(5_000 - 1_099);
  }
}
// README end
