package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlsAndSecretsTest {
  @Test
  void httpsIsAlwaysFine() {
    assertThat(Urls.baseUrl("https://api.getlago.com/api/v1", false).host())
        .isEqualTo("api.getlago.com");
  }

  @Test
  void plainHttpOnlyToLoopbackUnlessAllowed() {
    assertThat(Urls.baseUrl("http://127.0.0.1:8080/v1", false).port()).isEqualTo(8080);
    assertThat(Urls.baseUrl("http://localhost/v1", false).host()).isEqualTo("localhost");
    assertThat(Urls.baseUrl("http://[::1]:9/v1", false).host()).isEqualTo("::1");
    assertThatThrownBy(() -> Urls.baseUrl("http://lago.internal/api/v1", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clear text")
        .hasMessageContaining("allowInsecureHttp");
    assertThat(Urls.baseUrl("http://lago.internal/api/v1", true).host()).isEqualTo("lago.internal");
  }

  @Test
  void rejectsNonHttpAndQueries() {
    assertThatThrownBy(() -> Urls.baseUrl("ftp://x", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Urls.baseUrl("https://x/v1?a=b", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query");
  }

  @Test
  void apiKeyChecksNeverEchoTheKey() {
    String bad = "sk_live_abc\r\nX-Evil: 1";
    assertThatThrownBy(() -> Secrets.requireValidApiKey(bad, "lago", "LAGO_API_KEY"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("sk_live_abc");
    assertThatThrownBy(() -> Secrets.requireValidApiKey(null, "lago", "LAGO_API_KEY"))
        .hasMessageContaining("LAGO_API_KEY");
    assertThat(Secrets.requireValidApiKey("abc-123", "lago", "X")).isEqualTo("abc-123");
  }

  @Test
  void redaction() {
    assertThat(Secrets.redact("key sk_1 echoed sk_1", "sk_1"))
        .isEqualTo("key [REDACTED] echoed [REDACTED]");
    assertThat(Secrets.isPrintableAscii("abc\u0000")).isFalse();
    assertThat(Secrets.isPrintableAscii("ключ")).isFalse();
    assertThat(Secrets.hasControlCharacter("a\nb")).isTrue();
  }
}
