package io.payclient.billingrails;

import io.payclient.core.internal.WireValues;
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

  private static final WireValues<BillingrailsPaymentFailureReason> WIRE =
      WireValues.of(values(), e -> e.wire, true);

  /**
   * Maps a wire value (case-insensitive): {@code null} or blank gives {@link #NONE}, an unknown
   * value {@link #UNKNOWN}. Never throws.
   */
  public static BillingrailsPaymentFailureReason fromWire(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    BillingrailsPaymentFailureReason r = WIRE.find(value);
    return r != null ? r : UNKNOWN;
  }
}
