package io.payclient.core.internal;

/**
 * The fixed caps that bound what a response can make the SDK do (DESIGN §4). Each is documented in
 * the README's configuration section; none can be raised by a server.
 */
public final class Limits {
  private Limits() {}

  /** Field errors kept from one error body; the rest are skipped unread. */
  public static final int MAX_FIELD_ERRORS = 100;

  /**
   * Characters of network text (a vendor message, code, field, request id) kept, after redaction.
   */
  public static final int MAX_TEXT_CHARS = 1000;

  /**
   * Characters of text an error parser keeps from one body before the transport's redaction and
   * final cut: enough for the cut, so nothing shown is lost, and a bound on what a body of many
   * members can make a parser build. (Cutting before redaction is safe: any 8 characters of the key
   * left at the end are still removed, and fewer are not the key.)
   */
  public static final int MAX_PARSED_TEXT_CHARS = 4 * 1000;

  /** Characters of an exception message built from network text. */
  public static final int MAX_MESSAGE_CHARS = 4000;

  /** Characters of a response body kept in {@code rawBody()}, after redaction. */
  public static final int MAX_RAW_BODY_CHARS = 2048;

  /** Characters in a JSON number the SDK converts to a number; longer ones are not converted. */
  public static final int MAX_NUMBER_CHARS = 64;

  /** The longest timeout, deadline, backoff or honoured server wait an option may set. */
  public static final java.time.Duration MAX_DURATION = java.time.Duration.ofDays(1);

  /** The most retries an option may set. */
  public static final int MAX_RETRIES = 100;

  /** The largest response body cap an option may set (1 GiB). */
  public static final long MAX_RESPONSE_BYTES = 1L << 30;

  /**
   * Checks a duration option when it is set.
   *
   * @param zeroAllowed whether zero is allowed (it means "no timeout" for OkHttp's timeouts)
   * @throws NullPointerException if {@code d} is {@code null}
   * @throws IllegalArgumentException if negative, zero when not allowed, or over {@link
   *     #MAX_DURATION}
   */
  public static java.time.Duration checkDuration(
      java.time.Duration d, String name, boolean zeroAllowed) {
    java.util.Objects.requireNonNull(d, name);
    if (d.isNegative() || (!zeroAllowed && d.isZero()) || d.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          name
              + " must be "
              + (zeroAllowed ? "between 0" : "over 0 and at most")
              + (zeroAllowed ? " and " : " ")
              + MAX_DURATION
              + ": "
              + d);
    }
    return d;
  }

  /**
   * Checks a retry count option when it is set.
   *
   * @throws IllegalArgumentException if negative or over {@link #MAX_RETRIES}
   */
  public static int checkRetries(int retries) {
    if (retries < 0 || retries > MAX_RETRIES) {
      throw new IllegalArgumentException(
          "maxRetries must be between 0 and " + MAX_RETRIES + ": " + retries);
    }
    return retries;
  }

  /** Pages Lago reconciliation reads before giving up (the outcome then stays unknown). */
  public static final int MAX_RECONCILIATION_PAGES = 20;

  /**
   * Bytes of a webhook body a verifier reads; a larger body is refused before any signature is
   * computed. Vendors' events are a few kilobytes; an invoice with many fees stays well under this.
   */
  public static final int MAX_WEBHOOK_BODY_BYTES = 4 << 20;

  /** Characters of one webhook header a verifier reads; a longer value is malformed. */
  public static final int MAX_WEBHOOK_HEADER_CHARS = 16 * 1024;
}
