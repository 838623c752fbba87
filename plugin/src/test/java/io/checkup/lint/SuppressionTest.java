package io.checkup.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code checkup:disable} silences the listed rules on an element and on everything inside it, and
 * nothing else.
 */
class SuppressionTest {

  private static final String MODEL =
      """
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                   xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
        <process id="Kept" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="s1" name="Start"/>
          <task id="quiet" name="Quiet">
            <extensionElements><camunda:properties>
              <camunda:property name="checkup:disable" value="bpmnlint/no-implicit-end, fake-join"/>
            </camunda:properties></extensionElements>
          </task>
          <task id="loud" name="Loud"/>
          <subProcess id="quietSub">
            <extensionElements><camunda:properties>
              <camunda:property name="checkup:disable" value="no-implicit-end"/>
            </camunda:properties></extensionElements>
            <startEvent id="ss" name="In"/><task id="innerStop" name="Inner"/>
            <sequenceFlow id="sf" sourceRef="ss" targetRef="innerStop"/>
          </subProcess>
          <sequenceFlow id="f1" sourceRef="s1" targetRef="quiet"/>
          <sequenceFlow id="f2" sourceRef="s1" targetRef="loud"/>
          <sequenceFlow id="f3" sourceRef="s1" targetRef="quietSub"/>
        </process>
        <process id="Silenced" isExecutable="true">
          <extensionElements><camunda:properties>
            <camunda:property name="checkup:disable" value="all"/>
          </camunda:properties></extensionElements>
          <task id="alone"/>
        </process>
      </definitions>
      """;

  @Test
  void suppressionAppliesToTheElementAndItsContentOnly() {
    LintOutcome outcome =
        new Linter(LintConfig.defaults(RuleCatalog.standard()))
            .lint(MODEL.getBytes(StandardCharsets.UTF_8));
    List<Finding> findings = outcome.findings();

    // the sub-process silences no-implicit-end for itself and for innerStop inside it; a rule of
    // bpmnlint's may be named as a config file names it, bpmnlint/no-implicit-end
    assertThat(findings)
        .filteredOn(f -> f.ruleId().equals("no-implicit-end"))
        .extracting(Finding::elementId)
        .containsExactly("loud");
    assertThat(findings)
        .filteredOn(f -> "quiet".equals(f.elementId()))
        .extracting(Finding::ruleId)
        .doesNotContain("no-implicit-end", "fake-join");
    assertThat(findings).extracting(Finding::processId).doesNotContain("Silenced");
    // without the property the same model reports the silenced process too
    LintOutcome unsuppressed =
        new Linter(LintConfig.defaults(RuleCatalog.standard()))
            .lint(
                MODEL
                    .replace("checkup:disable", "something-else")
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(unsuppressed.findings()).extracting(Finding::processId).contains("Silenced");
    assertThat(unsuppressed.findings())
        .filteredOn(f -> f.ruleId().equals("no-implicit-end"))
        .extracting(Finding::elementId)
        .contains("quiet", "innerStop", "quietSub");
  }

  @Test
  void aPoolsSuppressionAppliesToItsProcess() {
    String pooled =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <collaboration id="c">
            <participant id="ops" name="Ops" processRef="p1">
              <extensionElements><camunda:properties>
                <camunda:property name="checkup:disable" value="no-disconnected"/>
              </camunda:properties></extensionElements>
            </participant>
            <participant id="others" name="Others" processRef="p2"/>
          </collaboration>
          <process id="p1" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="s1" name="S"/><task id="t1" name="T"/><endEvent id="e1" name="E"/>
            <sequenceFlow id="a" sourceRef="s1" targetRef="t1"/>
            <sequenceFlow id="b" sourceRef="t1" targetRef="e1"/>
            <task id="orphan1" name="Orphan"/>
          </process>
          <process id="p2" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="s2" name="S"/><task id="t2" name="T"/><endEvent id="e2" name="E"/>
            <sequenceFlow id="c1" sourceRef="s2" targetRef="t2"/>
            <sequenceFlow id="c2" sourceRef="t2" targetRef="e2"/>
            <task id="orphan2" name="Orphan"/>
          </process>
        </definitions>
        """;
    List<Finding> findings =
        new Linter(LintConfig.defaults(RuleCatalog.standard()))
            .lint(pooled.getBytes(StandardCharsets.UTF_8))
            .findings();

    assertThat(findings)
        .filteredOn(f -> f.ruleId().equals("no-disconnected"))
        .extracting(Finding::elementId)
        .containsExactly("orphan2");
  }
}
