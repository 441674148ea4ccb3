package io.payclient.billingrails;

import io.payclient.core.internal.WireValues;
import org.jspecify.annotations.Nullable;

/** How a Billingrails payment is made ({@code mode}). */
public enum BillingrailsPaymentMode {
  /**
   * {@code online}: the payment is processed through a payment provider; needs an {@code
   * integration_id} or a {@code payment_method_id}.
   */
  ONLINE("online"),
  /**
   * {@code offline}: records a payment made outside Billingrails (bank transfer, cash, cheque). The
   * default.
   */
  OFFLINE("offline");

  private final String wire;

  BillingrailsPaymentMode(String wire) {
    this.wire = wire;
  }

  /** The wire value, {@code "online"} or {@code "offline"}. */
  public String wireValue() {
    return wire;
  }

  private static final WireValues<BillingrailsPaymentMode> WIRE =
      WireValues.of(values(), e -> e.wire, true);

  /**
   * Maps a wire value (case-insensitive).
   *
   * @return the mode, or {@code null} when the value is {@code null} or not a known mode
   */
  public static @Nullable BillingrailsPaymentMode fromWire(@Nullable String value) {
    return WIRE.find(value);
  }
}
