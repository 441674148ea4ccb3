package io.payclient.benchmarks;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.core.Page;
import io.payclient.core.Payment;
import io.payclient.core.PaymentListParams;
import io.payclient.core.PaymentsClient;
import io.payclient.lago.LagoClient;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.testkit.FakeBillingrails;
import io.payclient.testkit.FakeLago;
import io.payclient.testkit.FakePaygentic;
import io.payclient.testkit.FakeServer;
import io.payclient.testkit.Fault;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Issue 19, item 5: listing with auto-pagination through many payments on a testkit fake, per
 * vendor, through the neutral client ({@code list(pageSize 100)}, then {@code autoPagingStream}):
 * lazily, and with the next page requested ahead ({@code autoPagingStream(true)}).
 *
 * <p>Per vendor and mode, after a warm-up pass: items per second over the whole list; wall time per
 * item in segments ({@code [1k, 10k)}, {@code [10k, 50k)}, {@code [50k, 100k)} of 100 000), whose
 * last over first is the flatness figure; and the heap in use after a full GC at the segment ends,
 * the most at a later one over the heap at the first (1 000 payments in), with the retained size of
 * one page (20 first pages held, divided by 20) as the unit. The clock stops while the heap is
 * measured. The fake runs in this JVM and holds the seeded payments from before the first
 * measurement, so the heap figures are the client's (and the fake's per-request work, which it does
 * not keep).
 *
 * <p>Then the case prefetching is for: a server that takes {@code latencyMillis} (default 20) to
 * answer each page (the fake's {@code Fault.delay}) and a caller that spends {@code workMicros}
 * (default 100) of CPU on each payment, through a fake of {@code latencyItems} (default 5000)
 * payments: payments per second, lazy and prefetching.
 *
 * <p>Arguments ({@code key=value}): {@code items} (default 100000), {@code rounds} (default 5: the
 * modes alternate, lazy first; the median of the rounds is reported; with 3, one segment slowed by
 * the machine in two rounds of three decided the flatness figure, which ranged from 0.95× to 1.36×
 * over six full runs of the same code), {@code vendors} (default all), {@code latencyMillis},
 * {@code workMicros}, {@code latencyItems}, {@code out} (a properties file).
 */
public final class ScaleRun {
  static final String[] VENDORS = {"lago", "billingrails", "paygentic"};
  static final String[] MODES = {"lazy", "prefetch"};
  private static final int PAGE = 100;
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  /** Targets: time per item over the last segment ≤ this × over the first. */
  static final double FLAT_TARGET = 1.2;

  /** Heap growth over the list ≤ this many pages (the current page and the one ahead). */
  static final double HEAP_PAGES_TARGET = 2.0;

  private ScaleRun() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Args.parse(args);
    int items = Integer.parseInt(a.getOrDefault("items", "100000"));
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "5"));
    int[] ends = {items / 100, items / 10, items / 2, items};
    Properties p = new Properties();
    p.setProperty("items", Integer.toString(items));
    p.setProperty("rounds", Integer.toString(rounds));
    p.setProperty("page", Integer.toString(PAGE));
    for (int i = 0; i < ends.length; i++) {
      p.setProperty("end." + i, Integer.toString(ends[i]));
    }
    for (String vendor : a.getOrDefault("vendors", String.join(",", VENDORS)).split(",")) {
      try (Fixture f = Fixture.of(vendor, items)) {
        pass(f.client, Math.min(items, 20_000), false, ends, null); // warm-up, both paths
        pass(f.client, Math.min(items, 20_000), true, ends, null);
        long pageBytes = pageBytes(f.client);
        p.setProperty(vendor + ".pageBytes", Long.toString(pageBytes));
        for (String mode : MODES) {
          double[] perSecond = new double[rounds];
          double[][] nsPerItem = new double[rounds][];
          long[] heapGrowth = new long[rounds];
          for (int r = 0; r < rounds; r++) {
            Measured m = new Measured(ends.length);
            pass(f.client, items, mode.equals("prefetch"), ends, m);
            perSecond[r] = items / (m.wallNanos / 1e9);
            nsPerItem[r] = m.nsPerItem(ends);
            heapGrowth[r] = m.heapGrowth();
          }
          String k = vendor + "." + mode;
          Interleaved.put(p, k + ".perSecond", perSecond);
          for (int s = 1; s < ends.length; s++) {
            double[] seg = new double[rounds];
            for (int r = 0; r < rounds; r++) {
              seg[r] = nsPerItem[r][s];
            }
            Interleaved.put(p, k + ".segment." + s + ".nsPerItem", seg);
          }
          double[] flat = new double[rounds];
          double[] heapPages = new double[rounds];
          for (int r = 0; r < rounds; r++) {
            flat[r] = nsPerItem[r][ends.length - 1] / nsPerItem[r][1];
            heapPages[r] = (double) heapGrowth[r] / pageBytes;
          }
          Interleaved.put(p, k + ".flat", flat);
          Interleaved.put(p, k + ".heapPages", heapPages);
          System.out.printf(
              Locale.ROOT,
              "scale %s %s: %,.0f payments/s; time per item, last / first segment %.2f; heap"
                  + " growth %.2f pages of %,d B (medians of %d rounds)%n",
              vendor,
              mode,
              Interleaved.median(perSecond),
              Interleaved.median(flat),
              Interleaved.median(heapPages),
              pageBytes,
              rounds);
        }
      }
    }
    int latencyMillis = Integer.parseInt(a.getOrDefault("latencyMillis", "20"));
    int workMicros = Integer.parseInt(a.getOrDefault("workMicros", "100"));
    int latencyItems = Integer.parseInt(a.getOrDefault("latencyItems", "5000"));
    p.setProperty("latencyMillis", Integer.toString(latencyMillis));
    p.setProperty("workMicros", Integer.toString(workMicros));
    p.setProperty("latencyItems", Integer.toString(latencyItems));
    for (String vendor : a.getOrDefault("vendors", String.join(",", VENDORS)).split(",")) {
      try (Fixture f = Fixture.of(vendor, latencyItems)) {
        int pages = (latencyItems + PAGE - 1) / PAGE;
        for (String mode : MODES) {
          double[] perSecond = new double[rounds];
          for (int r = 0; r < rounds; r++) {
            Fault[] delays = new Fault[pages];
            Arrays.fill(delays, Fault.delay(Duration.ofMillis(latencyMillis)));
            f.fake.failNext(delays); // one per page request: the list ends on its last page
            long start = System.nanoTime();
            working(f.client, latencyItems, mode.equals("prefetch"), workMicros);
            perSecond[r] = latencyItems / ((System.nanoTime() - start) / 1e9);
          }
          Interleaved.put(p, vendor + ".latency." + mode + ".perSecond", perSecond);
          System.out.printf(
              Locale.ROOT,
              "scale %s %s, %d ms per page and %d µs of work per payment: %,.0f payments/s%n",
              vendor,
              mode,
              latencyMillis,
              workMicros,
              Interleaved.median(perSecond));
        }
      }
    }
    String out = a.get("out");
    if (out != null) {
      Interleaved.write(p, out, "ScaleRun");
    }
  }

  /** What one measured pass saw. */
  private static final class Measured {
    final long[] wallAt;
    final long[] heapAt;
    long wallNanos;

    Measured(int checkpoints) {
      wallAt = new long[checkpoints];
      heapAt = new long[checkpoints];
    }

    /**
     * The most heap in use at a later checkpoint over the heap at the first: what grows with the
     * number of payments listed (the first checkpoint, ten pages in, has the one-time state of a
     * list: connection, buffers, Okio's segment pool).
     */
    long heapGrowth() {
      long max = heapAt[1];
      for (int i = 2; i < heapAt.length; i++) {
        max = Math.max(max, heapAt[i]);
      }
      return max - heapAt[0];
    }

    /** Wall nanoseconds per item in each segment; [0] is the first checkpoint's. */
    double[] nsPerItem(int[] ends) {
      double[] out = new double[ends.length];
      out[0] = (double) wallAt[0] / ends[0];
      for (int i = 1; i < ends.length; i++) {
        out[i] = (double) (wallAt[i] - wallAt[i - 1]) / (ends[i] - ends[i - 1]);
      }
      return out;
    }
  }

  /**
   * Lists {@code items} payments and consumes each (its id's length); with {@code m}, records the
   * wall time at each checkpoint (the clock stopped while the heap is measured there).
   */
  private static void pass(
      PaymentsClient client, int items, boolean prefetch, int[] ends, Measured m) {
    long excluded = 0;
    long start = System.nanoTime();
    Iterator<Payment> it =
        client
            .list(PaymentListParams.builder().pageSize(PAGE).build())
            .autoPagingIterable(prefetch)
            .iterator();
    int n = 0;
    int checkpoint = 0;
    int sink = 0;
    while (n < items && it.hasNext()) {
      sink += it.next().id().length();
      n++;
      if (m != null && checkpoint < ends.length && n == ends[checkpoint]) {
        long now = System.nanoTime();
        m.wallAt[checkpoint] = now - start - excluded;
        m.heapAt[checkpoint] = heapAfterGc();
        excluded += System.nanoTime() - now;
        checkpoint++;
      }
    }
    if (n < items) {
      throw new IllegalStateException("listed " + n + " payments, expected " + items);
    }
    if (m != null) {
      m.wallNanos = m.wallAt[ends.length - 1];
    }
    Interleaved.sink = sink;
  }

  /** Lists every payment, spending {@code workMicros} of CPU on each, as a caller's own work. */
  private static void working(PaymentsClient client, int items, boolean prefetch, int workMicros) {
    int n = 0;
    int sink = 0;
    for (Payment payment :
        client
            .list(PaymentListParams.builder().pageSize(PAGE).build())
            .autoPagingIterable(prefetch)) {
      sink += payment.id().length();
      long until = System.nanoTime() + workMicros * 1000L;
      while (System.nanoTime() < until) {
        sink++;
      }
      n++;
    }
    if (n != items) {
      throw new IllegalStateException("listed " + n + " payments, expected " + items);
    }
    Interleaved.sink = sink;
  }

  /**
   * The retained size of one page of {@link #PAGE} neutral payments: 20 held, divided by 20. The
   * client's one-time state (a connection, buffers, Okio's segment pool) is made by a first list
   * before anything is measured, and the measure is taken 3 times, the median kept: one heap
   * reading after a full GC can be off by a page or more (once, in a full run, with and without
   * differed by nothing, and every growth was then divided by 1 byte).
   *
   * @throws IllegalStateException if no measure sees the pages at all
   */
  private static long pageBytes(PaymentsClient client) {
    Interleaved.sink =
        client.list(PaymentListParams.builder().pageSize(PAGE).build()).items().size();
    List<Long> sizes = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      long without = heapAfterGc();
      List<Page<Payment>> pages = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        pages.add(client.list(PaymentListParams.builder().pageSize(PAGE).build()));
      }
      long with = heapAfterGc();
      Interleaved.sink = pages.size();
      sizes.add((with - without) / pages.size());
    }
    Collections.sort(sizes);
    long median = sizes.get(1);
    if (median <= 0) {
      throw new IllegalStateException("the heap did not show 20 pages held: " + sizes + " B/page");
    }
    return median;
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  /** A started fake holding {@code items} seeded payments, and a neutral client of it. */
  private record Fixture(FakeServer fake, PaymentsClient client) implements AutoCloseable {
    static Fixture of(String vendor, int items) {
      return switch (vendor) {
        case "lago" -> {
          FakeLago fake = FakeLago.start();
          fake.seedPayments(fake.seedInvoice("EUR", 10_000), items);
          yield new Fixture(
              fake, LagoClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build());
        }
        case "billingrails" -> {
          FakeBillingrails fake = FakeBillingrails.start();
          fake.seedPayments("acc_scale", items);
          yield new Fixture(
              fake,
              BillingrailsClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build());
        }
        case "paygentic" -> {
          FakePaygentic fake = FakePaygentic.start();
          fake.seedPayments(items);
          yield new Fixture(
              fake,
              PaygenticClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build());
        }
        default -> throw new IllegalArgumentException("unknown vendor " + vendor);
      };
    }

    @Override
    public void close() throws Exception {
      client.close();
      fake.close();
    }
  }
}
