package io.payclient.core.internal;

import io.payclient.core.PaymentsListener;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Finds what an ambiguous create attempt may have created, for vendors without idempotency (Lago).
 * The transport calls it after an ambiguous failure (timeout or reset after sending, 408, 5xx) and
 * before any new attempt: a result is returned to the caller instead of creating again; only when
 * the lookup proves that nothing was created is the create sent again.
 *
 * <p>A lookup runs inside the create's deadline: it is given the time left and must finish (or
 * fail) within it, and it must read a bounded amount. A lookup that cannot finish, or cannot read
 * everything it needs, fails: it never answers "nothing found" without having looked everywhere.
 *
 * @param <T> the call's result type
 */
public interface Reconciler<T> {
  /**
   * Looks on the calling thread.
   *
   * @param timeLeft the time left of the create's deadline; the lookup's own deadline
   * @param parent the create's listener event, which the lookup's calls carry as their parent, or
   *     {@code null} without a listener
   * @return the existing result, or empty if the earlier attempts created nothing
   * @throws io.payclient.core.PayClientException if the lookup fails or is incomplete (then nothing
   *     is re-sent)
   */
  Optional<T> find(Duration timeLeft, PaymentsListener.@Nullable Call parent);

  /**
   * Looks without blocking. Cancelling the returned future stops the lookup.
   *
   * @param timeLeft the time left of the create's deadline; the lookup's own deadline
   * @param parent as for {@link #find}
   * @return a future of the existing result or empty; completed exceptionally if the lookup fails
   *     or is incomplete
   */
  CompletableFuture<Optional<T>> findAsync(
      Duration timeLeft, PaymentsListener.@Nullable Call parent);
}
