package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private static final Duration BASE = Duration.ofMillis(500);
  private static final Duration CAP = Duration.ofSeconds(8);

  @Test
  void ceilingDoublesFromHalfASecondUpToEightSeconds() {
    assertThat(Backoff.ceilingNanos(1, BASE, CAP)).isEqualTo(Duration.ofMillis(500).toNanos());
    assertThat(Backoff.ceilingNanos(2, BASE, CAP)).isEqualTo(Duration.ofMillis(1000).toNanos());
    assertThat(Backoff.ceilingNanos(4, BASE, CAP)).isEqualTo(Duration.ofMillis(4000).toNanos());
    assertThat(Backoff.ceilingNanos(5, BASE, CAP)).isEqualTo(CAP.toNanos());
    assertThat(Backoff.ceilingNanos(60, BASE, CAP)).isEqualTo(CAP.toNanos());
  }

  @RepeatedTest(20)
  void fullJitterStaysWithinTheCeiling() {
    Duration d = Backoff.fullJitter(3, BASE, CAP);
    assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(2000));
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    io.payclient.core.ClientOptions o = io.payclient.core.ClientOptions.builder().build();
    assertThat(o.backoffBase()).isEqualTo(BASE);
    assertThat(o.backoffCap()).isEqualTo(CAP);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                io.payclient.core.ClientOptions.builder()
                    .backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
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

  @Test
  void fractionalAndNegativeServerWaits() {
    assertThat(Backoff.serverRequested(Headers.of("Retry-After", "1.5"), NOW))
        .isEqualTo(Duration.ofMillis(1500));
    // Not delay-seconds (RFC 9110): ignored, so the client's own backoff applies.
    assertThat(Backoff.serverRequested(Headers.of("Retry-After", "-3"), NOW)).isNull();
    assertThat(Backoff.serverRequested(Headers.of("Retry-After", " "), NOW)).isNull();
    assertThat(Backoff.serverRequested(Headers.of("X-RateLimit-Reset", "soon"), NOW)).isNull();
    assertThat(Backoff.serverRequested(Headers.of("X-RateLimit-Reset", "0.25"), NOW))
        .isEqualTo(Duration.ofMillis(250));
    assertThat(Backoff.ceilingNanos(0, Duration.ofMillis(1), Duration.ofDays(365)))
        .isEqualTo(Duration.ofMillis(1).toNanos());
    assertThat(Backoff.ceilingNanos(30, Duration.ofDays(1), Duration.ofDays(365 * 100)))
        .isEqualTo(Duration.ofDays(365 * 100).toNanos());
  }
}
