package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.payclient.core.PaymentsClient;
import io.payclient.testkit.junit.FakeBillingrailsExtension;
import io.payclient.testkit.junit.FakeLagoExtension;
import io.payclient.testkit.junit.FakePaygenticExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaymentsTest {
  @RegisterExtension final FakeLagoExtension lago = new FakeLagoExtension();
  @RegisterExtension final FakeBillingrailsExtension billingrails = new FakeBillingrailsExtension();
  @RegisterExtension final FakePaygenticExtension paygentic = new FakePaygenticExtension();

  @Test
  void theFirstPaymentOnEachVendor() {
    String invoice = lago.seedInvoice("USD", 5_000);
    try (PaymentsClient client = Payments.client("lago", lago.apiKey(), lago.baseUrl())) {
      assertEquals("lago", Payments.pay(client, invoice, "-").vendor());
    }
    String account = billingrails.seedAccount();
    String brInvoice = billingrails.seedInvoice(account, "USD", 1_099);
    try (PaymentsClient client =
        Payments.client("billingrails", billingrails.apiKey(), billingrails.baseUrl())) {
      assertEquals("billingrails", Payments.pay(client, brInvoice, account).vendor());
    }
    try (PaymentsClient client =
        Payments.client("paygentic", paygentic.apiKey(), paygentic.baseUrl())) {
      assertEquals("paygentic", Payments.pay(client, "-", "-").vendor());
    }
    assertEquals(1, lago.createdPayments());
    assertEquals(1, billingrails.createdPayments());
    assertEquals(1, paygentic.createdPayments());
  }
}
