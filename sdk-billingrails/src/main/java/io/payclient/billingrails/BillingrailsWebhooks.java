package io.payclient.billingrails;

import com.squareup.moshi.JsonReader;
import io.payclient.billingrails.internal.BillingrailsJson;
import io.payclient.core.PaymentsListener;
import io.payclient.core.WebhookEvent;
import io.payclient.core.WebhookVerificationException;
import io.payclient.core.WebhookVerificationException.Reason;
import io.payclient.core.WebhookVerifier;
import io.payclient.core.internal.WebhookChecks;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Verifies Billingrails' webhooks: {@code x-billingrails-signature} is the base64 HMAC-SHA256 of
 * the raw body, keyed with the endpoint's signing secret (its UTF-8 bytes). Verified over the exact
 * bytes received, never a re-serialisation. Immutable and thread-safe.
 *
 * <pre>{@code
 * BillingrailsWebhooks webhooks = BillingrailsWebhooks.builder()
 *     .secret(System.getenv("BILLINGRAILS_WEBHOOK_SECRET"))
 *     .build();
 * BillingrailsWebhookEvent event = webhooks.verifyEvent(body, request::getHeader);
 * }</pre>
 *
 * <p>Billingrails signs nothing but the body (no timestamp): a recorded delivery can be replayed,
 * so de-duplicate by {@link WebhookEvent#id()}. An endpoint without a secret receives unsigned
 * requests, which this verifier refuses ({@code MISSING_HEADER}). Every refusal is a {@link
 * WebhookVerificationException} whose {@link WebhookVerificationException#reason() reason()} names
 * the failed check; the secret is never in it.
 */
public final class BillingrailsWebhooks implements WebhookVerifier {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "x-billingrails-signature";

  private static final String TYPE = "type";
  private static final String TYPE_ALT = "event";
  private static final String TYPE_ALT2 = "event_type";
  private static final String ID = "id";
  private static final String ID_ALT = "event_id";
  private static final String DATA = "data";
  private static final String PAYMENT = "payment";
  private static final JsonReader.Options FIELDS =
      JsonReader.Options.of(TYPE, TYPE_ALT, TYPE_ALT2, ID, ID_ALT, DATA, PAYMENT);

  private static final WebhookChecks CHECKS = new WebhookChecks(BillingrailsClient.VENDOR);

  private final WebhookChecks.Hmac hmac;

  private final PaymentsListener listener;

  private BillingrailsWebhooks(Builder b) {
    this.listener = b.listener;
    this.hmac = new WebhookChecks.Hmac(Objects.requireNonNull(b.key, "secret is required"));
  }

  /** Returns a builder; a {@link Builder#secret(String) secret} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * @return the neutral event; {@code unwrap(BillingrailsWebhookEvent.class)} gives every field
   */
  @Override
  public WebhookEvent verify(byte[] rawBody, Function<String, String> header) {
    return verifyEvent(rawBody, header).toWebhookEvent();
  }

  /**
   * Verifies the signature over the exact bytes received, then reads the event.
   *
   * @param rawBody the request body exactly as received
   * @param header header lookup by name, case-insensitive, {@code null} when absent
   * @throws WebhookVerificationException {@code BODY_TOO_LARGE}, {@code MISSING_HEADER}, {@code
   *     MALFORMED_HEADER} (not base64, or a header sent twice), {@code BAD_SIGNATURE} or {@code
   *     UNPARSEABLE_BODY}, checked in that order
   */
  public BillingrailsWebhookEvent verifyEvent(byte[] rawBody, Function<String, String> header) {
    return WebhookChecks.reported(
        listener,
        BillingrailsClient.VENDOR,
        () -> check(rawBody, header),
        BillingrailsWebhookEvent::type);
  }

  private BillingrailsWebhookEvent check(byte[] rawBody, Function<String, String> header) {
    byte[] body = CHECKS.body(rawBody);
    Objects.requireNonNull(header, "header");
    byte[] given = CHECKS.base64(CHECKS.header(header, SIGNATURE_HEADER), SIGNATURE_HEADER);
    if (!WebhookChecks.constantTimeEquals(hmac.sign(body), given)) {
      throw CHECKS.refuse(
          Reason.BAD_SIGNATURE, "the " + SIGNATURE_HEADER + " header does not match the body");
    }
    return CHECKS.readObject(body, (r, pass) -> read(r, pass, body));
  }

  private static BillingrailsWebhookEvent read(JsonReader r, WebhookChecks.Pass pass, byte[] body)
      throws IOException {
    String[] types = new String[3];
    String id = null;
    String idAlt = null;
    BillingrailsPayment fromData = null;
    BillingrailsPayment fromPayment = null;
    r.beginObject();
    while (r.hasNext()) {
      int field = r.selectName(FIELDS);
      switch (field) {
        case 0, 1, 2 -> types[field] = WebhookChecks.scalar(r);
        case 3 -> id = WebhookChecks.scalar(r);
        case 4 -> idAlt = WebhookChecks.scalar(r);
        case 5 -> fromData = pass.optionalObject(r, BillingrailsJson::readPaymentEnvelope);
        case 6 -> fromPayment = pass.optionalObject(r, BillingrailsJson::readPayment);
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    r.endObject();
    String type = firstNonNull(types[0], firstNonNull(types[1], types[2]));
    String t = type == null ? "" : type;
    String eventId = firstNonNull(id, idAlt);
    BillingrailsPayment payment = fromData != null ? fromData : fromPayment;
    return new BillingrailsWebhookEvent(
        eventId != null && !eventId.isBlank() ? eventId : "sha256:" + WebhookChecks.sha256Hex(body),
        eventId,
        t,
        t.startsWith("payment.") ? payment : null,
        body);
  }

  private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
    return a != null ? a : b;
  }

  /** Builds a {@link BillingrailsWebhooks}. */
  public static final class Builder {
    private byte @Nullable [] key;
    private PaymentsListener listener = PaymentsListener.NONE;

    private Builder() {}

    /**
     * The endpoint's signing secret, as shown by Billingrails; used as the HMAC key in UTF-8.
     *
     * @throws IllegalArgumentException if it is empty
     */
    public Builder secret(String secret) {
      Objects.requireNonNull(secret, "secret");
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("secret must not be empty");
      }
      this.key = WebhookChecks.utf8(secret);
      return this;
    }

    /**
     * A listener told of every verification ({@code webhookVerified} / {@code webhookRefused});
     * none by default. {@code client.webhooks()} uses the client's listener.
     */
    public Builder listener(PaymentsListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @throws NullPointerException if no secret was set
     */
    public BillingrailsWebhooks build() {
      return new BillingrailsWebhooks(this);
    }
  }
}
