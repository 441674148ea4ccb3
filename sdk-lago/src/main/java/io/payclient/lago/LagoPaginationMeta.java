package io.payclient.lago;

import org.jspecify.annotations.Nullable;

/**
 * Lago's list {@code meta}. An empty result has {@code current_page} 0.
 *
 * @param currentPage {@code current_page}
 * @param nextPage {@code next_page}, or {@code null} on the last page
 * @param prevPage {@code prev_page}, or {@code null} on the first page
 * @param totalPages {@code total_pages}, or {@code null} if absent
 * @param totalCount {@code total_count}, or {@code null} if absent
 */
public record LagoPaginationMeta(
    int currentPage,
    @Nullable Integer nextPage,
    @Nullable Integer prevPage,
    @Nullable Integer totalPages,
    @Nullable Long totalCount) {}
