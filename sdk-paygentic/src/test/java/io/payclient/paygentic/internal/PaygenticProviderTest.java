package io.payclient.paygentic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.ClientOptions;
import io.payclient.core.PaymentsClient;
import io.payclient.core.spi.PaymentsClientProvider;
import io.payclient.paygentic.PaygenticClient;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PaygenticProviderTest {
  @Test
  void isRegisteredAndBuildsAClientFromOptions() {
    PaygenticProvider found =
        ServiceLoader.load(PaymentsClientProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(PaygenticProvider.class::isInstance)
            .map(PaygenticProvider.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(found.vendor()).isEqualTo("paygentic");
    try (PaymentsClient c =
        found.create(ClientOptions.builder().apiKey("sk_live_fake_provider_test").build())) {
      assertThat(c).isInstanceOf(PaygenticClient.class);
      assertThat(((PaygenticClient) c).baseUrl()).isEqualTo("https://api.paygentic.io/");
    }
  }
}
