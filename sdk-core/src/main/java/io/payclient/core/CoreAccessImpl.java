package io.payclient.core;

import io.payclient.core.internal.CoreAccess;
import io.payclient.core.internal.Link;
import io.payclient.core.internal.PageFetcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The package-private constructors of this package, for the SDK's modules; see {@link CoreAccess}.
 */
final class CoreAccessImpl extends CoreAccess {
  @Override
  public Payment payment(
      String id,
      String vendor,
      @Nullable PaymentStatus status,
      @Nullable String rawStatus,
      @Nullable Money amount,
      @Nullable String reference,
      @Nullable String customerId,
      @Nullable Instant createdAt,
      @Nullable Link paymentUrl,
      @Nullable String idempotencyKey,
      boolean replayed,
      Object vendorPayment) {
    return new Payment(
        id,
        vendor,
        status,
        rawStatus,
        amount,
        reference,
        customerId,
        createdAt,
        paymentUrl,
        idempotencyKey,
        replayed,
        vendorPayment);
  }

  @Override
  public <T> Page<T> page(List<T> items, @Nullable PageFetcher<T> next, @Nullable Long totalCount) {
    return new Page<>(items, next, totalCount);
  }

  @Override
  public PayClientException.Context context(
      String vendor, @Nullable String idempotencyKey, int attempts) {
    return new PayClientException.Context(vendor, idempotencyKey, attempts);
  }

  @Override
  public ApiError apiError(
      int httpStatus,
      @Nullable String code,
      String message,
      List<FieldError> fieldErrors,
      @Nullable String requestId,
      @Nullable String rawBody,
      @Nullable Duration retryAfter) {
    return new ApiError(httpStatus, code, message, fieldErrors, requestId, rawBody, retryAfter);
  }

  @Override
  public ApiException apiException(
      ApiError error,
      PayClientException.Context context,
      boolean mayHaveTakenEffect,
      boolean earlierAttemptMayHaveTakenEffect) {
    return ApiException.of(error, context, mayHaveTakenEffect, earlierAttemptMayHaveTakenEffect);
  }

  @Override
  public ConnectionException connectionException(
      String message,
      @Nullable Throwable cause,
      PayClientException.Context context,
      boolean requestSent,
      boolean outcomeUnknown) {
    return new ConnectionException(message, cause, context, requestSent, outcomeUnknown);
  }

  @Override
  public ResponseFormatException responseFormatException(
      String message,
      @Nullable Throwable cause,
      PayClientException.Context context,
      int httpStatus,
      @Nullable String rawBody,
      boolean outcomeUnknown) {
    return new ResponseFormatException(
        message, cause, context, httpStatus, rawBody, outcomeUnknown);
  }

  @Override
  public RequestValidationException requestValidationException(
      String vendor, List<FieldError> violations) {
    return new RequestValidationException(vendor, violations);
  }

  @Override
  public WebhookEvent webhookEvent(
      String vendor,
      String id,
      String type,
      @Nullable Payment payment,
      byte[] rawBody,
      Object vendorEvent) {
    return WebhookEvent.sharing(vendor, id, type, payment, rawBody, vendorEvent);
  }

  @Override
  public WebhookVerificationException webhookRefused(
      String vendor,
      WebhookVerificationException.Reason reason,
      String detail,
      @Nullable Throwable cause) {
    return WebhookVerificationException.of(vendor, reason, detail, cause);
  }

  @Override
  public java.util.concurrent.CompletableFuture<Payment> awaitTerminalAsync(
      PaymentsClient client,
      String paymentId,
      java.time.Duration timeout,
      java.time.Duration firstInterval,
      PaymentsListener listener) {
    try {
      return Waiter.start(client, paymentId, timeout, firstInterval, listener);
    } catch (RuntimeException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
  }
}
