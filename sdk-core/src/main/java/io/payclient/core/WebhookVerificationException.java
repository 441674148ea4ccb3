package io.payclient.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A webhook request was refused: it is not proven to come from the vendor, or it cannot be read.
 * {@link #reason()} says which check failed. The message names the check and the header, never a
 * secret, a key, a signature or the body. Answer the request with a 4xx (the vendor may retry a
 * genuine one) and do not act on its content.
 */
public final class WebhookVerificationException extends PayClientException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /** A required header is absent. */
    MISSING_HEADER,
    /** A header is present but not of the expected shape (also: a header sent twice). */
    MALFORMED_HEADER,
    /** The signature does not match the body (wrong secret or key, or a changed body). */
    BAD_SIGNATURE,
    /** The signed timestamp is too far from now: a replay, or a clock far off. */
    STALE_TIMESTAMP,
    /** The signature uses a scheme or algorithm this verifier does not accept. */
    UNSUPPORTED_ALGORITHM,
    /** A signed token was issued by another instance of the vendor. */
    WRONG_ISSUER,
    /** The signed token is valid but carries another body than the one received. */
    BODY_MISMATCH,
    /** The body is over the size this verifier reads. */
    BODY_TOO_LARGE,
    /** The body is authentic but is not a JSON object. */
    UNPARSEABLE_BODY,
    /** The key to verify with could not be obtained from the vendor. */
    KEY_UNAVAILABLE
  }

  private final Reason reason;

  private WebhookVerificationException(
      String vendor, Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause, Context.beforeIo(vendor, null), false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates the exception. For verifiers; applications receive it.
   *
   * @param vendor the vendor of the webhook
   * @param reason which check failed
   * @param detail what exactly failed; must not contain secrets, signatures or network text
   * @param cause the underlying failure (already free of secrets), or {@code null}
   */
  static WebhookVerificationException of(
      String vendor, Reason reason, String detail, @Nullable Throwable cause) {
    return new WebhookVerificationException(
        vendor, reason, vendor + " webhook refused (" + reason + "): " + detail, cause);
  }

  /** Which check failed. */
  public Reason reason() {
    return reason;
  }
}
