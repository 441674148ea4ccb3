package io.payclient.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Issue 16's webhook targets, measured interleaved ({@link Interleaved}): per scheme, {@link
 * WebhookBenchmark}'s {@code sdk}, {@code bare} and {@code bareTokenize} (and, for Lago JWT, {@code
 * jwtFloor} and {@code jwtFloorParse}) in one JVM, in rounds; the ratio of the SDK to its baseline
 * (bare RSA verify for Lago JWT, bare MAC + tokenize for the HMAC schemes) is taken within each
 * round, and the figure is the median over the rounds with the quartiles.
 *
 * <p>Arguments ({@code key=value}): {@code rounds} (default 30), {@code batchMillis} (default 40),
 * {@code warmupSeconds} (default 10 per scheme), {@code schemes} (default all), {@code out} (a
 * properties file).
 */
public final class WebhookRounds {
  private WebhookRounds() {}

  /** The baseline each scheme's target is measured against. */
  static String baseline(String scheme) {
    return scheme.equals("lago-jwt") ? "bare" : "bareTokenize";
  }

  public static void main(String[] args) throws Exception {
    Interleaved.runCases(
        args,
        "schemes",
        WebhookBenchmark.SCHEMES,
        10,
        1,
        WebhookRounds.class,
        WebhookRounds::measure);
  }

  private static void measure(String scheme, Interleaved.Settings settings, Properties p)
      throws Exception {
    WebhookBenchmark b = new WebhookBenchmark();
    b.scheme = scheme;
    b.setUp();
    Map<String, Interleaved.Op> ops = new LinkedHashMap<>();
    ops.put("sdk", b::sdk);
    ops.put("bare", b::bare);
    ops.put("bareTokenize", b::bareTokenize);
    ops.put("bareParse", b::bareParse);
    boolean jwt = scheme.equals("lago-jwt");
    if (jwt) {
      ops.put("jwtFloor", b::jwtFloor);
      ops.put("jwtFloorParse", b::jwtFloorParse);
    }
    Interleaved.Result m = Interleaved.measure(ops, settings);
    m.store(p, scheme);
    String baseline = baseline(scheme);
    double ratio = m.putRatio(p, scheme + ".ratio", "sdk", baseline);
    // The price of the typed read, and the verifier's own work above it.
    double parse = m.putRatio(p, scheme + ".parse.ratio", "bareParse", baseline);
    double overParse = m.putRatio(p, scheme + ".overParse.ratio", "sdk", "bareParse");
    if (jwt) {
      m.putRatio(p, scheme + ".floor.ratio", "jwtFloor", "bare");
      m.putRatio(p, scheme + ".overFloor.ratio", "sdk", "jwtFloor");
      // The floor with PayClient's typed read in place of the tokenize, and the SDK above it.
      m.putRatio(p, scheme + ".floorParse.ratio", "jwtFloorParse", "bare");
      m.putRatio(p, scheme + ".overFloorParse.ratio", "sdk", "jwtFloorParse");
    }
    System.out.printf(
        Locale.ROOT,
        "webhook rounds %s: sdk %.0f ns CPU/event, %.2fx %s; bare + typed read %.2fx %s, sdk"
            + " %.2fx bare + typed read (medians of %d rounds)%n",
        scheme,
        Interleaved.median(m.cpu().get("sdk")),
        ratio,
        baseline,
        parse,
        baseline,
        overParse,
        settings.rounds());
  }
}
