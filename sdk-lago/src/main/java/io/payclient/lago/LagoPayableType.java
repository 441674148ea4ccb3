package io.payclient.lago;

import java.util.Locale;
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

  /** {@link #values()}, built once: {@code values()} copies the array on every call. */
  private static final LagoPayableType[] VALUES = values();

  /** Maps a wire value (case-insensitive); {@code null} or unknown gives {@link #UNKNOWN}. */
  public static LagoPayableType fromWire(@Nullable String value) {
    if (value != null) {
      for (LagoPayableType v : VALUES) {
        if (value.equals(v.wire)) {
          return v; // as sent by Lago: no lower-casing
        }
      }
      String lower = value.toLowerCase(Locale.ROOT);
      for (LagoPayableType v : VALUES) {
        if (v.wire != null && v.wire.toLowerCase(Locale.ROOT).equals(lower)) {
          return v;
        }
      }
    }
    return UNKNOWN;
  }
}
