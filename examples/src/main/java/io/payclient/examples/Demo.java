package io.payclient.examples;

import io.payclient.core.ClientOptions;
import io.payclient.core.Money;
import io.payclient.core.PayClientException;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsClients;
import io.payclient.core.RequestValidationException;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import java.io.PrintStream;
import java.time.LocalDate;

/**
 * The tour: creates and retrieves Lago payments through the typed and the neutral API, then shows a
 * validation error and a server error. With no configuration it runs on an embedded fake Lago
 * server; with {@code LAGO_API_KEY} set (and optionally {@code LAGO_BASE_URL}) it runs against that
 * Lago instead, on the invoice given by {@code LAGO_INVOICE_ID}.
 */
public final class Demo {
  private Demo() {}

  /** Runs the tour and prints what happened. */
  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the tour, printing to {@code out}. */
  public static void run(PrintStream out) throws Exception {
    String realKey = System.getenv("LAGO_API_KEY");
    try (FakeLago fake = realKey == null ? FakeLago.start() : null) {
      String invoiceId =
          fake != null ? fake.seedInvoice("USD", 5_000) : requireEnv("LAGO_INVOICE_ID");
      ClientOptions.Builder options = ClientOptions.builder();
      if (fake != null) {
        options.apiKey(FakeLago.API_KEY).baseUrl(fake.baseUrl());
        out.println(
            "Lago: embedded fake server at "
                + fake.baseUrl()
                + " (set LAGO_API_KEY to use a real one)");
      } else {
        options.apiKey(realKey).baseUrl(System.getenv("LAGO_BASE_URL"));
        out.println("Lago: real service");
      }
      Table table = new Table(out);
      try (LagoClient lago = LagoClient.builder().options(options.build()).build();
          PaymentsClient neutral = PaymentsClients.create("lago", options.build())) {
        // 1. Typed API
        LagoPayment typed =
            lago.payments()
                .create(
                    LagoPaymentCreateRequest.builder()
                        .invoiceId(invoiceId)
                        .amount(Money.of("12.50", "USD"))
                        .reference("demo-typed-" + System.nanoTime() % 100_000)
                        .paidAt(LocalDate.now())
                        .build());
        table.row("typed create", lago.retrieve(typed.lagoId()));

        // 2. Neutral API, found through ServiceLoader
        Payment payment =
            neutral.create(
                PaymentCreateRequest.builder()
                    .amount(Money.of("7.25", "USD"))
                    .target(PaymentTarget.invoice(invoiceId))
                    .reference("demo-neutral-" + System.nanoTime() % 100_000)
                    .build());
        table.row("neutral create", payment);
        table.row("retrieve", neutral.retrieve(payment.id()));

        // 3. A validation error: caught before any request is sent
        try {
          neutral.create(
              PaymentCreateRequest.builder()
                  .amount(Money.of("10.005", "USD"))
                  .target(PaymentTarget.invoice(invoiceId))
                  .reference("x".repeat(41))
                  .build());
        } catch (RequestValidationException e) {
          out.println("validation error (nothing sent): " + e.violations());
        }

        // 4. A server error: more than the amount due
        try {
          neutral.create(
              PaymentCreateRequest.builder()
                  .amount(Money.of("1000000", "USD"))
                  .target(PaymentTarget.invoice(invoiceId))
                  .reference("demo-too-much")
                  .build());
        } catch (PayClientException e) {
          out.println("server error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      }
      if (fake != null) {
        out.println("payments created on the fake server: " + fake.createdPayments());
      }
    }
  }

  private static String requireEnv(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("Set " + name + " to run the demo against a real Lago");
    }
    return v;
  }

  /** A fixed-width table of payments. */
  private static final class Table {
    private final PrintStream out;

    Table(PrintStream out) {
      this.out = out;
      out.printf(
          "%-15s %-6s %-38s %-10s %-12s %s%n", "step", "vendor", "id", "status", "amount", "url");
    }

    void row(String step, Payment p) {
      out.printf(
          "%-15s %-6s %-38s %-10s %-12s %s%n",
          step,
          p.vendor(),
          p.id(),
          p.status(),
          p.amount().map(Money::toString).orElse("-"),
          p.paymentUrl().map(Object::toString).orElse("-"));
    }
  }
}
