package io.payclient.paygentic;

import io.payclient.core.PaymentStatus;
import io.payclient.core.internal.WireValues;
import org.jspecify.annotations.Nullable;

/**
 * The status of a Paygentic payment. The lifecycle is pending → processing → completed; an unpaid
 * payment expires at its {@code expiresAt}. Values this SDK does not know map to {@link #UNKNOWN};
 * the raw value is kept on {@link PaygenticPayment#rawStatus()}.
 */
public enum PaygenticPaymentStatus {
  /** {@code pending}: waiting for the customer. */
  PENDING("pending"),
  /** {@code processing}: the provider is processing the payment. */
  PROCESSING("processing"),
  /** {@code completed}: paid. */
  COMPLETED("completed"),
  /** {@code expired}: not paid before {@code expiresAt}. */
  EXPIRED("expired"),
  /** {@code cancelled}. */
  CANCELLED("cancelled"),
  /** {@code failed}: not in the payment spec, but the payment sessions behind payments know it. */
  FAILED("failed"),
  /** A value this SDK version does not know. */
  UNKNOWN(null);

  private final @Nullable String wire;

  PaygenticPaymentStatus(@Nullable String wire) {
    this.wire = wire;
  }

  /** The wire value, or {@code null} for {@link #UNKNOWN}. */
  public @Nullable String wireValue() {
    return wire;
  }

  /** The vendor-neutral status ({@code completed} → {@code SUCCEEDED}). */
  public PaymentStatus toNeutral() {
    return PaymentStatus.fromWire(wire);
  }

  private static final WireValues<PaygenticPaymentStatus> WIRE =
      WireValues.of(values(), e -> e.wire, true);

  /** Maps a wire value (case-insensitive); {@code null} or unknown gives {@link #UNKNOWN}. */
  public static PaygenticPaymentStatus fromWire(@Nullable String value) {
    PaygenticPaymentStatus found = WIRE.find(value);
    return found != null ? found : UNKNOWN;
  }
}
