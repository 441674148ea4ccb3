package io.payclient.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Map<String, String> a = Args.parse(args);
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "30"));
    long batchNanos = Long.parseLong(a.getOrDefault("batchMillis", "40")) * 1_000_000L;
    long warmupNanos = Long.parseLong(a.getOrDefault("warmupSeconds", "15")) * 1_000_000_000L;
    List<String> targets =
        List.of(
            a.getOrDefault("targets", String.join(",", InstrumentationBenchmark.TARGETS))
                .split(","));
    Properties p = new Properties();
    p.setProperty("rounds", Integer.toString(rounds));
    p.setProperty("batchMillis", Long.toString(batchNanos / 1_000_000L));
    p.setProperty("warmupSeconds", Long.toString(warmupNanos / 1_000_000_000L));
    for (String target : targets) {
      measure(target, rounds, batchNanos, warmupNanos, p);
    }
    Path out = Path.of(a.get("out"));
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      p.store(w, "InstrumentationRounds");
    }
  }

  private static void measure(
      String target, int rounds, long batchNanos, long warmupNanos, Properties p) throws Exception {
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

      Interleaved.Result m = Interleaved.measure(ops, rounds, batchNanos, warmupNanos);
      Map<String, double[]> cpu = m.cpu();
      Map<String, double[]> bytes = m.alloc();
      List<String> names = new ArrayList<>(ops.keySet());
      double[] none = cpu.get("none");
      for (String n : names) {
        String k = target + "." + n;
        double[] c = cpu.get(n);
        Interleaved.put(p, k + ".cpu", c);
        Interleaved.put(p, k + ".alloc", bytes.get(n));
        p.setProperty(k + ".batch", Integer.toString(m.sizes().get(n)));
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratio[r] = c[r] / none[r];
        }
        Interleaved.put(p, k + ".ratio", ratio);
      }
      // PayClient's share of the OTel SDK create: what it adds above OTel's own floor.
      double[] share = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        share[r] = (cpu.get("otelSdk")[r] - none[r] - cpu.get("otelFloor")[r]) / none[r];
      }
      Interleaved.put(p, target + ".share.ratio", share);
      System.out.printf(
          Locale.ROOT,
          "instrumentation rounds %s: none %.0f ns CPU/op; otelNoop %.2fx, otelSdk %.2fx,"
              + " otelFloor %.2fx, PayClient's share %.2fx, empty %.2fx, micrometer %.2fx%n",
          target,
          Interleaved.median(none),
          Interleaved.median(ratioOf(cpu, "otelNoop", none)),
          Interleaved.median(ratioOf(cpu, "otelSdk", none)),
          Interleaved.median(ratioOf(cpu, "otelFloor", none)),
          Interleaved.median(share),
          Interleaved.median(ratioOf(cpu, "empty", none)),
          Interleaved.median(ratioOf(cpu, "micrometer", none)));
    } finally {
      for (AutoCloseable r : resources) {
        r.close();
      }
    }
  }

  private static double[] ratioOf(Map<String, double[]> cpu, String n, double[] none) {
    double[] c = cpu.get(n);
    double[] r = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      r[i] = c[i] / none[i];
    }
    return r;
  }

  /** For {@link Report}: reads the file written by {@link #main}, or empty properties. */
  static Properties read(String file) throws IOException {
    return Interleaved.read(file);
  }
}
