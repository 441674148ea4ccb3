package io.payclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {
  @Test
  void theTourRunsOnTheEmbeddedFakes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8), name -> null).run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("lago          embedded fake at http://127.0.0.1:");
    assertThat(out).contains("billingrails  embedded fake at http://127.0.0.1:");
    assertThat(out).contains("paygentic     embedded fake at http://127.0.0.1:");
    assertThat(out).containsPattern("create\\+retrieve +lago +[0-9a-f-]{36} +SUCCEEDED +12.50 USD");
    assertThat(out).containsPattern("create\\+retrieve +billingrails +\\S+ +SUCCEEDED +42.00 EUR");
    assertThat(out)
        .containsPattern("create\\+retrieve +paygentic +pay_\\S+ +PENDING +25.00 USD +https?://");
    assertThat(out).containsPattern("neutral create +paygentic +pay_\\S+ +PENDING +9.99 EUR");
    assertThat(out)
        .contains("validation error (nothing sent): [amount_cents:", "reference: must be 1 to 40");
    assertThat(out)
        .contains("vendor refusal (HTTP 422 expected: ", "more than the invoice's amount due")
        .contains("InvalidRequestException: lago HTTP 422 validation_errors");
    assertThat(out).contains("3. The newest payments of each vendor");
    assertThat(out).containsPattern("list +lago +[0-9a-f-]{36} +SUCCEEDED +12.50 USD");
    assertThat(out).containsPattern("list +billingrails +\\S+ +SUCCEEDED +42.00 EUR");
    assertThat(out).containsPattern("list +paygentic +pay_\\S+ +PENDING +9.99 EUR");
    assertThat(out).containsPattern("idempotent retry: .* payments created: 1");
    assertThat(out).contains("4. Following payments:");
    assertThat(out)
        .containsPattern(
            "verified +paygentic +payment\\.completed\\.v0 +msg_\\S+ +pay_\\S+ SUCCEEDED");
    assertThat(out)
        .containsPattern(
            "verified +billingrails +payment\\.succeeded +evt_\\S+ +pay_\\S+ SUCCEEDED");
    assertThat(out)
        .containsPattern(
            "verified +lago +payment_request\\.payment_status_updated +[0-9a-f-]{36} +[0-9a-f-]{36}"
                + " SUCCEEDED");
    assertThat(out).containsPattern("refused +paygentic +HTTP 400, BAD_SIGNATURE: ");
    assertThat(out).doesNotContain("no webhook arrived", "skipped");
  }

  @Test
  void aVendorOnTheRealServiceSkipsFollowingItsPayments() {
    // The tour itself is not run (it would call the real service): the skip lines come from the
    // same check the tour makes before following payments.
    assertThat(skipLine("PAYGENTIC"))
        .isEqualTo(
            "  paygentic: skipped (runs against the real service; its webhooks need a public URL)");
  }

  private static String skipLine(String vendor) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Demo(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            name -> name.equals(vendor + "_API_KEY") ? "set" : null)
        .printSkips();
    return bytes.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
  }
}
