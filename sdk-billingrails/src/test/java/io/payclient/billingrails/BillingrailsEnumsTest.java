package io.payclient.billingrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.PaymentStatus;
import org.junit.jupiter.api.Test;

/** The small value enums: status, failure reason, mode and environment. */
class BillingrailsEnumsTest {
  @Test
  void statusFromWire() {
    assertThat(BillingrailsPaymentStatus.fromWire("pending"))
        .isEqualTo(BillingrailsPaymentStatus.PENDING);
    assertThat(BillingrailsPaymentStatus.fromWire("SUCCEEDED"))
        .isEqualTo(BillingrailsPaymentStatus.SUCCEEDED);
    assertThat(BillingrailsPaymentStatus.fromWire("failed"))
        .isEqualTo(BillingrailsPaymentStatus.FAILED);
    assertThat(BillingrailsPaymentStatus.fromWire("canceled"))
        .isEqualTo(BillingrailsPaymentStatus.CANCELED);
    assertThat(BillingrailsPaymentStatus.fromWire("cancelled"))
        .isEqualTo(BillingrailsPaymentStatus.UNKNOWN);
    assertThat(BillingrailsPaymentStatus.fromWire(null))
        .isEqualTo(BillingrailsPaymentStatus.UNKNOWN);
    assertThat(BillingrailsPaymentStatus.CANCELED.neutral()).isEqualTo(PaymentStatus.CANCELLED);
    assertThat(BillingrailsPaymentStatus.CANCELED.wireValue()).isEqualTo("canceled");
    assertThat(BillingrailsPaymentStatus.UNKNOWN.wireValue()).isNull();
    for (BillingrailsPaymentStatus s : BillingrailsPaymentStatus.values()) {
      assertThat(s.neutral()).isEqualTo(PaymentStatus.fromWire(s.wireValue()));
    }
  }

  @Test
  void failureReasonFromWire() {
    assertThat(BillingrailsPaymentFailureReason.fromWire("absent_payment_method"))
        .isEqualTo(BillingrailsPaymentFailureReason.ABSENT_PAYMENT_METHOD);
    assertThat(BillingrailsPaymentFailureReason.fromWire("invalid_payment_method"))
        .isEqualTo(BillingrailsPaymentFailureReason.INVALID_PAYMENT_METHOD);
    assertThat(BillingrailsPaymentFailureReason.fromWire("Gateway_Error"))
        .isEqualTo(BillingrailsPaymentFailureReason.GATEWAY_ERROR);
    assertThat(BillingrailsPaymentFailureReason.fromWire("payment_url_generation_failed"))
        .isEqualTo(BillingrailsPaymentFailureReason.PAYMENT_URL_GENERATION_FAILED);
    assertThat(BillingrailsPaymentFailureReason.fromWire("something_new"))
        .isEqualTo(BillingrailsPaymentFailureReason.UNKNOWN);
    assertThat(BillingrailsPaymentFailureReason.fromWire(null))
        .isEqualTo(BillingrailsPaymentFailureReason.NONE);
    assertThat(BillingrailsPaymentFailureReason.fromWire(""))
        .isEqualTo(BillingrailsPaymentFailureReason.NONE);
  }

  @Test
  void modeWireValues() {
    assertThat(BillingrailsPaymentMode.ONLINE.wireValue()).isEqualTo("online");
    assertThat(BillingrailsPaymentMode.OFFLINE.wireValue()).isEqualTo("offline");
    assertThat(BillingrailsPaymentMode.fromWire("Online"))
        .isEqualTo(BillingrailsPaymentMode.ONLINE);
    assertThat(BillingrailsPaymentMode.fromWire("hybrid")).isNull();
    assertThat(BillingrailsPaymentMode.fromWire(null)).isNull();
  }

  @Test
  void environmentBaseUrls() {
    assertThat(BillingrailsEnvironment.PRODUCTION.baseUrl())
        .isEqualTo("https://api.billingrails.com/v1");
    assertThat(BillingrailsEnvironment.SANDBOX.baseUrl())
        .isEqualTo("https://api.sandbox.billingrails.com/v1");
  }
}
