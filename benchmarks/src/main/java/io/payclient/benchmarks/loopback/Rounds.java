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
 *   <li>Async: driver threads keep {@code n} calls in flight (a shared semaphore of {@code n}
 *       permits; {@link Loopback#drivers} threads, so that issuing calls keeps up with their
 *       completions at 256); latency runs from before the call to its completion callback. The
 *       OkHttp dispatcher's idle threads are retired first, so the live-thread peak shows the
 *       threads the round needed.
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
   * One async round keeping {@code inFlight} calls in flight for {@code nanos}, issued by {@code
   * drivers} threads sharing the permits; null stats: warm-up. The driver threads are started and
   * parked before the idle thread count is taken, so they do not count as the round's threads.
   */
  void async(Subject subject, int inFlight, int drivers, long nanos, Stats stats) throws Exception {
    retireIdleDispatcherThreads();
    Semaphore permits = new Semaphore(inFlight);
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch ready = new CountDownLatch(drivers);
    CountDownLatch go = new CountDownLatch(1);
    long[] driverCpu = new long[drivers];
    long[] end = new long[1];
    Thread[] threads = new Thread[drivers];
    for (int i = 0; i < drivers; i++) {
      int me = i;
      threads[i] =
          new Thread(
              () -> {
                ready.countDown();
                try {
                  go.await();
                  long cpu0 = THREADS.getCurrentThreadCpuTime();
                  drive(subject, permits, done, failure, end[0]);
                  driverCpu[me] = THREADS.getCurrentThreadCpuTime() - cpu0;
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "loopback-driver-" + i);
      threads[i].start();
    }
    ready.await();
    THREADS.resetPeakThreadCount();
    int idle = THREADS.getThreadCount();
    long process0 = OS.getProcessCpuTime();
    long wall0 = System.nanoTime();
    end[0] = wall0 + nanos;
    go.countDown(); // publishes end[0]
    for (Thread t : threads) {
      t.join(TimeUnit.NANOSECONDS.toMillis(nanos) + 120_000);
      if (t.isAlive()) {
        throw new IllegalStateException(subject.label + ": a driver thread is stuck");
      }
    }
    if (!permits.tryAcquire(inFlight, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(subject.label + ": calls still in flight after 60 s");
    }
    long wall = System.nanoTime() - wall0;
    long process = OS.getProcessCpuTime() - process0;
    int peak = THREADS.getPeakThreadCount();
    rethrow(subject, failure.get());
    if (stats != null) {
      int n = done.get();
      stats.add(asyncLatencies, Math.min(n, ASYNC_CAPACITY));
      stats.calls += n;
      for (long c : driverCpu) {
        stats.callerCpuNanos += c;
      }
      stats.wallNanos += wall;
      stats.processCpuNanos += process;
      stats.threads(idle, peak);
    }
  }

  /** One driver's loop: a call per permit until {@code end}; completions release the permits. */
  private void drive(
      Subject subject,
      Semaphore permits,
      AtomicInteger done,
      AtomicReference<Throwable> failure,
      long end)
      throws InterruptedException {
    while (failure.get() == null && System.nanoTime() - end < 0) {
      if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException(subject.label + ": no call completed in 60 s");
      }
      long t0 = System.nanoTime();
      CompletableFuture<?> unused = // the callback records every failure itself
          subject
              .callAsync()
              .whenComplete(
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
                    permits.release();
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
