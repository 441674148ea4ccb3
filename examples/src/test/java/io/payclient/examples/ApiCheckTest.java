package io.payclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.Money;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public-API check ({@code api/ApiDump.java}, run by each deployed module's own verify) fails
 * when a method of the committed API is missing: the proof that a removal breaks the build. It runs
 * the tool exactly as the parent POM does, on sdk-core's classes, against the committed dump with
 * one extra method in it (what a dump looks like after that method was removed from the code).
 */
class ApiCheckTest {
  private static final Path TOOL = Path.of("..", "api", "ApiDump.java");
  private static final Path CORE_DUMP = Path.of("..", "api", "sdk-core.api");

  @Test
  void theCommittedDumpMatches(@TempDir Path dir) throws Exception {
    Path dump = dir.resolve("sdk-core.api");
    Files.copy(CORE_DUMP, dump);

    Result result = check(dump);

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).contains("public API matches");
  }

  @Test
  void aRemovedMethodFailsTheCheck(@TempDir Path dir) throws Exception {
    String removed = "  public boolean io.payclient.core.Money.isZero()";
    String committed = Files.readString(CORE_DUMP, StandardCharsets.UTF_8);
    Path dump = dir.resolve("sdk-core.api");
    Files.writeString(
        dump,
        committed.replace(
            "  public boolean io.payclient.core.Money.isPositive()\n",
            "  public boolean io.payclient.core.Money.isPositive()\n" + removed + "\n"),
        StandardCharsets.UTF_8);

    Result result = check(dump);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.output())
        .contains("The public API differs")
        .contains("- " + removed)
        .contains("-Dapi.update=true");
  }

  @Test
  void aChangedSignatureFailsTheCheck(@TempDir Path dir) throws Exception {
    String committed = Files.readString(CORE_DUMP, StandardCharsets.UTF_8);
    String before = "  public long io.payclient.core.Money.toMinorUnits()";
    assertThat(committed).contains(before);
    Path dump = dir.resolve("sdk-core.api");
    Files.writeString(
        dump,
        committed.replace(before, "  public int io.payclient.core.Money.toMinorUnits()"),
        StandardCharsets.UTF_8);

    Result result = check(dump);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.output()).contains("+ " + before);
  }

  private record Result(int exit, String output) {}

  private static Result check(Path dump) throws IOException, InterruptedException {
    Path core;
    try {
      core = Path.of(Money.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    TOOL.toString(),
                    core.toString(),
                    dump.toString(),
                    "false"))
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), output);
  }
}
