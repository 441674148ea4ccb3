package io.payclient.lago;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The payment provider behind a Lago payment ({@code payment_provider_type}). Values this SDK does
 * not know map to {@link #UNKNOWN}; the raw value is kept.
 */
public enum LagoPaymentProviderType {
  /** {@code adyen}. */
  ADYEN("adyen"),
  /** {@code cashfree}. */
  CASHFREE("cashfree"),
  /** {@code gocardless}. */
  GOCARDLESS("gocardless"),
  /** {@code stripe}. */
  STRIPE("stripe"),
  /** {@code flutterwave}. */
  FLUTTERWAVE("flutterwave"),
  /** {@code moneyhash}. */
  MONEYHASH("moneyhash"),
  /** A value this SDK version does not know. */
  UNKNOWN(null);

  private final @Nullable String wire;

  LagoPaymentProviderType(@Nullable String wire) {
    this.wire = wire;
  }

  /** The wire value, or {@code null} for {@link #UNKNOWN}. */
  public @Nullable String wireValue() {
    return wire;
  }

  /** {@link #values()}, built once: {@code values()} copies the array on every call. */
  private static final LagoPaymentProviderType[] VALUES = values();

  /** Maps a wire value (case-insensitive); {@code null} or unknown gives {@link #UNKNOWN}. */
  public static LagoPaymentProviderType fromWire(@Nullable String value) {
    if (value != null) {
      for (LagoPaymentProviderType v : VALUES) {
        if (value.equals(v.wire)) {
          return v; // as sent by Lago: no lower-casing
        }
      }
      String lower = value.toLowerCase(Locale.ROOT);
      for (LagoPaymentProviderType v : VALUES) {
        if (v.wire != null && v.wire.toLowerCase(Locale.ROOT).equals(lower)) {
          return v;
        }
      }
    }
    return UNKNOWN;
  }
}
