package io.payclient.core;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The vendor-neutral state of a payment.
 *
 * <p>Wire values map as: {@code succeeded}/{@code completed} → {@link #SUCCEEDED}, {@code pending}
 * → {@link #PENDING}, {@code processing} → {@link #PROCESSING}, {@code failed} → {@link #FAILED},
 * {@code canceled}/{@code cancelled} → {@link #CANCELLED}, {@code expired} → {@link #EXPIRED}, and
 * anything else → {@link #UNKNOWN}. The raw wire value is always kept on {@link
 * Payment#rawStatus()}; an unknown value never throws.
 */
public enum PaymentStatus {
  /** Created, waiting for the payer or the provider. */
  PENDING,
  /** The provider is processing the payment. */
  PROCESSING,
  /** Money was received. Terminal. */
  SUCCEEDED,
  /** The payment failed. Terminal. */
  FAILED,
  /** The payment was cancelled. Terminal. */
  CANCELLED,
  /** The payment expired before it was paid. Terminal. */
  EXPIRED,
  /** A status this SDK version does not know; see {@link Payment#rawStatus()}. */
  UNKNOWN;

  /** Whether the payment can no longer change state. {@link #UNKNOWN} is not terminal. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == EXPIRED;
  }

  /**
   * Maps a vendor wire value with the shared table above; {@code null} or an unrecognised value
   * gives {@link #UNKNOWN}. Never throws.
   */
  public static PaymentStatus fromWire(@Nullable String wireValue) {
    if (wireValue == null) {
      return UNKNOWN;
    }
    return switch (wireValue.trim().toLowerCase(Locale.ROOT)) {
      case "succeeded", "completed" -> SUCCEEDED;
      case "pending" -> PENDING;
      case "processing" -> PROCESSING;
      case "failed" -> FAILED;
      case "canceled", "cancelled" -> CANCELLED;
      case "expired" -> EXPIRED;
      default -> UNKNOWN;
    };
  }
}
