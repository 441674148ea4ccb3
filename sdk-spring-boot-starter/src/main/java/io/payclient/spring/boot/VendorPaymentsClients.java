package io.payclient.spring.boot;

import io.payclient.core.PaymentsClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The application's {@link PaymentsClient}s by vendor ({@link PaymentsClient#vendor()}): the bean
 * to inject when several vendors are configured, since {@code PaymentsClient} alone is then
 * ambiguous.
 *
 * <pre>{@code
 * @Service
 * class Checkout {
 *   private final PaymentsClient payments;
 *
 *   Checkout(VendorPaymentsClients clients, @Value("${app.vendor}") String vendor) {
 *     this.payments = clients.get(vendor);
 *   }
 * }
 * }</pre>
 *
 * <p>A vendor with more than one client (two Lago organisations, say) is left out: inject those by
 * bean name. Immutable and thread-safe; it does not close the clients.
 */
public final class VendorPaymentsClients {
  private final Map<String, PaymentsClient> byVendor;
  private final Map<String, Integer> ambiguous;

  private VendorPaymentsClients(
      Map<String, PaymentsClient> byVendor, Map<String, Integer> ambiguous) {
    this.byVendor = byVendor;
    this.ambiguous = ambiguous;
  }

  /**
   * The clients by their vendor.
   *
   * @param clients the clients; a vendor that appears more than once is left out
   * @return the clients by vendor
   * @throws NullPointerException if {@code clients} or one of them is null
   */
  public static VendorPaymentsClients of(Iterable<? extends PaymentsClient> clients) {
    Map<String, List<PaymentsClient>> seen = new TreeMap<>();
    for (PaymentsClient client : clients) {
      Objects.requireNonNull(client, "client");
      seen.computeIfAbsent(client.vendor(), v -> new ArrayList<>()).add(client);
    }
    Map<String, PaymentsClient> byVendor = new LinkedHashMap<>();
    Map<String, Integer> ambiguous = new TreeMap<>();
    seen.forEach(
        (vendor, list) -> {
          if (list.size() == 1) {
            byVendor.put(vendor, list.get(0));
          } else {
            ambiguous.put(vendor, list.size());
          }
        });
    return new VendorPaymentsClients(
        Collections.unmodifiableMap(byVendor), Collections.unmodifiableMap(ambiguous));
  }

  /**
   * The client of a vendor.
   *
   * @param vendor {@code "lago"}, {@code "billingrails"} or {@code "paygentic"}
   * @return the vendor's client
   * @throws IllegalArgumentException if there is no client for the vendor, or more than one; the
   *     message lists the vendors there are
   */
  public PaymentsClient get(String vendor) {
    PaymentsClient client = byVendor.get(vendor);
    if (client != null) {
      return client;
    }
    Integer count = ambiguous.get(vendor);
    if (count != null) {
      throw new IllegalArgumentException(
          count + " PaymentsClient beans are for vendor " + vendor + ": inject one by bean name");
    }
    throw new IllegalArgumentException(
        "No PaymentsClient for vendor " + vendor + "; configured: " + byVendor.keySet());
  }

  /**
   * The client of a vendor, if there is exactly one.
   *
   * @param vendor the vendor
   * @return the client, or empty
   */
  public Optional<PaymentsClient> find(String vendor) {
    return Optional.ofNullable(byVendor.get(vendor));
  }

  /**
   * The vendors with exactly one client, in alphabetical order.
   *
   * @return an unmodifiable set
   */
  public Set<String> vendors() {
    return byVendor.keySet();
  }

  /**
   * The clients by vendor, in alphabetical order of vendor.
   *
   * @return an unmodifiable map
   */
  public Map<String, PaymentsClient> asMap() {
    return byVendor;
  }

  @Override
  public String toString() {
    return "VendorPaymentsClients" + byVendor.keySet();
  }
}
