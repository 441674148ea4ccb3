package io.payclient.billingrails;

import io.payclient.billingrails.internal.BillingrailsAccess;
import io.payclient.core.internal.Link;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The package-private constructors of this package, for its readers; see {@link
 * BillingrailsAccess}.
 */
final class BillingrailsAccessImpl extends BillingrailsAccess {
  @Override
  public BillingrailsPayment billingrailsPayment(
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
      Map<String, String> untyped) {
    return new BillingrailsPayment(
        object,
        id,
        accountId,
        amountMinor,
        currency,
        description,
        paymentMethod,
        paymentMethodId,
        referenceId,
        status,
        rawStatus,
        failureReason,
        rawFailureReason,
        createdAt,
        paymentLink,
        requestId,
        untyped);
  }

  @Override
  public @Nullable Link paymentLink(BillingrailsPayment payment) {
    return payment.link();
  }

  @Override
  public BillingrailsPaymentMethod billingrailsPaymentMethod(
      @Nullable String object,
      @Nullable String id,
      @Nullable String status,
      @Nullable String type,
      @Nullable String provider,
      @Nullable String channel,
      @Nullable String accountId,
      @Nullable String accountName,
      Map<String, @Nullable Object> details,
      @Nullable Instant createdAt) {
    return new BillingrailsPaymentMethod(
        object, id, status, type, provider, channel, accountId, accountName, details, createdAt);
  }
}
