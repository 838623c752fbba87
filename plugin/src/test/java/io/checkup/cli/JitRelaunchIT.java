package io.checkup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    byte[] model = JitRelaunchTest.paddedModel();
    models = Files.createDirectories(dir.resolve("models"));
    for (int i = 0; i * model.length < 2 * JitRelaunch.THRESHOLD_BYTES; i++) {
      Files.write(models.resolve("m" + i + ".bpmn"), model);
    }
  }

  /** Exit code, standard output and error, and the arguments of every JVM the run started. */
  record Run(int exitCode, String out, String err, List<List<String>> children) {}

  private static Run run(String... jvmOptions) throws Exception {
    return run(List.of(jvmOptions), List.of(models.toString()));
  }

  private static Run run(List<String> jvmOptions, List<String> paths) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "lint", "--format", "json"));
    command.addAll(paths);
    Path out = dir.resolve("out-" + System.nanoTime() + ".json");
    Path err = dir.resolve("err-" + System.nanoTime() + ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    // by process id, the last arguments seen: a child shows its spawn helper's for a moment
    Map<Long, List<String>> children = new LinkedHashMap<>();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (process.isAlive()) {
      assertThat(System.nanoTime()).as("the run ends within two minutes").isLessThan(deadline);
      process
          .descendants()
          .forEach(
              child -> {
                List<String> arguments = arguments(child);
                // a child that has exited but is not yet reaped reads as an empty command line:
                // keep what it was seen running with
                if (arguments != null && !arguments.isEmpty()) {
                  children.put(child.pid(), arguments);
                }
              });
      Thread.sleep(2);
    }
    process.waitFor();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        new ArrayList<>(children.values()));
  }

  /** A process's arguments, whole (the JDK reads only a page of a Linux process's). */
  private static List<String> arguments(ProcessHandle process) {
    try {
      return JitRelaunch.splitCmdline(
          Files.readAllBytes(Path.of("/proc/" + process.pid() + "/cmdline")));
    } catch (IOException e) {
      return process.info().arguments().map(List::of).orElse(null);
    }
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
                    .contains(
                        "-Xmx200m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xmn32m",
                        "io.checkup.cli.CheckupCli"));
    assertThat(forked.exitCode()).isEqualTo(here.exitCode()).isEqualTo(CheckupCli.EXIT_FINDINGS);
    assertThat(forked.out()).isEqualTo(here.out()).contains("\"rule\"");
    assertThat(forked.err()).isEqualTo(here.err());
  }

  @Test
  void filesNamedOneByOneOnACommandLineLongerThanAPageAreLintedInTheSecondJvmToo()
      throws Exception {
    List<String> files;
    try (var listed = Files.list(models)) {
      files = listed.map(Path::toString).sorted().toList();
    }
    assertThat(String.join(" ", files)).hasSizeGreaterThan(8192);

    Run run = run(List.of(), files);

    assertThat(run.children()).hasSize(1);
    assertThat(run.exitCode()).isEqualTo(CheckupCli.EXIT_FINDINGS);
  }

  @Test
  void aSecondJvmThatCannotStartLeavesTheLintToTheFirst() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    // the first JVM listens for a debugger on the port; the second cannot, and fails to start
    String debugger =
        "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + port;

    Run run = run(debugger);
    Run here = run("-Dcheckup.cli.fork=false");

    assertThat(run.children()).hasSize(1);
    assertThat(run.exitCode()).isEqualTo(CheckupCli.EXIT_FINDINGS);
    assertThat(run.out().replaceAll("(?m)^Listening for transport.*\\R", "")).isEqualTo(here.out());
    assertThat(run.err()).contains("linting in this one");
  }

  @Test
  void theSecondJvmsMarkerSetByHandKeepsTheExitCodes() throws Exception {
    Run run = run("-Dcheckup.cli.forked=true");

    assertThat(run.exitCode()).isEqualTo(CheckupCli.EXIT_FINDINGS);
  }

  @Test
  void aCallerWhoChoseTheCompilerGetsNoSecondJvm() throws Exception {
    Run run = run("-XX:TieredStopAtLevel=4");

    assertThat(run.children()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(CheckupCli.EXIT_FINDINGS);
  }
}
