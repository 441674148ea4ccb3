package io.payclient.core.internal;

/** Checks for values that go into headers, and redaction of secrets from text. */
public final class Secrets {
  private Secrets() {}

  /**
   * Whether the value has only printable ASCII (0x20–0x7E): safe in an HTTP header, no injection.
   */
  public static boolean isPrintableAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  /** Whether the value contains an ISO control character (CR, LF, NUL, DEL...). */
  public static boolean hasControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks an API key. The message never contains the key itself.
   *
   * @throws IllegalArgumentException if blank or not printable ASCII
   */
  public static String requireValidApiKey(String apiKey, String vendor, String envVar) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "No API key for "
              + vendor
              + ": call apiKey(...) on the builder or set the environment variable "
              + envVar);
    }
    if (!isPrintableAscii(apiKey) || apiKey.contains(" ")) {
      throw new IllegalArgumentException(
          "The "
              + vendor
              + " API key contains spaces, control or non-ASCII characters (it was not"
              + " shown); check how it was loaded");
    }
    return apiKey;
  }

  /**
   * Replaces every part of the secret in the text ({@value NetworkText#MIN_SECRET_RUN} or more
   * characters of it) with {@code [REDACTED]}; see {@link NetworkText}.
   */
  public static String redact(String text, String secret) {
    if (text == null || secret == null || secret.isEmpty()) {
      return text;
    }
    return new NetworkText(secret).redact(text);
  }
}
