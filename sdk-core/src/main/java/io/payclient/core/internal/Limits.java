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

  /** Characters of a response body kept in {@code rawBody()}, after redaction. */
  public static final int MAX_RAW_BODY_CHARS = 2048;

  /** Characters in a JSON number the SDK converts to a number; longer ones are not converted. */
  public static final int MAX_NUMBER_CHARS = 64;

  /** Pages Lago reconciliation reads before giving up (the outcome then stays unknown). */
  public static final int MAX_RECONCILIATION_PAGES = 20;
}
