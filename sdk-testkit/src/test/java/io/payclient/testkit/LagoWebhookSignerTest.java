package io.payclient.testkit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.lago.LagoWebhooks;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class LagoWebhookSignerTest {
  private static final KeyPair KEYS = LagoWebhookSigner.generateKeyPair();
  private static final String ISSUER = "https://api.getlago.com";
  private static final byte[] BODY =
      "{\"webhook_type\":\"payment.succeeded\",\"object_type\":\"payment\",\"note\":\"é \\\"q\\\"\"}"
          .getBytes(UTF_8);

  @Test
  void hmacMatchesAnHmacWrittenFromTheSpec() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("lago-hmac".getBytes(UTF_8), "HmacSHA256"));
    String expected = Base64.getEncoder().encodeToString(mac.doFinal(BODY));
    assertThat(LagoWebhookSigner.hmacHeaders("lago-hmac", "uuid-1", BODY))
        .containsOnly(
            Map.entry("X-Lago-Signature", expected),
            Map.entry("X-Lago-Signature-Algorithm", "hmac"),
            Map.entry("X-Lago-Unique-Key", "uuid-1"));
  }

  @Test
  void jwtIsRs256OverDataAndIssuer() throws Exception {
    String jwt = LagoWebhookSigner.jwt(KEYS.getPrivate(), ISSUER, BODY);
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), UTF_8))
        .isEqualTo("{\"alg\":\"RS256\"}");
    Map<String, Object> claims =
        JsonTree.parseObject(okio.ByteString.of(Base64.getUrlDecoder().decode(parts[1])));
    assertThat(claims).containsOnlyKeys("data", "iss");
    assertThat(claims.get("data")).isEqualTo(new String(BODY, UTF_8));
    assertThat(claims.get("iss")).isEqualTo(ISSUER);
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(KEYS.getPublic());
    rs256.update((parts[0] + "." + parts[1]).getBytes(US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void theSdkAcceptsItsHeadersWithThePemOrLagosBase64() {
    Map<String, String> headers =
        LagoWebhookSigner.jwtHeaders(KEYS.getPrivate(), ISSUER, "uuid-2", BODY);
    assertThat(headers).containsEntry("X-Lago-Signature-Algorithm", "jwt");
    for (String key :
        new String[] {
          LagoWebhookSigner.publicKeyPem(KEYS.getPublic()),
          LagoWebhookSigner.publicKeyBase64(KEYS.getPublic())
        }) {
      LagoWebhooks webhooks = LagoWebhooks.builder().publicKey(key).issuer(ISSUER).build();
      assertThat(webhooks.verifyEvent(BODY, headers::get).id()).isEqualTo("uuid-2");
    }
  }

  @Test
  void keyTextsAreShapedAsRubyWritesThem() {
    String pem = LagoWebhookSigner.publicKeyPem(KEYS.getPublic());
    assertThat(pem)
        .startsWith("-----BEGIN PUBLIC KEY-----\n")
        .endsWith("-----END PUBLIC KEY-----\n");
    assertThat(pem.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(64));
    String base64 = LagoWebhookSigner.publicKeyBase64(KEYS.getPublic());
    assertThat(base64).endsWith("\n");
    assertThat(base64.lines().toList().subList(0, (int) base64.lines().count() - 1))
        .allSatisfy(l -> assertThat(l).hasSize(60));
    assertThat(new String(Base64.getMimeDecoder().decode(base64), US_ASCII)).isEqualTo(pem);
  }

  @Test
  void refusals() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    assertThatThrownBy(() -> LagoWebhookSigner.jwt(ec.generateKeyPair().getPrivate(), ISSUER, BODY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LagoWebhookSigner.jwt(KEYS.getPrivate(), " ", BODY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LagoWebhookSigner.hmacSignature("", BODY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
