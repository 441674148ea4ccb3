package io.payclient.lago.internal;

import io.payclient.core.PaymentsListener;
import io.payclient.core.RequestOptions;
import io.payclient.core.internal.Futures;
import io.payclient.core.internal.Limits;
import io.payclient.core.internal.Reconciler;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Lago has no idempotency, so after an ambiguous create this finds the payment the earlier attempt
 * may have made: one on the <em>same invoice</em> with the <em>same reference</em> (compared
 * exactly as sent: the SDK refuses, before any I/O, a reference that UTF-8 could not carry
 * unchanged) and the <em>same {@code amount_cents}</em>.
 *
 * <p>It reads the invoice's payments page by page by explicit page number, newest first, and stops
 * at the first match, an empty page, or a page that says it is the last. It reads at most {@value
 * Limits#MAX_RECONCILIATION_PAGES} pages of 100, each (its retries included) within the time left
 * of the create's deadline. A lookup that cannot read every page (the deadline, the page cap, an
 * error) fails rather than answer "nothing found", so the create is never sent a second time on a
 * partial view.
 *
 * @param <R> the create's result type
 */
public final class LagoReconciler<R> implements Reconciler<R> {
  /** Page size of the lookup, Lago's largest. */
  static final int PER_PAGE = 100;

  /** Reads one page of the invoice's payments with the given per-call options. */
  public interface Lister {
    /** The page, on the calling thread; {@code parent} is the create, for listeners. */
    LagoJson.PaymentList list(
        int page, int perPage, RequestOptions options, PaymentsListener.@Nullable Call parent);

    /** The page, without blocking; {@code parent} is the create, for listeners. */
    CompletableFuture<LagoJson.PaymentList> listAsync(
        int page, int perPage, RequestOptions options, PaymentsListener.@Nullable Call parent);
  }

  private final LagoPaymentCreateRequest request;
  private final Lister lister;
  private final Function<LagoPayment, R> found;

  /**
   * Creates the reconciler of one create.
   *
   * @param request what was sent
   * @param lister reads a page of the request's invoice's payments
   * @param found turns the matching payment into the create's result
   */
  public LagoReconciler(
      LagoPaymentCreateRequest request, Lister lister, Function<LagoPayment, R> found) {
    this.request = Objects.requireNonNull(request);
    this.lister = Objects.requireNonNull(lister);
    this.found = Objects.requireNonNull(found);
  }

  /** Whether a listed payment is the one the request would have created. */
  public static boolean matches(LagoPaymentCreateRequest request, LagoPayment p) {
    String invoice = request.invoiceId();
    boolean sameInvoice = p.invoiceIds().contains(invoice) || invoice.equals(p.lagoPayableId());
    return sameInvoice
        && request.reference().equals(p.reference())
        && Long.valueOf(request.amountCents()).equals(p.amountCents());
  }

  @Override
  public Optional<R> find(Duration timeLeft, PaymentsListener.@Nullable Call parent) {
    long deadline = System.nanoTime() + timeLeft.toNanos();
    for (int page = 1; page <= Limits.MAX_RECONCILIATION_PAGES; page++) {
      LagoJson.PaymentList list = lister.list(page, PER_PAGE, options(deadline), parent);
      Optional<R> hit = match(list);
      if (hit.isPresent() || isLast(list)) {
        return hit;
      }
    }
    throw incomplete();
  }

  @Override
  public CompletableFuture<Optional<R>> findAsync(
      Duration timeLeft, PaymentsListener.@Nullable Call parent) {
    long deadline = System.nanoTime() + timeLeft.toNanos();
    return pageAsync(1, deadline, parent);
  }

  private CompletableFuture<Optional<R>> pageAsync(
      int page, long deadline, PaymentsListener.@Nullable Call parent) {
    if (page > Limits.MAX_RECONCILIATION_PAGES) {
      return CompletableFuture.failedFuture(incomplete());
    }
    RequestOptions options;
    try {
      options = options(deadline);
    } catch (IllegalStateException e) {
      return CompletableFuture.failedFuture(e);
    }
    return Futures.compose(
        lister.listAsync(page, PER_PAGE, options, parent),
        list -> {
          Optional<R> hit = match(list);
          return hit.isPresent() || isLast(list)
              ? CompletableFuture.completedFuture(hit)
              : pageAsync(page + 1, deadline, parent);
        });
  }

  private Optional<R> match(LagoJson.PaymentList list) {
    for (LagoPayment p : list.payments()) {
      if (matches(request, p)) {
        return Optional.of(found.apply(p));
      }
    }
    return Optional.empty();
  }

  private static boolean isLast(LagoJson.PaymentList list) {
    return list.payments().isEmpty() || list.meta().nextPage() == null;
  }

  /** One page's options: the time left of the create, which its retries also fit in. */
  private static RequestOptions options(long deadline) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new IllegalStateException(
          "Lago reconciliation ran out of time before reading every page of the invoice's"
              + " payments");
    }
    return RequestOptions.builder().timeout(Duration.ofNanos(left)).build();
  }

  private static IllegalStateException incomplete() {
    return new IllegalStateException(
        "Lago reconciliation read "
            + Limits.MAX_RECONCILIATION_PAGES
            + " pages of the invoice's payments without reaching the last one");
  }
}
