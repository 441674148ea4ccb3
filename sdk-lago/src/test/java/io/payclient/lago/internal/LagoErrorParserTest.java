package io.payclient.lago.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.ApiError;
import io.payclient.core.FieldError;
import io.payclient.lago.Fixtures;
import org.junit.jupiter.api.Test;

class LagoErrorParserTest {
  private static ApiError parse(int status, String key) throws Exception {
    return LagoErrorParser.INSTANCE.parse(status, Fixtures.reader(Fixtures.errorBody(key)));
  }

  @Test
  void validationErrorsBecomeFieldErrors() throws Exception {
    ApiError e = parse(422, "422_validation");
    assertThat(e.code()).isEqualTo("validation_errors");
    assertThat(e.message()).isEqualTo("Unprocessable Entity");
    assertThat(e.fieldErrors())
        .containsExactly(
            new FieldError("amount_cents", "invalid_value", "invalid_value"),
            new FieldError("amount_cents", "value_is_out_of_range", "value_is_out_of_range"),
            new FieldError("paid_at", "invalid_date", "invalid_date"));
  }

  @Test
  void otherDetailShapesGoIntoTheMessage() throws Exception {
    ApiError provider = parse(422, "422_provider");
    assertThat(provider.code()).isEqualTo("provider_error");
    assertThat(provider.fieldErrors()).isEmpty();
    assertThat(provider.message()).contains("code=card_declined", "Your card was declined.");
    ApiError string = parse(422, "422_string");
    assertThat(string.message()).isEqualTo("Unprocessable Entity (plain text details)");
  }

  @Test
  void codeAndErrorWithoutDetails() throws Exception {
    ApiError missingRoot = parse(400, "400");
    assertThat(missingRoot.code()).isNull();
    assertThat(missingRoot.message()).startsWith("BadRequest: param is missing");
    ApiError notFound = parse(404, "404");
    assertThat(notFound.code()).isEqualTo("invoice_not_found");
    assertThat(notFound.message()).isEqualTo("Not Found");
  }
}
