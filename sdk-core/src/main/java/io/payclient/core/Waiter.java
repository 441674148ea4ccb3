package io.payclient.core;

import io.payclient.core.PayClientException.Context;
import io.payclient.core.internal.Futures;
import io.payclient.core.internal.Limits;
import io.payclient.core.internal.NetworkText;
import io.payclient.core.internal.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The waiters of {@link PaymentsClient}, written once for every client: poll {@code retrieveAsync}
 * until the payment is terminal, with intervals that double from the first one up to {@link
 * #MAX_INTERVAL}, never past the timeout. Polls are scheduled on the SDK's scheduler thread, so no
 * thread is blocked per waiting call; the sync waiter blocks only its caller.
 *
 * <p>A rate limit ({@link RateLimitException}, after the retrieve's own retries) makes the next
 * poll wait at least its {@code Retry-After}; a server error or network failure is outlasted by
 * polling again; any other failure (not found, authentication, an unreadable answer) ends the wait
 * with that exception. At the timeout the poll in flight is cancelled and the wait fails with
 * {@link WaitTimeoutException}. Cancelling the returned future stops polling.
 */
final class Waiter {
  /** The first interval of {@link PaymentsClient#awaitTerminal(String, Duration)}. */
  static final Duration DEFAULT_FIRST_INTERVAL = Duration.ofSeconds(1);

  /** The longest interval between two polls (unless the first interval is longer). */
  static final Duration MAX_INTERVAL = Duration.ofSeconds(30);

  private final PaymentsClient client;
  private final PaymentsListener listener;
  private final String paymentId;
  private final Duration timeout;
  private final long deadlineNanos;
  private final long maxIntervalNanos;
  private final CompletableFuture<Payment> result = new CompletableFuture<>();
  private long intervalNanos;
  private volatile int polls;
  private volatile @Nullable Payment last;
  private volatile @Nullable Throwable lastFailure;
  private volatile @Nullable CompletableFuture<Payment> inFlight;
  private volatile @Nullable ScheduledFuture<?> nextPoll;

  private Waiter(
      PaymentsClient client,
      PaymentsListener listener,
      String paymentId,
      Duration timeout,
      Duration first) {
    this.client = client;
    this.listener = listener;
    this.paymentId = paymentId;
    this.timeout = timeout;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    this.intervalNanos = first.toNanos();
    this.maxIntervalNanos = Math.max(first.toNanos(), MAX_INTERVAL.toNanos());
  }

  /**
   * Starts waiting.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the timeout or interval is not over 0 and at most a day
   */
  static CompletableFuture<Payment> start(
      PaymentsClient client,
      String paymentId,
      Duration timeout,
      Duration firstInterval,
      PaymentsListener listener) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(paymentId, "paymentId");
    Limits.checkDuration(timeout, "timeout", false);
    Limits.checkDuration(firstInterval, "firstInterval", false);
    Waiter w = new Waiter(client, listener, paymentId, timeout, firstInterval);
    ScheduledFuture<?> deadline =
        Scheduler.SHARED.schedule(w::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    Futures.onComplete(
        w.result,
        (p, e) -> {
          deadline.cancel(false);
          w.stopPolling();
        });
    w.poll();
    return w.result;
  }

  /**
   * Waits on the calling thread for a waiter's future.
   *
   * @throws WaitTimeoutException at the timeout, or when the thread is interrupted
   * @throws PayClientException when a poll fails in a way waiting cannot outlast
   */
  static Payment join(PaymentsClient client, String paymentId, CompletableFuture<Payment> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new WaitTimeoutException(
          "Interrupted while waiting for payment " + shown(paymentId) + " to reach a final status",
          e,
          new Context(client.vendor(), null, 0),
          paymentId,
          null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    }
  }

  private void poll() {
    if (result.isDone()) {
      return;
    }
    polls++;
    CompletableFuture<Payment> f;
    try {
      f = client.retrieveAsync(paymentId);
    } catch (RuntimeException e) { // a PaymentsClient that throws instead of failing its future
      result.completeExceptionally(e);
      return;
    }
    inFlight = f;
    if (result.isDone()) {
      f.cancel(true); // cancelled or timed out while this poll was being sent
      return;
    }
    Futures.onComplete(f, this::onPolled);
  }

  private void onPolled(@Nullable Payment payment, @Nullable Throwable failure) {
    Throwable error = failure == null ? null : Futures.unwrap(failure);
    if (result.isDone()) {
      return;
    }
    int poll = polls;
    PaymentStatus seen = error == null && payment != null ? payment.status() : null;
    try {
      listener.waiterPolled(client.vendor(), paymentId, poll, seen);
    } catch (RuntimeException e) {
      System.getLogger("io.payclient")
          .log(System.Logger.Level.DEBUG, "PaymentsListener threw; ignored", e);
    }
    if (error == null && payment != null) {
      last = payment;
      if (payment.status().isTerminal()) {
        result.complete(payment);
      } else {
        scheduleNext(intervalNanos);
      }
    } else if (error instanceof RateLimitException rl) {
      lastFailure = rl;
      long wait = rl.retryAfter().map(d -> Math.max(0, saturatedNanos(d))).orElse(0L);
      scheduleNext(Math.max(intervalNanos, wait));
    } else if (error instanceof ServerException || error instanceof ConnectionException) {
      lastFailure = error;
      scheduleNext(intervalNanos);
    } else if (!(error instanceof CancellationException)) {
      result.completeExceptionally(
          error != null ? error : new IllegalStateException("retrieve returned no payment"));
    }
  }

  private void scheduleNext(long delayNanos) {
    intervalNanos = intervalNanos <= maxIntervalNanos / 2 ? intervalNanos * 2 : maxIntervalNanos;
    long left = deadlineNanos - System.nanoTime();
    if (delayNanos >= left) {
      return; // the deadline comes first: expire() ends the wait
    }
    nextPoll = Scheduler.SHARED.schedule(this::poll, delayNanos, TimeUnit.NANOSECONDS);
    if (result.isDone()) {
      stopPolling();
    }
  }

  private void expire() {
    Payment seen = last;
    String status = seen == null ? "no successful poll" : "last status " + seen.status();
    result.completeExceptionally(
        new WaitTimeoutException(
            "Payment "
                + shown(paymentId)
                + " did not reach a final status within "
                + timeout
                + " ("
                + status
                + ", "
                + polls
                + (polls == 1 ? " poll)" : " polls)"),
            lastFailure,
            new Context(client.vendor(), null, polls),
            paymentId,
            seen));
  }

  private void stopPolling() {
    ScheduledFuture<?> next = nextPoll;
    if (next != null) {
      next.cancel(false);
    }
    CompletableFuture<Payment> f = inFlight;
    if (f != null) {
      f.cancel(true);
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static String shown(String paymentId) {
    return NetworkText.cut(paymentId, 100);
  }
}
