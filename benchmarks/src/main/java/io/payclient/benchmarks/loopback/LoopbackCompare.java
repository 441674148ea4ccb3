package io.payclient.benchmarks.loopback;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.payclient.benchmarks.Args;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares two loopback runs, one with the SDK of an earlier commit and one with the current SDK,
 * both measured back to back by {@code benchmarks/before-after.sh}: per vendor, mode and
 * concurrency, PayClient's p50 and CPU per call over raw OkHttp's in the same run, before and
 * after. Ratios against raw OkHttp in the same run are what carry across the two runs.
 *
 * <p>Arguments ({@code key=value}): {@code before=} and {@code after=} the two JSON results, {@code
 * commit=} the earlier commit, {@code out=} the Markdown to write, {@code command=} how to
 * reproduce.
 */
public final class LoopbackCompare {
  private LoopbackCompare() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> a = Args.parse(args);
    Map<String, Map<String, Object>> before = results(Path.of(a.get("before")));
    Map<String, Map<String, Object>> after = results(Path.of(a.get("after")));
    String commit = a.get("commit");
    StringBuilder s = new StringBuilder();
    s.append("# Loopback before and after the issue-8 fixes\n\n");
    s.append(
        "Written by `"
            + a.get("command")
            + "`: the loopback harness (see [BENCHMARKS.md](BENCHMARKS.md)) run twice back to back"
            + " on this machine, first with the SDK jars built from commit `"
            + commit
            + "`, then with the current ones; the harness, the server and everything else are the"
            + " same. Each figure is PayClient over raw OkHttp in the same run (raw OkHttp posts the"
            + " same bytes), so the two runs can be compared. CPU per call: the caller threads' CPU"
            + " in sync mode, the whole client process's in async mode.\n\n");
    s.append(
        "| vendor | mode | N | p50 / raw, before | p50 / raw, after | CPU / raw, before | CPU /"
            + " raw, after (target ≤ 1.3) |\n");
    s.append("|---|---|---:|---:|---:|---:|---:|\n");
    int[] met = new int[2];
    int cells = 0;
    for (String vendor : List.of("lago", "billingrails", "paygentic")) {
      for (String mode : List.of("sync", "async")) {
        for (int n : new int[] {1, 16, 256}) {
          String key = mode + "/" + n + "/" + vendor;
          s.append(String.format(Locale.ROOT, "| PayClient %s | %s | %d", vendor, mode, n));
          s.append(" | ").append(ratio(before, key, "p50Micros"));
          s.append(" | ").append(ratio(after, key, "p50Micros"));
          String cpu = mode.equals("sync") ? "callerCpuMicrosPerCall" : "processCpuMicrosPerCall";
          s.append(" | ").append(ratio(before, key, cpu));
          s.append(" | ").append(ratio(after, key, cpu)).append(" |\n");
          cells++;
          met[0] += value(before, key, cpu) <= 1.3 ? 1 : 0;
          met[1] += value(after, key, cpu) <= 1.3 ? 1 : 0;
        }
      }
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%nCPU per call ≤ 1.3× raw OkHttp: %d of %d cells before, %d of %d after.%n",
            met[0],
            cells,
            met[1],
            cells));
    Files.writeString(Path.of(a.get("out")), s.toString(), StandardCharsets.UTF_8);
    System.out.println("wrote " + a.get("out"));
  }

  private static String ratio(Map<String, Map<String, Object>> run, String key, String field) {
    double r = value(run, key, field);
    return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2f×", r);
  }

  /** PayClient's figure over raw OkHttp's in the same cell, or NaN if the cell is missing. */
  private static double value(Map<String, Map<String, Object>> run, String key, String field) {
    Map<String, Object> sdk = run.get(key + "/sdk");
    Map<String, Object> raw = run.get(key + "/raw");
    if (sdk == null || raw == null) {
      return Double.NaN;
    }
    return ((Number) sdk.get(field)).doubleValue() / ((Number) raw.get(field)).doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> results(Path file) throws IOException {
    JsonAdapter<Object> adapter = new Moshi.Builder().build().adapter(Object.class);
    Map<String, Object> run = (Map<String, Object>) adapter.fromJson(Files.readString(file));
    if (run == null) {
      throw new IllegalStateException("empty loopback result " + file);
    }
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Object o : (List<Object>) run.get("results")) {
      Map<String, Object> r = (Map<String, Object>) o;
      String key =
          r.get("mode")
              + "/"
              + ((Number) r.get("concurrency")).intValue()
              + "/"
              + r.get("vendor")
              + "/"
              + r.get("role");
      out.put(key, r);
    }
    return out;
  }
}
