package io.payclient.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations {@link ObservationPaymentsListener} makes, with their names, key names and
 * events (Micrometer's documentation format: tools such as {@code micrometer-docs-generator} read
 * it). Values that are absent are {@code none}, so every observation of one name always has the
 * same low-cardinality keys (Prometheus requires that of a meter's tags).
 */
public enum PayClientObservationDocumentation implements ObservationDocumentation {
  /**
   * One logical call (all its attempts, back-offs and a reconciliation): started at {@code
   * callStarted}, stopped at {@code callEnded}, with the call's exception as its error. Named by
   * its {@link PayClientObservationConvention}; {@link DefaultPayClientObservationConvention} names
   * it {@code payclient.call}, contextual name {@code payclient <operation>}.
   */
  CALL {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>>
        getDefaultConvention() {
      return DefaultPayClientObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return new KeyName[] {
        LowCardinalityKeys.VENDOR,
        LowCardinalityKeys.OPERATION,
        LowCardinalityKeys.METHOD,
        LowCardinalityKeys.STATUS,
        LowCardinalityKeys.OUTCOME,
        LowCardinalityKeys.OUTCOME_UNKNOWN,
        LowCardinalityKeys.RECONCILIATION,
        LowCardinalityKeys.PAYMENT_STATUS
      };
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return new KeyName[] {
        HighCardinalityKeys.IDEMPOTENCY_KEY,
        HighCardinalityKeys.PAYMENT_ID,
        HighCardinalityKeys.ATTEMPTS
      };
    }

    @Override
    public Observation.Event[] getEvents() {
      return Events.values();
    }
  },

  /**
   * One HTTP attempt of a call, a child of its {@link #CALL}: started at {@code attemptStarted},
   * stopped when the next thing happens (the next attempt, the retry's scheduling, a
   * reconciliation, the end of the call), with the attempt's failure as its error.
   */
  ATTEMPT {
    @Override
    public String getName() {
      return "payclient.attempt";
    }

    @Override
    public String getContextualName() {
      return "payclient <operation> attempt";
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return new KeyName[] {
        LowCardinalityKeys.VENDOR,
        LowCardinalityKeys.OPERATION,
        LowCardinalityKeys.METHOD,
        LowCardinalityKeys.STATUS,
        LowCardinalityKeys.OUTCOME
      };
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return new KeyName[] {HighCardinalityKeys.ATTEMPT};
    }
  },

  /**
   * A Lago reconciliation (the look-up after an ambiguous create), a child of its {@link #CALL}:
   * started at {@code reconciliationStarted}, stopped at {@code reconciliationEnded}.
   */
  RECONCILIATION {
    @Override
    public String getName() {
      return "payclient.reconciliation";
    }

    @Override
    public String getContextualName() {
      return "payclient <operation> reconciliation";
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return new KeyName[] {
        LowCardinalityKeys.VENDOR, LowCardinalityKeys.OPERATION, LowCardinalityKeys.RECONCILIATION
      };
    }
  },

  /**
   * One poll of a waiter ({@code awaitTerminal}): an instant observation (started and stopped at
   * {@code waiterPolled}), so a meter registry counts polls by vendor and status seen. The poll's
   * retrieve is a {@link #CALL} of its own.
   */
  WAITER_POLL {
    @Override
    public String getName() {
      return "payclient.waiter.poll";
    }

    @Override
    public String getContextualName() {
      return "payclient waiter poll";
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return new KeyName[] {LowCardinalityKeys.VENDOR, LowCardinalityKeys.PAYMENT_STATUS};
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return new KeyName[] {HighCardinalityKeys.PAYMENT_ID, HighCardinalityKeys.POLL};
    }
  },

  /**
   * A webhook checked by a verifier built with the listener, an instant observation: {@code result}
   * is {@code verified} or the refusal's reason in lower case.
   */
  WEBHOOK {
    @Override
    public String getName() {
      return "payclient.webhook";
    }

    @Override
    public String getContextualName() {
      return "payclient webhook";
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return new KeyName[] {LowCardinalityKeys.VENDOR, LowCardinalityKeys.WEBHOOK_RESULT};
    }
  };
  ;

  /** Low-cardinality keys (meter tags and span attributes). */
  public enum LowCardinalityKeys implements KeyName {
    /** The vendor: {@code lago}, {@code billingrails}, {@code paygentic}. */
    VENDOR("vendor"),
    /**
     * The operation without ids: {@code payments.create}, {@code payments.retrieve}, {@code
     * payments.list}, the same for {@code payment_requests}, {@code webhooks.public_key}, {@code
     * other}.
     */
    OPERATION("operation"),
    /** The HTTP method. */
    METHOD("method"),
    /** The HTTP status of the (last) attempt, {@code none} when no response came. */
    STATUS("status"),
    /**
     * {@code success}, or the simple class name of the exception the call (attempt) failed with.
     */
    OUTCOME("outcome"),
    /**
     * {@code true} when the call failed but its request may have taken effect, else {@code false}.
     */
    OUTCOME_UNKNOWN("outcome.unknown"),
    /**
     * What a Lago reconciliation found: {@code found}, {@code nothing_created}, {@code failed}; on
     * a call that needed none, {@code none}.
     */
    RECONCILIATION("reconciliation"),
    /**
     * The neutral status of the payment returned or seen ({@code succeeded}...), else {@code none}.
     */
    PAYMENT_STATUS("payment.status"),
    /**
     * A webhook's verification: {@code verified}, or the refusal's reason ({@code bad_signature}).
     */
    WEBHOOK_RESULT("webhook.result");

    private final String name;

    LowCardinalityKeys(String name) {
      this.name = name;
    }

    @Override
    public String asString() {
      return name;
    }
  }

  /** High-cardinality keys (span attributes only, never meter tags). */
  public enum HighCardinalityKeys implements KeyName {
    /** The idempotency key sent, {@code none} when the call had none. */
    IDEMPOTENCY_KEY("idempotency.key"),
    /** The payment's id when the call returned (or the waiter polled) one, else {@code none}. */
    PAYMENT_ID("payment.id"),
    /** HTTP attempts the call made. */
    ATTEMPTS("attempts"),
    /** The number of the attempt, 1 for the first. */
    ATTEMPT("attempt"),
    /** The number of the waiter's poll, 1 for the first. */
    POLL("poll");

    private final String name;

    HighCardinalityKeys(String name) {
      this.name = name;
    }

    @Override
    public String asString() {
      return name;
    }
  }

  /** Events of a {@link #CALL} (a meter registry counts each as {@code <call name>.<event>}). */
  public enum Events implements Observation.Event {
    /** A retry was scheduled (after a failed attempt, or after a reconciliation found nothing). */
    RETRY("retry");

    private final String name;

    Events(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }
  }
}
