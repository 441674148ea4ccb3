package io.payclient.core;

import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The settings every vendor client builder shares; {@code LagoClient.builder()}, {@code
 * BillingrailsClient.builder()} and {@code PaygenticClient.builder()} extend it with the vendor's
 * environments. Not thread-safe.
 *
 * @param <B> the concrete builder
 * @param <C> the client it builds
 */
public abstract class ClientBuilder<B extends ClientBuilder<B, C>, C> {
  private ClientOptions.Builder options = ClientOptions.builder();

  /** For subclasses. */
  protected ClientBuilder() {}

  /** Returns {@code this} as the concrete builder. */
  protected abstract B self();

  /**
   * Builds the client.
   *
   * @throws IllegalArgumentException if there is no usable API key (neither set nor in the vendor's
   *     environment variable) or the base URL is unusable; the message never contains the key
   */
  public abstract C build();

  /** Replaces every shared setting with these options. */
  public B options(ClientOptions options) {
    this.options = Objects.requireNonNull(options, "options").toBuilder();
    return self();
  }

  /** The API key; when not set, the vendor's environment variable is read. */
  public B apiKey(@Nullable String apiKey) {
    options.apiKey(apiKey);
    return self();
  }

  /** An explicit base URL; overrides the vendor's environment or region. */
  public B baseUrl(@Nullable String baseUrl) {
    options.baseUrl(baseUrl);
    return self();
  }

  /** See {@link ClientOptions.Builder#connectTimeout(Duration)}. */
  public B connectTimeout(Duration timeout) {
    options.connectTimeout(timeout);
    return self();
  }

  /** See {@link ClientOptions.Builder#readTimeout(Duration)}. */
  public B readTimeout(Duration timeout) {
    options.readTimeout(timeout);
    return self();
  }

  /** See {@link ClientOptions.Builder#writeTimeout(Duration)}. */
  public B writeTimeout(Duration timeout) {
    options.writeTimeout(timeout);
    return self();
  }

  /** See {@link ClientOptions.Builder#timeout(Duration)}. */
  public B timeout(Duration timeout) {
    options.timeout(timeout);
    return self();
  }

  /** See {@link ClientOptions.Builder#maxRetries(int)}. */
  public B maxRetries(int maxRetries) {
    options.maxRetries(maxRetries);
    return self();
  }

  /** See {@link ClientOptions.Builder#maxRetryDelay(Duration)}. */
  public B maxRetryDelay(Duration maxRetryDelay) {
    options.maxRetryDelay(maxRetryDelay);
    return self();
  }

  /** See {@link ClientOptions.Builder#maxResponseBytes(long)}. */
  public B maxResponseBytes(long maxResponseBytes) {
    options.maxResponseBytes(maxResponseBytes);
    return self();
  }

  /** See {@link ClientOptions.Builder#okHttpClient(OkHttpClient)}. */
  public B okHttpClient(@Nullable OkHttpClient okHttpClient) {
    options.okHttpClient(okHttpClient);
    return self();
  }

  /** See {@link ClientOptions.Builder#userAgentSuffix(String)}. */
  public B userAgentSuffix(@Nullable String suffix) {
    options.userAgentSuffix(suffix);
    return self();
  }

  /** See {@link ClientOptions.Builder#listener(PaymentsListener)}. */
  public B listener(@Nullable PaymentsListener listener) {
    options.listener(listener);
    return self();
  }

  /** See {@link ClientOptions.Builder#allowInsecureHttp(boolean)}. */
  public B allowInsecureHttp(boolean allow) {
    options.allowInsecureHttp(allow);
    return self();
  }

  /** See {@link ClientOptions.Builder#logBodies(boolean)}. */
  public B logBodies(boolean logBodies) {
    options.logBodies(logBodies);
    return self();
  }

  /** See {@link ClientOptions.Builder#backoff(Duration, Duration)}. */
  public B backoff(Duration base, Duration cap) {
    options.backoff(base, cap);
    return self();
  }

  /** The shared settings as set so far. */
  protected ClientOptions clientOptions() {
    return options.build();
  }
}
