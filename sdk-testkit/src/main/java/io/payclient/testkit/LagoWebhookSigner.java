package io.payclient.testkit;

import static io.payclient.testkit.JsonTree.obj;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Signs bodies as Lago signs its webhooks, for tests of a webhook handler. {@link FakeLago} signs
 * its deliveries with it.
 *
 * <ul>
 *   <li>{@code jwt}: {@code X-Lago-Signature} is an RS256 JWT, header {@code {"alg":"RS256"}},
 *       claims {@code {"data":"<the body as a JSON string>","iss":"<the instance's API URL>"}}.
 *   <li>{@code hmac}: {@code X-Lago-Signature} is {@code Base64(HMAC-SHA256(key = the HMAC key as
 *       UTF-8, message = the body))}.
 * </ul>
 *
 * Both add {@code X-Lago-Signature-Algorithm} and {@code X-Lago-Unique-Key} (the webhook's id, the
 * same on every retry).
 *
 * <pre>{@code
 * KeyPair keys = LagoWebhookSigner.generateKeyPair();
 * Map<String, String> headers = LagoWebhookSigner.jwtHeaders(
 *     keys.getPrivate(), "https://api.getlago.com", UUID.randomUUID().toString(), body);
 * LagoWebhooks.builder()
 *     .publicKey(LagoWebhookSigner.publicKeyPem(keys.getPublic()))
 *     .issuer("https://api.getlago.com")
 *     .build()
 *     .verify(body, headers::get);
 * }</pre>
 */
public final class LagoWebhookSigner {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "X-Lago-Signature";

  /** The scheme header: {@code jwt} or {@code hmac}. */
  public static final String ALGORITHM_HEADER = "X-Lago-Signature-Algorithm";

  /** The webhook's id header, the same on every retry. */
  public static final String UNIQUE_KEY_HEADER = "X-Lago-Unique-Key";

  private static final String JOSE_HEADER =
      Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.US_ASCII));

  private LagoWebhookSigner() {}

  /** A new RSA key pair of 2048 bits, such as a Lago instance signs its webhooks with. */
  public static KeyPair generateKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
  }

  /** A new random HMAC key (the organisation's "HMAC signature token"). */
  public static String newHmacKey() {
    return WebhookCrypto.randomHex(16);
  }

  /**
   * A public key as a PEM {@code PUBLIC KEY} (64-character lines, ending with a line break), as
   * Ruby's {@code OpenSSL::PKey::RSA#to_pem} writes it; {@code LagoWebhooks.builder().publicKey(…)}
   * takes it.
   */
  public static String publicKeyPem(PublicKey key) {
    String body =
        Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(Objects.requireNonNull(key, "key").getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * The base64 of {@link #publicKeyPem(PublicKey)} as Lago's {@code GET
   * /api/v1/webhooks/json_public_key} returns it: Ruby's {@code Base64.encode64}, 60-character
   * lines each ending with a line break.
   */
  public static String publicKeyBase64(PublicKey key) {
    byte[] pem = publicKeyPem(key).getBytes(StandardCharsets.US_ASCII);
    return Base64.getMimeEncoder(60, new byte[] {'\n'}).encodeToString(pem) + "\n";
  }

  /**
   * The {@code hmac} signature of {@code body}: strict base64 of its HMAC-SHA256.
   *
   * @throws IllegalArgumentException if the key is empty (the message never quotes it)
   */
  public static String hmacSignature(String hmacKey, byte[] body) {
    Objects.requireNonNull(hmacKey, "hmacKey");
    Objects.requireNonNull(body, "body");
    if (hmacKey.isEmpty()) {
      throw new IllegalArgumentException("hmacKey must not be empty");
    }
    return Base64.getEncoder()
        .encodeToString(WebhookCrypto.hmacSha256(hmacKey.getBytes(StandardCharsets.UTF_8), body));
  }

  /**
   * The {@code jwt} signature of {@code body}: an RS256 JWT whose {@code data} claim is the body
   * (read as UTF-8, as Lago's JSON bodies are) and whose {@code iss} is {@code issuer}.
   *
   * @param issuer the instance's API URL without {@code /api/v1}, such as {@code
   *     https://api.getlago.com}
   * @throws IllegalArgumentException if the key is not an RSA private key or the issuer is blank
   */
  public static String jwt(PrivateKey privateKey, String issuer, byte[] body) {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(body, "body");
    WebhookCrypto.requireText(issuer, "issuer");
    String claims =
        JsonTree.write(obj("data", new String(body, StandardCharsets.UTF_8), "iss", issuer));
    String signed =
        JOSE_HEADER
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(privateKey);
      rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("privateKey is not an RSA private key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA256withRSA is not available", e);
    }
  }

  /**
   * The headers of an {@code hmac}-signed webhook.
   *
   * @param uniqueKey the webhook's id ({@code X-Lago-Unique-Key}), a UUID on Lago
   * @throws IllegalArgumentException if the key is empty or the unique key blank
   */
  public static Map<String, String> hmacHeaders(String hmacKey, String uniqueKey, byte[] body) {
    WebhookCrypto.requireText(Objects.requireNonNull(uniqueKey, "uniqueKey"), "uniqueKey");
    return Map.of(
        SIGNATURE_HEADER,
        hmacSignature(hmacKey, body),
        ALGORITHM_HEADER,
        "hmac",
        UNIQUE_KEY_HEADER,
        uniqueKey);
  }

  /**
   * The headers of a {@code jwt}-signed webhook.
   *
   * @param uniqueKey the webhook's id ({@code X-Lago-Unique-Key}), a UUID on Lago
   * @throws IllegalArgumentException as {@link #jwt(PrivateKey, String, byte[])}, or if the unique
   *     key is blank
   */
  public static Map<String, String> jwtHeaders(
      PrivateKey privateKey, String issuer, String uniqueKey, byte[] body) {
    WebhookCrypto.requireText(Objects.requireNonNull(uniqueKey, "uniqueKey"), "uniqueKey");
    return Map.of(
        SIGNATURE_HEADER,
        jwt(privateKey, issuer, body),
        ALGORITHM_HEADER,
        "jwt",
        UNIQUE_KEY_HEADER,
        uniqueKey);
  }
}
