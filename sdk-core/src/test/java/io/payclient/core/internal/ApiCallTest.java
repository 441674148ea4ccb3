package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link ApiCall.Builder} hands its paths, query and headers over to the call it builds, so it
 * builds once and changes nothing after.
 */
class ApiCallTest {
  private static ApiCall.Builder<String> builder() {
    return ApiCall.post("{}".getBytes(StandardCharsets.UTF_8), (status, r) -> "x")
        .path("payments")
        .id("p1")
        .query("page", 2)
        .header("Idempotency-Key", "k1")
        .header("X-Other", "v");
  }

  @Test
  void theCallKeepsWhatTheBuilderWasGivenInItsOrder() {
    ApiCall<String> call = builder().build();
    assertThat(call.pathSegments).containsExactly("payments", "p1");
    assertThat(call.query)
        .singleElement()
        .satisfies(q -> assertThat(q).containsExactly("page", "2"));
    assertThat(call.headers.keySet()).containsExactly("Idempotency-Key", "X-Other");
    assertThat(call.template()).isEqualTo("payments/{id}");
    assertThatThrownBy(() -> call.pathSegments.add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> call.headers.put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aBuilderBuildsOnceAndChangesNothingAfter() {
    ApiCall.Builder<String> b = builder();
    ApiCall<String> call = b.build();
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.path("more")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.id("p2")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.query("a", "b")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.header("a", "b")).isInstanceOf(IllegalStateException.class);
    assertThat(call.pathSegments).containsExactly("payments", "p1");
    assertThat(call.headers).hasSize(2);
  }

  @Test
  void noQueryAndNoHeadersAreTheSharedEmptyCollections() {
    ApiCall<String> call = ApiCall.get((status, r) -> "x").path("payments").build();
    assertThat(call.query).isSameAs(java.util.List.of());
    assertThat(call.headers).isSameAs(java.util.Map.of());
  }
}
