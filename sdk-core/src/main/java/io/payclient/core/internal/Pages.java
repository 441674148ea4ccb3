package io.payclient.core.internal;

import io.payclient.core.Page;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Not API: the one way a vendor makes a {@link Page}. A vendor reads its list response, decides the
 * parameters of the next page (or that there is none), and hands them here with its list
 * operations; the page fetches the next one through them, lazily.
 */
public final class Pages {
  private Pages() {}

  /**
   * A page of {@code items}.
   *
   * @param next the parameters of the following page, or {@code null} when this is the last
   * @param list the vendor's blocking list operation
   * @param listAsync the vendor's non-blocking list operation
   */
  public static <P, T> Page<T> of(
      List<T> items,
      @Nullable Long totalCount,
      @Nullable P next,
      Function<P, Page<T>> list,
      Function<P, CompletableFuture<Page<T>>> listAsync) {
    PageFetcher<T> fetcher =
        next == null
            ? null
            : new PageFetcher<>() {
              @Override
              public Page<T> fetch() {
                return list.apply(next);
              }

              @Override
              public CompletableFuture<Page<T>> fetchAsync() {
                return listAsync.apply(next);
              }
            };
    return CoreAccess.get().page(items, fetcher, totalCount);
  }
}
