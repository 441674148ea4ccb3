package io.payclient.benchmarks;

import com.squareup.moshi.JsonReader;
import io.payclient.billingrails.BillingrailsWebhookEvent;
import io.payclient.billingrails.BillingrailsWebhooks;
import io.payclient.billingrails.internal.BillingrailsJson;
import io.payclient.lago.LagoWebhookEvent;
import io.payclient.lago.LagoWebhooks;
import io.payclient.lago.internal.LagoPaymentRequestJson;
import io.payclient.paygentic.PaygenticWebhookEvent;
import io.payclient.paygentic.PaygenticWebhooks;
import io.payclient.paygentic.internal.PaygenticJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Webhook verification, per event and per scheme: {@code sdk} is the SDK's public verifier ({@code
 * verifyEvent(body, headers::get)}: check the headers, verify the signature over the raw bytes,
 * then read the event with its payment object); the baselines run on the very same bytes:
 *
 * <ul>
 *   <li>{@code bare}: the JDK primitive alone, on an instance initialised once: {@code Mac.doFinal}
 *       over the signed content (the body; for Svix {@code id.timestamp.body}), or {@code
 *       Signature.verify} ({@code SHA256withRSA}) over the JWT's signing input;
 *   <li>{@code bareTokenize}: the same, plus Moshi tokenizing the body and keeping nothing ({@code
 *       JsonReader.skipValue()}, as {@link SerdeBenchmark#tokenize()}): the floor of any verifier
 *       that also reads the event;
 *   <li>{@code jwtFloor} (Lago JWT; the HMAC schemes return at once): the bare RSA verify plus what
 *       the spec makes every JWT verifier do besides (decode the claims, read {@code data} out of
 *       them, compare it with the body), then the tokenize: the floor of a conforming verifier.
 * </ul>
 *
 * <p>Bodies are compact JSON as the vendors send them (resources under {@code webhooks/}), 1.1 to
 * 1.4 kB. Keys, signatures and verifiers are made once per trial: the Lago verifier from a PEM
 * ({@code .publicKey(pem)}, nothing fetched), the Paygentic one with a fixed clock so that the
 * signed timestamp stays within its tolerance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WebhookBenchmark {
  /** The schemes, in the report's order. */
  static final String[] SCHEMES = {"lago-jwt", "lago-hmac", "billingrails", "paygentic"};

  private static final String LAGO_ISSUER = "https://api.getlago.com";
  private static final String LAGO_HMAC_KEY = "d4b1e7c0a9f24e5b8c3d6a1f0e9b7c2d";
  private static final String LAGO_UNIQUE_KEY = "5f3c1b9e-2d4a-4f8b-9c7e-1a2b3c4d5e6f";
  private static final String BILLINGRAILS_SECRET = "whsec_br_7c1f0e9a3b5d4c2e8f6a";
  private static final String SVIX_SECRET =
      "whsec_" + b64("a benchmark secret of 32 bytes!!".getBytes(StandardCharsets.US_ASCII));
  private static final String SVIX_ID = "msg_2Lb3nM4oP5qR6sT7uV8wX9yZ0a";
  private static final long SVIX_TIMESTAMP = 1_772_446_622L; // 2026-03-02T10:17:02Z

  @Param({"lago-jwt", "lago-hmac", "billingrails", "paygentic"})
  public String scheme;

  private byte[] body;
  private Function<String, String> headers;
  private Verifier verifier;

  // The baselines' state: initialised once, reused (the cheapest use of the JDK primitive).
  private byte[] signedContent;
  private byte[] rsaSignature;
  private Mac mac;
  private Signature rsa;
  private byte[] claimsPart; // lago-jwt: the JWT's claims, still base64url, as its ASCII bytes

  /** The SDK verifier of one scheme, as a user calls it. */
  @FunctionalInterface
  private interface Verifier {
    Object verify(byte[] body, Function<String, String> headers);
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    switch (scheme) {
      case "lago-jwt" -> {
        body = resource("lago-payment-request-status-updated.json");
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        String bodyText = new String(body, StandardCharsets.UTF_8);
        String signingInput =
            b64url("{\"alg\":\"RS256\"}")
                + "."
                + b64url("{\"data\":" + jsonString(bodyText) + ",\"iss\":\"" + LAGO_ISSUER + "\"}");
        signedContent = signingInput.getBytes(StandardCharsets.US_ASCII);
        claimsPart =
            signingInput
                .substring(signingInput.indexOf('.') + 1)
                .getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(signedContent);
        rsaSignature = signer.sign();
        h.put(LagoWebhooks.SIGNATURE_HEADER, signingInput + "." + b64url(rsaSignature));
        h.put(LagoWebhooks.ALGORITHM_HEADER, "jwt");
        h.put(LagoWebhooks.UNIQUE_KEY_HEADER, LAGO_UNIQUE_KEY);
        LagoWebhooks lago = LagoWebhooks.builder().publicKey(pem(keys)).issuer(LAGO_ISSUER).build();
        verifier = lago::verifyEvent;
        rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
      }
      case "lago-hmac" -> {
        body = resource("lago-payment-request-status-updated.json");
        signedContent = body;
        mac = mac(LAGO_HMAC_KEY.getBytes(StandardCharsets.UTF_8));
        h.put(LagoWebhooks.SIGNATURE_HEADER, b64(mac.doFinal(body)));
        h.put(LagoWebhooks.ALGORITHM_HEADER, "hmac");
        h.put(LagoWebhooks.UNIQUE_KEY_HEADER, LAGO_UNIQUE_KEY);
        LagoWebhooks lago = LagoWebhooks.builder().hmacKey(LAGO_HMAC_KEY).build();
        verifier = lago::verifyEvent;
      }
      case "billingrails" -> {
        body = resource("billingrails-payment-succeeded.json");
        signedContent = body;
        mac = mac(BILLINGRAILS_SECRET.getBytes(StandardCharsets.UTF_8));
        h.put(BillingrailsWebhooks.SIGNATURE_HEADER, b64(mac.doFinal(body)));
        BillingrailsWebhooks billingrails =
            BillingrailsWebhooks.builder().secret(BILLINGRAILS_SECRET).build();
        verifier = billingrails::verifyEvent;
      }
      case "paygentic" -> {
        body = resource("paygentic-payment-completed.json");
        byte[] prefix = (SVIX_ID + "." + SVIX_TIMESTAMP + ".").getBytes(StandardCharsets.US_ASCII);
        signedContent = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signedContent, 0, prefix.length);
        System.arraycopy(body, 0, signedContent, prefix.length, body.length);
        mac = mac(Base64.getDecoder().decode(SVIX_SECRET.substring("whsec_".length())));
        h.put(PaygenticWebhooks.ID_HEADER, SVIX_ID);
        h.put(PaygenticWebhooks.TIMESTAMP_HEADER, Long.toString(SVIX_TIMESTAMP));
        h.put(PaygenticWebhooks.SIGNATURE_HEADER, "v1," + b64(mac.doFinal(signedContent)));
        PaygenticWebhooks paygentic =
            PaygenticWebhooks.builder()
                .secret(SVIX_SECRET)
                .clock(Clock.fixed(Instant.ofEpochSecond(SVIX_TIMESTAMP + 3), ZoneOffset.UTC))
                .build();
        verifier = paygentic::verifyEvent;
      }
      default -> throw new IllegalArgumentException("unknown scheme " + scheme);
    }
    headers = h::get;
    check();
  }

  /** Fails the trial unless the SDK accepts the event and reads its payment object. */
  private void check() throws Exception {
    Object event = verifier.verify(body, headers);
    boolean hasObject =
        event instanceof LagoWebhookEvent l
            ? l.paymentRequest().isPresent()
            : event instanceof BillingrailsWebhookEvent b
                ? b.payment().isPresent()
                : ((PaygenticWebhookEvent) event).payment().isPresent();
    if (!hasObject) {
      throw new IllegalStateException(scheme + ": the event was read without its payment object");
    }
    Object baseline = bare();
    if (rsa != null ? !Boolean.TRUE.equals(baseline) : baseline == null) {
      throw new IllegalStateException(scheme + ": the baseline does not verify");
    }
    if (rsa != null && !Boolean.TRUE.equals(jwtFloor())) {
      throw new IllegalStateException(scheme + ": the JWT floor does not accept the event");
    }
  }

  /** Verify and parse one event through the SDK's public verifier. */
  @Benchmark
  public Object sdk() {
    return verifier.verify(body, headers);
  }

  /** The JDK primitive alone over the same signed content, and the comparison. */
  @Benchmark
  public Object bare() throws GeneralSecurityException {
    if (rsa != null) {
      rsa.update(signedContent);
      return rsa.verify(rsaSignature);
    }
    return mac.doFinal(signedContent);
  }

  /** {@link #bare()}, then Moshi tokenizing the body and keeping nothing. */
  @Benchmark
  public Object bareTokenize() throws GeneralSecurityException, IOException {
    Object verified = bare();
    Buffer buffer = new Buffer().write(body);
    try {
      JsonReader r = JsonReader.of(buffer);
      r.skipValue();
      return verified == null ? null : r;
    } finally {
      buffer.clear();
    }
  }

  /**
   * {@link #bare()}, then the SDK's own typed reader of the event's payment object, the envelope's
   * other members skipped: what any verifier that returns the typed payment must do at least, with
   * PayClient's readers (no header checks, no envelope fields, no neutral mapping). Not a JMH
   * benchmark: {@link WebhookRounds} measures it interleaved, to isolate the price of the typed
   * read ({@code bareParse / bareTokenize}) from the verifier's own work ({@code sdk / bareParse}).
   */
  public Object bareParse() throws GeneralSecurityException, IOException {
    Object verified = bare();
    Object payment = typedRead();
    return verified == null ? null : payment;
  }

  /**
   * PayClient's typed reader of the event's payment object, the envelope's other members skipped.
   */
  private Object typedRead() throws IOException {
    Buffer buffer = new Buffer().write(body);
    try {
      JsonReader r = JsonReader.of(buffer);
      Object payment = null;
      boolean lago = scheme.startsWith("lago");
      r.beginObject();
      while (r.hasNext()) {
        String name = r.nextName();
        if (!name.equals(lago ? "payment_request" : "data")) {
          r.skipValue();
          continue;
        }
        payment =
            switch (scheme) {
              case "lago-jwt", "lago-hmac" -> LagoPaymentRequestJson.read(r);
              case "billingrails" -> BillingrailsJson.readPaymentEnvelope(r);
              default -> PaygenticJson.readPayment(r, false);
            };
      }
      r.endObject();
      return Objects.requireNonNull(payment, "payment");
    } finally {
      buffer.clear();
    }
  }

  /**
   * Lago JWT only (the HMAC schemes return at once): the floor of any verifier that follows the
   * spec, without a typed parse, done the cheapest way known. {@link #bare()}'s RSA verify, then
   * what the spec requires besides: base64url-decode the claims, check that they are {@code
   * {"data":"…","iss":"<issuer>"}} while comparing the {@code data} string, escape by escape, with
   * the body where it stands in the claims (no reader, no string built), then tokenize the body as
   * {@link #bareTokenize()} does. It reads only this shape with ASCII escapes, which is what the
   * benchmark's token holds (checked in setup); the SDK reads any shape, checks the headers, and
   * reads the event into its types.
   */
  @Benchmark
  public Object jwtFloor() throws GeneralSecurityException, IOException {
    if (rsa == null) {
      return null;
    }
    boolean accepted = jwtChecks();
    Buffer buffer = new Buffer().write(body);
    try {
      JsonReader.of(buffer).skipValue();
    } finally {
      buffer.clear();
    }
    return accepted;
  }

  /**
   * Lago JWT only: {@link #jwtFloor()} with PayClient's typed read ({@link #bareParse()}'s) in
   * place of the tokenize: the floor of a conforming verifier that returns the typed payment
   * request with PayClient's reader. Not a JMH benchmark; {@link WebhookRounds} measures it.
   */
  public Object jwtFloorParse() throws GeneralSecurityException, IOException {
    if (rsa == null) {
      return null;
    }
    boolean accepted = jwtChecks();
    Object payment = typedRead();
    return accepted ? payment : null;
  }

  /** The RSA verify and the claims checks of {@link #jwtFloor()}: whether the token is accepted. */
  private boolean jwtChecks() throws GeneralSecurityException {
    boolean verified = Boolean.TRUE.equals(bare());
    byte[] claims = Base64.getUrlDecoder().decode(claimsPart);
    int i = DATA_PREFIX.length;
    boolean same = Arrays.equals(claims, 0, i, DATA_PREFIX, 0, i);
    int j = 0;
    for (; i < claims.length && claims[i] != '"'; i++, j++) {
      byte b = claims[i];
      if (b == '\\') {
        b =
            switch (claims[++i]) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              case 'b' -> '\b';
              case 'f' -> '\f';
              case 'u' ->
                  (byte)
                      Integer.parseInt(
                          new String(claims, (i += 4) - 3, 4, StandardCharsets.US_ASCII), 16);
              default -> claims[i]; // \" \\ \/
            };
      }
      same &= j < body.length && body[j] == b;
    }
    same &=
        j == body.length
            && Arrays.equals(claims, i + 1, claims.length, ISS_SUFFIX, 0, ISS_SUFFIX.length);
    return verified && same;
  }

  private static final byte[] DATA_PREFIX = "{\"data\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ISS_SUFFIX =
      (",\"iss\":\"" + LAGO_ISSUER + "\"}").getBytes(StandardCharsets.US_ASCII);

  private static Mac mac(byte[] key) throws GeneralSecurityException {
    Mac m = Mac.getInstance("HmacSHA256");
    m.init(new SecretKeySpec(key, "HmacSHA256"));
    return m;
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebhookBenchmark.class.getResourceAsStream("/webhooks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource webhooks/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(KeyPair keys) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static String b64url(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String b64url(String s) {
    return b64url(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON string literal, as Ruby's to_json writes the body into the JWT's data claim. */
  private static String jsonString(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 64).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
