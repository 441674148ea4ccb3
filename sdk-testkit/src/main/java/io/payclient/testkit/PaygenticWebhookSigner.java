package io.payclient.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Signs bodies as Paygentic (through Svix) signs its webhooks, for tests of a webhook handler, like
 * stripe-java's {@code generateSignatureHeader}. The signed content is {@code
 * "{svix-id}.{svix-timestamp}.{raw body}"}; the signature {@code v1,} followed by {@code
 * Base64(HMAC-SHA256(key = base64-decode(secret without "whsec_"), signed content))}. {@link
 * FakePaygentic} signs its deliveries with it.
 *
 * <pre>{@code
 * String secret = PaygenticWebhookSigner.newSecret();
 * Map<String, String> headers =
 *     PaygenticWebhookSigner.headers(secret, "msg_1", Instant.now(), body);
 * PaygenticWebhooks.builder().secret(secret).build().verify(body, headers::get);
 * }</pre>
 */
public final class PaygenticWebhookSigner {
  /** The message id header (the de-duplication key). */
  public static final String ID_HEADER = "svix-id";

  /** The signing time header, Unix seconds. */
  public static final String TIMESTAMP_HEADER = "svix-timestamp";

  /** The signature header. */
  public static final String SIGNATURE_HEADER = "svix-signature";

  private static final String PREFIX = "whsec_";

  private PaygenticWebhookSigner() {}

  /** A new random secret: {@code whsec_} and the base64 of 24 random bytes, as Svix makes them. */
  public static String newSecret() {
    return PREFIX + WebhookCrypto.randomBase64(24);
  }

  /**
   * The {@code svix-signature} value for one message: {@code v1,<base64>}.
   *
   * @param secret {@code whsec_} followed by base64 (the prefix may be omitted)
   * @param msgId the {@code svix-id}
   * @param timestamp the {@code svix-timestamp}, in whole seconds (the fraction is dropped)
   * @param body the raw body
   * @throws IllegalArgumentException if the secret is not base64 after its prefix (the message
   *     never quotes it) or the message id is blank
   * @throws NullPointerException if an argument is null
   */
  public static String signature(String secret, String msgId, Instant timestamp, byte[] body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(msgId, "msgId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(body, "body");
    WebhookCrypto.requireText(msgId, "msgId");
    byte[] key;
    try {
      key =
          Base64.getDecoder()
              .decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("secret must be whsec_ followed by base64");
    }
    if (key.length == 0) {
      throw new IllegalArgumentException("secret must be whsec_ followed by base64");
    }
    byte[] prefix =
        (msgId + "." + timestamp.getEpochSecond() + ".").getBytes(StandardCharsets.UTF_8);
    return "v1," + Base64.getEncoder().encodeToString(WebhookCrypto.hmacSha256(key, prefix, body));
  }

  /**
   * The three headers Paygentic sends with {@code body}: {@code svix-id}, {@code svix-timestamp}
   * (Unix seconds) and {@code svix-signature}.
   *
   * @throws IllegalArgumentException as {@link #signature(String, String, Instant, byte[])}
   */
  public static Map<String, String> headers(
      String secret, String msgId, Instant timestamp, byte[] body) {
    String signature = signature(secret, msgId, timestamp, body);
    return Map.of(
        ID_HEADER,
        msgId,
        TIMESTAMP_HEADER,
        String.valueOf(timestamp.getEpochSecond()),
        SIGNATURE_HEADER,
        signature);
  }
}
