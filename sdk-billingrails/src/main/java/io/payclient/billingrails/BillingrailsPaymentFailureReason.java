package io.payclient.billingrails;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Why a Billingrails payment failed ({@code failure_reason}). Values this SDK does not know map to
 * {@link #UNKNOWN}; the raw value is kept on {@link BillingrailsPayment#rawFailureReason()}. A
 * payment without a failure reason has {@link #NONE}.
 */
public enum BillingrailsPaymentFailureReason {
  /** {@code absent_payment_method}: the account has no payment method to charge. */
  ABSENT_PAYMENT_METHOD("absent_payment_method"),
  /** {@code invalid_payment_method}: the payment method cannot be charged. */
  INVALID_PAYMENT_METHOD("invalid_payment_method"),
  /** {@code gateway_error}: the payment provider failed. */
  GATEWAY_ERROR("gateway_error"),
  /** {@code payment_url_generation_failed}: no payment link could be created. */
  PAYMENT_URL_GENERATION_FAILED("payment_url_generation_failed"),
  /** No {@code failure_reason} was sent (or it was {@code null}). */
  NONE(null),
  /** A value this SDK version does not know. */
  UNKNOWN(null);

  private final @Nullable String wire;

  BillingrailsPaymentFailureReason(@Nullable String wire) {
    this.wire = wire;
  }

  /** The wire value, or {@code null} for {@link #NONE} and {@link #UNKNOWN}. */
  public @Nullable String wireValue() {
    return wire;
  }

  /** {@link #values()}, built once: {@code values()} copies the array on every call. */
  private static final BillingrailsPaymentFailureReason[] VALUES = values();

  /**
   * Maps a wire value (case-insensitive): {@code null} or blank gives {@link #NONE}, an unknown
   * value {@link #UNKNOWN}. Never throws.
   */
  public static BillingrailsPaymentFailureReason fromWire(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    for (BillingrailsPaymentFailureReason r : VALUES) {
      if (value.equals(r.wire)) {
        return r; // as sent: no trimming, no lower-casing
      }
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (BillingrailsPaymentFailureReason r : VALUES) {
      if (v.equals(r.wire)) {
        return r;
      }
    }
    return UNKNOWN;
  }
}
