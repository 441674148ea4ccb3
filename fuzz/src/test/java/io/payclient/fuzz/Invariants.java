package io.payclient.fuzz;

import io.payclient.core.ApiException;
import io.payclient.core.FieldError;
import io.payclient.core.PayClientException;
import io.payclient.core.internal.Limits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The invariants of issue 14, asserted on every input. Each failure names the invariant first
 * ({@code [ONLY_DOCUMENTED]}, {@code [KEY_LEAK]}, {@code [OUTCOME_UNKNOWN]}, {@code [KEY_CARRIED]},
 * {@code [DEADLINE]}, {@code [BOUNDED]}) and then what broke, so that a failing run says at once
 * which promise it is.
 */
final class Invariants {
  /** A long, distinctive API key: any 8 of its consecutive characters found anywhere is a leak. */
  static final String API_KEY = "sk_test_PAYCLIENTFUZZ9f3c2a71d84b06e5SECRETKEYq7w2z";

  static final int WINDOW = 8;

  /** Slack added to a documented cap for an ellipsis or a "[REDACTED]" marker. */
  static final int CAP_SLACK = 16;

  /** The longest exception message we accept (it may name several capped texts). */
  static final int MAX_MESSAGE_CHARS = 8 * Limits.MAX_TEXT_CHARS + Limits.MAX_RAW_BODY_CHARS;

  private Invariants() {}

  /** Fails when any {@value #WINDOW}-character piece of the key occurs in the text. */
  static void assertNoKey(String where, String text) {
    String hit = keyPiece(text);
    if (hit != null) {
      int at = text.indexOf(hit);
      throw new AssertionError(
          "[KEY_LEAK] "
              + where
              + " contains '"
              + hit
              + "' (a piece of the API key) at "
              + at
              + ": …"
              + excerpt(text, at)
              + "…");
    }
  }

  /** The first piece of the key of at least {@value #WINDOW} characters found in the text. */
  static String keyPiece(String text) {
    if (text == null || text.length() < WINDOW) {
      return null;
    }
    for (int i = 0; i + WINDOW <= API_KEY.length(); i++) {
      String piece = API_KEY.substring(i, i + WINDOW);
      if (text.contains(piece)) {
        return piece;
      }
    }
    return null;
  }

  /** Counts the places in the text where a piece of the key starts (for the matrix's figures). */
  static int keyOccurrences(String text) {
    return keyPiece(text) == null ? 0 : 1;
  }

  static String excerpt(String text, int at) {
    int from = Math.max(0, at - 40);
    int to = Math.min(text.length(), at + 60);
    return escape(text.substring(from, to));
  }

  /** Printable form of a string (controls and non-ASCII as \\uXXXX), cut at 600 characters. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 600; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    if (b.length() >= 600) {
      b.append("…(").append(s.length()).append(" chars)");
    }
    return b.toString();
  }

  /** Unwraps the exception of a future (ExecutionException, CompletionException). */
  static Throwable unwrap(Throwable t) {
    while ((t instanceof ExecutionException || t instanceof CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * Only {@link PayClientException} subclasses escape a call. Returns it.
   *
   * @param what the call, for the message
   */
  static PayClientException assertDocumented(String what, Throwable thrown) {
    Throwable t = unwrap(thrown);
    if (t instanceof PayClientException p) {
      return p;
    }
    if (t instanceof CancellationException) {
      throw new AssertionError("[ONLY_DOCUMENTED] " + what + " was cancelled by no one", t);
    }
    throw new AssertionError(
        "[ONLY_DOCUMENTED] " + what + " threw " + t.getClass().getName() + ": " + t.getMessage(),
        t);
  }

  /** Every text an exception exposes: message, toString, causes, suppressed, stack trace. */
  static List<String> texts(Throwable root) {
    List<String> out = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(root, out, seen);
    StringWriter sw = new StringWriter();
    root.printStackTrace(new PrintWriter(sw));
    out.add(sw.toString());
    return out;
  }

  private static void collect(Throwable t, List<String> out, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    out.add(String.valueOf(t.getMessage()));
    out.add(String.valueOf(t.getLocalizedMessage()));
    out.add(t.toString());
    if (t instanceof PayClientException p) {
      out.add(String.valueOf(p.idempotencyKey()));
    }
    if (t instanceof ApiException a) {
      out.add(String.valueOf(a.rawBody()));
      out.add(String.valueOf(a.code()));
      out.add(String.valueOf(a.requestId()));
      out.add(String.valueOf(a.vendorMessage()));
      out.add(String.valueOf(a.error()));
      for (FieldError f : a.fieldErrors()) {
        out.add(f.field());
        out.add(f.message());
        out.add(String.valueOf(f.code()));
        out.add(f.toString());
      }
    }
    collect(t.getCause(), out, seen);
    for (Throwable s : t.getSuppressed()) {
      collect(s, out, seen);
    }
  }

  /** No piece of the key in any text of the exception. */
  static void assertNoKeyIn(Throwable e) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    assertNoKeyRec(e, "exception", seen);
    StringWriter sw = new StringWriter();
    e.printStackTrace(new PrintWriter(sw));
    assertNoKey("the stack-trace text", sw.toString());
  }

  private static void assertNoKeyRec(Throwable t, String where, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    String name = where + " " + t.getClass().getSimpleName();
    assertNoKey(name + ".getMessage()", t.getMessage());
    assertNoKey(name + ".toString()", t.toString());
    if (t instanceof ApiException a) {
      assertNoKey(name + ".rawBody()", a.rawBody());
      assertNoKey(name + ".code()", a.code());
      assertNoKey(name + ".requestId()", a.requestId());
      assertNoKey(name + ".vendorMessage()", a.vendorMessage());
      for (FieldError f : a.fieldErrors()) {
        assertNoKey(name + " field error", f.field() + " " + f.message() + " " + f.code());
      }
    }
    assertNoKeyRec(t.getCause(), where + " cause of", seen);
    for (Throwable s : t.getSuppressed()) {
      assertNoKeyRec(s, where + " suppressed by", seen);
    }
  }

  /** Every string the exception keeps is within the documented caps (memory bounded). */
  static void assertBounded(PayClientException e) {
    bound("getMessage()", e.getMessage(), MAX_MESSAGE_CHARS);
    if (e instanceof ApiException a) {
      bound("rawBody()", a.rawBody(), Limits.MAX_RAW_BODY_CHARS + CAP_SLACK);
      bound("code()", a.code(), Limits.MAX_TEXT_CHARS + CAP_SLACK);
      bound("requestId()", a.requestId(), Limits.MAX_TEXT_CHARS + CAP_SLACK);
      bound("vendorMessage()", a.vendorMessage(), 4 * Limits.MAX_TEXT_CHARS);
      if (a.fieldErrors().size() > Limits.MAX_FIELD_ERRORS) {
        throw new AssertionError(
            "[BOUNDED] fieldErrors() has "
                + a.fieldErrors().size()
                + " entries > Limits.MAX_FIELD_ERRORS "
                + Limits.MAX_FIELD_ERRORS);
      }
      for (FieldError f : a.fieldErrors()) {
        bound("fieldErrors().field", f.field(), Limits.MAX_TEXT_CHARS + CAP_SLACK);
        bound("fieldErrors().message", f.message(), Limits.MAX_TEXT_CHARS + CAP_SLACK);
        bound("fieldErrors().code", f.code(), Limits.MAX_TEXT_CHARS + CAP_SLACK);
      }
    }
    Throwable c = e.getCause();
    for (int depth = 0; c != null; depth++, c = c.getCause()) {
      if (depth > 8) {
        throw new AssertionError("[BOUNDED] cause chain deeper than 8");
      }
      bound(
          "cause " + c.getClass().getSimpleName() + ".getMessage()",
          c.getMessage(),
          MAX_MESSAGE_CHARS);
    }
  }

  private static void bound(String what, String value, int max) {
    if (value != null && value.length() > max) {
      throw new AssertionError(
          "[BOUNDED] "
              + what
              + " has "
              + value.length()
              + " chars > "
              + max
              + ": "
              + escape(value));
    }
  }
}
