package io.payclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PaymentTest {
  record VendorThing(String id) {}

  @Test
  void unknownStatusKeepsTheRawValue() {
    Payment p =
        Payment.builder()
            .id("p1")
            .vendor("lago")
            .rawStatus("requires_action")
            .vendorPayment(new VendorThing("p1"))
            .build();
    assertThat(p.status()).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(p.rawStatus()).isEqualTo("requires_action");
    assertThat(p.toString()).contains("UNKNOWN(requires_action)");
  }

  @Test
  void unwrapsToTheVendorTypeOnly() {
    Payment p =
        Payment.builder()
            .id("p1")
            .vendor("lago")
            .rawStatus("succeeded")
            .paymentUrl(URI.create("https://pay.example/x"))
            .vendorPayment(new VendorThing("p1"))
            .build();
    assertThat(p.unwrap(VendorThing.class).id()).isEqualTo("p1");
    assertThat(p.paymentUrl()).contains(URI.create("https://pay.example/x"));
    assertThatThrownBy(() -> p.unwrap(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VendorThing");
  }

  @Test
  void requiresIdVendorAndVendorPayment() {
    assertThatThrownBy(() -> Payment.builder().vendor("lago").build())
        .isInstanceOf(NullPointerException.class);
  }
}
