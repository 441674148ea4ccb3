package io.payclient.lago.internal;

import io.payclient.core.ClientOptions;
import io.payclient.core.PaymentsClient;
import io.payclient.core.spi.PaymentsClientProvider;
import io.payclient.lago.LagoClient;

/** Registers Lago with {@link io.payclient.core.PaymentsClients}. */
public final class LagoProvider implements PaymentsClientProvider {
  /** Called by {@link java.util.ServiceLoader}. */
  public LagoProvider() {}

  @Override
  public String vendor() {
    return LagoClient.VENDOR;
  }

  @Override
  public PaymentsClient create(ClientOptions options) {
    return LagoClient.builder().options(options).build();
  }
}
