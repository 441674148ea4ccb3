package io.payclient.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A waiter ({@link PaymentsClient#awaitTerminal(String, java.time.Duration)}) ended before the
 * payment reached a terminal status: its timeout passed, or the waiting thread was interrupted
 * (then the thread's interrupt flag is set again). Nothing was created or changed by waiting; wait
 * again, or follow the payment by its webhooks.
 *
 * <p>{@link #lastPayment()} is the payment as the last successful poll saw it; the cause, when
 * there is one, is the last failure of a poll (a rate limit, a server error or a network failure,
 * which the waiter outlasts by polling again).
 */
public final class WaitTimeoutException extends PayClientException {
  private static final long serialVersionUID = 1L;
  private final String paymentId;
  private final transient @Nullable Payment lastPayment;

  WaitTimeoutException(
      String message,
      @Nullable Throwable cause,
      Context context,
      String paymentId,
      @Nullable Payment lastPayment) {
    super(message, cause, context, false);
    this.paymentId = paymentId;
    this.lastPayment = lastPayment;
  }

  /** The id of the payment that was waited for. */
  public String paymentId() {
    return paymentId;
  }

  /** The payment as the last successful poll saw it, if any poll succeeded. */
  public Optional<Payment> lastPayment() {
    return Optional.ofNullable(lastPayment);
  }
}
