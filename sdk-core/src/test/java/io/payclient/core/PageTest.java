package io.payclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageTest {
  /** Pages of the given sizes, numbered items, counting fetches. */
  private static Page<Integer> pages(AtomicInteger fetches, int... sizes) {
    return page(fetches, 0, 0, sizes);
  }

  private static Page<Integer> page(AtomicInteger fetches, int index, int first, int... sizes) {
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < sizes[index]; i++) {
      items.add(first + i);
    }
    io.payclient.core.internal.PageFetcher<Integer> next =
        index + 1 == sizes.length
            ? null
            : new io.payclient.core.internal.PageFetcher<>() {
              @Override
              public Page<Integer> fetch() {
                fetches.incrementAndGet();
                return following();
              }

              @Override
              public CompletableFuture<Page<Integer>> fetchAsync() {
                fetches.incrementAndGet(); // counted when requested, not when answered
                return CompletableFuture.supplyAsync(this::following);
              }

              private Page<Integer> following() {
                return page(fetches, index + 1, first + sizes[index], sizes);
              }
            };
    return new Page<>(items, next, 99L);
  }

  @Test
  void autoPagingIsLazyAndSkipsEmptyPages() {
    AtomicInteger fetches = new AtomicInteger();
    Page<Integer> first = pages(fetches, 2, 0, 2, 1);
    assertThat(first.autoPagingStream().limit(2)).containsExactly(0, 1);
    assertThat(fetches).hasValue(0);
    assertThat(first.autoPagingStream().limit(3)).containsExactly(0, 1, 2);
    assertThat(fetches).hasValue(2); // the empty page and the next
    assertThat(first.autoPagingIterable()).containsExactly(0, 1, 2, 3, 4);
    assertThat(first.totalCount()).hasValue(99);
  }

  @Test
  void prefetchingRequestsOnePageAheadAndGivesTheSameItems() {
    AtomicInteger fetches = new AtomicInteger();
    Page<Integer> first = pages(fetches, 2, 0, 2, 1);
    Iterator<Integer> items = first.autoPagingIterable(true).iterator();
    assertThat(items.next()).isZero();
    assertThat(fetches).hasValue(1); // page 2 requested on entering page 1, not page 3
    assertThat(items.next()).isOne();
    assertThat(items.next()).isEqualTo(2); // through the empty page
    assertThat(fetches).hasValue(3); // page 4 requested on entering page 3: one ahead at most
    assertThat(first.autoPagingIterable(true)).containsExactly(0, 1, 2, 3, 4);
    assertThat(first.autoPagingStream(true)).containsExactly(0, 1, 2, 3, 4);
    assertThat(first.autoPagingStream(false)).containsExactly(0, 1, 2, 3, 4);
    assertThat(new Page<>(List.of(7), null, null).autoPagingIterable(true)).containsExactly(7);
  }

  @Test
  void aFailedPrefetchIsThrownWhenItsPageIsReachedAndEndsTheIteration() {
    RuntimeException failure = new IllegalStateException("page 2 failed");
    io.payclient.core.internal.PageFetcher<Integer> failing =
        new io.payclient.core.internal.PageFetcher<>() {
          @Override
          public Page<Integer> fetch() {
            throw failure;
          }

          @Override
          public CompletableFuture<Page<Integer>> fetchAsync() {
            return CompletableFuture.failedFuture(failure);
          }
        };
    Iterator<Integer> items =
        new Page<>(List.of(1, 2), failing, null).autoPagingIterable(true).iterator();
    assertThat(items.next()).isOne();
    assertThat(items.next()).isEqualTo(2); // the failure waits for its page
    assertThatThrownBy(items::hasNext).isSameAs(failure);
    assertThat(items.hasNext()).isFalse();
  }

  @Test
  void lastPage() {
    Page<Integer> only = new Page<>(List.of(1), null, null);
    assertThat(only.hasNextPage()).isFalse();
    assertThat(only.totalCount()).isEmpty();
    assertThatThrownBy(only::nextPage).isInstanceOf(NoSuchElementException.class);
    assertThat(only.nextPageAsync()).isCompletedExceptionally();
  }

  @Test
  void mapConvertsLaterPagesToo() {
    Page<String> mapped = pages(new AtomicInteger(), 1, 2).map(i -> "#" + i);
    assertThat(mapped.items()).containsExactly("#0");
    assertThat(mapped.autoPagingIterable()).containsExactly("#0", "#1", "#2");
    assertThat(mapped.nextPageAsync().join().items()).containsExactly("#1", "#2");
  }

  @Test
  void asyncForEachVisitsEveryItemAndReportsFailures() throws Exception {
    List<Integer> seen = new ArrayList<>();
    pages(new AtomicInteger(), 2, 2, 1).autoPagingForEachAsync(seen::add).get();
    assertThat(seen).containsExactly(0, 1, 2, 3, 4);
    CompletableFuture<Void> failing =
        pages(new AtomicInteger(), 1, 1)
            .autoPagingForEachAsync(
                i -> {
                  if (i == 1) {
                    throw new IllegalStateException("stop");
                  }
                });
    assertThatThrownBy(failing::get)
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("stop");
  }
}
