package io.payclient.core.internal;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Not API: the deadlines of the calls in progress, enforced by scans on the shared scheduler's
 * thread ({@link Scheduler}).
 *
 * <p>A call's deadline used to be an OkHttp call timeout per attempt (an Okio {@code AsyncTimeout}:
 * a lock and a priority queue entered and left by every attempt) and, for an async call, a timer
 * scheduled and cancelled per call as well. That cost about 5% of a create's CPU at 16 callers on
 * loopback, and about a fifth on the canned transport, where calls made one after another each woke
 * Okio's watchdog thread (measured when it was replaced; CHANGELOG.md). Here, watching a call is an
 * insert into a concurrent set and unwatching it a removal; nothing is scheduled per call. One scan
 * is planned for the earliest deadline seen: it expires the calls whose deadline has passed and
 * plans the next scan for the earliest of those left. A call whose deadline is earlier than the
 * planned scan (a shorter per-call timeout) plans an earlier scan. With calls of one timeout, a
 * scan runs about once per timeout, whatever the rate of calls.
 *
 * <p>A call is expired at its deadline or a little after it (the scheduler's precision), never
 * before. {@link Watched#expire()} runs on the scheduler's thread; it must not block. Thread-safe.
 */
public final class Deadlines {
  private static final System.Logger LOG = System.getLogger("io.payclient.transport");

  /** The deadlines of every client in this JVM (their calls share one scan). */
  public static final Deadlines SHARED = new Deadlines(Scheduler.SHARED);

  /** What is watched: a deadline, and what to do when it passes. */
  public interface Watched {
    /** The deadline, on the {@link System#nanoTime()} clock. */
    long deadlineNanos();

    /**
     * The deadline passed: stop the call. Called at most once, on the scheduler's thread, and not
     * after {@link #unwatch}; an exception it throws is logged and ignored.
     */
    void expire();
  }

  /** A planned scan: its time on the {@link System#nanoTime()} clock, and its task once known. */
  private static final class Plan {
    final long atNanos;
    volatile @Nullable ScheduledFuture<?> task;

    Plan(long atNanos) {
      this.atNanos = atNanos;
    }
  }

  private final ScheduledExecutorService scheduler;
  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();

  /** The earliest scan planned, or {@code null} if none is. */
  private final AtomicReference<@Nullable Plan> planned = new AtomicReference<>();

  /** Deadlines enforced on {@code scheduler}'s thread (tests give their own). */
  Deadlines(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Watches {@code w} until {@link #unwatch}: if its deadline passes first, {@code w.expire()} is
   * called. A deadline already passed is expired at once (on the scheduler's thread).
   */
  public void watch(Watched w) {
    watched.add(w);
    plan(w.deadlineNanos());
  }

  /**
   * Stops watching {@code w}.
   *
   * @return whether {@code w} was still watched ({@code false} once it has been expired)
   */
  public boolean unwatch(Watched w) {
    return watched.remove(w);
  }

  /** How many calls are watched (for tests). */
  int size() {
    return watched.size();
  }

  /** Makes sure a scan runs at {@code atNanos} or earlier. */
  private void plan(long atNanos) {
    while (true) {
      Plan p = planned.get();
      if (p != null && p.atNanos - atNanos <= 0) {
        return; // an earlier (or the same) scan will see the call
      }
      Plan mine = new Plan(atNanos);
      if (planned.compareAndSet(p, mine)) {
        long delay = Math.max(0, atNanos - System.nanoTime());
        mine.task = scheduler.schedule(() -> scan(mine), delay, TimeUnit.NANOSECONDS);
        ScheduledFuture<?> later = p == null ? null : p.task;
        if (later != null) {
          later.cancel(false); // superseded (if it is already running, it scans once more)
        }
        return;
      }
    }
  }

  /**
   * Expires what is due and plans the next scan. A call watched while this runs is either seen here
   * or plans its own scan: {@link #watch} adds before it reads {@link #planned}, and this clears
   * {@link #planned} before it reads the set.
   */
  private void scan(Plan self) {
    planned.compareAndSet(self, null); // a scan planned since (an earlier one) stays planned
    long now = System.nanoTime();
    boolean any = false;
    long next = 0;
    for (Watched w : watched) {
      long deadline = w.deadlineNanos();
      if (deadline - now <= 0) {
        if (watched.remove(w)) {
          expire(w);
        }
      } else if (!any || deadline - next < 0) {
        any = true;
        next = deadline;
      }
    }
    if (any) {
      plan(next);
    }
  }

  private static void expire(Watched w) {
    try {
      w.expire();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Expiring a call at its deadline failed; ignored", e);
    }
  }
}
