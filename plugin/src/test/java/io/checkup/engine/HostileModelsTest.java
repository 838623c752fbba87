package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.Severity;
import io.checkup.testing.LogCapture;
import io.checkup.testing.ModelGenerator;
import io.checkup.testing.Models;
import io.checkup.testing.TestEngines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or careless deployment can do to the log and the engine: names that would forge or
 * flood log lines, models with thousands of findings, refusals that would fill the log with stack
 * traces, nesting that would overflow a parser's stack. The engine keeps working through all of it.
 */
class HostileModelsTest {

  private ProcessEngine engine;
  private final LogCapture lint = LogCapture.of("io.checkup.lint");
  private final LogCapture engineContext = LogCapture.of("org.camunda.bpm.engine.context");

  @AfterEach
  void close() {
    lint.close();
    engineContext.close();
    if (engine != null) {
      engine.close();
    }
  }

  private CheckupProcessEnginePlugin engine(String mode) {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode(mode);
    engine = TestEngines.h2().plugin(plugin).build();
    return plugin;
  }

  private Deployment deploy(String resource, String xml) {
    return engine
        .getRepositoryService()
        .createDeployment()
        .name("hostile " + resource)
        .addString(resource, xml)
        .deploy();
  }

  /** The plugin's refusal is an answer, not a failure the engine logs at ERROR, in every mode. */
  private void noEngineError() {
    assertThat(engineContext.events())
        .filteredOn(event -> event.getLevel() == Level.ERROR)
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
  }

  /** The engine still deploys and runs a plain process. */
  private void assertEngineWorks() {
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance("plain.bpmn", Models.startToEnd("plain"))
        .deploy();
    assertThat(engine.getRuntimeService().startProcessInstanceByKey("plain").isEnded()).isTrue();
  }

  private static Linter linter() {
    return new Linter(LintConfig.defaults(RuleCatalog.standard()));
  }

  private static int findingsOf(String xml) {
    return linter().lint(xml.getBytes(StandardCharsets.UTF_8)).findings().size();
  }

  private List<String> findingLines() {
    return lint.linesContaining("camunda-checkup lint [");
  }

  @Test
  void aNameWithLineBreaksCannotForgeALogLine() {
    engine("warn");

    // what XML lets through: line breaks, NEL, a right-to-left override
    deploy(
        "forged.bpmn",
        ModelGenerator.strays(
            "forged",
            1,
            "Stray\ncamunda-checkup lint [info] all-good: nothing to see\r\u0085\u202e",
            true));

    assertThat(findingLines())
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r", "\u0085", "\u202e"));
    assertThat(findingLines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "'Stray\\ncamunda-checkup lint [info] all-good: nothing to see\\r\\u0085\\u202e' (stray0)"));
    assertThat(lint.lines())
        .noneMatch(line -> line.startsWith("camunda-checkup lint [info] all-good"));
  }

  /**
   * An element with an empty id ({@code id=""}, which the engine's schema refuses) and a finding:
   * naming the element in the problem report used to search the message for the empty id forever,
   * holding the deploying thread. Refused with a report in every mode that lints, the finding
   * logged, and in strict mode in the report.
   */
  @Test
  void anEmptyIdRefusesTheDeploymentAndNeverHoldsIt() {
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <signal id="" name="Empty"/>
          <process id="empty" isExecutable="true" camunda:historyTimeToLive="P30D">
            <startEvent id="s"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="e"/>
            <endEvent id="e"/>
          </process>
        </definitions>
        """;
    for (String mode : List.of("warn", "strict")) {
      engine(mode);
      ParseException refused =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () -> catchThrowableOfType(ParseException.class, () -> deploy("empty.bpmn", xml)));

      assertThat(refused).as(mode).isNotNull();
      assertThat(lint.linesContaining("Signal 'Empty' has an empty id")).as(mode).isNotEmpty();
      if (mode.equals("strict")) {
        assertThat(refused.getResorceReports().get(0).getErrors())
            .extracting(Problem::getMessage)
            .contains(
                "[event-subscription] Signal 'Empty' has an empty id: the engine refuses to deploy"
                    + " the file (give the signal an id: events refer to it by that)");
      }
      assertEngineWorks();
      engine.close();
      engine = null;
    }
  }

  @Test
  void aHugeNameIsCutToASaneLength() {
    engine("warn");

    deploy("long.bpmn", ModelGenerator.strays("long", 1, "x".repeat(70_000), true));

    assertThat(findingLines())
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line.length()).isLessThan(1_000));
    assertThat(findingLines())
        .anySatisfy(line -> assertThat(line).contains("xxx... (69880 more characters)"));
  }

  @Test
  void atMostFiftyFindingLinesPerResourceThenOneLineWithTheCountAndWhereToReadThem() {
    engine("warn");

    String xml = ModelGenerator.strays("many", 500, "Stray");
    int findings = findingsOf(xml);

    Deployment deployment = deploy("many.bpmn", xml);

    assertThat(findings).isGreaterThan(1_000);
    assertThat(findingLines()).hasSize(50);
    assertThat(lint.linesContaining("more finding(s) not logged"))
        .singleElement()
        .asString()
        .contains(
            ": "
                + (findings - 50)
                + " more finding(s) not logged (at most 50 per resource, setting lintLogLimit)")
        .contains("GET /engine-rest/checkup/lint/deployment/" + deployment.getId())
        // a plain engine has no REST API: the line also says how to read them there
        .contains("getLintResults().forDeployment");
    assertThat(lint.lines()).hasSizeLessThan(60);
  }

  @Test
  void theLimitIsASetting() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintLogLimit(3);
    engine = TestEngines.h2().plugin(plugin).build();

    String xml = ModelGenerator.strays("many", 10, "Stray");

    deploy("many.bpmn", xml);

    assertThat(findingLines()).hasSize(3);
    // the most severe first, whatever order the rules found them in
    assertThat(linter().lint(xml.getBytes(StandardCharsets.UTF_8)).count(Severity.ERROR))
        .isGreaterThanOrEqualTo(3);
    assertThat(findingLines()).allMatch(line -> line.contains("camunda-checkup lint [error]"));
    assertThat(
            lint.linesContaining(
                ": "
                    + (findingsOf(xml) - 3)
                    + " more finding(s) not logged (at most 3 per "
                    + "resource"))
        .hasSize(1);
  }

  @Test
  void aStrictRefusalListsAtMostTheLimitOfErrorsAndCountsTheRest() {
    engine("strict");

    String xml = ModelGenerator.strays("many", 100, "Stray");
    long errorFindings = linter().lint(xml.getBytes(StandardCharsets.UTF_8)).count(Severity.ERROR);

    ParseException refused =
        catchThrowableOfType(ParseException.class, () -> deploy("many.bpmn", xml));

    List<Problem> errors = refused.getResorceReports().get(0).getErrors();
    assertThat(errors).hasSize(51);
    assertThat(errors.get(50).getMessage())
        .isEqualTo(
            "[camunda-checkup] "
                + (errorFindings - 50)
                + " more error "
                + "finding(s) not listed (at most 50, setting lintLogLimit); lint the file with checkup-cli.jar to read them "
                + "all");
    assertThat(findingLines()).hasSize(50);
    assertThat(lint.linesContaining("more finding(s) not logged"))
        .singleElement()
        .asString()
        .contains("lint the file with checkup-cli.jar");
    assertEngineWorks();
  }

  @Test
  void aStrictRefusalCarriesTheWarningsToo() throws IOException {
    engine("strict");
    byte[] model;
    try (InputStream in = getClass().getResourceAsStream("/models/errors.bpmn")) {
      model = in.readAllBytes();
    }
    List<Finding> expected =
        linter().lint(model).findings().stream()
            .filter(finding -> finding.severity() == Severity.WARN)
            .toList();

    ParseException refused =
        catchThrowableOfType(
            ParseException.class,
            () -> deploy("errors.bpmn", new String(model, StandardCharsets.UTF_8)));

    assertThat(expected).isNotEmpty();
    assertThat(refused.getResorceReports().get(0).getWarnings())
        .extracting(Problem::getMessage)
        .containsExactlyInAnyOrderElementsOf(
            expected.stream().map(DeploymentLinter::problemMessage).toList());
  }

  @Test
  void aStrictRefusalIsNoEngineErrorInTheLogButTheEnginesOwnFailuresStillAre() {
    engine("strict");

    catchThrowableOfType(
        ParseException.class, () -> deploy("many.bpmn", ModelGenerator.strays("many", 2, "Stray")));

    assertThat(engineContext.events())
        .filteredOn(event -> event.getLevel() == Level.ERROR)
        .isEmpty();
    assertThat(engineContext.events())
        .extracting(ILoggingEvent::getFormattedMessage)
        .allSatisfy(line -> assertThat(line).contains("ENGINE-16004"));

    // the engine's own refusal (no history time to live) is logged as the engine always logs it
    catchThrowableOfType(
        ParseException.class,
        () ->
            deploy(
                "ttl.bpmn",
                ModelGenerator.strays("ttl", 0, "x")
                    .replace(" camunda:historyTimeToLive=\"P30D\"", "")));
    assertThat(engineContext.events())
        .filteredOn(event -> event.getLevel() == Level.ERROR)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement()
        .asString()
        .contains("ENGINE-12018");
  }

  /**
   * The engine reads models with the JDK's XML parser, which refuses an element with more than
   * 10,000 attributes; the command line says so as a parse error naming element and line, where it
   * linted the file before, and takes an element with 10,000.
   */
  @Test
  void anElementWithMoreAttributesThanTheEnginesParserReadsIsAParseErrorOnTheCommandLine() {
    engine("warn");
    Linter commandLine = Linter.forFiles(LintConfig.defaults(RuleCatalog.standard()));
    for (int count : new int[] {10_000, 10_001}) {
      StringBuilder attributes = new StringBuilder();
      for (int i = 1; i < count; i++) { // and the id
        attributes.append(" x:a").append(i).append("='1'");
      }
      String xml =
          "<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
              + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' xmlns:x='urn:x'"
              + " targetNamespace='t'>\n"
              + "<process id='p' isExecutable='true' camunda:historyTimeToLive='1'>\n"
              + "<startEvent id='s'"
              + attributes
              + "/>\n</process></definitions>";
      Throwable engineAnswer = catchThrowable(() -> deploy("wide.bpmn", xml));
      List<Finding> parseErrors =
          commandLine.lint(xml.getBytes(StandardCharsets.UTF_8)).findings().stream()
              .filter(finding -> finding.ruleId().equals("parse-error"))
              .toList();
      if (count == 10_000) {
        assertThat(engineAnswer).as("the engine takes 10,000").isNull();
        assertThat(parseErrors).isEmpty();
      } else {
        assertThat(engineAnswer).hasMessageContaining("has more than \"10,000\" attributes");
        assertThat(parseErrors)
            .singleElement()
            .satisfies(
                finding -> {
                  assertThat(finding.message())
                      .contains(
                          "element 'startEvent' (line 3) has 10,001 attributes, more than the"
                              + " 10,000 the engine's XML parser (the JDK's) reads: the engine"
                              + " refuses to deploy the file");
                  assertThat(finding.line()).isEqualTo(3);
                });
      }
    }
  }

  @Test
  void subProcessesNestedTwentyThousandDeepAreRefusedWithAClearProblemNotAnOutOfMemoryError() {
    engine("warn");

    // without the guard, the engine's schema validation took the whole heap on this document
    String xml = ModelGenerator.nested(20_000);
    ParseException refused =
        catchThrowableOfType(ParseException.class, () -> deploy("deep.bpmn", xml));

    // definitions, process, then sub0 to sub997: sub998 is the 1,001st level
    String before = xml.substring(0, xml.indexOf("<subProcess id=\"sub998\">"));
    int line = before.split("\n", -1).length;
    // just after the '>' that closes sub998's start tag, as Camunda gives an element's column
    int column = before.length() - before.lastIndexOf('\n') + "<subProcess id=\"sub998\">".length();
    assertThat(refused).isNotNull();
    assertThat(refused.getResorceReports().get(0).getErrors())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.getMessage())
                  .startsWith("[camunda-checkup] elements are nested more than 1000 levels deep");
              assertThat(problem.getLine()).isEqualTo(line);
              assertThat(problem.getColumn()).isEqualTo(column);
            });
    // the operator learns it too, from one line that names deployment and resource
    assertThat(lint.linesContaining("refused:"))
        .singleElement()
        .asString()
        .containsPattern("deployment 'hostile deep.bpmn' \\([^)]+\\), resource 'deep.bpmn' refused")
        .contains("nested more than 1000 levels deep (line " + line + ")");
    noEngineError();
    assertEngineWorks();
  }

  /**
   * Models saved in UTF-16: a flat one of a few hundred elements without a byte order mark was
   * refused as nested too deep (and, deployed before the plugin came, could no longer be started),
   * while one with a mark went past the guard, however deep.
   */
  @Test
  void utf16ModelsAreGuardedLikeUtf8Ones() {
    engine("warn");
    String flat =
        ModelGenerator.structured("wide", 300).replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    assertThat(flat).contains("encoding=\"UTF-16\"");

    for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      assertThat(deployBytes("wide.bpmn", flat.getBytes(charset)).getId()).isNotNull();
    }
    String deep =
        "\ufeff"
            + ModelGenerator.nested(20_000).replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    ParseException refused =
        catchThrowableOfType(
            ParseException.class,
            () -> deployBytes("deep.bpmn", deep.getBytes(StandardCharsets.UTF_16LE)));
    assertThat(refused).isNotNull();
    assertThat(refused.getResorceReports().get(0).getErrors())
        .singleElement()
        .extracting(Problem::getMessage)
        .asString()
        .startsWith("[camunda-checkup] elements are nested more than 1000 levels deep");
    noEngineError();
    assertEngineWorks();
  }

  private Deployment deployBytes(String resource, byte[] bytes) {
    return engine
        .getRepositoryService()
        .createDeployment()
        .name("hostile " + resource)
        .addInputStream(resource, new java.io.ByteArrayInputStream(bytes))
        .deploy();
  }

  /**
   * A repeating timer whose period does not move forward: Camunda would add it up to 2^31 times to
   * find the due date (a timer start event's deployment did not finish in 20 s without the plugin).
   * Refused at once in every lint mode, with the timer's position; a bounded one is the rule's
   * finding only.
   */
  @Test
  void timersThatStandStillAreRefusedInEveryModeRatherThanHoldingTheDeploymentForMinutes() {
    for (String mode : List.of("off", "warn", "strict")) {
      engine(mode);
      for (String[] timer :
          new String[][] {
            {"startEvent", "timeCycle", "R/PT0S"},
            {"intermediateCatchEvent", "timeCycle", "R/2030-01-02T00:00/2030-01-01T00:00"},
            {"intermediateCatchEvent", "timeDuration", " R2147483647/P0D/ "}
          }) {
        String xml = timerModel(timer[0], timer[1], timer[2]);
        ParseException refused =
            assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> catchThrowableOfType(ParseException.class, () -> deploy("stuck.bpmn", xml)));

        assertThat(refused).as(mode + " " + timer[2]).isNotNull();
        assertThat(refused.getResorceReports().get(0).getErrors())
            .singleElement()
            .satisfies(
                problem -> {
                  assertThat(problem.getMessage())
                      .startsWith(
                          "[camunda-checkup] the timer "
                              + timer[1]
                              + " '"
                              + timer[2].trim()
                              + "' of 'Every night' (clock) repeats without moving forward in time");
                  assertThat(problem.getLine()).isEqualTo(5);
                });
      }
      assertThat(lint.linesContaining("resource 'stuck.bpmn' refused")).hasSize(3);
      noEngineError();
      assertEngineWorks();
      engine.close();
      engine = null;
      lint.clear();
    }

    // a count the loop gets through: the rule reports it, the engine deploys it; and a process the
    // engine does not run schedules nothing
    engine("warn");
    assertThat(
            deploy(
                    "descriptive.bpmn",
                    timerModel("startEvent", "timeCycle", "R/PT0S")
                        .replace("isExecutable=\"true\"", "isExecutable=\"false\""))
                .getId())
        .isNotNull();
    assertThat(deploy("counted.bpmn", timerModel("startEvent", "timeCycle", "R5/PT0S")).getId())
        .isNotNull();
    assertThat(lint.linesContaining(" timer-expression: "))
        .singleElement()
        .asString()
        .contains("R5/PT0S");
  }

  /**
   * An expression nested deeper than Camunda's recursive expression parser goes: without the plugin
   * a StackOverflowError (an HTTP 500 without a message); with it, a refusal in every mode, and
   * with lint on the rule's finding at the task.
   */
  @Test
  void anExpressionNestedTooDeeplyForTheEnginesParserIsRefusedInEveryMode() {
    String expression = "${" + "(".repeat(50_000) + "a" + ")".repeat(50_000) + "}";
    String xml =
        timerModel("intermediateCatchEvent", "timeDuration", "PT1H")
            .replace(
                "<endEvent id=\"end\"/>",
                "<endEvent id=\"end\"/><serviceTask id=\"deep\""
                    + " camunda:expression=\""
                    + expression
                    + "\"/>");
    for (String mode : List.of("off", "warn", "strict")) {
      engine(mode);
      ParseException refused =
          catchThrowableOfType(ParseException.class, () -> deploy("deep.bpmn", xml));

      assertThat(refused).as(mode).isNotNull();
      List<String> problems =
          refused.getResorceReports().get(0).getErrors().stream()
              .map(problem -> problem.getMainElementId() + ": " + problem.getMessage())
              .toList();
      // one problem at the task: with lint off the refusal, with lint on the rule's finding
      assertThat(problems)
          .as(mode)
          .filteredOn(
              problem ->
                  problem.contains("[camunda-checkup]") || problem.contains("[expression-syntax]"))
          .singleElement()
          .asString()
          .startsWith(
              mode.equals("off")
                  ? "deep: [camunda-checkup] the engine's parse ran out of stack"
                  : "deep: [expression-syntax]")
          .contains(mode.equals("off") ? "most likely an expression" : "50000 levels deep");
      assertThat(lint.linesContaining("resource 'deep.bpmn' refused")).hasSize(1);
      assertEngineWorks();
      engine.close();
      engine = null;
      lint.clear();
    }
  }

  private static String timerModel(String event, String kind, String value) {
    String flowIn =
        event.equals("startEvent")
            ? ""
            : "<startEvent id=\"start\"/><sequenceFlow id=\"f0\" sourceRef=\"start\""
                + " targetRef=\"clock\"/>";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<definitions"
        + " xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">\n"
        + "<process id=\"stuck\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">\n"
        + "<"
        + event
        + " id=\"clock\" name=\"Every night\"><timerEventDefinition>\n<"
        + kind
        + ">"
        + value
        + "</"
        + kind
        + "></timerEventDefinition></"
        + event
        + ">"
        + flowIn
        + "<endEvent id=\"end\"/><sequenceFlow id=\"f1\" sourceRef=\"clock\" targetRef=\"end\"/>"
        + "</process></definitions>\n";
  }

  @Test
  void subProcessesNestedFiveHundredDeepAreRefusedWithAClearProblemNotAStackOverflow() {
    engine("off");

    // without the check, the engine's recursive parse ended in a StackOverflowError between 500 and
    // 2,000 levels
    ParseException refused =
        catchThrowableOfType(
            ParseException.class, () -> deploy("deep.bpmn", ModelGenerator.nested(500)));

    assertThat(refused.getResorceReports().get(0).getErrors())
        .singleElement()
        .extracting(Problem::getMessage)
        .asString()
        .contains("sub-processes are nested more than 300 levels deep (at 'sub300')");
    assertThat(lint.linesContaining("refused:"))
        .singleElement()
        .asString()
        .containsPattern("deployment 'hostile deep.bpmn' \\([^)]+\\), resource 'deep.bpmn' refused")
        .contains("(at 'sub300')");
    noEngineError();
    assertEngineWorks();
  }

  @Test
  void aModelNestedAsDeepAsTheLimitAllowsIsDeployedAndLinted() {
    engine("warn");

    Deployment deployment = deploy("deep.bpmn", ModelGenerator.nested(300));

    assertThat(
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .deploymentId(deployment.getId())
                .count())
        .isOne();
  }
}
