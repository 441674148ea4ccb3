package io.payclient.core.internal;

import io.payclient.core.ApiError;
import io.payclient.core.ApiException;
import io.payclient.core.ConnectionException;
import io.payclient.core.FieldError;
import io.payclient.core.Money;
import io.payclient.core.Page;
import io.payclient.core.PayClientException;
import io.payclient.core.Payment;
import io.payclient.core.PaymentStatus;
import io.payclient.core.RequestValidationException;
import io.payclient.core.ResponseFormatException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Not API: how the SDK's own modules construct the types applications only receive (payments,
 * pages, errors, exceptions), whose constructors are package-private so that a new field is never a
 * binary break. The pattern is the JDK's {@code SharedSecrets} (and OkHttp's {@code Internal}): the
 * public package installs its implementation from {@link Payment}'s static initializer, and {@link
 * #get()} makes sure that has run. This package is exported only to the SDK's own modules; on the
 * class path it is still visible, but it may change in any release.
 */
public abstract class CoreAccess {
  private static volatile @Nullable CoreAccess instance;

  /** For the implementation in {@code io.payclient.core} only. */
  protected CoreAccess() {}

  /**
   * Installs the implementation; called once, by {@code io.payclient.core}.
   *
   * @throws IllegalStateException if one is installed already
   */
  public static synchronized void install(CoreAccess access) {
    if (instance != null) {
      throw new IllegalStateException("CoreAccess is installed already");
    }
    instance = access;
  }

  /**
   * The installed implementation.
   *
   * @throws IllegalStateException if {@code io.payclient.core} failed to install it (never
   *     expected)
   */
  public static CoreAccess get() {
    CoreAccess access = instance;
    if (access != null) {
      return access;
    }
    try {
      Class.forName(Payment.class.getName(), true, Payment.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    access = instance;
    if (access == null) {
      throw new IllegalStateException("io.payclient.core did not install CoreAccess");
    }
    return access;
  }

  /** A neutral payment; see {@link PaymentBuilder}. */
  public abstract Payment payment(
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
      Object vendorPayment);

  /**
   * A page.
   *
   * @param items the items of this page
   * @param next how to fetch the next page, or {@code null} when this is the last
   * @param totalCount the total number of items across all pages if the vendor says, else {@code
   *     null}
   */
  public abstract <T> Page<T> page(
      List<T> items, @Nullable PageFetcher<T> next, @Nullable Long totalCount);

  /**
   * Where an exception happened.
   *
   * @throws IllegalArgumentException if {@code attempts} is negative
   */
  public abstract PayClientException.Context context(
      String vendor, @Nullable String idempotencyKey, int attempts);

  /** A parsed error response; {@code fieldErrors} is copied. */
  public abstract ApiError apiError(
      int httpStatus,
      @Nullable String code,
      String message,
      List<FieldError> fieldErrors,
      @Nullable String requestId,
      @Nullable String rawBody,
      @Nullable Duration retryAfter);

  /**
   * The exception type for the error's HTTP status, for the last attempt of a call.
   *
   * @param mayHaveTakenEffect whether a 5xx or 408 could hide a created payment (true for creates)
   * @param earlierAttemptMayHaveTakenEffect whether an earlier attempt of the same call may have
   *     created something
   */
  public abstract ApiException apiException(
      ApiError error,
      PayClientException.Context context,
      boolean mayHaveTakenEffect,
      boolean earlierAttemptMayHaveTakenEffect);

  /** A network failure; see {@link ConnectionException}. */
  public abstract ConnectionException connectionException(
      String message,
      @Nullable Throwable cause,
      PayClientException.Context context,
      boolean requestSent,
      boolean outcomeUnknown);

  /** An unreadable 2xx body; see {@link ResponseFormatException}. */
  public abstract ResponseFormatException responseFormatException(
      String message,
      @Nullable Throwable cause,
      PayClientException.Context context,
      int httpStatus,
      @Nullable String rawBody,
      boolean outcomeUnknown);

  /** A request rejected before any I/O, with every violation. */
  public abstract RequestValidationException requestValidationException(
      String vendor, List<FieldError> violations);

  /**
   * A verified webhook event; see {@link io.payclient.core.WebhookEvent}. The event keeps {@code
   * rawBody} as it is, without a copy of its own: pass the vendor event's private copy, which
   * nobody modifies (the event only hands out copies of it).
   */
  public abstract io.payclient.core.WebhookEvent webhookEvent(
      String vendor,
      String id,
      String type,
      @Nullable Payment payment,
      byte[] rawBody,
      Object vendorEvent);

  /** A refused webhook; see {@link io.payclient.core.WebhookVerificationException}. */
  public abstract io.payclient.core.WebhookVerificationException webhookRefused(
      String vendor,
      io.payclient.core.WebhookVerificationException.Reason reason,
      String detail,
      @Nullable Throwable cause);

  /**
   * A waiter that also tells {@code listener} of each poll; see {@link
   * io.payclient.core.PaymentsClient#awaitTerminalAsync(String, Duration, Duration)}.
   */
  public abstract java.util.concurrent.CompletableFuture<Payment> awaitTerminalAsync(
      io.payclient.core.PaymentsClient client,
      String paymentId,
      Duration timeout,
      Duration firstInterval,
      io.payclient.core.PaymentsListener listener);
}
