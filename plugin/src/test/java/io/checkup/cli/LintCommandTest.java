package io.checkup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.RuleCatalog;
import io.checkup.testing.ModelGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line contract of docs/cli.md: formats, configuration, exit codes. */
class LintCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path errors;
  private Path warnings;

  @BeforeEach
  void copyModels() throws IOException {
    errors = copy("models/errors.bpmn", dir.resolve("errors.bpmn"));
    warnings = copy("models/warnings.bpmn", dir.resolve("sub/warnings.bpmn20.xml"));
  }

  private static Path copy(String resource, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try (var in = LintCommandTest.class.getResourceAsStream("/" + resource)) {
      Files.write(target, in.readAllBytes());
    }
    return target;
  }

  @Test
  void textFormatPrintsOneLinePerFindingThenASummary() {
    CliRun run = CliRun.of("lint", errors.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern(
            "(?m)^"
                + Pattern.quote(errors.toString())
                + ":\\d+:\\d+  error  deadlock  bothDone  Deadlock: parallel join");
    assertThat(run.out())
        .containsPattern("(?m)^\\d+ problems \\(3 errors, \\d+ warnings, \\d+ info\\) in 1 file$");
  }

  @Test
  void directoriesAreSearchedRecursivelyForBpmnFiles() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "not a model");

    CliRun run = CliRun.of("lint", "--format", "json", dir.toString());

    JsonNode files = json(run.out()).get("files");
    assertThat(files).hasSize(2);
    assertThat(files.findValuesAsText("path"))
        .containsExactlyInAnyOrder(errors.toString(), warnings.toString());
  }

  @Test
  void jsonFormatHasEveryFindingWithPosition() throws IOException {
    CliRun run = CliRun.of("lint", "--format", "json", errors.toString());

    JsonNode finding =
        json(run.out()).at("/files/0/findings").findParents("rule").stream()
            .filter(f -> f.get("rule").asText().equals("deadlock"))
            .findFirst()
            .orElseThrow();
    assertThat(finding.get("severity").asText()).isEqualTo("error");
    assertThat(finding.get("elementId").asText()).isEqualTo("bothDone");
    assertThat(finding.get("processId").asText()).isEqualTo("brokenApproval");
    assertThat(finding.get("line").asInt()).isEqualTo(16);
    assertThat(json(run.out()).at("/summary/errors").asInt()).isEqualTo(3);
  }

  /**
   * An element with an empty id and a finding: SARIF names the element in each result's text, and
   * the search for an empty id in it used never to end.
   */
  @Test
  void sarifOfAnElementWithAnEmptyIdEnds() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("empty-id.bpmn"),
            """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <process id="p">
                <startEvent id="s"/>
                <sequenceFlow id="f1" sourceRef="s" targetRef=""/>
                <task id=""/>
              </process>
            </definitions>
            """,
            StandardCharsets.UTF_8);

    CliRun run =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> CliRun.of("lint", "--format", "sarif", file.toString()));

    assertThat(json(run.out()).at("/runs/0/results").findValuesAsText("ruleId"))
        .contains("label-required");
  }

  @Test
  void sarifFollowsVersion210() throws IOException {
    CliRun run =
        CliRun.of(
            "lint", "--format", "sarif", errors.toString(), dir.resolve("missing.bpmn").toString());

    JsonNode sarif = json(run.out());
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode runNode = sarif.at("/runs/0");
    JsonNode rules = runNode.at("/tool/driver/rules");
    assertThat(rules.findValuesAsText("id"))
        .contains("fake-branch", "deadlock", "cascaded-conditions", "parse-error");
    JsonNode deadlockRule =
        rules.findParents("id").stream()
            .filter(r -> r.get("id").asText().equals("deadlock"))
            .findFirst()
            .orElseThrow();
    assertThat(deadlockRule.at("/shortDescription/text").asText()).isNotBlank();
    assertThat(deadlockRule.get("helpUri").asText()).endsWith("/docs/rules/deadlock.md");
    // GitHub code scanning requires a full description and help of every rule (its rule GH2012),
    // and SARIF a name other than the id, or none
    for (JsonNode rule : rules) {
      String id = rule.get("id").asText();
      assertThat(rule.at("/fullDescription/text").asText()).as(id).isNotBlank();
      assertThat(rule.at("/help/text").asText())
          .as(id)
          .contains(rule.at("/shortDescription/text").asText())
          .endsWith(rule.get("helpUri").asText());
      assertThat(rule.at("/help/markdown").asText()).as(id).contains(rule.get("helpUri").asText());
      assertThat(rule.path("name").asText("other")).as(id).isNotEqualToIgnoringCase(id);
      assertThat(rule.at("/properties/tags/0").asText()).as(id).isEqualTo("bpmn");
    }
    assertThat(deadlockRule.has("name")).isFalse();
    assertThat(deadlockRule.at("/properties/tags/1").asText()).isEqualTo("flow");
    assertThat(
            rules.findParents("id").stream()
                .filter(r -> r.get("id").asText().equals("fake-branch"))
                .findFirst()
                .orElseThrow()
                .get("name")
                .asText())
        .isEqualTo("FakeBranch");
    JsonNode deadlock =
        runNode.get("results").findParents("ruleId").stream()
            .filter(r -> r.get("ruleId").asText().equals("deadlock"))
            .findFirst()
            .orElseThrow();
    assertThat(deadlock.get("level").asText()).isEqualTo("error");
    assertThat(deadlock.at("/message/text").asText()).contains("bothDone");
    assertThat(deadlock.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .endsWith("/errors.bpmn");
    assertThat(deadlock.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(16);
    assertThat(deadlock.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("bothDone");
    JsonNode missing =
        runNode.get("results").findParents("ruleId").stream()
            .filter(r -> r.get("ruleId").asText().equals("parse-error"))
            .findFirst()
            .orElseThrow();
    assertThat(missing.get("level").asText()).isEqualTo("error");
    assertThat(missing.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .endsWith("missing.bpmn");
    // every message names its element, as an alert shows it alone: bpmnlint's words get the id
    for (JsonNode result : runNode.get("results")) {
      String element = result.at("/locations/0/logicalLocations/0/name").asText(null);
      if (element != null) {
        assertThat(result.at("/message/text").asText()).contains(element);
      }
    }
    assertThat(runNode.get("results").findValuesAsText("text"))
        .anySatisfy(text -> assertThat(text).matches("Element .* \\(element [^)]+\\)"));
  }

  @Test
  void aDeadlockCarriesItsWitnessInTheMessageInJsonAndInSarif() throws IOException {
    String text = CliRun.of("lint", errors.toString()).out();
    assertThat(text)
        .contains(
            "Witness: at 'Amount?' (decide) take small; 'Both done' (bothDone) waits forever for"
                + " sequence flow f3");

    JsonNode deadlock =
        json(CliRun.of("lint", "--format", "json", errors.toString()).out())
            .at("/files/0/findings")
            .findParents("rule")
            .stream()
            .filter(f -> f.get("rule").asText().equals("deadlock"))
            .findFirst()
            .orElseThrow();
    JsonNode witness = deadlock.get("witness");
    assertThat(witness).hasSize(2);
    assertThat(witness.get(0).get("elementId").asText()).isEqualTo("decide");
    assertThat(witness.get(0).get("flowId").asText()).isEqualTo("small");
    assertThat(witness.get(1).get("elementId").asText()).isEqualTo("bothDone");
    assertThat(witness.get(1).get("flowId").asText()).isEqualTo("f3");
    assertThat(witness.get(1).get("step").asText()).contains("waits forever");

    JsonNode result =
        json(CliRun.of("lint", "--format", "sarif", errors.toString()).out())
            .at("/runs/0/results")
            .findParents("ruleId")
            .stream()
            .filter(r -> r.get("ruleId").asText().equals("deadlock"))
            .findFirst()
            .orElseThrow();
    JsonNode locations = result.at("/codeFlows/0/threadFlows/0/locations");
    assertThat(locations).hasSize(2);
    assertThat(locations.get(0).at("/location/physicalLocation/region/startLine").asInt())
        .isEqualTo(9);
    assertThat(locations.get(0).at("/location/logicalLocations/0/name").asText())
        .isEqualTo("decide");
    assertThat(locations.get(1).at("/location/message/text").asText())
        .contains("'Both done' (bothDone) waits forever");
    assertThat(locations.get(1).at("/location/physicalLocation/artifactLocation/uri").asText())
        .endsWith("errors.bpmn");
  }

  @Test
  void aLackOfSynchronizationShowsThePathFromTheSplitInSarif() throws IOException {
    Path model =
        Files.writeString(
            dir.resolve("unsynchronised.bpmn"),
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
              <process id="p" isExecutable="false">
                <startEvent id="start"/>
                <parallelGateway id="checks" name="Run checks"/>
                <task id="credit" name="Check credit"/>
                <task id="fraud" name="Check fraud"/>
                <exclusiveGateway id="checked" name="Checked"/>
                <endEvent id="end"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="checks"/>
                <sequenceFlow id="f2" sourceRef="checks" targetRef="credit"/>
                <sequenceFlow id="f3" sourceRef="checks" targetRef="fraud"/>
                <sequenceFlow id="f4" sourceRef="credit" targetRef="checked"/>
                <sequenceFlow id="f5" sourceRef="fraud" targetRef="checked"/>
                <sequenceFlow id="f6" sourceRef="checked" targetRef="end"/>
              </process>
            </definitions>
            """,
            StandardCharsets.UTF_8);

    JsonNode result =
        json(CliRun.of("lint", "--format", "sarif", model.toString()).out())
            .at("/runs/0/results")
            .findParents("ruleId")
            .stream()
            .filter(r -> r.get("ruleId").asText().equals("lack-of-synchronization"))
            .findFirst()
            .orElseThrow();
    // no choice is needed for the second token: the path still starts where the branches do
    JsonNode locations = result.at("/codeFlows/0/threadFlows/0/locations");
    assertThat(locations).hasSize(2);
    assertThat(locations.get(0).at("/location/logicalLocations/0/name").asText())
        .isEqualTo("checks");
    assertThat(locations.get(0).at("/location/physicalLocation/region/startLine").asInt())
        .isEqualTo(5);
    assertThat(locations.get(1).at("/location/logicalLocations/0/name").asText())
        .isEqualTo("checked");
    assertThat(result.at("/message/text").asText())
        .contains("Witness: 'Run checks' (checks) starts its branches; a second token passes");
  }

  @Test
  void aFileMadeForCamunda8GetsNoCamunda7AdviceHereButTheEngineLintsWhatItDeploys()
      throws IOException {
    String model =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:modeler="http://camunda.org/schema/modeler/1.0" targetNamespace="t"
                     modeler:executionPlatform="Camunda Cloud">
          <process id="zeebe" name="For Camunda 8" isExecutable="true">
            <startEvent id="start" name="Start"/>
            <intermediateCatchEvent id="wait" name="Wait">
              <timerEventDefinition><timeDuration>=duration("P" + string(days) + "D")</timeDuration></timerEventDefinition>
            </intermediateCatchEvent>
            <endEvent id="end" name="End"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
          </process>
        </definitions>
        """;
    Path file = Files.writeString(dir.resolve("zeebe.bpmn"), model, StandardCharsets.UTF_8);

    // a team migrating keeps Camunda 8's models beside Camunda 7's: no history time to live, FEEL
    // timers, and --only-executable leaves the file's process out
    String text = CliRun.of("lint", file.toString()).out();
    assertThat(text).doesNotContain("history-time-to-live").doesNotContain("timer-expression");
    assertThat(CliRun.of("lint", "--only-executable", file.toString()).out())
        .contains("no problems");
    // Camunda 7 ignores the mark and deploys what parses: its lint reports both
    List<String> engine =
        new Linter(LintConfig.defaults(RuleCatalog.standard()))
            .lintExecutable(model.getBytes(StandardCharsets.UTF_8)).findings().stream()
                .map(Finding::ruleId)
                .toList();
    assertThat(engine).contains("history-time-to-live", "timer-expression");
  }

  /**
   * A Camunda 8 file that lost Camunda Modeler's mark on its way through another tool (an export, a
   * round trip) still uses zeebe: extensions: no Camunda 7 advice on it either.
   */
  @Test
  void aFileWithCamunda8ExtensionsButNoMarkIsCamunda8Too() throws IOException {
    String model =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="t">
          <process id="fraud" name="Fraud check" isExecutable="true">
            <startEvent id="start" name="Start"/>
            <userTask id="check" name="Check for fraud">
              <extensionElements><zeebe:assignmentDefinition candidateGroups="fraud"/></extensionElements>
            </userTask>
            <endEvent id="end" name="End"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
            <sequenceFlow id="f2" sourceRef="check" targetRef="end"/>
          </process>
        </definitions>
        """;
    Path file = Files.writeString(dir.resolve("exported.bpmn"), model, StandardCharsets.UTF_8);

    String text = CliRun.of("lint", file.toString()).out();
    assertThat(text).doesNotContain("user-task-assignment").doesNotContain("history-time-to-live");
    Path camunda7 =
        Files.writeString(
            dir.resolve("camunda7.bpmn"),
            model.replace(
                "<extensionElements><zeebe:assignmentDefinition candidateGroups=\"fraud\"/>"
                    + "</extensionElements>",
                ""),
            StandardCharsets.UTF_8);
    assertThat(CliRun.of("lint", camunda7.toString()).out())
        .contains("user-task-assignment", "history-time-to-live");
    // Camunda 7 files with a zeebe: leftover: marked for Camunda 7, or using camunda: extensions
    Path marked =
        Files.writeString(
            dir.resolve("marked.bpmn"),
            model.replace(
                "targetNamespace=\"t\">",
                "xmlns:modeler=\"http://camunda.org/schema/modeler/1.0\" targetNamespace=\"t\""
                    + " modeler:executionPlatform=\"Camunda Platform\">"),
            StandardCharsets.UTF_8);
    assertThat(CliRun.of("lint", marked.toString()).out()).contains("user-task-assignment");
    Path mixed =
        Files.writeString(
            dir.resolve("mixed.bpmn"),
            model
                .replace(
                    "targetNamespace=\"t\">",
                    "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">")
                .replace("<process id=\"fraud\"", "<process camunda:versionTag=\"1\" id=\"fraud\""),
            StandardCharsets.UTF_8);
    assertThat(CliRun.of("lint", mixed.toString()).out()).contains("history-time-to-live");
  }

  @Test
  void sarifFingerprintsStayWhenModelerMovesTheLinesOrAnElementIsRenamed() throws IOException {
    String model = Files.readString(errors);
    Files.createDirectories(dir.resolve("moved"));
    Path moved =
        Files.writeString(
            dir.resolve("moved/errors.bpmn"),
            model
                .replaceFirst("\\?>", "?>\n<!-- saved again -->\n\n\n")
                .replace("name=\"Both done\"", "name=\"Both approvals done\""),
            StandardCharsets.UTF_8);

    JsonNode before = json(CliRun.of("lint", "--format", "sarif", errors.toString()).out());
    JsonNode after = json(CliRun.of("lint", "--format", "sarif", moved.toString()).out());

    List<String> fingerprints = fingerprints(before);
    assertThat(fingerprints).isNotEmpty().doesNotHaveDuplicates();
    assertThat(fingerprints(after)).containsExactlyElementsOf(fingerprints);
    // GitHub matches alerts by this key alone: given, its upload action keeps it
    for (JsonNode result : after.at("/runs/0/results")) {
      assertThat(result.at("/partialFingerprints/primaryLocationLineHash").asText())
          .isEqualTo(result.at("/partialFingerprints/camundaCheckupFinding~1v1").asText());
    }
    assertThat(after.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt())
        .isEqualTo(
            before.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt()
                + 4);
  }

  private static List<String> fingerprints(JsonNode sarif) {
    List<String> fingerprints = new ArrayList<>();
    for (JsonNode result : sarif.at("/runs/0/results")) {
      fingerprints.add(
          result.get("ruleId").asText()
              + " "
              + result.at("/partialFingerprints/camundaCheckupFinding~1v1").asText());
    }
    return fingerprints;
  }

  @Test
  void exitCodeIsZeroWithoutErrorsAndOneWhenWarningsExceedTheLimit() {
    assertThat(CliRun.of("lint", warnings.toString()).exitCode()).isZero();
    assertThat(CliRun.of("lint", "--max-warnings", "100", warnings.toString()).exitCode()).isZero();
    CliRun tooMany = CliRun.of("lint", "--max-warnings", "0", warnings.toString());
    assertThat(tooMany.exitCode()).isEqualTo(1);
    assertThat(tooMany.err())
        .matches("checkup-cli: \\d+ warning\\(s\\), more than --max-warnings 0 allows\\R");
  }

  @Test
  void anOutputThatCannotBeWrittenIsNotACleanRun() {
    PrintWriter full =
        new PrintWriter(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw new IOException("No space left on device");
              }
            });
    StringWriter err = new StringWriter();

    int code =
        CheckupCli.run(
            full, new PrintWriter(err, true), "lint", "--format", "sarif", warnings.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("the output could not be written");
  }

  @Test
  void badUsageExitsWithTwo() {
    assertThat(CliRun.of("lint").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("lint", "--format", "xml", errors.toString()).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("lint", "--max-warnings", "lots", errors.toString()).exitCode())
        .isEqualTo(2);
    assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
    CliRun missingConfig =
        CliRun.of("lint", "--config", dir.resolve("nope.json").toString(), errors.toString());
    assertThat(missingConfig.exitCode()).isEqualTo(2);
    assertThat(missingConfig.err()).contains("nope.json").contains("no such file");
  }

  @Test
  void parseErrorIsNoRuleASettingTurnsOff() throws IOException {
    Path rc =
        Files.writeString(dir.resolve("quiet.json"), "{\"rules\": {\"parse-error\": \"off\"}}");
    Path broken = Files.writeString(dir.resolve("broken.bpmn"), "<definitions");

    CliRun run = CliRun.of("lint", "--config", rc.toString(), broken.toString());

    assertThat(run.err())
        .contains(
            rc
                + ": 'parse-error' is not a rule (a model that cannot be read, or a rule that"
                + " fails, is always reported): its setting ignored")
        .doesNotContain("unknown rule");
    assertThat(run.out()).contains("parse-error");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void aBpmnlintrcIsAcceptedAndUnknownRulesAreIgnoredWithAWarning() throws IOException {
    Path rc =
        Files.writeString(
            dir.resolve(".bpmnlintrc"),
            """
        { "extends": ["bpmnlint:recommended", "plugin:camunda-compat/camunda-platform-7-24"],
          "rules": { "deadlock": "off", "fake-branch": ["warn", {}], "camunda-compat/history-time-to-live": "error",
                     "unreachable": 0, "label-required": "off" } }
        """);

    CliRun run =
        CliRun.of("lint", "--format", "json", "--config", rc.toString(), errors.toString());

    assertThat(run.err())
        .contains("plugin:camunda-compat/camunda-platform-7-24")
        .contains(rc + ": unknown rule 'camunda-compat/history-time-to-live' ignored");
    JsonNode findings = json(run.out()).at("/files/0/findings");
    assertThat(findings.findValuesAsText("rule"))
        .doesNotContain("deadlock", "unreachable", "label-required")
        .contains("fake-branch", "no-implicit-end");
    assertThat(
            findings.findParents("rule").stream()
                .filter(f -> f.get("rule").asText().equals("fake-branch"))
                .map(f -> f.get("severity").asText()))
        .containsOnly("warn");
    // bpmnlint:recommended makes no-implicit-end an error, as bpmnlint does
    assertThat(
            findings.findParents("rule").stream()
                .filter(f -> f.get("rule").asText().equals("no-implicit-end"))
                .map(f -> f.get("severity").asText()))
        .containsOnly("error");
  }

  @Test
  void bpmnlintsNumericInfoAndNoLimitAreUnderstoodAndABadSeverityNamesItsRule() throws IOException {
    Path rc =
        Files.writeString(
            dir.resolve("numeric.json"),
            "{ \"rules\": { \"deadlock\": 3, \"fake-branch\": 1, \"unreachable\": 1 } }");

    CliRun run =
        CliRun.of(
            "lint",
            "--format",
            "json",
            "--max-warnings",
            "-1",
            "--config",
            rc.toString(),
            errors.toString());

    // bpmnlint 11 reads 3 as info; --max-warnings -1 is its "no limit"
    assertThat(
            json(run.out()).at("/files/0/findings").findParents("rule").stream()
                .filter(f -> f.get("rule").asText().equals("deadlock"))
                .map(f -> f.get("severity").asText()))
        .isNotEmpty()
        .containsOnly("info");
    assertThat(run.err()).isEmpty();

    Path bad =
        Files.writeString(
            dir.resolve("bad.json"), "{ \"rules\": { \"label-required\": \"warnn\" } }");
    CliRun refused = CliRun.of("lint", "--config", bad.toString(), errors.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("bad.json").contains("rule 'label-required'");
    assertThat(CliRun.of("lint", "--max-warnings", "-2", errors.toString()).exitCode())
        .isEqualTo(2);
  }

  /**
   * Later presets win, as in bpmnlint: checkup:recommended after bpmnlint:all puts every rule back
   * at its default; a misspelt preset of our own is an error, an unknown key a warning.
   */
  @Test
  void presetsApplyInOrderAndOurOwnMisspeltPresetIsAnError() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("presets.json"),
            "{ \"extends\": [\"bpmnlint:all\", \"checkup:recommended\"], \"ruels\": {} }");

    CliRun run =
        CliRun.of("lint", "--format", "json", "--config", config.toString(), errors.toString());

    // no-implicit-end is a warning by default, an error under bpmnlint:all
    assertThat(
            json(run.out()).at("/files/0/findings").findParents("rule").stream()
                .filter(f -> f.get("rule").asText().equals("no-implicit-end"))
                .map(f -> f.get("severity").asText()))
        .isNotEmpty()
        .containsOnly("warn");
    assertThat(run.err()).contains("key 'ruels' is not known here");

    Path misspelt =
        Files.writeString(dir.resolve("misspelt.json"), "{ \"extends\": \"checkup:recomended\" }");
    CliRun refused = CliRun.of("lint", "--config", misspelt.toString(), errors.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains("misspelt.json")
        .contains("unknown preset 'checkup:recomended'");
  }

  /**
   * A count option is a whole number from 0 up; anything else is refused, not rounded or wrapped.
   */
  @Test
  void anOptionThatIsNoCountIsRefusedNotRoundedOrWrapped() throws IOException {
    for (String max : List.of("80.9", "-1", "4294967376", "[3]", "{}")) {
      Path config =
          Files.writeString(
              dir.resolve("options.json"),
              "{ \"rules\": { \"model-size\": [\"warn\", { \"max\": " + max + " }] } }");

      CliRun run = CliRun.of("lint", "--config", config.toString(), errors.toString());

      assertThat(run.exitCode()).as(max).isEqualTo(2);
      // the value as written, a list or an object too
      assertThat(run.err())
          .as(max)
          .contains("option 'max' must be a whole number from 0 up, got '" + max + "'");
    }
    Path fine =
        Files.writeString(
            dir.resolve("options.json"),
            "{ \"rules\": { \"model-size\": [\"warn\", { \"max\": 80.0 }] } }");
    assertThat(CliRun.of("lint", "--config", fine.toString(), errors.toString()).exitCode())
        .isNotEqualTo(2);
  }

  /**
   * A team whose engine registers form types and validators of its own names them in form-field's
   * options, as a list or as one text; a value that is neither is refused, naming rule and option.
   */
  @Test
  void formFieldOptionsNameTheEnginesOwnTypesAndValidators() throws IOException {
    Path model =
        Files.writeString(
            dir.resolve("pay.bpmn"),
            """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
              <process id="pay" isExecutable="true" camunda:historyTimeToLive="30">
                <userTask id="payTask" name="Pay">
                  <extensionElements>
                    <camunda:formData>
                      <camunda:formField id="sum" type="money"/>
                      <camunda:formField id="account" type="string">
                        <camunda:validation><camunda:constraint name="iban"/></camunda:validation>
                      </camunda:formField>
                    </camunda:formData>
                  </extensionElements>
                </userTask>
              </process>
            </definitions>
            """);
    String without = CliRun.of("lint", "--format", "json", model.toString()).out();
    assertThat(without).contains("of the type 'money'").contains("constraint 'iban'");
    for (String options :
        List.of(
            "{ \"types\": [\"money\"], \"validators\": [\"iban\"] }",
            "{ \"types\": \"money, phone\", \"validators\": \"iban\" }")) {
      Path config =
          Files.writeString(
              dir.resolve("forms.json"),
              "{ \"rules\": { \"form-field\": [\"error\", " + options + "] } }");
      String with =
          CliRun.of("lint", "--format", "json", "--config", config.toString(), model.toString())
              .out();
      assertThat(with).as(options).doesNotContain("form-field");
    }
    for (String value : List.of("5", "true", "[\"money\", 7]", "[\"money\", null]", "{\"a\": 1}")) {
      Path bad =
          Files.writeString(
              dir.resolve("forms.json"),
              "{ \"rules\": { \"form-field\": [\"error\", { \"types\": " + value + " }] } }");
      CliRun refused = CliRun.of("lint", "--config", bad.toString(), model.toString());
      assertThat(refused.exitCode()).as(value).isEqualTo(2);
      assertThat(refused.err())
          .as(value)
          .contains(
              "rule form-field: option 'types' must be a list of names or one text of names"
                  + " separated by commas or blanks, got '");
    }
  }

  @Test
  void linkedModelsAreLintedAndALoopOfLinksIsReportedWithoutStoppingTheWalk() throws IOException {
    Path models = Files.createDirectories(dir.resolve("models"));
    Files.createSymbolicLink(models.resolve("linked.bpmn"), errors);
    Files.createSymbolicLink(models.resolve("loop"), models);
    Files.createSymbolicLink(models.resolve("dangling.bpmn"), dir.resolve("gone.bpmn"));
    copy("models/warnings.bpmn", models.resolve("z/warnings.bpmn"));
    // not a name the engine deploys as BPMN, so not one the search takes
    copy("models/warnings.bpmn", models.resolve("z/LOUD.BPMN"));

    // the linked file named again, directly and through the directory: linted once
    CliRun run = CliRun.of("lint", "--format", "json", models.toString(), errors.toString());

    JsonNode files = json(run.out()).get("files");
    List<String> paths = new java.util.ArrayList<>();
    files.forEach(file -> paths.add(file.get("path").asText()));
    assertThat(paths)
        .contains(
            models.resolve("linked.bpmn").toString(),
            models.resolve("z/warnings.bpmn").toString(),
            models.resolve("loop").toString(),
            models.resolve("dangling.bpmn").toString())
        .doesNotContain(models.resolve("z/LOUD.BPMN").toString(), errors.toString())
        .doesNotHaveDuplicates();
    assertThat(json(run.out()).toString())
        .contains("a loop of links: this directory links to one it is inside")
        .contains("no such file")
        .doesNotContain("Exception");
  }

  @Test
  void aFileNameCannotForgeAnOutputLineAndAPathTheSystemCannotNameIsAUsageError()
      throws IOException {
    Path forged = dir.resolve("evil\nforged.bpmn");
    Files.copy(errors, forged);

    CliRun run = CliRun.of("lint", forged.toString());

    assertThat(run.out().lines()).noneMatch(line -> line.startsWith("forged.bpmn"));
    assertThat(run.out()).contains("evil\\nforged.bpmn:");
    // JSON and SARIF name the file itself: JSON escapes the line break its own way, SARIF's URI
    // encodes it
    CliRun asJson = CliRun.of("lint", "--format", "json", forged.toString());
    assertThat(json(asJson.out()).at("/files/0/path").asText()).isEqualTo(forged.toString());
    CliRun asSarif = CliRun.of("lint", "--format", "sarif", forged.toString());
    assertThat(
            json(asSarif.out())
                .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText())
        .endsWith("/evil%0Aforged.bpmn");
    CliRun nul = CliRun.of("lint", "a\u0000b.bpmn");
    assertThat(nul.exitCode()).isEqualTo(2);
    assertThat(nul.err()).contains("is not a path here");
  }

  @Test
  void sarifUrisOfWindowsPathsAndNamesWithAColonAreWhatTheyName() {
    assertThat(SarifReport.uri("C:/models/a.bpmn")).isEqualTo("file:///C:/models/a.bpmn");
    assertThat(SarifReport.uri("v1:draft.bpmn")).isEqualTo("./v1:draft.bpmn");
    assertThat(SarifReport.uri("models/v1:draft.bpmn")).isEqualTo("models/v1:draft.bpmn");
    assertThat(SarifReport.uri("/tmp/a b.bpmn")).isEqualTo("file:///tmp/a%20b.bpmn");
  }

  /**
   * Code scanning finds a result's file by a URI relative to the repository's root: a file in the
   * working directory is named relative to it, under the base id the run resolves to that
   * directory, however it was given; a file outside it by its absolute URI, not by a relative one
   * climbing out of the repository.
   */
  @Test
  void sarifNamesFilesRelativeToTheWorkingDirectoryWithItsBaseId() throws IOException {
    Path models = Files.createDirectories(dir.resolve("repo/models"));
    Path inside = copy("models/errors.bpmn", models.resolve("orders v2.bpmn"));
    Path outside = copy("models/errors.bpmn", dir.resolve("shared.bpmn"));

    JsonNode run =
        json(CliRun.in(
                    dir.resolve("repo"),
                    "lint",
                    "--format",
                    "sarif",
                    inside.toString(),
                    outside.toString())
                .out())
            .at("/runs/0");

    assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText())
        .isEqualTo(SarifReport.uri(dir.resolve("repo").toString()) + "/");
    Set<String> locations = new TreeSet<>();
    int steps = 0;
    for (JsonNode result : run.get("results")) {
      JsonNode artifact = result.at("/locations/0/physicalLocation/artifactLocation");
      locations.add(artifact.get("uri").asText() + " " + artifact.path("uriBaseId").asText("-"));
      for (JsonNode step : result.at("/codeFlows/0/threadFlows/0/locations")) {
        assertThat(step.at("/location/physicalLocation/artifactLocation"))
            .as("a witness step names its file as its result does")
            .isEqualTo(artifact);
        steps++;
      }
    }
    assertThat(steps).as("the deadlock's witness steps").isPositive();
    assertThat(locations)
        .containsExactlyInAnyOrder(
            "models/orders%20v2.bpmn %SRCROOT%", SarifReport.uri(outside.toString()) + " -");
  }

  /** Where a file lies against the working directory; a sibling named like it is outside. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "models/x.bpmn         | /repo     | models/x.bpmn              | %SRCROOT%",
        "/repo/./models/x.bpmn | /repo     | models/x.bpmn              | %SRCROOT%",
        "../shared/a.bpmn      | /repo/sub | file:///repo/shared/a.bpmn | -",
        "../sub/a.bpmn         | /repo/sub | a.bpmn                     | %SRCROOT%",
        "/repository/a.bpmn    | /repo     | file:///repository/a.bpmn  | -",
        "C:/work/a b.bpmn      | C:/work   | a%20b.bpmn                 | %SRCROOT%",
        "/tmp/x.bpmn           | /         | tmp/x.bpmn                 | %SRCROOT%",
        "v1:draft.bpmn         | /repo     | ./v1:draft.bpmn            | %SRCROOT%"
      })
  void sarifLocationsAreRelativeInsideTheWorkingDirectoryAndAbsoluteOutside(
      String path, String workingDirectory, String uri, String baseId) {
    assertThat(SarifReport.artifact(path, workingDirectory))
        .isEqualTo(new SarifReport.Artifact(uri, baseId));
  }

  @Test
  void sarifUrisNameTheFileOneWayWhateverDotsThePathWasGivenWith() {
    // code scanning matches a result to a repository file by its URI, character by character
    assertThat(SarifReport.uri("./models/x.bpmn")).isEqualTo("models/x.bpmn");
    assertThat(SarifReport.uri("models/./x.bpmn")).isEqualTo("models/x.bpmn");
    assertThat(SarifReport.uri("models/old/../x.bpmn")).isEqualTo("models/x.bpmn");
    assertThat(SarifReport.uri("../paths/x.bpmn")).isEqualTo("../paths/x.bpmn");
    assertThat(SarifReport.uri("/tmp/./a/../x.bpmn")).isEqualTo("file:///tmp/x.bpmn");
    assertThat(SarifReport.uri("./v1:draft.bpmn")).isEqualTo("./v1:draft.bpmn");
    // a root stays a root
    assertThat(SarifReport.uri("C:/../a.bpmn")).isEqualTo("file:///C:/a.bpmn");
    assertThat(SarifReport.uri("//server/share/./a.bpmn"))
        .isEqualTo("file:////server/share/a.bpmn");
  }

  @Test
  void anEmptyPathIsAUsageErrorNotTheWorkingDirectory() {
    // an unset $MODELS in a CI script gives ""
    CliRun run = CliRun.in(dir, "lint", "");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("an empty path names nothing");
    assertThat(run.out()).isEmpty();
    assertThat(CliRun.of("lint", "--config", "", errors.toString()).exitCode()).isEqualTo(2);
  }

  @Test
  void aDashIsAUsageErrorNotAFileNamedDash() throws IOException {
    // as other linters' standard input: said so, not "no such file"
    CliRun run = CliRun.in(dir, "lint", "-");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'-' (standard input) is not read");
    assertThat(run.out()).isEmpty();
    // a file really named '-' is still linted, as ./- or after --
    Files.copy(errors, dir.resolve("-"));
    assertThat(CliRun.in(dir, "lint", "./-").exitCode()).isEqualTo(1);
    assertThat(CliRun.in(dir, "lint", "--", "-").exitCode()).isEqualTo(1);
  }

  @Test
  void aMaxWarningsBeyondAnyCountIsNoLimit() {
    CliRun unlimited = CliRun.of("lint", "--max-warnings", "99999999999", warnings.toString());
    assertThat(unlimited.err()).doesNotContain("--max-warnings needs");
    assertThat(unlimited.exitCode()).isZero();
    assertThat(CliRun.of("lint", "--max-warnings", "0", warnings.toString()).exitCode())
        .isEqualTo(1);
    // leading zeros are still the number written
    assertThat(
            CliRun.of("lint", "--max-warnings", "0000000000000000000", warnings.toString())
                .exitCode())
        .isEqualTo(1);
  }

  @Test
  void aBpmnlintrcInTheWorkingDirectoryIsReadWithoutConfig() throws IOException {
    Files.writeString(
        dir.resolve(".bpmnlintrc"),
        """
        { "extends": "bpmnlint:recommended", "rules": { "deadlock": "off", "fake-branch": "warn" } }
        """);

    CliRun here = CliRun.in(dir, "lint", "--format", "json", errors.toString());
    CliRun elsewhere = CliRun.in(dir.resolve("sub"), "lint", "--format", "json", errors.toString());

    JsonNode found = json(here.out()).at("/files/0/findings");
    assertThat(found.findValuesAsText("rule")).doesNotContain("deadlock").contains("fake-branch");
    assertThat(
            found.findParents("rule").stream()
                .filter(f -> f.get("rule").asText().equals("fake-branch"))
                .map(f -> f.get("severity").asText()))
        .containsOnly("warn");
    // a directory without one: the default rules, as before
    assertThat(json(elsewhere.out()).at("/files/0/findings").findValuesAsText("rule"))
        .contains("deadlock");
  }

  @Test
  void anExplicitConfigWinsOverALocalBpmnlintrc() throws IOException {
    Files.writeString(dir.resolve(".bpmnlintrc"), "{ \"rules\": { \"deadlock\": \"off\" } }");
    Path config =
        Files.writeString(
            dir.resolve("checkup.json"), "{ \"rules\": { \"model-size\": \"off\" } }");

    CliRun run =
        CliRun.in(
            dir, "lint", "--format", "json", "--config", config.toString(), errors.toString());

    assertThat(json(run.out()).at("/files/0/findings").findValuesAsText("rule"))
        .contains("deadlock");
  }

  @Test
  void aDirectoryWithoutBpmnFilesFailsTheRunInsteadOfPassingWithNothingLinted() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("models"));
    Files.writeString(empty.resolve("notes.txt"), "not a model");

    CliRun run = CliRun.of("lint", empty.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(empty + "  error  parse-error")
        .contains("no BPMN file (*.bpmn, *.bpmn20.xml) in this directory");
  }

  @Test
  void absurdNestingIsOneClearParseErrorWhereItGoesTooDeep() throws IOException {
    String xml = ModelGenerator.nested(500);
    Path deep = Files.writeString(dir.resolve("deep.bpmn"), xml);
    // beyond a thousand levels of elements the file is not read on, as at deploy time
    String deeper = ModelGenerator.nested(20_000);
    Path deepest = Files.writeString(dir.resolve("deepest.bpmn"), deeper);

    CliRun run = CliRun.of("lint", deep.toString(), deepest.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    // at the sub-process where it goes too deep, as the engine reports it, not at <definitions>
    String before = xml.substring(0, xml.indexOf("<subProcess id=\"sub300\""));
    int line = before.split("\n", -1).length;
    // definitions, process, then sub0 to sub997: sub998 is the 1,001st level
    int tooDeep =
        deeper.substring(0, deeper.indexOf("<subProcess id=\"sub998\">")).split("\n", -1).length;
    assertThat(run.out())
        .contains(deep + ":" + line + ":")
        .contains("nested more than 300 levels deep (at 'sub300')")
        .contains(deepest + ":" + tooDeep + ":")
        .contains("elements are nested more than 1000 levels deep (line " + tooDeep + ")");
    assertThat(run.out().lines().filter(l -> l.contains("error  parse-error"))).hasSize(2);
  }

  @Test
  void aLongIdIsCutOnItsLineAsANameIsAndACleanRunIsOneLine() throws IOException {
    String id = "t" + "x".repeat(5_000);
    Path model =
        Files.writeString(
            dir.resolve("long-id.bpmn"),
            "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\""
                + " targetNamespace=\"t\"><process id=\"p\" isExecutable=\"false\">"
                + "<task id=\""
                + id
                + "\"/></process></definitions>");

    CliRun run = CliRun.of("lint", model.toString());

    assertThat(run.out().lines().filter(line -> line.contains(" tx")))
        .isNotEmpty()
        .allSatisfy(
            line -> assertThat(line).hasSizeLessThan(1_000).contains("(4881 more characters)"));
    CliRun clean = CliRun.of("lint", "--config", warningsOff().toString(), warnings.toString());
    assertThat(clean.out()).isEqualTo("no problems in 1 file" + System.lineSeparator());
  }

  /** A config file with every rule off. */
  private Path warningsOff() throws IOException {
    StringBuilder rules = new StringBuilder();
    for (io.checkup.lint.Rule rule : io.checkup.lint.RuleCatalog.standard().rules()) {
      rules
          .append(rules.length() == 0 ? "" : ", ")
          .append('"')
          .append(rule.id())
          .append("\": \"off\"");
    }
    return Files.writeString(dir.resolve("quiet.json"), "{ \"rules\": { " + rules + " } }");
  }

  @Test
  void namesWithControlCharactersStayOnOneLine() throws IOException {
    Path forged =
        Files.writeString(
            dir.resolve("forged.bpmn"),
            """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="p" isExecutable="true">
            <startEvent id="s"/>
            <exclusiveGateway id="g" name="Amount?&#10;checkup: all models are fine&#x202e;&#x85;&#x200f;&#x61c;&#xfeff;"/>
            <sequenceFlow id="f0" sourceRef="s" targetRef="g"/>
            <task id="a" name="A"/><task id="b" name="B"/>
            <sequenceFlow id="f1" sourceRef="g" targetRef="a"/>
            <sequenceFlow id="f2" sourceRef="g" targetRef="b"/>
          </process>
        </definitions>
        """);

    CliRun run = CliRun.of("lint", forged.toString());

    assertThat(run.out())
        .contains("Amount?\\ncheckup: all models are fine\\u202e\\u0085\\u200f\\u061c\\ufeff")
        .doesNotContain("\u202e", "\u0085", "\u200f", "\u061c", "\ufeff")
        .doesNotContainPattern("(?m)^checkup: all models are fine");
  }

  @Test
  void ruleOptionsFromAConfigFileApply() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("checkup.json"),
            """
        { "rules": { "model-size": ["error", { "max": 3 }] } }
        """);

    CliRun run = CliRun.of("lint", "--config", config.toString(), warnings.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "error  model-size  orderRouting  Process 'Order routing' (orderRouting) has 5 "
                + "flow nodes, more than 3");
  }

  @Test
  void aBadRuleOptionIsABadUsage() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("checkup.json"),
            """
        { "rules": { "model-size": ["error", { "maximum": 3 }] } }
        """);

    CliRun run = CliRun.of("lint", "--config", config.toString(), warnings.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("checkup.json")
        .contains("rule model-size has no option 'maximum'");
  }

  @Test
  void anUnparsableFileIsReportedAndTheRunGoesOn() throws IOException {
    Path broken =
        Files.writeString(
            dir.resolve("broken.bpmn"), "<definitions><process>", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("lint", broken.toString(), warnings.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(broken + ":1:23  error  parse-error  -  not well-formed XML")
        .contains(warnings + ":");
  }

  @Test
  void onlyExecutableLintsWhatTheEngineWouldDeploy(@TempDir Path dir) throws IOException {
    Path model =
        Files.writeString(
            dir.resolve("two.bpmn"),
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
              <process id="runs" isExecutable="true">
                <startEvent id="s1"/>
                <sequenceFlow id="f1" sourceRef="s1" targetRef="lost1"/>
                <task id="lost1"/>
              </process>
              <process id="sketch" isExecutable="false">
                <startEvent id="s2"/>
                <sequenceFlow id="f2" sourceRef="s2" targetRef="lost2"/>
                <task id="lost2"/>
              </process>
            </definitions>
            """);

    CliRun all = CliRun.of("lint", model.toString());
    CliRun executable = CliRun.of("lint", "--only-executable", model.toString());

    assertThat(all.out()).contains("lost1").contains("lost2");
    assertThat(executable.out()).contains("lost1").doesNotContain("lost2").doesNotContain("s2");
    assertThat(CliRun.of("lint", "--only-executable=yes", model.toString()).exitCode())
        .isEqualTo(2);
  }

  /**
   * Camunda's parser validates against the BPMN schema, which hands a boolean over with the blanks
   * around it collapsed: " true" deploys the process, and the command line lints it as executable;
   * "1", which the schema allows too, the engine reads as false and ignores the process.
   */
  @Test
  void aProcessIsExecutableAsTheEngineReadsItsBoolean(@TempDir Path dir) throws IOException {
    String model =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
          <process id="blanks" isExecutable=" true ">
            <startEvent id="s1"/>
            <sequenceFlow id="f1" sourceRef="s1" targetRef="e1"/>
            <endEvent id="e1"/>
          </process>
          <process id="one" isExecutable="1">
            <startEvent id="s2"/>
            <sequenceFlow id="f2" sourceRef="s2" targetRef="e2"/>
            <endEvent id="e2"/>
          </process>
        </definitions>
        """;
    Path file = Files.writeString(dir.resolve("booleans.bpmn"), model);

    CliRun executable = CliRun.of("lint", "--only-executable", file.toString());

    // the execution rule history-time-to-live speaks of the process the engine would deploy
    assertThat(executable.out())
        .contains("Executable process blanks has no camunda:historyTimeToLive")
        .doesNotContain("process one");
  }

  @Test
  void helpVersionAndOptionSpellings() throws IOException {
    CliRun help = CliRun.of("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains(
            "lint [--format text|json|sarif] [--config FILE] [--max-warnings N]"
                + " [--only-executable] PATH...");
    assertThat(CliRun.of("lint", "--help").out()).contains("Exit codes:");
    assertThat(CliRun.of("--version").out()).startsWith("camunda-checkup ");
    // as 'rules' with an argument: a typo is a usage error, not a quiet success
    assertThat(CliRun.of("--version", "extra").exitCode()).isEqualTo(2);
    // --name=value works like --name value, and -- ends the options
    CliRun equals =
        CliRun.of("lint", "--format=json", "--max-warnings=100", "--", warnings.toString());
    assertThat(equals.exitCode()).isZero();
    assertThat(json(equals.out()).at("/summary/files").asInt()).isEqualTo(1);
    CliRun missingValue = CliRun.of("lint", warnings.toString(), "--config");
    assertThat(missingValue.exitCode()).isEqualTo(2);
    assertThat(missingValue.err()).contains("option '--config' needs a value");
  }

  @Test
  void aFileLargerThanTheHeapAllowsIsRefusedWithTheHeapItNeedsAndTheNextOneIsLinted()
      throws IOException {
    Linter linter = new Linter(LintConfig.defaults(RuleCatalog.standard()));
    long size = Files.size(errors);
    HeapBudget justTooSmall = new HeapBudget(HeapBudget.HEAP_PER_FILE_BYTE * size - 1);
    HeapBudget justEnough = new HeapBudget(HeapBudget.HEAP_PER_FILE_BYTE * size);

    FileResult refused = LintCommand.lintFile(linter, errors, false, justTooSmall);
    FileResult linted = LintCommand.lintFile(linter, errors, false, justEnough);

    assertThat(refused.findings()).hasSize(1);
    Finding refusal = refused.findings().get(0);
    assertThat(refusal.ruleId()).isEqualTo(Finding.PARSE_ERROR);
    assertThat(refusal.message())
        .startsWith("cannot be read: ")
        .contains("MB is more than the linter can hold in this JVM's")
        .endsWith("e.g. java -Xmx256m -jar checkup-cli.jar");
    assertThat(linted.findings()).extracting(Finding::ruleId).contains("deadlock");
  }

  @Test
  void aPipeGivenAsAPathIsReportedInsteadOfWaitedFor() throws Exception {
    Path pipe = dir.resolve("pipe.bpmn");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    } catch (IOException e) {
      Assumptions.abort("no mkfifo here: " + e.getMessage());
      return;
    }
    Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo made no pipe");

    CliRun run =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> CliRun.of("lint", pipe.toString(), warnings.toString()));
    // found by a directory search too, not passed over in silence
    CliRun search =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> CliRun.of("lint", dir.toString()));
    assertThat(search.out()).contains("pipe.bpmn  error  parse-error  -  not a regular file");

    assertThat(run.out())
        .contains(
            "pipe.bpmn  error  parse-error  -  not a regular file (a pipe, a device or a"
                + " socket): only files are linted")
        .contains("warnings.bpmn20.xml");
    assertThat(run.exitCode()).isEqualTo(CheckupCli.EXIT_FINDINGS);
  }

  @Test
  void rulesCommandListsTheCatalog() {
    CliRun run = CliRun.of("rules");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("cascaded-conditions")
        .contains("fake-branch")
        .contains("superfluous-termination");
  }

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }
}
