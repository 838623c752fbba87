package io.checkup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The command line jar is the linter alone: no engine, no Spring, none of the plugin's engine-side
 * packages and none of the libraries only they need (the report's template runtime).
 */
class CliJarContentsIT {

  /** Camunda's expression language, an artifact of its own that the linter parses with. */
  private static final String JUEL = "org/camunda/bpm/impl/juel/";

  @Test
  void theCommandLineJarHoldsTheLinterAndNothingOfTheEngineSide() throws Exception {
    Path jar = Path.of(System.getProperty("checkup.cli.jar", "target/checkup-cli.jar"));
    assertThat(jar).as("the command line jar, built by mvn package").isRegularFile();
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        names.add(entry.getName());
      }
    }
    assertThat(names).contains("io/checkup/cli/CheckupCli.class", JUEL + "Builder.class");
    assertThat(names)
        .noneMatch(
            name ->
                // of Camunda only its expression language, an artifact of its own
                (name.startsWith("org/camunda/")
                        && !name.startsWith(JUEL)
                        && !JUEL.startsWith(name)) // its folders
                    || name.startsWith("org/springframework/")
                    || name.startsWith("io/checkup/engine/")
                    || name.startsWith("io/checkup/report/")
                    || name.startsWith("io/checkup/stats/")
                    || name.startsWith("io/checkup/db/")
                    || name.startsWith("io/checkup/rest/")
                    || name.startsWith("io/checkup/spring/")
                    || name.contains("/jte/"));
    // of the project's own classes, only the command line and the lint core: anything else may
    // need an engine, Spring or Micrometer
    assertThat(names)
        .filteredOn(name -> name.startsWith("io/checkup/") && name.endsWith(".class"))
        .allMatch(
            name ->
                name.startsWith("io/checkup/cli/")
                    || name.startsWith("io/checkup/lint/")
                    || name.startsWith("io/checkup/text/")
                    || name.startsWith("io/checkup/shaded/"),
            "in io/checkup/cli, io/checkup/lint, io/checkup/text or io/checkup/shaded");
  }

  /**
   * Every class a class of the jar refers to is in the jar or the JDK: a class left out by the
   * jar's filters would fail only when a run reaches it (an unknown rule id in a {@code
   * .bpmnlintrc} once stopped the whole run with a {@code NoClassDefFoundError}). Asked of the
   * JDK's {@code jdeps}, which reads every reference in the class files.
   */
  /**
   * Annotations Joda-Time puts on its classes from joda-convert, an optional dependency of its own:
   * the JVM ignores an annotation whose class is missing, and the linter never reads them.
   */
  private static final Set<String> ANNOTATIONS_ONLY =
      Set.of("org.joda.convert.FromString", "org.joda.convert.ToString");

  @Test
  void everyClassTheJarRefersToIsInTheJarOrTheJdk() throws Exception {
    Path jar = Path.of(System.getProperty("checkup.cli.jar", "target/checkup-cli.jar"));
    Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
    assertThat(jdeps).as("the JDK's jdeps").isExecutable();
    Process process =
        new ProcessBuilder(jdeps.toString(), "-verbose:class", jar.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("jdeps ends").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    // a class's line: "   org.joda.time.DateTime   -> org.joda.convert.FromString   not found"
    List<String> missing =
        output
            .lines()
            .filter(line -> line.startsWith(" ") && line.strip().endsWith("not found"))
            .filter(line -> !ANNOTATIONS_ONLY.contains(line.strip().split("\\s+")[2]))
            .toList();
    assertThat(missing).as("references to classes that are not in the jar").isEmpty();
    assertThat(output).as("jdeps read the jar's classes").contains("io.checkup.cli.CheckupCli");
  }
}
