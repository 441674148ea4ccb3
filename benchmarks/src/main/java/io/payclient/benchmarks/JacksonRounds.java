package io.payclient.benchmarks;

import com.squareup.moshi.JsonReader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Issue 19's item 2 on the canned transport, measured interleaved ({@link Interleaved}): per
 * vendor, PayClient's create ({@link CreateBenchmark#create}), the hand-written OkHttp + Jackson
 * integration's ({@link JacksonBenchmark#jacksonCreate}) and the Moshi floor on the same canned
 * OkHttp client (PayClient's own JSON writer and reader around a plain OkHttp call, nothing else of
 * the SDK) in one JVM, in rounds. Ratios are taken within each round; the figure is the median over
 * the rounds with the quartiles. Targets: PayClient's CPU ≤ 1.0× and its allocation ≤ 0.5× the
 * hand-written create's. The floor's allocation against the hand-written create's shows how much of
 * the allocation target any SDK built on OkHttp and Moshi can reach.
 *
 * <p>Arguments ({@code key=value}): {@code rounds} (default 30), {@code batchMillis} (default 40),
 * {@code warmupSeconds} (default 5 per vendor), {@code vendors} (default all three), {@code out} (a
 * properties file).
 */
public final class JacksonRounds {
  /** PayClient's CPU over the hand-written create's. */
  static final double CPU_TARGET = 1.0;

  /** PayClient's allocated bytes over the hand-written create's. */
  static final double ALLOC_TARGET = 0.5;

  private JacksonRounds() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Args.parse(args);
    Interleaved.Settings settings = Interleaved.Settings.of(a, 5);
    Properties p = settings.properties();
    String[] vendors =
        a.getOrDefault("vendors", String.join(",", JacksonBenchmark.TARGETS)).split(",");
    for (String vendor : vendors) {
      CreateBenchmark sdk = new CreateBenchmark();
      sdk.target = vendor;
      sdk.setUp();
      JacksonBenchmark jackson = new JacksonBenchmark();
      jackson.target = vendor;
      jackson.setUp();
      Floor floor = new Floor(vendor);
      Map<String, Interleaved.Op> ops = new LinkedHashMap<>();
      ops.put("sdk", sdk::create);
      ops.put("jackson", jackson::jacksonCreate);
      ops.put("floor", floor::create);
      try {
        Interleaved.Result m = Interleaved.measure(ops, settings);
        m.store(p, vendor);
        Interleaved.put(p, vendor + ".cpu.ratio", m.ratio("sdk", "jackson"));
        Interleaved.put(p, vendor + ".alloc.ratio", m.allocRatio("sdk", "jackson"));
        Interleaved.put(p, vendor + ".floorCpu.ratio", m.ratio("floor", "jackson"));
        Interleaved.put(p, vendor + ".floorAlloc.ratio", m.allocRatio("floor", "jackson"));
        Interleaved.put(p, vendor + ".overFloor.ratio", m.ratio("sdk", "floor"));
        System.out.printf(
            Locale.ROOT,
            "jackson rounds %s: sdk %.0f ns CPU, %.0f B; / hand-written: CPU %.2fx, allocation"
                + " %.2fx; Moshi floor / hand-written: CPU %.2fx, allocation %.2fx (medians of %d"
                + " rounds)%n",
            vendor,
            Interleaved.median(m.cpu().get("sdk")),
            Interleaved.median(m.alloc().get("sdk")),
            Interleaved.median(m.ratio("sdk", "jackson")),
            Interleaved.median(m.allocRatio("sdk", "jackson")),
            Interleaved.median(m.ratio("floor", "jackson")),
            Interleaved.median(m.allocRatio("floor", "jackson")),
            settings.rounds());
      } finally {
        sdk.tearDown();
      }
    }
    Interleaved.write(p, a.get("out"), "JacksonRounds");
  }

  /**
   * The Moshi floor on the canned transport: per create, the vendor's body written by PayClient's
   * JSON writer from a typed request built once (a fixed idempotency key), posted with the headers
   * the SDK sends through the same canned OkHttp client, and the answer read into the typed payment
   * by the vendor's reader, as the loopback harness's floor does. No validation, key generation,
   * retries, deadline or error mapping.
   */
  static final class Floor {
    private final String vendor;
    private final Contender contender;
    private final OkHttpClient http;
    private final Canned.Sent sent;
    private final Object request;

    Floor(String vendor) throws Exception {
      this.vendor = vendor;
      this.contender = Contender.of(vendor);
      this.http = contender.http();
      this.sent = contender.canned.capture(contender::create);
      this.request = Contender.request(vendor);
      Object payment = create();
      if (payment == null) {
        throw new IllegalStateException(vendor + ": the floor read no payment");
      }
    }

    Object create() throws Exception {
      byte[] body = VendorJson.write(vendor, request, "floor-key-0001");
      Request r =
          new Request.Builder()
              .url(sent.url())
              .headers(sent.headers())
              .post(RequestBody.create(body, sent.type()))
              .build();
      try (Response response = http.newCall(r).execute()) {
        // Read as the loopback floor reads (loopback.Subject's Json): the body's bytes, then a
        // pooled buffer cleared after.
        Buffer bytes = new Buffer().write(response.body().bytes());
        try {
          return VendorJson.read(vendor, JsonReader.of(bytes));
        } finally {
          bytes.clear();
        }
      }
    }
  }
}
