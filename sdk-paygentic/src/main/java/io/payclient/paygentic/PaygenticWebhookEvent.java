package io.payclient.paygentic;

import io.payclient.core.WebhookEvent;
import io.payclient.core.internal.CoreAccess;
import io.payclient.paygentic.internal.PaygenticMapping;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A verified Paygentic webhook (delivered through Svix): {@code
 * {"eventType":"…","eventId":"…","timestamp":"…","data":{…}}}. Immutable and thread-safe. Read
 * tolerantly: unknown event types and fields never fail; the body stays in {@link #rawBody()}.
 *
 * <pre>{@code
 * PaygenticWebhookEvent event = webhooks.verifyEvent(body, request::getHeader);
 * event.payment().ifPresent(p -> markPaid(p.id(), p.status()));
 * }</pre>
 */
public final class PaygenticWebhookEvent {
  private final String id;
  private final Instant signedAt;
  private final String type;
  private final @Nullable String eventId;
  private final @Nullable String timestamp;
  private final @Nullable PaygenticPayment payment;
  private final byte[] rawBody;
  // The neutral view is built on first use: a handler that reads the typed event never pays for
  // mapping its payment. An immutable value, so a race at worst builds it twice.
  private volatile @Nullable WebhookEvent neutral;

  PaygenticWebhookEvent(
      String id,
      Instant signedAt,
      String type,
      @Nullable String eventId,
      @Nullable String timestamp,
      @Nullable PaygenticPayment payment,
      byte[] rawBody) {
    this.id = id;
    this.signedAt = signedAt;
    this.type = type;
    this.eventId = eventId;
    this.timestamp = timestamp;
    this.payment = payment;
    this.rawBody = rawBody.clone();
  }

  /** The Svix message id ({@code svix-id}): the same on every retry, the de-duplication key. */
  public String id() {
    return id;
  }

  /** When Svix signed this delivery ({@code svix-timestamp}). */
  public Instant signedAt() {
    return signedAt;
  }

  /** {@code eventType} as sent (e.g. {@code payment.completed.v0}); {@code ""} when absent. */
  public String type() {
    return type;
  }

  /** {@code eventId}: Paygentic's id of the event, when sent. */
  public Optional<String> eventId() {
    return Optional.ofNullable(eventId);
  }

  /** {@code timestamp} as sent (the time of the event), when sent. */
  public Optional<String> timestamp() {
    return Optional.ofNullable(timestamp);
  }

  /**
   * The payment in {@code data}, read as {@code GET /v0/payments/{id}} is, for a {@code payment.*}
   * event; empty for other events and for a {@code data} that is not a payment with an id.
   */
  public Optional<PaygenticPayment> payment() {
    return Optional.ofNullable(payment);
  }

  /** The body exactly as received (a copy). */
  public byte[] rawBody() {
    return rawBody.clone();
  }

  /** The vendor-neutral view; {@link WebhookEvent#unwrap(Class)} returns this event. */
  public WebhookEvent toWebhookEvent() {
    WebhookEvent n = neutral;
    if (n == null) {
      n =
          CoreAccess.get()
              .webhookEvent(
                  PaygenticClient.VENDOR,
                  id,
                  type,
                  payment == null ? null : PaygenticMapping.toPayment(payment, null),
                  rawBody,
                  this);
      neutral = n;
    }
    return n;
  }

  @Override
  public String toString() {
    return "PaygenticWebhookEvent{id=" + id + ", type=" + type + "}";
  }
}
