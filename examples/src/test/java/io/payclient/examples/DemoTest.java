package io.payclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DemoTest {
  @Test
  void theTourRunsOnTheEmbeddedFake() throws Exception {
    Assumptions.assumeTrue(System.getenv("LAGO_API_KEY") == null, "runs on the fake only");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("embedded fake server at http://127.0.0.1:");
    assertThat(out).containsPattern("typed create +lago +[0-9a-f-]{36} +SUCCEEDED +12.50 USD");
    assertThat(out).containsPattern("neutral create +lago +[0-9a-f-]{36} +SUCCEEDED +7.25 USD");
    assertThat(out).containsPattern("retrieve +lago +[0-9a-f-]{36} +SUCCEEDED +7.25 USD");
    assertThat(out)
        .contains("validation error (nothing sent): [amount_cents:", "reference: must be 1 to 40");
    assertThat(out)
        .contains("server error: InvalidRequestException: lago HTTP 422 validation_errors");
    assertThat(out).contains("value_is_out_of_range");
    assertThat(out).contains("payments created on the fake server: 2");
  }
}
