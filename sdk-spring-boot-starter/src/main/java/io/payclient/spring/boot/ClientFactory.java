package io.payclient.spring.boot;

import io.payclient.core.ClientBuilder;
import io.payclient.core.PaymentsListener;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/** Builds the vendor clients from the properties; every failure names the property at fault. */
final class ClientFactory {
  /** As the SDK's own OkHttp clients: one payments API is one host. */
  static final int MAX_REQUESTS_PER_HOST = 64;

  private ClientFactory() {}

  /** The OkHttp client the vendor clients share when the application defines none. */
  static OkHttpClient sharedOkHttpClient() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
    return new OkHttpClient.Builder().dispatcher(dispatcher).build();
  }

  /**
   * Applies the API key, base URL, timeouts, retries, OkHttp client and listeners, then builds.
   *
   * @throws InvalidPayClientPropertyException naming the property that is missing or unusable
   */
  static <B extends ClientBuilder<B, C>, C> C build(
      ClientBuilder<B, C> builder,
      String vendor,
      PayClientProperties.Timeouts shared,
      PayClientProperties.Vendor properties,
      ObjectProvider<OkHttpClient> okHttpClient,
      ObjectProvider<PaymentsListener> listeners) {
    builder.apiKey(require(properties.getApiKey(), vendor, "api-key"));
    String baseUrl = properties.getBaseUrl();
    if (baseUrl != null) {
      builder.baseUrl(require(baseUrl, vendor, "base-url"));
    }
    PayClientProperties.Timeouts own = properties.timeouts();
    apply(
        vendor,
        "connect-timeout",
        own.connectTimeout(),
        shared.connectTimeout(),
        builder::connectTimeout);
    apply(vendor, "read-timeout", own.readTimeout(), shared.readTimeout(), builder::readTimeout);
    apply(
        vendor, "write-timeout", own.writeTimeout(), shared.writeTimeout(), builder::writeTimeout);
    apply(vendor, "timeout", own.timeout(), shared.timeout(), builder::timeout);
    apply(vendor, "max-retries", own.maxRetries(), shared.maxRetries(), builder::maxRetries);
    builder.okHttpClient(okHttpClient.getIfUnique());
    builder.listener(listener(listeners));
    return checked("payclient." + vendor, builder::build);
  }

  /**
   * The one listener the clients and verifiers get: {@link PaymentsListener#NONE}, the only one, or
   * all of them combined in order.
   */
  static PaymentsListener listener(ObjectProvider<PaymentsListener> provider) {
    List<PaymentsListener> listeners = provider.orderedStream().toList();
    if (listeners.isEmpty()) {
      return PaymentsListener.NONE;
    }
    if (listeners.size() == 1) {
      return listeners.get(0);
    }
    return PaymentsListener.composite(listeners.toArray(new PaymentsListener[0]));
  }

  /**
   * The value of {@code payclient.<vendor>.<name>}, which must not be blank.
   *
   * @throws InvalidPayClientPropertyException if it is null or blank; the value is never shown
   */
  static String require(@Nullable String value, String vendor, String name) {
    if (value == null || value.isBlank()) {
      String property = "payclient." + vendor + "." + name;
      boolean apiKey = name.equals("api-key");
      String reason =
          apiKey
              ? "missing or blank, but payclient."
                  + vendor
                  + ".* properties are set, so a "
                  + vendor
                  + " client is created and needs its API key"
              : "is set but blank";
      String action =
          apiKey
              ? "Set "
                  + property
                  + " (for example "
                  + property
                  + "=${"
                  + vendor.toUpperCase(Locale.ROOT)
                  + "_API_KEY}), or remove the payclient."
                  + vendor
                  + ".* properties if the application does not use "
                  + vendor
                  + "."
              : "Set " + property + " to the value from the vendor's dashboard, or remove it.";
      throw new InvalidPayClientPropertyException(property, reason, action, null);
    }
    return value;
  }

  /**
   * Runs a step of building whose {@link IllegalArgumentException} (the SDK's messages never
   * contain a key) is reported as an invalid {@code property}.
   */
  static <T> T checked(String property, Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidPayClientPropertyException(
          property, String.valueOf(e.getMessage()), "Correct " + property + ".", e);
    }
  }

  /** {@link #checked(String, Supplier)} for {@code payclient.<vendor>.<name>}. */
  static <T> T checked(String vendor, String name, Supplier<T> step) {
    return checked("payclient." + vendor + "." + name, step);
  }

  /** Sets the vendor's value, else the shared one, naming whichever is unusable. */
  private static <T> void apply(
      String vendor, String name, @Nullable T own, @Nullable T shared, Consumer<T> setter) {
    T value = own != null ? own : shared;
    if (value == null) {
      return;
    }
    String property = own != null ? "payclient." + vendor + "." + name : "payclient." + name;
    checked(
        property,
        () -> {
          setter.accept(value);
          return value;
        });
  }
}
