package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.WebhookVerificationException;
import io.payclient.core.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WebhookChecksTest {
  private final WebhookChecks checks = new WebhookChecks("billingrails");

  private static Reason reasonOf(Runnable r) {
    try {
      r.run();
    } catch (WebhookVerificationException e) {
      return e.reason();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void bodySize() {
    assertThat(checks.body(new byte[Limits.MAX_WEBHOOK_BODY_BYTES]))
        .hasSize(Limits.MAX_WEBHOOK_BODY_BYTES);
    assertThat(reasonOf(() -> checks.body(new byte[Limits.MAX_WEBHOOK_BODY_BYTES + 1])))
        .isEqualTo(Reason.BODY_TOO_LARGE);
    assertThatThrownBy(() -> checks.body(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void headers() {
    Function<String, String> h =
        Map.of("a", " v ", "b", "x\ty", "c", "x".repeat(20_000), "d", "x\u007f")::get;
    assertThat(checks.header(h, "a")).isEqualTo("v");
    assertThat(reasonOf(() -> checks.header(h, "z"))).isEqualTo(Reason.MISSING_HEADER);
    assertThat(reasonOf(() -> checks.header(h, "b"))).isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(reasonOf(() -> checks.header(h, "c"))).isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(reasonOf(() -> checks.header(h, "d"))).isEqualTo(Reason.MALFORMED_HEADER);
    // optional: absent or blank is null, anything else is checked as a required one
    Function<String, String> o = Map.of("a", " v ", "blank", "  ", "b", "x\ty")::get;
    assertThat(checks.optionalHeader(o, "a")).isEqualTo("v");
    assertThat(checks.optionalHeader(o, "z")).isNull();
    assertThat(checks.optionalHeader(o, "blank")).isNull();
    assertThat(reasonOf(() -> checks.optionalHeader(o, "b"))).isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(reasonOf(() -> checks.optionalHeader(h, "c"))).isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void anUnscannedHeaderIsCheckedWhereItIsTrimmed() {
    Function<String, String> h =
        Map.of("a", " v ", "b", "x\ty", "c", "x".repeat(101), "d", "v\n ", "e", "\u001fv")::get;
    assertThat(checks.unscannedHeader(h, "a", 100)).isEqualTo("v");
    assertThat(checks.unscannedHeader(h, "b", 100)).isEqualTo("x\ty"); // the caller's to check
    assertThat(reasonOf(() -> checks.unscannedHeader(h, "z", 100)))
        .isEqualTo(Reason.MISSING_HEADER);
    assertThat(reasonOf(() -> checks.unscannedHeader(h, "c", 100)))
        .isEqualTo(Reason.MALFORMED_HEADER);
    // strip() takes a newline and U+001F as white space: trimmed, they are still refused
    assertThat(reasonOf(() -> checks.unscannedHeader(h, "d", 100)))
        .isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(reasonOf(() -> checks.unscannedHeader(h, "e", 100)))
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void base64() {
    assertThat(checks.base64("YQ==", "h")).containsExactly('a');
    assertThat(checks.base64("YQ", "h")).containsExactly('a');
    assertThat(WebhookChecks.decodeBase64("Y-_Q")).isNull();
    assertThat(WebhookChecks.decodeBase64("Y Q")).isNull();
    assertThat(WebhookChecks.decodeBase64("Y===")).isNull();
    for (String notBase64 :
        new String[] {
          "Y=Q=", "YQ\u00e9=", "YQ\u20ac=", "YQ==\n", "Y\u0000Q=", "YQ==YQ==", "\uff39Q=="
        }) {
      assertThat(WebhookChecks.decodeBase64(notBase64)).as(notBase64).isNull();
    }
    assertThat(WebhookChecks.decodeBase64("")).isEmpty();
    assertThat(reasonOf(() -> checks.base64("%%", "h"))).isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void hmacAndHash() {
    // RFC 4231 test case 2
    byte[] mac =
        WebhookChecks.hmacSha256(
            "Jefe".getBytes(StandardCharsets.US_ASCII),
            "what do ya want ".getBytes(StandardCharsets.US_ASCII),
            "for nothing?".getBytes(StandardCharsets.US_ASCII));
    assertThat(java.util.HexFormat.of().formatHex(mac))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    assertThat(WebhookChecks.constantTimeEquals(mac, mac.clone())).isTrue();
    assertThat(WebhookChecks.constantTimeEquals(mac, new byte[32])).isFalse();
    assertThat(WebhookChecks.sha256Hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void hmacKeyInitialisedOnce() {
    // RFC 4231 test case 2, signed twice with one key (each sign starts from the initialised key).
    WebhookChecks.Hmac jefe = new WebhookChecks.Hmac("Jefe".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 2; i++) {
      byte[] mac =
          jefe.sign(
              "what do ya want ".getBytes(StandardCharsets.US_ASCII),
              "for nothing?".getBytes(StandardCharsets.US_ASCII));
      assertThat(java.util.HexFormat.of().formatHex(mac))
          .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
    byte[] key = {1, 2, 3};
    WebhookChecks.Hmac h = new WebhookChecks.Hmac(key);
    key[0] = 9; // the key is copied
    assertThat(h.sign(new byte[] {7}))
        .isEqualTo(WebhookChecks.hmacSha256(new byte[] {1, 2, 3}, new byte[] {7}));
    assertThatThrownBy(() -> new WebhookChecks.Hmac(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static final WebhookChecks.BodyReader<String> SKIP =
      (r, pass) -> {
        r.skipValue();
        return "ok";
      };

  @Test
  void readObject() {
    String ok = checks.readObject(WebhookChecks.utf8("{\"a\":1}"), SKIP);
    assertThat(ok).isEqualTo("ok");
    for (String bad : new String[] {"[]", "{} 1", "{", "nope"}) {
      assertThat(reasonOf(() -> checks.readObject(WebhookChecks.utf8(bad), SKIP)))
          .isEqualTo(Reason.UNPARSEABLE_BODY);
    }
  }

  @Test
  void optionalObject() {
    String out =
        checks.readObject(
            WebhookChecks.utf8("{\"p\":{\"id\":1},\"q\":[1],\"r\":{}}"),
            (r, pass) -> {
              StringBuilder sb = new StringBuilder();
              r.beginObject();
              while (r.hasNext()) {
                r.nextName();
                String v =
                    pass.<String>optionalObject(
                        r,
                        p -> {
                          p.beginObject();
                          if (!p.hasNext()) {
                            throw new com.squareup.moshi.JsonDataException("empty");
                          }
                          p.nextName();
                          return p.nextString();
                        });
                sb.append(v).append(";");
              }
              r.endObject();
              return sb.toString();
            });
    assertThat(out).isEqualTo("1;null;null;");
  }

  /** A reader that reads {"id": "..."} exactly, and refuses any other member. */
  private static String idOnly(com.squareup.moshi.JsonReader p) throws java.io.IOException {
    p.beginObject();
    p.nextName();
    String id = p.nextString();
    if (p.hasNext()) {
      throw new com.squareup.moshi.JsonDataException("more than an id");
    }
    p.endObject();
    return id;
  }

  private String readAll(String body, int[] calls) {
    return checks.readObject(
        WebhookChecks.utf8(body),
        (r, pass) -> {
          StringBuilder sb = new StringBuilder();
          r.beginObject();
          while (r.hasNext()) {
            r.nextName();
            String v =
                pass.<String>optionalObject(
                    r,
                    p -> {
                      calls[0]++;
                      return idOnly(p);
                    });
            sb.append(v).append(";");
          }
          r.endObject();
          return sb.toString();
        });
  }

  @Test
  void optionalObjectReadsInOnePassUnlessAnObjectFails() {
    int[] calls = {0};
    assertThat(readAll("{\"a\":{\"id\":\"1\"},\"b\":{\"id\":\"2\"},\"c\":3}", calls))
        .isEqualTo("1;2;null;");
    assertThat(calls[0]).isEqualTo(2); // read in place, once each

    // The second object fails: the body is read again, objects from peeks; same result as before.
    calls[0] = 0;
    assertThat(
            readAll(
                "{\"a\":{\"id\":\"1\"},\"b\":{\"id\":\"2\",\"x\":{}},\"c\":{\"id\":\"3\"}}", calls))
        .isEqualTo("1;null;3;");
    assertThat(calls[0]).isEqualTo(2 + 3);

    // Malformed JSON inside an object is still a refusal, not a null object.
    assertThat(reasonOf(() -> readAll("{\"a\":{\"id\":\"1\",}}", new int[1])))
        .isEqualTo(Reason.UNPARSEABLE_BODY);
  }

  @Test
  void scalar() {
    String out =
        checks.readObject(
            WebhookChecks.utf8("{\"a\":\"s\",\"b\":1,\"c\":true,\"d\":null,\"e\":{},\"f\":[]}"),
            (r, pass) -> {
              StringBuilder sb = new StringBuilder();
              r.beginObject();
              while (r.hasNext()) {
                r.nextName();
                sb.append(String.valueOf(WebhookChecks.scalar(r))).append(",");
              }
              r.endObject();
              return sb.toString();
            });
    assertThat(out).isEqualTo("s,1,true,null,null,null,");
  }
}
