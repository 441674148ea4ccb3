package io.payclient.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaymentsClientsTest {
  // sdk-core's own tests run without any vendor module on the class path.

  @Test
  void aKnownVendorWithoutItsModuleNamesTheArtifact() {
    assertThatThrownBy(
            () -> PaymentsClients.create("Billingrails", ClientOptions.builder().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("io.payclient:sdk-billingrails");
  }

  @Test
  void anUnknownVendorListsTheSupportedOnes() {
    assertThatThrownBy(() -> PaymentsClients.create("stripe", ClientOptions.builder().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown vendor 'stripe'")
        .hasMessageContaining("lago")
        .hasMessageContaining("paygentic");
  }
}
