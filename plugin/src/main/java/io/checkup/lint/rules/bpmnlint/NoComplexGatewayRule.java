package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;

/** Complex gateways: Camunda 7 does not execute them. */
@RuleInfo(
    id = "no-complex-gateway",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary = "A complex gateway (discouraged; Camunda 7 cannot execute it).")
public final class NoComplexGatewayRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.gateways()) {
      if (node.type().equals("complexGateway")) {
        context.report(node, "Element type <bpmn:ComplexGateway> is discouraged");
      }
    }
  }
}
