package io.checkup.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundaries the build depends on, read from the sources: every reference to a class of another
 * package, by import or by its full name in the code.
 */
class PackageBoundariesTest {

  private static final Path SOURCES = ProjectPaths.src("main", "java", "io", "checkup");
  private static final Pattern REFERENCE =
      // Operaton's names too: the same test runs on the sources rewritten for Operaton
      Pattern.compile(
          "\\b(io\\.checkup\\.[a-z]+|org\\.(camunda|operaton)|io\\.micrometer)\\b[.\\w]*");

  /** The packages a file names, outside comments. */
  private static List<String> references(Path file) throws IOException {
    String code =
        Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    List<String> found = new ArrayList<>();
    Matcher reference = REFERENCE.matcher(code);
    while (reference.find()) {
      found.add(reference.group());
    }
    return found;
  }

  private static List<String> violations(
      String packageFolder, List<String> exempt, List<String> forbidden) throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES.resolve(packageFolder))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        if (exempt.contains(file.getFileName().toString())) {
          continue;
        }
        for (String reference : references(file)) {
          for (String prefix : forbidden) {
            if (reference.startsWith(prefix)) {
              violations.add(SOURCES.relativize(file) + " -> " + reference);
            }
          }
        }
      }
    }
    return violations;
  }

  @Test
  void theLinterAndTheCommandLineNeedNoEngine() throws IOException {
    // the command line jar is built from these two packages alone (plugin/pom.xml), engine-free
    List<String> forbidden =
        List.of(
            "io.checkup.engine",
            "io.checkup.stats",
            "io.checkup.report",
            "io.checkup.rest",
            "io.checkup.spring",
            "io.checkup.db",
            "org.camunda");
    // but for the engine's expression language, its own artifact without the engine (camunda-juel,
    // operaton-juel), which the command line jar carries as it carries Joda-Time
    assertThat(violations("lint", List.of("ElSyntax.java"), forbidden)).isEmpty();
    assertThat(violations("cli", List.of(), forbidden)).isEmpty();
    assertThat(references(SOURCES.resolve("lint/rules/ElSyntax.java")))
        .filteredOn(reference -> reference.matches("org\\.(camunda|operaton)\\b.*"))
        .isNotEmpty()
        .allMatch(
            reference -> reference.matches("org\\.(camunda|operaton)\\.bpm\\.impl\\.juel\\..*"));
  }

  @Test
  void deployTimeLintPublishesAndTheReportSubscribes() throws IOException {
    // the plugin class and its settings are where the parts meet; the rest of engine knows nothing
    // of the report
    assertThat(
            violations(
                "engine",
                List.of("CheckupProcessEnginePlugin.java", "CheckupSettings.java"),
                List.of("io.checkup.report", "io.checkup.stats")))
        .isEmpty();
  }

  @Test
  void theStatisticsKnowNothingOfTheReportOrTheLinter() throws IOException {
    assertThat(
            violations(
                "stats",
                List.of(),
                List.of(
                    "io.checkup.report",
                    "io.checkup.lint",
                    "io.checkup.engine",
                    "io.checkup.rest")))
        .isEmpty();
  }

  @Test
  void alertsReadTheReportAndTheReportKnowsNothingOfThem() throws IOException {
    assertThat(
            violations(
                "alerts",
                List.of(),
                List.of(
                    "io.checkup.engine",
                    "io.checkup.stats",
                    "io.checkup.rest",
                    "io.checkup.spring")))
        .isEmpty();
    // rest may list the alerts kept (GET /checkup/alerts), through the Java API, as it reads the
    // report; the alerts never import rest (above)
    for (String folder : List.of("report", "stats", "metrics", "lint")) {
      assertThat(violations(folder, List.of(), List.of("io.checkup.alerts"))).as(folder).isEmpty();
    }
  }

  @Test
  void onlyTheCockpitPackageNamesTheWebapps() throws IOException {
    // Cockpit's classes are there only where the webapps are: Cockpit's service loader is the one
    // way in, so a plain engine or a REST-only application never loads a class that names them
    List<String> forbidden =
        List.of("org.camunda.bpm.cockpit", "org.camunda.bpm.webapp", "io.checkup.cockpit");
    for (String folder :
        List.of("lint", "cli", "engine", "stats", "report", "rest", "db", "alerts", "spring")) {
      assertThat(violations(folder, List.of(), forbidden)).as(folder).isEmpty();
    }
    assertThat(references(SOURCES.resolve("cockpit/CheckupCockpitPlugin.java")))
        .anyMatch(reference -> reference.startsWith("org.camunda.bpm.cockpit"));
  }

  @Test
  void onlyTheMetricsPackageNamesMicrometer() throws IOException {
    // micrometer-core is optional: a plain engine without it must never load a class that names it
    List<String> forbidden = List.of("io.micrometer");
    for (String folder :
        List.of("lint", "cli", "engine", "stats", "report", "rest", "db", "alerts")) {
      assertThat(violations(folder, List.of(), forbidden)).as(folder).isEmpty();
    }
    // Spring Boot's auto-configuration may, behind @ConditionalOnClass: it is never loaded without
  }
}
