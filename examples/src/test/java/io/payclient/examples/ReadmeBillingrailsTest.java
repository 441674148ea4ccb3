package io.payclient.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.core.ServerException;
import io.payclient.testkit.Fault;
import io.payclient.testkit.junit.FakeBillingrailsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's JUnit example for Billingrails. */
// README: testkit-billingrails
class ReadmeBillingrailsTest {
  @RegisterExtension
  static final FakeBillingrailsExtension billingrails = new FakeBillingrailsExtension(); // shared

  @Test
  void aServerErrorIsRetriedWithTheSameKey() {
    String account = billingrails.seedAccount();
    String invoice = billingrails.seedInvoice(account, "USD", 1_099);
    billingrails.failNext(Fault.serverError(503), Fault.resetAfterProcessing());
    int before = billingrails.createdPayments(); // the fake is shared by the class's tests
    try (BillingrailsClient client =
        BillingrailsClient.builder()
            .apiKey(billingrails.apiKey())
            .baseUrl(billingrails.baseUrl())
            .build()) {
      BillingrailsPaymentCreateRequest request =
          BillingrailsPaymentCreateRequest.builder()
              .accountId(account)
              .referenceId("order-1042")
              .invoiceId(invoice)
              .build();
      client.payments().create(request); // 503, then a lost answer, then the replay of the key
      assertThat(billingrails.createdPayments() - before).isEqualTo(1);

      billingrails.failNext(Fault.serverError(500), Fault.serverError(500), Fault.serverError(500));
      assertThatThrownBy(() -> client.payments().create(request))
          .isInstanceOf(ServerException.class); // retries exhausted: outcomeUnknown() is true
    }
  }
}
// README end
