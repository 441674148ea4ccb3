package io.payclient.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/** Retry delays: exponential backoff with full jitter, and server-requested waits. */
public final class Backoff {
  private Backoff() {}

  /**
   * Full jitter: a uniform random wait in {@code [0, min(cap, base × 2^(retry-1))]}.
   *
   * @param retry 1 for the first retry
   */
  public static Duration fullJitter(int retry, Duration base, Duration cap) {
    long ceiling = ceilingNanos(retry, base, cap);
    return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  /** The upper bound of {@link #fullJitter} for a retry, in nanoseconds. */
  static long ceilingNanos(int retry, Duration base, Duration cap) {
    int shift = Math.min(Math.max(retry - 1, 0), 20);
    long baseNanos = RetryPolicy.saturatedNanos(base);
    long capNanos = RetryPolicy.saturatedNanos(cap);
    long doubled = baseNanos > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : baseNanos << shift;
    return Math.max(0, Math.min(capNanos, doubled));
  }

  /**
   * The wait the server asked for: {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110),
   * else {@code X-RateLimit-Reset} (Lago Cloud) as seconds from now, or as the epoch second of the
   * reset when it is that large. A value that is neither is ignored. A huge wait is returned as it
   * is: the caller compares it with its longest honoured wait and then does not retry.
   *
   * @return the wait, never negative, or {@code null} if the server asked for none
   */
  public static @Nullable Duration serverRequested(Headers headers, Instant now) {
    Duration retryAfter = retryAfter(headers.get("Retry-After"), now);
    if (retryAfter != null) {
      return retryAfter;
    }
    return rateLimitReset(headers.get("X-RateLimit-Reset"), now);
  }

  /** The largest number of seconds read; more is "a very long time", which is never honoured. */
  private static final long MAX_SECONDS = 1L << 40;

  private static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    Duration delay = delaySeconds(v); // delay-seconds, never an epoch time
    if (delay != null || v.length() > 64) {
      return delay;
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException | ArithmeticException ignored) {
      return null;
    }
  }

  private static @Nullable Duration rateLimitReset(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    Long seconds = seconds(v);
    if (seconds != null && seconds > 1_000_000_000L && seconds < MAX_SECONDS) {
      return Duration.ofSeconds(Math.max(0, seconds - now.getEpochSecond())); // an epoch second
    }
    return delaySeconds(v);
  }

  /**
   * Whole or decimal seconds ("1.5" from some gateways), capped at {@link #MAX_SECONDS}; {@code
   * null} when not a non-negative number.
   */
  private static @Nullable Duration delaySeconds(String v) {
    Long seconds = seconds(v);
    if (seconds != null) {
      return Duration.ofSeconds(seconds);
    }
    if (v.length() > 32 || v.startsWith("-")) {
      return null;
    }
    try {
      double s = Double.parseDouble(v);
      if (s >= 0 && s < MAX_SECONDS) {
        return Duration.ofMillis((long) Math.ceil(s * 1000));
      }
      return s >= MAX_SECONDS ? Duration.ofSeconds(MAX_SECONDS) : null;
    } catch (NumberFormatException notADecimal) {
      return null;
    }
  }

  /** Non-negative whole seconds, capped at {@link #MAX_SECONDS}; {@code null} if not digits. */
  private static @Nullable Long seconds(String v) {
    if (v.isEmpty() || v.length() > 32) {
      return null;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    if (v.length() > 12) {
      return MAX_SECONDS;
    }
    return Math.min(Long.parseLong(v), MAX_SECONDS);
  }
}
