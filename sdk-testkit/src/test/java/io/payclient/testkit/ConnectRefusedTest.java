package io.payclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.ClientOptions;
import io.payclient.core.ConnectionException;
import io.payclient.core.Money;
import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentTarget;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsClients;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fault matrix's "connection refused" row, for every vendor: retried, never ambiguous. */
class ConnectRefusedTest {
  @ParameterizedTest
  @ValueSource(strings = {"lago", "billingrails", "paygentic"})
  void aRefusedConnectionIsRetriedAndNothingIsCreated(String vendor) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed again: connections to it are refused
    }
    String base = "http://127.0.0.1:" + port + (vendor.equals("paygentic") ? "" : "/v1");
    try (PaymentsClient client =
        PaymentsClients.create(
            vendor,
            ClientOptions.builder()
                .apiKey("sk_test_refused")
                .baseUrl(base)
                .maxRetries(2)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(2))
                .build())) {
      PaymentCreateRequest.Builder request =
          PaymentCreateRequest.builder().reference("r-1").amount(Money.of("10.00", "USD"));
      if (vendor.equals("lago")) {
        request.target(PaymentTarget.invoice("inv-1"));
      } else if (vendor.equals("billingrails")) {
        request.amount(null).customerId("acct-1").target(PaymentTarget.invoice("inv-1"));
      }
      assertThatThrownBy(() -> client.create(request.build()))
          .isInstanceOfSatisfying(
              ConnectionException.class,
              e -> {
                assertThat(e.requestSent()).isFalse();
                assertThat(e.outcomeUnknown()).isFalse();
                assertThat(e.attempts()).isEqualTo(3);
                assertThat(e.vendor()).isEqualTo(vendor);
              });
    }
  }
}
