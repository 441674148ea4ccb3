package com.example;

import io.opentelemetry.api.OpenTelemetry;
import io.payclient.core.Money;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.opentelemetry.PayClientTelemetry;
import io.payclient.testkit.FakeLago;

/** A fake used from a main(), as a TestNG user or a demo would: no JUnit on the class path. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    try {
      Class.forName("org.junit.jupiter.api.extension.Extension");
      throw new AssertionError("JUnit is on the class path: the testkit pulled it in");
    } catch (ClassNotFoundException expected) {
      // as it should be
    }
    try (FakeLago fake = FakeLago.start();
        LagoClient lago =
            LagoClient.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .listener(PayClientTelemetry.create(OpenTelemetry.noop()).listener())
                .build()) {
      String invoice = fake.seedInvoice("USD", 5_000);
      LagoPayment payment =
          lago.payments()
              .create(
                  LagoPaymentCreateRequest.builder()
                      .invoiceId(invoice)
                      .amount(Money.of("10.99", "USD"))
                      .reference("order-1")
                      .build());
      if (fake.createdPayments() != 1 || !"order-1".equals(payment.reference())) {
        throw new AssertionError("unexpected: " + payment);
      }
      System.out.println(
          "main-without-junit: created " + payment.lagoId() + " on the fake, no JUnit, Java "
              + Runtime.version());
    }
  }
}
