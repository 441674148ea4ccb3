package io.payclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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
                return page(fetches, index + 1, first + sizes[index], sizes);
              }

              @Override
              public CompletableFuture<Page<Integer>> fetchAsync() {
                return CompletableFuture.supplyAsync(this::fetch);
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
