package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;

/**
 * A conditional fork (a default flow, or a conditional outgoing flow) with an outgoing flow lacking
 * a condition.
 */
@RuleInfo(
    id = "conditional-flows",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary =
        "An outgoing flow of a conditional fork that has no condition and is not the default flow.")
public final class ConditionalFlowsRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.flowNodes()) {
      String defaultFlow = ModelFacts.defaultFlow(graph, node);
      boolean forking = defaultFlow != null;
      for (SequenceFlow flow : node.outgoing()) {
        forking |= flow.hasCondition();
      }
      if (!forking) {
        continue;
      }
      for (SequenceFlow flow : node.outgoing()) {
        if (!flow.hasCondition() && !ModelFacts.isDefault(defaultFlow, flow)) {
          context.report(flow, "Sequence flow is missing condition");
        }
      }
    }
  }
}
