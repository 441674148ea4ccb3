package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.internal.RetryPolicy.Action;
import io.payclient.core.internal.RetryPolicy.Attempt;
import io.payclient.core.internal.RetryPolicy.Decision;
import io.payclient.core.internal.RetryPolicy.Outcome;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
  private static final long SECOND = 1_000_000_000L;

  /** Backoff draws the top of its range, so delays are predictable. */
  private final RetryPolicy policy =
      new RetryPolicy(
          2, Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(8), n -> n - 1);

  private static Attempt create(Outcome outcome, int status) {
    return attempt(outcome, status, false, null, 1, false, false, false, 60 * SECOND);
  }

  private static Attempt attempt(
      Outcome outcome,
      int status,
      boolean vendorTransient,
      @Nullable Duration serverDelay,
      int attemptNo,
      boolean idempotent,
      boolean canReconcile,
      boolean earlier,
      long timeLeft) {
    return new Attempt(
        outcome,
        status,
        vendorTransient,
        serverDelay,
        attemptNo,
        true,
        idempotent,
        canReconcile,
        earlier,
        0,
        timeLeft);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 500, 502, 503, 504, 599, 600, 302, 303, 307, 101})
  void aStatusOf408Or5xxOrOneAPaymentsApiNeverSendsLeavesACreateUnknown(int status) {
    Decision d = policy.decide(create(Outcome.ERROR_STATUS, status));
    assertThat(d.outcomeUnknown()).isTrue();
    assertThat(d.action()).isEqualTo(Action.STOP); // no key, no reconciler: never sent again
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 422})
  void aClientErrorIsKnownAndFinal(int status) {
    Decision d = policy.decide(create(Outcome.ERROR_STATUS, status));
    assertThat(d.outcomeUnknown()).isFalse();
    assertThat(d.action()).isEqualTo(Action.STOP);
  }

  @Test
  void anUnreadableSuccessProbablyTookEffectAndIsNotSentAgain() {
    Decision d =
        policy.decide(
            attempt(Outcome.UNREADABLE_SUCCESS, 201, false, null, 1, true, false, false, SECOND));
    assertThat(d.outcomeUnknown()).isTrue();
    assertThat(d.action()).isEqualTo(Action.STOP);
  }

  @Test
  void ambiguityIsRetriedWithAKeyReconciledWithoutAndStoppedOtherwise() {
    assertThat(
            policy
                .decide(
                    attempt(Outcome.NO_ANSWER, 0, false, null, 1, true, false, false, 60 * SECOND))
                .action())
        .isEqualTo(Action.RETRY);
    assertThat(
            policy
                .decide(
                    attempt(
                        Outcome.ERROR_STATUS, 503, false, null, 1, false, true, false, 60 * SECOND))
                .action())
        .isEqualTo(Action.RECONCILE_THEN_RETRY);
    assertThat(policy.decide(create(Outcome.NO_ANSWER, 0)).action()).isEqualTo(Action.STOP);
  }

  @Test
  void notSentAndRateLimitedAreAlwaysRetried() {
    Decision notSent = policy.decide(create(Outcome.NOT_SENT, 0));
    assertThat(notSent.action()).isEqualTo(Action.RETRY);
    assertThat(notSent.outcomeUnknown()).isFalse();
    Decision limited = policy.decide(create(Outcome.ERROR_STATUS, 429));
    assertThat(limited.action()).isEqualTo(Action.RETRY);
    assertThat(limited.outcomeUnknown()).isFalse();
  }

  @Test
  void aVendorTransientErrorIsRetriedOnlyWithIdempotency() {
    assertThat(
            policy
                .decide(
                    attempt(Outcome.ERROR_STATUS, 409, true, null, 1, true, false, false, SECOND))
                .action())
        .isEqualTo(Action.RETRY);
    assertThat(
            policy
                .decide(
                    attempt(Outcome.ERROR_STATUS, 409, true, null, 1, false, false, false, SECOND))
                .action())
        .isEqualTo(Action.STOP);
  }

  @Test
  void anUnknownOutcomeIsSticky() {
    Decision d =
        policy.decide(
            attempt(Outcome.ERROR_STATUS, 404, false, null, 2, true, false, true, 60 * SECOND));
    assertThat(d.outcomeUnknown()).isTrue();
  }

  @Test
  void theServersWaitIsHonouredUpToTheLongestAllowedAndAnAbsurdOneStops() {
    Decision honoured =
        policy.decide(
            attempt(
                Outcome.ERROR_STATUS,
                429,
                false,
                Duration.ofSeconds(3),
                1,
                false,
                false,
                false,
                60 * SECOND));
    assertThat(honoured.delayNanos()).isEqualTo(3 * SECOND);
    Decision absurd =
        policy.decide(
            attempt(
                Outcome.ERROR_STATUS,
                429,
                false,
                Duration.ofSeconds(1_000_000_001L),
                1,
                false,
                false,
                false,
                60 * SECOND));
    assertThat(absurd.action()).isEqualTo(Action.STOP);
  }

  @Test
  void backoffDoublesUpToItsCapAndNeverPassesTheDeadline() {
    assertThat(policy.decide(create(Outcome.NOT_SENT, 0)).delayNanos())
        .isEqualTo(Duration.ofMillis(500).toNanos());
    Decision second =
        policy.decide(
            attempt(Outcome.NOT_SENT, 0, false, null, 2, false, false, false, 60 * SECOND));
    assertThat(second.delayNanos()).isEqualTo(Duration.ofMillis(1000).toNanos());
    Decision late =
        policy.decide(
            attempt(Outcome.NOT_SENT, 0, false, null, 1, false, false, false, SECOND / 10));
    assertThat(late.action()).isEqualTo(Action.STOP);
  }

  @Test
  void noRetryPastTheRetryBudget() {
    Decision d =
        policy.decide(
            attempt(Outcome.NOT_SENT, 0, false, null, 3, false, false, false, 60 * SECOND));
    assertThat(d.action()).isEqualTo(Action.STOP);
  }

  @Test
  void hugeDurationsSaturateInsteadOfOverflowing() {
    RetryPolicy huge =
        new RetryPolicy(
            5, Limits.MAX_DURATION, Limits.MAX_DURATION, Limits.MAX_DURATION, n -> n - 1);
    Decision d =
        huge.decide(
            attempt(Outcome.NOT_SENT, 0, false, null, 5, false, false, false, Long.MAX_VALUE));
    assertThat(d.delayNanos()).isEqualTo(Limits.MAX_DURATION.toNanos());
    assertThat(RetryPolicy.saturatedNanos(Duration.ofSeconds(Long.MAX_VALUE)))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(Backoff.ceilingNanos(20, Duration.ofDays(1), Duration.ofSeconds(Long.MAX_VALUE)))
        .isEqualTo(Long.MAX_VALUE);
  }
}
