package io.payclient.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentStatusTest {
  @ParameterizedTest
  @CsvSource({
    "succeeded, SUCCEEDED, true",
    "completed, SUCCEEDED, true",
    "pending, PENDING, false",
    "processing, PROCESSING, false",
    "failed, FAILED, true",
    "canceled, CANCELLED, true",
    "cancelled, CANCELLED, true",
    "expired, EXPIRED, true",
    "Succeeded, SUCCEEDED, true",
    "requires_action, UNKNOWN, false",
    "'', UNKNOWN, false"
  })
  void mapsWireValues(String wire, PaymentStatus expected, boolean terminal) {
    assertThat(PaymentStatus.fromWire(wire)).isEqualTo(expected);
    assertThat(expected.isTerminal()).isEqualTo(terminal);
  }

  @org.junit.jupiter.api.Test
  void nullIsUnknown() {
    assertThat(PaymentStatus.fromWire(null)).isEqualTo(PaymentStatus.UNKNOWN);
  }
}
