package io.payclient.paygentic;

import java.util.Locale;
import java.util.Optional;

/**
 * Paygentic's environments. The key decides which one a request may use: {@code sk_live_…} keys
 * work only on {@link #PRODUCTION}, {@code sk_test_…} keys only on {@link #SANDBOX}, and {@link
 * PaygenticClient.Builder#build()} fails fast on a mismatch.
 */
public enum PaygenticEnvironment {
  /** Production, {@code https://api.paygentic.io}, for {@code sk_live_} keys. The default. */
  PRODUCTION("https://api.paygentic.io", "api.paygentic.io", "sk_live_"),
  /** The sandbox, {@code https://api.sandbox.paygentic.io}, for {@code sk_test_} keys. */
  SANDBOX("https://api.sandbox.paygentic.io", "api.sandbox.paygentic.io", "sk_test_");

  private final String baseUrl;
  private final String host;
  private final String keyPrefix;

  PaygenticEnvironment(String baseUrl, String host, String keyPrefix) {
    this.baseUrl = baseUrl;
    this.host = host;
    this.keyPrefix = keyPrefix;
  }

  /** The API base URL; request paths start with {@code /v0}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The API host, such as {@code api.paygentic.io}. */
  public String host() {
    return host;
  }

  /** The prefix of the API keys that work here: {@code sk_live_} or {@code sk_test_}. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** The environment whose official host this is (case-insensitive); empty for any other host. */
  public static Optional<PaygenticEnvironment> forHost(String host) {
    if (host != null) {
      String h = host.toLowerCase(Locale.ROOT);
      for (PaygenticEnvironment e : values()) {
        if (e.host.equals(h)) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  /** The environment whose keys start with the key's prefix; empty for any other key. */
  static Optional<PaygenticEnvironment> forKey(String apiKey) {
    for (PaygenticEnvironment e : values()) {
      if (apiKey.startsWith(e.keyPrefix)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
