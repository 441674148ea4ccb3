package io.payclient.core;

import io.payclient.core.internal.Futures;
import io.payclient.core.internal.PageFetcher;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list, and the way to the next. Immutable and thread-safe; fetching the next page is
 * an explicit or lazy call, done ahead of time only when asked for ({@link
 * #autoPagingIterable(boolean)}).
 *
 * <pre>{@code
 * Page<LagoPayment> page = lago.payments().list(LagoPaymentListParams.builder().perPage(50).build());
 * for (LagoPayment p : page.autoPagingIterable()) {   // fetches page 2, 3, ... only when reached
 *   ...
 * }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final @Nullable PageFetcher<T> next;
  private final @Nullable Long totalCount;

  Page(List<T> items, @Nullable PageFetcher<T> next, @Nullable Long totalCount) {
    this.items = List.copyOf(items);
    this.next = next;
    this.totalCount = totalCount;
  }

  /** The items of this page only. */
  public List<T> items() {
    return items;
  }

  /** Whether the vendor says there are more pages. */
  public boolean hasNextPage() {
    return next != null;
  }

  /** The number of items across all pages, when the vendor reports it. */
  public OptionalLong totalCount() {
    return totalCount == null ? OptionalLong.empty() : OptionalLong.of(totalCount);
  }

  /**
   * Fetches the next page.
   *
   * @throws NoSuchElementException if this is the last page
   * @throws PayClientException if the request fails
   */
  public Page<T> nextPage() {
    if (next == null) {
      throw new NoSuchElementException("This is the last page");
    }
    return next.fetch();
  }

  /**
   * Fetches the next page without blocking.
   *
   * @return a future completed with the next page, or exceptionally with {@link
   *     NoSuchElementException} on the last page or a {@link PayClientException}
   */
  public CompletableFuture<Page<T>> nextPageAsync() {
    if (next == null) {
      return CompletableFuture.failedFuture(new NoSuchElementException("This is the last page"));
    }
    return next.fetchAsync();
  }

  /**
   * Every item of this page and the pages after it, fetched lazily: the next page is requested only
   * when the iteration reaches the end of the current one. Each call starts again from this page.
   * Iterating may throw {@link PayClientException} when a page request fails.
   */
  public Iterable<T> autoPagingIterable() {
    return () -> new AutoPager<>(this, false);
  }

  /**
   * Every item of this page and the pages after it, like {@link #autoPagingIterable()}; with {@code
   * prefetchNextPage}, the next page is requested (asynchronously, no thread waiting on it) as soon
   * as the iteration enters a page, so that the request overlaps the caller's work on the current
   * one. At most one page is requested ahead, so at most two pages are held. A failed request ahead
   * is thrown (a {@link PayClientException}) only when the iteration reaches that page; an
   * iteration abandoned early leaves that one request to finish, its page unused.
   *
   * @param prefetchNextPage whether to request each next page ahead; {@code false} is {@link
   *     #autoPagingIterable()}
   */
  public Iterable<T> autoPagingIterable(boolean prefetchNextPage) {
    return () -> new AutoPager<>(this, prefetchNextPage);
  }

  /** {@link #autoPagingIterable()} as a sequential, lazy stream. */
  public Stream<T> autoPagingStream() {
    return autoPagingStream(false);
  }

  /** {@link #autoPagingIterable(boolean)} as a sequential stream. */
  public Stream<T> autoPagingStream(boolean prefetchNextPage) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            new AutoPager<>(this, prefetchNextPage), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Calls {@code action} for every item of this page and the pages after it, fetching each next
   * page asynchronously only after the current one was processed. No thread waits in between.
   *
   * @return a future completed when every item was processed, or exceptionally with the first
   *     failure (a page request's {@link PayClientException}, or what {@code action} threw)
   */
  public CompletableFuture<Void> autoPagingForEachAsync(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    try {
      items.forEach(action);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (next == null) {
      return CompletableFuture.completedFuture(null);
    }
    return Futures.compose(next.fetchAsync(), page -> page.autoPagingForEachAsync(action));
  }

  /**
   * Returns a page of converted items whose next pages are converted too (vendor payments to
   * neutral {@link Payment}s).
   */
  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    List<R> mapped = items.stream().<R>map(mapper).toList();
    PageFetcher<T> source = next;
    PageFetcher<R> mappedNext =
        source == null
            ? null
            : new PageFetcher<>() {
              @Override
              public Page<R> fetch() {
                return source.fetch().map(mapper);
              }

              @Override
              public CompletableFuture<Page<R>> fetchAsync() {
                return Futures.map(source.fetchAsync(), p -> p.map(mapper));
              }
            };
    return new Page<>(mapped, mappedNext, totalCount);
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", hasNextPage=" + hasNextPage() + '}';
  }

  /**
   * The iteration of the auto-paging methods: lazy (the next page fetched when the iteration
   * reaches it), or with the next page requested ahead when the iteration enters a page.
   */
  private static final class AutoPager<T> implements Iterator<T> {
    private final boolean prefetch;
    private Page<T> page;
    private int index;
    private @Nullable CompletableFuture<Page<T>> ahead;

    AutoPager(Page<T> first, boolean prefetch) {
      this.prefetch = prefetch;
      this.page = first;
      this.ahead = prefetch ? requestAfter(first) : null;
    }

    private static <T> @Nullable CompletableFuture<Page<T>> requestAfter(Page<T> page) {
      return page.hasNextPage() ? page.nextPageAsync() : null;
    }

    @Override
    public boolean hasNext() {
      while (index >= page.items.size()) {
        if (!prefetch) {
          if (!page.hasNextPage()) {
            return false;
          }
          page = page.nextPage();
        } else {
          CompletableFuture<Page<T>> next = ahead;
          if (next == null) {
            return false;
          }
          ahead = null; // a failure is thrown once; the iteration then ends
          page = await(next);
          ahead = requestAfter(page);
        }
        index = 0;
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.items.get(index++);
    }

    /** The page, or what the request failed with (unwrapped, as the lazy iteration throws it). */
    private static <T> Page<T> await(CompletableFuture<Page<T>> future) {
      try {
        return future.join();
      } catch (CompletionException e) {
        Throwable cause = Futures.unwrap(e);
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }
  }
}
