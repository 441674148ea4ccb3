package io.payclient.core.internal;

import java.util.Locale;
import okhttp3.HttpUrl;

/** Base URL checks. */
public final class Urls {
  private Urls() {}

  /**
   * Parses a base URL and applies the transport-security rule: {@code https}, or {@code http} only
   * to a loopback host unless the caller allowed insecure HTTP.
   *
   * @throws IllegalArgumentException if the URL is not http(s) or breaks the rule
   */
  public static HttpUrl baseUrl(String url, boolean allowInsecureHttp) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw new IllegalArgumentException("Not an http(s) base URL: '" + url + "'");
    }
    if (parsed.query() != null || parsed.fragment() != null) {
      throw new IllegalArgumentException("A base URL takes no query or fragment: '" + url + "'");
    }
    if (!parsed.isHttps() && !allowInsecureHttp && !isLoopback(parsed.host())) {
      throw new IllegalArgumentException(
          "Refusing plain http:// to "
              + parsed.host()
              + ": the API key would travel in clear text. Use https://, or allowInsecureHttp(true)");
    }
    return parsed;
  }

  /** Whether the host is {@code localhost}, in 127.0.0.0/8 or {@code ::1}; never resolves DNS. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.startsWith("127.")
        || h.equals("::1")
        || h.equals("[::1]")
        || h.equals("0:0:0:0:0:0:0:1");
  }
}
