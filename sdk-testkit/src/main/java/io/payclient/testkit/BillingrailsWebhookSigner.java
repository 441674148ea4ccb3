package io.payclient.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Signs bodies as Billingrails signs its webhooks, for tests of a webhook handler: {@code
 * x-billingrails-signature} is {@code Base64(HMAC-SHA256(key = the endpoint's signing secret as
 * UTF-8, message = the raw body))}. {@link FakeBillingrails} signs its deliveries with it.
 *
 * <pre>{@code
 * byte[] body = "{\"type\":\"payment.succeeded\",…}".getBytes(UTF_8);
 * Map<String, String> headers = BillingrailsWebhookSigner.headers("my-secret", body);
 * BillingrailsWebhooks.builder().secret("my-secret").build().verify(body, headers::get);
 * }</pre>
 */
public final class BillingrailsWebhookSigner {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "x-billingrails-signature";

  private BillingrailsWebhookSigner() {}

  /** A new random signing secret (the real format is not documented; any non-empty text works). */
  public static String newSecret() {
    return "brsec_" + WebhookCrypto.randomHex(24);
  }

  /**
   * The signature of {@code body}: strict base64 of its HMAC-SHA256.
   *
   * @throws IllegalArgumentException if the secret is empty (the message never quotes it)
   * @throws NullPointerException if an argument is null
   */
  public static String signature(String secret, byte[] body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(body, "body");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("secret must not be empty");
    }
    byte[] mac = WebhookCrypto.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body);
    return Base64.getEncoder().encodeToString(mac);
  }

  /**
   * The headers Billingrails sends with {@code body}: {@code x-billingrails-signature} only.
   *
   * @throws IllegalArgumentException if the secret is empty (the message never quotes it)
   */
  public static Map<String, String> headers(String secret, byte[] body) {
    return Map.of(SIGNATURE_HEADER, signature(secret, body));
  }
}
