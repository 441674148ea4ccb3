package io.payclient.paygentic;

import org.jspecify.annotations.Nullable;

/**
 * Paygentic's offset pagination, the {@code pagination} object of a list. Fields the server omits
 * are {@code null}.
 *
 * @param limit {@code limit}: the page size the server applied
 * @param offset {@code offset}: how many items were skipped
 * @param total {@code total}: how many items match across all pages
 */
public record PaygenticPagination(
    @Nullable Integer limit, @Nullable Integer offset, @Nullable Long total) {

  /** A pagination with no field known. */
  public static PaygenticPagination unknown() {
    return new PaygenticPagination(null, null, null);
  }
}
