package io.payclient.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.PaymentsListener;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The context follows the call's events; nothing is set before its event. */
class PayClientObservationContextTest {
  @Test
  void followsTheCall() {
    PaymentsListener.Call call =
        ObservationPaymentsListenerTest.call(
            "paygentic", "GET", "/v0/payments/pay_1", null, "payments.retrieve");
    PayClientObservationContext c = new PayClientObservationContext(call);
    assertThat(c.call()).isSameAs(call);
    assertThat(c.vendor()).isEqualTo("paygentic");
    assertThat(c.operation()).isEqualTo("payments.retrieve");
    assertThat(c.attempts()).isZero();
    assertThat(c.retries()).isZero();
    assertThat(c.lastHttpStatus()).isNull();
    assertThat(c.reconciliation()).isNull();
    assertThat(c.end()).isNull();

    c.attemptStarted(2);
    c.attemptStarted(1); // never goes back
    c.responseReceived(429);
    c.retryScheduled();
    c.retryScheduled();
    c.reconciled(PaymentsListener.Reconciliation.FAILED);
    PaymentsListener.CallEnd end =
        new PaymentsListener.CallEnd(null, false, 2, Duration.ZERO, null, null);
    c.ended(end);

    assertThat(c.attempts()).isEqualTo(2);
    assertThat(c.retries()).isEqualTo(2);
    assertThat(c.lastHttpStatus()).isEqualTo(429);
    assertThat(c.reconciliation()).isEqualTo(PaymentsListener.Reconciliation.FAILED);
    assertThat(c.end()).isSameAs(end);
  }

  @Test
  void rejectsANullCall() {
    assertThatThrownBy(() -> new PayClientObservationContext(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("call");
  }
}
