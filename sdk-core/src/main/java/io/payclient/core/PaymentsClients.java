package io.payclient.core;

import io.payclient.core.spi.PaymentsClientProvider;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Creates a vendor-neutral {@link PaymentsClient} by vendor name, using whichever vendor modules
 * are on the class or module path.
 *
 * <pre>{@code
 * PaymentsClient lago = PaymentsClients.create("lago",
 *     ClientOptions.builder().apiKey(key).build());
 * }</pre>
 */
public final class PaymentsClients {
  private static final Map<String, String> ARTIFACTS =
      Map.of(
          "lago", "io.payclient:sdk-lago",
          "billingrails", "io.payclient:sdk-billingrails",
          "paygentic", "io.payclient:sdk-paygentic");

  private PaymentsClients() {}

  /**
   * Creates a client for the vendor.
   *
   * @param vendor {@code "lago"}, {@code "billingrails"} or {@code "paygentic"} (case-insensitive)
   * @param options the client settings; the API key falls back to the vendor's environment variable
   * @throws IllegalArgumentException if the vendor is unknown, its module is not on the path (the
   *     message names the artifact to add), or the options are unusable
   */
  public static PaymentsClient create(String vendor, ClientOptions options) {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(options, "options");
    String name = vendor.trim().toLowerCase(Locale.ROOT);
    Map<String, PaymentsClientProvider> found = providers();
    PaymentsClientProvider provider = found.get(name);
    if (provider != null) {
      return provider.create(options);
    }
    String artifact = ARTIFACTS.get(name);
    if (artifact != null) {
      throw new IllegalArgumentException(
          "No PayClient module for vendor '"
              + name
              + "' is on the class path: add the dependency "
              + artifact
              + " (same version as sdk-core). Installed vendors: "
              + found.keySet());
    }
    throw new IllegalArgumentException(
        "Unknown vendor '"
            + vendor
            + "': PayClient supports "
            + new TreeMap<>(ARTIFACTS).keySet()
            + ". Installed vendors: "
            + found.keySet());
  }

  private static Map<String, PaymentsClientProvider> providers() {
    Map<String, PaymentsClientProvider> map = new TreeMap<>();
    for (PaymentsClientProvider p : ServiceLoader.load(PaymentsClientProvider.class)) {
      map.putIfAbsent(p.vendor(), p);
    }
    return map;
  }
}
