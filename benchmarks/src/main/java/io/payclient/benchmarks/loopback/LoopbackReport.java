package io.payclient.benchmarks.loopback;

import io.payclient.benchmarks.BarChart;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Writes the loopback results: a Markdown fragment (starting with {@code ## Loopback end to end})
 * for docs/BENCHMARKS.md, the raw numbers as JSON, and optionally an SVG chart. Every figure and
 * verdict comes from the cells measured in this run.
 */
final class LoopbackReport {
  static final double P50_TARGET = 1.05;
  static final double CPU_RAW_TARGET = 1.3;
  static final double CPU_STRIPE_TARGET = 0.6;

  private final Loopback.Plan plan;
  private final List<Loopback.Cell> cells;
  private final List<Loopback.Split> splits;
  private final List<FloorRounds.Cell> floorCells;
  private final long seconds;
  private final double loadBefore;
  private final double loadAfter;

  LoopbackReport(
      Loopback.Plan plan,
      Loopback.Results results,
      long seconds,
      double loadBefore,
      double loadAfter) {
    this.plan = plan;
    this.cells = results.cells();
    this.splits = results.splits();
    this.floorCells = results.floorCells();
    this.seconds = seconds;
    this.loadBefore = loadBefore;
    this.loadAfter = loadAfter;
  }

  /** The CPU per call the targets use: caller threads for sync, the whole process for async. */
  static double cpu(String mode, Stats s) {
    return mode.equals("sync") ? s.callerCpuMicrosPerCall() : s.processCpuMicrosPerCall();
  }

  /**
   * Writes the fragment to {@code out}, the numbers to {@code json} and, if {@code svg} is not
   * null, the chart, linked from the fragment relative to {@code page}, the page it will be part
   * of.
   */
  void write(Path out, Path json, Path svg, Path page) throws IOException {
    for (Path p : new Path[] {out, json, svg}) {
      if (p != null && p.toAbsolutePath().getParent() != null) {
        Files.createDirectories(p.toAbsolutePath().getParent());
      }
    }
    String chart = null;
    if (svg != null) {
      Files.writeString(svg, svg(), StandardCharsets.UTF_8);
      Path dir = page.toAbsolutePath().getParent();
      chart = dir == null ? svg.toString() : dir.relativize(svg.toAbsolutePath()).toString();
    }
    Files.writeString(out, markdown(chart), StandardCharsets.UTF_8);
    Files.writeString(json, json(), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- Markdown

  private String markdown(String chart) {
    StringBuilder s = new StringBuilder();
    s.append("## Loopback end to end\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "Measured by `io.payclient.benchmarks.loopback.Loopback mode=%s` on %s, %d cores, %s %s;"
                + " the harness took %d s. The 1-minute load average was %.2f before the run"
                + " (other work on the machine) and %.2f at its end (the harness itself keeps"
                + " about 2 cores busy). Every ratio compares figures of this same run.%n%n",
            plan.mode(),
            LocalDate.now(ZoneOffset.UTC),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name"),
            System.getProperty("java.vm.version"),
            seconds,
            loadBefore,
            loadAfter));
    if (plan.mode().equals("smoke")) {
      s.append(
          "> Smoke run: rounds far too short to warm the JIT; it only proves that every contender"
              + " and mode works. Use `mode=full` figures.\n\n");
    }
    s.append(
        String.format(
            Locale.ROOT,
            "**What is measured.** A fast HTTP/1.1 server in a child JVM on 127.0.0.1 (blocking"
                + " sockets, a thread per connection, `TCP_NODELAY`, keep-alive) answers each create"
                + " with one write of the vendor's canned response, so the client JVM's CPU time"
                + " holds client work only. Pairs run alternately, A B A B, %d round(s) of %d ms"
                + " each after a %d ms warm-up per contender and cell (and %d ms per contender and"
                + " mode at start): raw OkHttp posting the very bytes and headers that vendor's"
                + " client sends (captured once, as the canned floor does, request built per call,"
                + " answer read as bytes) against PayClient's vendor client (building and"
                + " validating the typed request, serializing, sending, parsing the typed"
                + " payment), and raw OkHttp posting stripe-java's bytes against stripe-java 33.3.0"
                + " creating a PaymentIntent on its **default transport** (`HttpURLConnection`,"
                + " what stripe-java users get; the JDK keeps at most 5 idle connections per host,"
                + " `http.maxConnections`). Raw OkHttp and the SDK share one `OkHttpClient`"
                + " (given to the SDK with `okHttpClient(...)`): OkHttp's default dispatcher with"
                + " the SDK's own limits (64 requests, 64 per host) and a pool keeping up to 512"
                + " idle connections. Sync: N caller threads each create in a loop. Async: N chains"
                + " of calls (SDK `createAsync`, OkHttp `enqueue`), each issuing its next call"
                + " from the completion callback of its last, keep N calls in flight (closed"
                + " loop); stripe-java has no async API. Latency is `System.nanoTime` around each call"
                + " (async: from the call to its completion callback); p50 and p99 are nearest-rank"
                + " over every call of the rounds. Caller-thread CPU is the callers' own"
                + " `ThreadMXBean` CPU time per call (sync only); process CPU is"
                + " the client JVM's whole CPU time per call (all threads, GC and JIT). Every"
                + " response is checked (raw: status and body length; clients: a typed payment"
                + " with an id). Both JVMs share the machine's cores, so at 16 and 256 the server"
                + " competes with the client for CPU: compare within a pair, not across tables.%n%n",
            plan.rounds(),
            plan.roundMs(),
            plan.cellWarmupMs(),
            plan.warmupMs()));
    if (chart != null) {
      s.append("![loopback p50 and CPU per call](").append(chart).append(")\n\n");
    }
    s.append("### Sync: N caller threads, each creating payments in a loop\n\n");
    s.append(
        "| callers | contender | calls | p50 µs | p99 µs | calls/s | caller-thread CPU µs/call |"
            + " process CPU µs/call |\n");
    s.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for (Loopback.Cell c : cells("sync")) {
      syncRow(s, c, c.pair().raw(), c.raw());
      syncRow(s, c, c.pair().other(), c.other());
    }
    s.append("\n### Async: N chains of calls keep N calls in flight\n\n");
    s.append(
        "| in flight | contender | calls | avg in flight | p50 µs | p99 µs | calls/s |"
            + " process CPU µs/call | live threads: idle → peak |\n");
    s.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Loopback.Cell c : cells("async")) {
      if (c.other() == null) {
        continue;
      }
      asyncRow(s, c, c.pair().raw(), c.raw());
      asyncRow(s, c, c.pair().other(), c.other());
    }
    s.append(
        "\nstripe-java: n/a (no async API). \"avg in flight\" is the calls actually in flight on"
            + " average (total latency / wall time): a call's chain issues the next call as soon"
            + " as it completes, on the thread that completed it, so both contenders keep about N"
            + " in flight however much a call costs to issue (the time between a completion and"
            + " the next call's start is all that is missing). Latency at 256 is mostly time"
            + " queued in the dispatcher, which runs 64 calls at once. The targets table still"
            + " marks a p50 ratio \"not comparable\" where avg in flight differs by more than"
            + " 20%.\n\n");
    targets(s);
    split(s);
    floorRounds(s);
    return s.toString();
  }

  /** How much of PayClient's extra CPU per call its JSON alone accounts for. */
  private void split(StringBuilder s) {
    s.append(
        String.format(
            Locale.ROOT,
            "### Where PayClient's extra CPU goes (sync, %d callers)%n%n",
            Loopback.SPLIT_LEVEL));
    s.append(
        "A third contender sits between raw OkHttp and PayClient: raw OkHttp plus PayClient's own"
            + " JSON code for that vendor and nothing else of the SDK. Per call it writes the"
            + " create body from a typed request built once (the vendor's JSON writer, Moshi's"
            + " `JsonWriter`), posts it as raw OkHttp does, and reads the answer into the typed"
            + " payment (the vendor's reader, Moshi's `JsonReader`). No validation, idempotency"
            + " key, retries, listener or error mapping. The three run alternately, A B C, with the"
            + " round lengths above, after the other cells.\n\n");
    s.append(
        "| vendor | raw OkHttp µs/call | + PayClient's JSON µs/call | PayClient µs/call |"
            + " + JSON / raw | PayClient / raw | JSON's share of PayClient's extra CPU |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Loopback.Split sp : splits) {
      double raw = sp.raw().callerCpuMicrosPerCall();
      double json = sp.withJson().callerCpuMicrosPerCall();
      double sdk = sp.sdk().callerCpuMicrosPerCall();
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.1f | %.2f× | %.2f× | %s |%n",
              sp.pair().vendor().name(),
              raw,
              json,
              sdk,
              json / raw,
              sdk / raw,
              sdk > raw
                  ? String.format(Locale.ROOT, "%.0f%%", 100 * (json - raw) / (sdk - raw))
                  : "n/a"));
    }
    s.append(
        "\nCPU is caller-thread CPU per call. Where \"+ JSON / raw\" is near or above 1.3, the"
            + " CPU target (≤ 1.3× raw OkHttp) is out of reach for this SDK as designed: its JSON"
            + " alone (Moshi's streaming reader and writer, which DESIGN.md prescribes, and the"
            + " vendor's field mapping on top) spends that much before validation, the idempotency"
            + " key and the transport add anything.\n\n");
  }

  /** Issue 19's targets: {@link FloorRounds}' cells, ratios taken inside each round. */
  private void floorRounds(StringBuilder s) {
    s.append("### Issue 19: against the Moshi floor and stripe-java, in rounds\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "After the cells above, in the same JVMs: each cell runs its subjects one after the"
                + " other for %d ms each, in an order that rotates from round to round, %d rounds"
                + " after a %d ms warm-up each. A ratio is taken inside one round, and the figure is"
                + " its median over the rounds, with the quartiles [p25, p75] (the spread; the"
                + " stripe-java table adds the range). The **Moshi floor** is raw OkHttp plus"
                + " PayClient's own JSON for that vendor and nothing else (the third contender of"
                + " the split above; async: the body written on the calling thread, as the SDK"
                + " does, the answer read in OkHttp's callback). CPU per call is the callers'"
                + " thread CPU in sync mode and the whole process's in async mode, as above. Async"
                + " rounds are closed-loop, as above.%n%n",
            plan.floorRoundMs(),
            plan.floorRounds(),
            plan.cellWarmupMs()));
    s.append(
        "| vendor | mode | N | floor CPU µs/call | PayClient CPU µs/call | CPU / floor (≤ 1.10) |"
            + " | floor p50 µs | PayClient p50 µs | p50 / floor (≤ 1.05 at 16 sync) | | avg in"
            + " flight, floor → PayClient |\n");
    s.append("|---|---|---:|---:|---:|---:|---|---:|---:|---:|---|---:|\n");
    double worstCpu = 0;
    double worstP50 = 0;
    for (Loopback.Vendor v : sdkVendors()) {
      for (FloorRounds.Cell c : floorCells) {
        Subject floor = subject(c, "json", v);
        if (floor == null) {
          continue;
        }
        Subject sdk = subject(c, "sdk", v);
        ToDoubleFunction<Stats> cpu = st -> cpu(c.mode(), st);
        ToDoubleFunction<Stats> p50 = st -> st.percentileMicros(0.5);
        FloorRounds.Spread cpuRatio =
            FloorRounds.Spread.of(FloorRounds.ratios(c.of(sdk), c.of(floor), cpu));
        FloorRounds.Spread p50Ratio =
            FloorRounds.Spread.of(FloorRounds.ratios(c.of(sdk), c.of(floor), p50));
        worstCpu = Math.max(worstCpu, cpuRatio.median());
        boolean p50Judged = c.mode().equals("sync") && c.level() == FloorRounds.P50_LEVEL;
        if (p50Judged) {
          worstP50 = Math.max(worstP50, p50Ratio.median());
        }
        s.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %d | %.1f | %.1f | %s | %s | %,.1f | %,.1f | %s | %s | %.0f → %.0f |%n",
                v.name(),
                c.mode(),
                c.level(),
                median(c.of(floor), cpu),
                median(c.of(sdk), cpu),
                cpuRatio.ratio(),
                mark(cpuRatio.median(), FloorRounds.CPU_TARGET),
                median(c.of(floor), p50),
                median(c.of(sdk), p50),
                p50Ratio.ratio(),
                p50Judged ? mark(p50Ratio.median(), FloorRounds.P50_TARGET) : "information",
                median(c.of(floor), Stats::averageInFlight),
                median(c.of(sdk), Stats::averageInFlight)));
      }
    }
    keyShare(s);
    double[] handWritten = handWritten(s);
    s.append("\n#### Against stripe-java (sync, its default transport)\n\n");
    s.append(
        "| vendor | N | PayClient CPU µs/call | stripe-java CPU µs/call | PayClient / stripe-java"
            + " (≤ 0.6) | range over the rounds | |\n");
    s.append("|---|---:|---:|---:|---:|---:|---|\n");
    double worstStripe = 0;
    int stripeCells = 0;
    for (Loopback.Vendor v : sdkVendors()) {
      for (FloorRounds.Cell c : floorCells) {
        if (!c.mode().equals("sync")) {
          continue;
        }
        Subject sdk = subject(c, "sdk", v);
        Subject stripe = subject(c, "stripe-java", null);
        ToDoubleFunction<Stats> cpu = Stats::callerCpuMicrosPerCall;
        FloorRounds.Spread r =
            FloorRounds.Spread.of(FloorRounds.ratios(c.of(sdk), c.of(stripe), cpu));
        worstStripe = Math.max(worstStripe, r.median());
        stripeCells++;
        s.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %s | %.2f–%.2f | %s |%n",
                v.name(),
                c.level(),
                median(c.of(sdk), cpu),
                median(c.of(stripe), cpu),
                r.ratio(),
                r.min(),
                r.max(),
                mark(r.median(), FloorRounds.STRIPE_TARGET)));
      }
    }
    int top = FloorRounds.IN_FLIGHT_LEVEL;
    s.append(
        String.format(Locale.ROOT, "%n#### Calls in flight at %d (async, closed loop)%n%n", top));
    s.append(
        "In the same rounds, raw OkHttp posting the same bytes joins the async cell: the calls"
            + " actually in flight on average (total latency / wall time), median over the rounds"
            + " and the ratio's quartiles. PayClient's p50 can be compared with raw OkHttp's only"
            + " where both keep about as many calls in flight.\n\n");
    s.append(
        "| vendor | raw OkHttp avg in flight | PayClient avg in flight | PayClient / raw (within"
            + " 10%) | |\n");
    s.append("|---|---:|---:|---:|---|\n");
    double worstInFlight = 0;
    FloorRounds.Cell inFlight = floorCell("async", top);
    for (Loopback.Vendor v : sdkVendors()) {
      if (inFlight == null) {
        break;
      }
      Subject raw = subject(inFlight, "raw", v);
      Subject sdk = subject(inFlight, "sdk", v);
      FloorRounds.Spread r =
          FloorRounds.Spread.of(
              FloorRounds.ratios(inFlight.of(sdk), inFlight.of(raw), Stats::averageInFlight));
      double off = Math.abs(r.median() - 1);
      worstInFlight = Math.max(worstInFlight, off);
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.0f | %s | %s |%n",
              v.name(),
              median(inFlight.of(raw), Stats::averageInFlight),
              median(inFlight.of(sdk), Stats::averageInFlight),
              r.ratio(),
              mark(off, FloorRounds.IN_FLIGHT_TOLERANCE)));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%nIssue 19 verdicts: CPU per call ≤ %.2f× the Moshi floor (median of the rounds):"
                + " **%s** (worst cell %.2f×); p50 at %d callers ≤ %.2f× the Moshi floor (median"
                + " of the rounds): **%s** (worst vendor %.2f×); CPU per call ≤ %.1f× stripe-java"
                + " (median of the rounds): **%s** (worst of %d cells %.2f×); calls in flight at"
                + " %d within %.0f%% of raw OkHttp's (median of the rounds): **%s** (worst %.0f%%"
                + " apart); CPU per call ≤ %.1f× a hand-written OkHttp + Jackson integration"
                + " (loopback, %d callers, median of the rounds): **%s** (worst vendor %.2f×);"
                + " allocation per call ≤ %.1f× the hand-written integration's (loopback, %d"
                + " callers): **%s** (worst vendor %.2f×).%n%n",
            FloorRounds.CPU_TARGET,
            worstCpu <= FloorRounds.CPU_TARGET ? "met" : "missed",
            worstCpu,
            FloorRounds.P50_LEVEL,
            FloorRounds.P50_TARGET,
            worstP50 <= FloorRounds.P50_TARGET ? "met" : "missed",
            worstP50,
            FloorRounds.STRIPE_TARGET,
            worstStripe <= FloorRounds.STRIPE_TARGET ? "met" : "missed",
            stripeCells,
            worstStripe,
            top,
            100 * FloorRounds.IN_FLIGHT_TOLERANCE,
            worstInFlight <= FloorRounds.IN_FLIGHT_TOLERANCE ? "met" : "missed",
            100 * worstInFlight,
            FloorRounds.HAND_WRITTEN_CPU_TARGET,
            FloorRounds.P50_LEVEL,
            handWritten[0] <= FloorRounds.HAND_WRITTEN_CPU_TARGET ? "met" : "missed",
            handWritten[0],
            FloorRounds.HAND_WRITTEN_ALLOC_TARGET,
            FloorRounds.P50_LEVEL,
            handWritten[1] <= FloorRounds.HAND_WRITTEN_ALLOC_TARGET ? "met" : "missed",
            handWritten[1]));
  }

  /**
   * What generating the idempotency key costs: PayClient with a key given on every create (no key
   * generated), beside PayClient as used (a key generated per create) and the floor, at 16 sync
   * callers. Lago has no idempotency key.
   */
  private void keyShare(StringBuilder s) {
    FloorRounds.Cell c = floorCell("sync", FloorRounds.P50_LEVEL);
    if (c == null) {
      return;
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%n#### What generating the idempotency key costs (sync, %d callers)%n%n",
            FloorRounds.P50_LEVEL));
    s.append(
        "In the same rounds: PayClient with the same idempotency key given on every create, so it"
            + " generates none (a random UUID v4 from a pool of `SHA1PRNG` generators, issue 19's"
            + " item 6), beside PayClient as used. Lago takes no key.\n\n");
    s.append(
        "| vendor | key given CPU µs/call | key generated CPU µs/call | key given / floor |"
            + " key generated / floor | generating the key, share of the floor |\n");
    s.append("|---|---:|---:|---:|---:|---:|\n");
    for (Loopback.Vendor v : sdkVendors()) {
      Subject given = subject(c, "sdk-key-given", v);
      if (given == null) {
        continue;
      }
      Subject sdk = subject(c, "sdk", v);
      Subject floor = subject(c, "json", v);
      ToDoubleFunction<Stats> cpu = Stats::callerCpuMicrosPerCall;
      double givenRatio =
          FloorRounds.Spread.of(FloorRounds.ratios(c.of(given), c.of(floor), cpu)).median();
      double sdkRatio =
          FloorRounds.Spread.of(FloorRounds.ratios(c.of(sdk), c.of(floor), cpu)).median();
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.2f× | %.2f× | %+.0f%% |%n",
              v.name(),
              median(c.of(given), cpu),
              median(c.of(sdk), cpu),
              givenRatio,
              sdkRatio,
              100 * (sdkRatio - givenRatio)));
    }
  }

  /**
   * PayClient against what an application writes instead (OkHttp and Jackson databind; issue 19,
   * item 2) on loopback, at 16 sync callers: CPU and allocation per call of the caller threads.
   *
   * @return the worst vendor's CPU ratio and allocation ratio
   */
  private double[] handWritten(StringBuilder s) {
    double[] worst = {0, 0};
    FloorRounds.Cell c = floorCell("sync", FloorRounds.P50_LEVEL);
    if (c == null) {
      return worst;
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%n#### Against a hand-written OkHttp + Jackson integration (sync, %d callers)%n%n",
            FloorRounds.P50_LEVEL));
    s.append(
        "In the same rounds: the create an application writes without PayClient (OkHttp and"
            + " Jackson databind POJOs, a random UUID as the idempotency key where the vendor takes"
            + " one; \"Against a hand-written integration\" above has it on the canned transport)."
            + " CPU and allocated bytes are the caller threads' own. The Moshi floor's bytes (raw"
            + " OkHttp plus PayClient's JSON) show how much of either is OkHttp's own.\n\n");
    s.append(
        "| vendor | hand-written CPU µs/call | PayClient CPU µs/call | PayClient / hand-written"
            + " (≤ 1.0) | | hand-written B/call | PayClient B/call | PayClient / hand-written"
            + " (≤ 0.5) | | Moshi floor B/call |\n");
    s.append("|---|---:|---:|---:|---|---:|---:|---:|---|---:|\n");
    for (Loopback.Vendor v : sdkVendors()) {
      Subject mine = subject(c, "jackson", v);
      Subject sdk = subject(c, "sdk", v);
      Subject floor = subject(c, "json", v);
      if (mine == null || sdk == null || floor == null) {
        continue;
      }
      ToDoubleFunction<Stats> cpu = Stats::callerCpuMicrosPerCall;
      ToDoubleFunction<Stats> bytes = Stats::callerBytesPerCall;
      FloorRounds.Spread cpuRatio =
          FloorRounds.Spread.of(FloorRounds.ratios(c.of(sdk), c.of(mine), cpu));
      FloorRounds.Spread allocRatio =
          FloorRounds.Spread.of(FloorRounds.ratios(c.of(sdk), c.of(mine), bytes));
      worst[0] = Math.max(worst[0], cpuRatio.median());
      worst[1] = Math.max(worst[1], allocRatio.median());
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %s | %s | %,.0f | %,.0f | %s | %s | %,.0f |%n",
              v.name(),
              median(c.of(mine), cpu),
              median(c.of(sdk), cpu),
              cpuRatio.ratio(),
              mark(cpuRatio.median(), FloorRounds.HAND_WRITTEN_CPU_TARGET),
              median(c.of(mine), bytes),
              median(c.of(sdk), bytes),
              allocRatio.ratio(),
              mark(allocRatio.median(), FloorRounds.HAND_WRITTEN_ALLOC_TARGET),
              median(c.of(floor), bytes)));
    }
    return worst;
  }

  /** The floor rounds' cell of {@code mode} and {@code level}, or {@code null} if not measured. */
  private FloorRounds.@Nullable Cell floorCell(String mode, int level) {
    for (FloorRounds.Cell f : floorCells) {
      if (f.mode().equals(mode) && f.level() == level) {
        return f;
      }
    }
    return null;
  }

  /** A table's verdict cell: {@code met} when {@code value} is at most {@code target}. */
  private static String mark(double value, double target) {
    return value <= target ? "met" : "**missed**";
  }

  private static List<Loopback.Vendor> sdkVendors() {
    List<Loopback.Vendor> l = new ArrayList<>();
    for (Loopback.Vendor v : Loopback.VENDORS) {
      if (!v.name().equals("stripe")) {
        l.add(v);
      }
    }
    return l;
  }

  /** The subject of {@code role} for vendor {@code v} in cell {@code c} (any vendor if null). */
  private static Subject subject(FloorRounds.Cell c, String role, Loopback.Vendor v) {
    for (Subject s : c.rounds().keySet()) {
      if (s.role.equals(role) && (v == null || s.label.contains(v.name()))) {
        return s;
      }
    }
    return null;
  }

  private static double median(Stats[] rounds, ToDoubleFunction<Stats> f) {
    return FloorRounds.Spread.of(FloorRounds.values(rounds, f)).median();
  }

  private List<Loopback.Cell> cells(String mode) {
    List<Loopback.Cell> l = new ArrayList<>();
    for (Loopback.Cell c : cells) {
      if (c.mode().equals(mode)) {
        l.add(c);
      }
    }
    return l;
  }

  private Loopback.Cell cell(String mode, int level, String vendor) {
    for (Loopback.Cell c : cells) {
      if (c.mode().equals(mode) && c.level() == level && c.pair().vendor().name().equals(vendor)) {
        return c;
      }
    }
    throw new IllegalStateException("no cell " + mode + " " + level + " " + vendor);
  }

  private static void syncRow(StringBuilder s, Loopback.Cell c, Subject who, Stats st) {
    s.append(
        String.format(
            Locale.ROOT,
            "| %d | %s | %,d | %,.1f | %,.1f | %,.0f | %,.1f | %,.1f |%n",
            c.level(),
            who.label,
            st.calls,
            st.percentileMicros(0.5),
            st.percentileMicros(0.99),
            st.callsPerSecond(),
            st.callerCpuMicrosPerCall(),
            st.processCpuMicrosPerCall()));
  }

  private static void asyncRow(StringBuilder s, Loopback.Cell c, Subject who, Stats st) {
    s.append(
        String.format(
            Locale.ROOT,
            "| %d | %s | %,d | %.0f | %,.1f | %,.1f | %,.0f | %,.1f | %d → %d (+%d) |%n",
            c.level(),
            who.label,
            st.calls,
            st.averageInFlight(),
            st.percentileMicros(0.5),
            st.percentileMicros(0.99),
            st.callsPerSecond(),
            st.processCpuMicrosPerCall(),
            st.idleThreads,
            st.peakThreads,
            st.peakThreads - st.idleThreads));
  }

  private void targets(StringBuilder s) {
    s.append("### Issue 8's targets (information since issue 19)\n\n");
    s.append(
        "Issue 19 replaced the targets against raw OkHttp with the Moshi floor below, and measures"
            + " the one against stripe-java in rounds; these rows stay as information.\n\n");
    s.append(
        "CPU per call is caller-thread CPU in sync mode (what the caller's thread pays; OkHttp's"
            + " sync calls run entirely on it) and whole-process CPU in async mode (the work"
            + " moves to OkHttp's dispatcher threads). The stripe-java column compares with"
            + " stripe-java's cell of the same mode and concurrency.\n\n");
    s.append(
        "| vendor | mode | N | p50 / raw OkHttp (≤ 1.05) | | CPU per call / raw OkHttp (≤ 1.3)"
            + " | | CPU per call / stripe-java (≤ 0.6) | |\n");
    s.append("|---|---|---:|---:|---|---:|---|---:|---|\n");
    int[] met = new int[3];
    int[] total = new int[3];
    for (Loopback.Vendor v : Loopback.VENDORS) {
      if (v.name().equals("stripe")) {
        continue;
      }
      for (String mode : List.of("sync", "async")) {
        for (int level : Loopback.LEVELS) {
          Loopback.Cell c = cell(mode, level, v.name());
          double p50 = c.other().percentileMicros(0.5) / c.raw().percentileMicros(0.5);
          double cpuRaw = cpu(mode, c.other()) / cpu(mode, c.raw());
          double inFlight = c.other().averageInFlight() / c.raw().averageInFlight();
          String p50Verdict =
              Math.abs(inFlight - 1) > 0.2
                  ? String.format(Locale.ROOT, "not comparable (in flight %.2f×)", inFlight)
                  : verdict(p50, P50_TARGET, 0, met, total);
          String cpuVerdict = verdict(cpuRaw, CPU_RAW_TARGET, 1, met, total);
          String stripeRatio = "n/a";
          String stripeVerdict = "";
          if (mode.equals("sync")) {
            Loopback.Cell st = cell(mode, level, "stripe");
            double r = cpu(mode, c.other()) / cpu(mode, st.other());
            stripeRatio = String.format(Locale.ROOT, "%.2f×", r);
            stripeVerdict = verdict(r, CPU_STRIPE_TARGET, 2, met, total);
          }
          s.append(
              String.format(
                  Locale.ROOT,
                  "| PayClient %s | %s | %d | %.2f× | %s | %.2f× | %s | %s | %s |%n",
                  v.name(),
                  mode,
                  level,
                  p50,
                  p50Verdict,
                  cpuRaw,
                  cpuVerdict,
                  stripeRatio,
                  stripeVerdict));
        }
      }
    }
    s.append("\nFor reference, stripe-java against raw OkHttp posting its bytes (sync):\n\n");
    s.append("| N | p50 / raw OkHttp | caller-thread CPU per call / raw OkHttp |\n");
    s.append("|---:|---:|---:|\n");
    for (int level : Loopback.LEVELS) {
      Loopback.Cell st = cell("sync", level, "stripe");
      s.append(
          String.format(
              Locale.ROOT,
              "| %d | %.2f× | %.2f× |%n",
              level,
              st.other().percentileMicros(0.5) / st.raw().percentileMicros(0.5),
              st.other().callerCpuMicrosPerCall() / st.raw().callerCpuMicrosPerCall()));
    }
    s.append("\n");
    String[] names = {
      "p50 ≤ 1.05× raw OkHttp", "CPU per call ≤ 1.3× raw OkHttp", "CPU per call ≤ 0.6× stripe-java"
    };
    s.append("Verdicts: ");
    for (int i = 0; i < 3; i++) {
      s.append(
          String.format(
              Locale.ROOT,
              "%s: **%s** (%d of %d comparable cells met)%s",
              names[i],
              met[i] == total[i] ? "met" : "missed",
              met[i],
              total[i],
              i < 2 ? "; " : ".\n\n"));
    }
    threads(s);
  }

  private static String verdict(double ratio, double target, int i, int[] met, int[] total) {
    total[i]++;
    if (ratio <= target) {
      met[i]++;
      return "met";
    }
    return "**missed**";
  }

  /** Async uses no thread per call: the live-thread peak at the highest concurrency. */
  private void threads(StringBuilder s) {
    int top = Loopback.LEVELS[Loopback.LEVELS.length - 1];
    StringBuilder detail = new StringBuilder();
    boolean allMet = true;
    for (Loopback.Vendor v : Loopback.VENDORS) {
      if (v.name().equals("stripe")) {
        continue;
      }
      Loopback.Cell c = cell("async", top, v.name());
      int sdk = c.other().peakThreads - c.other().idleThreads;
      int raw = c.raw().peakThreads - c.raw().idleThreads;
      boolean met = sdk < top;
      allMet &= met;
      detail.append(
          String.format(
              Locale.ROOT,
              "%s%s +%d threads (raw OkHttp +%d)",
              detail.length() == 0 ? "" : ", ",
              "PayClient " + v.name(),
              sdk,
              raw));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "Async uses no thread per call: **%s**. With %d calls in flight the live-thread count"
                + " rose by: %s. OkHttp runs each call's blocking socket I/O on a dispatcher thread:"
                + " the dispatcher runs at most `maxRequests` (%d) calls at once and queues the"
                + " rest without a thread, but its cached thread pool can briefly hold more"
                + " threads than that (a finishing worker is not yet free to take the next call),"
                + " and the JVM may add JIT threads. Below the cap the thread count tracks the calls"
                + " in flight, for raw OkHttp and the SDK alike: the SDK adds no thread of its own"
                + " per call (retries wait on one shared timer thread).%n",
            allMet ? "met" : "missed",
            top,
            detail,
            Loopback.MAX_REQUESTS_PER_HOST));
  }

  // ---------------------------------------------------------------- JSON

  private String json() {
    StringBuilder s = new StringBuilder();
    s.append("{\n");
    s.append(String.format(Locale.ROOT, "  \"mode\": \"%s\",%n", plan.mode()));
    s.append(String.format(Locale.ROOT, "  \"date\": \"%s\",%n", LocalDate.now(ZoneOffset.UTC)));
    s.append(
        String.format(
            Locale.ROOT, "  \"cores\": %d,%n", Runtime.getRuntime().availableProcessors()));
    s.append(
        String.format(
            Locale.ROOT,
            "  \"jvm\": \"%s %s\",%n",
            System.getProperty("java.vm.name"),
            System.getProperty("java.vm.version")));
    s.append(
        String.format(
            Locale.ROOT,
            "  \"jvmArgs\": \"%s\",%n",
            String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
                .replace("\\", "\\\\")
                .replace("\"", "\\\"")));
    s.append(String.format(Locale.ROOT, "  \"seconds\": %d,%n", seconds));
    s.append(
        String.format(
            Locale.ROOT,
            "  \"loadAverage\": {\"before\": %.2f, \"after\": %.2f},%n",
            loadBefore,
            loadAfter));
    s.append(
        String.format(
            Locale.ROOT,
            "  \"plan\": {\"warmupMs\": %d, \"cellWarmupMs\": %d, \"roundMs\": %d, \"rounds\": %d,"
                + " \"floorRoundMs\": %d, \"floorRounds\": %d},%n",
            plan.warmupMs(),
            plan.cellWarmupMs(),
            plan.roundMs(),
            plan.rounds(),
            plan.floorRoundMs(),
            plan.floorRounds()));
    s.append("  \"results\": [\n");
    List<String> rows = new ArrayList<>();
    for (Loopback.Cell c : cells) {
      if (c.other() == null) {
        rows.add(
            String.format(
                Locale.ROOT,
                "    {\"mode\": \"%s\", \"concurrency\": %d, \"vendor\": \"%s\", \"role\":"
                    + " \"stripe-java\", \"available\": false}",
                c.mode(),
                c.level(),
                c.pair().vendor().name()));
        continue;
      }
      rows.add(row(c, c.pair().raw(), c.raw()));
      rows.add(row(c, c.pair().other(), c.other()));
    }
    for (Loopback.Split sp : splits) {
      Loopback.Cell c = new Loopback.Cell("split", Loopback.SPLIT_LEVEL, sp.pair(), null, null);
      rows.add(row(c, sp.pair().raw(), sp.raw()));
      rows.add(row(c, sp.json(), sp.withJson()));
      rows.add(row(c, sp.pair().other(), sp.sdk()));
    }
    s.append(String.join(",\n", rows)).append("\n  ],\n");
    // FloorRounds: every subject's figures round by round, from which the verdicts are taken.
    s.append("  \"floorRounds\": [\n");
    List<String> floor = new ArrayList<>();
    for (FloorRounds.Cell c : floorCells) {
      c.rounds()
          .forEach(
              (subject, rounds) -> {
                List<String> each = new ArrayList<>();
                for (Stats st : rounds) {
                  each.add(
                      String.format(
                          Locale.ROOT,
                          "{\"calls\": %d, \"cpuMicrosPerCall\": %.3f, \"p50Micros\": %.1f,"
                              + " \"avgInFlight\": %.1f}",
                          st.calls,
                          cpu(c.mode(), st),
                          st.percentileMicros(0.5),
                          st.averageInFlight()));
                }
                floor.add(
                    String.format(
                        Locale.ROOT,
                        "    {\"mode\": \"%s\", \"concurrency\": %d, \"subject\": \"%s\","
                            + " \"role\": \"%s\", \"rounds\": [%s]}",
                        c.mode(),
                        c.level(),
                        subject.label,
                        subject.role,
                        String.join(", ", each)));
              });
    }
    s.append(String.join(",\n", floor)).append("\n  ]\n}\n");
    return s.toString();
  }

  private static String row(Loopback.Cell c, Subject who, Stats st) {
    return String.format(
        Locale.ROOT,
        "    {\"mode\": \"%s\", \"concurrency\": %d, \"vendor\": \"%s\", \"role\": \"%s\","
            + " \"label\": \"%s\", \"calls\": %d, \"wallNanos\": %d, \"avgInFlight\": %.2f,"
            + " \"p50Micros\": %.2f,"
            + " \"p99Micros\": %.2f, \"callsPerSecond\": %.1f, \"callerCpuMicrosPerCall\": %.3f,"
            + " \"processCpuMicrosPerCall\": %.3f, \"idleThreads\": %d, \"peakThreads\": %d}",
        c.mode(),
        c.level(),
        c.pair().vendor().name(),
        who.role,
        who.label,
        st.calls,
        st.wallNanos,
        st.averageInFlight(),
        st.percentileMicros(0.5),
        st.percentileMicros(0.99),
        st.callsPerSecond(),
        st.callerCpuMicrosPerCall(),
        st.processCpuMicrosPerCall(),
        st.idleThreads,
        st.peakThreads);
  }

  // ---------------------------------------------------------------- SVG

  /** Two groups of bars, sync with one caller: p50 latency, and caller-thread CPU per call. */
  private String svg() {
    List<BarChart.Bar> p50 = new ArrayList<>();
    List<BarChart.Bar> cpu = new ArrayList<>();
    for (Loopback.Cell c : cells("sync")) {
      if (c.level() == 1) {
        p50.add(bar(c.pair().raw(), c.raw().percentileMicros(0.5)));
        p50.add(bar(c.pair().other(), c.other().percentileMicros(0.5)));
        cpu.add(bar(c.pair().raw(), c.raw().callerCpuMicrosPerCall()));
        cpu.add(bar(c.pair().other(), c.other().callerCpuMicrosPerCall()));
      }
    }
    return BarChart.svg(
        760,
        300,
        330,
        24,
        List.of(
            new BarChart.Group("Loopback, sync, 1 caller: p50 latency, µs", p50),
            new BarChart.Group("Loopback, sync, 1 caller: caller-thread CPU per call, µs", cpu)));
  }

  private static BarChart.Bar bar(Subject who, double value) {
    String color =
        switch (who.role) {
          case "raw" -> "#8c8c8c";
          case "stripe-java" -> "#b0413e";
          default -> "#2f6f9f";
        };
    return new BarChart.Bar(
        who.label, value, Double.NaN, color, String.format(Locale.ROOT, "%,.1f", value));
  }
}
