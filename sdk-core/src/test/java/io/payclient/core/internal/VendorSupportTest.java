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
  void generatedKeysAreDistinctVersion4UuidsOnEveryThread() throws Exception {
    int threads = 8;
    int perThread = 20_000;
    java.util.Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();
    int[] bitsSet = new int[128]; // how often each of the 128 bits is 1, over all keys
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.List<java.util.concurrent.Future<java.util.List<String>>> results =
          new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  java.util.List<String> mine = new java.util.ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    mine.add(RandomKeys.uuid());
                  }
                  return mine;
                }));
      }
      for (java.util.concurrent.Future<java.util.List<String>> f : results) {
        for (String key : f.get()) {
          assertThat(keys.add(key)).as("duplicate key %s", key).isTrue();
          java.util.UUID uuid = java.util.UUID.fromString(key);
          assertThat(uuid.version()).isEqualTo(4);
          assertThat(uuid.variant()).isEqualTo(2);
          assertThat(uuid.toString()).isEqualTo(key); // canonical lower-case form
          for (int bit = 0; bit < 64; bit++) {
            bitsSet[bit] += (int) ((uuid.getMostSignificantBits() >>> bit) & 1);
            bitsSet[64 + bit] += (int) ((uuid.getLeastSignificantBits() >>> bit) & 1);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(keys).hasSize(threads * perThread);
    int n = threads * perThread;
    // The 6 fixed bits (version 0100 at msb 12..15, variant 10 at lsb 62..63) are constant; every
    // other bit is 1 in about half the keys (a stuck or biased generator fails this).
    java.util.Set<Integer> fixed = java.util.Set.of(12, 13, 14, 15, 64 + 62, 64 + 63);
    for (int bit = 0; bit < 128; bit++) {
      if (!fixed.contains(bit)) {
        assertThat(bitsSet[bit]).as("bit %d", bit).isBetween(n * 48 / 100, n * 52 / 100);
      }
    }
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
