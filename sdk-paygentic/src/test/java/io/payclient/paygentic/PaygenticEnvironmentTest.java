package io.payclient.paygentic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaygenticEnvironmentTest {
  @Test
  void officialHostsAndKeyPrefixes() {
    assertThat(PaygenticEnvironment.PRODUCTION.baseUrl()).isEqualTo("https://api.paygentic.io");
    assertThat(PaygenticEnvironment.SANDBOX.baseUrl())
        .isEqualTo("https://api.sandbox.paygentic.io");
    assertThat(PaygenticEnvironment.PRODUCTION.keyPrefix()).isEqualTo("sk_live_");
    assertThat(PaygenticEnvironment.SANDBOX.keyPrefix()).isEqualTo("sk_test_");
    assertThat(PaygenticEnvironment.forHost("API.Sandbox.Paygentic.io"))
        .contains(PaygenticEnvironment.SANDBOX);
    assertThat(PaygenticEnvironment.forHost("api.paygentic.io"))
        .contains(PaygenticEnvironment.PRODUCTION);
    assertThat(PaygenticEnvironment.forHost("127.0.0.1")).isEmpty();
    assertThat(PaygenticEnvironment.forHost(null)).isEmpty();
    assertThat(PaygenticEnvironment.forKey("sk_live_x")).contains(PaygenticEnvironment.PRODUCTION);
    assertThat(PaygenticEnvironment.forKey("sk_test_x")).contains(PaygenticEnvironment.SANDBOX);
    assertThat(PaygenticEnvironment.forKey("sk_x")).isEmpty();
  }
}
