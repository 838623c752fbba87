package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.xml.XmlNode;

/** A flow node other than an end event without outgoing flow: the path ends implicitly. */
@RuleInfo(
    id = "no-implicit-end",
    severity = Severity.WARN,
    category = RuleInfo.Category.BPMNLINT,
    summary = "A flow node that is not an end event but has no outgoing sequence flow.")
public final class NoImplicitEndRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.flowNodes()) {
      if (!isExempt(node) && node.outgoing().isEmpty()) {
        context.report(node, "Element is an implicit end");
      }
    }
  }

  private static boolean isExempt(FlowNode node) {
    return node.isSubProcess() && node.isTriggeredByEvent()
        || node.isIntermediateThrowEvent()
            && ModelFacts.allDefinitionsAre(node, "linkEventDefinition")
        || ModelFacts.inAdHocSubProcess(node)
        || node.isEndEvent()
        || node.isBoundaryEvent()
            && ModelFacts.allDefinitionsAre(node, "compensateEventDefinition")
            && hasCompensationAssociation(node)
        || node.isActivity() && node.isForCompensation();
  }

  /** bpmnlint looks for the association among the process's own artifacts. */
  private static boolean hasCompensationAssociation(FlowNode boundary) {
    for (XmlNode association : boundary.scope().process().associations()) {
      if (boundary.id() != null && boundary.id().equals(association.attr("sourceRef"))) {
        return true;
      }
    }
    return false;
  }
}
