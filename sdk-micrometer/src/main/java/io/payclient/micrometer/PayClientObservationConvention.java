package io.payclient.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a PayClient call observation and chooses its key values. Implement it (or extend {@link
 * DefaultPayClientObservationConvention}) and give it to {@link
 * ObservationPaymentsListener.Builder#convention}. As everywhere in Micrometer, the convention
 * given to the builder wins; without one, a {@code GlobalObservationConvention} supporting {@link
 * PayClientObservationContext} registered on the {@code ObservationRegistry}; without that, the
 * default.
 *
 * <p>Micrometer evaluates a convention when the observation starts and again when it stops; at the
 * start {@link PayClientObservationContext#end()} is {@code null}. A convention must be fast, must
 * not throw (an exception is logged at DEBUG by PayClient and the observation of that call may be
 * lost) and must keep low-cardinality values bounded (no ids, no idempotency keys).
 *
 * <pre>{@code
 * class TenantConvention extends DefaultPayClientObservationConvention {
 *   @Override
 *   public KeyValues getLowCardinalityKeyValues(PayClientObservationContext context) {
 *     return super.getLowCardinalityKeyValues(context).and("tenant", Tenant.current());
 *   }
 * }
 * }</pre>
 */
public interface PayClientObservationConvention
    extends ObservationConvention<PayClientObservationContext> {
  /** Supports the {@link PayClientObservationContext} of a call, and nothing else. */
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof PayClientObservationContext;
  }
}
