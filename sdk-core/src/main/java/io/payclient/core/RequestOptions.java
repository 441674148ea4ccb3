package io.payclient.core;

import io.payclient.core.internal.Limits;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Per-call settings that override the client's. Immutable.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.builder()
 *     .idempotencyKey("order-1042-payment")
 *     .maxRetries(0)
 *     .build();
 * client.create(request, options);
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();

  private final @Nullable String idempotencyKey;
  private final @Nullable Duration timeout;
  private final @Nullable Integer maxRetries;

  private RequestOptions(Builder b) {
    this.idempotencyKey = b.idempotencyKey;
    this.timeout = b.timeout;
    this.maxRetries = b.maxRetries;
  }

  /** Options that override nothing. */
  public static RequestOptions none() {
    return NONE;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with these options. */
  public Builder toBuilder() {
    return new Builder().idempotencyKey(idempotencyKey).timeout(timeout).maxRetries(maxRetries);
  }

  /**
   * The idempotency key for a create; wins over the one on the request. Ignored by Lago, which has
   * no idempotency.
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /**
   * The overall deadline for this call, across retries; overrides {@link ClientOptions#timeout()}.
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** The maximum number of retries for this call; {@code 0} turns retries off. */
  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestOptions r
        && Objects.equals(idempotencyKey, r.idempotencyKey)
        && Objects.equals(timeout, r.timeout)
        && Objects.equals(maxRetries, r.maxRetries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(idempotencyKey, timeout, maxRetries);
  }

  @Override
  public String toString() {
    return "RequestOptions{idempotencyKey="
        + idempotencyKey
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + '}';
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private @Nullable String idempotencyKey;
    private @Nullable Duration timeout;
    private @Nullable Integer maxRetries;

    private Builder() {}

    /** The idempotency key; checked by the vendor client (length, printable ASCII). */
    public Builder idempotencyKey(@Nullable String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /**
     * The overall deadline for the call, across retries.
     *
     * @param timeout over zero and at most one day; {@code null} for the client's
     * @throws IllegalArgumentException if not positive or over one day
     */
    public Builder timeout(@Nullable Duration timeout) {
      this.timeout = timeout == null ? null : Limits.checkDuration(timeout, "timeout", false);
      return this;
    }

    /**
     * The maximum number of retries; {@code 0} turns retries off.
     *
     * @throws IllegalArgumentException if negative or over 100
     */
    public Builder maxRetries(@Nullable Integer maxRetries) {
      this.maxRetries = maxRetries == null ? null : Limits.checkRetries(maxRetries);
      return this;
    }

    /** Returns the options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
