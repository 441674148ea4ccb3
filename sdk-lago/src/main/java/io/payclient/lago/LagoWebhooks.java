package io.payclient.lago;

import com.squareup.moshi.JsonReader;
import io.payclient.core.PaymentsListener;
import io.payclient.core.WebhookEvent;
import io.payclient.core.WebhookVerificationException;
import io.payclient.core.WebhookVerificationException.Reason;
import io.payclient.core.WebhookVerifier;
import io.payclient.core.internal.Limits;
import io.payclient.core.internal.WebhookChecks;
import io.payclient.lago.internal.LagoJson;
import io.payclient.lago.internal.LagoPaymentRequestJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Verifies Lago's webhooks. {@code X-Lago-Signature-Algorithm} selects the scheme, and a scheme
 * this verifier was not given a key for is refused:
 *
 * <ul>
 *   <li>{@code jwt}: {@code X-Lago-Signature} is an RS256 JWT (only RS256 is accepted, never {@code
 *       none} or an HMAC algorithm) signed with the instance's RSA key; its {@code iss} must be the
 *       instance's API URL and its {@code data} the body received, byte for byte.
 *   <li>{@code hmac}: {@code X-Lago-Signature} is the base64 HMAC-SHA256 of the raw body keyed with
 *       the organisation's HMAC key (Developers → Webhooks in Lago; not the API key).
 * </ul>
 *
 * <pre>{@code
 * LagoWebhooks webhooks = lago.webhooks();  // fetches and caches the instance's public key
 * // or, alone:
 * LagoWebhooks webhooks = LagoWebhooks.builder()
 *     .publicKey(pem)                       // PEM, or Lago's base64 of it
 *     .issuer("https://api.getlago.com")    // the instance's API URL
 *     .hmacKey(hmacKey)                     // only for endpoints set to hmac
 *     .build();
 * LagoWebhookEvent event = webhooks.verifyEvent(body, request::getHeader);
 * }</pre>
 *
 * <p>JWT verification uses the JDK's {@link Signature} ({@code SHA256withRSA}) with the algorithm
 * pinned; no JWT library. Every refusal is a {@link WebhookVerificationException} whose {@link
 * WebhookVerificationException#reason() reason()} names the failed check; no key is ever in it.
 * Immutable in configuration and thread-safe; a verifier from {@link LagoClient#webhooks()} fetches
 * the key on first use and fetches it again (at most once a minute) when a signature fails, in case
 * the instance's key was rotated.
 */
public final class LagoWebhooks implements WebhookVerifier {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "X-Lago-Signature";

  /** The scheme header: {@code jwt} or {@code hmac}. */
  public static final String ALGORITHM_HEADER = "X-Lago-Signature-Algorithm";

  /** The de-duplication key header. */
  public static final String UNIQUE_KEY_HEADER = "X-Lago-Unique-Key";

  private static final long REFETCH_INTERVAL_NANOS = 60_000_000_000L;
  // The JWT carries the body as a JSON string, base64url-encoded: a few times the body at most.
  private static final int MAX_JWT_CHARS = Limits.MAX_WEBHOOK_BODY_BYTES * 3 + 4096;
  private static final int MIN_RSA_BITS = 2048;

  private static final JsonReader.Options JOSE_FIELDS = JsonReader.Options.of("alg");
  private static final JsonReader.Options CLAIM_FIELDS = JsonReader.Options.of("iss", "data");
  private static final JsonReader.Options FIELDS =
      JsonReader.Options.of(
          "webhook_type", "object_type", "organization_id", "payment", "payment_request");
  private static final JsonReader.Options KEY_ENVELOPE = JsonReader.Options.of("webhook");
  private static final JsonReader.Options KEY_FIELDS = JsonReader.Options.of("public_key");

  private static final WebhookChecks CHECKS = new WebhookChecks(LagoClient.VENDOR);

  private final @Nullable String issuer;
  private final WebhookChecks.@Nullable Hmac hmac;
  private final PaymentsListener listener;
  private final @Nullable Supplier<PublicKey> fetcher;
  private final Object lock = new Object();
  private volatile @Nullable PublicKey publicKey;
  private volatile long refetchedAtNanos;
  private volatile boolean refetchedBefore;
  private final AtomicReference<@Nullable KeyedSignature> idleSignature = new AtomicReference<>();

  private LagoWebhooks(
      PaymentsListener listener,
      @Nullable PublicKey publicKey,
      @Nullable String issuer,
      byte @Nullable [] hmacKey,
      @Nullable Supplier<PublicKey> fetcher) {
    this.publicKey = publicKey;
    this.issuer = issuer;
    this.hmac = hmacKey == null ? null : new WebhookChecks.Hmac(hmacKey);
    this.listener = listener;
    this.fetcher = fetcher;
  }

  /** Returns a builder for a verifier with its own keys. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * For {@link LagoClient#webhooks()}: JWT with the key fetched through the client, and HMAC when
   * the client was given the organisation's HMAC key.
   */
  static LagoWebhooks fetching(
      String issuer,
      Supplier<PublicKey> fetcher,
      byte @Nullable [] hmacKey,
      PaymentsListener listener) {
    return new LagoWebhooks(listener, null, issuer, hmacKey, fetcher);
  }

  /** The HMAC key as the verifier uses it (UTF-8 bytes), for {@link LagoClient.Builder}. */
  static byte[] hmacKeyBytes(String hmacKey) {
    Objects.requireNonNull(hmacKey, "hmacKey");
    if (hmacKey.isEmpty()) {
      throw new IllegalArgumentException("hmacKey must not be empty");
    }
    return WebhookChecks.utf8(hmacKey);
  }

  /**
   * {@inheritDoc}
   *
   * @return the neutral event; {@code unwrap(LagoWebhookEvent.class)} gives every field
   */
  @Override
  public WebhookEvent verify(byte[] rawBody, Function<String, String> header) {
    return verifyEvent(rawBody, header).toWebhookEvent();
  }

  /**
   * Verifies the signature over the exact bytes received, then reads the event.
   *
   * @param rawBody the request body exactly as received
   * @param header header lookup by name, case-insensitive, {@code null} when absent
   * @throws WebhookVerificationException {@code BODY_TOO_LARGE}, {@code MISSING_HEADER}, {@code
   *     MALFORMED_HEADER}, {@code UNSUPPORTED_ALGORITHM} (a scheme without a configured key, or a
   *     JWT not RS256), {@code KEY_UNAVAILABLE} (the key could not be fetched), {@code
   *     BAD_SIGNATURE}, {@code WRONG_ISSUER}, {@code BODY_MISMATCH} or {@code UNPARSEABLE_BODY}
   */
  public LagoWebhookEvent verifyEvent(byte[] rawBody, Function<String, String> header) {
    return WebhookChecks.reported(
        listener, LagoClient.VENDOR, () -> check(rawBody, header), LagoWebhookEvent::type);
  }

  private LagoWebhookEvent check(byte[] rawBody, Function<String, String> header) {
    byte[] body = CHECKS.body(rawBody);
    Objects.requireNonNull(header, "header");
    String scheme = CHECKS.header(header, ALGORITHM_HEADER).toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "jwt" ->
          verifyJwt(body, CHECKS.unscannedHeader(header, SIGNATURE_HEADER, MAX_JWT_CHARS));
      case "hmac" -> verifyHmac(body, CHECKS.header(header, SIGNATURE_HEADER));
      default ->
          throw CHECKS.refuse(
              Reason.UNSUPPORTED_ALGORITHM,
              "the " + ALGORITHM_HEADER + " header names neither jwt nor hmac");
    }
    String unique = CHECKS.optionalHeader(header, UNIQUE_KEY_HEADER);
    String id = unique != null ? unique : "sha256:" + WebhookChecks.sha256Hex(body);
    return CHECKS.readObject(body, (r, pass) -> read(r, pass, id, body));
  }

  private void verifyHmac(byte[] body, String signature) {
    WebhookChecks.Hmac key = hmac;
    if (key == null) {
      throw CHECKS.refuse(
          Reason.UNSUPPORTED_ALGORITHM,
          "the webhook is signed with hmac, and this verifier has no HMAC key");
    }
    byte[] given = CHECKS.base64(signature, SIGNATURE_HEADER);
    if (!WebhookChecks.constantTimeEquals(key.sign(body), given)) {
      throw CHECKS.refuse(
          Reason.BAD_SIGNATURE, "the " + SIGNATURE_HEADER + " header does not match the body");
    }
  }

  private void verifyJwt(byte[] body, String jwt) {
    if (publicKey == null && fetcher == null) {
      throw CHECKS.refuse(
          Reason.UNSUPPORTED_ALGORITHM,
          "the webhook is signed with jwt, and this verifier has no public key");
    }
    // The JWT's bytes once (a character beyond Latin-1 becomes '?'), each part decoded from them,
    // and the signing input given to the verifier as a range (no substring, no second copy of the
    // 2-3 kB header). Its characters are checked by that decoding alone: the base64url decoder
    // refuses every byte outside its alphabet (a control character, '?', a byte over 0x7F) and
    // takes '=' only as the padding at a part's end, which base64url in a JWT does not have.
    byte[] token = jwt.getBytes(StandardCharsets.ISO_8859_1);
    // The dots are found by the String's (vectorised) search, whose indexes are token's: one byte
    // per char, unless a pair of surrogates became a single '?' (never a JWT's character).
    int first = jwt.indexOf('.');
    int second = first < 0 ? -1 : jwt.indexOf('.', first + 1);
    if (token.length != jwt.length()
        || first < 0
        || second < 0
        || jwt.indexOf('.', second + 1) >= 0) {
      throw malformedJwt();
    }
    String alg = isRs256Jose(token, first) ? "RS256" : readAlg(base64Url(token, 0, first));
    ByteBuffer claims = base64Url(token, first + 1, second);
    ByteBuffer signature = base64Url(token, second + 1, token.length);
    if (!"RS256".equals(alg)) {
      throw CHECKS.refuse(
          Reason.UNSUPPORTED_ALGORITHM, "the JWT's alg is not RS256, the only one accepted");
    }
    byte[] sig = signature.array();
    PublicKey key = currentKey();
    if (!rs256(key, token, second, sig)) {
      PublicKey fresh = refetched(key);
      if (fresh == null || !rs256(fresh, token, second, sig)) {
        throw CHECKS.refuse(
            Reason.BAD_SIGNATURE, "the JWT in " + SIGNATURE_HEADER + " is not signed by the key");
      }
    }
    Claims claim = readClaims(claims, body);
    String expectedIssuer = Objects.requireNonNull(issuer, "issuer");
    if (claim.iss == null || !stripSlash(claim.iss).equals(stripSlash(expectedIssuer))) {
      throw CHECKS.refuse(
          Reason.WRONG_ISSUER, "the JWT's iss is not " + expectedIssuer + " (another instance)");
    }
    if (!claim.dataIsBody) {
      throw CHECKS.refuse(Reason.BODY_MISMATCH, "the JWT's data is not the body received");
    }
  }

  private static WebhookVerificationException malformedJwt() {
    return CHECKS.refuse(
        Reason.MALFORMED_HEADER, "the " + SIGNATURE_HEADER + " header is not a signed JWT");
  }

  /**
   * The JOSE headers of RS256 as JWT libraries write them ({@code {"alg":"RS256"}}, and with {@code
   * "typ":"JWT"} after or before it), base64url: recognised as they stand, without decoding and
   * reading them. Any other header is decoded and read.
   */
  private static final byte[][] RS256_JOSE = {
    WebhookChecks.utf8("eyJhbGciOiJSUzI1NiJ9"),
    WebhookChecks.utf8("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"),
    WebhookChecks.utf8("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9")
  };

  /** Whether {@code token[0, length)} is one of {@link #RS256_JOSE}. */
  private static boolean isRs256Jose(byte[] token, int length) {
    for (byte[] jose : RS256_JOSE) {
      if (jose.length == length && Arrays.equals(token, 0, length, jose, 0, length)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Decodes the base64url (no padding) of {@code token[from, to)}; the result's array holds exactly
   * the decoded bytes. Anything else is a malformed JWT.
   */
  private static ByteBuffer base64Url(byte[] token, int from, int to) {
    if (to > from && token[to - 1] == '=') {
      throw malformedJwt(); // padding: the decoder would take it
    }
    try {
      ByteBuffer out = Base64.getUrlDecoder().decode(ByteBuffer.wrap(token, from, to - from));
      if (out.arrayOffset() != 0 || out.position() != 0 || out.limit() != out.array().length) {
        out = ByteBuffer.wrap(Arrays.copyOfRange(out.array(), out.position(), out.limit()));
      }
      return out;
    } catch (IllegalArgumentException e) {
      throw malformedJwt();
    }
  }

  /**
   * The JOSE header's {@code alg} when it is a string, else {@code ""}; malformed JSON is a
   * malformed JWT.
   */
  private static String readAlg(ByteBuffer jose) {
    return readJson(
        jose,
        r -> {
          String alg = null;
          r.beginObject();
          while (r.hasNext()) {
            if (r.selectName(JOSE_FIELDS) < 0) {
              r.skipName();
              r.skipValue();
            } else {
              alg = r.peek() == JsonReader.Token.STRING ? r.nextString() : skip(r);
            }
          }
          r.endObject();
          return alg == null ? "" : alg; // "" is not RS256 either
        });
  }

  /** What the claims say: {@code iss} when a string, and whether {@code data} is the body. */
  record Claims(@Nullable String iss, boolean dataIsBody) {}

  /**
   * Reads the claims: {@code iss} as a string, and {@code data} compared with the body where it
   * stands in the claims, as the JSON text of a string, without building it as a {@link String}
   * (the last of duplicated members counts, as for {@code iss}); malformed JSON is a malformed JWT.
   */
  private static Claims readClaims(ByteBuffer claims, byte[] body) {
    Claims canonical = canonicalClaims(claims.array(), body);
    if (canonical != null) {
      return canonical;
    }
    return readJson(
        claims,
        r -> {
          String iss = null;
          boolean dataIsBody = false;
          r.beginObject();
          while (r.hasNext()) {
            int i = r.selectName(CLAIM_FIELDS);
            if (i < 0) {
              r.skipName();
              r.skipValue();
            } else if (r.peek() != JsonReader.Token.STRING) {
              r.skipValue();
              if (i == 0) {
                iss = null;
              } else {
                dataIsBody = false;
              }
            } else if (i == 0) {
              iss = r.nextString();
            } else {
              byte[] text;
              try (BufferedSource source = r.nextSource()) {
                text = source.readByteArray();
              }
              dataIsBody = dataIsBody(text, body);
            }
          }
          r.endObject();
          return new Claims(iss, dataIsBody);
        });
  }

  /** What {@link #scanString} returns when the text needs Moshi's decoding instead. */
  private static final long DECODE = -1;

  /**
   * Scans the JSON string whose content starts at {@code from} (just after its opening quote) and
   * compares what it stands for with {@code body}: returns the index of its closing quote, times
   * two, plus one if the string's UTF-8 bytes are the body's; or {@link #DECODE} when it holds
   * anything but printable ASCII and the escapes for ASCII ({@code \" \\ \/ \b \f \n \r \t} and a
   * unicode escape under 0x80), or no closing quote: such a string is decoded by Moshi instead,
   * whose answer and errors then count. The scan goes to the end whatever it finds (the data claim
   * is signed by Lago and not secret; scanning on leaves no malformed escape unseen).
   */
  static long scanString(byte[] text, int from, byte[] body) {
    int j = 0;
    boolean same = true;
    for (int i = from; i < text.length; i++) {
      int b = text[i];
      if (b == '"') {
        return 2L * i + (same && j == body.length ? 1 : 0);
      }
      if (b < 0x20) { // a control character, or (negative) a byte over 0x7F
        return DECODE;
      }
      if (b == '\\') {
        if (++i >= text.length) {
          return DECODE;
        }
        switch (text[i]) {
          case '"' -> b = '"';
          case '\\' -> b = '\\';
          case '/' -> b = '/';
          case 'b' -> b = '\b';
          case 'f' -> b = '\f';
          case 'n' -> b = '\n';
          case 'r' -> b = '\r';
          case 't' -> b = '\t';
          case 'u' -> {
            b = i + 4 < text.length ? hex4(text, i + 1) : -1;
            if (b < 0 || b > 0x7F) {
              return DECODE;
            }
            i += 4;
          }
          default -> {
            return DECODE;
          }
        }
      }
      same &= j < body.length && body[j] == b;
      j++;
    }
    return DECODE;
  }

  /**
   * Whether the JSON string literal {@code literal} (quotes included, as it stands in the claims)
   * is {@code body}: its UTF-8 bytes are the body's. Scanned in place ({@link #scanString}), else
   * decoded as before, with Moshi's {@code nextString} and then its UTF-8 bytes.
   */
  static boolean dataIsBody(byte[] literal, byte[] body) throws IOException {
    long scan = scanString(literal, 1, body);
    if (scan == DECODE || scan >> 1 != literal.length - 1) {
      return decodedIsBody(literal, body);
    }
    return (scan & 1) == 1;
  }

  private static final byte[] CANONICAL_DATA = WebhookChecks.utf8("{\"data\":\"");
  private static final byte[] CANONICAL_ISS = WebhookChecks.utf8(",\"iss\":\"");

  /**
   * The claims when they have the shape Lago writes, {@code {"data":"…","iss":"…"}} with nothing
   * else, no whitespace, {@code data} of what {@link #scanString} reads in place and {@code iss} of
   * printable ASCII without escapes; else {@code null}, and Moshi reads them. On that shape both
   * ways give the same answer; this one neither copies the claims into a reader nor the data claim
   * out of them.
   */
  static @Nullable Claims canonicalClaims(byte[] claims, byte[] body) {
    if (!startsWith(claims, 0, CANONICAL_DATA)) {
      return null;
    }
    long scan = scanString(claims, CANONICAL_DATA.length, body);
    if (scan == DECODE) {
      return null;
    }
    int issFrom = (int) (scan >> 1) + 1 + CANONICAL_ISS.length;
    if (!startsWith(claims, issFrom - CANONICAL_ISS.length, CANONICAL_ISS)
        || claims.length < issFrom + 2
        || claims[claims.length - 1] != '}'
        || claims[claims.length - 2] != '"') {
      return null;
    }
    int issEnd = claims.length - 2;
    for (int i = issFrom; i < issEnd; i++) {
      byte c = claims[i];
      if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
        return null;
      }
    }
    return new Claims(
        new String(claims, issFrom, issEnd - issFrom, StandardCharsets.US_ASCII), (scan & 1) == 1);
  }

  private static boolean startsWith(byte[] text, int at, byte[] prefix) {
    if (at < 0 || text.length - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (text[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The value of four hex digits at {@code from}, or -1. */
  private static int hex4(byte[] text, int from) {
    int value = 0;
    for (int i = from; i < from + 4; i++) {
      int c = text[i];
      int d =
          c >= '0' && c <= '9'
              ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) {
        return -1;
      }
      value = value * 16 + d;
    }
    return value;
  }

  /** {@link #dataIsBody} by decoding: Moshi's string, then its UTF-8 bytes, compared. */
  private static boolean decodedIsBody(byte[] literal, byte[] body) throws IOException {
    Buffer buffer = new Buffer().write(literal);
    try (JsonReader r = JsonReader.of(buffer)) {
      return WebhookChecks.constantTimeEquals(
          r.nextString().getBytes(StandardCharsets.UTF_8), body);
    } finally {
      buffer.clear();
    }
  }

  private static <T> T readJson(ByteBuffer json, WebhookChecks.ObjectReader<T> reader) {
    try {
      return CHECKS.readObject(json.array(), (r, pass) -> reader.read(r));
    } catch (WebhookVerificationException e) {
      throw malformedJwt();
    }
  }

  private static @Nullable String skip(JsonReader r) throws IOException {
    r.skipValue();
    return null;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Whether {@code signature} is the RS256 signature of {@code token[0, length)}. The {@link
   * Signature} initialised for a key is kept for the next event (one at a time; a concurrent event
   * uses its own) instead of being looked up and initialised per event. After {@code verify} it is
   * back in its initialised state; one that threw is dropped.
   */
  private boolean rs256(PublicKey key, byte[] token, int length, byte[] signature) {
    KeyedSignature cached = idleSignature.getAndSet(null);
    try {
      if (cached == null || cached.key != key) {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        cached = new KeyedSignature(key, verifier);
      }
      cached.signature.update(token, 0, length);
      boolean ok = cached.signature.verify(signature);
      idleSignature.set(cached);
      return ok;
    } catch (GeneralSecurityException e) {
      return false; // a signature of the wrong length or shape
    }
  }

  /** A {@link Signature} initialised to verify with {@code key}. */
  private record KeyedSignature(PublicKey key, Signature signature) {}

  private PublicKey currentKey() {
    PublicKey key = publicKey;
    if (key != null) {
      return key;
    }
    synchronized (lock) {
      if (publicKey == null) {
        publicKey = fetch();
      }
      return Objects.requireNonNull(publicKey);
    }
  }

  /** A new key if one was fetched and differs, else {@code null}; at most once a minute. */
  private @Nullable PublicKey refetched(PublicKey stale) {
    if (fetcher == null) {
      return null;
    }
    synchronized (lock) {
      PublicKey now = publicKey;
      if (now != null && !now.equals(stale)) {
        return now; // another thread already refetched
      }
      if (refetchedBefore && System.nanoTime() - refetchedAtNanos < REFETCH_INTERVAL_NANOS) {
        return null; // a burst of bad signatures does not become a burst of key fetches
      }
      refetchedBefore = true;
      refetchedAtNanos = System.nanoTime();
      PublicKey fresh = fetch();
      publicKey = fresh;
      return fresh.equals(stale) ? null : fresh;
    }
  }

  private PublicKey fetch() {
    return Objects.requireNonNull(fetcher).get();
  }

  private static LagoWebhookEvent read(
      JsonReader r, WebhookChecks.Pass pass, String id, byte[] body) throws IOException {
    String type = null;
    String objectType = null;
    String organizationId = null;
    LagoPayment payment = null;
    LagoPaymentRequest paymentRequest = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(FIELDS)) {
        case 0 -> type = WebhookChecks.scalar(r);
        case 1 -> objectType = WebhookChecks.scalar(r);
        case 2 -> organizationId = WebhookChecks.scalar(r);
        case 3 -> payment = pass.optionalObject(r, LagoJson::readPayment);
        case 4 -> paymentRequest = pass.optionalObject(r, LagoPaymentRequestJson::read);
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    r.endObject();
    return new LagoWebhookEvent(
        id,
        type == null ? "" : type,
        objectType,
        organizationId,
        "payment".equals(objectType) ? payment : null,
        "payment_request".equals(objectType) ? paymentRequest : null,
        body);
  }

  /**
   * Reads Lago's {@code {"webhook":{"public_key":"<base64 of a PEM>"}}}.
   *
   * @throws com.squareup.moshi.JsonDataException when it has no key
   */
  static String readPublicKeyResponse(JsonReader r) throws IOException {
    String key = null;
    r.beginObject();
    while (r.hasNext()) {
      if (r.selectName(KEY_ENVELOPE) == 0 && r.peek() == JsonReader.Token.BEGIN_OBJECT) {
        r.beginObject();
        while (r.hasNext()) {
          if (r.selectName(KEY_FIELDS) == 0 && r.peek() == JsonReader.Token.STRING) {
            key = r.nextString();
          } else {
            r.skipName();
            r.skipValue();
          }
        }
        r.endObject();
      } else {
        r.skipName();
        r.skipValue();
      }
    }
    r.endObject();
    if (key == null) {
      throw new com.squareup.moshi.JsonDataException("no webhook.public_key in the answer");
    }
    return key;
  }

  /**
   * An RSA public key from a PEM {@code PUBLIC KEY}, or from Lago's base64 of that PEM (line breaks
   * allowed).
   *
   * @throws IllegalArgumentException if it is neither, or the key is not RSA of at least 2048 bits
   *     (the message never quotes the text)
   */
  static PublicKey publicKey(String pemOrBase64) {
    String text = pemOrBase64.strip();
    if (!text.contains("-----BEGIN")) {
      byte[] pem = WebhookChecks.decodeBase64(text.replaceAll("\\s", ""));
      if (pem == null) {
        throw new IllegalArgumentException("publicKey is neither a PEM nor base64 of one");
      }
      text = new String(pem, StandardCharsets.UTF_8);
    }
    String begin = "-----BEGIN PUBLIC KEY-----";
    String end = "-----END PUBLIC KEY-----";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      throw new IllegalArgumentException("publicKey is not a PEM 'PUBLIC KEY'");
    }
    byte[] der =
        WebhookChecks.decodeBase64(text.substring(b + begin.length(), e).replaceAll("\\s", ""));
    if (der == null) {
      throw new IllegalArgumentException("publicKey's PEM body is not base64");
    }
    try {
      PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
      if (((RSAPublicKey) key).getModulus().bitLength() < MIN_RSA_BITS) {
        throw new IllegalArgumentException("publicKey is an RSA key under 2048 bits");
      }
      return key;
    } catch (GeneralSecurityException ex) {
      throw new IllegalArgumentException("publicKey is not an RSA public key");
    }
  }

  /** Builds a {@link LagoWebhooks} with its own keys. */
  public static final class Builder {
    private @Nullable PublicKey publicKey;
    private @Nullable String issuer;
    private byte @Nullable [] hmacKey;
    private PaymentsListener listener = PaymentsListener.NONE;

    private Builder() {}

    /**
     * Lago's RSA public key, for endpoints signing with {@code jwt}: a PEM {@code PUBLIC KEY}, or
     * the base64 of it that {@code GET /api/v1/webhooks/json_public_key} returns.
     *
     * @throws IllegalArgumentException if it is not an RSA public key of at least 2048 bits
     */
    public Builder publicKey(String pemOrBase64) {
      this.publicKey = LagoWebhooks.publicKey(Objects.requireNonNull(pemOrBase64, "publicKey"));
      return this;
    }

    /**
     * The issuer the JWT must name: the instance's API URL, without {@code /api/v1} ({@code
     * https://api.getlago.com}, {@code https://api.eu.getlago.com}, or your own host). Required
     * with a public key.
     */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * The organisation's HMAC key, for endpoints signing with {@code hmac} (Developers → Webhooks,
     * "HMAC signature token"; it is not the API key). Used as UTF-8 bytes.
     *
     * @throws IllegalArgumentException if it is empty
     */
    public Builder hmacKey(String hmacKey) {
      this.hmacKey = hmacKeyBytes(hmacKey);
      return this;
    }

    /**
     * A listener told of every verification ({@code webhookVerified} / {@code webhookRefused});
     * none by default. {@code client.webhooks()} uses the client's listener.
     */
    public Builder listener(PaymentsListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @throws IllegalStateException if neither a public key nor an HMAC key was given, or a public
     *     key without an issuer
     */
    public LagoWebhooks build() {
      if (publicKey == null && hmacKey == null) {
        throw new IllegalStateException("LagoWebhooks needs a publicKey (jwt) or an hmacKey");
      }
      if (publicKey != null && (issuer == null || issuer.isBlank())) {
        throw new IllegalStateException(
            "LagoWebhooks needs the issuer (e.g. https://api.getlago.com) with a publicKey");
      }
      return new LagoWebhooks(listener, publicKey, issuer, hmacKey, null);
    }
  }
}
