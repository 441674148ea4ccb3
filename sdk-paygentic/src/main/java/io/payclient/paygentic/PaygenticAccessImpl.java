package io.payclient.paygentic;

import io.payclient.core.internal.Link;
import io.payclient.paygentic.internal.PaygenticAccess;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The package-private constructors of this package, for its readers; see {@link PaygenticAccess}.
 */
final class PaygenticAccessImpl extends PaygenticAccess {
  @Override
  public PaygenticPayment paygenticPayment(
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
      Map<String, String> untyped) {
    return new PaygenticPayment(
        id,
        object,
        amount,
        currency,
        status,
        rawStatus,
        createdAt,
        paymentUrl,
        customerId,
        idempotencyKey,
        reference,
        metadata,
        lineItems,
        expiresAt,
        replayed,
        untyped);
  }

  @Override
  public @Nullable Link paymentUrl(PaygenticPayment payment) {
    return payment.link();
  }

  @Override
  public PaygenticPagination paygenticPagination(
      @Nullable Integer limit, @Nullable Integer offset, @Nullable Long total) {
    return new PaygenticPagination(limit, offset, total);
  }
}
