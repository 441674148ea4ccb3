package io.payclient.core;

import io.payclient.core.internal.Limits;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Settings shared by every client. Immutable; {@link #toString()} never shows the API key.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *     .apiKey(System.getenv("LAGO_API_KEY"))
 *     .baseUrl("https://api.eu.getlago.com/api/v1")
 *     .maxRetries(3)
 *     .build();
 * PaymentsClient client = PaymentsClients.create("lago", options);
 * }</pre>
 *
 * <p>Defaults: connect timeout 10 s, read and write timeouts 30 s, overall deadline per call across
 * retries 60 s, 2 retries, longest wait honoured from {@code Retry-After} 60 s, response bodies
 * capped at 8 MiB.
 */
public final class ClientOptions {
  /** Default connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default read timeout: 30 s. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  /** Default write timeout: 30 s. */
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

  /** Default overall deadline of one call across its retries: 60 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** Default number of retries: 2. */
  public static final int DEFAULT_MAX_RETRIES = 2;

  /** Default longest delay the SDK waits for a {@code Retry-After}: 60 s. */
  public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(60);

  /** Default longest wait before the first retry: 0.5 s. */
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(500);

  /** Default longest wait between retries: 8 s. */
  public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofSeconds(8);

  /** Default cap on a response body: 8 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;

  private final @Nullable String apiKey;
  private final @Nullable String baseUrl;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Duration timeout;
  private final int maxRetries;
  private final Duration maxRetryDelay;
  private final long maxResponseBytes;
  private final @Nullable OkHttpClient okHttpClient;
  private final @Nullable String userAgentSuffix;
  private final PaymentsListener listener;
  private final boolean allowInsecureHttp;
  private final boolean logBodies;
  private final Duration backoffBase;
  private final Duration backoffCap;

  private ClientOptions(Builder b) {
    this.apiKey = b.apiKey;
    this.baseUrl = b.baseUrl;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    this.timeout = b.timeout;
    this.maxRetries = b.maxRetries;
    this.maxRetryDelay = b.maxRetryDelay;
    this.maxResponseBytes = b.maxResponseBytes;
    this.okHttpClient = b.okHttpClient;
    this.userAgentSuffix = b.userAgentSuffix;
    this.listener = b.listener;
    this.allowInsecureHttp = b.allowInsecureHttp;
    this.logBodies = b.logBodies;
    this.backoffBase = b.backoffBase;
    this.backoffCap = b.backoffCap;
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.apiKey = apiKey;
    b.baseUrl = baseUrl;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.writeTimeout = writeTimeout;
    b.timeout = timeout;
    b.maxRetries = maxRetries;
    b.maxRetryDelay = maxRetryDelay;
    b.maxResponseBytes = maxResponseBytes;
    b.okHttpClient = okHttpClient;
    b.userAgentSuffix = userAgentSuffix;
    b.listener = listener;
    b.allowInsecureHttp = allowInsecureHttp;
    b.logBodies = logBodies;
    b.backoffBase = backoffBase;
    b.backoffCap = backoffCap;
    return b;
  }

  /**
   * The API key, if set here; vendor clients fall back to their environment variable. Handle as a
   * secret.
   */
  public Optional<String> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /** The base URL, if set; otherwise the vendor's production default. */
  public Optional<String> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  /** The TCP/TLS connect timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The longest silence while reading a response. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** The longest stall while writing a request. */
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /** The overall deadline of one call, across all its attempts and waits. */
  public Duration timeout() {
    return timeout;
  }

  /** The maximum number of retries of one call. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The longest server-requested wait ({@code Retry-After}) the SDK honours before giving up. */
  public Duration maxRetryDelay() {
    return maxRetryDelay;
  }

  /** The largest response body read; a larger one fails with {@link ResponseFormatException}. */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /** The caller's OkHttp client, whose pools and dispatcher are shared, if given. */
  public Optional<OkHttpClient> okHttpClient() {
    return Optional.ofNullable(okHttpClient);
  }

  /** Text appended to the {@code User-Agent}, if set. */
  public Optional<String> userAgentSuffix() {
    return Optional.ofNullable(userAgentSuffix);
  }

  /** The listener; {@link PaymentsListener#NONE} by default. */
  public PaymentsListener listener() {
    return listener;
  }

  /** Whether plain {@code http://} is allowed to non-loopback hosts. */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /**
   * Whether request and response bodies are logged at DEBUG (capped, with the API key redacted).
   * Off by default: bodies hold customer data.
   */
  public boolean logBodies() {
    return logBodies;
  }

  /** The longest wait before the first retry (full jitter doubles it per retry up to the cap). */
  public Duration backoffBase() {
    return backoffBase;
  }

  /** The longest computed wait between two attempts. */
  public Duration backoffCap() {
    return backoffCap;
  }

  /** Shows every setting except the API key, which shows as {@code ****} when set. */
  @Override
  public String toString() {
    return "ClientOptions{apiKey="
        + (apiKey == null ? "unset" : "****")
        + ", baseUrl="
        + baseUrl
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", writeTimeout="
        + writeTimeout
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + ", maxRetryDelay="
        + maxRetryDelay
        + ", maxResponseBytes="
        + maxResponseBytes
        + ", userAgentSuffix="
        + userAgentSuffix
        + ", allowInsecureHttp="
        + allowInsecureHttp
        + ", logBodies="
        + logBodies
        + ", backoff="
        + backoffBase
        + ".."
        + backoffCap
        + '}';
  }

  /** Builds {@link ClientOptions}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String apiKey;
    private @Nullable String baseUrl;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration maxRetryDelay = DEFAULT_MAX_RETRY_DELAY;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private @Nullable OkHttpClient okHttpClient;
    private @Nullable String userAgentSuffix;
    private PaymentsListener listener = PaymentsListener.NONE;
    private boolean allowInsecureHttp;
    private boolean logBodies;
    private Duration backoffBase = DEFAULT_BACKOFF_BASE;
    private Duration backoffCap = DEFAULT_BACKOFF_CAP;

    private Builder() {}

    /** The API key; checked by the vendor client when it is built. */
    public Builder apiKey(@Nullable String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /** The base URL, such as {@code https://api.getlago.com/api/v1}. */
    public Builder baseUrl(@Nullable String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * The connect timeout.
     *
     * @param connectTimeout zero means none (OkHttp's meaning); at most one day
     * @throws IllegalArgumentException if negative or over one day
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Limits.checkDuration(connectTimeout, "connectTimeout", true);
      return this;
    }

    /**
     * The read timeout.
     *
     * @param readTimeout zero means none (OkHttp's meaning); at most one day
     * @throws IllegalArgumentException if negative or over one day
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Limits.checkDuration(readTimeout, "readTimeout", true);
      return this;
    }

    /**
     * The write timeout.
     *
     * @param writeTimeout zero means none (OkHttp's meaning); at most one day
     * @throws IllegalArgumentException if negative or over one day
     */
    public Builder writeTimeout(Duration writeTimeout) {
      this.writeTimeout = Limits.checkDuration(writeTimeout, "writeTimeout", true);
      return this;
    }

    /**
     * The overall deadline of one call across retries.
     *
     * @throws IllegalArgumentException if not positive or over one day
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Limits.checkDuration(timeout, "timeout", false);
      return this;
    }

    /**
     * The maximum number of retries; {@code 0} turns retries off.
     *
     * @throws IllegalArgumentException if negative or over 100
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = Limits.checkRetries(maxRetries);
      return this;
    }

    /**
     * The longest server-requested wait honoured.
     *
     * @throws IllegalArgumentException if negative or over one day
     */
    public Builder maxRetryDelay(Duration maxRetryDelay) {
      this.maxRetryDelay = Limits.checkDuration(maxRetryDelay, "maxRetryDelay", true);
      return this;
    }

    /**
     * The response body cap in bytes.
     *
     * @throws IllegalArgumentException if not positive or over 1 GiB
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes <= 0 || maxResponseBytes > Limits.MAX_RESPONSE_BYTES) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be between 1 and "
                + Limits.MAX_RESPONSE_BYTES
                + ": "
                + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * An OkHttp client to derive from with {@code newBuilder()}, so connection pools and the
     * dispatcher are shared. The SDK never shuts down a client it was given.
     */
    public Builder okHttpClient(@Nullable OkHttpClient okHttpClient) {
      this.okHttpClient = okHttpClient;
      return this;
    }

    /** Appended to the {@code User-Agent}, e.g. {@code "billing-service/4.2"}. */
    public Builder userAgentSuffix(@Nullable String userAgentSuffix) {
      this.userAgentSuffix = userAgentSuffix;
      return this;
    }

    /** The listener for metrics; {@code null} means none. */
    public Builder listener(@Nullable PaymentsListener listener) {
      this.listener = listener == null ? PaymentsListener.NONE : listener;
      return this;
    }

    /**
     * Allows plain {@code http://} to hosts that are not loopback. Off by default: the API key
     * would travel in clear text.
     */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /**
     * Logs request and response bodies at DEBUG through {@code System.Logger} ({@code
     * io.payclient.transport}), capped at 2 KiB and with the API key redacted. Off by default:
     * bodies hold customer data. Headers are always limited to an allow-list.
     */
    public Builder logBodies(boolean logBodies) {
      this.logBodies = logBodies;
      return this;
    }

    /**
     * The exponential backoff between retries when the server names no wait: a random delay in
     * {@code [0, min(cap, base × 2^(retry-1))]} ("full jitter"). Defaults: 0.5 s and 8 s.
     *
     * @throws IllegalArgumentException if base is negative, cap is below base, or either is over
     *     one day
     */
    public Builder backoff(Duration base, Duration cap) {
      Limits.checkDuration(base, "backoff base", true);
      Limits.checkDuration(cap, "backoff cap", true);
      if (cap.compareTo(base) < 0) {
        throw new IllegalArgumentException("backoff cap " + cap + " is below its base " + base);
      }
      this.backoffBase = base;
      this.backoffCap = cap;
      return this;
    }

    /** Returns the options. */
    public ClientOptions build() {
      return new ClientOptions(this);
    }
  }
}
