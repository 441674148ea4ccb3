package io.payclient.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.common.docs.KeyName;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The documentation matches what the default convention and the listener really record. */
class PayClientObservationDocumentationTest {
  private static String[] names(KeyName[] keys) {
    return Arrays.stream(keys).map(KeyName::asString).toArray(String[]::new);
  }

  @Test
  void callDocumentationMatchesTheDefaultConvention() {
    DefaultPayClientObservationConvention convention = new DefaultPayClientObservationConvention();
    PayClientObservationContext context =
        new PayClientObservationContext(
            ObservationPaymentsListenerTest.call(
                "lago", "POST", "/api/v1/payments", null, "payments.create"));
    PayClientObservationDocumentation call = PayClientObservationDocumentation.CALL;
    assertThat(call.getDefaultConvention()).isEqualTo(DefaultPayClientObservationConvention.class);
    assertThat(names(call.getLowCardinalityKeyNames()))
        .containsExactlyInAnyOrderElementsOf(
            StreamSupport.stream(
                    convention.getLowCardinalityKeyValues(context).spliterator(), false)
                .map(KeyValue::getKey)
                .collect(Collectors.toList()));
    assertThat(names(call.getHighCardinalityKeyNames()))
        .containsExactlyInAnyOrder("idempotency.key", "payment.id", "attempts");
    assertThat(call.getEvents()).extracting(e -> e.getName()).containsExactly("retry");
  }

  @Test
  void childAndPollObservationsAreNamed() {
    assertThat(PayClientObservationDocumentation.ATTEMPT.getName()).isEqualTo("payclient.attempt");
    assertThat(PayClientObservationDocumentation.ATTEMPT.getContextualName())
        .isEqualTo("payclient <operation> attempt");
    assertThat(names(PayClientObservationDocumentation.ATTEMPT.getLowCardinalityKeyNames()))
        .containsExactly("vendor", "operation", "method", "status", "outcome");
    assertThat(names(PayClientObservationDocumentation.ATTEMPT.getHighCardinalityKeyNames()))
        .containsExactly("attempt");
    assertThat(PayClientObservationDocumentation.RECONCILIATION.getName())
        .isEqualTo("payclient.reconciliation");
    assertThat(PayClientObservationDocumentation.RECONCILIATION.getContextualName())
        .isEqualTo("payclient <operation> reconciliation");
    assertThat(names(PayClientObservationDocumentation.RECONCILIATION.getLowCardinalityKeyNames()))
        .containsExactly("vendor", "operation", "reconciliation");
    assertThat(PayClientObservationDocumentation.WAITER_POLL.getName())
        .isEqualTo("payclient.waiter.poll");
    assertThat(PayClientObservationDocumentation.WAITER_POLL.getContextualName())
        .isEqualTo("payclient waiter poll");
    assertThat(names(PayClientObservationDocumentation.WAITER_POLL.getLowCardinalityKeyNames()))
        .containsExactly("vendor", "payment.status");
    assertThat(names(PayClientObservationDocumentation.WAITER_POLL.getHighCardinalityKeyNames()))
        .containsExactly("payment.id", "poll");
  }
}
