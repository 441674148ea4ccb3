package io.payclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.core.ClientOptions;
import io.payclient.core.Money;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsClients;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cancelling the future of an async create, on every path (the neutral client and each typed
 * client), stops the retry that the first attempt's 503 scheduled: nothing more reaches the server.
 */
class CancelTest {
  private static final String KEY = "sk_test_cancelcancelcancel";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String base(String vendor) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", "1")
                .addHeader("Content-Type", "application/json")
                .body("{}")
                .build();
          }
        });
    return server.url(vendor.equals("paygentic") ? "/" : "/v1").toString();
  }

  private ClientOptions options(String vendor) {
    return ClientOptions.builder().apiKey(KEY).baseUrl(base(vendor)).build();
  }

  private void cancelAfterTheFirstAttempt(CompletableFuture<?> future) throws Exception {
    assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
    Thread.sleep(200); // the 503 is read; the retry (or Lago's lookup) is scheduled in 1 s
    assertThat(future.cancel(true)).isTrue();
    Thread.sleep(1500);
    assertThat(server.getRequestCount()).as("requests after cancel").isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lago", "billingrails", "paygentic"})
  void theNeutralCreateAsync(String vendor) throws Exception {
    try (PaymentsClient client = PaymentsClients.create(vendor, options(vendor))) {
      PaymentCreateRequest.Builder request =
          PaymentCreateRequest.builder().reference("r-1").amount(Money.of("10.00", "USD"));
      if (vendor.equals("lago")) {
        request.target(PaymentTarget.invoice("inv-1"));
      } else if (vendor.equals("billingrails")) {
        request.amount(null).customerId("acct-1").target(PaymentTarget.invoice("inv-1"));
      }
      cancelAfterTheFirstAttempt(client.createAsync(request.build()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lago", "billingrails", "paygentic"})
  void theTypedCreateAsync(String vendor) throws Exception {
    switch (vendor) {
      case "lago" -> {
        try (LagoClient lago = LagoClient.builder().apiKey(KEY).baseUrl(base(vendor)).build()) {
          cancelAfterTheFirstAttempt(
              lago.payments()
                  .createAsync(
                      LagoPaymentCreateRequest.builder()
                          .invoiceId("inv-1")
                          .amountCents(1000)
                          .reference("r-1")
                          .build()));
        }
      }
      case "billingrails" -> {
        try (BillingrailsClient br =
            BillingrailsClient.builder().apiKey(KEY).baseUrl(base(vendor)).build()) {
          cancelAfterTheFirstAttempt(
              br.payments()
                  .createAsync(
                      BillingrailsPaymentCreateRequest.builder()
                          .accountId("acct-1")
                          .referenceId("r-1")
                          .invoiceId("inv-1")
                          .build()));
        }
      }
      default -> {
        try (PaygenticClient pg =
            PaygenticClient.builder().apiKey(KEY).baseUrl(base(vendor)).build()) {
          cancelAfterTheFirstAttempt(
              pg.payments()
                  .createAsync(
                      PaygenticPaymentCreateRequest.builder()
                          .amount(Money.of("10.00", "USD"))
                          .reference("r-1")
                          .build()));
        }
      }
    }
  }
}
