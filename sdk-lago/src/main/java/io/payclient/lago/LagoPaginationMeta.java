package io.payclient.lago;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Lago's list {@code meta}. An empty result has {@code current_page} 0.
 *
 * <p>Built only by the SDK: there is no public constructor, so a new wire field is not a binary
 * break.
 */
public final class LagoPaginationMeta {
  private final int currentPage;
  private final @Nullable Integer nextPage;
  private final @Nullable Integer prevPage;
  private final @Nullable Integer totalPages;
  private final @Nullable Long totalCount;

  LagoPaginationMeta(
      int currentPage,
      @Nullable Integer nextPage,
      @Nullable Integer prevPage,
      @Nullable Integer totalPages,
      @Nullable Long totalCount) {
    this.currentPage = currentPage;
    this.nextPage = nextPage;
    this.prevPage = prevPage;
    this.totalPages = totalPages;
    this.totalCount = totalCount;
  }

  /** {@code current_page} */
  public int currentPage() {
    return currentPage;
  }

  /** {@code next_page}, or {@code null} on the last page */
  public @Nullable Integer nextPage() {
    return nextPage;
  }

  /** {@code prev_page}, or {@code null} on the first page */
  public @Nullable Integer prevPage() {
    return prevPage;
  }

  /** {@code total_pages}, or {@code null} if absent */
  public @Nullable Integer totalPages() {
    return totalPages;
  }

  /** {@code total_count}, or {@code null} if absent */
  public @Nullable Long totalCount() {
    return totalCount;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return this == other
        || (other instanceof LagoPaginationMeta o && Arrays.equals(values(), o.values()));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values());
  }

  /** Every field, in declaration order: what equality and the hash code are made of. */
  private @Nullable Object[] values() {
    return new @Nullable Object[] {currentPage, nextPage, prevPage, totalPages, totalCount};
  }

  @Override
  public String toString() {
    return "LagoPaginationMeta["
        + "currentPage="
        + currentPage
        + ", nextPage="
        + nextPage
        + ", prevPage="
        + prevPage
        + ", totalPages="
        + totalPages
        + ", totalCount="
        + totalCount
        + ']';
  }
}
