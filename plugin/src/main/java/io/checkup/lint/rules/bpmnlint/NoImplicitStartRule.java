package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;

/**
 * A flow node other than a start or boundary event without incoming flow: the path starts
 * implicitly.
 */
@RuleInfo(
    id = "no-implicit-start",
    severity = Severity.WARN,
    category = RuleInfo.Category.BPMNLINT,
    summary =
        "A flow node that is not a start or boundary event but has no incoming sequence flow.")
public final class NoImplicitStartRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.flowNodes()) {
      if (!isExempt(node) && node.incoming().isEmpty()) {
        context.report(node, "Element is an implicit start");
      }
    }
  }

  private static boolean isExempt(FlowNode node) {
    return node.isActivity() && node.isForCompensation()
        || ModelFacts.inAdHocSubProcess(node)
        || node.isSubProcess() && node.isTriggeredByEvent()
        || node.isIntermediateCatchEvent()
            && ModelFacts.allDefinitionsAre(node, "linkEventDefinition")
        || node.isStartEvent()
        || node.isBoundaryEvent();
  }
}
