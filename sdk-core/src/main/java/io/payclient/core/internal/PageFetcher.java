package io.payclient.core.internal;

import io.payclient.core.Page;
import io.payclient.core.PayClientException;
import java.util.concurrent.CompletableFuture;

/**
 * Not API: fetches the page after a given one. Vendor modules implement it; applications only call
 * {@link Page#nextPage()}.
 *
 * @param <T> the item type
 */
public interface PageFetcher<T> {
  /**
   * Fetches the next page on the calling thread.
   *
   * @throws PayClientException if the request fails
   */
  Page<T> fetch();

  /**
   * Fetches the next page without blocking.
   *
   * @return a future completed with the page or a {@link PayClientException}
   */
  CompletableFuture<Page<T>> fetchAsync();
}
