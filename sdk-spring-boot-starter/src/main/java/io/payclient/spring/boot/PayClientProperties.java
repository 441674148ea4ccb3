package io.payclient.spring.boot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code payclient.*} properties. A vendor's client is configured when any of its {@code
 * payclient.<vendor>.*} properties other than {@code webhook-secret} is set; its {@code api-key} is
 * then required. Timeouts and retries set directly under {@code payclient} apply to every vendor
 * that does not set its own; unset ones keep the SDK's defaults ({@code
 * io.payclient.core.ClientOptions}).
 *
 * <pre>
 * payclient.lago.api-key=${LAGO_API_KEY}
 * payclient.lago.region=eu
 * payclient.lago.webhook-secret=${LAGO_WEBHOOK_HMAC_KEY}
 * payclient.max-retries=3
 * </pre>
 *
 * <p>{@link #toString()} never shows an API key or a webhook secret. Spring Boot's {@code
 * /actuator/env} and {@code /actuator/configprops} mask values whose names contain {@code key} or
 * {@code secret} (when they show values at all).
 */
@ConfigurationProperties("payclient")
public class PayClientProperties {
  /** TCP/TLS connect timeout of every vendor without its own; the SDK's default is 10 s. */
  private @Nullable Duration connectTimeout;

  /** Longest silence while reading a response, for every vendor without its own; default 30 s. */
  private @Nullable Duration readTimeout;

  /** Longest stall while writing a request, for every vendor without its own; default 30 s. */
  private @Nullable Duration writeTimeout;

  /**
   * Overall deadline of one call across all its attempts and waits, for every vendor without its
   * own; default 60 s.
   */
  private @Nullable Duration timeout;

  /**
   * Maximum number of retries of one call (0 turns retries off), for every vendor without its own;
   * default 2.
   */
  private @Nullable Integer maxRetries;

  /** Lago. */
  private final Lago lago = new Lago();

  /** Billingrails. */
  private final Billingrails billingrails = new Billingrails();

  /** Paygentic. */
  private final Paygentic paygentic = new Paygentic();

  /** Creates the properties with nothing set. */
  public PayClientProperties() {}

  /**
   * TCP/TLS connect timeout for every vendor without its own; the SDK's default is 10 s.
   *
   * @return the timeout, or {@code null} when unset
   */
  public @Nullable Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the shared connect timeout.
   *
   * @param connectTimeout the timeout; {@code null} to unset
   */
  public void setConnectTimeout(@Nullable Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * Longest silence while reading a response, for every vendor without its own; default 30 s.
   *
   * @return the timeout, or {@code null} when unset
   */
  public @Nullable Duration getReadTimeout() {
    return readTimeout;
  }

  /**
   * Sets the shared read timeout.
   *
   * @param readTimeout the timeout; {@code null} to unset
   */
  public void setReadTimeout(@Nullable Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /**
   * Longest stall while writing a request, for every vendor without its own; default 30 s.
   *
   * @return the timeout, or {@code null} when unset
   */
  public @Nullable Duration getWriteTimeout() {
    return writeTimeout;
  }

  /**
   * Sets the shared write timeout.
   *
   * @param writeTimeout the timeout; {@code null} to unset
   */
  public void setWriteTimeout(@Nullable Duration writeTimeout) {
    this.writeTimeout = writeTimeout;
  }

  /**
   * Overall deadline of one call across all its attempts and waits, for every vendor without its
   * own; default 60 s.
   *
   * @return the timeout, or {@code null} when unset
   */
  public @Nullable Duration getTimeout() {
    return timeout;
  }

  /**
   * Sets the shared overall deadline of one call.
   *
   * @param timeout the deadline; {@code null} to unset
   */
  public void setTimeout(@Nullable Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Maximum number of retries of one call ({@code 0} turns retries off), for every vendor without
   * its own; default 2.
   *
   * @return the number, or {@code null} when unset
   */
  public @Nullable Integer getMaxRetries() {
    return maxRetries;
  }

  /**
   * Sets the shared maximum number of retries.
   *
   * @param maxRetries the number; {@code null} to unset
   */
  public void setMaxRetries(@Nullable Integer maxRetries) {
    this.maxRetries = maxRetries;
  }

  /**
   * The {@code payclient.lago.*} properties.
   *
   * @return never {@code null}
   */
  public Lago getLago() {
    return lago;
  }

  /**
   * The {@code payclient.billingrails.*} properties.
   *
   * @return never {@code null}
   */
  public Billingrails getBillingrails() {
    return billingrails;
  }

  /**
   * The {@code payclient.paygentic.*} properties.
   *
   * @return never {@code null}
   */
  public Paygentic getPaygentic() {
    return paygentic;
  }

  /** The shared timeouts and retries, as set. */
  Timeouts defaults() {
    return new Timeouts(connectTimeout, readTimeout, writeTimeout, timeout, maxRetries);
  }

  /** Shows every setting; API keys and webhook secrets show as {@code ****} when set. */
  @Override
  public String toString() {
    return "PayClientProperties{"
        + defaults()
        + ", lago="
        + lago
        + ", billingrails="
        + billingrails
        + ", paygentic="
        + paygentic
        + '}';
  }

  /** Timeouts and retries; {@code null} means unset. */
  record Timeouts(
      @Nullable Duration connectTimeout,
      @Nullable Duration readTimeout,
      @Nullable Duration writeTimeout,
      @Nullable Duration timeout,
      @Nullable Integer maxRetries) {
    @Override
    public String toString() {
      return "connectTimeout="
          + connectTimeout
          + ", readTimeout="
          + readTimeout
          + ", writeTimeout="
          + writeTimeout
          + ", timeout="
          + timeout
          + ", maxRetries="
          + maxRetries;
    }
  }

  /** The properties every vendor has. */
  public abstract static class Vendor {
    /** The vendor's API key; required once the vendor is configured. Handle as a secret. */
    private @Nullable String apiKey;

    /** An explicit API base URL; overrides the vendor's region or environment. */
    private @Nullable String baseUrl;

    /** The webhook signing secret; with it, a webhook verifier bean is created. A secret. */
    private @Nullable String webhookSecret;

    /** TCP/TLS connect timeout of this vendor; overrides payclient.connect-timeout. */
    private @Nullable Duration connectTimeout;

    /** Read timeout of this vendor; overrides payclient.read-timeout. */
    private @Nullable Duration readTimeout;

    /** Write timeout of this vendor; overrides payclient.write-timeout. */
    private @Nullable Duration writeTimeout;

    /** Overall deadline of one call to this vendor; overrides payclient.timeout. */
    private @Nullable Duration timeout;

    /** Maximum number of retries of one call to this vendor; overrides payclient.max-retries. */
    private @Nullable Integer maxRetries;

    /** For the vendors' subclasses. */
    Vendor() {}

    /**
     * The API key.
     *
     * @return the key, or {@code null} when unset
     */
    public @Nullable String getApiKey() {
      return apiKey;
    }

    /**
     * Sets the API key.
     *
     * @param apiKey the key
     */
    public void setApiKey(@Nullable String apiKey) {
      this.apiKey = apiKey;
    }

    /**
     * The explicit base URL.
     *
     * @return the URL, or {@code null} when unset
     */
    public @Nullable String getBaseUrl() {
      return baseUrl;
    }

    /**
     * Sets an explicit base URL.
     *
     * @param baseUrl the URL
     */
    public void setBaseUrl(@Nullable String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /**
     * The webhook signing secret.
     *
     * @return the secret, or {@code null} when unset
     */
    public @Nullable String getWebhookSecret() {
      return webhookSecret;
    }

    /**
     * Sets the webhook signing secret.
     *
     * @param webhookSecret the secret
     */
    public void setWebhookSecret(@Nullable String webhookSecret) {
      this.webhookSecret = webhookSecret;
    }

    /**
     * TCP/TLS connect timeout for this vendor; overrides {@code payclient.connect-timeout}.
     *
     * @return the timeout, or {@code null} when unset
     */
    public @Nullable Duration getConnectTimeout() {
      return connectTimeout;
    }

    /**
     * Sets this vendor's connect timeout.
     *
     * @param connectTimeout the timeout
     */
    public void setConnectTimeout(@Nullable Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    /**
     * Read timeout for this vendor; overrides {@code payclient.read-timeout}.
     *
     * @return the timeout, or {@code null} when unset
     */
    public @Nullable Duration getReadTimeout() {
      return readTimeout;
    }

    /**
     * Sets this vendor's read timeout.
     *
     * @param readTimeout the timeout
     */
    public void setReadTimeout(@Nullable Duration readTimeout) {
      this.readTimeout = readTimeout;
    }

    /**
     * Write timeout for this vendor; overrides {@code payclient.write-timeout}.
     *
     * @return the timeout, or {@code null} when unset
     */
    public @Nullable Duration getWriteTimeout() {
      return writeTimeout;
    }

    /**
     * Sets this vendor's write timeout.
     *
     * @param writeTimeout the timeout
     */
    public void setWriteTimeout(@Nullable Duration writeTimeout) {
      this.writeTimeout = writeTimeout;
    }

    /**
     * Overall deadline of one call for this vendor; overrides {@code payclient.timeout}.
     *
     * @return the deadline, or {@code null} when unset
     */
    public @Nullable Duration getTimeout() {
      return timeout;
    }

    /**
     * Sets this vendor's overall deadline of one call.
     *
     * @param timeout the deadline
     */
    public void setTimeout(@Nullable Duration timeout) {
      this.timeout = timeout;
    }

    /**
     * Maximum number of retries for this vendor; overrides {@code payclient.max-retries}.
     *
     * @return the number, or {@code null} when unset
     */
    public @Nullable Integer getMaxRetries() {
      return maxRetries;
    }

    /**
     * Sets this vendor's maximum number of retries.
     *
     * @param maxRetries the number
     */
    public void setMaxRetries(@Nullable Integer maxRetries) {
      this.maxRetries = maxRetries;
    }

    Timeouts timeouts() {
      return new Timeouts(connectTimeout, readTimeout, writeTimeout, timeout, maxRetries);
    }

    /** The vendor's own settings for {@link #toString()}, each preceded by {@code ", "}. */
    String details() {
      return "";
    }

    @Override
    public String toString() {
      return "{apiKey="
          + mask(apiKey)
          + ", baseUrl="
          + baseUrl
          + details()
          + ", webhookSecret="
          + mask(webhookSecret)
          + ", "
          + timeouts()
          + '}';
    }

    private static String mask(@Nullable String secret) {
      return secret == null ? "unset" : "****";
    }
  }

  /** The {@code payclient.lago.*} properties. */
  public static class Lago extends Vendor {
    /** The Lago Cloud cluster; US by default. Ignored when self-hosted or base-url is set. */
    private @Nullable LagoRegion region;

    /** The URL of a self-hosted Lago, such as https://lago.example.com ("/api/v1" is added). */
    private @Nullable String selfHosted;

    /** Creates the Lago properties with nothing set. */
    public Lago() {}

    /**
     * The Lago Cloud cluster.
     *
     * @return the region, or {@code null} when unset
     */
    public @Nullable LagoRegion getRegion() {
      return region;
    }

    /**
     * Sets the Lago Cloud cluster.
     *
     * @param region the region
     */
    public void setRegion(@Nullable LagoRegion region) {
      this.region = region;
    }

    /**
     * The URL of a self-hosted Lago.
     *
     * @return the URL, or {@code null} when unset
     */
    public @Nullable String getSelfHosted() {
      return selfHosted;
    }

    /**
     * Sets the URL of a self-hosted Lago.
     *
     * @param selfHosted the URL, such as {@code https://lago.example.com}
     */
    public void setSelfHosted(@Nullable String selfHosted) {
      this.selfHosted = selfHosted;
    }

    @Override
    String details() {
      return ", region=" + region + ", selfHosted=" + selfHosted;
    }
  }

  /** The {@code payclient.billingrails.*} properties. */
  public static class Billingrails extends Vendor {
    /** The Billingrails environment; production by default. Ignored when base-url is set. */
    private @Nullable Environment environment;

    /** Creates the Billingrails properties with nothing set. */
    public Billingrails() {}

    /**
     * The environment.
     *
     * @return the environment, or {@code null} when unset
     */
    public @Nullable Environment getEnvironment() {
      return environment;
    }

    /**
     * Sets the environment.
     *
     * @param environment the environment
     */
    public void setEnvironment(@Nullable Environment environment) {
      this.environment = environment;
    }

    @Override
    String details() {
      return ", environment=" + environment;
    }
  }

  /** The {@code payclient.paygentic.*} properties. */
  public static class Paygentic extends Vendor {
    /**
     * The Paygentic environment; production by default. Ignored when base-url is set. A sk_test_
     * key needs sandbox, a sk_live_ key production.
     */
    private @Nullable Environment environment;

    /** The merchant id sent with every create that sets none. */
    private @Nullable String merchantId;

    /** Creates the Paygentic properties with nothing set. */
    public Paygentic() {}

    /**
     * The environment.
     *
     * @return the environment, or {@code null} when unset
     */
    public @Nullable Environment getEnvironment() {
      return environment;
    }

    /**
     * Sets the environment.
     *
     * @param environment the environment
     */
    public void setEnvironment(@Nullable Environment environment) {
      this.environment = environment;
    }

    /**
     * The merchant id.
     *
     * @return the id, or {@code null} when unset
     */
    public @Nullable String getMerchantId() {
      return merchantId;
    }

    /**
     * Sets the merchant id.
     *
     * @param merchantId the id
     */
    public void setMerchantId(@Nullable String merchantId) {
      this.merchantId = merchantId;
    }

    @Override
    String details() {
      return ", environment=" + environment + ", merchantId=" + merchantId;
    }
  }

  /**
   * The Lago Cloud clusters, as {@code io.payclient.lago.LagoRegion} (kept here so that the
   * properties bind without sdk-lago on the class path).
   */
  public enum LagoRegion {
    /** The US cluster, https://api.getlago.com. */
    US,
    /** The EU cluster, https://api.eu.getlago.com. */
    EU
  }

  /** A vendor environment: the live API or the vendor's sandbox. */
  public enum Environment {
    /** Live payments. */
    PRODUCTION,
    /** Test payments on the vendor's sandbox host. */
    SANDBOX
  }
}
