package io.payclient.core.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Not API: the look-up of an enum constant by its wire value, shared by the vendors' enums. The
 * value as sent is looked up first (one hash look-up, no new string: what the servers send); only
 * when that misses is it lower-cased ({@link Locale#ROOT}), after trimming when the enum asks for
 * it, and looked up among the lower-cased wire values. Immutable and thread-safe.
 *
 * @param <E> the enum
 */
public final class WireValues<E extends Enum<E>> {
  private final Map<String, E> exact;
  private final Map<String, E> lower;
  private final boolean trim;

  private WireValues(Map<String, E> exact, Map<String, E> lower, boolean trim) {
    this.exact = exact;
    this.lower = lower;
    this.trim = trim;
  }

  /**
   * A look-up of {@code constants} by their wire values; constants without one ({@code UNKNOWN})
   * are left out, and of two wire values equal but for case the first constant wins.
   *
   * @param trim whether surrounding whitespace of a value is ignored
   */
  public static <E extends Enum<E>> WireValues<E> of(
      E[] constants, Function<E, @Nullable String> wireOf, boolean trim) {
    Map<String, E> exact = new HashMap<>();
    Map<String, E> lower = new HashMap<>();
    for (E e : constants) {
      String wire = wireOf.apply(e);
      if (wire != null) {
        exact.putIfAbsent(wire, e);
        lower.putIfAbsent(wire.toLowerCase(Locale.ROOT), e);
      }
    }
    return new WireValues<>(Map.copyOf(exact), Map.copyOf(lower), trim);
  }

  /** The constant of {@code value}, ignoring case; {@code null} for {@code null} or no match. */
  public @Nullable E find(@Nullable String value) {
    if (value == null) {
      return null;
    }
    E e = exact.get(value);
    if (e != null) {
      return e;
    }
    return lower.get((trim ? value.trim() : value).toLowerCase(Locale.ROOT));
  }
}
