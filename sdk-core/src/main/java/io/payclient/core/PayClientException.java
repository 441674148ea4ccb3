package io.payclient.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception PayClient throws. Unchecked.
 *
 * <p>Every exception carries the {@linkplain #vendor() vendor}, the {@linkplain #idempotencyKey()
 * idempotency key} that was used (if any) and the number of {@linkplain #attempts() attempts} made.
 * No exception message, {@code toString()} or field ever contains the API key.
 */
public class PayClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Where an exception happened: the vendor, the idempotency key used, and how many HTTP attempts
   * were made (0 when the request was rejected before any I/O). Built only by the SDK; equal when
   * every field is equal.
   */
  public static final class Context {
    private final String vendor;
    private final @Nullable String idempotencyKey;
    private final int attempts;

    Context(String vendor, @Nullable String idempotencyKey, int attempts) {
      this.vendor = Objects.requireNonNull(vendor, "vendor");
      if (attempts < 0) {
        throw new IllegalArgumentException("attempts must be >= 0");
      }
      this.idempotencyKey = idempotencyKey;
      this.attempts = attempts;
    }

    /** A context for a failure before any I/O. */
    static Context beforeIo(String vendor, @Nullable String idempotencyKey) {
      return new Context(vendor, idempotencyKey, 0);
    }

    /** {@code "lago"}, {@code "billingrails"}, {@code "paygentic"}, or {@code "core"}. */
    public String vendor() {
      return vendor;
    }

    /** The key sent with the request, or {@code null}. */
    public @Nullable String idempotencyKey() {
      return idempotencyKey;
    }

    /** The number of HTTP attempts made. */
    public int attempts() {
      return attempts;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Context c
          && vendor.equals(c.vendor)
          && Objects.equals(idempotencyKey, c.idempotencyKey)
          && attempts == c.attempts;
    }

    @Override
    public int hashCode() {
      return Objects.hash(vendor, idempotencyKey, attempts);
    }

    @Override
    public String toString() {
      return "Context[vendor="
          + vendor
          + ", idempotencyKey="
          + idempotencyKey
          + ", attempts="
          + attempts
          + ']';
    }
  }

  private final Context context;
  private final boolean outcomeUnknown;

  /**
   * Creates an exception. When the context has an idempotency key, the message ends with it (never
   * with the API key), so that a logged exception is enough to retry the call later.
   *
   * @param message what went wrong; must not contain secrets
   * @param cause the underlying exception, or {@code null}
   * @param context vendor, idempotency key and attempts
   * @param outcomeUnknown whether the request may have taken effect on the server
   */
  PayClientException(
      String message, @Nullable Throwable cause, Context context, boolean outcomeUnknown) {
    super(withKey(message, context), cause);
    this.context = Objects.requireNonNull(context, "context");
    this.outcomeUnknown = outcomeUnknown;
  }

  private static String withKey(String message, Context context) {
    String key = context.idempotencyKey();
    if (key == null || message == null || message.contains(key)) {
      return message;
    }
    return message + " [idempotency key " + key + "]";
  }

  /** The vendor the request was for. */
  public String vendor() {
    return context.vendor();
  }

  /**
   * The idempotency key that was sent, or {@code null}. After an unknown outcome, retry the create
   * later with this key (Billingrails, Paygentic) to get the original payment instead of a second
   * one.
   */
  public @Nullable String idempotencyKey() {
    return context.idempotencyKey();
  }

  /** How many HTTP attempts were made; 0 when nothing was sent. */
  public int attempts() {
    return context.attempts();
  }

  /** The context (vendor, idempotency key, attempts). */
  public Context context() {
    return context;
  }

  /**
   * Whether the request may have taken effect on the server although the SDK could not confirm it
   * (a timeout or reset after the request was sent, a 5xx). When {@code true} for a create, do not
   * blindly create again: retry with the same {@link #idempotencyKey()} (Billingrails, Paygentic)
   * or look the payment up by its reference (Lago).
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
