package io.payclient.core.internal;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one point that text from the network passes before it is cut, stored, logged or printed: a
 * vendor message, an error code, a field name, a request id, a raw body, a header value, the
 * message of an I/O exception that quoted a status line.
 *
 * <p>The API key is removed <em>first</em> and the text cut <em>after</em>, so a key that crosses
 * the cut cannot survive in part. Not only the whole key is removed: every run of {@value
 * #MIN_SECRET_RUN} or more characters that also occurs in the key is replaced by {@value
 * #REDACTED}, so a server that echoes half of the key, or the key split across two lines, leaks no
 * part of it either. Thread-safe and immutable.
 */
public final class NetworkText {
  /** The shortest part of the key that is treated as the key. */
  public static final int MIN_SECRET_RUN = 8;

  /** What a removed secret is replaced with. */
  public static final String REDACTED = "[REDACTED]";

  private final String secret;
  private final Set<String> grams;

  /**
   * Creates the redaction point for one API key.
   *
   * @param secret the API key (or another secret); a key shorter than {@value #MIN_SECRET_RUN}
   *     characters is removed only where it occurs whole
   */
  public NetworkText(String secret) {
    this.secret = secret;
    Set<String> g = new HashSet<>();
    for (int i = 0; i + MIN_SECRET_RUN <= secret.length(); i++) {
      g.add(secret.substring(i, i + MIN_SECRET_RUN));
    }
    this.grams = Set.copyOf(g);
  }

  /**
   * The text with every part of the secret removed, then cut to {@code maxChars} characters (an
   * ellipsis marks the cut).
   *
   * @return {@code null} when {@code text} is {@code null}
   */
  public @Nullable String clean(@Nullable String text, int maxChars) {
    if (text == null) {
      return null;
    }
    return cut(redact(text), maxChars);
  }

  /** The text with every part of the secret removed, not cut. */
  public String redact(String text) {
    if (secret.isEmpty()) {
      return text;
    }
    if (grams.isEmpty()) {
      return text.replace(secret, REDACTED);
    }
    String current = text;
    // Replacing can, in theory, join characters into a new run of the key ("[REDACTED]" shares
    // characters with a key that has brackets); a few passes settle it.
    for (int pass = 0; pass < 4; pass++) {
      String next = redactOnce(current);
      if (next.equals(current)) {
        return current;
      }
      current = next;
    }
    return REDACTED; // never settled: keep nothing rather than risk a part of the key
  }

  private String redactOnce(String text) {
    int n = text.length();
    if (n < MIN_SECRET_RUN) {
      return text;
    }
    boolean[] hit = null;
    for (int i = 0; i + MIN_SECRET_RUN <= n; i++) {
      if (grams.contains(text.substring(i, i + MIN_SECRET_RUN))) {
        if (hit == null) {
          hit = new boolean[n];
        }
        for (int j = i; j < i + MIN_SECRET_RUN; j++) {
          hit[j] = true;
        }
      }
    }
    if (hit == null) {
      return text;
    }
    StringBuilder out = new StringBuilder(n);
    int i = 0;
    while (i < n) {
      if (hit[i]) {
        out.append(REDACTED);
        while (i < n && hit[i]) {
          i++;
        }
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  /**
   * Cuts already-redacted text to at most {@code maxChars} characters plus an ellipsis, never
   * splitting a surrogate pair.
   */
  public static String cut(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end = maxChars;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /**
   * A copy of a network exception that is safe to keep as a cause: same class name in its text,
   * message redacted and cut, stack trace kept, and its causes and suppressed exceptions cleaned
   * the same way (at most a few levels deep).
   */
  public Throwable cleanThrowable(Throwable t) {
    return cleanThrowable(t, 0);
  }

  private Throwable cleanThrowable(Throwable t, int depth) {
    if (isClean(t, 0)) {
      return t; // nothing to remove: keep the original (and its type, for callers that test it)
    }
    RedactedCause copy =
        new RedactedCause(t.getClass().getName(), clean(t.getMessage(), Limits.MAX_TEXT_CHARS));
    copy.setStackTrace(t.getStackTrace());
    Throwable cause = t.getCause();
    if (cause != null && cause != t && depth < MAX_DEPTH) {
      copy.initCause(cleanThrowable(cause, depth + 1));
    }
    Throwable[] suppressed = t.getSuppressed();
    for (int i = 0; i < Math.min(suppressed.length, MAX_DEPTH) && depth < MAX_DEPTH; i++) {
      copy.addSuppressed(cleanThrowable(suppressed[i], depth + 1));
    }
    return copy;
  }

  private static final int MAX_DEPTH = 4;

  /** Whether the exception, its causes and suppressed ones have nothing to remove or cut. */
  private boolean isClean(Throwable t, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    String message = t.getMessage();
    if (message != null && !message.equals(clean(message, Limits.MAX_TEXT_CHARS))) {
      return false;
    }
    Throwable cause = t.getCause();
    if (cause != null && cause != t && !isClean(cause, depth + 1)) {
      return false;
    }
    for (Throwable s : t.getSuppressed()) {
      if (!isClean(s, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Stands in for a network exception whose text had to be cleaned; its {@code toString()} names
   * the original class.
   */
  static final class RedactedCause extends java.io.IOException {
    private static final long serialVersionUID = 1L;
    private final String originalClass;

    RedactedCause(String originalClass, @Nullable String message) {
      super(message);
      this.originalClass = originalClass;
    }

    /** The class of the exception this one replaces. */
    String originalClass() {
      return originalClass;
    }

    @Override
    public String toString() {
      String m = getMessage();
      return m == null ? originalClass : originalClass + ": " + m;
    }
  }
}
