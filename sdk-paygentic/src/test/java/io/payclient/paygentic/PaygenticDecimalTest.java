package io.payclient.paygentic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written decimal check keeps the documented rule, {@code ^\d+(\.\d{1,2})?$}. */
class PaygenticDecimalTest {
  @Test
  void agreesWithTheDocumentedPatternOnRandomTexts() {
    // Digits, the dot, and what a careless check would let through: other digits, signs, spaces.
    String alphabet = "0123456789..-+ e\u0663\uFF11\n";
    SplittableRandom random = new SplittableRandom(19);
    for (int i = 0; i < 200_000; i++) {
      int length = random.nextInt(7);
      StringBuilder s = new StringBuilder(length);
      for (int j = 0; j < length; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      assertThat(PaygenticPaymentCreateRequest.isDecimal(text))
          .as("'%s'", text)
          .isEqualTo(PaygenticPaymentCreateRequest.DECIMAL.matcher(text).matches());
    }
  }

  @Test
  void knownCases() {
    for (String ok : new String[] {"0", "10", "10.5", "10.50", "0005000.00"}) {
      assertThat(PaygenticPaymentCreateRequest.isDecimal(ok)).as(ok).isTrue();
    }
    for (String bad :
        new String[] {"", ".5", "10.", "10.505", "1e3", "-1", "1 ", "\u0663", "1.2.3"}) {
      assertThat(PaygenticPaymentCreateRequest.isDecimal(bad)).as(bad).isFalse();
    }
  }
}
