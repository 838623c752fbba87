package io.checkup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Parity with bpmnlint: over {@code ../shared/corpus/bpmnlint-expected.tsv} (rows without rule
 * options whose last column is {@code ok}), the built command line jar must agree with bpmnlint's
 * verdict (valid / invalid) for the parity rules on at least 97 % of the rows. Runs the real {@code
 * target/checkup-cli.jar}, one run per rule with a configuration that turns that rule on. Skipped
 * when ../shared is not beside the project.
 */
class BpmnlintParityIT {

  private static final double BAR = 0.97;
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Row(String rule, String fixture, String expected) {}

  @Test
  void agreesWithBpmnlintOnItsOwnFixtures() throws Exception {
    Path corpus =
        Path.of(System.getProperty("checkup.shared.dir", "../../shared")).resolve("corpus");
    Path tsv = corpus.resolve("bpmnlint-expected.tsv");
    Assumptions.assumeTrue(
        Files.isRegularFile(tsv), "no ../shared/corpus beside the project: parity not checked");
    Path jar = Path.of(System.getProperty("checkup.cli.jar", "target/checkup-cli.jar"));
    assertThat(jar).as("the command line jar, built by mvn package").isRegularFile();

    Set<String> parityRules = new TreeSet<>();
    for (Rule rule : RuleCatalog.standard().rules()) {
      if (rule.info().category() == RuleInfo.Category.BPMNLINT) {
        parityRules.add(rule.id());
      }
    }
    Map<String, List<Row>> rowsByRule = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t", -1));
    int ruleColumn = header.indexOf("rule");
    int fixtureColumn = header.indexOf("fixture");
    int expectedColumn = header.indexOf("expected");
    int configColumn = header.indexOf("config");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t", -1);
      if (cells.length < header.size()
          || !parityRules.contains(cells[ruleColumn])
          || !cells[configColumn].isEmpty()
          || !"ok".equals(cells[cells.length - 1])) {
        continue;
      }
      rowsByRule
          .computeIfAbsent(cells[ruleColumn], r -> new ArrayList<>())
          .add(new Row(cells[ruleColumn], cells[fixtureColumn], cells[expectedColumn]));
    }
    assertThat(rowsByRule.keySet()).as("parity rules with rows in the corpus").isNotEmpty();

    int total = 0;
    int agreed = 0;
    List<String> disagreements = new ArrayList<>();
    Path work = Files.createDirectories(jar.toAbsolutePath().getParent().resolve("parity"));
    for (Map.Entry<String, List<Row>> entry : rowsByRule.entrySet()) {
      String rule = entry.getKey();
      Map<String, Boolean> flagged = lintWithOnly(jar, work, rule, corpus, entry.getValue());
      for (Row row : entry.getValue()) {
        total++;
        String actual =
            flagged.getOrDefault(corpus.resolve(row.fixture()).toString(), false)
                ? "invalid"
                : "valid";
        if (actual.equals(row.expected())) {
          agreed++;
        } else {
          disagreements.add(
              rule + "\t" + row.fixture() + "\texpected " + row.expected() + ", got " + actual);
        }
      }
    }
    double share = (double) agreed / total;
    String report =
        String.format(
            "bpmnlint parity: %d of %d rows agree (%.1f %%), %d rules, bar %.0f %%%n%s",
            agreed,
            total,
            share * 100,
            rowsByRule.size(),
            BAR * 100,
            String.join("\n", disagreements));
    Files.writeString(work.resolve("report.txt"), report);
    System.out.println(report);
    assertThat(share).as(report).isGreaterThanOrEqualTo(BAR);
  }

  /**
   * Runs the jar once for a rule over its fixtures; returns, per fixture path, whether the rule
   * flagged it.
   */
  private static Map<String, Boolean> lintWithOnly(
      Path jar, Path work, String rule, Path corpus, List<Row> rows)
      throws IOException, InterruptedException {
    Path config = work.resolve(rule + ".json");
    Files.writeString(config, "{\"rules\": {\"" + rule + "\": \"error\"}}");
    List<String> command =
        new ArrayList<>(
            List.of(
                javaExecutable(),
                "-jar",
                jar.toString(),
                "lint",
                "--format",
                "json",
                "--config",
                config.toString()));
    rows.stream()
        .map(row -> corpus.resolve(row.fixture()).toString())
        .distinct()
        .forEach(command::add);
    Path output = work.resolve(rule + ".out.json");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(output.toFile())
            .redirectError(work.resolve(rule + ".err.txt").toFile())
            .start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the CLI finishes").isTrue();
    assertThat(process.exitValue()).as("exit code of the run for " + rule).isIn(0, 1);
    Map<String, Boolean> flagged = new HashMap<>();
    for (JsonNode file : JSON.readTree(output.toFile()).get("files")) {
      boolean hit = false;
      for (JsonNode finding : file.get("findings")) {
        hit |= finding.get("rule").asText().equals(rule);
      }
      flagged.put(file.get("path").asText(), hit);
    }
    return flagged;
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
