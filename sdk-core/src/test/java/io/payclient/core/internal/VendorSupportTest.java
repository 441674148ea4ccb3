package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payclient.core.ClientOptions;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class VendorSupportTest {
  @Test
  void idempotencyKeys() {
    RequestOptions none = RequestOptions.none();
    String generated = VendorSupport.idempotencyKey("v", "Idempotency-Key", null, none, 180);
    assertThat(generated).matches("[0-9a-f-]{36}");
    assertThat(VendorSupport.idempotencyKey("v", "Idempotency-Key", null, none, 180))
        .isNotEqualTo(generated);
    assertThat(VendorSupport.idempotencyKey("v", "k", "from-request", none, 180))
        .isEqualTo("from-request");
    RequestOptions opts = RequestOptions.builder().idempotencyKey("from-options").build();
    assertThat(VendorSupport.idempotencyKey("v", "k", "from-request", opts, 180))
        .isEqualTo("from-options");
    assertThatThrownBy(
            () -> VendorSupport.idempotencyKey("v", "Idempotency-Key", "x".repeat(181), none, 180))
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("Idempotency-Key"));
    assertThatThrownBy(() -> VendorSupport.idempotencyKey("v", "k", "a\nb", none, 180))
        .hasMessageContaining("printable ASCII");
    assertThatThrownBy(() -> VendorSupport.idempotencyKey("v", "k", " ", none, 180))
        .hasMessageContaining("blank");
  }

  @Test
  void apiKeysAndBaseUrls() {
    try {
      VendorSupport.environmentLookup(name -> name.equals("X_KEY") ? "env-key" : null);
      assertThat(VendorSupport.apiKey(ClientOptions.builder().build(), "v", "X_KEY"))
          .isEqualTo("env-key");
      assertThat(VendorSupport.apiKey(ClientOptions.builder().apiKey("own").build(), "v", "X_KEY"))
          .isEqualTo("own");
      assertThatThrownBy(() -> VendorSupport.apiKey(ClientOptions.builder().build(), "v", "Y_KEY"))
          .hasMessageContaining("Y_KEY");
    } finally {
      VendorSupport.environmentLookup(System::getenv);
    }
    assertThat(
            VendorSupport.baseUrl(ClientOptions.builder().build(), "https://default.test/v1")
                .host())
        .isEqualTo("default.test");
    assertThat(
            VendorSupport.baseUrl(
                    ClientOptions.builder().baseUrl("http://127.0.0.1:9/v1").build(),
                    "https://d.test")
                .port())
        .isEqualTo(9);
  }

  @Test
  void asyncTurnsEarlyFailuresIntoFailedFutures() {
    CompletableFuture<String> f =
        VendorSupport.async(
            () -> {
              throw new IllegalArgumentException("bad");
            });
    assertThat(f).isCompletedExceptionally();
    assertThat(VendorSupport.<String>async(() -> CompletableFuture.completedFuture("ok")).join())
        .isEqualTo("ok");
  }
}
