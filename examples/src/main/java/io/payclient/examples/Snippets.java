package io.payclient.examples;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsEnvironment;
import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.core.ClientOptions;
import io.payclient.core.Money;
import io.payclient.core.Page;
import io.payclient.core.PayClientException;
import io.payclient.core.Payment;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsClients;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.lago.LagoPaymentListParams;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticEnvironment;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The code of the README's examples, compiled with the project and run against the fakes by
 * SnippetsTest, so the README never shows code that does not work. Each method's body between the
 * {@code // README} markers is what the README shows.
 */
final class Snippets {
  private Snippets() {}

  static LagoPayment lago(String apiKey, String baseUrl, String invoiceId) {
    // README: lago
    try (LagoClient lago =
        LagoClient.builder()
            .apiKey(apiKey) // or leave unset: LAGO_API_KEY is read
            .baseUrl(baseUrl) // or .region(LagoRegion.EU) / .selfHosted("https://lago.example.com")
            .build()) {
      LagoPayment payment =
          lago.payments()
              .create(
                  LagoPaymentCreateRequest.builder()
                      .invoiceId(invoiceId)
                      .amount(Money.of("10.99", "USD")) // or .amountCents(1099)
                      .reference("order-1042") // 1-40 chars; Lago's de-duplication key
                      .paidAt(LocalDate.of(2025, 2, 20))
                      .build());

      List<LagoPayment> forInvoice =
          lago.payments()
              .list(LagoPaymentListParams.builder().invoiceId(invoiceId).build())
              .autoPagingStream() // fetches further pages only when reached
              .toList();
      return lago.payments().retrieve(forInvoice.get(0).lagoId());
    }
    // README end
  }

  static BillingrailsPayment billingrails(
      String apiKey, String baseUrl, String account, String invoice) {
    // README: billingrails
    try (BillingrailsClient billingrails =
        BillingrailsClient.builder()
            .apiKey(apiKey) // or BILLINGRAILS_API_KEY
            .environment(BillingrailsEnvironment.SANDBOX)
            .baseUrl(baseUrl) // only to point at a fake or a proxy
            .build()) {
      return billingrails
          .payments()
          .create(
              BillingrailsPaymentCreateRequest.builder()
                  .accountId(account)
                  .referenceId("order-1042")
                  .invoiceId(
                      invoice) // exactly one of invoice / payment request / credit grant / order
                  .build(),
              RequestOptions.builder().idempotencyKey("order-1042-payment").build());
    }
    // README end
  }

  static PaygenticPayment paygentic(String apiKey, String baseUrl) {
    // README: paygentic
    try (PaygenticClient paygentic =
        PaygenticClient.builder()
            .apiKey(apiKey) // or PAYGENTIC_API_KEY; sk_test_ keys belong to the sandbox
            .environment(PaygenticEnvironment.SANDBOX)
            .baseUrl(baseUrl) // only to point at a fake or a proxy
            .build()) {
      PaygenticPayment payment =
          paygentic
              .payments()
              .create(
                  PaygenticPaymentCreateRequest.builder()
                      .amount(Money.of("25.00", "USD")) // 1.00 to 5000.00, never rounded
                      .reference("order-1042")
                      .expiresIn(Duration.ofDays(7))
                      .build());
      payment.paymentUrl(); // send the payer here
      return payment;
    }
    // README end
  }

  static Payment neutral(String vendor, String apiKey, String baseUrl) {
    // README: neutral
    ClientOptions options = ClientOptions.builder().apiKey(apiKey).baseUrl(baseUrl).build();
    try (PaymentsClient client = PaymentsClients.create(vendor, options)) {
      Payment payment =
          client.create(
              PaymentCreateRequest.builder()
                  .amount(Money.of("10.99", "EUR"))
                  .reference("order-1042")
                  .build());
      Page<Payment> recent = client.list(PaymentListParams.builder().pageSize(20).build());
      recent.items().forEach(p -> System.out.println(p.id() + " " + p.status()));
      return payment;
    } catch (RequestValidationException e) {
      // nothing was sent: e.violations() names each wire field and rule
      throw e;
    } catch (PayClientException e) {
      if (e.outcomeUnknown()) {
        // the payment may exist: retry later with e.idempotencyKey(), never blindly create again
      }
      throw e;
    }
    // README end
  }

  static Payment neutralLago(String apiKey, String baseUrl, String invoiceId) {
    try (PaymentsClient client =
        PaymentsClients.create(
            "lago", ClientOptions.builder().apiKey(apiKey).baseUrl(baseUrl).build())) {
      return client.create(
          PaymentCreateRequest.builder()
              .amount(Money.of("10.99", "USD"))
              .target(PaymentTarget.invoice(invoiceId))
              .reference("order-1043")
              .build());
    }
  }
}
