package io.payclient.lago;

import io.payclient.core.internal.WireValues;
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

  private static final WireValues<LagoPaymentProviderType> WIRE =
      WireValues.of(values(), e -> e.wire, false);

  /** Maps a wire value (case-insensitive); {@code null} or unknown gives {@link #UNKNOWN}. */
  public static LagoPaymentProviderType fromWire(@Nullable String value) {
    LagoPaymentProviderType found = WIRE.find(value);
    return found != null ? found : UNKNOWN;
  }
}
