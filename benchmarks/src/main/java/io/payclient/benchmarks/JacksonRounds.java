package io.payclient.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Issue 19's item 2 on the canned transport, measured interleaved ({@link Interleaved}): per
 * vendor, PayClient's create ({@link CreateBenchmark#create}), the hand-written OkHttp + Jackson
 * integration's ({@link JacksonBenchmark#jacksonCreate}) and the Moshi floor on the same canned
 * OkHttp client (PayClient's own JSON writer and reader around a plain OkHttp call, nothing else of
 * the SDK) in one JVM, in rounds. Ratios are taken within each round; the figure is the median over
 * the rounds with the quartiles. Targets: PayClient's CPU ≤ 1.0× and its allocation ≤ 0.5× the
 * hand-written create's. The floor's allocation against the hand-written create's shows how much of
 * the allocation target any SDK built on OkHttp and Moshi can reach.
 *
 * <p>Arguments ({@code key=value}): {@code rounds} (default 30), {@code batchMillis} (default 40),
 * {@code warmupSeconds} (default 5 per vendor), {@code vendors} (default all three), {@code out} (a
 * properties file).
 */
public final class JacksonRounds {
  /** PayClient's CPU over the hand-written create's. */
  static final double CPU_TARGET = 1.0;

  /** PayClient's allocated bytes over the hand-written create's. */
  static final double ALLOC_TARGET = 0.5;

  private JacksonRounds() {}

  public static void main(String[] args) throws Exception {
    Interleaved.runCases(
        args,
        "vendors",
        JacksonBenchmark.TARGETS,
        5,
        3,
        JacksonRounds.class,
        JacksonRounds::measure);
  }

  private static void measure(String vendor, Interleaved.Settings settings, Properties p)
      throws Exception {
    CreateBenchmark sdk = new CreateBenchmark();
    sdk.target = vendor;
    sdk.setUp();
    try {
      JacksonBenchmark jackson = new JacksonBenchmark();
      jackson.target = vendor;
      jackson.setUp();
      MoshiFloor floor = cannedFloor(vendor);
      Map<String, Interleaved.Op> ops = new LinkedHashMap<>();
      ops.put("sdk", sdk::create);
      ops.put("jackson", jackson::jacksonCreate);
      ops.put("floor", floor::create);
      Interleaved.Result m = Interleaved.measure(ops, settings);
      m.store(p, vendor);
      double cpu = m.putRatio(p, vendor + ".cpu.ratio", "sdk", "jackson");
      double alloc = m.putAllocRatio(p, vendor + ".alloc.ratio", "sdk", "jackson");
      double floorCpu = m.putRatio(p, vendor + ".floorCpu.ratio", "floor", "jackson");
      double floorAlloc = m.putAllocRatio(p, vendor + ".floorAlloc.ratio", "floor", "jackson");
      m.putRatio(p, vendor + ".overFloor.ratio", "sdk", "floor");
      System.out.printf(
          Locale.ROOT,
          "jackson rounds %s: sdk %.0f ns CPU, %.0f B; / hand-written: CPU %.2fx, allocation"
              + " %.2fx; Moshi floor / hand-written: CPU %.2fx, allocation %.2fx (medians of %d"
              + " rounds)%n",
          vendor,
          Interleaved.median(m.cpu().get("sdk")),
          Interleaved.median(m.alloc().get("sdk")),
          cpu,
          alloc,
          floorCpu,
          floorAlloc,
          settings.rounds());
    } finally {
      sdk.tearDown();
    }
  }

  /** The Moshi floor on {@code vendor}'s canned transport (its URL, status and answer). */
  private static MoshiFloor cannedFloor(String vendor) throws Exception {
    MoshiFloor floor;
    try (Contender c = Contender.of(vendor)) { // its canned OkHttp client outlives the SDK client
      Canned.Sent sent = c.canned.capture(c::create);
      floor = new MoshiFloor(vendor, c.http(), sent.url(), c.canned.code());
    }
    floor.create(); // it reads a payment before anything is timed
    return floor;
  }
}
