package io.checkup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The command line jar is the linter alone: no engine, no Spring, none of the plugin's engine-side
 * packages and none of the libraries only they need (the report's template runtime).
 */
class CliJarContentsIT {

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
    assertThat(names).contains("io/checkup/cli/CheckupCli.class");
    assertThat(names)
        .noneMatch(
            name ->
                name.startsWith("org/camunda/")
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
                    || name.startsWith("io/checkup/shaded/"),
            "in io/checkup/cli, io/checkup/lint or io/checkup/shaded");
  }
}
