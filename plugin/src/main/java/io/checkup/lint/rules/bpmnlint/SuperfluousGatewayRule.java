package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;

/** A gateway with exactly one incoming and one outgoing flow. */
@RuleInfo(
    id = "superfluous-gateway",
    severity = Severity.WARN,
    category = RuleInfo.Category.BPMNLINT,
    summary = "A gateway with exactly one incoming and one outgoing flow.")
public final class SuperfluousGatewayRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.gateways()) {
      if (node.incoming().size() == 1 && node.outgoing().size() == 1) {
        context.report(node, "Gateway is superfluous. It only has one source and target.");
      }
    }
  }
}
