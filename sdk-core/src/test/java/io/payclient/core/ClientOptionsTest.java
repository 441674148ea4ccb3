package io.payclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {
  private static final String KEY = "sk_test_SECRETSECRET123";

  @Test
  void defaults() {
    ClientOptions o = ClientOptions.builder().build();
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.maxRetries()).isEqualTo(2);
    assertThat(o.maxResponseBytes()).isEqualTo(8L * 1024 * 1024);
    assertThat(o.listener()).isSameAs(PaymentsListener.NONE);
    assertThat(o.allowInsecureHttp()).isFalse();
  }

  @Test
  void toStringNeverShowsTheKey() {
    ClientOptions o = ClientOptions.builder().apiKey(KEY).baseUrl("https://x").build();
    assertThat(o.toString()).doesNotContain(KEY).contains("apiKey=****");
    assertThat(o.toBuilder().build().apiKey()).contains(KEY);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> ClientOptions.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> ClientOptions.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> RequestOptions.builder().maxRetries(-2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requestOptions() {
    RequestOptions r = RequestOptions.builder().idempotencyKey("k").maxRetries(0).build();
    assertThat(r.idempotencyKey()).contains("k");
    assertThat(r.maxRetries().getAsInt()).isZero();
    assertThat(r.toBuilder().build()).isEqualTo(r);
    assertThat(RequestOptions.none().idempotencyKey()).isEmpty();
  }

  @Test
  void requestOptionsEdges() {
    assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    RequestOptions r =
        RequestOptions.builder().timeout(Duration.ofSeconds(2)).maxRetries(null).build();
    assertThat(r.timeout()).contains(Duration.ofSeconds(2));
    assertThat(r.maxRetries()).isEmpty();
    assertThat(r).isNotEqualTo(RequestOptions.none()).isNotEqualTo("x");
    assertThat(r.hashCode()).isEqualTo(r.toBuilder().build().hashCode());
    assertThat(r.toString()).contains("PT2S");
    assertThatThrownBy(() -> ClientOptions.builder().maxResponseBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientOptions.builder().connectTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void durationsAndCountsAreRangeCheckedWhenSetSoNothingOverflowsAfterASend() {
    Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
    assertThatThrownBy(() -> ClientOptions.builder().backoff(Duration.ofMillis(1), huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoff cap");
    assertThatThrownBy(() -> ClientOptions.builder().timeout(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> ClientOptions.builder().maxRetryDelay(Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientOptions.builder().readTimeout(Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientOptions.builder().maxRetries(101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientOptions.builder().maxResponseBytes((1L << 30) + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.builder().timeout(huge))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.builder().maxRetries(1000))
        .isInstanceOf(IllegalArgumentException.class);
    // The edges are accepted.
    assertThat(
            ClientOptions.builder()
                .timeout(Duration.ofDays(1))
                .backoff(Duration.ofDays(1), Duration.ofDays(1))
                .maxRetries(100)
                .readTimeout(Duration.ZERO)
                .build()
                .timeout())
        .isEqualTo(Duration.ofDays(1));
  }
}
