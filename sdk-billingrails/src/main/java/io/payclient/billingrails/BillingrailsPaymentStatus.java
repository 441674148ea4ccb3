package io.payclient.billingrails;

import io.payclient.core.PaymentStatus;
import io.payclient.core.internal.WireValues;
import org.jspecify.annotations.Nullable;

/**
 * The status of a Billingrails payment ({@code status}). Values this SDK does not know map to
 * {@link #UNKNOWN}; the raw value is kept on {@link BillingrailsPayment#rawStatus()}.
 */
public enum BillingrailsPaymentStatus {
  /** {@code pending}: waiting for the payer or the provider. */
  PENDING("pending", PaymentStatus.PENDING),
  /** {@code succeeded}: the money was received. */
  SUCCEEDED("succeeded", PaymentStatus.SUCCEEDED),
  /** {@code failed}: see {@link BillingrailsPayment#failureReason()}. */
  FAILED("failed", PaymentStatus.FAILED),
  /** {@code canceled} (one "l", as Billingrails spells it). */
  CANCELED("canceled", PaymentStatus.CANCELLED),
  /** A value this SDK version does not know. */
  UNKNOWN(null, PaymentStatus.UNKNOWN);

  private final @Nullable String wire;
  private final PaymentStatus neutral;

  BillingrailsPaymentStatus(@Nullable String wire, PaymentStatus neutral) {
    this.wire = wire;
    this.neutral = neutral;
  }

  /** The wire value, or {@code null} for {@link #UNKNOWN}. */
  public @Nullable String wireValue() {
    return wire;
  }

  /** The vendor-neutral status. */
  public PaymentStatus neutral() {
    return neutral;
  }

  private static final WireValues<BillingrailsPaymentStatus> WIRE =
      WireValues.of(values(), e -> e.wire, true);

  /** Maps a wire value (case-insensitive); {@code null} or unknown gives {@link #UNKNOWN}. */
  public static BillingrailsPaymentStatus fromWire(@Nullable String value) {
    BillingrailsPaymentStatus found = WIRE.find(value);
    return found != null ? found : UNKNOWN;
  }
}
