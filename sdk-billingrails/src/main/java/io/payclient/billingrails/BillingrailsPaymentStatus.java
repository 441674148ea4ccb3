package io.payclient.billingrails;

import io.payclient.core.PaymentStatus;
import java.util.Locale;
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

  /** {@link #values()}, built once: {@code values()} copies the array on every call. */
  private static final BillingrailsPaymentStatus[] VALUES = values();

  /** Maps a wire value (case-insensitive); {@code null} or unknown gives {@link #UNKNOWN}. */
  public static BillingrailsPaymentStatus fromWire(@Nullable String value) {
    if (value != null) {
      for (BillingrailsPaymentStatus s : VALUES) {
        if (value.equals(s.wire)) {
          return s; // as sent: no trimming, no lower-casing
        }
      }
      String v = value.trim().toLowerCase(Locale.ROOT);
      for (BillingrailsPaymentStatus s : VALUES) {
        if (v.equals(s.wire)) {
          return s;
        }
      }
    }
    return UNKNOWN;
  }
}
