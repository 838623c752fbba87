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
    // duplicates share their source; a flow without a resolved source has no twin (bpmnlint keys it
    // by its own id)
    Set<FlowNode> reportedSources = new HashSet<>();
    Set<FlowNode> reportedTargets = new HashSet<>();
    for (SequenceFlow flow : graph.sequenceFlows()) {
      FlowNode source = flow.source();
      if (source == null || source.outgoing().size() < 2) {
        continue;
      }
      SequenceFlow earlier = firstTwin(flow);
      if (earlier == null) {
        continue;
      }
      context.report(flow, "SequenceFlow is a duplicate");
      if (reportedSources.add(source)) {
        context.report(source, "Duplicate outgoing sequence flows", BpmnElement.ids(flow));
      }
      if (flow.target() != null && reportedTargets.add(flow.target())) {
        context.report(flow.target(), "Duplicate incoming sequence flows", BpmnElement.ids(flow));
      }
    }
  }

  /**
   * An earlier outgoing flow of the same source with the same target and the same condition, or
   * null.
   */
  private static SequenceFlow firstTwin(SequenceFlow flow) {
    for (SequenceFlow other : flow.source().outgoing()) {
      if (other == flow) {
        return null; // outgoing flows are in document order: only earlier ones count
      }
      if (sameEnd(other, flow) && sameCondition(other, flow)) {
        return other;
      }
    }
    return null;
  }

  private static boolean sameEnd(SequenceFlow a, SequenceFlow b) {
    if (a.target() == null || b.target() == null) {
      // bpmnlint keys an unresolved target by the flow's own id: never equal between two flows
      return false;
    }
    return a.target() == b.target();
  }

  private static boolean sameCondition(SequenceFlow a, SequenceFlow b) {
    XmlNode first = a.conditionExpression();
    XmlNode second = b.conditionExpression();
    if (first == null || second == null) {
      return first == second;
    }
    return first.text().equals(second.text());
  }
}
