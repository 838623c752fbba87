package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.SequenceFlow;
import io.checkup.lint.xml.XmlNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Two sequence flows with the same source, target and condition. The later one is the duplicate. */
@RuleInfo(id = "no-duplicate-sequence-flows", severity = Severity.ERROR, category = RuleInfo.Category.BPMNLINT,
    summary = "Sequence flows that repeat another one's source, target and condition.")
public final class NoDuplicateSequenceFlowsRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    Set<String> keys = new HashSet<>();
    Set<String> reportedSources = new HashSet<>();
    Set<String> reportedTargets = new HashSet<>();
    for (SequenceFlow flow : graph.sequenceFlows()) {
      String source = flow.source() != null ? flow.sourceRef() : flow.id();
      String target = flow.target() != null ? flow.targetRef() : flow.id();
      XmlNode condition = flow.conditionExpression();
      String key = source + "#" + target + "#" + (condition == null ? "" : "expr:" + condition.text());
      if (keys.add(key)) {
        continue;
      }
      context.report(flow, "SequenceFlow is a duplicate");
      if (flow.source() != null && reportedSources.add(source)) {
        context.report(flow.source(), "Duplicate outgoing sequence flows", List.of(flow.id()));
      }
      if (flow.target() != null && reportedTargets.add(target)) {
        context.report(flow.target(), "Duplicate incoming sequence flows", List.of(flow.id()));
      }
    }
  }
}
