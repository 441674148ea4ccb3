package io.payclient.core.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides what a failed attempt means: whether its outcome is unknown (the
 * request may have taken effect) and whether the call may be sent again, now, after a delay, or
 * only after reconciling. Pure: no sockets, no clock, no randomness of its own, so every rule is
 * unit-tested directly, and the sync and async paths of {@link HttpTransport} share it.
 *
 * <p>The rules (DESIGN §4):
 *
 * <ul>
 *   <li><b>The status decides, never the body.</b> A 408, 5xx, 1xx or 3xx is ambiguous whatever its
 *       body's size, shape or content; a 2xx whose body cannot be read probably took effect; a 4xx
 *       did not (unless an earlier attempt of the same call may have).
 *   <li>Not sent (connect failure): always retried. 429: retried, after the server's wait.
 *   <li>Ambiguous (no answer after sending, 408, 5xx) or a vendor-transient error: retried only
 *       when the call is idempotent (a GET, or a create with an idempotency key); a create without
 *       idempotency that has a reconciler is retried only after reconciling; otherwise not.
 *   <li>An unknown outcome is sticky: once an attempt may have taken effect, every later failure of
 *       the call reports {@code outcomeUnknown()}.
 *   <li>No retry past {@code maxRetries}, past the call's deadline, or when the server asks for a
 *       longer wait than {@code maxRetryDelay} (an absurd {@code Retry-After} means "do not
 *       retry").
 * </ul>
 */
public final class RetryPolicy {
  /** What became of one attempt. */
  public enum Outcome {
    /** The request provably never reached the server (connect failure, refused). */
    NOT_SENT,
    /** The request may have reached the server and no status came back (timeout, reset). */
    NO_ANSWER,
    /** A 2xx came back but its body could not be read (or was over the cap). */
    UNREADABLE_SUCCESS,
    /** An error status came back. */
    ERROR_STATUS
  }

  /** What to do next. */
  public enum Action {
    /** Send again after {@link Decision#delayNanos()}. */
    RETRY,
    /** Look for what the attempt created; send again after the delay only if nothing was found. */
    RECONCILE_THEN_RETRY,
    /** Stop: report the failure. */
    STOP
  }

  /**
   * The decision about one failed attempt.
   *
   * @param action what to do next
   * @param delayNanos the wait before the next attempt; 0 when stopping
   * @param outcomeUnknown whether the call may have taken effect (this attempt or an earlier one)
   */
  public record Decision(Action action, long delayNanos, boolean outcomeUnknown) {}

  /**
   * One failed attempt and the state of its call.
   *
   * @param outcome what became of the attempt
   * @param status the HTTP status, or 0 when none came back
   * @param vendorTransient whether the vendor's error parser calls the error transient
   * @param serverDelay the wait the server asked for ({@code Retry-After}…), or {@code null}
   * @param attempt the number of this attempt, 1 for the first
   * @param mayCreate whether the call can create something (not a GET)
   * @param idempotent whether sending the call twice cannot create two things
   * @param canReconcile whether the call has a reconciler (Lago creates)
   * @param earlierMayHaveTakenEffect whether an earlier attempt of the call may have taken effect
   * @param nowNanos the current {@link System#nanoTime()}
   * @param deadlineNanos the call's deadline on the same clock
   */
  public record Attempt(
      Outcome outcome,
      int status,
      boolean vendorTransient,
      @Nullable Duration serverDelay,
      int attempt,
      boolean mayCreate,
      boolean idempotent,
      boolean canReconcile,
      boolean earlierMayHaveTakenEffect,
      long nowNanos,
      long deadlineNanos) {
    /** Checks the fields. */
    public Attempt {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  private final int maxRetries;
  private final Duration maxRetryDelay;
  private final Duration backoffBase;
  private final Duration backoffCap;
  private final LongUnaryOperator random;

  /**
   * Creates a policy.
   *
   * @param maxRetries retries after the first attempt
   * @param maxRetryDelay the longest server-requested wait honoured
   * @param backoffBase the first backoff ceiling
   * @param backoffCap the largest backoff ceiling
   * @param random given a bound {@code n > 0}, a uniform value in {@code [0, n)}
   */
  public RetryPolicy(
      int maxRetries,
      Duration maxRetryDelay,
      Duration backoffBase,
      Duration backoffCap,
      LongUnaryOperator random) {
    this.maxRetries = maxRetries;
    this.maxRetryDelay = Objects.requireNonNull(maxRetryDelay);
    this.backoffBase = Objects.requireNonNull(backoffBase);
    this.backoffCap = Objects.requireNonNull(backoffCap);
    this.random = Objects.requireNonNull(random);
  }

  /**
   * Whether a status leaves the outcome of a request unknown: 408, every 5xx (and above), and the
   * statuses a payments API never answers with (1xx, 3xx: redirects are not followed), which say
   * nothing about whether the request was carried out. A 2xx succeeded; any other 4xx was refused.
   */
  public static boolean ambiguous(int status) {
    return status == 408 || status >= 500 || status < 200 || (status >= 300 && status < 400);
  }

  /** Whether the outcome of an attempt is unknown, by its class alone. */
  public static boolean outcomeUnknown(
      Outcome outcome, int status, boolean mayCreate, boolean earlierMayHaveTakenEffect) {
    if (earlierMayHaveTakenEffect) {
      return true;
    }
    if (!mayCreate) {
      return false;
    }
    return switch (outcome) {
      case NOT_SENT -> false;
      case NO_ANSWER, UNREADABLE_SUCCESS -> true;
      case ERROR_STATUS -> ambiguous(status);
    };
  }

  /** Decides what follows a failed attempt. */
  public Decision decide(Attempt a) {
    boolean unknown =
        outcomeUnknown(a.outcome(), a.status(), a.mayCreate(), a.earlierMayHaveTakenEffect());
    Action action = action(a);
    if (action == Action.STOP || a.attempt() > maxRetries) {
      return stop(unknown);
    }
    long delay;
    if (a.serverDelay() != null) {
      if (a.serverDelay().compareTo(maxRetryDelay) > 0) {
        return stop(unknown); // the server wants a longer wait than the caller allows
      }
      delay = saturatedNanos(a.serverDelay());
    } else {
      long ceiling = Backoff.ceilingNanos(a.attempt(), backoffBase, backoffCap);
      delay =
          ceiling <= 0 ? 0 : random.applyAsLong(ceiling == Long.MAX_VALUE ? ceiling : ceiling + 1);
    }
    if (delay >= a.deadlineNanos() - a.nowNanos()) {
      return stop(unknown); // the next attempt could not start before the deadline
    }
    return new Decision(action, delay, unknown);
  }

  private static Action action(Attempt a) {
    switch (a.outcome()) {
      case NOT_SENT:
        return Action.RETRY;
      case UNREADABLE_SUCCESS:
        return Action.STOP;
      case NO_ANSWER:
        return ambiguousAction(a);
      case ERROR_STATUS:
        if (a.status() == 429) {
          return Action.RETRY; // the server refused the request: nothing happened
        }
        if (ambiguous(a.status())) {
          return ambiguousAction(a);
        }
        return a.vendorTransient() && a.idempotent() ? Action.RETRY : Action.STOP;
    }
    return Action.STOP;
  }

  private static Action ambiguousAction(Attempt a) {
    if (a.idempotent()) {
      return Action.RETRY;
    }
    return a.canReconcile() ? Action.RECONCILE_THEN_RETRY : Action.STOP;
  }

  private static Decision stop(boolean unknown) {
    return new Decision(Action.STOP, 0, unknown);
  }

  /** A duration in nanoseconds, {@link Long#MAX_VALUE} when it does not fit. */
  public static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
