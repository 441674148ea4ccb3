package io.payclient.paygentic.internal;

import io.payclient.core.ClientOptions;
import io.payclient.core.PaymentsClient;
import io.payclient.core.spi.PaymentsClientProvider;
import io.payclient.paygentic.PaygenticClient;

/** Registers Paygentic with {@link io.payclient.core.PaymentsClients}. */
public final class PaygenticProvider implements PaymentsClientProvider {
  /** Called by {@link java.util.ServiceLoader}. */
  public PaygenticProvider() {}

  @Override
  public String vendor() {
    return PaygenticClient.VENDOR;
  }

  /**
   * Creates a client for the production environment unless the options carry a base URL.
   *
   * @throws IllegalArgumentException if there is no usable API key, the base URL is unusable, or
   *     the key belongs to the other environment's host
   */
  @Override
  public PaymentsClient create(ClientOptions options) {
    return PaygenticClient.builder().options(options).build();
  }
}
