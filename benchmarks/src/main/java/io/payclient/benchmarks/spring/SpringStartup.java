package io.payclient.benchmarks.spring;

import io.payclient.benchmarks.Args;
import io.payclient.benchmarks.spring.manual.ManualApp;
import io.payclient.benchmarks.spring.plain.PlainApp;
import io.payclient.benchmarks.spring.starter.StarterApp;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Spring Boot start-up with and without PayClient: the same small non-web application in fresh
 * child JVMs, each variant with its own class path (taken from the benchmarks' class path by jar
 * name, see {@link #SPRING}, {@link #SDK}, {@link #STARTER}):
 *
 * <ul>
 *   <li>{@code plain} (A): {@link PlainApp}, Spring Boot only;
 *   <li>{@code manual} (B): {@link ManualApp}, hand-written beans building the three vendor clients
 *       from the {@code payclient.*} properties; + the vendor modules;
 *   <li>{@code starter} (C): {@link StarterApp}, {@code sdk-spring-boot-starter} building them from
 *       the same properties; + the starter;
 *   <li>{@code lazy} (D): C with {@code spring.main.lazy-initialization=true}.
 * </ul>
 *
 * One unmeasured run of each, then rounds A B C D; each child reports the time from its launch to
 * {@code main}, to the context refreshed and to {@code ApplicationReadyEvent} ({@link
 * StartupMain}); the driver adds the wall time from launch to exit (the context closed).
 *
 * <p>Arguments ({@code key=value}): {@code runs}, {@code classpath} (the benchmarks' class path,
 * starting with its classes directory), {@code out} (a properties file).
 */
public final class SpringStartup {
  /** Spring Boot (with its default logging) and what Spring Framework needs. */
  static final List<String> SPRING =
      List.of(
          "spring-",
          "logback-",
          "slf4j-api-",
          "log4j-to-slf4j-",
          "log4j-api-",
          "jul-to-slf4j-",
          "commons-logging-",
          "micrometer-observation-",
          "micrometer-commons-",
          "jakarta.annotation-api-",
          "snakeyaml-",
          "jspecify-");

  /** The three vendor modules and their runtime dependencies. */
  static final List<String> SDK =
      List.of(
          "sdk-core",
          "sdk-lago",
          "sdk-billingrails",
          "sdk-paygentic",
          "okhttp-jvm-",
          "okio-jvm-",
          "kotlin-stdlib-",
          "annotations-13",
          "moshi-",
          "jakarta.validation-api-",
          "hibernate-validator-",
          "jboss-logging-",
          "classmate-");

  /** The starter. */
  static final List<String> STARTER = List.of("sdk-spring-boot-starter");

  /** The variants, in the order they run in each round. */
  static final List<String> VARIANTS = List.of("plain", "manual", "starter", "lazy");

  private SpringStartup() {}

  /** One measured child: ms from launch to main, context refreshed, ready, exit. */
  record Run(double main, double refreshed, double ready, double wall, int beans) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Args.parse(args);
    int runs = Integer.parseInt(a.get("runs"));
    List<String> classPath = List.of(a.get("classpath").split(File.pathSeparator));
    String classes = classPath.get(0);
    List<String> spring = select(classPath, SPRING);
    List<String> sdk = select(classPath, SDK);
    List<String> starter = select(classPath, STARTER);
    if (spring.isEmpty() || sdk.size() < 4 || starter.size() != 1) {
      throw new IllegalStateException("class path without Spring Boot, the SDK or the starter");
    }
    Map<String, List<String>> paths = new LinkedHashMap<>();
    paths.put("plain", join(List.of(classes), spring));
    paths.put("manual", join(paths.get("plain"), sdk));
    paths.put("starter", join(paths.get("manual"), starter));
    paths.put("lazy", paths.get("starter"));
    String loadBefore = loadAverage();
    Map<String, List<Run>> results = new LinkedHashMap<>();
    VARIANTS.forEach(v -> results.put(v, new ArrayList<>()));
    for (int i = -1; i < runs; i++) {
      for (String v : VARIANTS) {
        Run r = run(v, paths.get(v));
        if (i >= 0) {
          results.get(v).add(r);
        }
      }
    }
    String loadAfter = loadAverage();
    Path out = Path.of(a.get("out"));
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("runs=" + runs + "\n");
      w.write("load.before=" + loadBefore + "\n");
      w.write("load.after=" + loadAfter + "\n");
      for (String v : VARIANTS) {
        List<Run> rs = results.get(v);
        w.write(v + ".jars=" + (paths.get(v).size() - 1) + "\n");
        w.write(v + ".beans=" + rs.get(0).beans() + "\n");
        stats(w, v + ".main", rs, Run::main);
        stats(w, v + ".refreshed", rs, Run::refreshed);
        stats(w, v + ".ready", rs, Run::ready);
        stats(w, v + ".wall", rs, Run::wall);
      }
      // Differences per round (the variants of a round ran back to back): median, min, max.
      diff(w, "starter-manual", results.get("starter"), results.get("manual"));
      diff(w, "starter-plain", results.get("starter"), results.get("plain"));
      diff(w, "manual-plain", results.get("manual"), results.get("plain"));
      diff(w, "lazy-plain", results.get("lazy"), results.get("plain"));
    }
    for (String v : VARIANTS) {
      System.out.printf(
          Locale.ROOT,
          "spring start-up %s: ready median %.0f ms, wall median %.0f ms%n",
          v,
          median(results.get(v), Run::ready),
          median(results.get(v), Run::wall));
    }
  }

  private static Run run(String variant, List<String> classPath) throws Exception {
    String mainClass =
        switch (variant) {
          case "plain" -> PlainApp.class.getName();
          case "manual" -> ManualApp.class.getName();
          default -> StarterApp.class.getName();
        };
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classPath));
    command.add(mainClass);
    int launchArg = command.size();
    command.add("0");
    command.add(
        "--spring.config.name="
            + (variant.equals("plain") ? "startup-plain" : "startup-payclient"));
    if (variant.equals("lazy")) {
      command.add("--spring.main.lazy-initialization=true");
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    long launch = System.nanoTime();
    command.set(launchArg, Long.toString(launch));
    Process p = pb.start();
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(variant + " did not finish");
    }
    double wall = (System.nanoTime() - launch) / 1e6;
    String text = new String(output, StandardCharsets.UTF_8);
    String line =
        text.lines().filter(l -> l.startsWith("startup main_ms=")).findFirst().orElse(null);
    if (p.exitValue() != 0 || line == null) {
      throw new IllegalStateException(variant + " failed:\n" + text);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String part : line.substring("startup ".length()).split("\\s+")) {
      int eq = part.indexOf('=');
      values.put(part.substring(0, eq), part.substring(eq + 1));
    }
    return new Run(
        Double.parseDouble(values.get("main_ms")),
        Double.parseDouble(values.get("refreshed_ms")),
        Double.parseDouble(values.get("ready_ms")),
        wall,
        Integer.parseInt(values.get("beans")));
  }

  /**
   * The entries of {@code classPath} whose jar (or module) name starts with one of the prefixes.
   */
  static List<String> select(List<String> classPath, List<String> prefixes) {
    List<String> selected = new ArrayList<>();
    for (String entry : classPath) {
      String name = name(entry);
      if (prefixes.stream().anyMatch(name::startsWith)) {
        selected.add(entry);
      }
    }
    return selected;
  }

  /** A jar's file name; for a module's {@code target/classes} directory, the module's name. */
  private static String name(String entry) {
    Path p = Path.of(entry);
    if (entry.endsWith(".jar")) {
      return p.getFileName().toString();
    }
    Path target = p.getParent();
    Path module = target == null ? null : target.getParent();
    return module == null || module.getFileName() == null
        ? p.toString()
        : module.getFileName().toString();
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void stats(Writer w, String key, List<Run> rs, ToDoubleFunction<Run> f)
      throws IOException {
    w.write(String.format(Locale.ROOT, "%s.median=%.1f%n", key, median(rs, f)));
    w.write(
        String.format(
            Locale.ROOT, "%s.min=%.1f%n", key, rs.stream().mapToDouble(f).min().orElseThrow()));
    w.write(
        String.format(
            Locale.ROOT, "%s.max=%.1f%n", key, rs.stream().mapToDouble(f).max().orElseThrow()));
  }

  private static void diff(Writer w, String key, List<Run> x, List<Run> y) throws IOException {
    for (String what : List.of("ready", "wall")) {
      ToDoubleFunction<Run> f = what.equals("ready") ? Run::ready : Run::wall;
      List<Double> d = new ArrayList<>();
      for (int i = 0; i < x.size(); i++) {
        d.add(f.applyAsDouble(x.get(i)) - f.applyAsDouble(y.get(i)));
      }
      Collections.sort(d);
      w.write(String.format(Locale.ROOT, "%s.%s.median=%.1f%n", key, what, medianOf(d)));
      w.write(String.format(Locale.ROOT, "%s.%s.min=%.1f%n", key, what, d.get(0)));
      w.write(String.format(Locale.ROOT, "%s.%s.max=%.1f%n", key, what, d.get(d.size() - 1)));
    }
  }

  private static double median(List<Run> rs, ToDoubleFunction<Run> f) {
    List<Double> values = new ArrayList<>();
    rs.forEach(r -> values.add(f.applyAsDouble(r)));
    Collections.sort(values);
    return medianOf(values);
  }

  private static double medianOf(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
