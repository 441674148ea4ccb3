package io.payclient.testkit;

import io.payclient.core.Money;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentTarget;
import io.payclient.lago.LagoClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Randomized creates with random faults per vendor: 0 duplicates and 0 silent losses. */
class ReliabilityCampaignTest {
  private static final Duration READ_TIMEOUT = Duration.ofMillis(30);
  private static final Duration PAST_READ_TIMEOUT = Duration.ofMillis(50);

  @RegisterExtension final FakeLago lago = new FakeLago();

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
}
