package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final Deadlines deadlines = new Deadlines(scheduler);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  /** A watched call that records when it was expired. */
  private static final class Call implements Deadlines.Watched {
    final long deadline;
    final AtomicLong expiredAt = new AtomicLong();
    final AtomicInteger expiries = new AtomicInteger();
    final CountDownLatch expired = new CountDownLatch(1);

    Call(long fromNowMillis) {
      this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(fromNowMillis);
    }

    @Override
    public long deadlineNanos() {
      return deadline;
    }

    @Override
    public void expire() {
      expiredAt.set(System.nanoTime());
      expiries.incrementAndGet();
      expired.countDown();
    }

    boolean awaitExpiry(long millis) throws InterruptedException {
      return expired.await(millis, TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void aCallIsExpiredOnceAtItsDeadlineAndNotBefore() throws Exception {
    Call c = new Call(150);
    deadlines.watch(c);
    assertThat(c.awaitExpiry(5000)).isTrue();
    assertThat(c.expiredAt.get() - c.deadline).isNotNegative();
    Thread.sleep(100);
    assertThat(c.expiries.get()).isEqualTo(1);
    assertThat(deadlines.unwatch(c)).as("already gone when expired").isFalse();
    assertThat(deadlines.size()).isZero();
  }

  @Test
  void anUnwatchedCallIsNeverExpired() throws Exception {
    Call c = new Call(100);
    deadlines.watch(c);
    assertThat(deadlines.unwatch(c)).isTrue();
    assertThat(c.awaitExpiry(400)).isFalse();
    assertThat(deadlines.size()).isZero();
  }

  @Test
  void aPassedDeadlineIsExpiredAtOnce() throws Exception {
    Call c = new Call(-10);
    deadlines.watch(c);
    assertThat(c.awaitExpiry(2000)).isTrue();
  }

  @Test
  void anEarlierDeadlineWatchedAfterALaterOneIsExpiredAtItsOwnTime() throws Exception {
    Call late = new Call(60_000);
    Call early = new Call(150);
    deadlines.watch(late);
    deadlines.watch(early); // plans a scan earlier than the one planned for the late call
    assertThat(early.awaitExpiry(5000)).isTrue();
    assertThat(late.expiries.get()).isZero();
    assertThat(deadlines.size()).isEqualTo(1);
    // The late call is still watched: its scan is planned after the early one ran.
    assertThat(deadlines.unwatch(late)).isTrue();
  }

  @Test
  void callsWatchedAfterAScanAreExpiredByTheNextOne() throws Exception {
    Call first = new Call(100);
    deadlines.watch(first);
    assertThat(first.awaitExpiry(5000)).isTrue();
    Call second = new Call(100);
    Call third = new Call(300);
    deadlines.watch(third);
    deadlines.watch(second);
    assertThat(second.awaitExpiry(5000)).isTrue();
    assertThat(third.awaitExpiry(5000)).isTrue();
    assertThat(third.expiredAt.get() - third.deadline).isNotNegative();
  }

  @Test
  void anExpiryThatThrowsStopsNeitherTheOthersNorLaterScans() throws Exception {
    Deadlines.Watched bad =
        new Deadlines.Watched() {
          final long deadline = System.nanoTime();

          @Override
          public long deadlineNanos() {
            return deadline;
          }

          @Override
          public void expire() {
            throw new IllegalStateException("boom");
          }
        };
    Call good = new Call(50);
    deadlines.watch(bad);
    deadlines.watch(good);
    assertThat(good.awaitExpiry(5000)).isTrue();
    Call later = new Call(100);
    deadlines.watch(later);
    assertThat(later.awaitExpiry(5000)).isTrue();
  }

  @Test
  void manyThreadsWatchingAndUnwatchingLoseNoDeadline() throws Exception {
    int threads = 8;
    int perThread = 2000;
    List<Call> shortOnes = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Call> ended = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      Thread w =
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  // Mostly calls that end long before their deadline; every 50th one does not
                  // end, with a deadline that differs from the others' (earlier or later).
                  boolean ends = (i + seed) % 50 != 0;
                  Call c = new Call(ends ? 60_000 : 20 + (i * 7L + seed * 13L) % 300);
                  deadlines.watch(c);
                  if (ends) {
                    assertThat(deadlines.unwatch(c)).isTrue();
                    ended.add(c);
                  } else {
                    shortOnes.add(c);
                  }
                }
              });
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    for (Call c : shortOnes) {
      assertThat(c.awaitExpiry(5000)).as("expired").isTrue();
      assertThat(c.expiredAt.get() - c.deadline).isNotNegative();
      assertThat(c.expiries.get()).isEqualTo(1);
    }
    assertThat(shortOnes).hasSize(threads * perThread / 50);
    assertThat(ended).allSatisfy(c -> assertThat(c.expiries.get()).isZero());
    assertThat(deadlines.size()).isZero();
  }
}
