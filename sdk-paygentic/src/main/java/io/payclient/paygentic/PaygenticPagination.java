package io.payclient.paygentic;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Paygentic's offset pagination, the {@code pagination} object of a list. Fields the server omits
 * are {@code null}.
 *
 * <p>Built only by the SDK: there is no public constructor, so a new wire field is not a binary
 * break.
 */
public final class PaygenticPagination {
  private final @Nullable Integer limit;
  private final @Nullable Integer offset;
  private final @Nullable Long total;

  PaygenticPagination(@Nullable Integer limit, @Nullable Integer offset, @Nullable Long total) {
    this.limit = limit;
    this.offset = offset;
    this.total = total;
  }

  /** {@code limit}: the page size the server applied */
  public @Nullable Integer limit() {
    return limit;
  }

  /** {@code offset}: how many items were skipped */
  public @Nullable Integer offset() {
    return offset;
  }

  /** {@code total}: how many items match across all pages */
  public @Nullable Long total() {
    return total;
  }

  /** A pagination with no field known. */
  public static PaygenticPagination unknown() {
    return new PaygenticPagination(null, null, null);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return this == other
        || (other instanceof PaygenticPagination o && Arrays.equals(values(), o.values()));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values());
  }

  /** Every field, in declaration order: what equality and the hash code are made of. */
  private @Nullable Object[] values() {
    return new @Nullable Object[] {limit, offset, total};
  }

  @Override
  public String toString() {
    return "PaygenticPagination["
        + "limit="
        + limit
        + ", offset="
        + offset
        + ", total="
        + total
        + ']';
  }
}
