package io.payclient.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Issue 17's CPU target, measured interleaved (A B A B, as issue 19 asks of every ratio): in one
 * JVM, per vendor, the clients of every {@link InstrumentationBenchmark} listener variant and
 * {@link OtelFloorBenchmark}'s telemetry run in rounds; in each round every variant runs one batch
 * of operations (the order rotated from round to round), and each batch is measured by the calling
 * thread's CPU time and allocated bytes ({@link com.sun.management.ThreadMXBean}). The ratios of a
 * round compare batches run within a fraction of a second of each other, so a slow minute of a
 * shared machine weighs on both sides of a ratio; the figure is the median over the rounds, with
 * the quartiles. JMH's separate forks, minutes apart, measured the very same code path (the {@code
 * OpenTelemetry.noop()} listener is the listener-less client) up to 1.45× apart on this machine.
 *
 * <p>The variants share the JVM, so the listener call sites see several listener classes (a real
 * application has one); the listener-less path does not call a listener at all.
 *
 * <p>Arguments ({@code key=value}): {@code rounds} (default 30), {@code batchMillis} (CPU time per
 * batch, default 40), {@code warmupSeconds} (default 15 per vendor), {@code targets} (default all
 * three), {@code out} (a properties file).
 */
public final class InstrumentationRounds {
  /** The variants, in the order the report shows them: the listeners, then OTel's floor. */
  static final List<String> VARIANTS;

  static {
    List<String> v = new ArrayList<>(Arrays.asList(InstrumentationBenchmark.LISTENERS));
    v.add("otelFloor");
    VARIANTS = List.copyOf(v);
  }

  private InstrumentationRounds() {}

  public static void main(String[] args) throws Exception {
    Interleaved.runCases(
        args,
        "targets",
        InstrumentationBenchmark.TARGETS,
        15,
        1,
        InstrumentationRounds.class,
        InstrumentationRounds::measure);
  }

  private static void measure(String target, Interleaved.Settings settings, Properties p)
      throws Exception {
    List<AutoCloseable> resources = new ArrayList<>();
    Map<String, Interleaved.Op> ops = new LinkedHashMap<>();
    try {
      for (String l : InstrumentationBenchmark.LISTENERS) {
        Contender c =
            Contender.instrumented(target, InstrumentationBenchmark.listener(l, target, resources));
        resources.add(c);
        ops.put(l, c::create);
      }
      OtelFloorBenchmark floor = new OtelFloorBenchmark();
      floor.target = target;
      floor.setUp();
      resources.add(floor::tearDown);
      ops.put("otelFloor", floor::otelFloor);

      Interleaved.Result m = Interleaved.measure(ops, settings);
      m.store(p, target);
      Map<String, Double> ratios = new LinkedHashMap<>();
      for (String n : ops.keySet()) {
        ratios.put(n, m.putRatio(p, target + "." + n + ".ratio", n, "none"));
      }
      // PayClient's share of the OTel SDK create: what it adds above OTel's own floor.
      double[] none = m.cpu().get("none");
      double[] share = new double[none.length];
      for (int r = 0; r < share.length; r++) {
        share[r] = (m.cpu().get("otelSdk")[r] - none[r] - m.cpu().get("otelFloor")[r]) / none[r];
      }
      Interleaved.put(p, target + ".share.ratio", share);
      System.out.printf(
          Locale.ROOT,
          "instrumentation rounds %s: none %.0f ns CPU/op; otelNoop %.2fx, otelSdk %.2fx,"
              + " otelFloor %.2fx, PayClient's share %.2fx, empty %.2fx, micrometer %.2fx%n",
          target,
          Interleaved.median(none),
          ratios.get("otelNoop"),
          ratios.get("otelSdk"),
          ratios.get("otelFloor"),
          Interleaved.median(share),
          ratios.get("empty"),
          ratios.get("micrometer"));
    } finally {
      for (AutoCloseable r : resources) {
        r.close();
      }
    }
  }
}
