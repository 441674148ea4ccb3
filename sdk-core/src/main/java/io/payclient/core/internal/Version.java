package io.payclient.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/** The SDK version, from a resource filtered at build time. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The SDK version, such as {@code 0.1.0}. */
  public static String sdk() {
    return VERSION;
  }

  /** {@code payclient-java/<version> <vendor> Java/<runtime>}, plus the suffix if given. */
  public static String userAgent(String vendor, @Nullable String suffix) {
    String ua = "payclient-java/" + VERSION + " " + vendor + " Java/" + Runtime.version().feature();
    return suffix == null || suffix.isBlank() ? ua : ua + " " + suffix.trim();
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
