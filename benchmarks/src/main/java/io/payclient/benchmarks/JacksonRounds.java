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
    Map<String, String> a = Args.parse(args);
    Interleaved.Settings settings = Interleaved.Settings.of(a, 5);
    Properties p = settings.properties();
    String[] vendors =
        a.getOrDefault("vendors", String.join(",", JacksonBenchmark.TARGETS)).split(",");
    for (String vendor : vendors) {
      CreateBenchmark sdk = new CreateBenchmark();
      sdk.target = vendor;
      sdk.setUp();
      JacksonBenchmark jackson = new JacksonBenchmark();
      jackson.target = vendor;
      jackson.setUp();
      MoshiFloor floor = cannedFloor(vendor);
      Map<String, Interleaved.Op> ops = new LinkedHashMap<>();
      ops.put("sdk", sdk::create);
      ops.put("jackson", jackson::jacksonCreate);
      ops.put("floor", floor::create);
      try {
        Interleaved.Result m = Interleaved.measure(ops, settings);
        m.store(p, vendor);
        Interleaved.put(p, vendor + ".cpu.ratio", m.ratio("sdk", "jackson"));
        Interleaved.put(p, vendor + ".alloc.ratio", m.allocRatio("sdk", "jackson"));
        Interleaved.put(p, vendor + ".floorCpu.ratio", m.ratio("floor", "jackson"));
        Interleaved.put(p, vendor + ".floorAlloc.ratio", m.allocRatio("floor", "jackson"));
        Interleaved.put(p, vendor + ".overFloor.ratio", m.ratio("sdk", "floor"));
        System.out.printf(
            Locale.ROOT,
            "jackson rounds %s: sdk %.0f ns CPU, %.0f B; / hand-written: CPU %.2fx, allocation"
                + " %.2fx; Moshi floor / hand-written: CPU %.2fx, allocation %.2fx (medians of %d"
                + " rounds)%n",
            vendor,
            Interleaved.median(m.cpu().get("sdk")),
            Interleaved.median(m.alloc().get("sdk")),
            Interleaved.median(m.ratio("sdk", "jackson")),
            Interleaved.median(m.allocRatio("sdk", "jackson")),
            Interleaved.median(m.ratio("floor", "jackson")),
            Interleaved.median(m.allocRatio("floor", "jackson")),
            settings.rounds());
      } finally {
        sdk.tearDown();
      }
    }
    Interleaved.write(p, a.get("out"), "JacksonRounds");
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
