package io.payclient.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiExceptionTest {
  @ParameterizedTest
  @CsvSource({
    "400, InvalidRequestException, false",
    "401, AuthenticationException, false",
    "403, PermissionException, false",
    "404, NotFoundException, false",
    "405, InvalidRequestException, false",
    "408, ApiException, true",
    "409, ConflictException, false",
    "418, ApiException, false",
    "422, InvalidRequestException, false",
    "429, RateLimitException, false",
    "500, ServerException, true",
    "503, ServerException, true"
  })
  void picksTheTypeByStatus(int status, String type, boolean unknownForCreate) {
    ApiError e =
        new ApiError(
            status,
            "code_x",
            "Boom",
            List.of(FieldError.of("amount_cents", "invalid_value")),
            "req-1",
            "{}",
            Duration.ofSeconds(3));
    ApiException ex = ApiException.of(e, new PayClientException.Context("lago", "k-1", 2), true);
    assertThat(ex.getClass().getSimpleName()).isEqualTo(type);
    assertThat(ex.outcomeUnknown()).isEqualTo(unknownForCreate);
    assertThat(ex.httpStatus()).isEqualTo(status);
    assertThat(ex.idempotencyKey()).isEqualTo("k-1");
    assertThat(ex.attempts()).isEqualTo(2);
    assertThat(ex.getMessage())
        .contains("lago HTTP " + status)
        .contains("code_x")
        .contains("amount_cents: invalid_value")
        .contains("req-1");
    if (ex instanceof RateLimitException rl) {
      assertThat(rl.retryAfter()).contains(Duration.ofSeconds(3));
    }
  }
}
