package io.payclient.core.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds what an ambiguous create attempt may have created, for vendors without idempotency (Lago).
 * The transport calls it after an ambiguous failure (timeout or reset after sending, 408, 5xx) and
 * before any new attempt: a result is returned to the caller instead of creating again; only when
 * nothing is found is the create sent again.
 *
 * @param <T> the call's result type
 */
public interface Reconciler<T> {
  /**
   * Looks on the calling thread.
   *
   * @return the existing result, or empty if the earlier attempt created nothing
   * @throws io.payclient.core.PayClientException if the lookup fails (then nothing is re-sent)
   */
  Optional<T> find();

  /**
   * Looks without blocking.
   *
   * @return a future of the existing result or empty; completed exceptionally if the lookup fails
   */
  CompletableFuture<Optional<T>> findAsync();
}
