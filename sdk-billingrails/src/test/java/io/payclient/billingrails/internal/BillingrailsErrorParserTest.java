package io.payclient.billingrails.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.billingrails.Fixtures;
import io.payclient.core.ApiError;
import io.payclient.core.FieldError;
import io.payclient.core.internal.CoreAccess;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingrailsErrorParserTest {
  private static ApiError parse(int status, String json) throws Exception {
    return BillingrailsErrorParser.INSTANCE.parse(status, Fixtures.reader(json));
  }

  private static ApiError fixture(int status, String key) throws Exception {
    return parse(status, Fixtures.errorBody(key));
  }

  private static ApiError conflict(String code, String message) {
    return CoreAccess.get().apiError(409, code, message, List.of(), null, null, null);
  }

  @Test
  void theNestedMessageIsReadNotUnknownError() throws Exception {
    ApiError e = fixture(400, "400_validation");
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("validation_error");
    assertThat(e.message()).isEqualTo("Validation error (type=request_error)");
    assertThat(e.fieldErrors())
        .containsExactly(new FieldError("account", "Account is required.", "missing"));
    assertThat(e.requestId()).isNull();
  }

  @Test
  void detailsWithAndWithoutCodes() throws Exception {
    ApiError e = fixture(422, "422_validation");
    assertThat(e.fieldErrors())
        .containsExactly(
            new FieldError("reference_id", "Reference is required.", null),
            new FieldError("invoice_id", "Invoice is already paid.", "invalid_state"));
  }

  @Test
  void rateLimitWithoutDetails() throws Exception {
    ApiError e = fixture(429, "429");
    assertThat(e.code()).isEqualTo("too_many_requests");
    assertThat(e.message())
        .isEqualTo("Too many requests. Please try again later. (type=request_error)");
    assertThat(e.fieldErrors()).isEmpty();
    assertThat(e.retryAfter()).isNull();
  }

  @Test
  void flatFallbackAndOtherShapes() throws Exception {
    ApiError flat = fixture(404, "flat");
    assertThat(flat.code()).isEqualTo("invalid_request_url");
    assertThat(flat.message()).isEqualTo("Invalid request URL.");

    ApiError text = parse(401, "{\"error\":\"Unauthorized\"}");
    assertThat(text.message()).isEqualTo("Unauthorized");
    assertThat(text.code()).isNull();

    ApiError nestedWins =
        parse(
            400,
            "{\"message\":\"top\",\"code\":\"top_code\","
                + "\"error\":{\"message\":\"nested\",\"code\":\"nested_code\"},"
                + "\"meta\":{\"request_id\":\"req_9\"}}");
    assertThat(nestedWins.message()).isEqualTo("nested");
    assertThat(nestedWins.code()).isEqualTo("nested_code");
    assertThat(nestedWins.requestId()).isEqualTo("req_9");

    ApiError flatDetails =
        parse(
            422,
            "{\"message\":\"Bad\",\"request_id\":\"req_2\","
                + "\"details\":[{\"field\":\"mode\",\"message\":\"Invalid\"},\"loose text\",3,"
                + "{\"code\":\"only_code\"}]}");
    assertThat(flatDetails.requestId()).isEqualTo("req_2");
    assertThat(flatDetails.fieldErrors())
        .containsExactly(
            new FieldError("mode", "Invalid", null),
            FieldError.of("<request>", "loose text"),
            new FieldError("<request>", "only_code", "only_code"));

    ApiError empty = parse(500, "{\"error\":{}}");
    assertThat(empty.message()).isEqualTo("HTTP 500");
    assertThat(empty.code()).isNull();

    ApiError odd = parse(400, "{\"error\":{\"message\":\"m\",\"details\":\"not a list\"}}");
    assertThat(odd.message()).isEqualTo("m");
    assertThat(odd.fieldErrors()).isEmpty();
  }

  @Test
  void anInFlight409IsTransient() throws Exception {
    assertThat(BillingrailsErrorParser.INSTANCE.isTransient(fixture(409, "409_in_flight")))
        .isTrue();
    assertThat(BillingrailsErrorParser.INSTANCE.isTransient(conflict("request_in_progress", "x")))
        .isTrue();
    assertThat(
            BillingrailsErrorParser.INSTANCE.isTransient(
                conflict(null, "Another request with this key is being processed")))
        .isTrue();
    assertThat(
            BillingrailsErrorParser.INSTANCE.isTransient(
                conflict("conflict", "Concurrent request with the same Idempotency-Key")))
        .isTrue();
  }

  @Test
  void a409ForADifferentBodyOrOfUnknownMeaningIsNotTransient() throws Exception {
    assertThat(BillingrailsErrorParser.INSTANCE.isTransient(fixture(409, "409_mismatch")))
        .isFalse();
    assertThat(
            BillingrailsErrorParser.INSTANCE.isTransient(
                conflict("idempotency_error", "Request body does not match the original request")))
        .isFalse();
    // a mismatch wins even when the text also talks about progress
    assertThat(
            BillingrailsErrorParser.INSTANCE.isTransient(
                conflict(
                    "request_in_progress", "Key reused with a different body while in progress")))
        .isFalse();
    assertThat(BillingrailsErrorParser.INSTANCE.isTransient(conflict("conflict", "Conflict")))
        .isFalse();
  }

  @Test
  void onlyA409CanBeTransient() {
    ApiError inFlightText =
        CoreAccess.get()
            .apiError(400, "request_in_progress", "still in progress", List.of(), null, null, null);
    assertThat(BillingrailsErrorParser.INSTANCE.isTransient(inFlightText)).isFalse();
  }
}
