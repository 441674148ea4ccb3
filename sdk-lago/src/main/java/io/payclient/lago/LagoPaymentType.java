package io.payclient.lago;

import io.payclient.core.internal.WireValues;
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

  private static final WireValues<LagoPaymentType> WIRE =
      WireValues.of(values(), e -> e.wire, false);

  /** Maps a wire value (case-insensitive); {@code null} or unknown gives {@link #UNKNOWN}. */
  public static LagoPaymentType fromWire(@Nullable String value) {
    LagoPaymentType found = WIRE.find(value);
    return found != null ? found : UNKNOWN;
  }
}
