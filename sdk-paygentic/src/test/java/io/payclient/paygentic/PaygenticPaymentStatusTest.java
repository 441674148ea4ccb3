package io.payclient.paygentic;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.PaymentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaygenticPaymentStatusTest {
  @ParameterizedTest
  @CsvSource({
    "pending, PENDING, PENDING",
    "processing, PROCESSING, PROCESSING",
    "completed, COMPLETED, SUCCEEDED",
    "expired, EXPIRED, EXPIRED",
    "cancelled, CANCELLED, CANCELLED",
    "failed, FAILED, FAILED",
    "COMPLETED, COMPLETED, SUCCEEDED",
    "refunded, UNKNOWN, UNKNOWN"
  })
  void mapsWireValues(String wire, PaygenticPaymentStatus status, PaymentStatus neutral) {
    assertThat(PaygenticPaymentStatus.fromWire(wire)).isEqualTo(status);
    assertThat(status.toNeutral()).isEqualTo(neutral);
  }

  @Test
  void nullIsUnknownAndWireValuesRoundTrip() {
    assertThat(PaygenticPaymentStatus.fromWire(null)).isEqualTo(PaygenticPaymentStatus.UNKNOWN);
    assertThat(PaygenticPaymentStatus.UNKNOWN.wireValue()).isNull();
    for (PaygenticPaymentStatus s : PaygenticPaymentStatus.values()) {
      if (s != PaygenticPaymentStatus.UNKNOWN) {
        assertThat(PaygenticPaymentStatus.fromWire(s.wireValue())).isEqualTo(s);
      }
    }
  }
}
