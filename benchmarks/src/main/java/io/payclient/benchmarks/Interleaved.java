package io.payclient.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
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
 * Interleaved measurement (A B A B): several variants of an operation in one JVM, in rounds; in
 * each round every variant runs one batch (the order rotated from round to round), measured by the
 * calling thread's CPU time and allocated bytes ({@link com.sun.management.ThreadMXBean}). Ratios
 * taken within a round compare batches run within a fraction of a second of each other, so the
 * drift of a shared machine weighs on both sides; JMH's forks of separate benchmarks run minutes
 * apart. Used by {@link InstrumentationRounds}, {@link WebhookRounds}, {@link SerdeRounds} and
 * {@link JacksonRounds}.
 */
public final class Interleaved {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Keeps results alive so the JIT cannot drop the work. */
  static volatile int sink;

  /** The suffix of a measured series' per-round values, as {@link #put} writes them. */
  static final String VALUES = ".values";

  private Interleaved() {}

  /** One operation of a variant. */
  interface Op {
    Object run() throws Exception;
  }

  /**
   * How a rounds program measures, from its {@code key=value} arguments: {@code rounds} (default
   * 30), {@code batchMillis} (CPU time per batch, default 40), {@code warmupSeconds}.
   */
  record Settings(int rounds, long batchNanos, long warmupNanos) {
    static Settings of(Map<String, String> args, int defaultWarmupSeconds) {
      return new Settings(
          Integer.parseInt(args.getOrDefault("rounds", "30")),
          Long.parseLong(args.getOrDefault("batchMillis", "40")) * 1_000_000L,
          Long.parseLong(args.getOrDefault("warmupSeconds", Integer.toString(defaultWarmupSeconds)))
              * 1_000_000_000L);
    }

    /** The settings as the properties a report quotes them from. */
    Properties properties() {
      Properties p = new Properties();
      p.setProperty("rounds", Integer.toString(rounds));
      p.setProperty("batchMillis", Long.toString(batchNanos / 1_000_000L));
      p.setProperty("warmupSeconds", Long.toString(warmupNanos / 1_000_000_000L));
      return p;
    }
  }

  /**
   * Per variant, one value per round.
   *
   * @param cpu CPU nanoseconds per operation
   * @param alloc bytes allocated per operation
   * @param sizes operations per batch
   */
  record Result(
      Map<String, double[]> cpu, Map<String, double[]> alloc, Map<String, Integer> sizes) {
    /** Writes each variant's CPU, allocation and batch size under {@code prefix.<variant>.*}. */
    void store(Properties p, String prefix) {
      for (String n : cpu.keySet()) {
        put(p, prefix + "." + n + ".cpu", cpu.get(n));
        put(p, prefix + "." + n + ".alloc", alloc.get(n));
        p.setProperty(prefix + "." + n + ".batch", Integer.toString(sizes.get(n)));
      }
    }

    /**
     * Puts {@code variant}'s CPU over {@code base}'s, round by round, under {@code key} ({@link
     * Interleaved#put}); returns its median.
     */
    double putRatio(Properties p, String key, String variant, String base) {
      double[] r = ratio(variant, base);
      put(p, key, r);
      return median(r);
    }

    /** {@link #putRatio} of the allocated bytes. */
    double putAllocRatio(Properties p, String key, String variant, String base) {
      double[] r = allocRatio(variant, base);
      put(p, key, r);
      return median(r);
    }

    /** {@code variant}'s CPU over {@code base}'s, round by round. */
    double[] ratio(String variant, String base) {
      return perRound(cpu.get(variant), cpu.get(base));
    }

    /** {@code variant}'s allocated bytes over {@code base}'s, round by round. */
    double[] allocRatio(String variant, String base) {
      return perRound(alloc.get(variant), alloc.get(base));
    }

    private static double[] perRound(double[] a, double[] b) {
      double[] r = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        r[i] = a[i] / b[i];
      }
      return r;
    }
  }

  /** One case of a rounds program: measures {@code name} and puts its figures into {@code p}. */
  interface Case {
    void measure(String name, Settings settings, Properties p) throws Exception;
  }

  /**
   * A rounds program: the settings from {@code args} ({@link Settings#of}), {@code each} case named
   * by the list argument {@code listKey} (comma-separated; default {@code all}) in turn, and the
   * figures written to the {@code out} argument under the program's name.
   *
   * <p>With more than one case, or more than one fork, each case runs in JVMs of its own (this
   * program again, on the same class path and JVM flags, for that case alone), as JMH forks per
   * benchmark: in one JVM, the SDK's code that the cases share (transport, validation, readers) is
   * compiled with the type profiles of the cases run before, which slowed the last vendor's
   * PayClient against contenders that share nothing (Paygentic's create, run third: 1.09× the
   * hand-written one; alone or first: 1.01–1.02×). With {@code forks} (argument, else {@code
   * defaultForks}) above one, a case's rounds are shared out over that many JVMs and their ratios
   * pooled: a JVM's compilation decisions move a contender by a few percent (the hand-written
   * Paygentic create: 1.14× to 1.20× the Moshi floor in three JVMs of the same code), which one
   * JVM's rounds cannot show. {@code fork=false} runs every case in this JVM, once.
   */
  static void runCases(
      String[] args,
      String listKey,
      String[] all,
      int defaultWarmupSeconds,
      int defaultForks,
      Class<?> program,
      Case each)
      throws Exception {
    Map<String, String> a = Args.parse(args);
    Settings settings = Settings.of(a, defaultWarmupSeconds);
    Properties p = new Properties();
    String[] names = a.getOrDefault(listKey, String.join(",", all)).split(",");
    int forks = Integer.parseInt(a.getOrDefault("forks", Integer.toString(defaultForks)));
    boolean fork = (names.length > 1 || forks > 1) && !"false".equals(a.get("fork"));
    int perFork = Math.max(1, (settings.rounds() + forks - 1) / forks);
    for (String name : names) {
      if (fork) {
        List<Properties> runs = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
          runs.add(forked(program, args, listKey, name, perFork));
        }
        p.putAll(pooled(runs));
      } else {
        each.measure(name, settings, p);
      }
    }
    p.putAll(settings.properties());
    p.setProperty("forks", Integer.toString(fork ? forks : 0));
    if (fork) {
      p.setProperty("rounds", Integer.toString(perFork * forks)); // as many as were run
    }
    write(p, a.get("out"), program.getSimpleName());
  }

  /**
   * One case's figures from several JVMs: each measured series ({@code <key>.values}, the per-round
   * values) joined and summarised again; any other figure (a batch size) as the first JVM had it.
   */
  static Properties pooled(List<Properties> runs) {
    Properties out = new Properties();
    Map<String, List<Double>> series = new LinkedHashMap<>();
    for (Properties run : runs) {
      for (String key : run.stringPropertyNames()) {
        if (key.endsWith(VALUES)) {
          List<Double> values = series.computeIfAbsent(key, k -> new ArrayList<>());
          for (String v : run.getProperty(key).split(",")) {
            values.add(Double.parseDouble(v));
          }
        } else {
          out.putIfAbsent(key, run.getProperty(key));
        }
      }
    }
    series.forEach(
        (key, values) ->
            put(
                out,
                key.substring(0, key.length() - VALUES.length()),
                values.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  /**
   * Runs {@code program} for the case {@code name} alone, {@code rounds} rounds, in a new JVM;
   * returns its figures.
   */
  private static Properties forked(
      Class<?> program, String[] args, String listKey, String name, int rounds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("rounds-" + name + "-", ".properties");
    try {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(program.getName());
      for (String arg : args) {
        String key = arg.substring(0, Math.max(0, arg.indexOf('=')));
        if (!List.of(listKey, "out", "fork", "forks", "rounds").contains(key)) {
          command.add(arg);
        }
      }
      command.add(listKey + "=" + name);
      command.add("rounds=" + rounds);
      command.add("out=" + out);
      command.add("fork=false");
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            program.getSimpleName() + " for " + name + " exited with " + exit);
      }
      return read(out.toString());
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /**
   * Warms every variant up (round robin, for the settings' warm-up), sizes each variant's batch to
   * about the settings' batch of CPU, then runs the settings' rounds.
   *
   * @throws IllegalStateException if this JVM cannot measure thread CPU time or allocation
   */
  static Result measure(Map<String, Op> ops, Settings settings) throws Exception {
    int rounds = settings.rounds();
    long batchNanos = settings.batchNanos();
    long warmupNanos = settings.warmupNanos();
    if (!THREADS.isCurrentThreadCpuTimeSupported() || !THREADS.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM measures no thread CPU time or allocation");
    }
    THREADS.setThreadCpuTimeEnabled(true);
    THREADS.setThreadAllocatedMemoryEnabled(true);
    long until = System.nanoTime() + warmupNanos;
    do {
      for (Op op : ops.values()) {
        batch(op, 100);
      }
    } while (System.nanoTime() < until);
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (Map.Entry<String, Op> e : ops.entrySet()) {
      double perOp = Math.max(1, batch(e.getValue(), 500)[0]);
      sizes.put(e.getKey(), (int) Math.max(20, Math.min(1_000_000, batchNanos / perOp)));
    }
    List<String> names = new ArrayList<>(ops.keySet());
    Map<String, double[]> cpu = new LinkedHashMap<>();
    Map<String, double[]> alloc = new LinkedHashMap<>();
    for (String n : names) {
      cpu.put(n, new double[rounds]);
      alloc.put(n, new double[rounds]);
    }
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < names.size(); i++) {
        String n = names.get((i + r) % names.size()); // rotated: no variant always first
        double[] m = batch(ops.get(n), sizes.get(n));
        cpu.get(n)[r] = m[0];
        alloc.get(n)[r] = m[1];
      }
    }
    return new Result(cpu, alloc, sizes);
  }

  /** Runs {@code n} operations; returns CPU nanoseconds and allocated bytes per operation. */
  private static double[] batch(Op op, int n) throws Exception {
    long thread = Thread.currentThread().getId();
    long bytes0 = THREADS.getThreadAllocatedBytes(thread);
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    int h = 0;
    for (int i = 0; i < n; i++) {
      h += System.identityHashCode(op.run());
    }
    long cpu1 = THREADS.getCurrentThreadCpuTime();
    long bytes1 = THREADS.getThreadAllocatedBytes(thread);
    sink += h;
    return new double[] {(double) (cpu1 - cpu0) / n, (double) (bytes1 - bytes0) / n};
  }

  /** Writes median, quartiles, min and max of {@code values} under {@code key.*}. */
  static void put(Properties p, String key, double[] values) {
    StringBuilder joined = new StringBuilder();
    for (double v : values) {
      joined.append(joined.length() == 0 ? "" : ",").append(fmt(v));
    }
    p.setProperty(key + VALUES, joined.toString());
    double[] s = values.clone();
    Arrays.sort(s);
    p.setProperty(key + ".median", fmt(quantile(s, 0.5)));
    p.setProperty(key + ".p25", fmt(quantile(s, 0.25)));
    p.setProperty(key + ".p75", fmt(quantile(s, 0.75)));
    p.setProperty(key + ".min", fmt(s[0]));
    p.setProperty(key + ".max", fmt(s[s.length - 1]));
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return quantile(s, 0.5);
  }

  /** Linear interpolation between the closest ranks of sorted {@code s}. */
  public static double quantile(double[] s, double q) {
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** Writes a rounds program's figures to {@code file}. */
  static void write(Properties p, String file, String comment) throws IOException {
    try (Writer w = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
      p.store(w, comment);
    }
  }

  /** Reads a properties file written by a rounds program, or empty properties. */
  static Properties read(String file) throws IOException {
    Properties p = new Properties();
    if (file != null && Files.exists(Path.of(file))) {
      try (var r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return p;
  }
}
