package io.payclient.core.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Not API: the one daemon thread that schedules async retries, deadlines and waiter polls. It only
 * starts work (an OkHttp call, a future's completion); it never runs I/O or blocks.
 */
public final class Scheduler {
  /** The shared scheduler. */
  public static final ScheduledExecutorService SHARED = create();

  private Scheduler() {}

  private static ScheduledExecutorService create() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "payclient-retry-scheduler");
              t.setDaemon(true);
              return t;
            });
    // Every async call schedules its deadline and cancels it when it ends: cancelled timers
    // leave the queue at once instead of waiting there for their time.
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
