package io.checkup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When {@code java -jar checkup-cli.jar} lints in a second JVM with the quick compiler only. */
class JitRelaunchTest {

  private static final String HOME = "/opt/jdk";
  private static final String JAR = "/work/checkup-cli.jar";
  private static final long HEAP = 4L << 30;

  @TempDir static Path dir;
  static Path large;
  static Path small;

  /** A directory of models past the threshold, and one model well below it. */
  @BeforeAll
  static void models() throws IOException {
    byte[] model = paddedModel();
    large = Files.createDirectories(dir.resolve("large"));
    for (int i = 0; i * model.length < JitRelaunch.THRESHOLD_BYTES; i++) {
      Files.write(large.resolve("m" + i + ".bpmn"), model);
    }
    Files.writeString(large.resolve("notes.txt"), "not BPMN");
    small = Files.write(dir.resolve("small.bpmn"), model);
  }

  /**
   * A model with findings, about 16 KB with a comment after it, so that the threshold is reached in
   * a few hundred files.
   */
  static byte[] paddedModel() throws IOException {
    String model;
    try (InputStream in = JitRelaunchTest.class.getResourceAsStream("/models/errors.bpmn")) {
      model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return (model + "\n<!-- " + "padding ".repeat(1_800) + "-->\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> command(List<String> launcher, String fork, String... args) {
    return JitRelaunch.command(HOME, JAR, launcher, Map.of(), fork, false, HEAP, args);
  }

  private static List<String> jar(String... options) {
    List<String> launcher = new java.util.ArrayList<>(List.of(options));
    launcher.addAll(List.of("-jar", JAR, "lint"));
    return launcher;
  }

  @Test
  void aLargeLintRunsAgainWithTheQuickCompilerAndTheCallersOwnOptions() {
    List<String> command =
        command(jar("-Xmx300m", "-Dx=y"), null, "lint", "--format", "json", large.toString());

    assertThat(command)
        .containsExactly(
            Path.of(HOME, "bin", "java").toString(),
            "-Xmx300m",
            "-Dx=y",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmn32m",
            "-Dcheckup.cli.forked=true",
            "-cp",
            JAR,
            "io.checkup.cli.CheckupCli",
            "lint",
            "--format",
            "json",
            large.toString());
  }

  @Test
  void theCallersClassPathIsReplacedAndOptionsWithAValueKeepIt() {
    List<String> launcher =
        List.of(
            "-cp",
            "/elsewhere",
            "--add-opens",
            "java.base/java.lang=ALL-UNNAMED",
            "-ea",
            "io.checkup.cli.CheckupCli",
            "lint");

    assertThat(command(launcher, null, "lint", large.toString()))
        .containsSubsequence(
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-ea", "-XX:TieredStopAtLevel=1")
        .doesNotContain("/elsewhere");
  }

  @Test
  void aSmallLintStaysInThisJvmUnlessTheCallerAsks() {
    assertThat(command(jar(), null, "lint", small.toString())).isNull();
    assertThat(command(jar(), "true", "lint", small.toString()))
        .contains("-XX:TieredStopAtLevel=1");
    // files named one by one count as a directory's do
    assertThat(JitRelaunch.inputsReach(lintOf(all(large)), JitRelaunch.THRESHOLD_BYTES)).isTrue();
    List<String> most = all(large).subList(1, all(large).size());
    assertThat(JitRelaunch.inputsReach(lintOf(most), JitRelaunch.THRESHOLD_BYTES)).isFalse();
  }

  private static List<String> all(Path directory) {
    try (var files = Files.list(directory)) {
      return files.map(Path::toString).filter(name -> name.endsWith(".bpmn")).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String[] lintOf(List<String> paths) {
    List<String> args = new java.util.ArrayList<>(List.of("lint"));
    args.addAll(paths);
    return args.toArray(String[]::new);
  }

  @Test
  void theCallersCollectorAndYoungGenerationStand() {
    assertThat(command(jar("-XX:+UseG1GC"), null, "lint", large.toString()))
        .contains("-XX:+UseG1GC", "-XX:TieredStopAtLevel=1")
        .doesNotContain("-XX:+UseSerialGC", "-Xmn32m");
    assertThat(command(jar("-XX:+UseSerialGC"), null, "lint", large.toString()))
        .containsOnlyOnce("-XX:+UseSerialGC")
        .doesNotContain("-Xmn32m");
    assertThat(command(jar("-Xmn200m"), null, "lint", large.toString()))
        .contains("-Xmn200m", "-XX:+UseSerialGC")
        .doesNotContain("-Xmn32m");
    assertThat(command(jar("-XX:NewRatio=3"), null, "lint", large.toString()))
        .doesNotContain("-Xmn32m");
    // a collector chosen in the environment: two collectors would stop the second JVM at start
    assertThat(
            JitRelaunch.command(
                HOME,
                JAR,
                jar(),
                Map.of("JDK_JAVA_OPTIONS", "-XX:+UseParallelGC"),
                null,
                false,
                HEAP,
                "lint",
                large.toString()))
        .contains("-XX:TieredStopAtLevel=1")
        .doesNotContain("-XX:+UseSerialGC", "-Xmn32m");
    // a small heap (-Xmx64m) keeps the JVM's own young generation, which fits it
    assertThat(
            JitRelaunch.command(
                HOME,
                JAR,
                jar("-Xmx64m"),
                Map.of(),
                null,
                false,
                64L << 20,
                "lint",
                large.toString()))
        .contains("-Xmx64m", "-XX:+UseSerialGC")
        .doesNotContain("-Xmn32m");
  }

  @Test
  void noSecondJvmWhenTheCallerChoseTheCompilerOrSwitchedItOff() {
    for (String option :
        List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint", "-Xcomp")) {
      assertThat(command(jar(option), null, "lint", large.toString())).as(option).isNull();
    }
    assertThat(
            JitRelaunch.command(
                HOME,
                JAR,
                jar(),
                Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g -XX:CICompilerCount=2"),
                null,
                false,
                HEAP,
                "lint",
                large.toString()))
        .isNull();
    assertThat(command(jar(), "false", "lint", large.toString())).isNull();
    assertThat(
            JitRelaunch.command(
                HOME, JAR, jar(), Map.of(), null, true, HEAP, "lint", large.toString()))
        .as("the second JVM never starts a third")
        .isNull();
  }

  @Test
  void theCommandLineIsReadBackWholeFromTheKernelsNulSeparatedCopy() {
    StringBuilder longPath = new StringBuilder("/m");
    longPath.append("x".repeat(5000));
    byte[] cmdline =
        ("/usr/bin/java\0-Xmx1g\0-jar\0cli.jar\0lint\0" + longPath + "\0")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(JitRelaunch.splitCmdline(cmdline))
        .containsExactly("-Xmx1g", "-jar", "cli.jar", "lint", longPath.toString());
    assertThat(JitRelaunch.splitCmdline(new byte[0])).isNull();
    // this very JVM's, as the launcher started it
    assertThat(JitRelaunch.launcherArguments()).isNotNull().isNotEmpty();
  }

  @Test
  void theSecondJvmsExitCodeIsTheLintsOrTheFirstLintsItself() {
    assertThat(JitRelaunch.exitCodeOf(JitRelaunch.FORKED_EXIT)).isEqualTo(CheckupCli.EXIT_OK);
    assertThat(JitRelaunch.exitCodeOf(JitRelaunch.FORKED_EXIT + 1))
        .isEqualTo(CheckupCli.EXIT_FINDINGS);
    assertThat(JitRelaunch.exitCodeOf(JitRelaunch.FORKED_EXIT + 2))
        .isEqualTo(CheckupCli.EXIT_USAGE);
    assertThat(JitRelaunch.exitCodeOf(143)).as("ended by a signal").isEqualTo(143);
    assertThat(JitRelaunch.exitCodeOf(1)).as("a JVM that failed to start").isEqualTo(-1);
    assertThat(JitRelaunch.exitCodeOf(2)).as("a JVM that failed to start").isEqualTo(-1);
  }

  @Test
  void noSecondJvmForOtherCommandsBadUsageOrACommandLineItCannotReadBack() {
    assertThat(command(jar(), null, "rules")).isNull();
    assertThat(command(jar(), null, "lint", "--format", "yaml", large.toString())).isNull();
    assertThat(command(null, null, "lint", large.toString())).isNull();
    assertThat(command(List.of("@options.txt"), null, "lint", large.toString())).isNull();
    assertThat(command(List.of("-m", "io.checkup/io.checkup.cli.CheckupCli"), null, "lint"))
        .isNull();
    assertThat(command(List.of("-Xmx1g", "--add-opens"), null, "lint", large.toString())).isNull();
    assertThat(command(jar("-XX:VMOptionsFile=/etc/jvm.opts"), null, "lint", large.toString()))
        .as("a file of options may choose the compiler")
        .isNull();
    assertThat(
            JitRelaunch.command(
                HOME, null, jar(), Map.of(), null, false, HEAP, "lint", large.toString()))
        .as("loaded by a class loader of a host: no class path to start it from")
        .isNull();
  }
}
