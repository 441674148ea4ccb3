package io.payclient.core;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** {@link PaymentsListener#composite}: every event to each listener, each isolated. */
final class CompositeListener implements PaymentsListener {
  private static final System.Logger LOG = System.getLogger("io.payclient");
  private final List<PaymentsListener> listeners;

  private CompositeListener(List<PaymentsListener> listeners) {
    this.listeners = listeners;
  }

  static PaymentsListener of(PaymentsListener... listeners) {
    List<PaymentsListener> all = List.of(listeners); // null-hostile
    if (all.isEmpty()) {
      return NONE;
    }
    return all.size() == 1 ? all.get(0) : new CompositeListener(all);
  }

  private void each(Consumer<PaymentsListener> event) {
    for (PaymentsListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "PaymentsListener threw; ignored", e);
      }
    }
  }

  @Override
  public void callStarted(Call call) {
    each(l -> l.callStarted(call));
  }

  @Override
  public void attemptStarted(Call call, int attempt) {
    each(l -> l.attemptStarted(call, attempt));
  }

  @Override
  public void responseReceived(Call call, int attempt, int httpStatus, Duration duration) {
    each(l -> l.responseReceived(call, attempt, httpStatus, duration));
  }

  @Override
  public void attemptFailed(Call call, int attempt, Throwable reason) {
    each(l -> l.attemptFailed(call, attempt, reason));
  }

  @Override
  public void retryScheduled(Call call, int nextAttempt, Duration delay) {
    each(l -> l.retryScheduled(call, nextAttempt, delay));
  }

  @Override
  public void attemptEnded(Call call, AttemptEnd end) {
    each(l -> l.attemptEnded(call, end));
  }

  @Override
  public void callEnded(Call call, CallEnd end) {
    each(l -> l.callEnded(call, end));
  }

  @Override
  public void reconciliationStarted(Call call) {
    each(l -> l.reconciliationStarted(call));
  }

  @Override
  public void reconciliationEnded(Call call, Reconciliation result, Duration duration) {
    each(l -> l.reconciliationEnded(call, result, duration));
  }

  @Override
  public void waiterPolled(
      String vendor, String paymentId, int poll, @Nullable PaymentStatus status) {
    each(l -> l.waiterPolled(vendor, paymentId, poll, status));
  }

  @Override
  public void webhookVerified(String vendor, String type) {
    each(l -> l.webhookVerified(vendor, type));
  }

  @Override
  public void webhookRefused(String vendor, WebhookVerificationException.Reason reason) {
    each(l -> l.webhookRefused(vendor, reason));
  }
}
