package io.payclient.benchmarks.loopback;

import io.payclient.benchmarks.Interleaved;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Issue 19's loopback targets, in rounds: PayClient against the Moshi floor (raw OkHttp plus
 * PayClient's own JSON for that vendor and nothing else) at 16 sync callers and 16 and 256 async
 * calls in flight, and against stripe-java at 1, 16 and 256 sync callers. In each round every
 * subject of a cell runs once, in an order that rotates from round to round, and every ratio is
 * taken inside one round; a figure is the median over the rounds, with the quartiles and the range
 * as its spread. So a 1-caller cell is decided by the rounds' median, not by one unlucky stretch of
 * scheduling.
 */
final class FloorRounds {
  static final double CPU_TARGET = 1.10;
  static final double P50_TARGET = 1.05;
  static final double STRIPE_TARGET = 0.6;
  static final double HAND_WRITTEN_CPU_TARGET = 1.0;
  static final double HAND_WRITTEN_ALLOC_TARGET = 0.5;

  /** Calls in flight, PayClient over raw OkHttp at 256: comparable within this fraction. */
  static final double IN_FLIGHT_TOLERANCE = 0.10;

  /** Async calls in flight at which PayClient and raw OkHttp must keep as many in flight. */
  static final int IN_FLIGHT_LEVEL = 256;

  /** The concurrency at which p50 is held to the floor (the "16 callers"). */
  static final int P50_LEVEL = 16;

  /** One mode and concurrency: per subject, what it measured in each round. */
  record Cell(String mode, int level, Map<Subject, Stats[]> rounds) {
    Stats[] of(Subject s) {
      Stats[] r = rounds.get(s);
      if (r == null) {
        throw new IllegalStateException(s.label + " not measured in " + mode + " " + level);
      }
      return r;
    }
  }

  private FloorRounds() {}

  /**
   * Measures the cells: sync 1 and 256 (PayClient and stripe-java), sync 16 (the floor, PayClient,
   * PayClient with the idempotency key given, the hand-written OkHttp + Jackson integration and
   * stripe-java), async 16 and 256 (the floor and PayClient; at 256 also raw OkHttp, for the calls
   * in flight).
   */
  static List<Cell> run(
      Rounds rounds,
      Loopback.Plan plan,
      List<Loopback.Pair> pairs,
      Map<String, Subject> floors,
      List<Subject> keyGiven,
      List<Subject> handWritten)
      throws Exception {
    List<Subject> sdks = new ArrayList<>();
    List<Subject> raws = new ArrayList<>();
    Subject stripe = null;
    for (Loopback.Pair p : pairs) {
      if (p.vendor().name().equals("stripe")) {
        stripe = p.other();
      } else {
        sdks.add(p.other());
        raws.add(p.raw());
      }
    }
    if (stripe == null) {
      throw new IllegalStateException("no stripe-java subject");
    }
    List<Cell> cells = new ArrayList<>();
    for (int level : Loopback.LEVELS) {
      List<Subject> subjects = new ArrayList<>();
      if (level == P50_LEVEL) {
        subjects.addAll(floors.values());
        subjects.addAll(keyGiven);
        subjects.addAll(handWritten);
      }
      subjects.addAll(sdks);
      subjects.add(stripe);
      cells.add(cell(rounds, plan, "sync", level, subjects));
    }
    for (int level : new int[] {16, 256}) {
      List<Subject> subjects = new ArrayList<>(floors.values());
      subjects.addAll(sdks);
      if (level == IN_FLIGHT_LEVEL) {
        subjects.addAll(raws); // calls in flight, PayClient against raw OkHttp (item 4)
      }
      cells.add(cell(rounds, plan, "async", level, subjects));
    }
    return cells;
  }

  private static Cell cell(
      Rounds rounds, Loopback.Plan plan, String mode, int level, List<Subject> subjects)
      throws Exception {
    long warm = TimeUnit.MILLISECONDS.toNanos(plan.cellWarmupMs());
    long round = TimeUnit.MILLISECONDS.toNanos(plan.floorRoundMs());
    Map<Subject, Stats[]> stats = new LinkedHashMap<>();
    for (Subject s : subjects) {
      run(rounds, mode, level, s, warm, null);
      stats.put(s, new Stats[plan.floorRounds()]);
    }
    for (int r = 0; r < plan.floorRounds(); r++) {
      for (int i = 0; i < subjects.size(); i++) { // the order rotates from round to round
        Subject s = subjects.get((i + r) % subjects.size());
        Stats st = new Stats();
        run(rounds, mode, level, s, round, st);
        stats.get(s)[r] = st;
      }
    }
    Cell c = new Cell(mode, level, stats);
    System.out.printf(Locale.ROOT, "floor rounds %-5s %3d done%n", mode, level);
    return c;
  }

  private static void run(Rounds rounds, String mode, int level, Subject s, long nanos, Stats stats)
      throws Exception {
    if (mode.equals("async")) {
      rounds.async(s, level, nanos, stats);
    } else {
      rounds.sync(s, level, nanos, stats);
    }
  }

  /** {@code a}'s figure over {@code b}'s, round by round. */
  static double[] ratios(Stats[] a, Stats[] b, ToDoubleFunction<Stats> f) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = f.applyAsDouble(a[i]) / f.applyAsDouble(b[i]);
    }
    return r;
  }

  static double[] values(Stats[] a, ToDoubleFunction<Stats> f) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = f.applyAsDouble(a[i]);
    }
    return r;
  }

  /** Median, quartiles and range of one figure over the rounds. */
  record Spread(double median, double p25, double p75, double min, double max) {
    static Spread of(double[] values) {
      double[] s = values.clone();
      Arrays.sort(s);
      return new Spread(
          Interleaved.quantile(s, 0.5),
          Interleaved.quantile(s, 0.25),
          Interleaved.quantile(s, 0.75),
          s[0],
          s[s.length - 1]);
    }

    String ratio() {
      return String.format(Locale.ROOT, "%.2f× [%.2f, %.2f]", median, p25, p75);
    }
  }
}
