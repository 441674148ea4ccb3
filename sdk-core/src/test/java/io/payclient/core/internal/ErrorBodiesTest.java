package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import io.payclient.core.FieldError;
import java.io.IOException;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {
  private static JsonReader reader(String json) {
    return JsonReader.of(new Buffer().writeUtf8(json));
  }

  private static List<FieldError> fieldErrors(String json) throws IOException {
    JsonReader r = reader(json);
    List<FieldError> out = ErrorBodies.fieldErrors(r);
    assertThat(r.peek()).isEqualTo(JsonReader.Token.END_DOCUMENT); // the whole value was read
    return out;
  }

  @Test
  void readsFieldMessageAndCode() throws IOException {
    assertThat(
            fieldErrors(
                "[{\"field\":\"amount\",\"message\":\"too big\",\"code\":\"max\",\"x\":[1]},"
                    + "{\"field\":\"currency\",\"code\":\"invalid_currency\"},"
                    + "{\"message\":\"bad request\"},"
                    + "{\"field\":\"  \"}]"))
        .containsExactly(
            new FieldError("amount", "too big", "max"),
            new FieldError("currency", "invalid_currency", "invalid_currency"),
            new FieldError(ErrorBodies.REQUEST, "bad request", null),
            new FieldError(ErrorBodies.REQUEST, "invalid", null));
  }

  @Test
  void stringEntriesAreAboutTheRequestAndOtherShapesAreSkipped() throws IOException {
    assertThat(fieldErrors("[\"first\",1,null,[2],{\"field\":\"f\",\"message\":3}]"))
        .containsExactly(
            FieldError.of(ErrorBodies.REQUEST, "first"), new FieldError("f", "3", null));
    assertThat(fieldErrors("{\"field\":\"f\"}")).isEmpty();
    assertThat(fieldErrors("\"text\"")).isEmpty();
  }

  @Test
  void keepsAtMostTheLimitOfFieldErrorsAndCutsLongTexts() throws IOException {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < Limits.MAX_FIELD_ERRORS + 50; i++) {
      json.append(i == 0 ? "" : ",").append("{\"field\":\"f").append(i).append("\"}");
    }
    json.append(",\"").append("x".repeat(Limits.MAX_PARSED_TEXT_CHARS * 2)).append("\"]");
    assertThat(fieldErrors(json.toString())).hasSize(Limits.MAX_FIELD_ERRORS);

    List<FieldError> long1 =
        fieldErrors("[\"" + "y".repeat(Limits.MAX_PARSED_TEXT_CHARS * 2) + "\"]");
    assertThat(long1.get(0).message()).hasSize(Limits.MAX_PARSED_TEXT_CHARS + 1).endsWith("…");
  }

  @Test
  void textReadsScalarsAndSkipsStructures() throws IOException {
    JsonReader r = reader("[\"a\",12.50,true,null,{\"k\":1},[1,2]]");
    r.beginArray();
    assertThat(ErrorBodies.text(r)).isEqualTo("a");
    assertThat(ErrorBodies.text(r)).isEqualTo("12.50");
    assertThat(ErrorBodies.text(r)).isEqualTo("true");
    assertThat(ErrorBodies.text(r)).isNull();
    assertThat(ErrorBodies.text(r)).isNull();
    assertThat(ErrorBodies.text(r)).isNull();
    r.endArray();
    JsonReader big = reader("\"" + "z".repeat(Limits.MAX_PARSED_TEXT_CHARS + 10) + "\"");
    assertThat(ErrorBodies.text(big)).hasSize(Limits.MAX_PARSED_TEXT_CHARS + 1).endsWith("…");
  }

  @Test
  void orElseFallsBackOnNullAndBlank() {
    assertThat(ErrorBodies.orElse(null, "f")).isEqualTo("f");
    assertThat(ErrorBodies.orElse(" ", "f")).isEqualTo("f");
    assertThat(ErrorBodies.orElse("v", "f")).isEqualTo("v");
  }
}
