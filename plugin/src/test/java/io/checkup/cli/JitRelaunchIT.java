package io.checkup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar, run as users run it: a lint of more than half a megabyte runs in a second JVM with
 * the quick compiler only, and prints and exits exactly as a lint in the first would.
 */
class JitRelaunchIT {

  @TempDir static Path dir;
  static Path models;
  static Path jar;

  @BeforeAll
  static void models() throws IOException {
    jar = Path.of(System.getProperty("checkup.cli.jar", "target/checkup-cli.jar")).toAbsolutePath();
    byte[] model;
    try (InputStream in = JitRelaunchIT.class.getResourceAsStream("/models/errors.bpmn")) {
      model = in.readAllBytes();
    }
    models = Files.createDirectories(dir.resolve("models"));
    for (int i = 0; i * model.length < 2 * JitRelaunch.THRESHOLD_BYTES; i++) {
      Files.write(models.resolve("m" + i + ".bpmn"), model);
    }
  }

  /** Exit code, standard output, and the arguments of every JVM the run started. */
  record Run(int exitCode, String out, List<List<String>> children) {}

  private static Run run(String... jvmOptions) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", jar.toString(), "lint", "--format", "json", models.toString()));
    Path out = dir.resolve("out-" + System.nanoTime() + ".json");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<List<String>> children = new ArrayList<>();
    while (process.isAlive()) {
      process
          .descendants()
          .forEach(
              child ->
                  child
                      .info()
                      .arguments()
                      .map(List::of)
                      .filter(arguments -> !children.contains(arguments))
                      .ifPresent(children::add));
      Thread.sleep(2);
    }
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), children);
  }

  @Test
  void aLargeLintRunsInASecondJvmWithTheQuickCompilerAndAnswersAsTheFirstWould() throws Exception {
    Run here = run("-Xmx200m", "-Dcheckup.cli.fork=false");
    Run forked = run("-Xmx200m");

    assertThat(here.children()).isEmpty();
    assertThat(forked.children())
        .singleElement()
        .satisfies(
            arguments ->
                assertThat(arguments)
                    .contains("-Xmx200m", "-XX:TieredStopAtLevel=1", "io.checkup.cli.CheckupCli"));
    assertThat(forked.exitCode()).isEqualTo(here.exitCode()).isEqualTo(CheckupCli.EXIT_FINDINGS);
    assertThat(forked.out()).isEqualTo(here.out()).contains("\"rule\"");
  }

  @Test
  void aCallerWhoChoseTheCompilerGetsNoSecondJvm() throws Exception {
    Run run = run("-XX:TieredStopAtLevel=4");

    assertThat(run.children()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(CheckupCli.EXIT_FINDINGS);
  }
}
