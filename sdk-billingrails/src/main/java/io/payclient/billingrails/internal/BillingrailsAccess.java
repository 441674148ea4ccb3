package io.payclient.billingrails.internal;

import io.payclient.billingrails.BillingrailsPayment;
import io.payclient.billingrails.BillingrailsPaymentFailureReason;
import io.payclient.billingrails.BillingrailsPaymentMethod;
import io.payclient.billingrails.BillingrailsPaymentStatus;
import io.payclient.core.internal.Link;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Not API: how this module's readers construct the Billingrails types applications only receive,
 * whose constructors are package-private so that a new wire field is never a binary break. The
 * pattern is the JDK's {@code SharedSecrets} (OkHttp's {@code Internal}), as in {@code
 * io.payclient.core.internal.CoreAccess}: {@link BillingrailsPayment}'s static initializer installs
 * the implementation, and {@link #get()} makes sure that has run.
 */
public abstract class BillingrailsAccess {
  private static volatile @Nullable BillingrailsAccess instance;

  /** For the implementation in {@code io.payclient.billingrails} only. */
  protected BillingrailsAccess() {}

  /**
   * Installs the implementation; called once, by {@code io.payclient.billingrails}.
   *
   * @throws IllegalStateException if one is installed already
   */
  public static synchronized void install(BillingrailsAccess access) {
    if (instance != null) {
      throw new IllegalStateException("BillingrailsAccess is installed already");
    }
    instance = access;
  }

  /**
   * The installed implementation.
   *
   * @throws IllegalStateException if {@code io.payclient.billingrails} failed to install it (never
   *     expected)
   */
  public static BillingrailsAccess get() {
    BillingrailsAccess access = instance;
    if (access != null) {
      return access;
    }
    try {
      Class.forName(
          BillingrailsPayment.class.getName(), true, BillingrailsPayment.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    access = instance;
    if (access == null) {
      throw new IllegalStateException(
          "io.payclient.billingrails did not install BillingrailsAccess");
    }
    return access;
  }

  /** A {@link BillingrailsPayment}, through its package-private constructor. */
  public abstract BillingrailsPayment billingrailsPayment(
      @Nullable String object,
      String id,
      @Nullable String accountId,
      @Nullable Long amountMinor,
      @Nullable String currency,
      @Nullable String description,
      @Nullable BillingrailsPaymentMethod paymentMethod,
      @Nullable String paymentMethodId,
      @Nullable String referenceId,
      BillingrailsPaymentStatus status,
      @Nullable String rawStatus,
      BillingrailsPaymentFailureReason failureReason,
      @Nullable String rawFailureReason,
      @Nullable Instant createdAt,
      @Nullable Link paymentLink,
      @Nullable String requestId,
      Map<String, String> untyped);

  /** A payment's link as read ({@link BillingrailsPayment#paymentLink()} builds its URI). */
  public abstract @Nullable Link paymentLink(BillingrailsPayment payment);

  /** A {@link BillingrailsPaymentMethod}, through its package-private constructor. */
  public abstract BillingrailsPaymentMethod billingrailsPaymentMethod(
      @Nullable String object,
      @Nullable String id,
      @Nullable String status,
      @Nullable String type,
      @Nullable String provider,
      @Nullable String channel,
      @Nullable String accountId,
      @Nullable String accountName,
      Map<String, @Nullable Object> details,
      @Nullable Instant createdAt);
}
