package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.payclient.core.ClientOptions;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsClients;
import io.payclient.testkit.Fault;
import io.payclient.testkit.junit.FakeBillingrailsExtension;
import io.payclient.testkit.junit.FakeLagoExtension;
import io.payclient.testkit.junit.FakePaygenticExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuickstartTest {
  @RegisterExtension final FakeLagoExtension lago = new FakeLagoExtension();
  @RegisterExtension final FakeBillingrailsExtension billingrails = new FakeBillingrailsExtension();
  @RegisterExtension final FakePaygenticExtension paygentic = new FakePaygenticExtension();

  @Test
  void theFirstPaymentOnEachVendor() {
    String invoice = lago.seedInvoice("USD", 5_000);
    try (PaymentsClient client = Quickstart.client("lago", lago.apiKey(), lago.baseUrl())) {
      assertEquals("lago", Quickstart.neutral(client, invoice, "-").vendor());
    }
    String account = billingrails.seedAccount();
    String brInvoice = billingrails.seedInvoice(account, "USD", 1_099);
    try (PaymentsClient client =
        Quickstart.client("billingrails", billingrails.apiKey(), billingrails.baseUrl())) {
      assertEquals("billingrails", Quickstart.neutral(client, brInvoice, account).vendor());
    }
    try (PaymentsClient client =
        Quickstart.client("paygentic", paygentic.apiKey(), paygentic.baseUrl())) {
      assertEquals("paygentic", Quickstart.neutral(client, "-", "-").vendor());
    }
    assertEquals(1, lago.createdPayments());
    assertEquals(1, billingrails.createdPayments());
    assertEquals(1, paygentic.createdPayments());
  }

  @Test
  void anUnknownOutcomeIsRecovered() {
    ClientOptions noRetries =
        ClientOptions.builder()
            .apiKey(paygentic.apiKey())
            .baseUrl(paygentic.baseUrl())
            .maxRetries(0)
            .build();
    try (PaymentsClient client = PaymentsClients.create("paygentic", noRetries)) {
      paygentic.failNext(Fault.resetAfterProcessing());
      Payment p =
          Quickstart.createOrRecover(
              client,
              PaymentCreateRequest.builder()
                  .reference("order-1")
                  .amount(io.payclient.core.Money.of("5.00", "EUR"))
                  .build());
      assertEquals("order-1", p.reference());
    }
    assertEquals(1, paygentic.createdPayments());
  }
}
