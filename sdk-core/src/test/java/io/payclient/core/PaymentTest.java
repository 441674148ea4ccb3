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
        new io.payclient.core.internal.PaymentBuilder()
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
        new io.payclient.core.internal.PaymentBuilder()
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
    assertThatThrownBy(() -> new io.payclient.core.internal.PaymentBuilder().vendor("lago").build())
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void everyFieldEqualityAndToString() {
    VendorThing thing = new VendorThing("p1");
    Payment p =
        new io.payclient.core.internal.PaymentBuilder()
            .id("p1")
            .vendor("paygentic")
            .status(PaymentStatus.PENDING)
            .rawStatus("pending")
            .amount(Money.of("1.00", "EUR"))
            .reference("r")
            .customerId("c")
            .createdAt(java.time.Instant.EPOCH)
            .idempotencyKey("k")
            .replayed(true)
            .vendorPayment(thing)
            .build();
    assertThat(p.vendor()).isEqualTo("paygentic");
    assertThat(p.amount()).contains(Money.of("1", "EUR"));
    assertThat(p.reference()).isEqualTo("r");
    assertThat(p.customerId()).isEqualTo("c");
    assertThat(p.createdAt()).isEqualTo(java.time.Instant.EPOCH);
    assertThat(p.idempotencyKey()).isEqualTo("k");
    assertThat(p.replayed()).isTrue();
    assertThat(p.paymentUrl()).isEmpty();
    assertThat(p.toString()).contains("replayed").contains("PENDING").doesNotContain("UNKNOWN(");
    Payment same =
        new io.payclient.core.internal.PaymentBuilder()
            .id("p1")
            .vendor("paygentic")
            .idempotencyKey("k")
            .replayed(true)
            .vendorPayment(thing)
            .build();
    assertThat(p).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(p)
        .isNotEqualTo(
            new io.payclient.core.internal.PaymentBuilder()
                .id("p2")
                .vendor("paygentic")
                .vendorPayment(thing)
                .build());
    assertThat(p).isNotEqualTo("p1");
  }
}
