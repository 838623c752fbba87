package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;

/**
 * A task, gateway, sub-process or event with no sequence flow at all. Event sub-processes,
 * compensation handlers and boundary events, and the children of ad-hoc sub-processes are exempt.
 */
@RuleInfo(
    id = "no-disconnected",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary = "A task, gateway, sub-process or event that no sequence flow connects.")
public final class NoDisconnectedRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.flowNodes()) {
      boolean checked = node.isTask() || node.isGateway() || node.isSubProcess() || node.isEvent();
      if (!checked || node.isTriggeredByEvent() || isExempt(node)) {
        continue;
      }
      if (node.incoming().isEmpty() && node.outgoing().isEmpty()) {
        context.report(node, "Element is not connected");
      }
    }
  }

  private static boolean isExempt(FlowNode node) {
    boolean compensationBoundary =
        node.isBoundaryEvent() && node.onlyEventDefinition("compensateEventDefinition") != null;
    return compensationBoundary || node.isForCompensation() || ModelFacts.inAdHocSubProcess(node);
  }
}
