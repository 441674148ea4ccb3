package io.payclient.billingrails.internal;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.core.ClientOptions;
import io.payclient.core.PaymentsClient;
import io.payclient.core.spi.PaymentsClientProvider;

/** Registers Billingrails with {@link io.payclient.core.PaymentsClients}. */
public final class BillingrailsProvider implements PaymentsClientProvider {
  /** Called by {@link java.util.ServiceLoader}. */
  public BillingrailsProvider() {}

  @Override
  public String vendor() {
    return BillingrailsClient.VENDOR;
  }

  @Override
  public PaymentsClient create(ClientOptions options) {
    return BillingrailsClient.builder().options(options).build();
  }
}
