package io.payclient.benchmarks.loopback;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one timed round of one subject and adds what it measured to a {@link Stats}.
 *
 * <ul>
 *   <li>Sync: {@code n} caller threads, started and parked before the clock starts, each calling in
 *       a loop until the round ends; each thread times every call with {@link System#nanoTime} and
 *       reads its own CPU time before and after.
 *   <li>Async: {@code n} chains of calls, each issuing its next call from the completion callback
 *       of its last, keep {@code n} calls in flight (closed loop); latency runs from before the
 *       call to its completion callback. The OkHttp dispatcher's idle threads are retired first, so
 *       the live-thread peak shows the threads the round needed.
 * </ul>
 *
 * Process CPU time covers the whole round (all client threads, GC and JIT included); the server
 * runs in another process.
 */
final class Rounds {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Latencies of one async round; completions beyond this are counted but not timed. */
  private static final int ASYNC_CAPACITY = 1 << 21;

  private final ThreadPoolExecutor dispatcherThreads;
  private final long[] asyncLatencies = new long[ASYNC_CAPACITY];

  /**
   * @param dispatcherThreads the executor behind the shared OkHttp dispatcher
   */
  Rounds(ThreadPoolExecutor dispatcherThreads) {
    this.dispatcherThreads = dispatcherThreads;
    if (!THREADS.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
  }

  /** One sync round of {@code threads} callers for {@code nanos}; null stats: warm-up only. */
  void sync(Subject subject, int threads, long nanos, Stats stats) throws Exception {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long[] cpu = new long[threads];
    long[] allocated = new long[threads];
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    long[] deadline = new long[1];
    Thread[] workers = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      int me = i;
      workers[i] =
          new Thread(
              () -> {
                long[] lat = new long[4096];
                int n = 0;
                ready.countDown();
                try {
                  go.await();
                  long cpu0 = THREADS.getCurrentThreadCpuTime();
                  long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
                  long end = deadline[0];
                  while (failure.get() == null) {
                    long t0 = System.nanoTime();
                    if (t0 - end >= 0) {
                      break;
                    }
                    subject.call();
                    long d = System.nanoTime() - t0;
                    if (n == lat.length) {
                      lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = d;
                  }
                  cpu[me] = THREADS.getCurrentThreadCpuTime() - cpu0;
                  allocated[me] = THREADS.getCurrentThreadAllocatedBytes() - bytes0;
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
                latencies[me] = lat;
                counts[me] = n;
              },
              "loopback-caller-" + i);
      workers[i].start();
    }
    ready.await();
    long process0 = OS.getProcessCpuTime();
    long wall0 = System.nanoTime();
    deadline[0] = wall0 + nanos;
    go.countDown(); // publishes deadline[0]
    for (Thread w : workers) {
      w.join(TimeUnit.NANOSECONDS.toMillis(nanos) + 120_000);
      if (w.isAlive()) {
        throw new IllegalStateException(subject.label + ": a caller thread is stuck");
      }
    }
    long wall = System.nanoTime() - wall0;
    long process = OS.getProcessCpuTime() - process0;
    rethrow(subject, failure.get());
    if (stats != null) {
      for (int i = 0; i < threads; i++) {
        stats.add(latencies[i], counts[i]);
        stats.calls += counts[i];
        stats.callerCpuNanos += cpu[i];
        stats.callerAllocatedBytes += allocated[i];
      }
      stats.wallNanos += wall;
      stats.processCpuNanos += process;
    }
  }

  /**
   * One async round keeping {@code inFlight} calls in flight for {@code nanos}; null stats:
   * warm-up. The round is closed-loop: {@code inFlight} chains are started, and each chain issues
   * its next call from the completion callback of its last (as an application chaining async calls
   * does), until the round ends. So every contender keeps {@code inFlight} calls in flight whatever
   * its calls cost to issue, and no thread of the harness's own competes for the cores. (Driver
   * threads re-issuing on freed permits could not: sharing 2 cores with 64 dispatcher threads, the
   * ones issuing PayClient's calls, which validate and serialize on the calling thread, kept
   * 0.67–0.89× raw OkHttp's calls in flight at 256, from run to run.)
   */
  void async(Subject subject, int inFlight, long nanos, Stats stats) throws Exception {
    retireIdleDispatcherThreads();
    THREADS.resetPeakThreadCount();
    int idle = THREADS.getThreadCount();
    long process0 = OS.getProcessCpuTime();
    long wall0 = System.nanoTime();
    Chains chains = new Chains(subject, wall0 + nanos);
    for (int i = 0; i < inFlight && chains.failure.get() == null; i++) {
      chains.issue();
    }
    long waitMillis = TimeUnit.NANOSECONDS.toMillis(nanos) + 60_000;
    if (!chains.stopped.tryAcquire(inFlight, waitMillis, TimeUnit.MILLISECONDS)) {
      rethrow(subject, chains.failure.get());
      throw new IllegalStateException(subject.label + ": calls still in flight 60 s after the end");
    }
    long wall = System.nanoTime() - wall0;
    long process = OS.getProcessCpuTime() - process0;
    int peak = THREADS.getPeakThreadCount();
    rethrow(subject, chains.failure.get());
    if (stats != null) {
      int n = chains.done.get();
      stats.add(asyncLatencies, Math.min(n, ASYNC_CAPACITY));
      stats.calls += n;
      stats.wallNanos += wall;
      stats.processCpuNanos += process;
      stats.threads(idle, peak);
    }
  }

  /** The chains of one async round: each issues its next call when its last completes. */
  private final class Chains {
    final Subject subject;
    final long end;
    final AtomicInteger done = new AtomicInteger();
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** A permit per chain that has stopped (the round ended, or a call failed). */
    final Semaphore stopped = new Semaphore(0);

    Chains(Subject subject, long end) {
      this.subject = subject;
      this.end = end;
    }

    /**
     * Issues one call whose completion issues the next, or stops this chain. A failure stops every
     * chain, so a call that fails at once cannot recurse.
     */
    void issue() {
      if (failure.get() != null || System.nanoTime() - end >= 0) {
        stopped.release();
        return;
      }
      long t0 = System.nanoTime();
      CompletableFuture<?> call;
      try {
        call = subject.callAsync();
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
        stopped.release();
        return;
      }
      CompletableFuture<?> unused = // the callback records every failure itself
          call.whenComplete(
              (v, e) -> {
                long d = System.nanoTime() - t0;
                if (e != null) {
                  failure.compareAndSet(null, e);
                } else {
                  int i = done.getAndIncrement();
                  if (i < ASYNC_CAPACITY) {
                    asyncLatencies[i] = d;
                  }
                }
                issue();
              });
    }
  }

  /**
   * Lets the dispatcher's idle threads (kept 60 s by OkHttp) exit, then restores OkHttp's
   * keep-alive, so that threads from an earlier round do not hide or inflate this round's.
   */
  private void retireIdleDispatcherThreads() throws InterruptedException {
    dispatcherThreads.setKeepAliveTime(1, TimeUnit.MILLISECONDS); // interrupts idle workers
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (dispatcherThreads.getPoolSize() > 0 && System.nanoTime() - until < 0) {
      Thread.sleep(2);
    }
    dispatcherThreads.setKeepAliveTime(60, TimeUnit.SECONDS);
    Thread.sleep(20); // let exiting threads finish dying before the idle count
  }

  private static void rethrow(Subject subject, Throwable failure) {
    if (failure != null) {
      throw new IllegalStateException(subject.label + " failed: " + failure, failure);
    }
  }
}
