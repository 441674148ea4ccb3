package io.payclient.core.spi;

import io.payclient.core.ClientOptions;
import io.payclient.core.PaymentsClient;

/**
 * Registers a vendor module with {@link io.payclient.core.PaymentsClients} through {@link
 * java.util.ServiceLoader}. Each vendor module provides one; applications do not implement it.
 */
public interface PaymentsClientProvider {
  /** The vendor name, such as {@code "lago"}. */
  String vendor();

  /**
   * Creates a client.
   *
   * @throws IllegalArgumentException if the options are unusable (no API key, bad base URL)
   */
  PaymentsClient create(ClientOptions options);
}
