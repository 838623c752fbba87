package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;

/** Inclusive gateways: hard to read and easy to deadlock. */
@RuleInfo(
    id = "no-inclusive-gateway",
    severity = Severity.WARN,
    category = RuleInfo.Category.BPMNLINT,
    summary = "An inclusive gateway (discouraged: hard to read, easy to get wrong).")
public final class NoInclusiveGatewayRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.gateways()) {
      if (node.isInclusiveGateway()) {
        context.report(node, "Element type <bpmn:InclusiveGateway> is discouraged");
      }
    }
  }
}
