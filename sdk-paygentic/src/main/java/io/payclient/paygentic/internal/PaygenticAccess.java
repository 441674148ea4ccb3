package io.payclient.paygentic.internal;

import io.payclient.core.internal.Link;
import io.payclient.paygentic.PaygenticLineItem;
import io.payclient.paygentic.PaygenticPagination;
import io.payclient.paygentic.PaygenticPayment;
import io.payclient.paygentic.PaygenticPaymentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Not API: how this module's readers construct the Paygentic types applications only receive, whose
 * constructors are package-private so that a new wire field is never a binary break. The pattern is
 * the JDK's {@code SharedSecrets} (OkHttp's {@code Internal}), as in {@code
 * io.payclient.core.internal.CoreAccess}: {@link PaygenticPayment}'s static initializer installs
 * the implementation, and {@link #get()} makes sure that has run.
 */
public abstract class PaygenticAccess {
  private static volatile @Nullable PaygenticAccess instance;

  /** For the implementation in {@code io.payclient.paygentic} only. */
  protected PaygenticAccess() {}

  /**
   * Installs the implementation; called once, by {@code io.payclient.paygentic}.
   *
   * @throws IllegalStateException if one is installed already
   */
  public static synchronized void install(PaygenticAccess access) {
    if (instance != null) {
      throw new IllegalStateException("PaygenticAccess is installed already");
    }
    instance = access;
  }

  /**
   * The installed implementation.
   *
   * @throws IllegalStateException if {@code io.payclient.paygentic} failed to install it (never
   *     expected)
   */
  public static PaygenticAccess get() {
    PaygenticAccess access = instance;
    if (access != null) {
      return access;
    }
    try {
      Class.forName(
          PaygenticPayment.class.getName(), true, PaygenticPayment.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    access = instance;
    if (access == null) {
      throw new IllegalStateException("io.payclient.paygentic did not install PaygenticAccess");
    }
    return access;
  }

  /** A {@link PaygenticPayment}, through its package-private constructor. */
  public abstract PaygenticPayment paygenticPayment(
      String id,
      @Nullable String object,
      @Nullable BigDecimal amount,
      @Nullable String currency,
      PaygenticPaymentStatus status,
      @Nullable String rawStatus,
      @Nullable Instant createdAt,
      @Nullable Link paymentUrl,
      @Nullable String customerId,
      @Nullable String idempotencyKey,
      @Nullable String reference,
      Map<String, String> metadata,
      List<PaygenticLineItem> lineItems,
      @Nullable Instant expiresAt,
      boolean replayed,
      Map<String, String> untyped);

  /** A payment's {@code paymentUrl} as read ({@link PaygenticPayment#paymentUrl()} builds it). */
  public abstract @Nullable Link paymentUrl(PaygenticPayment payment);

  /** A {@link PaygenticPagination}, through its package-private constructor. */
  public abstract PaygenticPagination paygenticPagination(
      @Nullable Integer limit, @Nullable Integer offset, @Nullable Long total);
}
