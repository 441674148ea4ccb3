package io.payclient.testkit;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.core.Money;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentTarget;
import io.payclient.lago.LagoClient;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import io.payclient.testkit.junit.FakeBillingrailsExtension;
import io.payclient.testkit.junit.FakeLagoExtension;
import io.payclient.testkit.junit.FakePaygenticExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Randomized creates with random faults per vendor: 0 duplicates and 0 silent losses. */
class ReliabilityCampaignTest {
  private static final Duration READ_TIMEOUT = Duration.ofMillis(30);
  private static final Duration PAST_READ_TIMEOUT = Duration.ofMillis(50);

  @RegisterExtension final FakeLagoExtension lago = new FakeLagoExtension();
  @RegisterExtension final FakeBillingrailsExtension billingrails = new FakeBillingrailsExtension();
  @RegisterExtension final FakePaygenticExtension paygentic = new FakePaygenticExtension();

  @Test
  void lago() {
    // One invoice per logical create, as in real use: reconciliation lists that invoice's payments.
    String[] invoices = new String[Campaign.SIZE];
    for (int i = 0; i < invoices.length; i++) {
      invoices[i] = lago.seedInvoice("USD", 10_000);
    }
    try (LagoClient client =
        LagoClient.builder()
            .apiKey(lago.apiKey())
            .baseUrl(lago.baseUrl())
            .readTimeout(READ_TIMEOUT)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(4))
            .maxRetries(2)
            .build()) {
      Campaign.run(
          "lago",
          lago,
          Campaign.commonFaults(PAST_READ_TIMEOUT),
          i ->
              client.create(
                  PaymentCreateRequest.builder()
                      .amount(Money.of("1.00", "USD"))
                      .target(PaymentTarget.invoice(invoices[i]))
                      .reference("campaign-" + i)
                      .build()),
          i -> lago.paymentsWithReference("campaign-" + i));
    }
  }

  @Test
  void billingrails() {
    String account = billingrails.seedAccount();
    String[] invoices = new String[Campaign.SIZE];
    for (int i = 0; i < invoices.length; i++) {
      invoices[i] = billingrails.seedInvoice(account, "USD", 1_000);
    }
    try (BillingrailsClient client =
        BillingrailsClient.builder()
            .apiKey(billingrails.apiKey())
            .baseUrl(billingrails.baseUrl())
            .readTimeout(READ_TIMEOUT)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(4))
            .maxRetries(2)
            .build()) {
      Campaign.run(
          "billingrails",
          billingrails,
          Campaign.commonFaults(PAST_READ_TIMEOUT, Fault.conflictInFlight()),
          i ->
              client
                  .payments()
                  .create(
                      BillingrailsPaymentCreateRequest.builder()
                          .accountId(account)
                          .referenceId("campaign-" + i)
                          .invoiceId(invoices[i])
                          .build()),
          i -> countByReference(billingrails.payments(), "reference_id", "campaign-" + i));
    }
  }

  @Test
  void paygentic() {
    try (PaygenticClient client =
        PaygenticClient.builder()
            .apiKey(paygentic.apiKey())
            .baseUrl(paygentic.baseUrl())
            .readTimeout(READ_TIMEOUT)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(4))
            .maxRetries(2)
            .build()) {
      Campaign.run(
          "paygentic",
          paygentic,
          Campaign.commonFaults(PAST_READ_TIMEOUT),
          i ->
              client
                  .payments()
                  .create(
                      PaygenticPaymentCreateRequest.builder()
                          .amount(Money.of("19.99", "EUR"))
                          .reference("campaign-" + i)
                          .build()),
          i -> paygentic.paymentsWithReference("campaign-" + i));
    }
  }

  static int countByReference(
      java.util.List<java.util.Map<String, @org.jspecify.annotations.Nullable Object>> payments,
      String field,
      String reference) {
    return (int) payments.stream().filter(p -> reference.equals(p.get(field))).count();
  }
}
