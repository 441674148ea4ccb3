package io.payclient.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.billingrails.BillingrailsWebhooks;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class BillingrailsWebhookSignerTest {
  private static final byte[] BODY =
      "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"data\":{}}".getBytes(UTF_8);

  @Test
  void matchesAnHmacWrittenFromTheSpec() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("br-secret".getBytes(UTF_8), "HmacSHA256"));
    String expected = Base64.getEncoder().encodeToString(mac.doFinal(BODY));
    assertThat(BillingrailsWebhookSigner.headers("br-secret", BODY))
        .containsOnly(Map.entry("x-billingrails-signature", expected));
  }

  @Test
  void theSdkAcceptsItsHeaders() {
    String secret = BillingrailsWebhookSigner.newSecret();
    Map<String, String> headers = BillingrailsWebhookSigner.headers(secret, BODY);
    assertThat(
            BillingrailsWebhooks.builder()
                .secret(secret)
                .build()
                .verifyEvent(BODY, headers::get)
                .type())
        .isEqualTo("payment.succeeded");
  }

  @Test
  void anEmptySecretIsRefused() {
    assertThatThrownBy(() -> BillingrailsWebhookSigner.signature("", BODY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
