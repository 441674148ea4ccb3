package io.payclient.spring.boot;

import io.micrometer.observation.ObservationRegistry;
import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsEnvironment;
import io.payclient.billingrails.BillingrailsWebhooks;
import io.payclient.core.PaymentsClient;
import io.payclient.core.PaymentsListener;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoRegion;
import io.payclient.lago.LagoWebhooks;
import io.payclient.micrometer.ObservationPaymentsListener;
import io.payclient.micrometer.PayClientObservationConvention;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticEnvironment;
import io.payclient.paygentic.PaygenticWebhooks;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of PayClient from the {@code payclient.*} properties ({@link
 * PayClientProperties}):
 *
 * <ul>
 *   <li>one client bean per configured vendor whose module is on the class path: {@code LagoClient
 *       lagoClient}, {@code BillingrailsClient billingrailsClient}, {@code PaygenticClient
 *       paygenticClient}, each closed when the context closes. With one vendor, inject it as {@link
 *       PaymentsClient}; with several, inject {@link VendorPaymentsClients} (or the typed client);
 *   <li>webhook verifiers: {@code LagoWebhooks lagoWebhooks} from the Lago client (always), {@code
 *       BillingrailsWebhooks billingrailsWebhooks} and {@code PaygenticWebhooks paygenticWebhooks}
 *       when {@code payclient.<vendor>.webhook-secret} is set (the client need not be);
 *   <li>one {@link OkHttpClient} shared by the clients, shut down with the context, unless the
 *       application defines its own (which is used and never shut down by PayClient);
 *   <li>every {@link PaymentsListener} bean of the application, combined, as the clients' listener.
 * </ul>
 *
 * <p>Every bean backs off when the application defines one of its type. A configured vendor without
 * an {@code api-key}, or with an unusable setting, fails the start-up with a message naming the
 * property and never showing a key.
 */
@AutoConfiguration(
    afterName = {
      // Spring Boot 4, then 3.x: the ObservationRegistry must be defined before it is looked for
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration"
    })
@EnableConfigurationProperties(PayClientProperties.class)
public class PayClientAutoConfiguration {
  /** Created by Spring. */
  public PayClientAutoConfiguration() {}

  /**
   * The clients by vendor; present when there is at least one {@link PaymentsClient} bean.
   *
   * @param clients every {@code PaymentsClient} bean
   * @return the holder
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(PaymentsClient.class)
  public VendorPaymentsClients vendorPaymentsClients(ObjectProvider<PaymentsClient> clients) {
    return VendorPaymentsClients.of(clients.orderedStream().toList());
  }

  /** Micrometer Observations of every call, when the application has a registry. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({ObservationPaymentsListener.class, ObservationRegistry.class})
  @ConditionalOnBean(ObservationRegistry.class)
  static class ObservationConfiguration {
    @Bean
    @ConditionalOnMissingBean
    ObservationPaymentsListener payClientObservationListener(
        ObservationRegistry registry, ObjectProvider<PayClientObservationConvention> convention) {
      ObservationPaymentsListener.Builder builder = ObservationPaymentsListener.builder(registry);
      PayClientObservationConvention custom = convention.getIfUnique();
      if (custom != null) {
        builder.convention(custom);
      }
      return builder.build();
    }
  }

  /** The OkHttp client the vendor clients share; shut down with the context. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnPayClientVendor
  static class SharedOkHttpClientConfiguration implements DisposableBean {
    private @Nullable OkHttpClient created;

    @Bean
    @ConditionalOnMissingBean
    OkHttpClient payClientOkHttpClient() {
      OkHttpClient client = ClientFactory.sharedOkHttpClient();
      created = client;
      return client;
    }

    @Override
    public void destroy() {
      OkHttpClient client = created;
      if (client != null) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
      }
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(LagoClient.class)
  static class LagoConfiguration {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnPayClientVendor("lago")
    LagoClient lagoClient(
        PayClientProperties properties,
        ObjectProvider<OkHttpClient> okHttpClient,
        ObjectProvider<PaymentsListener> listeners) {
      PayClientProperties.Lago lago = properties.getLago();
      LagoClient.Builder builder = LagoClient.builder();
      PayClientProperties.LagoRegion region = lago.getRegion();
      if (region != null) {
        builder.region(LagoRegion.valueOf(region.name()));
      }
      String selfHosted = lago.getSelfHosted();
      if (selfHosted != null) {
        builder.selfHosted(ClientFactory.require(selfHosted, "lago", "self-hosted"));
      }
      String secret = lago.getWebhookSecret();
      if (secret != null) {
        builder.webhookSecret(ClientFactory.require(secret, "lago", "webhook-secret"));
      }
      return ClientFactory.build(
          builder, "lago", properties.defaults(), lago, okHttpClient, listeners);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(LagoClient.class)
    LagoWebhooks lagoWebhooks(LagoClient lago) {
      return lago.webhooks();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(BillingrailsClient.class)
  static class BillingrailsConfiguration {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnPayClientVendor("billingrails")
    BillingrailsClient billingrailsClient(
        PayClientProperties properties,
        ObjectProvider<OkHttpClient> okHttpClient,
        ObjectProvider<PaymentsListener> listeners) {
      PayClientProperties.Billingrails billingrails = properties.getBillingrails();
      BillingrailsClient.Builder builder = BillingrailsClient.builder();
      PayClientProperties.Environment environment = billingrails.getEnvironment();
      if (environment != null) {
        builder.environment(BillingrailsEnvironment.valueOf(environment.name()));
      }
      String secret = billingrails.getWebhookSecret();
      if (secret != null) {
        builder.webhookSecret(ClientFactory.require(secret, "billingrails", "webhook-secret"));
      }
      return ClientFactory.build(
          builder, "billingrails", properties.defaults(), billingrails, okHttpClient, listeners);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("payclient.billingrails.webhook-secret")
    BillingrailsWebhooks billingrailsWebhooks(
        PayClientProperties properties, ObjectProvider<PaymentsListener> listeners) {
      String secret =
          ClientFactory.require(
              properties.getBillingrails().getWebhookSecret(), "billingrails", "webhook-secret");
      return ClientFactory.checked(
          "billingrails",
          "webhook-secret",
          () ->
              BillingrailsWebhooks.builder()
                  .secret(secret)
                  .listener(ClientFactory.listener(listeners))
                  .build());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(PaygenticClient.class)
  static class PaygenticConfiguration {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnPayClientVendor("paygentic")
    PaygenticClient paygenticClient(
        PayClientProperties properties,
        ObjectProvider<OkHttpClient> okHttpClient,
        ObjectProvider<PaymentsListener> listeners) {
      PayClientProperties.Paygentic paygentic = properties.getPaygentic();
      PaygenticClient.Builder builder = PaygenticClient.builder();
      PayClientProperties.Environment environment = paygentic.getEnvironment();
      if (environment != null) {
        builder.environment(PaygenticEnvironment.valueOf(environment.name()));
      }
      builder.merchantId(paygentic.getMerchantId());
      String secret = paygentic.getWebhookSecret();
      if (secret != null) {
        builder.webhookSecret(ClientFactory.require(secret, "paygentic", "webhook-secret"));
      }
      return ClientFactory.build(
          builder, "paygentic", properties.defaults(), paygentic, okHttpClient, listeners);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("payclient.paygentic.webhook-secret")
    PaygenticWebhooks paygenticWebhooks(
        PayClientProperties properties, ObjectProvider<PaymentsListener> listeners) {
      String secret =
          ClientFactory.require(
              properties.getPaygentic().getWebhookSecret(), "paygentic", "webhook-secret");
      return ClientFactory.checked(
          "paygentic",
          "webhook-secret",
          () ->
              PaygenticWebhooks.builder()
                  .secret(secret)
                  .listener(ClientFactory.listener(listeners))
                  .build());
    }
  }
}
