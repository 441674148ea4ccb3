package io.payclient.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A verified webhook, as seen through the vendor-neutral API. Immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookEvent event = verifier.verify(body, request::getHeader);
 * if (!seen.add(event.id())) return;         // a retry of an event already handled
 * event.payment().ifPresent(p -> log(p.id() + " is " + p.status()));
 * LagoWebhookEvent lago = event.unwrap(LagoWebhookEvent.class); // every vendor field
 * }</pre>
 *
 * <p>Vendors deliver at least once and retry: the same event can arrive several times, with the
 * same {@link #id()}.
 */
public final class WebhookEvent {
  private final String vendor;
  private final String id;
  private final String type;
  private final @Nullable Payment payment;
  private final byte[] rawBody;
  private final Object vendorEvent;

  private WebhookEvent(
      String vendor,
      String id,
      String type,
      @Nullable Payment payment,
      byte[] rawBody,
      Object vendorEvent,
      boolean copyBody) {
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.id = Objects.requireNonNull(id, "id");
    this.type = Objects.requireNonNull(type, "type");
    this.payment = payment;
    this.rawBody = copyBody ? rawBody.clone() : Objects.requireNonNull(rawBody, "rawBody");
    this.vendorEvent = Objects.requireNonNull(vendorEvent, "vendorEvent");
  }

  /**
   * Creates an event. Vendor modules create events after verification; applications may use it to
   * fake events in their own tests.
   *
   * @param vendor {@code "lago"}, {@code "billingrails"} or {@code "paygentic"}
   * @param id the de-duplication key
   * @param type the vendor's event type, as sent ({@code ""} when it sent none)
   * @param payment the payment the event carries, or {@code null}
   * @param rawBody the body as received (copied)
   * @param vendorEvent the vendor's typed event, returned by {@link #unwrap(Class)}
   */
  static WebhookEvent of(
      String vendor,
      String id,
      String type,
      @Nullable Payment payment,
      byte[] rawBody,
      Object vendorEvent) {
    return new WebhookEvent(vendor, id, type, payment, rawBody, vendorEvent, true);
  }

  /**
   * As {@link #of}, keeping {@code rawBody} without copying it: for the vendor events, which pass
   * their own private copy of the body (never modified, only handed out as copies), so that a
   * verification copies the body once rather than twice.
   */
  static WebhookEvent sharing(
      String vendor,
      String id,
      String type,
      @Nullable Payment payment,
      byte[] rawBody,
      Object vendorEvent) {
    return new WebhookEvent(vendor, id, type, payment, rawBody, vendorEvent, false);
  }

  /** {@code "lago"}, {@code "billingrails"} or {@code "paygentic"}. */
  public String vendor() {
    return vendor;
  }

  /**
   * The de-duplication key: the same on every delivery of one event (Lago's {@code
   * X-Lago-Unique-Key}, Svix's {@code svix-id}, for Billingrails the event's id or else a SHA-256
   * of the body).
   */
  public String id() {
    return id;
  }

  /** The vendor's event type as sent (e.g. {@code payment.succeeded}); unknown types are kept. */
  public String type() {
    return type;
  }

  /**
   * The payment the event carries, with its status mapped as for the REST API; empty for an event
   * about something else, of an unknown type, or whose payment object could not be read.
   */
  public Optional<Payment> payment() {
    return Optional.ofNullable(payment);
  }

  /** The body exactly as received (a copy). */
  public byte[] rawBody() {
    return rawBody.clone();
  }

  /**
   * The vendor's typed event ({@code LagoWebhookEvent}, {@code BillingrailsWebhookEvent}, {@code
   * PaygenticWebhookEvent}).
   *
   * @throws IllegalArgumentException if the event is not of that type
   */
  public <T> T unwrap(Class<T> type) {
    if (!type.isInstance(vendorEvent)) {
      throw new IllegalArgumentException(
          "A "
              + vendor
              + " webhook event unwraps to "
              + vendorEvent.getClass().getSimpleName()
              + ", not "
              + type.getSimpleName());
    }
    return type.cast(vendorEvent);
  }

  @Override
  public String toString() {
    return "WebhookEvent{vendor=" + vendor + ", id=" + id + ", type=" + type + "}";
  }
}
