package io.payclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the tour as a modular application: every PayClient jar and dependency on the module path,
 * {@code --module io.payclient.examples}. This proves the module descriptors: the vendors are found
 * through {@code provides}/{@code uses}, the vendor modules reach {@code
 * io.payclient.core.internal} through its qualified export, and Hibernate Validator reads the
 * request types through {@code opens}.
 */
class ModulePathTest {
  @Test
  void theTourRunsOnTheModulePath() throws Exception {
    Path target = Path.of("target");
    String dependencies = Files.readString(target.resolve("module-path.txt")).trim();
    String modulePath =
        target.resolve("classes").toAbsolutePath() + File.pathSeparator + dependencies;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "--module-path",
                    modulePath,
                    "--module",
                    "io.payclient.examples/io.payclient.examples.Demo"))
            .redirectErrorStream(true);
    // The embedded fakes only: never a real vendor from the developer's environment.
    builder.environment().keySet().removeIf(name -> name.endsWith("_API_KEY"));
    Process process = builder.start();
    process.getOutputStream().close();
    boolean done = process.waitFor(120, TimeUnit.SECONDS);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      process.destroyForcibly();
    }
    assertThat(done).as("the tour finished").isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    assertThat(out)
        .containsPattern("create\\+retrieve +lago")
        .containsPattern("neutral create +paygentic")
        .containsPattern("list +billingrails")
        .contains("validation error (nothing sent)")
        .contains("payments created: 1");
  }
}
