package io.payclient.billingrails;

import io.payclient.billingrails.internal.BillingrailsMapping;
import io.payclient.core.WebhookEvent;
import io.payclient.core.internal.CoreAccess;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A verified Billingrails webhook. Immutable and thread-safe. Billingrails does not document its
 * envelope; it is read as a JSON object with the event type in {@code type} (else {@code event} or
 * {@code event_type}), an id in {@code id} (else {@code event_id}), and the payment in {@code data}
 * (bare, or as {@code {"payment":…}}) or in {@code payment}. Unknown types and fields never fail;
 * the body stays in {@link #rawBody()}.
 *
 * <pre>{@code
 * BillingrailsWebhookEvent event = webhooks.verifyEvent(body, request::getHeader);
 * event.payment().ifPresent(p -> update(p.id(), p.status()));
 * }</pre>
 */
public final class BillingrailsWebhookEvent {
  private final String id;
  private final @Nullable String eventId;
  private final String type;
  private final @Nullable BillingrailsPayment payment;
  private final byte[] rawBody;
  // The neutral view is built on first use: a handler that reads the typed event never pays for
  // mapping its payment. An immutable value, so a race at worst builds it twice.
  private volatile @Nullable WebhookEvent neutral;

  BillingrailsWebhookEvent(
      String id,
      @Nullable String eventId,
      String type,
      @Nullable BillingrailsPayment payment,
      byte[] rawBody) {
    this.id = id;
    this.eventId = eventId;
    this.type = type;
    this.payment = payment;
    this.rawBody = rawBody.clone();
  }

  /**
   * The de-duplication key: the envelope's event id when it has one, else {@code sha256:} and the
   * hex SHA-256 of the body (the same for every retry of the same delivery).
   */
  public String id() {
    return id;
  }

  /** The event id the envelope carries, if any. */
  public Optional<String> eventId() {
    return Optional.ofNullable(eventId);
  }

  /** The event type as sent (e.g. {@code payment.succeeded}); {@code ""} when absent. */
  public String type() {
    return type;
  }

  /**
   * The payment, read as {@code GET /payments/{id}} reads it, for a {@code payment.*} event; empty
   * for other events and when the payment object cannot be read.
   */
  public Optional<BillingrailsPayment> payment() {
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
                  BillingrailsClient.VENDOR,
                  id,
                  type,
                  payment == null ? null : BillingrailsMapping.toPayment(payment, null),
                  rawBody,
                  this);
      neutral = n;
    }
    return n;
  }

  @Override
  public String toString() {
    return "BillingrailsWebhookEvent{id=" + id + ", type=" + type + "}";
  }
}
