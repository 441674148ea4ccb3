package io.payclient.lago;

import io.payclient.core.internal.WireValues;
import org.jspecify.annotations.Nullable;

/**
 * What a Lago payment pays ({@code payable_type}). Values this SDK does not know map to {@link
 * #UNKNOWN}; the raw value is kept.
 */
public enum LagoPayableType {
  /** {@code Invoice}. */
  INVOICE("Invoice"),
  /** {@code PaymentRequest}. */
  PAYMENT_REQUEST("PaymentRequest"),
  /** A value this SDK version does not know. */
  UNKNOWN(null);

  private final @Nullable String wire;

  LagoPayableType(@Nullable String wire) {
    this.wire = wire;
  }

  /** The wire value, or {@code null} for {@link #UNKNOWN}. */
  public @Nullable String wireValue() {
    return wire;
  }

  private static final WireValues<LagoPayableType> WIRE =
      WireValues.of(values(), e -> e.wire, false);

  /** Maps a wire value (case-insensitive); {@code null} or unknown gives {@link #UNKNOWN}. */
  public static LagoPayableType fromWire(@Nullable String value) {
    LagoPayableType found = WIRE.find(value);
    return found != null ? found : UNKNOWN;
  }
}
