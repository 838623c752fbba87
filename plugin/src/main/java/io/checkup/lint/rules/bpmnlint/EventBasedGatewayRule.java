package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;

/**
 * An event-based gateway with fewer than two outgoing flows, or with conditional outgoing flows.
 */
@RuleInfo(
    id = "event-based-gateway",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary =
        "An event-based gateway with fewer than two outgoing flows or with a conditional outgoing flow.")
public final class EventBasedGatewayRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.flowNodes()) {
      if (!node.isEventBasedGateway()) {
        continue;
      }
      if (node.outgoing().size() < 2) {
        context.report(
            node, "An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>");
      }
      for (SequenceFlow flow : node.outgoing()) {
        if (flow.hasCondition()) {
          context.report(
              flow,
              "A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional");
        }
      }
    }
  }
}
