package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;
import io.checkup.lint.xml.XmlNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Two sequence flows with the same source, target and condition. The later one is the duplicate.
 */
@RuleInfo(
    id = "no-duplicate-sequence-flows",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary = "Sequence flows that repeat another one's source, target and condition.")
public final class NoDuplicateSequenceFlowsRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    // duplicates share their source; a flow without a resolved source or target has no twin
    // (bpmnlint keys it by its own id). Flows come in document order: the later one is the
    // duplicate. One set of keys keeps this linear in the flows, however wide a split.
    Set<Ends> seen = new HashSet<>();
    Set<FlowNode> reportedSources = new HashSet<>();
    Set<FlowNode> reportedTargets = new HashSet<>();
    for (SequenceFlow flow : graph.sequenceFlows()) {
      FlowNode source = flow.source();
      if (source == null || flow.target() == null || source.outgoing().size() < 2) {
        continue;
      }
      XmlNode condition = flow.conditionExpression();
      if (seen.add(new Ends(source, flow.target(), condition == null ? null : condition.text()))) {
        continue;
      }
      context.report(flow, "SequenceFlow is a duplicate");
      if (reportedSources.add(source)) {
        context.report(source, "Duplicate outgoing sequence flows", BpmnElement.ids(flow));
      }
      if (reportedTargets.add(flow.target())) {
        context.report(flow.target(), "Duplicate incoming sequence flows", BpmnElement.ids(flow));
      }
    }
  }

  /**
   * What makes two flows twins: source and target (flow nodes are equal only to themselves) and the
   * condition's text.
   */
  private record Ends(FlowNode source, FlowNode target, String condition) {}
}
