package io.payclient.testkit;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC and randomness the webhook signers share. */
final class WebhookCrypto {
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookCrypto() {}

  /** HMAC-SHA256 of the parts, in order, keyed with {@code key}. */
  static byte[] hmacSha256(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Strict base64 (no line breaks) of {@code n} random bytes. */
  static String randomBase64(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  /** Hex of {@code n} random bytes. */
  static String randomHex(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  static void requireText(String value, String name) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
