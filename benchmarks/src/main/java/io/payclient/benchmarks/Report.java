package io.payclient.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes docs/BENCHMARKS.md and its SVG chart from one run: the JMH JSON result (create and
 * serialize/parse), the cold-start properties, the two footprint class paths and the loopback
 * harness's Markdown fragment; and the figures before the issue-8 fixes ({@code before.properties})
 * next to this run's.
 *
 * <p>Arguments: {@code key=value} pairs: {@code jmh}, {@code coldstart}, {@code footprintLago},
 * {@code footprintStripe}, {@code loopback}, {@code out}, {@code svg}, {@code command}, {@code
 * seconds}, {@code jmhArgs}, {@code cores}, {@code date}, {@code cpu}. With {@code
 * webhooksOnly=true} (and then only {@code jmh}, {@code out}, {@code command}, {@code jmhArgs},
 * {@code cores}, {@code date}, {@code cpu}), the JMH result holds {@code WebhookBenchmark} alone
 * and only the "Webhook verification" section of {@code out} is replaced (inserted before
 * "Footprint" when absent); the rest of the page is left as it is. {@code contendersOnly=true} and
 * {@code instrumentationOnly=true} do the same for their sections. With {@code loopbackOnly=true}
 * (and then only {@code loopback} and {@code out}), only the "Loopback end to end" section and the
 * loopback rows of the glance table are replaced.
 */
public final class Report {
  private static final String[] SDK = {"lago", "billingrails", "paygentic"};
  private static final String[] ALL = Contender.NAMES;
  private static final String[] METHODS = {"build", "create", "floor"};
  private static final String[] SERDE = {"serialize", "parse", "tokenize"};
  private static final String[] WEBHOOK = {"sdk", "bare", "bareTokenize"};
  private static final String WEBHOOK_HEADING = "## Webhook verification";
  private static final double JWT_TARGET = 1.2;
  private static final double HMAC_TARGET = 2.0;

  /** A measurement with its 99.9% half-interval, as JMH reports it. */
  record Score(double value, double error) {
    Score minus(Score o) {
      return new Score(value - o.value, Math.sqrt(error * error + o.error * o.error));
    }

    /** The ratio and its propagated half-interval (first order). */
    Score over(Score o) {
      double r = value / o.value;
      double rel = Math.sqrt(sq(error / value) + sq(o.error / o.value));
      return new Score(r, Math.abs(r) * rel);
    }

    private static double sq(double x) {
      return x * x;
    }
  }

  private final Map<String, Score> time = new LinkedHashMap<>();
  private final Map<String, Score> alloc = new LinkedHashMap<>();

  /** {@link InstrumentationRounds}' figures, empty when the run had none. */
  private Properties rounds = new Properties();

  /** {@link WebhookRounds}' figures, empty when the run had none. */
  private Properties webhookRounds = new Properties();

  /** {@link SerdeRounds}' figures, empty when the run had none. */
  private Properties serdeRounds = new Properties();

  /** {@link JacksonRounds}' figures, empty when the run had none. */
  private Properties jacksonRounds = new Properties();

  /** {@link ScaleRun}'s figures, empty when the run had none. */
  private Properties scale = new Properties();

  private Report() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> a = Args.parse(args);
    if (Boolean.parseBoolean(a.get("loopbackOnly"))) {
      loopbackOnly(a);
      return;
    }
    Report r = new Report();
    r.readJmh(Path.of(a.get("jmh")));
    r.rounds = Interleaved.read(a.get("rounds"));
    r.webhookRounds = Interleaved.read(a.get("webhookRounds"));
    r.serdeRounds = Interleaved.read(a.get("serdeRounds"));
    r.jacksonRounds = Interleaved.read(a.get("jacksonRounds"));
    r.scale = Interleaved.read(a.get("scale"));
    if (Boolean.parseBoolean(a.get("webhooksOnly"))) {
      r.webhooksOnly(a);
      return;
    }

    if (Boolean.parseBoolean(a.get("contendersOnly"))) {
      r.contendersOnly(a);
      return;
    }
    if (Boolean.parseBoolean(a.get("instrumentationOnly"))) {
      r.instrumentationOnly(a, spring(a));
      return;
    }
    List<String> missing = r.missing();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("JMH results missing: " + missing);
    }
    Properties cold = new Properties();
    if (a.containsKey("coldstart")) {
      try (Reader in = Files.newBufferedReader(Path.of(a.get("coldstart")))) {
        cold.load(in);
      }
    }
    Properties spring = spring(a);
    String loopback =
        a.containsKey("loopback") ? Files.readString(Path.of(a.get("loopback"))) : null;
    Properties before = new Properties();
    try (var in = Report.class.getResourceAsStream("/before.properties")) {
      before.load(Objects.requireNonNull(in, "before.properties"));
    }
    Map<String, Long> lago = jars(Path.of(a.get("footprintLago")));
    Map<String, Long> stripe = jars(Path.of(a.get("footprintStripe")));
    Path out = Path.of(a.get("out"));
    Path svg = Path.of(a.get("svg"));
    Files.writeString(svg, r.svg(), StandardCharsets.UTF_8);
    Files.writeString(
        out,
        r.markdown(
            a,
            cold,
            lago,
            stripe,
            out.getParent().relativize(svg).toString(),
            before,
            loopback,
            spring),
        StandardCharsets.UTF_8);
    System.out.println("wrote " + out + " and " + svg);
  }

  @SuppressWarnings("unchecked")
  private void readJmh(Path file) throws IOException {
    JsonAdapter<Object> adapter = new Moshi.Builder().build().adapter(Object.class);
    List<Object> runs = (List<Object>) adapter.fromJson(Files.readString(file));
    if (runs == null) {
      throw new IllegalStateException("empty JMH result");
    }
    for (Object o : runs) {
      Map<String, Object> run = (Map<String, Object>) o;
      String bench = (String) run.get("benchmark");
      String method = bench.substring(bench.lastIndexOf('.') + 1);
      Map<String, Object> params = (Map<String, Object>) run.get("params");
      if (params == null) { // a benchmark without @Param (KeyBenchmark): keyed <Class>.<method>
        String cls = bench.substring(0, bench.lastIndexOf('.'));
        params = Map.of("target", cls.substring(cls.lastIndexOf('.') + 1));
      }
      Object scheme = params.get("scheme");
      Object listener = params.get("listener");
      // WebhookBenchmark's rows are keyed webhook.<scheme>.<method>, InstrumentationBenchmark's
      // instr.<target>.<listener>, the others <target>.<method>.
      String key =
          scheme != null
              ? "webhook." + scheme + "." + method
              : listener != null
                  ? "instr." + params.get("target") + "." + listener
                  : (String) params.get("target") + "." + method;
      time.put(key, score((Map<String, Object>) run.get("primaryMetric")));
      Map<String, Object> secondary = (Map<String, Object>) run.get("secondaryMetrics");
      Object norm = secondary == null ? null : secondary.get("gc.alloc.rate.norm");
      if (norm != null) {
        alloc.put(key, score((Map<String, Object>) norm));
      }
    }
  }

  private static Score score(Map<String, Object> metric) {
    double value = ((Number) metric.get("score")).doubleValue();
    Object e = metric.get("scoreError");
    double error = e instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : 0;
    return new Score(value, error);
  }

  private List<String> missing() {
    List<String> missing = new ArrayList<>();
    List<String> methods = new ArrayList<>(List.of(METHODS));
    methods.addAll(List.of(SERDE));
    for (String t : ALL) {
      for (String m : methods) {
        if (!time.containsKey(t + "." + m)) {
          missing.add(t + "." + m + " time");
        }
        if (!alloc.containsKey(t + "." + m)) {
          missing.add(t + "." + m + " gc.alloc.rate.norm");
        }
      }
    }
    missing.addAll(missingWebhooks());
    missing.addAll(missingInstrumentation());
    missing.addAll(missingContenders());
    return missing;
  }

  private List<String> missingWebhooks() {
    List<String> missing = new ArrayList<>();
    for (String scheme : WebhookBenchmark.SCHEMES) {
      for (String m : WEBHOOK) {
        String key = "webhook." + scheme + "." + m;
        if (!time.containsKey(key)) {
          missing.add(key + " time");
        }
        if (!alloc.containsKey(key)) {
          missing.add(key + " gc.alloc.rate.norm");
        }
      }
    }
    return missing;
  }

  /** Replaces (or inserts) the webhook section of an existing page, from a webhook-only run. */
  private void webhooksOnly(Map<String, String> a) throws IOException {
    List<String> missing = missingWebhooks();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("JMH results missing: " + missing);
    }
    StringBuilder section = new StringBuilder();
    webhooks(section, a);
    Path out = Path.of(a.get("out"));
    String page = replaceSection(Files.readString(out), WEBHOOK_HEADING, section.toString(), out);
    StringBuilder rows = new StringBuilder();
    webhookGlance(rows);
    page = replaceGlanceRows(page, "| webhook (issue 16): ", rows.toString(), false, out);
    Files.writeString(out, page, StandardCharsets.UTF_8);
    System.out.println("wrote the webhook section and glance rows of " + out);
  }

  /**
   * The "Webhook verification" section. From a webhook-only run ({@code webhooksOnly=true}) it says
   * where, when and how it was measured, since the rest of the page comes from another run.
   */
  private void webhooks(StringBuilder s, Map<String, String> a) {
    s.append(WEBHOOK_HEADING).append("\n\n");
    if (Boolean.parseBoolean(a.get("webhooksOnly"))) {
      s.append("Measured on ")
          .append(a.get("date"))
          .append(", ")
          .append(a.get("cores"))
          .append(" cores (")
          .append(a.get("cpu"))
          .append("), ")
          .append(System.getProperty("java.vm.name"))
          .append(' ')
          .append(System.getProperty("java.version"))
          .append(", by `")
          .append(a.get("command"))
          .append("` (JMH `")
          .append(a.get("jmhArgs"))
          .append(
              "`), in a run of its own: only this section comes from that run, and its"
                  + " ratios compare figures of that run.\n\n");
    }
    s.append(
        "`WebhookBenchmark`: verify and parse one event per operation through the SDK's public"
            + " verifier (`verifyEvent(body, headers::get)`: the header checks, the signature over"
            + " the raw bytes, then the event read with its payment object), built once (Lago's"
            + " from a PEM with `.publicKey(pem)`, nothing fetched; Paygentic's with a fixed clock"
            + " so the signed timestamp stays valid). Bodies are compact JSON as the vendors send"
            + " them, in `benchmarks/src/main/resources/webhooks/`: Lago"
            + " `payment_request.payment_status_updated` with its payment request, customer and"
            + " invoice (1.4 kB; its JWT carries the body in its `data` claim, 2.6 kB of header),"
            + " Billingrails `payment.succeeded` with its payment and payment method (1.2 kB),"
            + " Paygentic (Svix) `payment.completed.v0` with its payment (1.1 kB). Signatures are"
            + " made in setup with the JDK (`javax.crypto.Mac` HmacSHA256; `SHA256withRSA`,"
            + " 2048-bit key). Baselines on the very same bytes, with the JDK object initialised"
            + " once and reused: **bare** = the primitive alone (`Mac.doFinal` over the signed"
            + " content: the body, for Svix `id.timestamp.body`; `Signature.verify` over the JWT's"
            + " signing input); **bare + tokenize** = that plus Moshi tokenizing the body"
            + " (`JsonReader.skipValue()`, keeping nothing). Targets: HMAC schemes ≤ 2× bare +"
            + " tokenize; Lago JWT ≤ 1.2× the bare RSA verify.\n\n");
    if (!webhookRounds.isEmpty()) {
      s.append(
          "**Interleaved rounds** (`WebhookRounds`, the verdicts): per scheme, the SDK and its"
              + " baselines in one JVM (a JVM of its own per scheme), in rounds, each one batch per"
              + " round (about "
              + webhookRounds.getProperty("batchMillis")
              + " ms of CPU; order rotated per round), measured by the thread's CPU time and"
              + " allocated bytes; "
              + webhookRounds.getProperty("rounds")
              + " rounds after "
              + webhookRounds.getProperty("warmupSeconds")
              + " s of warm-up; the ratio is taken within each round; shown: the median over the"
              + " rounds [quartiles].\n\n");
      s.append(
          "| scheme | SDK CPU µs/event | SDK B/event | baseline | baseline CPU µs | ratio, median"
              + " [p25, p75] | target | verdict | bare + typed read / baseline | SDK / (bare +"
              + " typed read) |\n");
      s.append("|---|---:|---:|---|---:|---|---:|---|---:|---:|\n");
      for (String scheme : WebhookBenchmark.SCHEMES) {
        boolean jwt = scheme.equals("lago-jwt");
        String base = WebhookRounds.baseline(scheme);
        double ratio = num(webhookRounds, scheme + ".ratio.median");
        double target = jwt ? JWT_TARGET : HMAC_TARGET;
        s.append(
            String.format(
                Locale.ROOT,
                "| %s | %.2f | %,.0f | %s | %.2f | %.2f× [%.2f, %.2f] | ≤ %.1f× | %s | %.2f× |"
                    + " %.2f× |%n",
                webhookLabel(scheme),
                num(webhookRounds, scheme + ".sdk.cpu.median") / 1000,
                num(webhookRounds, scheme + ".sdk.alloc.median"),
                jwt ? "bare RSA verify" : "bare MAC + tokenize",
                num(webhookRounds, scheme + "." + base + ".cpu.median") / 1000,
                ratio,
                num(webhookRounds, scheme + ".ratio.p25"),
                num(webhookRounds, scheme + ".ratio.p75"),
                target,
                verdict(ratio, target),
                num(webhookRounds, scheme + ".parse.ratio.median"),
                num(webhookRounds, scheme + ".overParse.ratio.median")));
      }
      s.append(
          "\n**bare + typed read** (`WebhookBenchmark.bareParse`, in the same rounds): the bare"
              + " primitive, then PayClient's own typed reader of the event's payment object, the"
              + " envelope's other members skipped; no header checks, no envelope fields, no"
              + " neutral mapping, no copy of the body. It splits the SDK's ratio into the price of"
              + " the typed read (its column) and the verifier's own work above it (the last"
              + " column).\n");
      s.append(
          String.format(
              Locale.ROOT,
              "%nLago JWT against the floor of a conforming verifier (`jwtFloor`, below), same"
                  + " rounds: the floor is %.2f× [%.2f, %.2f] the bare RSA verify, the SDK %.2f×"
                  + " [%.2f, %.2f] that floor. With PayClient's typed read in place of the"
                  + " floor's tokenize (`jwtFloorParse`: what a conforming verifier that returns"
                  + " the typed payment request costs at least, with PayClient's reader), the floor"
                  + " is %.2f× [%.2f, %.2f] the bare RSA verify, and the SDK %.2f× [%.2f, %.2f]"
                  + " that.%n%nJMH's figures (each benchmark in forks of its own, minutes apart; on"
                  + " a shared machine their ratios carry the machine's drift):%n%n",
              num(webhookRounds, "lago-jwt.floor.ratio.median"),
              num(webhookRounds, "lago-jwt.floor.ratio.p25"),
              num(webhookRounds, "lago-jwt.floor.ratio.p75"),
              num(webhookRounds, "lago-jwt.overFloor.ratio.median"),
              num(webhookRounds, "lago-jwt.overFloor.ratio.p25"),
              num(webhookRounds, "lago-jwt.overFloor.ratio.p75"),
              num(webhookRounds, "lago-jwt.floorParse.ratio.median"),
              num(webhookRounds, "lago-jwt.floorParse.ratio.p25"),
              num(webhookRounds, "lago-jwt.floorParse.ratio.p75"),
              num(webhookRounds, "lago-jwt.overFloorParse.ratio.median"),
              num(webhookRounds, "lago-jwt.overFloorParse.ratio.p25"),
              num(webhookRounds, "lago-jwt.overFloorParse.ratio.p75")));
    }
    s.append(
        "| scheme | SDK µs/event | SDK B/event | baseline | baseline µs | ratio | target |"
            + " verdict | bare µs | bare + tokenize µs |\n");
    s.append("|---|---:|---:|---|---:|---:|---:|---|---:|---:|\n");
    for (String scheme : WebhookBenchmark.SCHEMES) {
      boolean jwt = scheme.equals("lago-jwt");
      String k = "webhook." + scheme + ".";
      Score sdk = time.get(k + "sdk");
      Score base = time.get(k + (jwt ? "bare" : "bareTokenize"));
      Score ratio = sdk.over(base);
      double target = jwt ? JWT_TARGET : HMAC_TARGET;
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,.0f | %s | %s | %s | ≤ %.1f× | %s | %s | %s |%n",
              webhookLabel(scheme),
              micros(sdk),
              alloc.get(k + "sdk").value,
              jwt ? "bare RSA verify" : "bare MAC + tokenize",
              micros(base),
              ratio(ratio),
              target,
              !webhookRounds.isEmpty() ? "(see rounds)" : verdict(ratio.value, target),
              micros(time.get(k + "bare")),
              micros(time.get(k + "bareTokenize"))));
    }
    s.append('\n');
    Score floor = time.get("webhook.lago-jwt.jwtFloor");
    if (floor != null) {
      Score rsa = time.get("webhook.lago-jwt.bare");
      s.append(
          String.format(
              Locale.ROOT,
              "The floor of a conforming Lago JWT verifier (`jwtFloor`: the bare RSA verify, then"
                  + " what the spec makes every verifier do besides: base64url-decode the claims,"
                  + " read `iss` and the `data` string out of them with Moshi, compare `data`'s"
                  + " UTF-8 bytes with the body, then tokenize the body; no typed parse):"
                  + " %s µs, **%s the bare RSA verify**, %s the 1.2× target on its own; the"
                  + " SDK is %s that floor.%n%n",
              micros(floor),
              ratio(floor.over(rsa)),
              floor.over(rsa).value > JWT_TARGET ? "above" : "within",
              ratio(time.get("webhook.lago-jwt.sdk").over(floor))));
    }
    s.append(
        "Profile (issue 16, item 6; JFR on a verification loop, allocation per step with"
            + " `ThreadMXBean`). Three costs were the verifiers' own and are fixed: each nested"
            + " payment object was read twice (from a `peekJson`, then skipped), which also kept the"
            + " body's Okio segment out of the pool (about 16 KiB of garbage per event): now one"
            + " pass, falling back to the peek only when the object cannot be read;"
            + " `Mac.getInstance` + `init` per message (about 7% of a Billingrails verification):"
            + " now one idle initialised `Mac` is kept for the next message (a concurrent message"
            + " clones one); and the one-pass read compared the reader's JSON path before and after"
            + " each nested object (two path strings built per object per event, about 2% of an"
            + " HMAC verification): now the pass checks once that it ended exactly at the end of the"
            + " body. What remains above bare MAC + tokenize is the typed parse itself: reading the"
            + " payment into its record (timestamps, money, a payment method's free-form `details`"
            + " map) costs "
            + webhookRange("parse.ratio.median", "1.6 to 1.9")
            + " times tokenizing the same bytes (\"bare + typed read\" above; \"Reading against the"
            + " Moshi floor\" for the create responses), where building the values as strings alone"
            + " costs about 1.3 times. The HMAC targets therefore hang on the typed read, and the"
            + " verifiers' own work above it (the last column of the rounds' table) is "
            + webhookRange("overParse.ratio.median", "1.07 to 1.18")
            + " times. For Lago JWT, any verifier that follows the spec also base64url-decodes the"
            + " claims, reads the body back out of the `data` string, compares it and then reads"
            + " the body. That floor without a typed parse (`jwtFloor`) is 1.1 to 1.2 times the"
            + " bare RSA verify in the rounds, and with PayClient's typed read in place of its"
            + " tokenize (`jwtFloorParse`) about 1.2 to 1.25 times (the line under the rounds'"
            + " table): the 1.2× target is at the edge of what any verifier that returns"
            + " PayClient's typed payment request can reach, with its own JWT work and the typed"
            + " read both at their floors. The SDK's JWT path reads claims of the shape Lago writes"
            + " in place (no JSON reader, no copy of the `data` claim) and keeps one idle"
            + " initialised `Signature`; it is "
            + (webhookRounds.isEmpty()
                ? "1.07 to 1.14"
                : String.format(
                    Locale.ROOT,
                    "%.2f",
                    num(webhookRounds, "lago-jwt.overFloorParse.ratio.median")))
            + " times that floor (this run). These paths allocate (a typed event) where the"
            + " baselines allocate almost nothing, so on a busy machine their JMH errors are the"
            + " widest in the table.\n\n");
  }

  /**
   * The range over the HMAC schemes of a {@link WebhookRounds} figure ({@code "1.69 to 1.78"}), or
   * {@code fallback} when the run had no rounds.
   */
  private String webhookRange(String figure, String fallback) {
    if (webhookRounds.isEmpty()) {
      return fallback;
    }
    String[] hmac =
        Arrays.stream(WebhookBenchmark.SCHEMES)
            .filter(scheme -> !scheme.equals("lago-jwt"))
            .toArray(String[]::new);
    return String.format(
        Locale.ROOT,
        "%.2f to %.2f",
        least(webhookRounds, hmac, figure),
        worst(webhookRounds, hmac, figure));
  }

  /** The largest of {@code <name>.<figure>} over {@code names}. */
  private static double worst(Properties rounds, String[] names, String figure) {
    return Arrays.stream(names).mapToDouble(n -> num(rounds, n + "." + figure)).max().orElseThrow();
  }

  /** The smallest of {@code <name>.<figure>} over {@code names}. */
  private static double least(Properties rounds, String[] names, String figure) {
    return Arrays.stream(names).mapToDouble(n -> num(rounds, n + "." + figure)).min().orElseThrow();
  }

  /**
   * How a rounds program measured, from its properties: {@code "30 rounds of one batch each (about
   * 40 ms of CPU, order rotated), after 5 s of warm-up"}, and {@code ", in 3 JVMs per vendor (10
   * rounds each, after their own warm-up), pooled"} when it forked more than one per case.
   */
  private static String roundsMethod(Properties rounds) {
    int forks = Integer.parseInt(rounds.getProperty("forks", "0"));
    int total = Integer.parseInt(rounds.getProperty("rounds"));
    return total
        + " rounds of one batch each (about "
        + rounds.getProperty("batchMillis")
        + " ms of CPU, order rotated), after "
        + rounds.getProperty("warmupSeconds")
        + " s of warm-up"
        + (forks > 1
            ? ", in "
                + forks
                + " JVMs per vendor ("
                + total / forks
                + (total / forks == 1 ? " round" : " rounds")
                + " each, after their own warm-up), their ratios pooled"
            : "");
  }

  /** Each webhook scheme's target, for the glance table. */
  private void webhookGlance(StringBuilder s) {
    for (String scheme : WebhookBenchmark.SCHEMES) {
      boolean jwt = scheme.equals("lago-jwt");
      String k = "webhook." + scheme + ".";
      row(
          s,
          "webhook (issue 16): "
              + webhookLabel(scheme)
              + (jwt ? " ≤ 1.2× bare RSA verify" : " ≤ 2× bare MAC + tokenize"),
          webhookRounds.isEmpty() ? "verify + parse" : "verify + parse, interleaved median",
          webhookRounds.isEmpty()
              ? time.get(k + "sdk").over(time.get(k + (jwt ? "bare" : "bareTokenize"))).value
              : num(webhookRounds, scheme + ".ratio.median"),
          jwt ? JWT_TARGET : HMAC_TARGET);
    }
  }

  private static String webhookLabel(String scheme) {
    return switch (scheme) {
      case "lago-jwt" -> "Lago JWT (RS256)";
      case "lago-hmac" -> "Lago HMAC";
      case "billingrails" -> "Billingrails HMAC";
      case "paygentic" -> "Paygentic Svix (HMAC)";
      default -> scheme;
    };
  }

  // ---- issue 17: instrumentation overhead and Spring Boot start-up ----

  private static final String INSTRUMENTATION_HEADING = "## Instrumentation overhead";
  private static final String SPRING_HEADING = "## Spring Boot start-up";
  private static final String ISSUE17_ROW = "| issue 17: ";
  private static final double INSTRUMENTATION_TARGET = 1.10;
  private static final double STARTER_TARGET_MS = 50;

  /**
   * Allocation per create of the plain clients in the last full run before issue 17's listener
   * events (docs/BENCHMARKS.md of 2026-11-23, "Time and allocation per call"), B/op.
   */
  private static final Map<String, Double> CREATE_BYTES_BEFORE_ISSUE_17 =
      Map.of("lago", 6180.0, "billingrails", 5648.0, "paygentic", 8100.0);

  private static Properties spring(Map<String, String> a) throws IOException {
    Properties p = new Properties();
    if (a.containsKey("spring")) {
      try (Reader in = Files.newBufferedReader(Path.of(a.get("spring")))) {
        p.load(in);
      }
    }
    return p;
  }

  private List<String> missingInstrumentation() {
    List<String> missing = new ArrayList<>();
    for (String t : InstrumentationBenchmark.TARGETS) {
      for (String l : InstrumentationBenchmark.LISTENERS) {
        String key = "instr." + t + "." + l;
        if (!time.containsKey(key)) {
          missing.add(key + " time");
        }
        if (!alloc.containsKey(key)) {
          missing.add(key + " gc.alloc.rate.norm");
        }
      }
      if (!alloc.containsKey(t + ".create")) {
        missing.add(t + ".create gc.alloc.rate.norm (CreateBenchmark, same run)");
      }
      if (!time.containsKey(t + ".otelFloor")) {
        missing.add(t + ".otelFloor time (OtelFloorBenchmark, same run)");
      }
    }
    return missing;
  }

  /**
   * Replaces (or inserts before "Footprint") the instrumentation and Spring Boot start-up sections
   * of an existing page, and its issue-17 rows of the glance table, from a run of their own.
   */
  private void instrumentationOnly(Map<String, String> a, Properties spring) throws IOException {
    List<String> missing = missingInstrumentation();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("JMH results missing: " + missing);
    }
    Path out = Path.of(a.get("out"));
    String page = Files.readString(out);
    StringBuilder section = new StringBuilder();
    instrumentation(section, a);
    page = replaceSection(page, INSTRUMENTATION_HEADING, section.toString(), out);
    if (!spring.isEmpty()) {
      section.setLength(0);
      springStartup(section, a, spring);
      page = replaceSection(page, SPRING_HEADING, section.toString(), out);
    }
    StringBuilder rows = new StringBuilder();
    issue17Glance(rows, spring);
    page = replaceGlanceRows(page, ISSUE17_ROW, rows.toString(), spring.isEmpty(), out);
    Files.writeString(out, page, StandardCharsets.UTF_8);
    System.out.println("wrote the instrumentation and Spring Boot start-up sections of " + out);
  }

  private static String replaceSection(String page, String heading, String section, Path out) {
    int start = page.indexOf(heading + "\n");
    int end;
    if (start >= 0) {
      int next = page.indexOf("\n## ", start + heading.length());
      end = next < 0 ? page.length() : next + 1;
    } else {
      start = page.indexOf("## Footprint\n");
      if (start < 0) {
        throw new IllegalStateException(out + " has no Footprint section to insert before");
      }
      end = start;
    }
    return page.substring(0, start) + section + page.substring(end);
  }

  /**
   * The glance table with its rows that start with {@code prefix} replaced by {@code rows} (the
   * start-up rows kept as they are when {@code keepSpringRows}), appended at the table's end.
   */
  private static String replaceGlanceRows(
      String page, String prefix, String rows, boolean keepSpringRows, Path out) {
    int table = page.indexOf("## Targets at a glance\n");
    int end = table < 0 ? -1 : page.indexOf("\n\n", page.indexOf("|", table));
    if (end < 0) {
      throw new IllegalStateException(out + " has no glance table");
    }
    List<String> kept = new ArrayList<>();
    for (String line : page.substring(table, end).split("\n", -1)) {
      boolean ours = line.startsWith(prefix);
      if (!ours || (keepSpringRows && line.contains("Spring Boot"))) {
        kept.add(line);
      }
    }
    String newRows = rows.endsWith("\n") ? rows.substring(0, rows.length() - 1) : rows;
    return page.substring(0, table)
        + String.join("\n", kept)
        + "\n"
        + newRows
        + page.substring(end);
  }

  // ---- issue 19: the code users would write instead, and key generation ----

  private static final String HANDWRITTEN_HEADING = "## Against a hand-written integration";
  private static final String KEYS_HEADING = "## Idempotency key generation";
  private static final String ISSUE19_ROW = "| issue 19: ";
  private static final double HANDWRITTEN_TIME_TARGET = 1.0;
  private static final double HANDWRITTEN_ALLOC_TARGET = 0.5;

  private List<String> missingContenders() {
    List<String> missing = new ArrayList<>();
    for (String t : JacksonBenchmark.TARGETS) {
      for (String k : List.of(t + ".jacksonCreate", t + ".create")) {
        if (!time.containsKey(k) || !alloc.containsKey(k)) {
          missing.add(k + " time and gc.alloc.rate.norm");
        }
      }
    }
    for (String m : KeyBenchmark.METHODS) {
      if (!time.containsKey("KeyBenchmark." + m)) {
        missing.add("KeyBenchmark." + m + " time");
      }
    }
    return missing;
  }

  /**
   * Replaces (or inserts before "Footprint") the hand-written integration and key generation
   * sections of an existing page, and its issue-19 rows of the glance table, from a run of their
   * own.
   */
  private void contendersOnly(Map<String, String> a) throws IOException {
    List<String> missing = missingContenders();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("JMH results missing: " + missing);
    }
    Path out = Path.of(a.get("out"));
    String page = Files.readString(out);
    StringBuilder section = new StringBuilder();
    handWritten(section, a);
    page = replaceSection(page, HANDWRITTEN_HEADING, section.toString(), out);
    section.setLength(0);
    keyGeneration(section, a);
    page = replaceSection(page, KEYS_HEADING, section.toString(), out);
    if (!serdeRounds.isEmpty()) {
      section.setLength(0);
      readerFloor(section, a);
      page = replaceSection(page, READER_HEADING, section.toString(), out);
    }
    if (!scale.isEmpty()) {
      section.setLength(0);
      scale(section, a);
      page = replaceSection(page, SCALE_HEADING, section.toString(), out);
    }
    StringBuilder rows = new StringBuilder();
    issue19Glance(rows);
    page = replaceGlanceRows(page, ISSUE19_ROW, rows.toString(), false, out);
    Files.writeString(out, page, StandardCharsets.UTF_8);
    System.out.println("wrote the hand-written integration and key sections of " + out);
  }

  private Score handWrittenRatio(String t, Map<String, Score> m) {
    return m.get(t + ".create").over(m.get(t + ".jacksonCreate"));
  }

  /** PayClient's create against the hand-written integration; worst vendor per target. */
  private void issue19Glance(StringBuilder s) {
    if (!serdeRounds.isEmpty()) {
      double worst = worst(serdeRounds, SerdeRounds.VENDORS, "ratio.median");
      row(
          s,
          "issue 19: each vendor's parse ≤ 1.6× Moshi's tokenize of the same bytes (interleaved)",
          "worst vendor",
          worst,
          SerdeRounds.TARGET);
    }
    if (!scale.isEmpty()) {
      double flat = 0;
      double heap = 0;
      for (String v : ScaleRun.VENDORS) {
        for (String mode : ScaleRun.MODES) {
          flat = Math.max(flat, num(scale, v + "." + mode + ".flat.median"));
          heap = Math.max(heap, num(scale, v + "." + mode + ".heapPages.median"));
        }
      }
      row(
          s,
          "issue 19: listing "
              + String.format(Locale.ROOT, "%,d", Integer.parseInt(scale.getProperty("items")))
              + " payments, time per item flat (last segment ≤ 1.2× the first)",
          "worst vendor and mode",
          flat,
          ScaleRun.FLAT_TARGET);
      rowIn(
          s,
          "issue 19: listing, heap growth bounded (≤ 2 pages: the current and the one ahead)",
          "worst vendor and mode, pages",
          heap,
          ScaleRun.HEAP_PAGES_TARGET);
    }
    if (!jacksonRounds.isEmpty()) {
      String[] vendors = JacksonBenchmark.TARGETS;
      double worstCpu = worst(jacksonRounds, vendors, "cpu.ratio.median");
      double worstAlloc = worst(jacksonRounds, vendors, "alloc.ratio.median");
      double floorAlloc = worst(jacksonRounds, vendors, "floorAlloc.ratio.median");
      row(
          s,
          "issue 19: create's CPU ≤ 1.0× a hand-written OkHttp + Jackson integration's (canned,"
              + " interleaved rounds, median)",
          "worst vendor",
          worstCpu,
          JacksonRounds.CPU_TARGET);
      row(
          s,
          "issue 19: allocation per create ≤ 0.5× the hand-written integration's (canned,"
              + " interleaved rounds; the Moshi floor alone: up to "
              + String.format(Locale.ROOT, "%.2f×", floorAlloc)
              + ")",
          "worst vendor",
          worstAlloc,
          JacksonRounds.ALLOC_TARGET);
      return;
    }
    if (!missingContenders().isEmpty()) {
      return;
    }
    double worstTime = 0;
    double worstAlloc = 0;
    for (String t : JacksonBenchmark.TARGETS) {
      worstTime = Math.max(worstTime, handWrittenRatio(t, time).value);
      worstAlloc = Math.max(worstAlloc, handWrittenRatio(t, alloc).value);
    }
    row(
        s,
        "issue 19: create ≤ 1.0× a hand-written OkHttp + Jackson integration's (canned)",
        "worst vendor",
        worstTime,
        HANDWRITTEN_TIME_TARGET);
    row(
        s,
        "issue 19: allocation per create ≤ 0.5× the hand-written integration's (canned)",
        "worst vendor",
        worstAlloc,
        HANDWRITTEN_ALLOC_TARGET);
  }

  private static final String READER_HEADING = "## Reading against the Moshi floor";

  /** The "Reading against the Moshi floor" section: {@link SerdeRounds}' interleaved figures. */
  private void readerFloor(StringBuilder s, Map<String, String> a) {
    s.append(READER_HEADING).append("\n\n");
    if (Boolean.parseBoolean(a.get("contendersOnly"))) {
      measuredIn(s, a, "", 19);
      s.append("\n\n");
    }
    s.append(
        "`SerdeRounds` (issue 19, item 1's reader target): `SerdeBenchmark`'s `parse` (the canned"
            + " create response read into the typed payment) and `tokenize` (Moshi's `skipValue`"
            + " over the same bytes), and `materialize` (Moshi walks the same bytes and builds every"
            + " name and scalar as a `String`, nothing else: what any reader that keeps the values"
            + " pays) and `select` (the same, with every name matched by `selectName` against one"
            + " `Options` of the names the response holds instead of being built as a string, as"
            + " PayClient's readers match names: the floor of a reader built as they are),"
            + " interleaved in one JVM (a JVM of its own per vendor): "
            + roundsMethod(serdeRounds)
            + "; thread CPU time; ratios taken within each round; shown: the median"
            + " [quartiles]. Target: parse ≤ 1.6× tokenize, every vendor.\n\n");
    s.append(
        "| vendor | parse CPU ns | parse B | parse / tokenize | ≤ 1.6× | materialize / tokenize |"
            + " select / tokenize | parse / select |\n");
    s.append("|---|---:|---:|---|---|---:|---:|---:|\n");
    for (String v : SerdeRounds.VENDORS) {
      double r = num(serdeRounds, v + ".ratio.median");
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %,.0f | %s | %s | %.2f× | %.2f× | %.2f× |%n",
              label(v),
              num(serdeRounds, v + ".parse.cpu.median"),
              num(serdeRounds, v + ".parse.alloc.median"),
              spread(serdeRounds, v + ".ratio"),
              verdict(r, SerdeRounds.TARGET),
              num(serdeRounds, v + ".materialize.ratio.median"),
              num(serdeRounds, v + ".select.ratio.median"),
              num(serdeRounds, v + ".overSelect.ratio.median")));
    }
    s.append(
        "\nThe last three columns split the ratio. Building the values as strings costs the first"
            + " over the tokenize, whatever the reader. Matching the names with `selectName` and"
            + " building the values as strings costs the second: the floor of a reader built as"
            + " PayClient's are, before any value is typed. The last is what PayClient's typed read"
            + " adds above that floor: values typed under the leniency policy (timestamps,"
            + " decimals, links, enums, maps) and the payment's objects built. The target leaves"
            + " that read 1.6 divided by the second column.\n\n");
  }

  private static final String SCALE_HEADING = "## Listing at scale";

  /** The "Listing at scale" section: {@link ScaleRun}'s figures. */
  private void scale(StringBuilder s, Map<String, String> a) {
    s.append(SCALE_HEADING).append("\n\n");
    if (Boolean.parseBoolean(a.get("contendersOnly"))) {
      measuredIn(s, a, "", 19);
      s.append("\n\n");
    }
    int items = Integer.parseInt(scale.getProperty("items"));
    String[] ends = new String[4];
    for (int i = 0; i < ends.length; i++) {
      ends[i] = String.format(Locale.ROOT, "%,d", Integer.parseInt(scale.getProperty("end." + i)));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "`ScaleRun` (issue 19, item 5): each testkit fake seeded with %,d payments"
                + " (`seedPayments`), listed through the neutral client, pages of %s"
                + " (`list(pageSize)`, then `autoPagingIterable`), each payment consumed and"
                + " dropped: **lazy** (the next page requested when the iteration reaches it) and"
                + " **prefetch** (`autoPagingIterable(true)`: the next page requested when the"
                + " iteration enters a page). After a warm-up pass, %s rounds per mode, alternating;"
                + " shown: the median. Time per item is wall time over the segments [%s, %s), [%s,"
                + " %s) and [%s, %s); **last / first** is the flatness figure (target ≤ 1.2×)."
                + " **Heap growth** is the most heap in use after a full GC at the later segment"
                + " ends over the heap at the first (%s payments in, when the list's one-time state,"
                + " a connection, buffers and Okio's segment pool, is there), in pages: the"
                + " retained size of one page of neutral payments (20 held at once, divided by"
                + " 20). The fake runs in the same"
                + " JVM, its store seeded before the first measurement (it keeps no record of the"
                + " requests it served). The clock stops while the heap is measured.%n%n",
            items,
            scale.getProperty("page"),
            scale.getProperty("rounds"),
            ends[0],
            ends[1],
            ends[1],
            ends[2],
            ends[2],
            ends[3],
            ends[0]));
    s.append(
        "| vendor | mode | payments/s | ns/item, 1st segment | 2nd | 3rd | last / first | ≤ 1.2× |"
            + " heap growth, pages | page B | ≤ 2 pages |\n");
    s.append("|---|---|---:|---:|---:|---:|---:|---|---:|---:|---|\n");
    for (String v : ScaleRun.VENDORS) {
      for (String mode : ScaleRun.MODES) {
        String k = v + "." + mode + ".";
        double flat = num(scale, k + "flat.median");
        double heap = num(scale, k + "heapPages.median");
        s.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %,.0f | %,.0f | %,.0f | %,.0f | %.2f× | %s | %.2f | %,d | %s |%n",
                label(v),
                mode,
                num(scale, k + "perSecond.median"),
                num(scale, k + "segment.1.nsPerItem.median"),
                num(scale, k + "segment.2.nsPerItem.median"),
                num(scale, k + "segment.3.nsPerItem.median"),
                flat,
                verdict(flat, ScaleRun.FLAT_TARGET),
                heap,
                Long.parseLong(scale.getProperty(v + ".pageBytes")),
                verdict(heap, ScaleRun.HEAP_PAGES_TARGET)));
      }
    }
    s.append(
        "\nPrefetch against lazy, payments/s, with a server that answers at once and a caller that"
            + " does nothing with the payments:");
    for (String v : ScaleRun.VENDORS) {
      s.append(
          String.format(
              Locale.ROOT,
              " %s %.2f×;",
              v,
              num(scale, v + ".prefetch.perSecond.median")
                  / num(scale, v + ".lazy.perSecond.median")));
    }
    s.setLength(s.length() - 1);
    s.append(
        String.format(
            Locale.ROOT,
            ". There is nothing to overlap: the fake and the client share the machine's cores, and"
                + " a request ahead only competes with the page being read. Prefetching is for"
                + " the other case, measured next: a server that takes %s ms to answer each page"
                + " (the fake's `Fault.delay`) and a caller that spends %s µs of CPU on each"
                + " payment, through %,d payments (median of %s rounds):",
            scale.getProperty("latencyMillis"),
            scale.getProperty("workMicros"),
            Integer.parseInt(scale.getProperty("latencyItems")),
            scale.getProperty("rounds")));
    for (String v : ScaleRun.VENDORS) {
      double lazy = num(scale, v + ".latency.lazy.perSecond.median");
      double ahead = num(scale, v + ".latency.prefetch.perSecond.median");
      s.append(
          String.format(
              Locale.ROOT,
              " %s %,.0f payments/s lazy, %,.0f prefetching (%.2f×);",
              v,
              lazy,
              ahead,
              ahead / lazy));
    }
    s.setLength(s.length() - 1);
    s.append(
        ". So `autoPagingIterable(true)` is offered as an option, and the lazy iteration stays the"
            + " default: it holds one page, and fetches nothing the caller does not reach.\n\n");
  }

  /** The "Against a hand-written integration" section. */
  private void handWritten(StringBuilder s, Map<String, String> a) {
    s.append(HANDWRITTEN_HEADING).append("\n\n");
    if (Boolean.parseBoolean(a.get("contendersOnly"))) {
      measuredIn(s, a, " (JMH `" + a.get("jmhArgs") + "`)", 19);
      s.append("\n\n");
    }
    s.append(
        "`JacksonBenchmark`: what an application writes instead of PayClient for one vendor's"
            + " create (`JacksonIntegration`): OkHttp and Jackson databind "
            + "(`com.fasterxml.jackson`, a dependency of the benchmarks module only), annotated"
            + " record POJOs, one shared `ObjectMapper` with `JavaTimeModule` and unknown"
            + " properties ignored, a random UUID as the idempotency key where the vendor takes"
            + " one, a non-2xx status thrown as an `IOException`; the response read into a POJO"
            + " with the fields an application uses (id, status, amount, currency, reference,"
            + " creation time). No validation, no retries, no error parsing. Set-up checks that it"
            + " sends what the SDK sends (URL, `Authorization`, `Idempotency-Key` where the SDK"
            + " sends one, the same JSON body). PayClient's row is `CreateBenchmark.create`, same"
            + " canned transport, same run. Targets (issue 19): PayClient's time per create ≤ 1.0×"
            + " and its allocation ≤ 0.5× the hand-written create's.\n\n");
    if (!jacksonRounds.isEmpty()) {
      handWrittenRounds(s);
      s.append(
          "JMH's figures (information: each benchmark in forks of its own, minutes apart, so"
              + " their ratios carry the machine's drift; the verdicts are the rounds'):\n\n");
    }
    s.append(
        "| vendor | PayClient ns/op | hand-written ns/op | time ratio | ≤ 1.0× | PayClient B/op |"
            + " hand-written B/op | allocation ratio | ≤ 0.5× |\n");
    s.append("|---|---:|---:|---:|---|---:|---:|---:|---|\n");
    for (String t : JacksonBenchmark.TARGETS) {
      Score rt = handWrittenRatio(t, time);
      Score ra = handWrittenRatio(t, alloc);
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %,.0f | %,.0f | %s | %s |%n",
              label(t),
              fmt(time.get(t + ".create")),
              fmt(time.get(t + ".jacksonCreate")),
              ratio(rt),
              verdict(rt.value, HANDWRITTEN_TIME_TARGET),
              alloc.get(t + ".create").value,
              alloc.get(t + ".jacksonCreate").value,
              ratio(ra),
              verdict(ra.value, HANDWRITTEN_ALLOC_TARGET)));
    }
    s.append('\n');
  }

  /** "met" when {@code value} is within {@code target}, else a bold "missed". */
  private static String verdict(double value, double target) {
    return value <= target ? "met" : "**missed**";
  }

  /** A rounds figure as its median and quartiles: {@code 1.08× [1.07, 1.09]}. */
  private static String spread(Properties rounds, String key) {
    return String.format(
        Locale.ROOT,
        "%.2f× [%.2f, %.2f]",
        num(rounds, key + ".median"),
        num(rounds, key + ".p25"),
        num(rounds, key + ".p75"));
  }

  /** The rounds' table of "Against a hand-written integration": {@link JacksonRounds}. */
  private void handWrittenRounds(StringBuilder s) {
    s.append(
        "**Interleaved rounds** (`JacksonRounds`, the verdicts): per vendor, PayClient's create,"
            + " the hand-written create and the **Moshi floor** on the same canned OkHttp client"
            + " (PayClient's own JSON writer and reader around a plain OkHttp call, with the headers"
            + " the SDK sends, and nothing else of the SDK: the loopback harness's floor, on the"
            + " canned transport) in one JVM (a JVM of its own per vendor): "
            + roundsMethod(jacksonRounds)
            + "; the calling thread's CPU time and allocated bytes; ratios taken"
            + " within each round; shown: the median [quartiles]. Each vendor has JVMs of its own,"
            + " as JMH forks per benchmark: in one JVM for all three, the SDK code they share"
            + " (transport, validation, readers) was compiled with the type profiles of the vendors"
            + " run before, which slowed the last one's PayClient against a hand-written"
            + " integration that shares nothing (Paygentic, run third: 1.09×; alone, or first:"
            + " 1.01–1.02×, in one measurement of each). And one JVM's compilation decisions move a"
            + " contender by a few percent (the hand-written Paygentic create measured 1.14× to"
            + " 1.20× the Moshi floor in three JVMs of the same code), which is why the rounds are"
            + " shared out over several JVMs and pooled. The other rounds programs fork one JVM per"
            + " vendor or scheme.\n\n");
    s.append(
        "| vendor | PayClient CPU ns | hand-written CPU ns | floor CPU ns | CPU / hand-written |"
            + " ≤ 1.0× | PayClient B | hand-written B | floor B | allocation / hand-written |"
            + " ≤ 0.5× | floor's allocation / hand-written |\n");
    s.append("|---|---:|---:|---:|---|---|---:|---:|---:|---|---|---:|\n");
    for (String t : JacksonBenchmark.TARGETS) {
      double cpu = num(jacksonRounds, t + ".cpu.ratio.median");
      double alloc = num(jacksonRounds, t + ".alloc.ratio.median");
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %,.0f | %,.0f | %s | %s | %,.0f | %,.0f | %,.0f | %s | %s | %.2f× |%n",
              label(t),
              num(jacksonRounds, t + ".sdk.cpu.median"),
              num(jacksonRounds, t + ".jackson.cpu.median"),
              num(jacksonRounds, t + ".floor.cpu.median"),
              spread(jacksonRounds, t + ".cpu.ratio"),
              verdict(cpu, JacksonRounds.CPU_TARGET),
              num(jacksonRounds, t + ".sdk.alloc.median"),
              num(jacksonRounds, t + ".jackson.alloc.median"),
              num(jacksonRounds, t + ".floor.alloc.median"),
              spread(jacksonRounds, t + ".alloc.ratio"),
              verdict(alloc, JacksonRounds.ALLOC_TARGET),
              num(jacksonRounds, t + ".floorAlloc.ratio.median")));
    }
    double floorLeast = least(jacksonRounds, JacksonBenchmark.TARGETS, "floorAlloc.ratio.median");
    s.append(
        String.format(
            Locale.ROOT,
            "%nThe last column isolates the allocation target: the Moshi floor is OkHttp's call and"
                + " PayClient's JSON and nothing else, and it allocates %.2f× or more of what the"
                + " hand-written create allocates (OkHttp's request, call, response and buffers"
                + " are most of both). %s%n%n",
            floorLeast,
            floorLeast > JacksonRounds.ALLOC_TARGET
                ? "So no SDK built on OkHttp and Moshi, as this one is by design, can allocate"
                    + " under 0.5× of it, for any vendor; a transport that allocates less per call"
                    + " than OkHttp would be what changes that."
                : "For a vendor where the floor is under 0.5×, the rest of the SDK's allocation"
                    + " decides the verdict."));
  }

  /** The "Idempotency key generation" section. */
  private void keyGeneration(StringBuilder s, Map<String, String> a) {
    s.append(KEYS_HEADING).append("\n\n");
    if (Boolean.parseBoolean(a.get("contendersOnly"))) {
      measuredIn(s, a, " (JMH `" + a.get("jmhArgs") + "`)", 19);
      s.append("\n\n");
    }
    int cores = Integer.parseInt(a.getOrDefault("cores", "2"));
    s.append(
        "`KeyBenchmark`: a generated idempotency key (random UUID v4, canonical string) per"
            + " operation, at 1 thread and at 16 threads (JMH `@Threads(16)`): **PayClient** (the"
            + " key a create generates when none is given: a pool of `SHA1PRNG` generators, the"
            + " calling thread's id picking its generator), **the same pool, a generator picked at"
            + " random per key** (PayClient's choice until this run: a thread's next key mostly"
            + " comes from a generator whose state the other core last touched),"
            + " **`UUID.randomUUID()`** (one shared `NativePRNG` behind one lock) and **one shared"
            + " `SHA1PRNG`** (the same UUID from a single generator, whose `nextBytes` is"
            + " synchronized: what the pool avoids). At 16 threads the score is"
            + " each caller's time per key, so the CPU per key is about score × "
            + cores
            + " cores / 16.\n\n");
    s.append(
        "| generator | 1 thread, ns/key | 16 threads, ns/key per caller | 16 threads, CPU ns/key |"
            + " 16 threads / 1 thread, CPU |\n");
    s.append("|---|---:|---:|---:|---:|\n");
    for (String[] g :
        new String[][] {
          {"payclient", "PayClient (`SHA1PRNG` pool, by thread)"},
          {"randomPick", "`SHA1PRNG` pool, picked at random"},
          {"jdkUuid", "`UUID.randomUUID()`"},
          {"sharedSha1prng", "one shared `SHA1PRNG`"}
        }) {
      Score one = time.get("KeyBenchmark." + g[0] + "1");
      Score many = time.get("KeyBenchmark." + g[0] + "16");
      double cpu = many.value * cores / 16;
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %,.0f | %.2f× |%n",
              g[1],
              fmt(one),
              fmt(many),
              cpu,
              cpu / one.value));
    }
    s.append('\n');
  }

  /** Create with each listener against the plain create, per vendor; worst vendor per target. */
  private void issue17Glance(StringBuilder s, Properties spring) {
    if (!missingInstrumentation().isEmpty()) {
      return;
    }
    boolean interleaved = !rounds.isEmpty();
    for (String l : List.of("otelNoop", "otelSdk")) {
      double worst = 0;
      for (String t : InstrumentationBenchmark.TARGETS) {
        worst =
            Math.max(
                worst,
                interleaved
                    ? num(rounds, t + "." + l + ".ratio.median")
                    : instrumented(t, l).value);
      }
      row(
          s,
          "issue 17: create with the OpenTelemetry listener ("
              + (l.equals("otelNoop") ? "`OpenTelemetry.noop()`" : "real SDK, exporting to nothing")
              + ") ≤ 1.10× the plain create's CPU"
              + (interleaved ? " (interleaved rounds, median)" : ""),
          "worst vendor",
          worst,
          INSTRUMENTATION_TARGET);
    }
    double share = 0;
    double floor = 0;
    for (String t : InstrumentationBenchmark.TARGETS) {
      if (interleaved) {
        share = Math.max(share, num(rounds, t + ".share.ratio.median"));
        floor = Math.max(floor, num(rounds, t + ".otelFloor.ratio.median"));
        continue;
      }
      Score none = time.get("instr." + t + ".none");
      Score own = time.get(t + ".otelFloor");
      share =
          Math.max(
              share, time.get("instr." + t + ".otelSdk").minus(none).minus(own).over(none).value);
      floor = Math.max(floor, own.over(none).value);
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%sOpenTelemetry SDK: PayClient's share (above OTel's own floor for the same"
                + " telemetry) ≤ 0.10× the plain create | worst vendor %.2f× (OTel's floor alone:"
                + " up to %.2f×) | %s |%n",
            ISSUE17_ROW,
            share,
            floor,
            verdict(share, INSTRUMENTATION_TARGET - 1)));
    double grown = 0;
    double eventsMin = Double.MAX_VALUE;
    double eventsMax = 0;
    for (String t : InstrumentationBenchmark.TARGETS) {
      double none = alloc.get("instr." + t + ".none").value;
      grown = Math.max(grown, none - alloc.get(t + ".create").value);
      double events = alloc.get("instr." + t + ".empty").value - none;
      eventsMin = Math.min(eventsMin, events);
      eventsMax = Math.max(eventsMax, events);
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%slistener-less create allocates no listener events: `none` − `CreateBenchmark.create`"
                + " (the same client, same run) | worst vendor %+,.0f B/op (events with an empty"
                + " listener: %+,.0f to %+,.0f B/op) | %s |%n",
            ISSUE17_ROW,
            grown,
            eventsMin,
            eventsMax,
            // building the events would show as much as an empty listener's events cost
            grown < eventsMin / 2 ? "met" : "**missed**"));
    if (!spring.isEmpty()) {
      double starter = num(spring, "starter-manual.ready.median");
      s.append(
          String.format(
              Locale.ROOT,
              "%sSpring Boot start-up: the starter adds < 50 ms (starter − hand-written beans) |"
                  + " %+.0f ms (starter − no PayClient: %+.0f ms) | %s |%n",
              ISSUE17_ROW,
              starter,
              num(spring, "starter-plain.ready.median"),
              starter < STARTER_TARGET_MS ? "met" : "**missed**"));
    }
  }

  /** The create with listener {@code l} over the plain create, same run. */
  private Score instrumented(String target, String l) {
    String k = "instr." + target + ".";
    return time.get(k + l).over(time.get(k + "none"));
  }

  private static void measuredIn(StringBuilder s, Map<String, String> a, String what, int issue) {
    s.append("Measured on ")
        .append(a.get("date"))
        .append(", ")
        .append(a.get("cores"))
        .append(" cores (")
        .append(a.get("cpu"))
        .append("), ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.version"))
        .append(", by `")
        .append(a.get("command"))
        .append("`")
        .append(what)
        .append(", in a run of its own: only this section (and the issue-")
        .append(issue)
        .append(" rows of the glance")
        .append(" table) comes from that run, and its ratios compare figures of that run.");
  }

  /** The "Instrumentation overhead" section. */
  private void instrumentation(StringBuilder s, Map<String, String> a) {
    s.append(INSTRUMENTATION_HEADING).append("\n\n");
    if (Boolean.parseBoolean(a.get("instrumentationOnly"))) {
      measuredIn(s, a, " (JMH `" + a.get("jmhArgs") + "`)", 17);
      if (a.containsKey("load")) {
        s.append(" Load average (1, 5, 15 min) ").append(a.get("load")).append('.');
      }
      s.append("\n\n");
    }
    s.append(
        "`InstrumentationBenchmark`: the create of \"Time and allocation per call\" (same canned"
            + " transport, same requests), its client built with a listener: **none** (no"
            + " `listener(...)` call: the plain client), **empty** (an application"
            + " `PaymentsListener` that overrides nothing: what delivering the events costs with a"
            + " listener doing no work), **OTel no-op** (`sdk-opentelemetry`'s"
            + " `PayClientTelemetry` listener on `OpenTelemetry.noop()`), **OTel SDK** (the same"
            + " on an `OpenTelemetrySdk`: `SdkTracerProvider` with a `SimpleSpanProcessor` to an"
            + " exporter that drops the spans, so ending and exporting each span happens on the"
            + " calling thread and is in the measured time; `SdkMeterProvider` with a periodic"
            + " reader every 10 min to an exporter that drops the metrics, so every instrument"
            + " records into real aggregations), **Micrometer** (`sdk-micrometer`'s"
            + " `ObservationPaymentsListener` on an `ObservationRegistry` with"
            + " `DefaultMeterObservationHandler` over a `SimpleMeterRegistry`: a timer and a long"
            + " task timer per observation, as Spring Boot's metrics record them; no tracing"
            + " handler). Time is the calling thread's, single-threaded (`AverageTime`); a"
            + " `BatchSpanProcessor` would move the export off that thread. Allocation is"
            + " `gc.alloc.rate.norm`. Target (issue 17): the create with the OpenTelemetry listener"
            + " (no-op and real SDK) ≤ 1.10× the plain create's time.\n\n");
    if (!rounds.isEmpty()) {
      interleavedRounds(s);
      s.append(
          "JMH's figures for the same variants (each variant in forks of its own, minutes apart:"
              + " on a shared machine their ratios carry the machine's drift; the verdicts are the"
              + " interleaved rounds' above):\n\n");
    }
    s.append(
        "| vendor | listener | create ns/op | / none | B/op | B/op − none | target ≤ 1.10× |\n");
    s.append("|---|---|---:|---:|---:|---:|---|\n");
    for (String t : InstrumentationBenchmark.TARGETS) {
      double noneBytes = alloc.get("instr." + t + ".none").value;
      for (String l : InstrumentationBenchmark.LISTENERS) {
        String k = "instr." + t + "." + l;
        boolean targeted = l.startsWith("otel");
        Score r = instrumented(t, l);
        s.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %,.0f | %s | %s |%n",
                label(t),
                listenerLabel(l),
                fmt(time.get(k)),
                l.equals("none") ? "1" : ratio(r),
                alloc.get(k).value,
                l.equals("none")
                    ? ""
                    : String.format(Locale.ROOT, "%+,.0f", alloc.get(k).value - noneBytes),
                !targeted || !rounds.isEmpty() ? "" : verdict(r.value, INSTRUMENTATION_TARGET)));
      }
    }
    s.append(
        "\nWhere the OpenTelemetry SDK's time goes. `OtelFloorBenchmark` makes, through the"
            + " OpenTelemetry API on the same SDK configuration, exactly the telemetry of one"
            + " successful create (the call's span and the attempt's child span with the"
            + " attributes PayClient sets, with the vendor's real values captured from a canned"
            + " create; one `http.client.request.duration` record; one `payclient.calls` add; both"
            + " spans ended and exported), without PayClient: the cost of that telemetry to any"
            + " instrumentation, hand-written or not. **OTel's floor / none** is that cost against"
            + " the plain create; **PayClient's share** is what the listener adds on top of it"
            + " (OTel SDK − none − floor), against the plain create.\n\n");
    s.append(
        "| vendor | OTel SDK − none, ns | OTel's floor, ns | OTel's floor / none | PayClient's"
            + " share, ns | PayClient's share / none |\n");
    s.append("|---|---:|---:|---:|---:|---:|\n");
    for (String t : InstrumentationBenchmark.TARGETS) {
      Score none = time.get("instr." + t + ".none");
      Score added = time.get("instr." + t + ".otelSdk").minus(none);
      Score floor = time.get(t + ".otelFloor");
      Score share = added.minus(floor);
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s |%n",
              label(t),
              fmt(added),
              fmt(floor),
              ratio(floor.over(none)),
              fmt(share),
              ratio(share.over(none))));
    }
    s.append("\nThe listener-less path: allocation per create of the plain client.\n\n");
    s.append(
        "| vendor | none, B/op | `CreateBenchmark.create`, same run | last run before issue 17"
            + " (2026-11-23) |\n");
    s.append("|---|---:|---:|---:|\n");
    for (String t : InstrumentationBenchmark.TARGETS) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %,.0f | %,.0f |%n",
              label(t),
              alloc.get("instr." + t + ".none").value,
              alloc.get(t + ".create").value,
              CREATE_BYTES_BEFORE_ISSUE_17.get(t)));
    }
    s.append('\n');
    if (!INSTRUMENTATION_FINDINGS.isEmpty()) {
      s.append(INSTRUMENTATION_FINDINGS).append("\n\n");
    }
  }

  /** {@link InstrumentationRounds}' table: CPU and allocation per create, interleaved. */
  private void interleavedRounds(StringBuilder s) {
    s.append(
        "**Interleaved rounds** (`InstrumentationRounds`, the verdicts): per vendor, in a JVM of"
            + " its own,"
            + " the five clients and `OtelFloorBenchmark`'s telemetry run in rounds, each variant one"
            + " batch per round (about "
            + rounds.getProperty("batchMillis")
            + " ms of CPU; order rotated per round), measured by the thread's CPU time and"
            + " allocated bytes; "
            + rounds.getProperty("rounds")
            + " rounds after "
            + rounds.getProperty("warmupSeconds")
            + " s of warm-up. A ratio compares batches of the same round, run within a fraction"
            + " of a second of each other; shown: the median over the rounds [quartiles].\n\n");
    s.append(
        "| vendor | variant | CPU ns/create | / none, median [p25, p75] | B/create | target ≤ 1.10×"
            + " |\n");
    s.append("|---|---|---:|---|---:|---|\n");
    for (String t : InstrumentationBenchmark.TARGETS) {
      for (String v : InstrumentationRounds.VARIANTS) {
        String k = t + "." + v;
        boolean targeted = v.equals("otelNoop") || v.equals("otelSdk");
        double ratio = num(rounds, k + ".ratio.median");
        s.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %,.0f | %s | %,.0f | %s |%n",
                label(t),
                v.equals("otelFloor")
                    ? "OTel's floor (same telemetry, API direct)"
                    : listenerLabel(v),
                num(rounds, k + ".cpu.median"),
                v.equals("none") ? "1" : spread(rounds, k + ".ratio"),
                num(rounds, k + ".alloc.median"),
                targeted ? (verdict(ratio, INSTRUMENTATION_TARGET)) : ""));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | PayClient's share of OTel SDK (OTel SDK − none − floor) | | %s | | |%n",
              label(t),
              spread(rounds, t + ".share.ratio")));
    }
    double[] noop = roundsRange("otelNoop.ratio");
    double[] sdk = roundsRange("otelSdk.ratio");
    double[] floor = roundsRange("otelFloor.ratio");
    double[] share = roundsRange("share.ratio");
    s.append(
        String.format(
            Locale.ROOT,
            "%nVerdicts (medians, all vendors). **OTel no-op: %.2f× to %.2f× (%s)**: on"
                + " `OpenTelemetry.noop()` the listener is `PaymentsListener.NONE`, so the client is"
                + " the listener-less one. **OTel SDK: %.2f× to %.2f× (%s)**. OpenTelemetry's own"
                + " floor for the same telemetry (two spans with their attributes, built, ended and"
                + " exported on the caller's thread, one histogram record, one counter add) is"
                + " %.2f× to %.2f× the plain create on its own, %s the 10%% budget before PayClient"
                + " does anything; PayClient's share above that floor is %.2f× to %.2f×. For a"
                + " span per call and a span per attempt, recorded and exported, the 1.10× target"
                + " is out of reach by design on a create that costs %s µs of CPU. What changes"
                + " it is OpenTelemetry's configuration, not PayClient (not measured here): a"
                + " sampler that drops most traces (an unsampled span is neither recorded nor"
                + " exported; the metrics stay), or a `BatchSpanProcessor`, which moves the export"
                + " off the calling thread.%n%n",
            noop[0],
            noop[1],
            noop[1] <= INSTRUMENTATION_TARGET ? "met" : "missed",
            sdk[0],
            sdk[1],
            sdk[1] <= INSTRUMENTATION_TARGET ? "met" : "missed",
            floor[0],
            floor[1],
            floor[0] > INSTRUMENTATION_TARGET - 1 ? "above" : "within",
            share[0],
            share[1],
            roundsCpuRange()));
  }

  /** The smallest and largest median of {@code <vendor>.<key>.median} over the vendors. */
  private double[] roundsRange(String key) {
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (String t : InstrumentationBenchmark.TARGETS) {
      double v = num(rounds, t + "." + key + ".median");
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return new double[] {lo, hi};
  }

  /** The plain create's CPU per call, as a range in µs over the vendors. */
  private String roundsCpuRange() {
    double[] r = roundsRange("none.cpu");
    return String.format(Locale.ROOT, "%.1f to %.1f", r[0] / 1000, r[1] / 1000);
  }

  /** What the profile of the instrumented create found (written from the run that measured it). */
  private static final String INSTRUMENTATION_FINDINGS =
      "Fixed after the first measurement (2026-12-05, JMH `-f 1`, allocation per create above the"
          + " plain create): every `callEnded` mapped the result to a neutral `Payment` only to"
          + " read its id and status (now read from the typed result: the empty listener's events"
          + " +704 → +378 B for Lago, +480 → +372 B for Paygentic), and the OpenTelemetry listener"
          + " built its span names and metric attribute sets per call (now once per operation:"
          + " OTel SDK +3,273 → +2,409 B for Lago, +3,303 → +2,443 B for Billingrails, +3,154 →"
          + " +2,438 B for Paygentic; OTel's own floor allocates about 2,400 B).";

  private static String listenerLabel(String l) {
    return switch (l) {
      case "none" -> "none";
      case "empty" -> "empty listener";
      case "otelNoop" -> "OTel no-op";
      case "otelSdk" -> "OTel SDK";
      case "micrometer" -> "Micrometer";
      default -> l;
    };
  }

  /** The "Spring Boot start-up" section. */
  private static void springStartup(StringBuilder s, Map<String, String> a, Properties p) {
    s.append(SPRING_HEADING).append("\n\n");
    if (p.isEmpty()) {
      s.append("Not measured in this run.\n\n");
      return;
    }
    if (Boolean.parseBoolean(a.get("instrumentationOnly"))) {
      measuredIn(s, a, "", 17);
      s.append("\n\n");
    }
    s.append(
        "`SpringStartup`: the same small non-web Spring Boot "
            + "application (`@SpringBootApplication`, one `@Service`, default logging) in fresh"
            + " child JVMs, default JVM flags, each variant with only its own jars on the class"
            + " path: **A** without PayClient (Spring Boot only); **B** with hand-written `@Bean`s"
            + " building the three vendor clients (Lago, Billingrails, Paygentic on one shared"
            + " `OkHttpClient`) and Lago's webhook verifier from `payclient.*` properties read with"
            + " `@Value` (+ the three vendor modules and their dependencies); **C** with"
            + " `sdk-spring-boot-starter` building the same beans from the same properties (+ the"
            + " starter); **D** = C with `spring.main.lazy-initialization=true`. Each child reports"
            + " the time from its launch (the driver's `System.nanoTime()`, the same monotonic"
            + " clock) to `main`, to the context refreshed and to `ApplicationReadyEvent`; wall ="
            + " launch to exit, after the context is closed. One unmeasured run of each, then"
            + " rounds A B C D (rounds: "
            + p.getProperty("runs")
            + "). Load average (1, 5, 15 min) "
            + p.getProperty("load.before")
            + " before, "
            + p.getProperty("load.after")
            + " after.\n\n");
    s.append(
        "| variant | jars | beans | → main ms | → context refreshed ms | → ready ms, median | min |"
            + " max | wall ms, median | min | max |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String v : List.of("plain", "manual", "starter", "lazy")) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %.0f | %.0f | **%.0f** | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
              switch (v) {
                case "plain" -> "A: no PayClient";
                case "manual" -> "B: hand-written PayClient beans";
                case "starter" -> "C: sdk-spring-boot-starter";
                default -> "D: starter, lazy initialization";
              },
              p.getProperty(v + ".jars"),
              p.getProperty(v + ".beans"),
              num(p, v + ".main.median"),
              num(p, v + ".refreshed.median"),
              num(p, v + ".ready.median"),
              num(p, v + ".ready.min"),
              num(p, v + ".ready.max"),
              num(p, v + ".wall.median"),
              num(p, v + ".wall.min"),
              num(p, v + ".wall.max")));
    }
    s.append(
        "\nDifferences, per round (the variants of a round ran back to back), median [min, max]"
            + " over the rounds:\n\n");
    s.append("| difference | → ready ms | wall ms |\n|---|---|---|\n");
    for (String[] d :
        new String[][] {
          {"starter-manual", "C − B: the starter's own cost"},
          {"starter-plain", "C − A: PayClient with the starter, all in"},
          {"manual-plain", "B − A: building the clients by hand"},
          {"lazy-plain", "D − A: the starter, lazy initialization"}
        }) {
      s.append("| ").append(d[1]);
      for (String what : List.of("ready", "wall")) {
        String k = d[0] + "." + what;
        s.append(
            String.format(
                Locale.ROOT,
                " | %+.0f [%+.0f, %+.0f]",
                num(p, k + ".median"),
                num(p, k + ".min"),
                num(p, k + ".max")));
      }
      s.append(" |\n");
    }
    double starter = num(p, "starter-manual.ready.median");
    s.append(
            String.format(
                Locale.ROOT,
                "%nTarget (issue 17): the starter adds under 50 ms: C − B = **%+.0f ms** (%s). The"
                    + " target reads on C − B because B is what the same application costs without"
                    + " the starter: it builds the very same clients by hand, so C − B is the"
                    + " starter's own work (its auto-configuration classes, conditions, binding"
                    + " of `payclient.*`). C − A (%+.0f ms) also counts loading and building"
                    + " OkHttp (with its TLS set-up), Moshi and the clients, which any"
                    + " application that uses PayClient pays, with or without the starter.",
                starter,
                starter < STARTER_TARGET_MS ? "met" : "**missed**",
                num(p, "starter-plain.ready.median")))
        .append("\n\n");
  }

  private static String micros(Score ns) {
    return String.format(Locale.ROOT, "%,.2f ± %,.2f", ns.value / 1000, ns.error / 1000);
  }

  private static Map<String, Long> jars(Path classPathFile) throws IOException {
    Map<String, Long> jars = new LinkedHashMap<>();
    for (String entry : Files.readString(classPathFile).trim().split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        Path p = Path.of(entry);
        jars.put(p.getFileName().toString(), Files.size(p));
      }
    }
    return jars;
  }

  private Score own(Map<String, Score> m, String target) {
    return m.get(target + ".create").minus(m.get(target + ".floor"));
  }

  private String markdown(
      Map<String, String> a,
      Properties cold,
      Map<String, Long> lago,
      Map<String, Long> stripe,
      String svgName,
      Properties before,
      @Nullable String loopback,
      Properties spring) {
    StringBuilder s = new StringBuilder();
    s.append("# Benchmarks\n\n");
    s.append("Generated by `benchmarks/run.sh` on ")
        .append(a.get("date"))
        .append(", ")
        .append(a.get("cores"))
        .append(" cores (")
        .append(a.get("cpu"))
        .append("), ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.version"))
        .append(". The whole run took ")
        .append(a.get("seconds"))
        .append(" s. Every ratio below compares figures measured in that same run.\n\n");
    s.append("Reproduce (from the repository root, after `./mvnw -B install -DskipTests`):\n\n");
    s.append("```bash\n").append(a.get("command")).append("\n```\n\n");
    s.append("JMH 1.37: `").append(a.get("jmhArgs")).append("`. ");
    s.append(
        "Scores are means; `±` is JMH's 99.9% confidence half-interval. Differences and ratios"
            + " carry the propagated interval. Allocation is `gc.alloc.rate.norm` (bytes per"
            + " operation) from `-prof gc`.\n\n");

    glance(s, cold, lago, stripe, loopback, spring);

    s.append("## What is measured\n\n");
    s.append(
        "Everything runs in process, on a **canned transport**: an OkHttp client whose"
            + " application interceptor writes the request body into a buffer (as the network"
            + " would) and answers with the vendor's canned response bytes, without any socket."
            + " For each contender:\n\n"
            + "- `build`: build the typed create request (PayClient validates it here: its"
            + " Jakarta constraints and its vendor rules; stripe-java's params builder does not"
            + " validate).\n"
            + "- `create`: build the request and create the payment: validate, serialize to JSON"
            + " (stripe-java: form-encode), add headers, send, check the status, parse the body"
            + " into the typed payment.\n"
            + "- `floor`: raw OkHttp posting the very bytes that contender sent, with the same"
            + " headers and URL (both pre-built, so no URL string is parsed per call: the SDK"
            + " caches its POST URLs too), to the same canned interceptor, and reading the answer"
            + " as bytes.\n"
            + "- **own work = create − floor**: what the client adds on top of the cheapest"
            + " possible OkHttp call with the same bytes.\n\n"
            + "stripe-java "
            + stripeVersion(stripe)
            + " runs through `StripeClient` with a custom `com.stripe.net.HttpClient` that sends"
            + " on the same kind of canned OkHttp client (it does what stripe-java's own"
            + " `HttpURLConnectionClient` does per request: copy headers, add the two user-agent"
            + " headers, read the body as a string), creating a PaymentIntent and parsing a"
            + " realistic PaymentIntent (1.6 kB). Canned responses: Lago 0.8 kB (the manual"
            + " payment of the API docs), Billingrails 0.35 kB (the create example of its docs),"
            + " Paygentic 0.7 kB. They are in `benchmarks/src/main/resources/canned/`.\n\n");

    s.append("## Time and allocation per call\n\n");
    s.append(
        "| contender | build ns/op | create ns/op | floor ns/op | own work ns/op | build B/op |"
            + " create B/op | floor B/op | own alloc B/op |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String t : ALL) {
      s.append("| ").append(label(t));
      for (String m : METHODS) {
        s.append(" | ").append(fmt(time.get(t + "." + m)));
      }
      s.append(" | **").append(fmt(own(time, t))).append("**");
      for (String m : METHODS) {
        s.append(" | ").append(fmt(alloc.get(t + "." + m)));
      }
      s.append(" | **").append(fmt(own(alloc, t))).append("** |\n");
    }
    s.append("\n![own work per create](").append(svgName).append(")\n\n");

    s.append("## Serialize and parse\n\n");
    s.append(
        "`SerdeBenchmark`, same run: `serialize` writes the built create request into the request"
            + " body bytes; `parse` reads the canned response bytes into the typed payment (the"
            + " JSON classes PayClient's clients call, `io.payclient.*.internal.*Json`). stripe-java's"
            + " row is its form encoder over the params' map and its Gson read of the"
            + " PaymentIntent. `tokenize` only tokenizes the same response bytes and keeps nothing"
            + " (Moshi's `JsonReader.skipValue()`, which PayClient's readers are built on;"
            + " stripe-java: Gson's): the floor of any streaming reader of that response.\n\n");
    s.append(
        "| contender | serialize ns/op | serialize B/op | parse ns/op | parse B/op | tokenize"
            + " ns/op | tokenize / parse |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (String t : ALL) {
      s.append("| ").append(label(t));
      for (String m : List.of("serialize", "parse")) {
        s.append(" | ")
            .append(fmt(time.get(t + "." + m)))
            .append(" | ")
            .append(fmt(alloc.get(t + "." + m)));
      }
      Score tokenize = time.get(t + ".tokenize");
      s.append(" | ")
          .append(fmt(tokenize))
          .append(" | ")
          .append(ratio(tokenize.over(time.get(t + ".parse"))))
          .append(" |\n");
    }
    s.append('\n');

    s.append("## SDK against stripe-java (issue 8 targets)\n\n");
    Score stripeOwn = own(time, "stripe");
    Score stripeAlloc = alloc.get("stripe.create");
    s.append(
        "| vendor | own work / stripe-java's own work (target ≤ 0.25) | | allocation per create /"
            + " stripe-java's (target ≤ 0.50) | | own allocation / stripe-java's own |\n");
    s.append("|---|---:|---|---:|---|---:|\n");
    List<String> workMissed = new ArrayList<>();
    List<String> allocMissed = new ArrayList<>();
    for (String t : SDK) {
      Score w = own(time, t).over(stripeOwn);
      Score al = alloc.get(t + ".create").over(stripeAlloc);
      Score ownAl = own(alloc, t).over(own(alloc, "stripe"));
      if (w.value > 0.25) {
        workMissed.add(label(t) + String.format(Locale.ROOT, " (%.2f×)", w.value));
      }
      if (al.value > 0.50) {
        allocMissed.add(label(t) + String.format(Locale.ROOT, " (%.2f×)", al.value));
      }
      s.append("| ")
          .append(label(t))
          .append(" | ")
          .append(ratio(w))
          .append(" | ")
          .append(verdict(w.value, 0.25))
          .append(" | ")
          .append(ratio(al))
          .append(" | ")
          .append(verdict(al.value, 0.50))
          .append(" | ")
          .append(ratio(ownAl))
          .append(" |\n");
    }
    s.append("\nAgainst the floor (same run):\n\n");
    s.append("| contender | create / floor, time | create / floor, allocation |\n");
    s.append("|---|---:|---:|\n");
    for (String t : ALL) {
      s.append("| ")
          .append(label(t))
          .append(" | ")
          .append(ratio(time.get(t + ".create").over(time.get(t + ".floor"))))
          .append(" | ")
          .append(ratio(alloc.get(t + ".create").over(alloc.get(t + ".floor"))))
          .append(" |\n");
    }
    s.append('\n');
    s.append("Targets: own work ≤ 0.25× stripe-java's: ")
        .append(
            workMissed.isEmpty()
                ? "**met** by every vendor"
                : "**missed** by " + String.join(", ", workMissed))
        .append("; allocation per create ≤ 0.5× stripe-java's: ")
        .append(
            allocMissed.isEmpty()
                ? "**met** by every vendor"
                : "**missed** by " + String.join(", ", allocMissed))
        .append(".\n\n");

    webhooks(s, a);
    instrumentation(s, a);
    springStartup(s, a, spring);
    handWritten(s, a);
    keyGeneration(s, a);
    if (!serdeRounds.isEmpty()) {
      readerFloor(s, a);
    }
    if (!scale.isEmpty()) {
      scale(s, a);
    }

    s.append("## Footprint\n\n");
    long lagoTotal = total(lago);
    long stripeTotal = total(stripe);
    long stripeJar = stripeJar(stripe);
    s.append(
        "Runtime class path of a project that depends on `sdk-lago` alone, against one that"
            + " depends on `stripe-java` alone (resolved by Maven from"
            + " `benchmarks/footprint/*/pom.xml`, no BOM).\n\n");
    s.append("| sdk-lago runtime jars | bytes |\n|---|---:|\n");
    lago.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    s.append("| **total** | **").append(lagoTotal).append("** |\n\n");
    s.append("| stripe-java runtime jars | bytes |\n|---|---:|\n");
    stripe.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    s.append("| **total** | **").append(stripeTotal).append("** |\n\n");
    double fp = (double) lagoTotal / stripeJar;
    s.append(
            String.format(
                Locale.ROOT,
                "sdk-lago with all its runtime dependencies (%.2f MB) / the stripe-java jar"
                    + " (%.2f MB) = **%.2f×** (target ≤ 0.30: %s); / stripe-java with its"
                    + " dependencies (%.2f MB) = %.2f×.",
                lagoTotal / 1e6,
                stripeJar / 1e6,
                fp,
                verdict(fp, 0.30),
                stripeTotal / 1e6,
                (double) lagoTotal / stripeTotal))
        .append("\n\n");

    s.append("## Cold start\n\n");
    if (cold.isEmpty()) {
      s.append("Not measured in this run.\n\n");
    } else {
      double sdkWall = num(cold, "sdk.wall.median");
      double rawWall = num(cold, "raw.wall.median");
      double cs = sdkWall / rawWall;
      s.append(
          "JVM launch → first payment created → exit, in a fresh child JVM, against one"
              + " in-process `FakeLago` (on 127.0.0.1) held by the driver. SDK: `sdk-lago`"
              + " builds and validates the request and creates the payment"
              + " (`ColdStartSdk`, class path = sdk-lago's runtime jars). Raw: OkHttp posts a"
              + " hand-written JSON body and reads the answer as a string (`ColdStartRaw`,"
              + " class path = OkHttp, Okio, Kotlin). Children alternate A B A B after one"
              + " unmeasured run of each; "
              + cold.getProperty("runs")
              + " measured runs each; default JVM flags.\n\n");
      s.append(
          "| | wall median ms | min | max | main → request built ms | → payment created ms |\n");
      s.append("|---|---:|---:|---:|---:|---:|\n");
      for (String k : new String[] {"sdk", "raw"}) {
        s.append("| ")
            .append(k.equals("sdk") ? "PayClient (sdk-lago)" : "raw OkHttp")
            .append(" | ")
            .append(cold.getProperty(k + ".wall.median"))
            .append(" | ")
            .append(cold.getProperty(k + ".wall.min"))
            .append(" | ")
            .append(cold.getProperty(k + ".wall.max"))
            .append(" | ")
            .append(cold.getProperty(k + ".build.median"))
            .append(" | ")
            .append(cold.getProperty(k + ".create.median"))
            .append(" |\n");
      }
      s.append(
              String.format(
                  Locale.ROOT,
                  "%nSDK / raw OkHttp = **%.2f×** (target ≤ 1.5: %s). \"main → request built\" is"
                      + " the first `build()`: loading the request, money and validation classes"
                      + " and checking the request's Jakarta constraints with checks compiled from"
                      + " its annotations (Hibernate Validator is not bootstrapped for the SDK's"
                      + " request types, see below); the raw program only concatenates a string"
                      + " there.",
                  cs,
                  verdict(cs, 1.5)))
          .append("\n\n");
    }

    beforeAfter(s, before, cold);

    if (loopback != null) {
      s.append(loopback.strip()).append("\n");
    } else {
      s.append("## Loopback end to end\n\nNot run (`loopback=` not given).\n");
    }
    return s.toString();
  }

  /** Every issue-8 target and its verdict in this run, details in the sections below. */
  private void glance(
      StringBuilder s,
      Properties cold,
      Map<String, Long> lago,
      Map<String, Long> stripe,
      @Nullable String loopback,
      Properties spring) {
    s.append(
        "## Targets at a glance\n\n| target (issue 8 where no issue is named) | this run | |\n|---|---|---|\n");
    Score stripeOwn = own(time, "stripe");
    double worstWork = 0;
    double worstAlloc = 0;
    for (String t : SDK) {
      worstWork = Math.max(worstWork, own(time, t).over(stripeOwn).value);
      worstAlloc =
          Math.max(worstAlloc, alloc.get(t + ".create").over(alloc.get("stripe.create")).value);
    }
    row(s, "own work per create ≤ 0.25× stripe-java's (canned)", "worst vendor", worstWork, 0.25);
    row(s, "allocation per create ≤ 0.5× stripe-java's", "worst vendor", worstAlloc, 0.5);
    row(
        s,
        "footprint ≤ 0.30× the stripe-java jar",
        "sdk-lago",
        (double) total(lago) / stripeJar(stripe),
        0.3);
    if (!cold.isEmpty()) {
      row(
          s,
          "cold start ≤ 1.5× raw OkHttp",
          "wall median",
          num(cold, "sdk.wall.median") / num(cold, "raw.wall.median"),
          1.5);
    }
    webhookGlance(s);
    issue17Glance(s, spring);
    issue19Glance(s);
    if (loopback != null) {
      loopbackGlance(s, loopback);
    }
    s.append('\n');
  }

  private static final String LOOPBACK_HEADING = "## Loopback end to end";

  /** How every loopback row of the glance table starts (none of the others does). */
  private static final String LOOPBACK_ROW = "| loopback";

  /**
   * Replaces the "Loopback end to end" section of an existing page (its last) and the loopback rows
   * of its glance table, from a loopback-only run ({@code loopbackOnly=true}).
   */
  private static void loopbackOnly(Map<String, String> a) throws IOException {
    String loopback = Files.readString(Path.of(a.get("loopback")));
    Path out = Path.of(a.get("out"));
    String page = Files.readString(out);
    String section =
        loopback
            .strip()
            .replaceFirst(
                LOOPBACK_HEADING + "\n\n",
                LOOPBACK_HEADING
                    + "\n\nFrom `benchmarks/run.sh --loopback`, in a run of its own: only this section"
                    + " (and the loopback rows of the glance table) comes from that run, and its"
                    + " ratios compare figures of that run.\n\n");
    page = replaceSection(page, LOOPBACK_HEADING, section + "\n", out);
    StringBuilder rows = new StringBuilder();
    loopbackGlance(rows, loopback);
    page = replaceGlanceRows(page, LOOPBACK_ROW, rows.toString(), false, out);
    Files.writeString(out, page, StandardCharsets.UTF_8);
    System.out.println("wrote the loopback section and glance rows of " + out);
  }

  /**
   * The loopback rows of the glance table, from the verdict lines of {@code LoopbackReport}'s
   * fragment: issue 19's six targets, then issue 8's three as information (issue 19 replaced them),
   * then "async uses no thread per call".
   *
   * @throws IllegalStateException if the fragment lacks a verdict line (its wording changed)
   */
  private static void loopbackGlance(StringBuilder s, String loopback) {
    Pattern verdict = Pattern.compile("([^:;]+): \\*\\*(met|missed)\\*\\* \\(([^)]*)\\)");
    List<String[]> issue19 = verdicts(verdict, loopback, "Issue 19 verdicts: ");
    List<String[]> issue8 = verdicts(verdict, loopback, "Verdicts: ");
    Matcher threads =
        Pattern.compile("Async uses no thread per call: \\*\\*(met|missed)\\*\\*")
            .matcher(loopback);
    // The verdicts come from LoopbackReport's wording: if it changes, fail rather than drop rows.
    if (issue19.size() != 6 || issue8.size() != 3 || !threads.find()) {
      throw new IllegalStateException("loopback fragment without its verdict lines");
    }
    for (String[] v : issue19) {
      s.append(LOOPBACK_ROW + " (issue 19): ")
          .append(v[0])
          .append(" | ")
          .append(v[2])
          .append(" | ")
          .append(v[1].equals("met") ? "met" : "**missed**")
          .append(" |\n");
    }
    for (String[] v : issue8) {
      s.append(LOOPBACK_ROW + " (issue 8, replaced by issue 19): ")
          .append(v[0])
          .append(" | ")
          .append(v[2])
          .append(" | information (")
          .append(v[1])
          .append(") |\n");
    }
    s.append(LOOPBACK_ROW + ": async uses no thread per call | live threads at 256 in flight | ")
        .append(threads.group(1).equals("met") ? "met" : "**missed**")
        .append(" |\n");
  }

  /** The {@code target, verdict, detail} triples of the line of {@code fragment} after prefix. */
  private static List<String[]> verdicts(Pattern verdict, String fragment, String prefix) {
    int at = fragment.indexOf("\n" + prefix);
    List<String[]> l = new ArrayList<>();
    if (at < 0) {
      return l;
    }
    int start = at + 1 + prefix.length();
    int end = fragment.indexOf('\n', start);
    Matcher m = verdict.matcher(fragment.substring(start, end < 0 ? fragment.length() : end));
    while (m.find()) {
      l.add(new String[] {m.group(1).strip(), m.group(2), m.group(3)});
    }
    return l;
  }

  /** A glance row whose figure is a count, not a ratio. */
  private static void rowIn(StringBuilder s, String target, String what, double value, double max) {
    s.append(
        String.format(
            Locale.ROOT, "| %s | %s %.2f | %s |%n", target, what, value, verdict(value, max)));
  }

  private static void row(StringBuilder s, String target, String what, double value, double max) {
    s.append(
        String.format(
            Locale.ROOT, "| %s | %s %.2f× | %s |%n", target, what, value, verdict(value, max)));
  }

  /** Issue 8's misses, what was changed, and the ratios before (commit in the file) and now. */
  private void beforeAfter(StringBuilder s, Properties before, Properties cold) {
    String commit = before.getProperty("commit");
    double stripeBefore = num(before, "stripe.own.ns");
    double stripeAllocBefore = num(before, "stripe.create.bytes");
    Score stripeOwn = own(time, "stripe");
    Score stripeAlloc = alloc.get("stripe.create");
    s.append("## Fixes: before and after\n\n");
    s.append(
        "Two targets were missed at commit `"
            + commit
            + "`: Paygentic's own work per create (0.30× stripe-java's, target ≤ 0.25) and cold"
            + " start (1.69× raw OkHttp, target ≤ 1.5). Profiled with JFR on the canned-transport"
            + " benchmark (`-jvmArgsAppend -XX:StartFlightRecording=...`) and with the cold-start"
            + " children's split timings, then fixed in the SDK:\n\n"
            + "- **Cold start**: the first `build()` bootstrapped Hibernate Validator (about 330"
            + " ms). The request types' Jakarta constraints are now checked by `ConstraintPlan`,"
            + " compiled from the same annotations; a class using anything it does not cover"
            + " still goes to Hibernate Validator, so no rule is dropped (`ConstraintPlanTest`"
            + " compares both on generated beans).\n"
            + "- **Timestamps**: `OffsetDateTime.parse` was the largest single cost of reading a"
            + " Paygentic payment; the common ISO-8601 shapes are now read directly, anything else"
            + " still by java.time (`TimestampsTest` compares both).\n"
            + "- **Okio segments**: reading the Lago and Billingrails envelopes with `peekJson`, and"
            + " parsing from a `Buffer.clone()`, shared the response's 8 KiB segment, which then"
            + " never returned to the pool: about 8–16 KiB of garbage per call. Now one pass,"
            + " and one copy into a buffer that is cleared.\n"
            + "- **Transport**: the three fixed headers are one prebuilt `Headers`, and a create's"
            + " URL is built once per path.\n\n"
            + "The same fixes on the loopback harness, with both SDKs measured back to back:"
            + " [BENCHMARKS-before-after.md](BENCHMARKS-before-after.md)"
            + " (`benchmarks/before-after.sh`, about 8 minutes).\n\n");
    s.append("| | before (`" + commit + "`) | after (this run) |\n|---|---:|---:|\n");
    for (String t : SDK) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s own work / stripe-java's own work | %.2f× | %.2f× |%n",
              label(t),
              num(before, t + ".own.ns") / stripeBefore,
              own(time, t).over(stripeOwn).value));
    }
    for (String t : SDK) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s allocation per create, bytes (/ stripe-java's) | %,.0f (%.2f×) | %,.0f"
                  + " (%.2f×) |%n",
              label(t),
              num(before, t + ".create.bytes"),
              num(before, t + ".create.bytes") / stripeAllocBefore,
              alloc.get(t + ".create").value,
              alloc.get(t + ".create").over(stripeAlloc).value));
    }
    if (!cold.isEmpty()) {
      s.append(
          String.format(
              Locale.ROOT,
              "| cold start, SDK / raw OkHttp (wall median ms) | %.2f× (%.0f / %.0f) | %.2f×"
                  + " (%.0f / %.0f) |%n"
                  + "| cold start, main → request built (first `build()`), ms | %.0f | %.0f |%n",
              num(before, "coldstart.sdk.ms") / num(before, "coldstart.raw.ms"),
              num(before, "coldstart.sdk.ms"),
              num(before, "coldstart.raw.ms"),
              num(cold, "sdk.wall.median") / num(cold, "raw.wall.median"),
              num(cold, "sdk.wall.median"),
              num(cold, "raw.wall.median"),
              num(before, "coldstart.sdk.build.ms"),
              num(cold, "sdk.build.median")));
    }
    s.append(
        "\nThe before column is copied from that commit's run (`benchmarks/src/main/resources/"
            + "before.properties`); the after column is this run. Both ran on this machine with"
            + " the same command; ratios, not absolute times, are what carry across runs.\n\n");
  }

  private static long total(Map<String, Long> jars) {
    return jars.values().stream().mapToLong(Long::longValue).sum();
  }

  private static long stripeJar(Map<String, Long> stripe) {
    return stripe.entrySet().stream()
        .filter(e -> e.getKey().startsWith("stripe-java"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static double num(Properties p, String key) {
    return Double.parseDouble(Objects.requireNonNull(p.getProperty(key), key));
  }

  private static String stripeVersion(Map<String, Long> stripe) {
    return stripe.keySet().stream()
        .filter(k -> k.startsWith("stripe-java-"))
        .map(k -> k.substring("stripe-java-".length(), k.length() - ".jar".length()))
        .findFirst()
        .orElse("?");
  }

  private static String label(String t) {
    return switch (t) {
      case "stripe" -> "stripe-java (PaymentIntent)";
      default -> "PayClient " + t;
    };
  }

  private static String fmt(Score s) {
    return String.format(Locale.ROOT, "%,.0f ± %,.0f", s.value, s.error);
  }

  private static String ratio(Score s) {
    return String.format(Locale.ROOT, "%.2f× ± %.2f", s.value, s.error);
  }

  /** Two bar groups: own work ns per create, own allocation bytes per create. */
  private String svg() {
    return BarChart.svg(
        720,
        250,
        380,
        26,
        List.of(
            bars("Own work per create (create − floor), ns/op", time, "ns"),
            bars("Own allocation per create (create − floor), B/op", alloc, "B")));
  }

  private BarChart.Group bars(String title, Map<String, Score> m, String unit) {
    List<BarChart.Bar> bars = new ArrayList<>();
    for (String t : ALL) {
      Score o = own(m, t);
      String color = t.equals("stripe") ? "#b0413e" : "#2f6f9f";
      bars.add(
          new BarChart.Bar(
              label(t),
              o.value,
              o.error,
              color,
              String.format(Locale.ROOT, "%,.0f %s", o.value, unit)));
    }
    return new BarChart.Group(title, bars);
  }
}
