package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.payclient.core.PaymentListParams;
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

  /** Many payments, seeded in bulk, listed lazily and with the next page requested ahead. */
  @Test
  void listingEveryPageOfManyPayments() {
    lago.seedPayments(lago.seedInvoice("USD", 5_000), 120);
    billingrails.seedPayments(billingrails.seedAccount(), 120);
    paygentic.seedPayments(120);
    PaymentListParams pagesOf50 = PaymentListParams.builder().pageSize(50).build();
    try (PaymentsClient l = Payments.client("lago", lago.apiKey(), lago.baseUrl());
        PaymentsClient b =
            Payments.client("billingrails", billingrails.apiKey(), billingrails.baseUrl());
        PaymentsClient p = Payments.client("paygentic", paygentic.apiKey(), paygentic.baseUrl())) {
      for (PaymentsClient client : new PaymentsClient[] {l, b, p}) {
        assertEquals(120, client.list(pagesOf50).autoPagingStream().count());
        assertEquals(120, client.list(pagesOf50).autoPagingStream(true).count());
      }
    }
    assertEquals(0, lago.createdPayments());
  }
}
