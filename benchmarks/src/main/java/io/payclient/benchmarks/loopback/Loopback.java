package io.payclient.benchmarks.loopback;

import io.payclient.benchmarks.Args;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Loopback end to end (issue 8, item 4): PayClient against raw OkHttp posting the same bytes, and
 * stripe-java against raw OkHttp posting stripe-java's bytes, on a fast HTTP/1.1 server in a child
 * JVM on 127.0.0.1; sync with 1, 16 and 256 caller threads, async with 1, 16 and 256 calls in
 * flight. Each cell runs the two contenders of a pair alternately (A B A B), after a warm-up. Then,
 * per PayClient vendor, a split at 16 callers (sync) adds raw OkHttp plus PayClient's JSON alone
 * between the two (A B C A B C), to show how much of PayClient's extra CPU is its JSON. Last,
 * {@link FloorRounds} measures issue 19's targets in rounds.
 *
 * <p>Arguments ({@code key=value}): {@code mode=full|smoke} (full by default), {@code out=} the
 * Markdown fragment, {@code json=} the raw numbers, {@code svg=} an optional chart, {@code page=}
 * the page the fragment goes into (the chart's link is relative to it; {@code out} by default);
 * {@code roundMs=} and {@code rounds=} override the plan.
 */
public final class Loopback {
  static final int[] LEVELS = {1, 16, 256};

  /** The SDK's dispatcher limit per host ({@code HttpTransport.MAX_REQUESTS_PER_HOST}). */
  static final int MAX_REQUESTS_PER_HOST = 64;

  /**
   * Where each client sends, mirroring the vendors' real base URL paths: Lago {@code
   * https://api.getlago.com/api/v1}, Billingrails {@code https://api.billingrails.com/v1},
   * Paygentic {@code https://api.paygentic.io}, Stripe {@code https://api.stripe.com}.
   */
  record Vendor(String name, String basePath, String createPath, int status, String resource) {
    String route() {
      return "POST " + createPath + "=" + status + "=" + resource;
    }
  }

  static final List<Vendor> VENDORS =
      List.of(
          new Vendor("lago", "/api/v1", "/api/v1/payments", 200, "lago-payment.json"),
          new Vendor("billingrails", "/v1", "/v1/payments", 201, "billingrails-payment.json"),
          new Vendor("paygentic", "", "/v0/payments", 201, "paygentic-payment.json"),
          new Vendor("stripe", "", "/v1/payment_intents", 200, "stripe-payment-intent.json"));

  /**
   * Durations in ms; the time bound aborts the run. {@code floorRoundMs} and {@code floorRounds}
   * are the rounds of {@link FloorRounds} (issue 19's targets).
   */
  record Plan(
      String mode,
      long warmupMs,
      long cellWarmupMs,
      long roundMs,
      int rounds,
      long floorRoundMs,
      int floorRounds,
      long boundSeconds) {}

  /** Raw OkHttp against one client, for one vendor. */
  record Pair(Vendor vendor, Subject raw, Subject other) {}

  /** One measured cell; {@code other} is null where the client has no async API. */
  record Cell(String mode, int level, Pair pair, Stats raw, Stats other) {}

  /** Callers in the split of PayClient's extra CPU into its JSON and the rest. */
  static final int SPLIT_LEVEL = 16;

  /** Raw OkHttp, raw OkHttp plus PayClient's JSON, and PayClient, for one vendor (sync). */
  record Split(Pair pair, Subject json, Stats raw, Stats withJson, Stats sdk) {}

  /** What one run measured. */
  record Results(List<Cell> cells, List<Split> splits, List<FloorRounds.Cell> floorCells) {}

  private Loopback() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Args.parse(args);
    String mode = a.getOrDefault("mode", "full");
    Plan plan =
        switch (mode) {
          case "full" -> new Plan(mode, 2000, 250, 500, 3, 250, 10, 480);
          case "smoke" -> new Plan(mode, 100, 30, 80, 1, 40, 2, 90);
          default -> throw new IllegalArgumentException("mode=full or mode=smoke");
        };
    if (a.containsKey("roundMs") || a.containsKey("rounds")) {
      plan =
          new Plan(
              mode,
              plan.warmupMs(),
              plan.cellWarmupMs(),
              Long.parseLong(a.getOrDefault("roundMs", "" + plan.roundMs())),
              Integer.parseInt(a.getOrDefault("rounds", "" + plan.rounds())),
              plan.floorRoundMs(),
              plan.floorRounds(),
              plan.boundSeconds() * 3);
    }
    watchdog(plan.boundSeconds());
    long start = System.nanoTime();
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Results results = run(plan);
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long seconds = Math.round((System.nanoTime() - start) / 1e9);
    LoopbackReport report = new LoopbackReport(plan, results, seconds, loadBefore, loadAfter);
    Path out = Path.of(a.getOrDefault("out", "benchmarks/target/loopback-" + mode + ".md"));
    Path json = Path.of(a.getOrDefault("json", "benchmarks/target/loopback-" + mode + ".json"));
    Path svg = a.containsKey("svg") ? Path.of(a.get("svg")) : null;
    Path page = Path.of(a.getOrDefault("page", out.toString()));
    report.write(out, json, svg, page);
    System.out.printf(
        Locale.ROOT, "loopback (%s) done in %d s: %s, %s%n", mode, seconds, out, json);
    System.exit(0);
  }

  private static Results run(Plan plan) throws Exception {
    List<String> routes = new ArrayList<>();
    VENDORS.forEach(v -> routes.add(v.route()));
    try (ServerProcess server = ServerProcess.start(routes)) {
      String root = "http://127.0.0.1:" + server.port();
      // One OkHttp client for raw OkHttp and (through okHttpClient(...), which shares the pool and
      // dispatcher) the SDK: OkHttp's default dispatcher executor, the SDK's per-host limit, and a
      // pool that keeps 256 connections alive for the 256-thread cells.
      ThreadPoolExecutor dispatcherThreads =
          new ThreadPoolExecutor(
              0,
              Integer.MAX_VALUE,
              60,
              TimeUnit.SECONDS,
              new SynchronousQueue<>(),
              r -> {
                Thread t = new Thread(r, "OkHttp Dispatcher");
                t.setDaemon(true);
                return t;
              });
      Dispatcher dispatcher = new Dispatcher(dispatcherThreads);
      dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
      OkHttpClient http =
          new OkHttpClient.Builder()
              .dispatcher(dispatcher)
              .connectionPool(new ConnectionPool(512, 5, TimeUnit.MINUTES))
              .build();
      List<Pair> pairs = new ArrayList<>();
      Map<String, Subject> jsons = new LinkedHashMap<>();
      List<Subject> keyGiven = new ArrayList<>();
      List<Subject> handWritten = new ArrayList<>();
      for (Vendor v : VENDORS) {
        int length = LoopbackServer.resource(v.resource()).length;
        HttpUrl url = HttpUrl.get(root + v.createPath());
        Subject raw = Subject.raw(v.name(), http, url, v.status(), length);
        Subject other = Subject.client(v.name(), root + v.basePath(), http);
        pairs.add(new Pair(v, raw, other));
        if (!v.name().equals("stripe")) {
          jsons.put(v.name(), Subject.json(v.name(), http, url, v.status()));
          handWritten.add(Subject.handWritten(v.name(), root + v.basePath(), http));
        }
        if (v.name().equals("billingrails") || v.name().equals("paygentic")) {
          keyGiven.add(Subject.keyGiven(v.name(), root + v.basePath(), http));
        }
      }
      System.out.printf(
          Locale.ROOT,
          "loopback server pid %d on %s; %s plan %s%n",
          server.pid(),
          root,
          plan.mode(),
          plan);
      for (Subject json : jsons.values()) {
        json.call();
        json.callAsync().get(30, TimeUnit.SECONDS);
      }
      for (Subject s : keyGiven) {
        s.call();
      }
      for (Subject s : handWritten) {
        s.call();
      }
      for (Pair p : pairs) { // every contender answers correctly before anything is timed
        for (Subject s : List.of(p.raw(), p.other())) {
          s.call();
          if (s.hasAsync() && p.other().hasAsync()) {
            s.callAsync().get(30, TimeUnit.SECONDS);
          }
        }
      }
      Rounds rounds = new Rounds(dispatcherThreads);
      long warm = TimeUnit.MILLISECONDS.toNanos(plan.warmupMs());
      for (Pair p : pairs) {
        for (Subject s : List.of(p.raw(), p.other())) {
          rounds.sync(s, 16, warm, null);
          if (p.other().hasAsync()) {
            rounds.async(s, 16, warm, null);
          }
        }
      }
      for (Subject json : jsons.values()) { // warmed as long as the contenders it is compared with
        rounds.sync(json, 16, warm, null);
        rounds.async(json, 16, warm, null);
      }
      for (Subject s : keyGiven) {
        rounds.sync(s, 16, warm, null);
      }
      for (Subject s : handWritten) {
        rounds.sync(s, 16, warm, null);
      }
      List<Cell> cells = new ArrayList<>();
      for (String mode : List.of("sync", "async")) {
        for (int level : LEVELS) {
          for (Pair p : pairs) {
            Cell cell = cell(rounds, plan, mode, level, p);
            cells.add(cell);
            progress(cell);
          }
        }
      }
      List<Split> splits = new ArrayList<>();
      for (Pair p : pairs) {
        Subject json = jsons.get(p.vendor().name());
        if (json == null) {
          continue; // stripe-java
        }
        Split split = split(rounds, plan, p, json);
        splits.add(split);
        System.out.printf(
            Locale.ROOT,
            "split %3d %-12s cpu %7.1f / %7.1f / %7.1f us/call (raw / +JSON / PayClient)%n",
            SPLIT_LEVEL,
            split.pair().vendor().name(),
            split.raw().callerCpuMicrosPerCall(),
            split.withJson().callerCpuMicrosPerCall(),
            split.sdk().callerCpuMicrosPerCall());
      }
      List<FloorRounds.Cell> floorCells =
          FloorRounds.run(rounds, plan, pairs, jsons, keyGiven, handWritten);
      keyGiven.forEach(Subject::close);
      handWritten.forEach(Subject::close);
      for (Pair p : pairs) {
        p.raw().close();
        p.other().close();
      }
      dispatcherThreads.shutdown();
      http.connectionPool().evictAll();
      return new Results(cells, splits, floorCells);
    }
  }

  private static Cell cell(Rounds rounds, Plan plan, String mode, int level, Pair p)
      throws Exception {
    boolean async = mode.equals("async");
    if (async && !p.other().hasAsync()) {
      return new Cell(mode, level, p, null, null);
    }
    Stats raw = new Stats();
    Stats other = new Stats();
    long warm = TimeUnit.MILLISECONDS.toNanos(plan.cellWarmupMs());
    long round = TimeUnit.MILLISECONDS.toNanos(plan.roundMs());
    run(rounds, async, p.raw(), level, warm, null);
    run(rounds, async, p.other(), level, warm, null);
    for (int i = 0; i < plan.rounds(); i++) { // A B A B
      run(rounds, async, p.raw(), level, round, raw);
      run(rounds, async, p.other(), level, round, other);
    }
    return new Cell(mode, level, p, raw, other);
  }

  /**
   * Sync at {@link #SPLIT_LEVEL} callers: raw, raw + JSON, PayClient, alternately (A B C A B C).
   */
  private static Split split(Rounds rounds, Plan plan, Pair p, Subject json) throws Exception {
    List<Subject> order = List.of(p.raw(), json, p.other());
    List<Stats> stats = List.of(new Stats(), new Stats(), new Stats());
    long warm = TimeUnit.MILLISECONDS.toNanos(plan.cellWarmupMs());
    long round = TimeUnit.MILLISECONDS.toNanos(plan.roundMs());
    for (Subject s : order) {
      rounds.sync(s, SPLIT_LEVEL, warm, null);
    }
    for (int i = 0; i < plan.rounds(); i++) {
      for (int j = 0; j < order.size(); j++) {
        rounds.sync(order.get(j), SPLIT_LEVEL, round, stats.get(j));
      }
    }
    return new Split(p, json, stats.get(0), stats.get(1), stats.get(2));
  }

  private static void run(
      Rounds rounds, boolean async, Subject s, int level, long nanos, Stats stats)
      throws Exception {
    if (async) {
      rounds.async(s, level, nanos, stats);
    } else {
      rounds.sync(s, level, nanos, stats);
    }
  }

  private static void progress(Cell c) {
    if (c.other() == null) {
      System.out.printf(
          Locale.ROOT,
          "%-5s %3d %-12s n/a (no async API)%n",
          c.mode(),
          c.level(),
          c.pair().vendor().name());
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%-5s %3d %-12s p50 %8.1f / %8.1f us  cpu %7.1f / %7.1f us/call  %8.0f / %8.0f calls/s%n",
        c.mode(),
        c.level(),
        c.pair().vendor().name(),
        c.raw().percentileMicros(0.5),
        c.other().percentileMicros(0.5),
        LoopbackReport.cpu(c.mode(), c.raw()),
        LoopbackReport.cpu(c.mode(), c.other()),
        c.raw().callsPerSecond(),
        c.other().callsPerSecond());
  }

  /** Ends the run (and, through the shutdown hook, the server) if it outlives its bound. */
  private static void watchdog(long seconds) {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
              } catch (InterruptedException e) {
                return;
              }
              System.err.println("loopback: still running after " + seconds + " s, aborting");
              System.exit(3);
            },
            "loopback-watchdog");
    t.setDaemon(true);
    t.start();
  }
}
