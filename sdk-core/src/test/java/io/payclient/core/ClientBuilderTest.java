package io.payclient.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ClientBuilderTest {
  /** A minimal vendor builder that exposes the options it collected. */
  static final class TestBuilder extends ClientBuilder<TestBuilder, ClientOptions> {
    @Override
    protected TestBuilder self() {
      return this;
    }

    @Override
    public ClientOptions build() {
      return clientOptions();
    }
  }

  @Test
  void everySharedSettingReachesTheOptions() {
    OkHttpClient http = new OkHttpClient();
    PaymentsListener listener = new PaymentsListener() {};
    ClientOptions o =
        new TestBuilder()
            .apiKey("k")
            .baseUrl("https://x.test")
            .connectTimeout(Duration.ofSeconds(1))
            .readTimeout(Duration.ofSeconds(2))
            .writeTimeout(Duration.ofSeconds(3))
            .timeout(Duration.ofSeconds(4))
            .maxRetries(5)
            .maxRetryDelay(Duration.ofSeconds(6))
            .maxResponseBytes(7)
            .okHttpClient(http)
            .userAgentSuffix("app/1")
            .listener(listener)
            .allowInsecureHttp(true)
            .logBodies(true)
            .backoff(Duration.ofMillis(8), Duration.ofMillis(9))
            .build();
    assertThat(o.apiKey()).contains("k");
    assertThat(o.baseUrl()).contains("https://x.test");
    assertThat(o.connectTimeout()).hasSeconds(1);
    assertThat(o.readTimeout()).hasSeconds(2);
    assertThat(o.writeTimeout()).hasSeconds(3);
    assertThat(o.timeout()).hasSeconds(4);
    assertThat(o.maxRetries()).isEqualTo(5);
    assertThat(o.maxRetryDelay()).hasSeconds(6);
    assertThat(o.maxResponseBytes()).isEqualTo(7);
    assertThat(o.okHttpClient()).containsSame(http);
    assertThat(o.userAgentSuffix()).contains("app/1");
    assertThat(o.listener()).isSameAs(listener);
    assertThat(o.allowInsecureHttp()).isTrue();
    assertThat(o.logBodies()).isTrue();
    assertThat(o.backoffBase()).isEqualTo(Duration.ofMillis(8));
    assertThat(o.backoffCap()).isEqualTo(Duration.ofMillis(9));
    assertThat(o.toBuilder().build().toString()).isEqualTo(o.toString());
    assertThat(new TestBuilder().options(o).maxRetries(0).build().maxRetries()).isZero();
    assertThat(new TestBuilder().listener(null).build().listener()).isSameAs(PaymentsListener.NONE);
  }
}
