package io.payclient.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Issue 19's reader target, measured interleaved ({@link Interleaved}): per vendor, {@link
 * SerdeBenchmark}'s {@code parse} (the canned create response read into the typed payment) and
 * {@code tokenize} (Moshi's {@code skipValue} over the same bytes) in one JVM, in rounds; the ratio
 * {@code parse / tokenize} is taken within each round, and the figure is the median over the rounds
 * with the quartiles. Target: ≤ 1.6× for every vendor. {@code materialize} (every name and scalar
 * built as a string, nothing else) isolates what any reader that keeps the values pays over the
 * tokenize, from what PayClient's typed read adds above that; {@code select} (names matched with
 * {@code selectName}, as PayClient's readers match them, scalars built as strings) is the floor of
 * a reader built as PayClient's are, and {@code parse / select} what typing the values and building
 * the payment's objects cost above it.
 *
 * <p>Arguments ({@code key=value}): {@code rounds} (default 30), {@code batchMillis} (default 40),
 * {@code warmupSeconds} (default 5 per vendor), {@code vendors} (default all three), {@code out} (a
 * properties file).
 */
public final class SerdeRounds {
  /** The target for {@code parse / tokenize}. */
  static final double TARGET = 1.6;

  static final String[] VENDORS = {"lago", "billingrails", "paygentic"};

  private SerdeRounds() {}

  public static void main(String[] args) throws Exception {
    Interleaved.runCases(args, "vendors", VENDORS, 5, 3, SerdeRounds.class, SerdeRounds::measure);
  }

  private static void measure(String vendor, Interleaved.Settings settings, Properties p)
      throws Exception {
    SerdeBenchmark b = new SerdeBenchmark();
    b.target = vendor;
    b.setUp();
    Map<String, Interleaved.Op> ops = new LinkedHashMap<>();
    ops.put("parse", b::parse);
    ops.put("tokenize", b::tokenize);
    ops.put("materialize", b::materialize);
    ops.put("select", b::select);
    Interleaved.Result m = Interleaved.measure(ops, settings);
    m.store(p, vendor);
    double ratio = m.putRatio(p, vendor + ".ratio", "parse", "tokenize");
    // What building every value as a String costs over the tokenize, and the typed read over it.
    double materialize = m.putRatio(p, vendor + ".materialize.ratio", "materialize", "tokenize");
    m.putRatio(p, vendor + ".overMaterialize.ratio", "parse", "materialize");
    // A selectName reader keeping the values as strings, and PayClient's typing and objects above
    // it.
    double select = m.putRatio(p, vendor + ".select.ratio", "select", "tokenize");
    double overSelect = m.putRatio(p, vendor + ".overSelect.ratio", "parse", "select");
    System.out.printf(
        Locale.ROOT,
        "serde rounds %s: parse %.0f ns CPU, %.0f B; parse / tokenize %.2fx; materialize /"
            + " tokenize %.2fx; select / tokenize %.2fx; parse / select %.2fx (medians of %d"
            + " rounds)%n",
        vendor,
        Interleaved.median(m.cpu().get("parse")),
        Interleaved.median(m.alloc().get("parse")),
        ratio,
        materialize,
        select,
        overSelect,
        settings.rounds());
  }
}
