package io.payclient.core;

import org.jspecify.annotations.Nullable;

/**
 * The request failed on the network: no HTTP response was received (connection refused, reset,
 * timeout, TLS failure, deadline reached).
 *
 * <p>{@link #requestSent()} says whether any byte of the request may have reached the server. When
 * it is {@code false} nothing was created and sending again is safe. When it is {@code true} for a
 * create, {@link #outcomeUnknown()} is {@code true}: retry with the same {@link #idempotencyKey()}
 * rather than creating again blindly.
 */
public final class ConnectionException extends PayClientException {
  private static final long serialVersionUID = 1L;
  private final boolean requestSent;

  /**
   * Creates the exception.
   *
   * @param message what failed; must not contain secrets
   * @param cause the I/O exception
   * @param context vendor, idempotency key and attempts
   * @param requestSent whether the request may have reached the server
   * @param outcomeUnknown whether the request may have taken effect
   */
  ConnectionException(
      String message,
      @Nullable Throwable cause,
      Context context,
      boolean requestSent,
      boolean outcomeUnknown) {
    super(message, cause, context, outcomeUnknown);
    this.requestSent = requestSent;
  }

  /** Whether the request may have reached the server. */
  public boolean requestSent() {
    return requestSent;
  }
}
