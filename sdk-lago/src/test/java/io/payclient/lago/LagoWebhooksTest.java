package io.payclient.lago;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.payclient.core.PaymentStatus;
import io.payclient.core.WebhookEvent;
import io.payclient.core.WebhookVerificationException;
import io.payclient.core.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * JWTs and HMACs here are built by hand from Lago's documented algorithm (lago-api's
 * Webhooks::BaseService): an RS256 JWT over {"data": body, "iss": API URL} with the JDK's {@code
 * Signature}, and Base64(HMAC-SHA256(key, body)) with {@code javax.crypto.Mac}.
 */
class LagoWebhooksTest {
  private static final String ISSUER = "https://api.getlago.com";
  private static final String HMAC_KEY = "lago-hmac-token-5d2e";
  private static final KeyPair KEYS = rsa();
  private static final KeyPair OTHER_KEYS = rsa();
  private static final String UNIQUE = "8d6c7d8a-7a1c-4a86-9f6b-2b7f2f9b1e01";
  private static final String PAYMENT_EVENT =
      "{\"webhook_type\":\"payment.succeeded\",\"object_type\":\"payment\","
          + "\"organization_id\":\"org_1\",\"payment\":{\"lago_id\":\"4cf085a7-c196-4f07-a543-97c50ec6e8b2\","
          + "\"amount_cents\":1099,\"amount_currency\":\"USD\",\"payment_status\":\"succeeded\","
          + "\"reference\":\"order-1\",\"unknown_field\":{\"a\":[1]}}}";

  @StartStop MockWebServer server = new MockWebServer();

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String pem(KeyPair keys) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** Ruby's Base64.encode64: lines of 60 characters, each ending with a newline. */
  static String rubyBase64(String text) {
    String b64 = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b64.length(); i += 60) {
      sb.append(b64, i, Math.min(b64.length(), i + 60)).append('\n');
    }
    return sb.toString();
  }

  private static String b64url(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String b64url(String s) {
    return b64url(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String jsonString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String jwt(KeyPair keys, String alg, String iss, String data) throws Exception {
    return jwtWithJose(keys, "{\"alg\":\"" + alg + "\"}", iss, data);
  }

  static String jwtWithJose(KeyPair keys, String jose, String iss, String data) throws Exception {
    String signingInput =
        b64url(jose)
            + "."
            + b64url("{\"data\":" + jsonString(data) + ",\"iss\":" + jsonString(iss) + "}");
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(keys.getPrivate());
    s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64url(s.sign());
  }

  private static String hmac(String key, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(body));
  }

  private static Function<String, String> headers(String... pairs) {
    Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m::get;
  }

  private static Function<String, String> jwtHeaders(String token) {
    return headers(
        "X-Lago-Signature",
        token,
        "X-Lago-Signature-Algorithm",
        "jwt",
        "X-Lago-Unique-Key",
        UNIQUE);
  }

  private static final LagoWebhooks BOTH =
      LagoWebhooks.builder().publicKey(pem(KEYS)).issuer(ISSUER).hmacKey(HMAC_KEY).build();
  private static final LagoWebhooks JWT_ONLY =
      LagoWebhooks.builder().publicKey(pem(KEYS)).issuer(ISSUER).build();
  private static final LagoWebhooks HMAC_ONLY = LagoWebhooks.builder().hmacKey(HMAC_KEY).build();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertRefused(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.vendor()).isEqualTo("lago");
              assertThat(e.getMessage()).contains(reason.name()).doesNotContain(HMAC_KEY);
            });
  }

  @Test
  void aJwtSignedPaymentEventVerifiesAndCarriesThePayment() throws Exception {
    LagoWebhookEvent event =
        JWT_ONLY.verifyEvent(
            utf8(PAYMENT_EVENT), jwtHeaders(jwt(KEYS, "RS256", ISSUER, PAYMENT_EVENT)));
    assertThat(event.id()).isEqualTo(UNIQUE);
    assertThat(event.type()).isEqualTo("payment.succeeded");
    assertThat(event.objectType()).contains("payment");
    assertThat(event.organizationId()).contains("org_1");
    assertThat(event.payment().orElseThrow().reference()).isEqualTo("order-1");
    assertThat(event.paymentRequest()).isEmpty();
    WebhookEvent neutral = event.toWebhookEvent();
    assertThat(neutral.vendor()).isEqualTo("lago");
    assertThat(neutral.id()).isEqualTo(UNIQUE);
    assertThat(neutral.payment().orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(neutral.payment().orElseThrow().id())
        .isEqualTo("4cf085a7-c196-4f07-a543-97c50ec6e8b2");
    assertThat(neutral.unwrap(LagoWebhookEvent.class)).isSameAs(event);
    assertThat(new String(event.rawBody(), StandardCharsets.UTF_8)).isEqualTo(PAYMENT_EVENT);
    assertThat(event.toString()).contains(UNIQUE);
    // the issuer may be given with a trailing slash
    assertThat(
            LagoWebhooks.builder()
                .publicKey(pem(KEYS))
                .issuer(ISSUER + "/")
                .build()
                .verify(utf8(PAYMENT_EVENT), jwtHeaders(jwt(KEYS, "RS256", ISSUER, PAYMENT_EVENT)))
                .id())
        .isEqualTo(UNIQUE);
  }

  @Test
  void anHmacSignedPaymentRequestEventVerifies() throws Exception {
    String body =
        "{\"object_type\":\"payment_request\",\"payment_request\":{\"lago_id\":\"pr_1\","
            + "\"amount_cents\":500,\"amount_currency\":\"EUR\",\"payment_status\":\"failed\","
            + "\"customer\":{\"external_id\":\"cust_9\"}},"
            + "\"webhook_type\":\"payment_request.payment_failure\"}";
    Function<String, String> h =
        headers(
            "x-lago-signature", hmac(HMAC_KEY, utf8(body)),
            "x-lago-signature-algorithm", "hmac",
            "x-lago-unique-key", "u-2");
    LagoWebhookEvent event = BOTH.verifyEvent(utf8(body), h);
    assertThat(event.paymentRequest().orElseThrow().lagoId()).isEqualTo("pr_1");
    assertThat(event.payment()).isEmpty();
    var p = event.toWebhookEvent().payment().orElseThrow();
    assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(p.customerId()).isEqualTo("cust_9");
    assertThat(p.unwrap(LagoPaymentRequest.class).lagoId()).isEqualTo("pr_1");
    assertThat(HMAC_ONLY.verify(utf8(body), h).id()).isEqualTo("u-2");
  }

  @Test
  void unknownTypesAndObjectsNeverFail() throws Exception {
    String body =
        "{\"webhook_type\":\"invoice.payment_overdue\",\"object_type\":\"invoice\","
            + "\"invoice\":{\"lago_id\":\"inv_1\"},\"payment\":{\"lago_id\":\"x\"}}";
    Function<String, String> h =
        headers(
            "X-Lago-Signature", hmac(HMAC_KEY, utf8(body)), "X-Lago-Signature-Algorithm", "HMAC");
    LagoWebhookEvent event = HMAC_ONLY.verifyEvent(utf8(body), h);
    assertThat(event.type()).isEqualTo("invoice.payment_overdue");
    assertThat(event.payment()).isEmpty();
    assertThat(event.toWebhookEvent().payment()).isEmpty();
    // no X-Lago-Unique-Key: the body's hash is the de-duplication key
    assertThat(event.id())
        .isEqualTo(
            "sha256:"
                + HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(body))));
    String odd = "{\"object_type\":\"payment\",\"payment\":{\"amount_cents\":1}}";
    LagoWebhookEvent noId =
        HMAC_ONLY.verifyEvent(
            utf8(odd),
            headers(
                "X-Lago-Signature",
                hmac(HMAC_KEY, utf8(odd)),
                "X-Lago-Signature-Algorithm",
                "hmac"));
    assertThat(noId.payment()).isEmpty();
    assertThat(noId.type()).isEmpty();
  }

  @Test
  void aSchemeWithoutItsKeyOrAnUnknownSchemeIsRefused() throws Exception {
    byte[] body = utf8(PAYMENT_EVENT);
    assertRefused(
        () ->
            JWT_ONLY.verify(
                body,
                headers(
                    "X-Lago-Signature",
                    hmac(HMAC_KEY, body),
                    "X-Lago-Signature-Algorithm",
                    "hmac")),
        Reason.UNSUPPORTED_ALGORITHM);
    assertRefused(
        () -> HMAC_ONLY.verify(body, jwtHeaders(jwt(KEYS, "RS256", ISSUER, PAYMENT_EVENT))),
        Reason.UNSUPPORTED_ALGORITHM);
    assertRefused(
        () ->
            BOTH.verify(
                body, headers("X-Lago-Signature", "x", "X-Lago-Signature-Algorithm", "rsa")),
        Reason.UNSUPPORTED_ALGORITHM);
    assertRefused(
        () ->
            BOTH.verify(
                body, headers("X-Lago-Signature", "x", "X-Lago-Signature-Algorithm", "jwt, jwt")),
        Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void missingDuplicatedAndMalformedHeadersAreRefused() throws Exception {
    byte[] body = utf8(PAYMENT_EVENT);
    String token = jwt(KEYS, "RS256", ISSUER, PAYMENT_EVENT);
    assertRefused(
        () -> BOTH.verify(body, headers("X-Lago-Signature", token)), Reason.MISSING_HEADER);
    assertRefused(
        () -> BOTH.verify(body, headers("X-Lago-Signature-Algorithm", "jwt")),
        Reason.MISSING_HEADER);
    assertRefused(
        () -> BOTH.verify(body, jwtHeaders(token + ", " + token)), Reason.MALFORMED_HEADER);
    String[] parts = token.split("\\.");
    for (String bad :
        new String[] {
          parts[0] + "." + parts[1],
          token + ".x",
          parts[0] + "." + parts[1] + ".a+b/",
          b64url("not json") + "." + parts[1] + "." + parts[2],
          "@@." + parts[1] + "." + parts[2],
          "A." + parts[1] + "." + parts[2],
          // each character is checked by decoding alone: padding (which the JDK's decoder takes),
          // a control character, a Latin-1 letter, characters beyond Latin-1, white space inside,
          // a newline trimmed off the end
          token + "==",
          parts[0]
              + "."
              + parts[1].substring(0, 8)
              + "\u0001"
              + parts[1].substring(9)
              + "."
              + parts[2],
          parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "\u00e9",
          parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "\u20ac",
          // characters beyond the BMP (one '?' for two chars each): before the first dot, and
          // so many in the claims that the second dot's index in the text is past the bytes' end
          parts[0].substring(2) + "\uD83D\uDCB6." + parts[1] + "." + parts[2],
          parts[0] + "." + "\uD83D\uDCB6".repeat(parts[2].length() + 10) + "." + parts[2],
          parts[0] + "." + parts[1].substring(0, 8) + " " + parts[1].substring(9) + "." + parts[2],
          token + "\n "
        }) {
      assertRefused(() -> BOTH.verify(body, jwtHeaders(bad)), Reason.MALFORMED_HEADER);
    }
    assertThat(BOTH.verify(body, jwtHeaders(" " + token + " "))).isNotNull();
    // claims are read only once the signature holds; signed claims that are not an object are
    // malformed
    String input = b64url("{\"alg\":\"RS256\"}") + "." + b64url("[1]");
    Signature rs = Signature.getInstance("SHA256withRSA");
    rs.initSign(KEYS.getPrivate());
    rs.update(utf8(input));
    String signedArray = input + "." + b64url(rs.sign());
    assertRefused(() -> BOTH.verify(body, jwtHeaders(signedArray)), Reason.MALFORMED_HEADER);
    assertRefused(
        () -> BOTH.verify(body, jwtHeaders(parts[0] + "." + b64url("[1]") + "." + parts[2])),
        Reason.BAD_SIGNATURE);
    assertRefused(
        () ->
            BOTH.verify(
                body,
                headers("X-Lago-Signature", "not base64!", "X-Lago-Signature-Algorithm", "hmac")),
        Reason.MALFORMED_HEADER);
    assertRefused(
        () ->
            BOTH.verify(
                body,
                headers(
                    "X-Lago-Signature",
                    hmac(HMAC_KEY, body),
                    "X-Lago-Signature-Algorithm",
                    "hmac",
                    "X-Lago-Unique-Key",
                    "a\u0001b")),
        Reason.MALFORMED_HEADER);
  }

  @Test
  void theJoseHeaderIsReadWhateverItsLayout() throws Exception {
    byte[] body = utf8(PAYMENT_EVENT);
    for (String jose :
        new String[] {
          "{\"alg\":\"RS256\",\"typ\":\"JWT\"}", // recognised as it stands
          "{\"typ\":\"JWT\",\"alg\":\"RS256\"}",
          "{ \"alg\" : \"RS256\" }", // decoded and read
          "{\"kid\":\"k1\",\"alg\":\"RS256\",\"typ\":\"JWT\"}"
        }) {
      assertThat(BOTH.verify(body, jwtHeaders(jwtWithJose(KEYS, jose, ISSUER, PAYMENT_EVENT))))
          .as(jose)
          .isNotNull();
    }
    for (String jose :
        new String[] {
          "{\"alg\":\"RS512\",\"typ\":\"JWT\"}", "{\"typ\":\"JWT\"}", "{\"alg\":256}"
        }) {
      assertRefused(
          () -> BOTH.verify(body, jwtHeaders(jwtWithJose(KEYS, jose, ISSUER, PAYMENT_EVENT))),
          Reason.UNSUPPORTED_ALGORITHM);
    }
  }

  @Test
  void algNoneAndHs256KeyedWithThePublicKeyAreRefused() throws Exception {
    byte[] body = utf8(PAYMENT_EVENT);
    String claims =
        b64url("{\"data\":" + jsonString(PAYMENT_EVENT) + ",\"iss\":\"" + ISSUER + "\"}");
    String none = b64url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + claims + ".";
    assertRefused(() -> BOTH.verify(body, jwtHeaders(none)), Reason.UNSUPPORTED_ALGORITHM);
    String noneSigned = b64url("{\"alg\":\"none\"}") + "." + claims + "." + b64url("x");
    assertRefused(() -> BOTH.verify(body, jwtHeaders(noneSigned)), Reason.UNSUPPORTED_ALGORITHM);
    for (byte[] hsKey : new byte[][] {KEYS.getPublic().getEncoded(), utf8(pem(KEYS))}) {
      String input = b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + claims;
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hsKey, "HmacSHA256"));
      String hs256 = input + "." + b64url(mac.doFinal(utf8(input)));
      assertRefused(() -> BOTH.verify(body, jwtHeaders(hs256)), Reason.UNSUPPORTED_ALGORITHM);
    }
    assertRefused(
        () -> BOTH.verify(body, jwtHeaders(jwt(KEYS, "rs256", ISSUER, PAYMENT_EVENT))),
        Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void anotherInstanceOrAnotherKeyIsRefused() throws Exception {
    byte[] body = utf8(PAYMENT_EVENT);
    assertRefused(
        () ->
            BOTH.verify(
                body, jwtHeaders(jwt(KEYS, "RS256", "https://lago.evil.example", PAYMENT_EVENT))),
        Reason.WRONG_ISSUER);
    assertRefused(
        () ->
            BOTH.verify(
                body, jwtHeaders(jwt(KEYS, "RS256", "https://api.eu.getlago.com", PAYMENT_EVENT))),
        Reason.WRONG_ISSUER);
    String noIss =
        b64url("{\"alg\":\"RS256\"}")
            + "."
            + b64url("{\"data\":" + jsonString(PAYMENT_EVENT) + "}");
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(KEYS.getPrivate());
    s.update(utf8(noIss));
    String noIssJwt = noIss + "." + b64url(s.sign());
    assertRefused(() -> BOTH.verify(body, jwtHeaders(noIssJwt)), Reason.WRONG_ISSUER);
    assertRefused(
        () -> BOTH.verify(body, jwtHeaders(jwt(OTHER_KEYS, "RS256", ISSUER, PAYMENT_EVENT))),
        Reason.BAD_SIGNATURE);
    String token = jwt(KEYS, "RS256", ISSUER, PAYMENT_EVENT);
    String[] p = token.split("\\.");
    assertRefused(
        () -> BOTH.verify(body, jwtHeaders(p[0] + "." + p[1] + "." + b64url("short"))),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void aSignatureOverAnotherBodyIsRefused() throws Exception {
    byte[] body = utf8(PAYMENT_EVENT);
    Function<String, String> jwtH = jwtHeaders(jwt(KEYS, "RS256", ISSUER, PAYMENT_EVENT));
    Function<String, String> hmacH =
        headers("X-Lago-Signature", hmac(HMAC_KEY, body), "X-Lago-Signature-Algorithm", "hmac");
    byte[] oneByte = body.clone();
    oneByte[20] ^= 1;
    byte[] reserialised = utf8(PAYMENT_EVENT.replace(",", ", "));
    for (byte[] other : new byte[][] {oneByte, reserialised}) {
      assertRefused(() -> BOTH.verify(other, jwtH), Reason.BODY_MISMATCH);
      assertRefused(() -> BOTH.verify(other, hmacH), Reason.BAD_SIGNATURE);
    }
    assertRefused(
        () -> LagoWebhooks.builder().hmacKey("other").build().verify(body, hmacH),
        Reason.BAD_SIGNATURE);
  }

  /** A JWT over the given claims JSON, written as is (its escapes included). */
  private static String jwtOverClaims(KeyPair keys, String claimsJson) throws Exception {
    String signingInput = b64url("{\"alg\":\"RS256\"}") + "." + b64url(claimsJson);
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(keys.getPrivate());
    s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64url(s.sign());
  }

  private static String claims(String dataLiteral) {
    return "{\"data\":" + dataLiteral + ",\"iss\":\"" + ISSUER + "\"}";
  }

  @Test
  void theDataClaimIsComparedAsTheStringItEncodes() throws Exception {
    // ASCII escapes, compared where they stand (slash, newline, tab, quote, backslash, and a
    // unicode escape for an ASCII character, in either case)
    String body = "{\n\t\"webhook_type\":\"a/b\",\r\n\"note\":\"\\\"AJ\\\\\"}";
    String escaped =
        "\"{\\n\\t\\\"webhook_type\\\":\\\"a\\/b\\\",\\r\\n\\\"note\\\":\\\"\\\\\\\"\\u0041\\u004a"
            + "\\\\\\\\\\\"}\"";
    assertThat(
            JWT_ONLY
                .verifyEvent(utf8(body), jwtHeaders(jwtOverClaims(KEYS, claims(escaped))))
                .type())
        .isEqualTo("a/b");
    // non-ASCII: raw UTF-8 in the claim, or unicode escapes (a surrogate pair too)
    String accented = "{\"webhook_type\":\"payé \uD83D\uDCB6\"}";
    for (String literal :
        new String[] {
          jsonString(accented),
          "\"{\\\"webhook_type\\\":\\\"pay\\u00e9 \\ud83d\\udcb6\\\"}\"",
          "\"{\\\"webhook_type\\\":\\\"pay\\u00E9 \\uD83D\\uDCB6\\\"}\""
        }) {
      assertThat(
              JWT_ONLY
                  .verifyEvent(utf8(accented), jwtHeaders(jwtOverClaims(KEYS, claims(literal))))
                  .type())
          .isEqualTo("payé \uD83D\uDCB6");
      byte[] other = utf8(accented.replace("é", "e"));
      assertRefused(
          () -> JWT_ONLY.verify(other, jwtHeaders(jwtOverClaims(KEYS, claims(literal)))),
          Reason.BODY_MISMATCH);
    }
    // \b and \f decode to what the body holds (which is then not JSON: the comparison passed)
    assertRefused(
        () ->
            JWT_ONLY.verify(
                utf8("{\b\f}"), jwtHeaders(jwtOverClaims(KEYS, claims("\"{\\b\\f}\"")))),
        Reason.UNPARSEABLE_BODY);
    // an escape Moshi also reads (\'), through the decoding path
    assertRefused(
        () -> JWT_ONLY.verify(utf8("{'}"), jwtHeaders(jwtOverClaims(KEYS, claims("\"{\\'}\"")))),
        Reason.UNPARSEABLE_BODY);
  }

  @Test
  void aDataClaimThatIsNotTheBodyOrNotAStringIsAMismatch() throws Exception {
    String body = "{\"webhook_type\":\"x\"}";
    String same = jsonString(body);
    for (String claimsJson :
        new String[] {
          claims(jsonString(body + " ")), // longer
          claims(jsonString("{\"webhook_type\":\"x\"")), // shorter
          claims(jsonString("{\"webhook_type\":\"y\"}")),
          claims("\"{\\\"webhook_type\\\":\\\"\\u0079\\\"}\""), // y, escaped
          claims("42"),
          claims("null"),
          claims("{\"a\":1}"),
          "{\"iss\":\"" + ISSUER + "\"}",
          "{\"data\":"
              + same
              + ",\"data\":\"other\",\"iss\":\""
              + ISSUER
              + "\"}", // the last counts
          "{\"data\":" + same + ",\"data\":7,\"iss\":\"" + ISSUER + "\"}"
        }) {
      assertRefused(
          () -> JWT_ONLY.verify(utf8(body), jwtHeaders(jwtOverClaims(KEYS, claimsJson))),
          Reason.BODY_MISMATCH);
    }
    String lastCounts =
        "{\"data\":\"other\",\"x\":[1],\"data\":" + same + ",\"iss\":\"" + ISSUER + "\"}";
    assertThat(JWT_ONLY.verifyEvent(utf8(body), jwtHeaders(jwtOverClaims(KEYS, lastCounts))).type())
        .isEqualTo("x");
    // an issuer that is not a string is no issuer
    assertRefused(
        () ->
            JWT_ONLY.verify(
                utf8(body),
                jwtHeaders(
                    jwtOverClaims(KEYS, "{\"data\":" + same + ",\"iss\":[\"" + ISSUER + "\"]}"))),
        Reason.WRONG_ISSUER);
  }

  @Test
  void claimsInAnotherLayoutReadAsLagosOwn() throws Exception {
    String body = "{\"webhook_type\":\"x\"}";
    String data = jsonString(body);
    for (String claimsJson :
        new String[] {
          "{\"iss\":\"" + ISSUER + "\",\"data\":" + data + "}",
          "{ \"data\" : " + data + " , \"iss\" : \"" + ISSUER + "\" }",
          "{\"data\":" + data + ",\"iss\":\"" + ISSUER + "\"} ",
          "{\"data\":" + data + ",\"iss\":\"" + ISSUER.replace("/", "\\/") + "\"}",
          "{\"data\":" + data + ",\"iss\":\"" + ISSUER + "\",\"iat\":1}",
          "{\"data\":" + data + ",\"iss\":\"" + ISSUER + "\",\"data\":" + data + "}"
        }) {
      assertThat(
              JWT_ONLY.verifyEvent(utf8(body), jwtHeaders(jwtOverClaims(KEYS, claimsJson))).type())
          .isEqualTo("x");
    }
    for (String claimsJson :
        new String[] {
          "{\"data\":" + data + ",\"iss\":\"https://lago.evil.example\"}",
          "{\"data\":" + data + ",\"iss\":\"\"}",
          "{\"data\":" + data + ",\"iss\":\"" + ISSUER + "\u0001\"}",
          "{\"data\":" + data + ",\"iss\":\"" + ISSUER + "é\"}"
        }) {
      assertRefused(
          () -> JWT_ONLY.verify(utf8(body), jwtHeaders(jwtOverClaims(KEYS, claimsJson))),
          Reason.WRONG_ISSUER);
    }
    for (String claimsJson :
        new String[] {
          "{\"data\":" + data + ",\"iss\":\"" + ISSUER + "\"",
          "{\"data\":" + data + ",\"iss\":\"" + ISSUER + "\"}x",
          "{\"data\":" + data + ",\"iss\":\"" + ISSUER + "}",
          "{\"data\":\"{\\\"webhook_type\\\"",
          "{\"data\":" + data + ";\"iss\":\"" + ISSUER + "\"}"
        }) {
      assertRefused(
          () -> JWT_ONLY.verify(utf8(body), jwtHeaders(jwtOverClaims(KEYS, claimsJson))),
          Reason.MALFORMED_HEADER);
    }
  }

  @Test
  void aDataClaimWithAnEscapeMoshiRefusesIsMalformed() throws Exception {
    String body = "{\"webhook_type\":\"x\"}";
    for (String literal :
        new String[] {
          "\"{\\x}\"", "\"{\\u00g1}\"", "\"{\\u00\"", "\"{\\\"webhook_type\\\":\\\"y\\\"}\\q\""
        }) {
      assertRefused(
          () -> JWT_ONLY.verify(utf8(body), jwtHeaders(jwtOverClaims(KEYS, claims(literal)))),
          Reason.MALFORMED_HEADER);
    }
  }

  @Test
  void theRsaVerifierIsReusedAcrossEventsThreadsAndFailures() throws Exception {
    byte[] body = utf8(PAYMENT_EVENT);
    String good = jwt(KEYS, "RS256", ISSUER, PAYMENT_EVENT);
    String shortSignature = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA";
    String otherKey = jwt(OTHER_KEYS, "RS256", ISSUER, PAYMENT_EVENT);
    LagoWebhooks lago = LagoWebhooks.builder().publicKey(pem(KEYS)).issuer(ISSUER).build();
    for (int i = 0; i < 3; i++) {
      assertThat(lago.verify(body, jwtHeaders(good)).id()).isEqualTo(UNIQUE);
      // a signature of the wrong length throws inside the verifier, which is then not reused
      assertRefused(() -> lago.verify(body, jwtHeaders(shortSignature)), Reason.BAD_SIGNATURE);
      assertRefused(() -> lago.verify(body, jwtHeaders(otherKey)), Reason.BAD_SIGNATURE);
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> lago.verify(body, jwtHeaders(good)).id()));
      }
      for (java.util.concurrent.Future<String> f : results) {
        assertThat(f.get()).isEqualTo(UNIQUE);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTenMegabyteBodyIsRefusedQuickly() throws Exception {
    byte[] huge = new byte[10 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'a');
    Function<String, String> h =
        headers("X-Lago-Signature", hmac(HMAC_KEY, huge), "X-Lago-Signature-Algorithm", "hmac");
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> assertRefused(() -> BOTH.verify(huge, h), Reason.BODY_TOO_LARGE));
  }

  @Test
  void anAuthenticBodyThatIsNotAJsonObjectIsUnparseable() throws Exception {
    for (String body : new String[] {"not json", "[]", "{\"webhook_type\":", "{}x"}) {
      assertRefused(
          () -> BOTH.verify(utf8(body), jwtHeaders(jwt(KEYS, "RS256", ISSUER, body))),
          Reason.UNPARSEABLE_BODY);
      assertRefused(
          () ->
              BOTH.verify(
                  utf8(body),
                  headers(
                      "X-Lago-Signature",
                      hmac(HMAC_KEY, utf8(body)),
                      "X-Lago-Signature-Algorithm",
                      "hmac")),
          Reason.UNPARSEABLE_BODY);
    }
  }

  @Test
  void theBuilderTakesPemOrLagosBase64AndRefusesTheRest() throws Exception {
    LagoWebhooks fromBase64 =
        LagoWebhooks.builder().publicKey(rubyBase64(pem(KEYS))).issuer(ISSUER).build();
    assertThat(
            fromBase64
                .verify(utf8(PAYMENT_EVENT), jwtHeaders(jwt(KEYS, "RS256", ISSUER, PAYMENT_EVENT)))
                .id())
        .isEqualTo(UNIQUE);
    KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
    small.initialize(1024);
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    for (String bad :
        new String[] {
          "not a key!",
          rubyBase64("no pem here"),
          "-----BEGIN PUBLIC KEY-----\n@@@\n-----END PUBLIC KEY-----",
          "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
          pem(small.generateKeyPair()),
          pem(ec.generateKeyPair())
        }) {
      assertThatThrownBy(() -> LagoWebhooks.builder().publicKey(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> LagoWebhooks.builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> LagoWebhooks.builder().publicKey(pem(KEYS)).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> LagoWebhooks.builder().hmacKey(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- lago.webhooks(): the key fetched through the client ----

  private LagoClient client() {
    return LagoClient.builder()
        .apiKey("lago-api-key-0123456789")
        .baseUrl(server.url("/api/v1").toString())
        .maxRetries(0)
        .build();
  }

  private void serveKey(KeyPair keys) {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"webhook\":{\"public_key\":"
                    + jsonString(rubyBase64(pem(keys)).replace("\n", "\\n")).replace("\\\\n", "\\n")
                    + "}}")
            .build());
  }

  @Test
  void theClientFetchesTheKeyOnceAndRefetchesOnceAfterARotation() throws Exception {
    String issuer = server.url("/").toString();
    try (LagoClient lago = client()) {
      assertThat(LagoClient.issuer(okhttp3.HttpUrl.get(lago.baseUrl())))
          .isEqualTo(issuer.substring(0, issuer.length() - 1));
      serveKey(KEYS);
      byte[] body = utf8(PAYMENT_EVENT);
      assertThat(
              lago.webhooks()
                  .verify(body, jwtHeaders(jwt(KEYS, "RS256", issuer, PAYMENT_EVENT)))
                  .id())
          .isEqualTo(UNIQUE);
      assertThat(
              lago.webhooks()
                  .verify(body, jwtHeaders(jwt(KEYS, "RS256", issuer, PAYMENT_EVENT)))
                  .id())
          .isEqualTo(UNIQUE);
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/webhooks/json_public_key");
      // the instance's key was rotated: one refetch, then the new key verifies
      serveKey(OTHER_KEYS);
      assertThat(
              lago.webhooks()
                  .verify(body, jwtHeaders(jwt(OTHER_KEYS, "RS256", issuer, PAYMENT_EVENT)))
                  .id())
          .isEqualTo(UNIQUE);
      assertThat(server.getRequestCount()).isEqualTo(2);
      // a burst of bad signatures right after does not refetch
      assertRefused(
          () -> lago.webhooks().verify(body, jwtHeaders(jwt(KEYS, "RS256", issuer, PAYMENT_EVENT))),
          Reason.BAD_SIGNATURE);
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertRefused(
          () ->
              lago.webhooks()
                  .verify(
                      body, headers("X-Lago-Signature", "x", "X-Lago-Signature-Algorithm", "hmac")),
          Reason.UNSUPPORTED_ALGORITHM);
    }
  }

  @Test
  void aKeyThatCannotBeFetchedIsKeyUnavailable() throws Exception {
    String issuer = server.url("/").toString();
    byte[] body = utf8(PAYMENT_EVENT);
    try (LagoClient lago = client()) {
      for (int i = 0; i < 2; i++) { // json_public_key, then the deprecated public_key
        server.enqueue(
            new MockResponse.Builder()
                .code(404)
                .body("{\"status\":404,\"error\":\"Not Found\"}")
                .build());
      }
      assertThatThrownBy(
              () ->
                  lago.webhooks()
                      .verify(body, jwtHeaders(jwt(KEYS, "RS256", issuer, PAYMENT_EVENT))))
          .isInstanceOfSatisfying(
              WebhookVerificationException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
                assertThat(e.getCause()).isNotNull();
                assertThat(e.getMessage()).doesNotContain("lago-api-key");
              });
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .addHeader("Content-Type", "application/json")
              .body("{\"webhook\":{\"public_key\":\"bm90IGEga2V5\"}}")
              .build());
      assertRefused(
          () -> lago.webhooks().verify(body, jwtHeaders(jwt(KEYS, "RS256", issuer, PAYMENT_EVENT))),
          Reason.KEY_UNAVAILABLE);
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .addHeader("Content-Type", "application/json")
              .body("{\"webhook\":{},\"other\":1}")
              .build());
      assertRefused(
          () -> lago.webhooks().verify(body, jwtHeaders(jwt(KEYS, "RS256", issuer, PAYMENT_EVENT))),
          Reason.KEY_UNAVAILABLE);
    }
  }

  @Test
  void anInstanceWithoutJsonPublicKeyIsAskedAtTheDeprecatedPlainTextPath() throws Exception {
    String issuer = server.url("/").toString();
    byte[] body = utf8(PAYMENT_EVENT);
    try (LagoClient lago = client()) {
      server.enqueue(
          new MockResponse.Builder()
              .code(404)
              .body("{\"status\":404,\"error\":\"Not Found\"}")
              .build());
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .addHeader("Content-Type", "text/plain; charset=utf-8")
              .body(rubyBase64(pem(KEYS)))
              .build());

      assertThat(
              lago.webhooks()
                  .verify(body, jwtHeaders(jwt(KEYS, "RS256", issuer, PAYMENT_EVENT)))
                  .id())
          .isEqualTo(UNIQUE);
      assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/webhooks/json_public_key");
      var fallback = server.takeRequest();
      assertThat(fallback.getTarget()).isEqualTo("/api/v1/webhooks/public_key");
      assertThat(fallback.getHeaders().get("Authorization")).startsWith("Bearer ");
    }
  }

  @Test
  void aNonKeyAtTheDeprecatedPathIsKeyUnavailable() {
    String issuer = server.url("/").toString();
    byte[] body = utf8(PAYMENT_EVENT);
    try (LagoClient lago = client()) {
      server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .addHeader("Content-Type", "text/html")
              .body("<html>lago-api-key-0123456789</html>")
              .build());
      assertThatThrownBy(
              () ->
                  lago.webhooks()
                      .verify(body, jwtHeaders(jwt(KEYS, "RS256", issuer, PAYMENT_EVENT))))
          .isInstanceOfSatisfying(
              WebhookVerificationException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
                assertThat(e.getMessage()).doesNotContain("lago-api-key");
              });
    }
  }

  @Test
  void aClientWithAWebhookSecretAlsoVerifiesHmacEndpoints() throws Exception {
    byte[] body = utf8(PAYMENT_EVENT);
    try (LagoClient lago =
        LagoClient.builder()
            .apiKey("lago-api-key-0123456789")
            .baseUrl(server.url("/api/v1").toString())
            .webhookSecret(HMAC_KEY)
            .build()) {
      WebhookEvent event =
          lago.webhooks()
              .verify(
                  body,
                  headers(
                      "X-Lago-Signature",
                      hmac(HMAC_KEY, body),
                      "X-Lago-Signature-Algorithm",
                      "hmac",
                      "X-Lago-Unique-Key",
                      UNIQUE));
      assertThat(event.id()).isEqualTo(UNIQUE);
      assertThat(server.getRequestCount()).isZero(); // no key fetch for hmac
      assertRefused(
          () ->
              lago.webhooks()
                  .verify(
                      body,
                      headers(
                          "X-Lago-Signature",
                          hmac("another-key", body),
                          "X-Lago-Signature-Algorithm",
                          "hmac")),
          Reason.BAD_SIGNATURE);
    }
    assertThatThrownBy(() -> LagoClient.builder().webhookSecret(""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
