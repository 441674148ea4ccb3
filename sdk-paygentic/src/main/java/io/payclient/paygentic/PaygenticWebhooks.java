package io.payclient.paygentic;

import com.squareup.moshi.JsonReader;
import io.payclient.core.PaymentsListener;
import io.payclient.core.WebhookEvent;
import io.payclient.core.WebhookVerificationException;
import io.payclient.core.WebhookVerificationException.Reason;
import io.payclient.core.WebhookVerifier;
import io.payclient.core.internal.WebhookChecks;
import io.payclient.paygentic.internal.PaygenticJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Verifies Paygentic's webhooks, which Paygentic delivers through Svix: headers {@code svix-id},
 * {@code svix-timestamp} and {@code svix-signature} (space-separated {@code v1,<base64>} entries;
 * any match passes), signed content {@code "{svix-id}.{svix-timestamp}.{raw body}"}, HMAC-SHA256
 * keyed with the base64-decoded {@code whsec_} secret, and a timestamp at most 5 minutes from now
 * either way. Immutable and thread-safe.
 *
 * <pre>{@code
 * PaygenticWebhooks webhooks = PaygenticWebhooks.builder()
 *     .secret(System.getenv("PAYGENTIC_WEBHOOK_SECRET"))   // whsec_…
 *     .build();
 * PaygenticWebhookEvent event = webhooks.verifyEvent(body, request::getHeader);
 * }</pre>
 *
 * <p>Every refusal is a {@link WebhookVerificationException} whose {@link
 * WebhookVerificationException#reason() reason()} names the failed check; the secret is never in
 * it.
 */
public final class PaygenticWebhooks implements WebhookVerifier {
  /** The message id header: the de-duplication key. */
  public static final String ID_HEADER = "svix-id";

  /** The signing time header, Unix seconds. */
  public static final String TIMESTAMP_HEADER = "svix-timestamp";

  /** The signature header. */
  public static final String SIGNATURE_HEADER = "svix-signature";

  /** The default tolerance between the signed timestamp and now: 5 minutes. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String SECRET_PREFIX = "whsec_";
  private static final int MAX_ID_CHARS = 256;
  private static final int MAX_TIMESTAMP_DIGITS = 12;
  private static final JsonReader.Options FIELDS =
      JsonReader.Options.of("eventType", "eventId", "timestamp", "data");

  private static final WebhookChecks CHECKS = new WebhookChecks(PaygenticClient.VENDOR);

  private final WebhookChecks.Hmac hmac;
  private final Duration tolerance;
  private final Clock clock;

  private final PaymentsListener listener;

  private PaygenticWebhooks(Builder b) {
    this.listener = b.listener;
    this.hmac = new WebhookChecks.Hmac(Objects.requireNonNull(b.key, "secret is required"));
    this.tolerance = b.tolerance;
    this.clock = b.clock;
  }

  /** Returns a builder; a {@link Builder#secret(String) secret} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * @return the neutral event; {@code unwrap(PaygenticWebhookEvent.class)} gives every field
   */
  @Override
  public WebhookEvent verify(byte[] rawBody, Function<String, String> header) {
    return verifyEvent(rawBody, header).toWebhookEvent();
  }

  /**
   * Verifies the Svix signature over the exact bytes received, then reads the event.
   *
   * @param rawBody the request body exactly as received
   * @param header header lookup by name, case-insensitive, {@code null} when absent
   * @throws WebhookVerificationException {@code BODY_TOO_LARGE}, {@code MISSING_HEADER}, {@code
   *     MALFORMED_HEADER}, {@code STALE_TIMESTAMP}, {@code BAD_SIGNATURE} or {@code
   *     UNPARSEABLE_BODY}, checked in that order
   */
  public PaygenticWebhookEvent verifyEvent(byte[] rawBody, Function<String, String> header) {
    return WebhookChecks.reported(
        listener,
        PaygenticClient.VENDOR,
        () -> check(rawBody, header),
        PaygenticWebhookEvent::type);
  }

  private PaygenticWebhookEvent check(byte[] rawBody, Function<String, String> header) {
    byte[] body = CHECKS.body(rawBody);
    Objects.requireNonNull(header, "header");
    String id = CHECKS.header(header, ID_HEADER);
    String timestamp = CHECKS.header(header, TIMESTAMP_HEADER);
    String signatures = CHECKS.header(header, SIGNATURE_HEADER);
    if (id.length() > MAX_ID_CHARS || !printableWithoutSpaceOrComma(id)) {
      throw CHECKS.refuse(Reason.MALFORMED_HEADER, "the " + ID_HEADER + " header is not an id");
    }
    Instant signedAt = Instant.ofEpochSecond(seconds(timestamp));
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(tolerance)) || signedAt.isAfter(now.plus(tolerance))) {
      throw CHECKS.refuse(
          Reason.STALE_TIMESTAMP,
          "the " + TIMESTAMP_HEADER + " header is more than " + tolerance + " from now");
    }
    byte[] expected = hmac.sign(WebhookChecks.utf8(id + "." + timestamp + "."), body);
    boolean anyV1 = false;
    boolean match = false;
    // Space-separated entries "<version>,<base64>", read in place.
    for (int from = 0; from < signatures.length(); ) {
      int space = signatures.indexOf(' ', from);
      int end = space < 0 ? signatures.length() : space;
      if (signatures.startsWith("v1,", from)) { // else another version, or no entry: ignored
        anyV1 = true;
        byte[] given = WebhookChecks.decodeBase64(signatures.substring(from + 3, end));
        if (given != null && WebhookChecks.constantTimeEquals(expected, given)) {
          match = true; // keep going: the time does not depend on which entry matched
        }
      }
      from = end + 1;
    }
    if (!anyV1) {
      throw CHECKS.refuse(
          Reason.MALFORMED_HEADER, "the " + SIGNATURE_HEADER + " header has no v1 signature");
    }
    if (!match) {
      throw CHECKS.refuse(
          Reason.BAD_SIGNATURE, "no " + SIGNATURE_HEADER + " entry matches the body");
    }
    return CHECKS.readObject(body, (r, pass) -> read(r, pass, id, signedAt, body));
  }

  private static long seconds(String timestamp) {
    if (timestamp.isEmpty() || timestamp.length() > MAX_TIMESTAMP_DIGITS) {
      throw malformedTimestamp();
    }
    for (int i = 0; i < timestamp.length(); i++) {
      char c = timestamp.charAt(i);
      if (c < '0' || c > '9') {
        throw malformedTimestamp();
      }
    }
    return Long.parseLong(timestamp);
  }

  private static WebhookVerificationException malformedTimestamp() {
    return CHECKS.refuse(
        Reason.MALFORMED_HEADER, "the " + TIMESTAMP_HEADER + " header is not Unix seconds");
  }

  private static boolean printableWithoutSpaceOrComma(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == ',' || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Reads the envelope; the payment only for a {@code payment.*} event. */
  private static PaygenticWebhookEvent read(
      JsonReader r, WebhookChecks.Pass pass, String id, Instant signedAt, byte[] body)
      throws IOException {
    String type = null;
    String eventId = null;
    String timestamp = null;
    PaygenticPayment payment = null;
    boolean dataSeen = false;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(FIELDS)) {
        case 0 -> type = WebhookChecks.scalar(r);
        case 1 -> eventId = WebhookChecks.scalar(r);
        case 2 -> timestamp = WebhookChecks.scalar(r);
        case 3 -> {
          // Buffered until the type is known: "data" may come before "eventType".
          dataSeen = true;
          payment = pass.optionalObject(r, p -> PaygenticJson.readPayment(p, false));
        }
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    r.endObject();
    String t = type == null ? "" : type;
    boolean paymentEvent = dataSeen && t.startsWith("payment.");
    return new PaygenticWebhookEvent(
        id, signedAt, t, eventId, timestamp, paymentEvent ? payment : null, body);
  }

  /** Builds a {@link PaygenticWebhooks}. */
  public static final class Builder {
    private byte @Nullable [] key;
    private PaymentsListener listener = PaymentsListener.NONE;
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The endpoint's signing secret, {@code whsec_} followed by base64 (as shown in Paygentic's
     * dashboard); the prefix may be omitted.
     *
     * @throws IllegalArgumentException if it is not of that shape (the message does not quote it)
     */
    public Builder secret(String secret) {
      Objects.requireNonNull(secret, "secret");
      String b64 =
          secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
      byte[] decoded = WebhookChecks.decodeBase64(b64);
      if (decoded == null || decoded.length == 0) {
        throw new IllegalArgumentException(
            "secret must be the endpoint's signing secret, whsec_ followed by base64");
      }
      this.key = decoded;
      return this;
    }

    /**
     * How far the signed timestamp may be from now, either way; default 5 minutes.
     *
     * @throws IllegalArgumentException if negative or over one day
     */
    public Builder tolerance(Duration tolerance) {
      this.tolerance =
          io.payclient.core.internal.Limits.checkDuration(tolerance, "tolerance", true);
      return this;
    }

    /** The clock timestamps are compared with; default UTC system clock (tests inject one). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
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
    public PaygenticWebhooks build() {
      return new PaygenticWebhooks(this);
    }
  }
}
