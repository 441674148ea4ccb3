package io.payclient.benchmarks.loopback;

import java.util.Arrays;

/**
 * What one subject measured in one cell (mode and concurrency), summed over its rounds: every
 * call's latency, calls, wall time, caller-thread CPU, process CPU, and live threads.
 */
final class Stats {
  private long[] latencies = new long[1024];
  private int count;
  private boolean sorted;
  long calls;
  long latencySumNanos;
  long wallNanos;
  long callerCpuNanos;
  long processCpuNanos;

  /** Bytes the caller threads allocated (sync rounds only). */
  long callerAllocatedBytes;

  /** The highest live-thread count seen in a round, and the idle count before that round. */
  int peakThreads;

  int idleThreads;

  void add(long[] values, int n) {
    if (count + n > latencies.length) {
      latencies = Arrays.copyOf(latencies, Math.max(latencies.length * 2, count + n));
    }
    System.arraycopy(values, 0, latencies, count, n);
    for (int i = 0; i < n; i++) {
      latencySumNanos += values[i];
    }
    count += n;
    sorted = false;
  }

  void threads(int idle, int peak) {
    if (peak - idle > peakThreads - idleThreads) {
      peakThreads = peak;
      idleThreads = idle;
    }
  }

  /** The latency at quantile {@code q} (nearest rank), in microseconds. */
  double percentileMicros(double q) {
    if (count == 0) {
      return Double.NaN;
    }
    if (!sorted) {
      Arrays.sort(latencies, 0, count);
      sorted = true;
    }
    int rank = (int) Math.ceil(q * count);
    return latencies[Math.max(0, Math.min(count, rank) - 1)] / 1e3;
  }

  /** Calls actually in flight on average (Little's law: total latency over wall time). */
  double averageInFlight() {
    return (double) latencySumNanos / wallNanos;
  }

  double callsPerSecond() {
    return calls / (wallNanos / 1e9);
  }

  double callerCpuMicrosPerCall() {
    return callerCpuNanos / 1e3 / calls;
  }

  /** Bytes the caller threads allocated per call (sync rounds only). */
  double callerBytesPerCall() {
    return (double) callerAllocatedBytes / calls;
  }

  double processCpuMicrosPerCall() {
    return processCpuNanos / 1e3 / calls;
  }
}
