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
    long doubled = base.toNanos() << shift;
    return Math.min(cap.toNanos(), doubled < 0 ? Long.MAX_VALUE : doubled);
  }

  /**
   * The wait the server asked for: {@code Retry-After} as seconds or an HTTP date, else {@code
   * X-RateLimit-Reset} (Lago) as seconds from now, or as epoch seconds when it is that large.
   *
   * @return the wait, never negative, or {@code null} if the server asked for none
   */
  public static @Nullable Duration serverRequested(Headers headers, Instant now) {
    Duration retryAfter = parse(headers.get("Retry-After"), now, true);
    if (retryAfter != null) {
      return retryAfter;
    }
    return parse(headers.get("X-RateLimit-Reset"), now, false);
  }

  private static @Nullable Duration parse(@Nullable String value, Instant now, boolean httpDate) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      if (seconds > 1_000_000_000L) { // an epoch timestamp
        seconds = seconds - now.getEpochSecond();
      }
      return Duration.ofSeconds(Math.max(0, seconds));
    } catch (NumberFormatException notAnInteger) {
      // fall through
    }
    try {
      double seconds = Double.parseDouble(v); // "1.5" from some gateways: sub-second precision
      if (seconds >= 0 && seconds < 1_000_000_000d) {
        return Duration.ofMillis((long) Math.ceil(seconds * 1000));
      }
    } catch (NumberFormatException notADecimal) {
      // fall through
    }
    if (httpDate) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
    return null;
  }
}
