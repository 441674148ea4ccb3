package io.payclient.lago;

import io.payclient.core.Payment;
import io.payclient.core.WebhookEvent;
import io.payclient.core.internal.CoreAccess;
import io.payclient.lago.internal.LagoMapping;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A verified Lago webhook: {@code {"webhook_type":"…","object_type":"…","organization_id":"…",
 * "<object_type>":{…}}}. Immutable and thread-safe. Read tolerantly: unknown types and fields never
 * fail; the body stays in {@link #rawBody()}.
 *
 * <pre>{@code
 * LagoWebhookEvent event = lago.webhooks().verifyEvent(body, request::getHeader);
 * event.payment().ifPresent(p -> update(p.lagoId(), p.paymentStatus()));
 * event.paymentRequest().ifPresent(r -> update(r.lagoId(), r.paymentStatus()));
 * }</pre>
 */
public final class LagoWebhookEvent {
  private final String id;
  private final String type;
  private final @Nullable String objectType;
  private final @Nullable String organizationId;
  private final @Nullable LagoPayment payment;
  private final @Nullable LagoPaymentRequest paymentRequest;
  private final byte[] rawBody;
  // The neutral view is built on first use: a handler that reads the typed event never pays for
  // mapping its payment. An immutable value, so a race at worst builds it twice.
  private volatile @Nullable WebhookEvent neutral;

  LagoWebhookEvent(
      String id,
      String type,
      @Nullable String objectType,
      @Nullable String organizationId,
      @Nullable LagoPayment payment,
      @Nullable LagoPaymentRequest paymentRequest,
      byte[] rawBody) {
    this.id = id;
    this.type = type;
    this.objectType = objectType;
    this.organizationId = organizationId;
    this.payment = payment;
    this.paymentRequest = paymentRequest;
    this.rawBody = rawBody.clone();
  }

  /**
   * The de-duplication key: {@code X-Lago-Unique-Key}, the same on every retry; when a Lago version
   * sends none, {@code sha256:} and the hex SHA-256 of the body.
   */
  public String id() {
    return id;
  }

  /** {@code webhook_type} as sent (e.g. {@code payment.succeeded}); {@code ""} when absent. */
  public String type() {
    return type;
  }

  /** {@code object_type}, when sent. */
  public Optional<String> objectType() {
    return Optional.ofNullable(objectType);
  }

  /** {@code organization_id}, when sent. */
  public Optional<String> organizationId() {
    return Optional.ofNullable(organizationId);
  }

  /**
   * The payment when {@code object_type} is {@code payment}, read as {@code GET /payments/{id}}
   * reads it; empty otherwise or when the object cannot be read.
   */
  public Optional<LagoPayment> payment() {
    return Optional.ofNullable(payment);
  }

  /**
   * The payment request when {@code object_type} is {@code payment_request}, read as the REST API
   * reads it; empty otherwise or when the object cannot be read.
   */
  public Optional<LagoPaymentRequest> paymentRequest() {
    return Optional.ofNullable(paymentRequest);
  }

  /** The body exactly as received (a copy). */
  public byte[] rawBody() {
    return rawBody.clone();
  }

  /**
   * The vendor-neutral view; {@link WebhookEvent#unwrap(Class)} returns this event, and its {@code
   * payment()} is the payment or the payment request.
   */
  public WebhookEvent toWebhookEvent() {
    WebhookEvent n = neutral;
    if (n == null) {
      Payment neutralPayment =
          payment != null
              ? LagoMapping.toPayment(payment, false)
              : paymentRequest != null ? LagoMapping.toPayment(paymentRequest) : null;
      n = CoreAccess.get().webhookEvent(LagoClient.VENDOR, id, type, neutralPayment, rawBody, this);
      neutral = n;
    }
    return n;
  }

  @Override
  public String toString() {
    return "LagoWebhookEvent{id=" + id + ", type=" + type + "}";
  }
}
