package io.payclient.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentsListener;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** The default convention's names and key values before, during and after a call. */
class DefaultPayClientObservationConventionTest {
  private final DefaultPayClientObservationConvention convention =
      new DefaultPayClientObservationConvention();

  /** KeyValues keeps its keys sorted: compare as maps. */
  private static Map<String, String> map(KeyValues values) {
    Map<String, String> out = new LinkedHashMap<>();
    for (KeyValue kv : values) {
      out.put(kv.getKey(), kv.getValue());
    }
    return out;
  }

  private static PayClientObservationContext context() {
    return new PayClientObservationContext(
        ObservationPaymentsListenerTest.call(
            "lago", "POST", "/api/v1/payments", "idem-1", "payments.create"));
  }

  @Test
  void namesTheObservationAndItsSpan() {
    assertThat(convention.getName()).isEqualTo("payclient.call");
    assertThat(new DefaultPayClientObservationConvention("acme.call").getName())
        .isEqualTo("acme.call");
    assertThat(convention.getContextualName(context())).isEqualTo("payclient payments.create");
    assertThat(convention.supportsContext(context())).isTrue();
    assertThat(convention.supportsContext(new Observation.Context())).isFalse();
    assertThatThrownBy(() -> new DefaultPayClientObservationConvention(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void atTheStartEveryKeyIsPresentAndAbsentValuesAreNone() {
    PayClientObservationContext c = context();
    assertThat(map(convention.getLowCardinalityKeyValues(c)))
        .containsOnly(
            Map.entry("vendor", "lago"),
            Map.entry("operation", "payments.create"),
            Map.entry("method", "POST"),
            Map.entry("status", "none"),
            Map.entry("outcome", "none"),
            Map.entry("outcome.unknown", "false"),
            Map.entry("reconciliation", "none"),
            Map.entry("payment.status", "none"));
    assertThat(map(convention.getHighCardinalityKeyValues(c)))
        .containsOnly(
            Map.entry("idempotency.key", "idem-1"),
            Map.entry("payment.id", "none"),
            Map.entry("attempts", "0"));
  }

  @Test
  void atTheEndTheKeysDescribeTheOutcome() {
    PayClientObservationContext c = context();
    c.attemptStarted(1);
    c.responseReceived(503);
    c.retryScheduled();
    c.reconciled(PaymentsListener.Reconciliation.FOUND);
    c.ended(
        new PaymentsListener.CallEnd(
            null, false, 1, Duration.ofMillis(5), "lago_1", PaymentStatus.SUCCEEDED));
    assertThat(map(convention.getLowCardinalityKeyValues(c)))
        .containsEntry("status", "503")
        .containsEntry("outcome", "success")
        .containsEntry("reconciliation", "found")
        .containsEntry("payment.status", "succeeded");
    assertThat(map(convention.getHighCardinalityKeyValues(c)))
        .containsEntry("payment.id", "lago_1")
        .containsEntry("attempts", "1");
  }

  @Test
  void aFailedCallIsNamedByItsExceptionAndMayBeUnknown() {
    PayClientObservationContext c =
        new PayClientObservationContext(
            ObservationPaymentsListenerTest.call(
                "billingrails", "GET", "/payments/p1", null, "payments.retrieve"));
    c.ended(
        new PaymentsListener.CallEnd(
            new CancellationException(), true, 2, Duration.ofMillis(5), null, null));
    assertThat(map(convention.getLowCardinalityKeyValues(c)))
        .containsEntry("outcome", "CancellationException")
        .containsEntry("outcome.unknown", "true")
        .containsEntry("payment.status", "none");
    assertThat(map(convention.getHighCardinalityKeyValues(c)))
        .containsEntry("idempotency.key", "none");
  }

  @Test
  void anAnonymousExceptionFallsBackToItsClassName() {
    RuntimeException anonymous = new RuntimeException() {};
    assertThat(DefaultPayClientObservationConvention.simpleName(anonymous))
        .isEqualTo(anonymous.getClass().getName());
  }
}
