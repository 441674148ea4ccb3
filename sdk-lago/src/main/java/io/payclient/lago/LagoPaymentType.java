package io.payclient.lago;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a Lago payment was made ({@code type}). Values this SDK does not know map to {@link
 * #UNKNOWN}; the raw value is kept.
 */
public enum LagoPaymentType {
  /** {@code manual}. */
  MANUAL("manual"),
  /** {@code provider}. */
  PROVIDER("provider"),
  /** A value this SDK version does not know. */
  UNKNOWN(null);

  private final @Nullable String wire;

  LagoPaymentType(@Nullable String wire) {
    this.wire = wire;
  }

  /** The wire value, or {@code null} for {@link #UNKNOWN}. */
  public @Nullable String wireValue() {
    return wire;
  }

  /** {@link #values()}, built once: {@code values()} copies the array on every call. */
  private static final LagoPaymentType[] VALUES = values();

  /** Maps a wire value (case-insensitive); {@code null} or unknown gives {@link #UNKNOWN}. */
  public static LagoPaymentType fromWire(@Nullable String value) {
    if (value != null) {
      for (LagoPaymentType v : VALUES) {
        if (value.equals(v.wire)) {
          return v; // as sent by Lago: no lower-casing
        }
      }
      String lower = value.toLowerCase(Locale.ROOT);
      for (LagoPaymentType v : VALUES) {
        if (v.wire != null && v.wire.toLowerCase(Locale.ROOT).equals(lower)) {
          return v;
        }
      }
    }
    return UNKNOWN;
  }
}
