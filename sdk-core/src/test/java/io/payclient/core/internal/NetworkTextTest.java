package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ProtocolException;
import org.junit.jupiter.api.Test;

class NetworkTextTest {
  static final String KEY = "sk_test_0123456789abcdefghijKLMNOP";
  private final NetworkText text = new NetworkText(KEY);

  /** Whether any run of 8 or more characters of the key appears in the text. */
  static boolean leaks(String s, String key) {
    for (int i = 0; i + 8 <= key.length(); i++) {
      if (s.contains(key.substring(i, i + 8))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void removesTheWholeKeyAndEveryPartOfEightOrMore() {
    String echoed =
        "invalid key "
            + KEY
            + "; first half "
            + KEY.substring(0, 17)
            + "; middle "
            + KEY.substring(9, 19)
            + "; last eight "
            + KEY.substring(KEY.length() - 8);
    String cleaned = text.redact(echoed);
    assertThat(leaks(cleaned, KEY)).as(cleaned).isFalse();
    assertThat(cleaned).startsWith("invalid key [REDACTED]; first half [REDACTED]");
  }

  @Test
  void eightCharactersOfTheKeyAreTheKeyEvenItsPublicPrefix() {
    assertThat(text.redact("a key sk_test_ something")).isEqualTo("a key [REDACTED] something");
  }

  @Test
  void shortRunsOfTheKeyAndOrdinaryTextStay() {
    String s = "sk_test is seven characters of it; so is 0123456; an ordinary message";
    assertThat(text.redact(s)).isEqualTo(s);
  }

  @Test
  void redactsBeforeCuttingSoAKeyAcrossTheCutLeaksNothing() {
    String body = "x".repeat(2030) + KEY + " tail";
    String cut = text.clean(body, 2048);
    assertThat(leaks(cut, KEY)).as(cut).isFalse();
    assertThat(cut).hasSizeLessThanOrEqualTo(2049).startsWith("x".repeat(2030) + "[REDACTED]");
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    String s = "ab\uD83D\uDE00cd";
    assertThat(NetworkText.cut(s, 3)).isEqualTo("ab…");
    assertThat(NetworkText.cut(s, 4)).isEqualTo("ab\uD83D\uDE00…");
    assertThat(NetworkText.cut(s, 10)).isEqualTo(s);
  }

  @Test
  void aShortKeyIsRemovedWhereItOccursWhole() {
    NetworkText shortKey = new NetworkText("abc");
    assertThat(shortKey.redact("xabcx")).isEqualTo("x[REDACTED]x");
  }

  @Test
  void cleanedCausesKeepNoPartOfTheKeyInMessagesOrStackTraceText() {
    IOException inner = new IOException("connection to " + KEY.substring(3, 20) + " reset");
    ProtocolException outer = new ProtocolException("Unexpected status line: HTTP/1.1 200 " + KEY);
    outer.initCause(inner);
    outer.addSuppressed(new IllegalStateException(KEY));
    Throwable cleaned = text.cleanThrowable(outer);
    StringWriter trace = new StringWriter();
    cleaned.printStackTrace(new PrintWriter(trace));
    assertThat(leaks(trace.toString(), KEY)).as(trace.toString()).isFalse();
    assertThat(cleaned.toString()).startsWith("java.net.ProtocolException: Unexpected status line");
    assertThat(cleaned.getStackTrace()).isEqualTo(outer.getStackTrace());
    assertThat(cleaned.getCause()).isNotNull();
  }

  @Test
  void aCleanExceptionIsKeptAsItIs() {
    IOException e = new IOException("connection refused");
    assertThat(text.cleanThrowable(e)).isSameAs(e);
  }
}
