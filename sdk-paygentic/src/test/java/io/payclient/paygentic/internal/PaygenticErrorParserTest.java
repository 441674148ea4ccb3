package io.payclient.paygentic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.ApiError;
import io.payclient.core.FieldError;
import io.payclient.paygentic.Fixtures;
import org.junit.jupiter.api.Test;

class PaygenticErrorParserTest {
  private static ApiError parse(int status, String json) throws Exception {
    return PaygenticErrorParser.INSTANCE.parse(status, Fixtures.reader(json));
  }

  @Test
  void theErrorShapeUsesErrorAsTheCodeWhenThereIsNoCode() throws Exception {
    ApiError e = parse(404, Fixtures.read("error-not-found.json"));
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.code()).isEqualTo("not_found");
    assertThat(e.message()).isEqualTo("The requested resource was not found");
    assertThat(e.fieldErrors()).isEmpty();
  }

  @Test
  void theBusinessCodeWinsAndDetailsGoIntoTheMessage() throws Exception {
    ApiError e = parse(400, Fixtures.read("error-business.json"));
    assertThat(e.code()).isEqualTo("TAX_NOT_ENABLED");
    assertThat(e.message())
        .startsWith("Tax is not enabled for this merchant (error: bad_request) (details: {")
        .contains("\"merchantId\": \"org_9\"");
    assertThat(e.fieldErrors()).isEmpty();
  }

  @Test
  void theValidationShapeIsToldApartByErrors() throws Exception {
    ApiError e = parse(400, Fixtures.read("error-validation.json"));
    assertThat(e.code()).isEqualTo("validation_error");
    assertThat(e.message()).isEqualTo("Validation failed");
    assertThat(e.fieldErrors())
        .containsExactly(
            new FieldError("email", "Invalid email format", "invalid_format"),
            new FieldError("amount", "Amount exceeds your limit", null));
  }

  @Test
  void missingPartsFallBackWithoutFailing() throws Exception {
    ApiError empty = parse(500, "{}");
    assertThat(empty.code()).isNull();
    assertThat(empty.message()).isEqualTo("HTTP 500");
    ApiError onlyError = parse(403, "{\"error\":\"forbidden\",\"unknown\":[1]}");
    assertThat(onlyError.code()).isEqualTo("forbidden");
    assertThat(onlyError.message()).isEqualTo("forbidden");
    ApiError oddErrors =
        parse(400, "{\"message\":\"m\",\"errors\":[1,{\"code\":\"too_long\"},{\"field\":\"x\"}]}");
    assertThat(oddErrors.code()).isNull();
    assertThat(oddErrors.fieldErrors())
        .containsExactly(
            new FieldError("<request>", "too_long", "too_long"),
            new FieldError("x", "invalid", null));
    ApiError errorsNotAList = parse(400, "{\"message\":\"m\",\"errors\":\"bad\",\"details\":{}}");
    assertThat(errorsNotAList.fieldErrors()).isEmpty();
    assertThat(errorsNotAList.message()).isEqualTo("m");
  }
}
