package io.payclient.benchmarks.spring.manual;

import io.payclient.billingrails.BillingrailsClient;
import io.payclient.billingrails.BillingrailsEnvironment;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoWebhooks;
import io.payclient.paygentic.PaygenticClient;
import io.payclient.paygentic.PaygenticEnvironment;
import java.time.Duration;
import java.util.Locale;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What an application writes without the starter to get the beans the starter creates from the same
 * properties: one shared {@link OkHttpClient} (shut down with the context), the three vendor
 * clients (closed with the context) and Lago's webhook verifier.
 */
@Configuration(proxyBeanMethods = false)
public class PayClientBeans {
  /** Created by Spring. */
  public PayClientBeans() {}

  /**
   * The OkHttp client the vendor clients share, as the starter configures it.
   *
   * @return the client
   */
  @Bean(destroyMethod = "")
  public OkHttpClient payClientOkHttpClient() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(64);
    return new OkHttpClient.Builder().dispatcher(dispatcher).build();
  }

  /**
   * Shuts the shared OkHttp client down with the context.
   *
   * @param http the shared client
   * @return the hook
   */
  @Bean
  public AutoCloseable payClientOkHttpShutdown(OkHttpClient http) {
    return () -> {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    };
  }

  /**
   * The Lago client.
   *
   * @return the client
   */
  @Bean(destroyMethod = "close")
  public LagoClient lagoClient(
      @Value("${payclient.lago.api-key}") String apiKey,
      @Value("${payclient.lago.base-url}") String baseUrl,
      @Value("${payclient.timeout}") Duration timeout,
      @Value("${payclient.max-retries}") int maxRetries,
      OkHttpClient http) {
    return LagoClient.builder()
        .apiKey(apiKey)
        .baseUrl(baseUrl)
        .timeout(timeout)
        .maxRetries(maxRetries)
        .okHttpClient(http)
        .build();
  }

  /**
   * Lago's webhook verifier.
   *
   * @param lago the client
   * @return the verifier
   */
  @Bean
  public LagoWebhooks lagoWebhooks(LagoClient lago) {
    return lago.webhooks();
  }

  /**
   * The Billingrails client.
   *
   * @return the client
   */
  @Bean(destroyMethod = "close")
  public BillingrailsClient billingrailsClient(
      @Value("${payclient.billingrails.api-key}") String apiKey,
      @Value("${payclient.billingrails.environment}") String environment,
      @Value("${payclient.billingrails.base-url}") String baseUrl,
      @Value("${payclient.timeout}") Duration timeout,
      @Value("${payclient.max-retries}") int maxRetries,
      OkHttpClient http) {
    return BillingrailsClient.builder()
        .apiKey(apiKey)
        .environment(BillingrailsEnvironment.valueOf(environment.toUpperCase(Locale.ROOT)))
        .baseUrl(baseUrl)
        .timeout(timeout)
        .maxRetries(maxRetries)
        .okHttpClient(http)
        .build();
  }

  /**
   * The Paygentic client.
   *
   * @return the client
   */
  @Bean(destroyMethod = "close")
  public PaygenticClient paygenticClient(
      @Value("${payclient.paygentic.api-key}") String apiKey,
      @Value("${payclient.paygentic.environment}") String environment,
      @Value("${payclient.paygentic.base-url}") String baseUrl,
      @Value("${payclient.paygentic.merchant-id}") String merchantId,
      @Value("${payclient.timeout}") Duration timeout,
      @Value("${payclient.max-retries}") int maxRetries,
      OkHttpClient http) {
    return PaygenticClient.builder()
        .apiKey(apiKey)
        .environment(PaygenticEnvironment.valueOf(environment.toUpperCase(Locale.ROOT)))
        .baseUrl(baseUrl)
        .merchantId(merchantId)
        .timeout(timeout)
        .maxRetries(maxRetries)
        .okHttpClient(http)
        .build();
  }
}
