package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void ceilingDoublesFromHalfASecondUpToEightSeconds() {
    assertThat(Backoff.ceilingMillis(1)).isEqualTo(500);
    assertThat(Backoff.ceilingMillis(2)).isEqualTo(1000);
    assertThat(Backoff.ceilingMillis(4)).isEqualTo(4000);
    assertThat(Backoff.ceilingMillis(5)).isEqualTo(8000);
    assertThat(Backoff.ceilingMillis(60)).isEqualTo(8000);
  }

  @RepeatedTest(20)
  void fullJitterStaysWithinTheCeiling() {
    Duration d = Backoff.fullJitter(3);
    assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(2000));
  }

  @Test
  void retryAfterSeconds() {
    assertThat(Backoff.serverRequested(Headers.of("Retry-After", "7"), NOW))
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterHttpDate() {
    Headers h = Headers.of("Retry-After", "Mon, 23 Nov 2026 10:00:05 GMT");
    assertThat(Backoff.serverRequested(h, NOW)).isEqualTo(Duration.ofSeconds(5));
    Headers past = Headers.of("Retry-After", "Mon, 23 Nov 2026 09:00:00 GMT");
    assertThat(Backoff.serverRequested(past, NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void lagoRateLimitResetAsSecondsOrEpoch() {
    assertThat(Backoff.serverRequested(Headers.of("X-RateLimit-Reset", "2"), NOW))
        .isEqualTo(Duration.ofSeconds(2));
    String epoch = String.valueOf(NOW.getEpochSecond() + 4);
    assertThat(Backoff.serverRequested(Headers.of("X-RateLimit-Reset", epoch), NOW))
        .isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void retryAfterWinsAndGarbageIsIgnored() {
    Headers both = Headers.of("Retry-After", "1", "X-RateLimit-Reset", "9");
    assertThat(Backoff.serverRequested(both, NOW)).isEqualTo(Duration.ofSeconds(1));
    assertThat(Backoff.serverRequested(Headers.of("Retry-After", "soon"), NOW)).isNull();
    assertThat(Backoff.serverRequested(Headers.of(), NOW)).isNull();
  }
}
