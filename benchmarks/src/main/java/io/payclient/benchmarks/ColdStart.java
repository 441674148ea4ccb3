package io.payclient.benchmarks;

import io.payclient.testkit.FakeLago;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: JVM start to first payment created, SDK ({@link ColdStartSdk}) vs raw OkHttp ({@link
 * ColdStartRaw}), each in a fresh child JVM against one in-process {@link FakeLago} held by this
 * driver (so the fake's own class loading is paid by neither). Children alternate A B A B after one
 * unmeasured run of each.
 *
 * <p>Arguments: runs, the SDK child's class path, the raw child's class path, the output file.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    String sdkClassPath = args[1];
    String rawClassPath = args[2];
    Path out = Path.of(args[3]);
    List<double[]> sdk = new ArrayList<>();
    List<double[]> raw = new ArrayList<>();
    try (FakeLago lago = FakeLago.start()) {
      for (int i = -1; i < runs; i++) {
        double[] a = run(lago, ColdStartSdk.class.getName(), sdkClassPath, "sdk-" + i);
        double[] b = run(lago, ColdStartRaw.class.getName(), rawClassPath, "raw-" + i);
        if (i >= 0) {
          sdk.add(a);
          raw.add(b);
        }
      }
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("runs=" + runs + "\n");
      write(w, "sdk", sdk);
      write(w, "raw", raw);
    }
    System.out.printf(
        Locale.ROOT,
        "cold start median: sdk %.0f ms, raw OkHttp %.0f ms%n",
        median(sdk, 0),
        median(raw, 0));
  }

  private static void write(Writer w, String name, List<double[]> rows) throws IOException {
    w.write(String.format(Locale.ROOT, "%s.wall.median=%.1f%n", name, median(rows, 0)));
    w.write(String.format(Locale.ROOT, "%s.wall.min=%.1f%n", name, min(rows, 0)));
    w.write(String.format(Locale.ROOT, "%s.wall.max=%.1f%n", name, max(rows, 0)));
    w.write(String.format(Locale.ROOT, "%s.build.median=%.1f%n", name, median(rows, 1)));
    w.write(String.format(Locale.ROOT, "%s.create.median=%.1f%n", name, median(rows, 2)));
  }

  /** One child: wall ms from launch to exit, and its own build and create ms. */
  private static double[] run(FakeLago lago, String mainClass, String classPath, String reference)
      throws Exception {
    String invoice = lago.seedInvoice("USD", 1_000_000);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-cp",
                classPath,
                mainClass,
                lago.baseUrl(),
                lago.apiKey(),
                invoice,
                "cold-" + reference)
            .redirectErrorStream(true);
    long start = System.nanoTime();
    Process p = pb.start();
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(mainClass + " did not finish");
    }
    double wallMs = (System.nanoTime() - start) / 1e6;
    String text = new String(output, StandardCharsets.UTF_8).trim();
    if (p.exitValue() != 0 || !text.startsWith("build_us=")) {
      throw new IllegalStateException(mainClass + " failed: " + text);
    }
    String[] parts = text.split("\\s+");
    double buildMs = Long.parseLong(parts[0].substring("build_us=".length())) / 1000.0;
    double createMs = Long.parseLong(parts[1].substring("create_us=".length())) / 1000.0;
    return new double[] {wallMs, buildMs, createMs};
  }

  private static double median(List<double[]> rows, int column) {
    List<Double> values = new ArrayList<>();
    rows.forEach(r -> values.add(r[column]));
    Collections.sort(values);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  private static double min(List<double[]> rows, int column) {
    return rows.stream().mapToDouble(r -> r[column]).min().orElse(Double.NaN);
  }

  private static double max(List<double[]> rows, int column) {
    return rows.stream().mapToDouble(r -> r[column]).max().orElse(Double.NaN);
  }
}
