package io.payclient.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.payclient.core.PaymentStatus;
import io.payclient.core.PaymentsListener;
import io.payclient.core.WebhookVerificationException;
import io.payclient.micrometer.PayClientObservationDocumentation.Events;
import io.payclient.micrometer.PayClientObservationDocumentation.HighCardinalityKeys;
import io.payclient.micrometer.PayClientObservationDocumentation.LowCardinalityKeys;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PaymentsListener} that records PayClient calls as Micrometer {@link Observation}s, so
 * that whatever the application's {@link ObservationRegistry} is wired to (Spring Boot's tracing
 * bridge and {@code DefaultMeterObservationHandler}, a logging handler...) sees them unchanged.
 *
 * <pre>{@code
 * ObservationRegistry registry = ...; // Spring Boot: inject the ObservationRegistry bean
 * LagoClient lago = LagoClient.builder()
 *     .apiKey(System.getenv("LAGO_API_KEY"))
 *     .listener(ObservationPaymentsListener.create(registry))
 *     .build();
 * }</pre>
 *
 * <p>What it records (names in {@link PayClientObservationDocumentation}):
 *
 * <ul>
 *   <li>One observation per <em>logical</em> call ({@link PayClientObservationDocumentation#CALL},
 *       {@code payclient.call}, span name {@code payclient payments.create}...), started at {@link
 *       #callStarted} and stopped at {@link #callEnded}, with the call's exception as its {@link
 *       Observation#error error}. Its parent is the registry's current observation on the thread
 *       that started the call (an incoming HTTP request's, say). Named and tagged by a {@link
 *       PayClientObservationConvention} ({@link DefaultPayClientObservationConvention} unless one
 *       is given).
 *   <li>One child observation per HTTP attempt ({@link PayClientObservationDocumentation#ATTEMPT},
 *       {@code payclient.attempt}) with its status and failure. Children rather than events because
 *       an attempt has a duration worth seeing: a trace shows where the time of a slow call went
 *       (two timed-out attempts, the back-offs, the successful third), and a meter registry gets a
 *       per-attempt timer by status, the per-request view of Micrometer's own {@code
 *       http.client.requests}, next to the per-call timer that measures what the application waited
 *       for. The cost is one more observation per attempt (nothing when the registry is no-op);
 *       events would have given counters only.
 *   <li>A Lago reconciliation as a child observation ({@link
 *       PayClientObservationDocumentation#RECONCILIATION}) and as the call's {@code reconciliation}
 *       key value; each scheduled retry as a {@link Events#RETRY} event on the call (counted by a
 *       meter registry as {@code payclient.call.retry}). The look-up's own list calls (one per page
 *       read) are observed as calls of their own under the reconciliation's observation, linked by
 *       their {@link PaymentsListener.Call#parent() parent}.
 *   <li>Each poll of a waiter as an instant observation ({@link
 *       PayClientObservationDocumentation#WAITER_POLL}), since a wait has no end event to hang a
 *       long observation on: a meter registry counts polls by vendor and status seen.
 * </ul>
 *
 * <p>Thread-safe: one listener serves any number of clients and concurrent calls. The state of a
 * call in flight is kept by the identity of its {@link PaymentsListener.Call} (the transport passes
 * the same instance to every event of a call) and dropped at {@code callEnded}, which the transport
 * sends exactly once per call, also on cancellation and deadline; events of a call that arrive
 * after its {@code callEnded} (an attempt failing after the caller cancelled) are ignored. Events
 * of calls started before this listener saw their {@code callStarted} are ignored too. With a no-op
 * registry nothing is kept or allocated beyond the check.
 *
 * <p>Failure behaviour: this listener throws nothing of its own; an exception thrown by an
 * observation handler or convention propagates to the transport, which logs it at DEBUG and goes on
 * with the call (the call's result is never affected; its observation may then be incomplete). Key
 * values never carry the API key or a body; high-cardinality values carry the idempotency key and
 * the payment id.
 */
public final class ObservationPaymentsListener implements PaymentsListener {
  private static final PayClientObservationConvention DEFAULT_CONVENTION =
      new DefaultPayClientObservationConvention();
  private static final String NONE = "none";

  private final ObservationRegistry registry;
  private final @Nullable PayClientObservationConvention convention;
  private final Map<Call, CallState> calls = Collections.synchronizedMap(new IdentityHashMap<>());

  private ObservationPaymentsListener(Builder builder) {
    this.registry = builder.registry;
    this.convention = builder.convention;
  }

  /**
   * A listener recording into {@code registry} with the {@link
   * DefaultPayClientObservationConvention}.
   *
   * @throws NullPointerException if {@code registry} is null
   */
  public static ObservationPaymentsListener create(ObservationRegistry registry) {
    return builder(registry).build();
  }

  /**
   * A builder of a listener recording into {@code registry}.
   *
   * <pre>{@code
   * PaymentsListener listener = ObservationPaymentsListener.builder(registry)
   *     .convention(new MyConvention())
   *     .build();
   * }</pre>
   *
   * @throws NullPointerException if {@code registry} is null
   */
  public static Builder builder(ObservationRegistry registry) {
    return new Builder(registry);
  }

  /** Starts the call's observation. */
  @Override
  public void callStarted(Call call) {
    if (registry.isNoop()) {
      return;
    }
    PayClientObservationContext context = new PayClientObservationContext(call);
    Observation observation =
        Observation.createNotStarted(convention, DEFAULT_CONVENTION, () -> context, registry);
    Call served = call.parent();
    CallState create = served == null ? null : calls.get(served);
    if (create != null) {
      synchronized (create) {
        Observation r = create.reconciliation;
        if (r != null) {
          observation.parentObservation(r); // a page of the create's reconciliation look-up
        }
      }
    }
    observation.start();
    calls.put(call, new CallState(context, observation));
  }

  /** Starts the attempt's child observation (and stops the previous attempt's, if still open). */
  @Override
  public void attemptStarted(Call call, int attempt) {
    CallState state = calls.get(call);
    if (state == null) {
      return;
    }
    synchronized (state) {
      state.stopAttempt(null);
      state.context.attemptStarted(attempt);
      state.attemptNumber = attempt;
      state.attemptStatus = -1;
      state.attemptError = null;
      state.attempt =
          state
              .child(PayClientObservationDocumentation.ATTEMPT, "attempt")
              .lowCardinalityKeyValue(LowCardinalityKeys.STATUS.withValue(NONE))
              .lowCardinalityKeyValue(LowCardinalityKeys.OUTCOME.withValue(NONE))
              .highCardinalityKeyValue(
                  HighCardinalityKeys.ATTEMPT.withValue(Integer.toString(attempt)))
              .start();
    }
  }

  /** Records the status on the call and on the attempt. */
  @Override
  public void responseReceived(Call call, int attempt, int httpStatus, Duration duration) {
    CallState state = calls.get(call);
    if (state == null) {
      return;
    }
    synchronized (state) {
      state.context.responseReceived(httpStatus);
      if (state.attempt != null && state.attemptNumber == attempt) {
        state.attemptStatus = httpStatus;
      }
    }
  }

  /** Stops the attempt's observation, with its failure as its error. */
  @Override
  public void attemptEnded(Call call, AttemptEnd end) {
    CallState state = calls.get(call);
    if (state == null) {
      return;
    }
    synchronized (state) {
      if (state.attempt != null && state.attemptNumber == end.attempt()) {
        if (state.attemptStatus < 0 && end.httpStatus() > 0) {
          state.attemptStatus = end.httpStatus();
        }
        state.attemptError = end.error();
        state.stopAttempt(null);
      }
    }
  }

  /** Stops the failed attempt's observation and records a {@link Events#RETRY} event. */
  @Override
  public void retryScheduled(Call call, int nextAttempt, Duration delay) {
    CallState state = calls.get(call);
    if (state == null) {
      return;
    }
    synchronized (state) {
      state.stopAttempt(null);
      state.context.retryScheduled();
      state.observation.event(
          Observation.Event.of(
              Events.RETRY.getName(), "retry " + nextAttempt + " in " + delay.toMillis() + " ms"));
    }
  }

  /** Starts the reconciliation's child observation. */
  @Override
  public void reconciliationStarted(Call call) {
    CallState state = calls.get(call);
    if (state == null) {
      return;
    }
    synchronized (state) {
      state.stopAttempt(null);
      state.stopReconciliation();
      state.reconciliation =
          state
              .child(PayClientObservationDocumentation.RECONCILIATION, "reconciliation")
              .lowCardinalityKeyValue(LowCardinalityKeys.RECONCILIATION.withValue(NONE))
              .start();
    }
  }

  /** Records the result on the call and stops the reconciliation's observation. */
  @Override
  public void reconciliationEnded(Call call, Reconciliation result, Duration duration) {
    CallState state = calls.get(call);
    if (state == null) {
      return;
    }
    synchronized (state) {
      state.context.reconciled(result);
      Observation r = state.reconciliation;
      if (r != null) {
        r.lowCardinalityKeyValue(
            LowCardinalityKeys.RECONCILIATION.withValue(result.name().toLowerCase(Locale.ROOT)));
      }
      state.stopReconciliation();
    }
  }

  /**
   * Stops the call's observation (after any attempt or reconciliation still open), with the call's
   * exception as its error, and forgets the call.
   */
  @Override
  public void callEnded(Call call, CallEnd end) {
    CallState state = calls.remove(call);
    if (state == null) {
      return;
    }
    synchronized (state) {
      try {
        state.stopAttempt(end.error());
        state.stopReconciliation();
      } finally {
        state.context.ended(end);
        Throwable error = end.error();
        if (error != null) {
          state.observation.error(error);
        }
        state.observation.stop();
      }
    }
  }

  /** Records the poll as an instant {@link PayClientObservationDocumentation#WAITER_POLL}. */
  @Override
  public void waiterPolled(
      String vendor, String paymentId, int poll, @Nullable PaymentStatus status) {
    if (registry.isNoop()) {
      return;
    }
    PayClientObservationDocumentation doc = PayClientObservationDocumentation.WAITER_POLL;
    Observation.createNotStarted(
            Objects.requireNonNull(doc.getName()), Observation.Context::new, registry)
        .contextualName(doc.getContextualName())
        .lowCardinalityKeyValue(LowCardinalityKeys.VENDOR.withValue(vendor))
        .lowCardinalityKeyValue(
            LowCardinalityKeys.PAYMENT_STATUS.withValue(
                DefaultPayClientObservationConvention.statusValue(status)))
        .highCardinalityKeyValue(HighCardinalityKeys.PAYMENT_ID.withValue(paymentId))
        .highCardinalityKeyValue(HighCardinalityKeys.POLL.withValue(Integer.toString(poll)))
        .start()
        .stop();
  }

  @Override
  public void webhookVerified(String vendor, String type) {
    webhook(vendor, "verified");
  }

  @Override
  public void webhookRefused(String vendor, WebhookVerificationException.Reason reason) {
    webhook(vendor, reason.name().toLowerCase(Locale.ROOT));
  }

  private void webhook(String vendor, String result) {
    if (registry.isNoop()) {
      return;
    }
    PayClientObservationDocumentation doc = PayClientObservationDocumentation.WEBHOOK;
    Observation.createNotStarted(
            Objects.requireNonNull(doc.getName()), Observation.Context::new, registry)
        .contextualName(doc.getContextualName())
        .lowCardinalityKeyValue(LowCardinalityKeys.VENDOR.withValue(vendor))
        .lowCardinalityKeyValue(LowCardinalityKeys.WEBHOOK_RESULT.withValue(result))
        .start()
        .stop();
  }

  /** Calls whose {@code callEnded} has not come yet (for tests). */
  int callsInFlight() {
    return calls.size();
  }

  @Override
  public String toString() {
    return "ObservationPaymentsListener{convention="
        + (convention == null ? DEFAULT_CONVENTION : convention).getClass().getName()
        + "}";
  }

  /** The observations of one call in flight; guarded by itself. */
  private final class CallState {
    final PayClientObservationContext context;
    final Observation observation;
    @Nullable Observation attempt;
    int attemptNumber;
    int attemptStatus = -1;
    @Nullable Throwable attemptError;
    @Nullable Observation reconciliation;

    CallState(PayClientObservationContext context, Observation observation) {
      this.context = context;
      this.observation = observation;
    }

    Observation child(PayClientObservationDocumentation doc, String what) {
      Call call = context.call();
      return Observation.createNotStarted(
              Objects.requireNonNull(doc.getName()), Observation.Context::new, registry)
          .parentObservation(observation)
          .contextualName("payclient " + context.operation() + " " + what)
          .lowCardinalityKeyValue(LowCardinalityKeys.VENDOR.withValue(call.vendor()))
          .lowCardinalityKeyValue(LowCardinalityKeys.OPERATION.withValue(context.operation()))
          .lowCardinalityKeyValue(LowCardinalityKeys.METHOD.withValue(call.method()));
    }

    /** Stops the open attempt; {@code callError} explains an attempt that saw no outcome. */
    void stopAttempt(@Nullable Throwable callError) {
      Observation a = attempt;
      if (a == null) {
        return;
      }
      attempt = null;
      Throwable error = attemptError;
      if (error == null && attemptStatus < 0) {
        error = callError; // cancelled or timed out while the attempt ran
      }
      a.lowCardinalityKeyValue(
          LowCardinalityKeys.STATUS.withValue(
              attemptStatus < 0 ? NONE : Integer.toString(attemptStatus)));
      a.lowCardinalityKeyValue(
          LowCardinalityKeys.OUTCOME.withValue(
              error != null
                  ? DefaultPayClientObservationConvention.simpleName(error)
                  : attemptStatus >= 0 ? "success" : NONE));
      if (error != null) {
        a.error(error);
      }
      a.stop();
    }

    void stopReconciliation() {
      Observation r = reconciliation;
      if (r != null) {
        reconciliation = null;
        r.stop();
      }
    }
  }

  /**
   * Builds an {@link ObservationPaymentsListener}. Not thread-safe; build once, share the result.
   */
  public static final class Builder {
    private final ObservationRegistry registry;
    private @Nullable PayClientObservationConvention convention;

    private Builder(ObservationRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * The convention naming and tagging each call's observation, instead of {@link
     * DefaultPayClientObservationConvention} (extend it to keep its keys). As in Micrometer, it
     * wins over a {@code GlobalObservationConvention} registered on the registry; without it, a
     * matching global convention wins over the default.
     *
     * @throws NullPointerException if {@code convention} is null
     */
    public Builder convention(PayClientObservationConvention convention) {
      this.convention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /** The listener; give it to a client builder's {@code listener(...)}. */
    public ObservationPaymentsListener build() {
      return new ObservationPaymentsListener(this);
    }
  }
}
