package io.payclient.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} command-line arguments of the benchmark programs. */
public final class Args {
  private Args() {}

  /**
   * The arguments as a map, in order.
   *
   * @throws IllegalArgumentException if an argument has no {@code =}
   */
  public static Map<String, String> parse(String[] args) {
    Map<String, String> a = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("expected key=value, got " + arg);
      }
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return a;
  }
}
