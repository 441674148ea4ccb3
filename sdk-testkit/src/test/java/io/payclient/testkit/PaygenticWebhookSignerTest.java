package io.payclient.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.paygentic.PaygenticWebhooks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PaygenticWebhookSignerTest {
  // Svix's published example ("Verifying payloads manually").
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final Instant AT = Instant.ofEpochSecond(1614265330);
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(UTF_8);

  @Test
  void svixsPublishedExample() {
    assertThat(PaygenticWebhookSigner.signature(SECRET, MSG_ID, AT, BODY))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void matchesAnHmacWrittenFromTheSpec() throws Exception {
    String secret = PaygenticWebhookSigner.newSecret();
    assertThat(secret).startsWith("whsec_");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
    byte[] expected = mac.doFinal(("msg_1.1614265330." + new String(BODY, UTF_8)).getBytes(UTF_8));
    Map<String, String> headers = PaygenticWebhookSigner.headers(secret, "msg_1", AT, BODY);
    assertThat(headers)
        .containsOnly(
            Map.entry("svix-id", "msg_1"),
            Map.entry("svix-timestamp", "1614265330"),
            Map.entry("svix-signature", "v1," + Base64.getEncoder().encodeToString(expected)));
    // the prefix is optional, as in the SDK
    assertThat(PaygenticWebhookSigner.signature(secret.substring(6), "msg_1", AT, BODY))
        .isEqualTo(headers.get("svix-signature"));
  }

  @Test
  void theSdkAcceptsItsHeaders() {
    Map<String, String> headers = PaygenticWebhookSigner.headers(SECRET, MSG_ID, AT, BODY);
    PaygenticWebhooks webhooks =
        PaygenticWebhooks.builder()
            .secret(SECRET)
            .clock(Clock.fixed(AT.plusSeconds(60), ZoneOffset.UTC))
            .build();
    assertThat(webhooks.verifyEvent(BODY, headers::get).id()).isEqualTo(MSG_ID);
  }

  @Test
  void aBadSecretIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> PaygenticWebhookSigner.signature("whsec_not*base64!", "m", AT, BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not*base64!");
    assertThatThrownBy(() -> PaygenticWebhookSigner.signature(SECRET, " ", AT, BODY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
