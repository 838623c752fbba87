package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.GraphBuilder;
import io.checkup.lint.xml.XmlReader;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a model contributes to the check-up, counted as the metric catalog defines it: element kinds
 * for diversity (events by type and event definition, markers, event sub-processes and call
 * activities as kinds of their own), two-way and multi-branch conditions, notification steps, work
 * distribution, split experiments and SLA timers.
 */
class ModelProfilerTest {

  private static ModelProfile profile(String resource, String processKey) throws Exception {
    try (InputStream in = ModelProfilerTest.class.getResourceAsStream(resource)) {
      BpmnGraph graph = GraphBuilder.build(XmlReader.read(in));
      return ModelProfiler.profiles(graph, List.of(), null).get(processKey);
    }
  }

  @Test
  void everyCapabilityAndElementKindOfTheCatalog() throws Exception {
    ModelProfile profile = profile("/models/report/capabilities.bpmn", "capabilities");

    assertThat(profile.kinds())
        .containsExactlyInAnyOrder(
            "startEvent:none",
            "startEvent:signal",
            "endEvent:none",
            "endEvent:signal",
            "boundaryEvent:timer",
            "intermediateCatchEvent:message",
            "exclusiveGateway",
            "userTask",
            "sendTask",
            "serviceTask",
            "callActivity",
            "eventSubProcess",
            "marker:multi-instance-sequential",
            "marker:loop");
    // every flow node at every depth, the event sub-process and its content included
    assertThat(profile.flowNodes()).isEqualTo(16);
    // "ab" splits in two; "route" into three is a multi-branch condition; "join" does not split
    assertThat(profile.conditions()).isEqualTo(1);
    assertThat(profile.multiBranch()).isEqualTo(1);
    // the signal end event, the send task and the HTTP connector
    assertThat(profile.notifications()).isEqualTo(3);
    // offerA is offered to a group; offerB is fixed to one person
    assertThat(profile.workDistribution()).isEqualTo(1);
    // the branch drawn by lot, and the element marked checkup:experiment
    assertThat(profile.experiments()).isEqualTo(2);
    // the timer on a user task
    assertThat(profile.slaTimers()).isEqualTo(1);
    assertThat(profile.gateways())
        .containsExactlyInAnyOrder(
            new ModelProfile.Gateway("ab", "exclusiveGateway", List.of("toA", "toB")),
            new ModelProfile.Gateway(
                "route", "exclusiveGateway", List.of("toMail", "toCall", "toHook")));
  }

  @Test
  void modelErrorsLeaveOutWhatOtherIndicatorsCountWhateverTheirSeverity() throws Exception {
    BpmnGraph graph;
    try (InputStream in =
        getClass().getResourceAsStream("/rules/cascaded-conditions/invalid.bpmn")) {
      graph = GraphBuilder.build(XmlReader.read(in));
    }
    // an installation that makes cascades and fake branches errors, and keeps label-required one
    LintConfig.Builder config = LintConfig.builder(RuleCatalog.standard());
    for (String rule : List.of("cascaded-conditions", "fake-branch", "label-required")) {
      config.severity(rule, Severity.ERROR);
    }
    LintConfig linted = config.build();
    List<Finding> findings = new Linter(linted).lint(graph).findings();
    Set<String> erring = new HashSet<>();
    for (Finding finding : findings) {
      if (finding.severity() == Severity.ERROR) {
        erring.add(finding.ruleId());
      }
    }
    assertThat(erring).contains("cascaded-conditions", "label-required");

    Set<String> counted = new HashSet<>();
    for (ModelProfile profile : ModelProfiler.profiles(graph, findings, linted).values()) {
      assertThat(profile.cascades()).isNotNull();
      profile.errors().forEach(problem -> counted.add(problem.rule()));
    }
    // gateways.cascades and elements.fake count those: models.errors does not count them again
    assertThat(counted)
        .contains("label-required")
        .doesNotContain("cascaded-conditions", "fake-branch");
  }

  @Test
  void aStoredProfileReadsBackAsItWasWorkedOut() throws Exception {
    ModelProfile profile = profile("/models/report/capabilities.bpmn", "capabilities");
    assertThat(ModelProfiles.fromJson(ModelProfiles.toJson(profile))).isEqualTo(profile);
    // one of an older format is not used: it is worked out again
    assertThat(
            ModelProfiles.fromJson(
                ModelProfiles.toJson(profile).replace("\"format\":", "\"was\":")))
        .isNull();
    // one of a newer format (a newer plugin on another node) is read as far as this version
    // understands it
    String newer =
        ModelProfiles.toJson(profile)
            .replace(
                "\"format\":" + ModelProfiles.FORMAT,
                "\"format\":" + (ModelProfiles.FORMAT + 1) + ",\"somethingNew\":[1,2]");
    assertThat(ModelProfiles.fromJson(newer)).isEqualTo(profile);
  }
}
