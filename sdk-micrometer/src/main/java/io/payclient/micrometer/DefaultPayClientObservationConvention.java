package io.payclient.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentsListener;
import io.payclient.micrometer.PayClientObservationDocumentation.HighCardinalityKeys;
import io.payclient.micrometer.PayClientObservationDocumentation.LowCardinalityKeys;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link PayClientObservationConvention}: the observation is named {@code
 * payclient.call} (so a meter registry records the timer {@code payclient.call}), its contextual
 * (span) name is {@code payclient <operation>}, e.g. {@code payclient payments.create}, and it
 * carries the keys of {@link PayClientObservationDocumentation#CALL}: low-cardinality {@code
 * vendor}, {@code operation}, {@code method}, {@code status}, {@code outcome}, {@code
 * outcome.unknown}, {@code reconciliation}, {@code payment.status}; high-cardinality {@code
 * idempotency.key}, {@code payment.id}, {@code attempts}. Absent values are {@code none}.
 *
 * <p>Extend it to add or change key values (call {@code super} and {@code and(...)} what you add),
 * or to rename the observation. Thread-safe and stateless.
 */
public class DefaultPayClientObservationConvention implements PayClientObservationConvention {
  /** The default observation name. */
  public static final String DEFAULT_NAME = "payclient.call";

  private static final String NONE = "none";

  private final String name;

  /** A convention naming the observation {@value #DEFAULT_NAME}. */
  public DefaultPayClientObservationConvention() {
    this(DEFAULT_NAME);
  }

  /**
   * A convention naming the observation {@code name}.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public DefaultPayClientObservationConvention(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The observation's name, {@value #DEFAULT_NAME} unless given to the constructor. */
  @Override
  public String getName() {
    return name;
  }

  /** {@code payclient <operation>}, e.g. {@code payclient payments.create}. */
  @Override
  public String getContextualName(PayClientObservationContext context) {
    return "payclient " + context.operation();
  }

  /** The low-cardinality keys of {@link PayClientObservationDocumentation#CALL}. */
  @Override
  public KeyValues getLowCardinalityKeyValues(PayClientObservationContext context) {
    PaymentsListener.CallEnd end = context.end();
    return KeyValues.of(
        vendor(context),
        operation(context),
        method(context),
        status(context),
        outcome(context),
        outcomeUnknown(context),
        reconciliation(context),
        LowCardinalityKeys.PAYMENT_STATUS.withValue(
            end == null ? NONE : statusValue(end.paymentStatus())));
  }

  /** The high-cardinality keys of {@link PayClientObservationDocumentation#CALL}. */
  @Override
  public KeyValues getHighCardinalityKeyValues(PayClientObservationContext context) {
    PaymentsListener.CallEnd end = context.end();
    String key = context.call().idempotencyKey();
    String paymentId = end == null ? null : end.paymentId();
    return KeyValues.of(
        HighCardinalityKeys.IDEMPOTENCY_KEY.withValue(key == null ? NONE : key),
        HighCardinalityKeys.PAYMENT_ID.withValue(paymentId == null ? NONE : paymentId),
        HighCardinalityKeys.ATTEMPTS.withValue(Integer.toString(context.attempts())));
  }

  /** {@code vendor}: the call's vendor. */
  protected KeyValue vendor(PayClientObservationContext context) {
    return LowCardinalityKeys.VENDOR.withValue(context.vendor());
  }

  /** {@code operation}: see {@link PayClientObservationContext#operation()}. */
  protected KeyValue operation(PayClientObservationContext context) {
    return LowCardinalityKeys.OPERATION.withValue(context.operation());
  }

  /** {@code method}: the HTTP method. */
  protected KeyValue method(PayClientObservationContext context) {
    return LowCardinalityKeys.METHOD.withValue(context.call().method());
  }

  /** {@code status}: the HTTP status of the last attempt that got a response, else {@code none}. */
  protected KeyValue status(PayClientObservationContext context) {
    Integer status = context.lastHttpStatus();
    return LowCardinalityKeys.STATUS.withValue(status == null ? NONE : Integer.toString(status));
  }

  /**
   * {@code outcome}: {@code success}, the simple class name of the call's exception ({@code
   * CancellationException} when the caller cancelled), or {@code none} while the call runs.
   */
  protected KeyValue outcome(PayClientObservationContext context) {
    PaymentsListener.CallEnd end = context.end();
    Throwable error = end == null ? null : end.error();
    String value = end == null ? NONE : error == null ? "success" : simpleName(error);
    return LowCardinalityKeys.OUTCOME.withValue(value);
  }

  /**
   * {@code outcome.unknown}: whether the call failed although its request may have taken effect.
   */
  protected KeyValue outcomeUnknown(PayClientObservationContext context) {
    PaymentsListener.CallEnd end = context.end();
    return LowCardinalityKeys.OUTCOME_UNKNOWN.withValue(
        Boolean.toString(end != null && end.outcomeUnknown()));
  }

  /** {@code reconciliation}: what a Lago reconciliation found, else {@code none}. */
  protected KeyValue reconciliation(PayClientObservationContext context) {
    PaymentsListener.Reconciliation r = context.reconciliation();
    return LowCardinalityKeys.RECONCILIATION.withValue(
        r == null ? NONE : r.name().toLowerCase(Locale.ROOT));
  }

  static String statusValue(@Nullable PaymentStatus status) {
    return status == null ? NONE : status.name().toLowerCase(Locale.ROOT);
  }

  static String simpleName(Throwable error) {
    String simple = error.getClass().getSimpleName();
    return simple.isEmpty() ? error.getClass().getName() : simple;
  }
}
