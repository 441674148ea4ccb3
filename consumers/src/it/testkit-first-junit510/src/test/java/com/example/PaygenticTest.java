package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.payclient.core.Money;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import io.payclient.testkit.Fault;
import io.payclient.testkit.junit.FakePaygenticExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaygenticTest {
  @RegisterExtension
  static final FakePaygenticExtension paygentic = new FakePaygenticExtension(); // per class

  @Test
  void runsOnJUnit510() {
    assertTrue(
        org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion().startsWith("5.10"),
        "JUnit Jupiter 5.10 on the test class path");
  }

  @Test
  void aLostAnswerIsReplayedByKey() {
    int before = paygentic.createdPayments();
    paygentic.failNext(Fault.resetAfterProcessing());
    try (PaygenticClient client =
        PaygenticClient.builder().apiKey(paygentic.apiKey()).baseUrl(paygentic.baseUrl()).build()) {
      PaygenticPayment p =
          client
              .payments()
              .create(
                  PaygenticPaymentCreateRequest.builder()
                      .amount(Money.of("25.00", "USD"))
                      .reference("order-1")
                      .build());
      assertEquals("order-1", p.reference());
    }
    assertEquals(1, paygentic.createdPayments() - before);
  }
}
