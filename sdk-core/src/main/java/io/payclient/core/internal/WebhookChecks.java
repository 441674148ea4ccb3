package io.payclient.core.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.payclient.core.PaymentsListener;
import io.payclient.core.WebhookVerificationException;
import io.payclient.core.WebhookVerificationException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The checks every webhook verifier shares: body size, header presence and shape, HMAC-SHA256,
 * constant-time comparison, and reading the verified body as one JSON object. Every failure is a
 * {@link WebhookVerificationException} naming the check and the header, never a value received or a
 * secret. Stateless and thread-safe.
 */
public final class WebhookChecks {
  private static final System.Logger LOG = System.getLogger("io.payclient");
  private final String vendor;

  /** Checks for one vendor's webhooks. */
  /**
   * Runs a verification and tells {@code listener} how it ended: {@code webhookVerified} with the
   * event's type, or {@code webhookRefused} with the reason (the refusal is then rethrown). A
   * listener that throws is logged at DEBUG and ignored.
   */
  public static <E> E reported(
      PaymentsListener listener,
      String vendor,
      Supplier<E> verification,
      Function<? super E, String> type) {
    E event;
    try {
      event = verification.get();
    } catch (WebhookVerificationException e) {
      try {
        listener.webhookRefused(vendor, e.reason());
      } catch (RuntimeException ignored) {
        LOG.log(System.Logger.Level.DEBUG, "PaymentsListener threw; ignored", ignored);
      }
      throw e;
    }
    try {
      listener.webhookVerified(vendor, type.apply(event));
    } catch (RuntimeException ignored) {
      LOG.log(System.Logger.Level.DEBUG, "PaymentsListener threw; ignored", ignored);
    }
    return event;
  }

  public WebhookChecks(String vendor) {
    this.vendor = Objects.requireNonNull(vendor, "vendor");
  }

  /** A refusal for this vendor. */
  public WebhookVerificationException refuse(Reason reason, String detail) {
    return CoreAccess.get().webhookRefused(vendor, reason, detail, null);
  }

  /**
   * Refuses a body over {@link Limits#MAX_WEBHOOK_BODY_BYTES}.
   *
   * @throws NullPointerException if the body is {@code null}
   */
  public byte[] body(byte[] rawBody) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (rawBody.length > Limits.MAX_WEBHOOK_BODY_BYTES) {
      throw refuse(
          Reason.BODY_TOO_LARGE,
          "the body has "
              + rawBody.length
              + " bytes; at most "
              + Limits.MAX_WEBHOOK_BODY_BYTES
              + " are read");
    }
    return rawBody;
  }

  /**
   * A required header, trimmed.
   *
   * @throws WebhookVerificationException {@code MISSING_HEADER} when absent or blank, {@code
   *     MALFORMED_HEADER} when over {@link Limits#MAX_WEBHOOK_HEADER_CHARS} characters or holding a
   *     control character
   */
  public String header(Function<String, String> lookup, String name) {
    String value = optionalHeader(lookup, name);
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  /**
   * An optional header, trimmed, checked as {@link #header(Function, String)} checks it; {@code
   * null} when absent or blank.
   *
   * @throws WebhookVerificationException {@code MALFORMED_HEADER} when over {@link
   *     Limits#MAX_WEBHOOK_HEADER_CHARS} characters or holding a control character
   */
  public @Nullable String optionalHeader(Function<String, String> lookup, String name) {
    String value = lookup.apply(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    refuseOverlong(value, name, Limits.MAX_WEBHOOK_HEADER_CHARS);
    refuseControlCharacters(value, name);
    return value.strip();
  }

  /**
   * A required header of at most {@code maxChars} characters, trimmed, whose characters the caller
   * checks itself: for a header of kilobytes whose every character the caller refuses unless it is
   * of a narrower alphabet (Lago's JWT, which carries the body, base64url), so that it is not
   * scanned twice. What trimming removes is checked as {@link #header(Function, String)} checks it.
   *
   * @throws WebhookVerificationException {@code MISSING_HEADER} when absent or blank, {@code
   *     MALFORMED_HEADER} when over {@code maxChars} characters or trimmed of a control character
   */
  public String unscannedHeader(Function<String, String> lookup, String name, int maxChars) {
    String value = present(lookup, name, maxChars);
    String stripped = value.strip();
    if (stripped.length() != value.length()) {
      refuseControlCharacters(value, name);
    }
    return stripped;
  }

  private String present(Function<String, String> lookup, String name, int maxChars) {
    String value = lookup.apply(name);
    if (value == null || value.isBlank()) {
      throw missing(name);
    }
    refuseOverlong(value, name, maxChars);
    return value;
  }

  private WebhookVerificationException missing(String name) {
    return refuse(Reason.MISSING_HEADER, "no " + name + " header");
  }

  private void refuseOverlong(String value, String name, int maxChars) {
    if (value.length() > maxChars) {
      throw refuse(Reason.MALFORMED_HEADER, "the " + name + " header is too long");
    }
  }

  private void refuseControlCharacters(String value, String name) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw refuse(Reason.MALFORMED_HEADER, "the " + name + " header holds a control character");
      }
    }
  }

  /**
   * Strict base64 (standard alphabet, padding optional).
   *
   * @throws WebhookVerificationException {@code MALFORMED_HEADER} naming the header
   */
  public byte[] base64(String text, String headerName) {
    byte[] out = decodeBase64(text);
    if (out == null) {
      throw refuse(Reason.MALFORMED_HEADER, "the " + headerName + " header is not base64");
    }
    return out;
  }

  /** Strict standard base64 (padding optional), or {@code null} when it is not. */
  public static byte @Nullable [] decodeBase64(String text) {
    // The JDK's basic decoder is that strict itself: it refuses every character outside the
    // alphabet (white space, the URL-safe '-' and '_', anything beyond ASCII) and '=' anywhere but
    // as the padding at the end.
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** HMAC-SHA256 of the parts, in order. */
  public static byte[] hmacSha256(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
    }
  }

  /**
   * An HMAC-SHA256 key, initialised once: {@link #sign} reuses an initialised {@link Mac} instead
   * of looking the algorithm up and initialising a new one per message (about 7% of a Billingrails
   * verification). One idle {@code Mac} is kept for the next message ({@code doFinal} leaves it
   * initialised with the key, ready for another); a message signed while it is in use signs with a
   * clone of the prototype, which is only cloned, never updated. Thread-safe.
   */
  public static final class Hmac {
    private final byte[] key;
    private final @Nullable Mac prototype;
    private final AtomicReference<@Nullable Mac> idle = new AtomicReference<>();

    /**
     * @throws IllegalArgumentException if the key is empty
     */
    public Hmac(byte[] key) {
      if (key.length == 0) {
        throw new IllegalArgumentException("empty HMAC key");
      }
      this.key = key.clone();
      Mac m = newMac(this.key);
      Mac cloneable;
      try {
        cloneable = m.clone() == null ? null : m; // probes that this provider's Mac clones
      } catch (CloneNotSupportedException e) {
        cloneable = null; // a provider without clone: a new Mac per message, as before
      }
      this.prototype = cloneable;
    }

    /** HMAC-SHA256 of the parts, in order. */
    public byte[] sign(byte[]... parts) {
      Mac mac = idle.getAndSet(null);
      if (mac == null) {
        try {
          mac = prototype != null ? (Mac) prototype.clone() : newMac(key);
        } catch (CloneNotSupportedException e) {
          mac = newMac(key);
        }
      }
      for (byte[] part : parts) {
        mac.update(part);
      }
      byte[] out = mac.doFinal(); // resets it to its initialised state
      idle.set(mac);
      return out;
    }

    private static Mac newMac(byte[] key) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
      }
    }
  }

  /** Whether the two are equal, in time that does not depend on where they differ. */
  public static boolean constantTimeEquals(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  /** The lowercase hex SHA-256 of the bytes. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
    }
  }

  /** UTF-8 bytes of the text. */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads the fields of one JSON object. */
  @FunctionalInterface
  public interface ObjectReader<T> {
    /** Reads the object; the reader is positioned at its start. */
    T read(JsonReader r) throws IOException;
  }

  /** Reads a webhook body's object, its nested objects through the {@link Pass} it is given. */
  @FunctionalInterface
  public interface BodyReader<T> {
    /** Reads the object; the reader is positioned at its start. */
    T read(JsonReader r, Pass pass) throws IOException;
  }

  /**
   * How {@link #readObject}'s pass reads a nested object: in place ({@code DIRECT}, the first pass)
   * or from a peek ({@code PEEK}, the second).
   */
  public enum Pass {
    /** The first pass: a nested object is read in place; one that cannot be read fails the pass. */
    DIRECT,
    /** The second pass: a nested object is read from a peek, and skipped. */
    PEEK;

    /**
     * Reads the next value with {@code reader} when it is an object that the reader accepts, else
     * skips it; either way the value is consumed. A payment object that cannot be read never makes
     * the event unreadable: in the first pass it sends {@link #readObject} to its second, which
     * reads the object from a peek and gives {@code null} for it.
     */
    public <T> @Nullable T optionalObject(JsonReader r, ObjectReader<T> reader) throws IOException {
      if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
        r.skipValue();
        return null;
      }
      if (this == DIRECT) {
        try {
          return reader.read(r); // one that stops short is caught at the end of the first pass
        } catch (JsonDataException e) {
          throw Retry.INSTANCE;
        }
      }
      T out = null;
      try (JsonReader peek = r.peekJson()) {
        out = reader.read(peek);
      } catch (JsonDataException e) {
        out = null;
      }
      r.skipValue();
      return out;
    }
  }

  /**
   * Reads a verified body that must be exactly one JSON object (nothing after it).
   *
   * <p>One pass in the common case: {@link Pass#optionalObject} reads a nested object straight from
   * the body. Only when such an object cannot be read (its reader throws {@link JsonDataException})
   * or the first pass does not end exactly at the end of the body (a nested reader that stopped
   * short of its object's end leaves the envelope's reader inside it, which then ends the envelope
   * early or fails) is the body read a second time, with every nested object read from a peek and
   * skipped, so the result is the same as if every nested object had been read from a peek. (A
   * nested reader must read its object to its end or throw, as the SDK's readers do: one that read
   * on past its object's end, into the envelope, would not be caught.)
   *
   * @throws WebhookVerificationException {@code UNPARSEABLE_BODY} when it is not
   */
  public <T> T readObject(byte[] body, BodyReader<T> reader) {
    try {
      return readOnce(body, reader, true);
    } catch (Retry retry) {
      return readOnce(body, reader, false);
    }
  }

  private <T> T readOnce(byte[] body, BodyReader<T> reader, boolean direct) {
    Buffer buffer = new Buffer().write(body);
    try (JsonReader r = JsonReader.of(buffer)) {
      if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw refuse(Reason.UNPARSEABLE_BODY, "the body is not a JSON object");
      }
      T out = reader.read(r, direct ? Pass.DIRECT : Pass.PEEK);
      if (r.peek() != JsonReader.Token.END_DOCUMENT) {
        if (direct) {
          throw Retry.INSTANCE; // perhaps a nested object's reader stopped short: read again
        }
        throw refuse(Reason.UNPARSEABLE_BODY, "the body has content after its JSON object");
      }
      return out;
    } catch (IOException | JsonDataException e) {
      if (direct) {
        throw Retry.INSTANCE; // the second pass decides (and refuses what is not JSON)
      }
      // Moshi's messages quote a path, never content; still, keep none of it.
      throw refuse(Reason.UNPARSEABLE_BODY, "the body is not valid JSON");
    } finally {
      buffer.clear(); // gives Okio's segment back to its pool
    }
  }

  /** Signals {@link #readObject} to read again with peeks. */
  private static final class Retry extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Retry INSTANCE = new Retry();

    private Retry() {
      super(null, null, false, false);
    }
  }

  /** A scalar envelope field as text, or {@code null}; an object or array is skipped. */
  public static @Nullable String scalar(JsonReader r) throws IOException {
    return switch (r.peek()) {
      case STRING, NUMBER, BOOLEAN, NULL -> Json.nextString(r);
      default -> {
        r.skipValue();
        yield null;
      }
    };
  }
}
