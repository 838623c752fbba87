package io.checkup.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Models as people write them by hand, the way Camunda's own engine test models are written (718 of
 * its 2,503 have sequence flows without an {@code id}): no rule may fail on them, a failing rule
 * would hide the file's real findings, and no message may say "null". Each shape here made a rule
 * throw a NullPointerException on Camunda's test models before it was fixed.
 */
class HandWrittenModelsTest {

  private final Linter linter = new Linter(LintConfig.defaults(RuleCatalog.standard()));

  private List<Finding> lint(String process) {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     targetNamespace="test">
        %s
        </definitions>
        """
            .formatted(process);
    LintOutcome outcome = linter.lint(xml.getBytes(StandardCharsets.UTF_8));
    assertThat(outcome.failures()).as("rules that threw").isEmpty();
    assertThat(outcome.findings())
        .extracting(Finding::ruleId)
        .doesNotContain(Finding.INTERNAL_ERROR);
    for (Finding finding : outcome.findings()) {
      assertThat(finding.message()).as(finding.ruleId()).doesNotContainIgnoringCase("null");
    }
    return outcome.findings();
  }

  private static List<String> messages(List<Finding> findings, String rule) {
    return findings.stream().filter(f -> f.ruleId().equals(rule)).map(Finding::message).toList();
  }

  @Test
  void aParallelSplitWhoseFlowsHaveNoIdsNamesTheBranchByItsEnds() {
    List<Finding> findings =
        lint(
            """
            <process id="threeTasks" isExecutable="true">
              <startEvent id="start"/>
              <sequenceFlow sourceRef="start" targetRef="fork"/>
              <parallelGateway id="fork"/>
              <sequenceFlow sourceRef="fork" targetRef="task1"/>
              <sequenceFlow sourceRef="fork" targetRef="task2"/>
              <userTask id="task1" name="Check" camunda:assignee="demo"/>
              <userTask id="task2" camunda:assignee="demo"/>
              <sequenceFlow sourceRef="task1" targetRef="join"/>
              <parallelGateway id="join"/>
              <sequenceFlow sourceRef="join" targetRef="end"/>
              <endEvent id="end"/>
            </process>
            """);
    // task2 is a dead end on its branch; the branch has no id, so its ends name it
    assertThat(messages(findings, "fake-branch"))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("the branch from fork to task2")
                    .contains("ends at task2"));
  }

  @Test
  void aDeadlockBetweenFlowsWithoutIdsNamesTheFlowsByTheirEnds() {
    List<Finding> findings =
        lint(
            """
            <process id="p" isExecutable="true">
              <startEvent id="start"/>
              <sequenceFlow sourceRef="start" targetRef="choice"/>
              <exclusiveGateway id="choice" name="Amount?"/>
              <sequenceFlow sourceRef="choice" targetRef="a"><conditionExpression>${x}</conditionExpression></sequenceFlow>
              <sequenceFlow sourceRef="choice" targetRef="b"><conditionExpression>${!x}</conditionExpression></sequenceFlow>
              <serviceTask id="a" name="Small" camunda:expression="${1}"/>
              <serviceTask id="b" name="Large" camunda:expression="${1}"/>
              <sequenceFlow sourceRef="a" targetRef="join"/>
              <sequenceFlow sourceRef="b" targetRef="join"/>
              <parallelGateway id="join" name="Both"/>
              <sequenceFlow sourceRef="join" targetRef="end"/>
              <endEvent id="end"/>
            </process>
            """);
    assertThat(messages(findings, "deadlock"))
        .singleElement()
        .satisfies(
            message ->
                assertThat(message)
                    .contains("'Both' (join) waits for the flow from 'Small' (a) to 'Both' (join)")
                    .contains("and the flow from 'Large' (b) to 'Both' (join)")
                    .contains("'Amount?' (choice)")
                    .contains(
                        "Witness: at 'Amount?' (choice) take the flow from 'Amount?' (choice) to"
                            + " 'Small' (a); 'Both' (join) waits forever for the flow from"
                            + " 'Large' (b) to 'Both' (join)"));
    Finding deadlock =
        findings.stream().filter(f -> f.ruleId().equals("deadlock")).findFirst().orElseThrow();
    assertThat(deadlock.witness())
        .extracting(WitnessStep::elementId, WitnessStep::flowId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("choice", null),
            org.assertj.core.groups.Tuple.tuple("join", null));
  }

  @Test
  void aWitnessSaysWhereTokensWithoutStartEventComeFromAndGivesEachChoiceOnce() {
    List<Finding> findings =
        lint(
            """
            <process id="p">
              <serviceTask id="a" name="A"/>
              <serviceTask id="b" name="B"/>
              <exclusiveGateway id="m" name="Merge or choose"/>
              <serviceTask id="c" name="C"/>
              <serviceTask id="d" name="D"/>
              <endEvent id="e1"/>
              <endEvent id="e2"/>
              <sequenceFlow id="f1" sourceRef="a" targetRef="m"/>
              <sequenceFlow id="f2" sourceRef="b" targetRef="m"/>
              <sequenceFlow id="f3" name="left" sourceRef="m" targetRef="c"/>
              <sequenceFlow id="f4" name="right" sourceRef="m" targetRef="d"/>
              <sequenceFlow id="f5" sourceRef="c" targetRef="e1"/>
              <sequenceFlow id="f6" sourceRef="d" targetRef="e2"/>
            </process>
            """);
    Finding twice =
        findings.stream()
            .filter(f -> f.ruleId().equals("lack-of-synchronization"))
            .findFirst()
            .orElseThrow();
    // the second token's way on from the gateway it passes is not part of the problem: one choice
    assertThat(twice.witness())
        .extracting(WitnessStep::elementId, WitnessStep::flowId, WitnessStep::step)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "a", null, "without a start event it starts at 'A' (a) and 'B' (b) at once"),
            org.assertj.core.groups.Tuple.tuple(
                "m", "f3", "at 'Merge or choose' (m) take 'left' (f3)"),
            org.assertj.core.groups.Tuple.tuple(
                "m",
                "f2",
                "a second token passes 'Merge or choose' (m) from sequence flow f2, and what follows"
                    + " runs twice"));
  }

  @Test
  void mergingConcurrentFlowsWithoutIdsIsNamedByTheirEnds() {
    List<Finding> findings =
        lint(
            """
            <process id="p" isExecutable="true">
              <startEvent id="start"/>
              <sequenceFlow sourceRef="start" targetRef="fork"/>
              <parallelGateway id="fork"/>
              <sequenceFlow sourceRef="fork" targetRef="a"/>
              <sequenceFlow sourceRef="fork" targetRef="b"/>
              <serviceTask id="a" camunda:expression="${1}"/>
              <serviceTask id="b" camunda:expression="${1}"/>
              <sequenceFlow sourceRef="a" targetRef="merge"/>
              <sequenceFlow sourceRef="b" targetRef="merge"/>
              <exclusiveGateway id="merge"/>
              <sequenceFlow sourceRef="merge" targetRef="end"/>
              <endEvent id="end"/>
            </process>
            """);
    assertThat(messages(findings, "lack-of-synchronization"))
        .singleElement()
        .satisfies(
            message ->
                assertThat(message)
                    .contains("(the flow from a to merge and the flow from b to merge)"));
  }

  @Test
  void duplicateFlowsWithoutIdsAreFoundWithoutFailing() {
    List<Finding> findings =
        lint(
            """
            <process id="p" isExecutable="true">
              <startEvent id="start"/>
              <sequenceFlow sourceRef="start" targetRef="task"/>
              <sequenceFlow sourceRef="start" targetRef="task"/>
              <serviceTask id="task" camunda:expression="${1}"/>
              <sequenceFlow sourceRef="task" targetRef="end"/>
              <endEvent id="end"/>
            </process>
            """);
    assertThat(messages(findings, "no-duplicate-sequence-flows")).isNotEmpty();
  }

  @Test
  void elementsWithoutIdsAreNamedByNameOrLine() {
    List<Finding> findings =
        lint(
            """
            <process isExecutable="true">
              <startEvent id="start"/>
              <sequenceFlow sourceRef="start" targetRef="end"/>
              <endEvent id="end"/>
              <userTask name="Forgotten"/>
              <userTask/>
            </process>
            """);
    assertThat(messages(findings, "user-task-assignment"))
        .anySatisfy(message -> assertThat(message).startsWith("User task 'Forgotten' has no"))
        .anySatisfy(message -> assertThat(message).startsWith("User task without an id (line 10)"));
    assertThat(messages(findings, "unreachable"))
        .allSatisfy(message -> assertThat(message).contains("process without an id (line 5)"));
  }

  @Test
  void brokenReferencesDuplicateIdsAndFlowsAcrossProcessesAreReportedNotThrown() {
    List<Finding> findings =
        lint(
            """
            <process id="one" isExecutable="true">
              <startEvent id="start"/>
              <sequenceFlow sourceRef="start" targetRef="missing"/>
              <sequenceFlow id="toOther" sourceRef="start" targetRef="elsewhere"/>
              <task id="twice"/>
              <task id="twice"/>
              <sequenceFlow id="dangling"/>
            </process>
            <process id="two" isExecutable="true">
              <startEvent id="elsewhere"/>
              <sequenceFlow sourceRef="elsewhere" targetRef="end"/>
              <endEvent id="end"/>
            </process>
            """);
    assertThat(messages(findings, "fake-branch"))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("the flow from start to 'missing'")
                    .contains("names no flow node"))
        .anySatisfy(
            message -> assertThat(message).contains("sequence flow dangling has no sourceRef"));
  }

  /**
   * Two processes of one file with the same ids, as jBPM's test models have them: each flow and
   * boundary event names a node of its own process, as Camunda resolves them, so the one problem
   * (the ids) is the one finding per id, not 26 findings of flows wired into the other process.
   */
  @Test
  void processesRepeatingEachOthersIdsAreEachWiredInThemselves() {
    String process =
        """
        <process id="%s" isExecutable="true" camunda:historyTimeToLive="P30D">
          <startEvent id="_1" name="Start"/>
          <sequenceFlow sourceRef="_1" targetRef="_2"/>
          <userTask id="_2" name="Check" camunda:assignee="demo"/>
          <boundaryEvent id="_4" name="Late" attachedToRef="_2">
            <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
          </boundaryEvent>
          <sequenceFlow sourceRef="_4" targetRef="_5"/>
          <endEvent id="_5" name="Too late"/>
          <sequenceFlow sourceRef="_2" targetRef="_6"/>
          <subProcess id="_6" name="Ship">
            <startEvent id="_7" name="Ship it"/>
            <sequenceFlow sourceRef="_7" targetRef="_8"/>
            <endEvent id="_8" name="Shipped"/>
          </subProcess>
          <sequenceFlow sourceRef="_6" targetRef="_3"/>
          <endEvent id="_3" name="Done"/>
        </process>
        """;
    List<Finding> findings = lint(process.formatted("first") + process.formatted("second"));

    assertThat(findings).extracting(Finding::ruleId).containsOnly("duplicate-id").hasSize(8);
  }

  /**
   * Where ids repeat, a flow inside a sub-process that names a node outside it (refused by Camunda,
   * but written) means the node of its own process: two copies of one process get the same
   * findings.
   */
  @Test
  void aFlowLeavingASubProcessWhereIdsRepeatStaysInItsOwnProcess() {
    String process =
        """
        <process id="%s" isExecutable="true" camunda:historyTimeToLive="P30D">
          <startEvent id="_1" name="Start"/>
          <sequenceFlow sourceRef="_1" targetRef="_6"/>
          <subProcess id="_6" name="Ship">
            <startEvent id="_7" name="Ship it"/>
            <sequenceFlow sourceRef="_7" targetRef="_3"/>
          </subProcess>
          <endEvent id="_3" name="Done"/>
        </process>
        """;
    List<Finding> findings = lint(process.formatted("first") + process.formatted("second"));

    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (Finding finding : findings) {
      if (!finding.ruleId().equals("duplicate-id")) {
        String what = finding.ruleId() + " " + finding.elementId();
        (finding.processId().equals("first") ? first : second).add(what);
      }
    }
    assertThat(first).isNotEmpty();
    assertThat(second).isEqualTo(first);
  }

  /**
   * A parallel join behind six alternatives waits for five flows in vain: the witness names three
   * and counts the rest, so that a join of thousands of alternatives gives a message of one line,
   * not of hundreds of kilobytes (a reviewer's estimate of the uncapped list).
   */
  @Test
  void aJoinWaitingForManyFlowsNamesThreeAndCountsTheRest() {
    StringBuilder branches = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      branches.append(
          """
          <sequenceFlow id="to%1$d" sourceRef="which" targetRef="t%1$d"/>
          <serviceTask id="t%1$d" name="T%1$d" camunda:expression="${true}"/>
          <sequenceFlow id="from%1$d" sourceRef="t%1$d" targetRef="all"/>
          """
              .formatted(i));
    }
    List<Finding> findings =
        lint(
            """
            <process id="sixWays" isExecutable="true" camunda:historyTimeToLive="P30D">
              <startEvent id="start" name="In"/>
              <sequenceFlow id="f0" sourceRef="start" targetRef="which"/>
              <exclusiveGateway id="which" name="Which?"/>
              %s
              <parallelGateway id="all" name="All"/>
              <sequenceFlow id="f9" sourceRef="all" targetRef="end"/>
              <endEvent id="end" name="Out"/>
            </process>
            """
                .formatted(branches));

    String flow = "sequence flow from\\d from 'T\\d' \\(t\\d\\)";
    assertThat(messages(findings, "deadlock"))
        .singleElement()
        .satisfies(
            message ->
                assertThat(message)
                    .matches(
                        "(?s).*'All' \\(all\\) waits forever for "
                            + flow
                            + ", "
                            + flow
                            + ", "
                            + flow
                            + " and 2 more sequence flows"));
  }

  @Test
  void cascadedConditionsNameTheirGatewaysByNameAndId() {
    List<Finding> findings =
        lint(
            """
            <process id="p" isExecutable="true">
              <startEvent id="start"/>
              <sequenceFlow id="f0" sourceRef="start" targetRef="g1"/>
              <exclusiveGateway id="g1" name="Company?" default="f2"/>
              <sequenceFlow id="f1" sourceRef="g1" targetRef="g2"><conditionExpression>${a}</conditionExpression></sequenceFlow>
              <sequenceFlow id="f2" sourceRef="g1" targetRef="end"/>
              <exclusiveGateway id="g2" name="Large?" default="f4"/>
              <sequenceFlow id="f3" sourceRef="g2" targetRef="end"><conditionExpression>${b}</conditionExpression></sequenceFlow>
              <sequenceFlow id="f4" sourceRef="g2" targetRef="end"/>
              <endEvent id="end"/>
            </process>
            """);
    assertThat(messages(findings, "cascaded-conditions"))
        .singleElement()
        .satisfies(
            message ->
                assertThat(message)
                    .startsWith(
                        "Cascaded conditions: exclusive gateways 'Company?' (g1), 'Large?' (g2)"));
  }

  @Test
  void rulesAboutExecutionSkipDescriptiveProcessesWhateverShapeTheirTimersHave() {
    String body =
        """
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
          <intermediateCatchEvent id="wait"><timerEventDefinition><timeDate/></timerEventDefinition></intermediateCatchEvent>
          <sequenceFlow id="f2" sourceRef="wait" targetRef="later"/>
          <intermediateCatchEvent id="later"><timerEventDefinition/></intermediateCatchEvent>
          <sequenceFlow id="f3" sourceRef="later" targetRef="work"/>
          <userTask id="work"/>
          <sequenceFlow id="f4" sourceRef="work" targetRef="end"/>
          <endEvent id="end"/>
        </process>
        """;
    List<String> execution =
        List.of("timer-expression", "user-task-assignment", "history-time-to-live");
    for (String descriptive : List.of("isExecutable=\"false\"", "")) {
      assertThat(lint("<process id=\"p\" " + descriptive + ">" + body))
          .extracting(Finding::ruleId)
          .as(descriptive)
          .doesNotContainAnyElementsOf(execution);
    }
    // the same process, executable: the empty date, the missing timer, the task nobody gets and
    // the missing history time to live
    assertThat(lint("<process id=\"p\" isExecutable=\"true\">" + body))
        .extracting(Finding::ruleId)
        .containsSubsequence("history-time-to-live", "timer-expression", "timer-expression")
        .contains("user-task-assignment");
  }

  @Test
  void oneCauseGivesOneFinding() {
    List<Finding> findings =
        lint(
            """
            <process id="p" isExecutable="true" camunda:historyTimeToLive="30">
              <startEvent id="start"/>
              <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
              <serviceTask id="work" camunda:expression="${1}"/>
              <boundaryEvent id="late" attachedToRef="work"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
              <sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
              <endEvent id="end"/>
              <serviceTask id="alone" camunda:expression="${1}"/>
              <serviceTask id="cut1" camunda:expression="${1}"/>
              <sequenceFlow id="c1" sourceRef="cut1" targetRef="cut2"/>
              <serviceTask id="cut2" camunda:expression="${1}"/>
              <sequenceFlow id="c2" sourceRef="cut2" targetRef="cut3"/>
              <serviceTask id="cut3" camunda:expression="${1}"/>
              <sequenceFlow id="c3" sourceRef="cut3" targetRef="end"/>
            </process>
            """);
    // the node without flows: no-disconnected's (bpmnlint's rules keep bpmnlint's verdicts, which
    // name it under no-implicit-start and no-implicit-end too); not unreachable again
    assertThat(on(findings, "alone")).contains("no-disconnected").doesNotContain("unreachable");
    // the boundary event with nowhere to go: no-disconnected and no-implicit-end, as in bpmnlint;
    // not fake-branch again
    assertThat(on(findings, "late"))
        .contains("no-disconnected", "no-implicit-end")
        .doesNotContain("fake-branch", "unreachable");
    // the lost flow into cut1: one finding, naming what it cuts off
    assertThat(on(findings, "cut1")).contains("unreachable");
    assertThat(on(findings, "cut2")).doesNotContain("unreachable");
    assertThat(on(findings, "cut3")).doesNotContain("unreachable");
    assertThat(findings)
        .filteredOn(finding -> finding.ruleId().equals("unreachable"))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.message()).endsWith("the 2 elements after it: cut2, cut3");
              assertThat(finding.relatedElementIds()).containsExactly("cut2", "cut3");
            });
  }

  private static List<String> on(List<Finding> findings, String elementId) {
    return findings.stream()
        .filter(finding -> elementId.equals(finding.elementId()))
        .map(Finding::ruleId)
        .toList();
  }
}
