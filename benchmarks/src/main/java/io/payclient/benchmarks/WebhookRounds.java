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
    Map<String, String> a = Args.parse(args);
    Interleaved.Settings settings = Interleaved.Settings.of(a, 10);
    Properties p = settings.properties();
    String[] schemes =
        a.getOrDefault("schemes", String.join(",", WebhookBenchmark.SCHEMES)).split(",");
    for (String scheme : schemes) {
      WebhookBenchmark b = new WebhookBenchmark();
      b.scheme = scheme;
      b.setUp();
      Map<String, Interleaved.Op> ops = new LinkedHashMap<>();
      ops.put("sdk", b::sdk);
      ops.put("bare", b::bare);
      ops.put("bareTokenize", b::bareTokenize);
      ops.put("bareParse", b::bareParse);
      if (scheme.equals("lago-jwt")) {
        ops.put("jwtFloor", b::jwtFloor);
        ops.put("jwtFloorParse", b::jwtFloorParse);
      }
      Interleaved.Result m = Interleaved.measure(ops, settings);
      m.store(p, scheme);
      double[] ratio = m.ratio("sdk", baseline(scheme));
      Interleaved.put(p, scheme + ".ratio", ratio);
      // The price of the typed read, and the verifier's own work above it.
      Interleaved.put(p, scheme + ".parse.ratio", m.ratio("bareParse", baseline(scheme)));
      Interleaved.put(p, scheme + ".overParse.ratio", m.ratio("sdk", "bareParse"));
      if (scheme.equals("lago-jwt")) {
        Interleaved.put(p, scheme + ".floor.ratio", m.ratio("jwtFloor", "bare"));
        Interleaved.put(p, scheme + ".overFloor.ratio", m.ratio("sdk", "jwtFloor"));
        // The floor with PayClient's typed read in place of the tokenize, and the SDK above it.
        Interleaved.put(p, scheme + ".floorParse.ratio", m.ratio("jwtFloorParse", "bare"));
        Interleaved.put(p, scheme + ".overFloorParse.ratio", m.ratio("sdk", "jwtFloorParse"));
      }
      System.out.printf(
          Locale.ROOT,
          "webhook rounds %s: sdk %.0f ns CPU/event, %.2fx %s; bare + typed read %.2fx %s, sdk"
              + " %.2fx bare + typed read (medians of %d rounds)%n",
          scheme,
          Interleaved.median(m.cpu().get("sdk")),
          Interleaved.median(ratio),
          baseline(scheme),
          Interleaved.median(m.ratio("bareParse", baseline(scheme))),
          baseline(scheme),
          Interleaved.median(m.ratio("sdk", "bareParse")),
          settings.rounds());
    }
    Interleaved.write(p, a.get("out"), "WebhookRounds");
  }
}
