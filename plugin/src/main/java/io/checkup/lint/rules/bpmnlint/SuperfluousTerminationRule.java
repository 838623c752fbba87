package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;

/** A terminate end event that is the only end of its scope: a plain end event does the same. */
@RuleInfo(
    id = "superfluous-termination",
    severity = Severity.WARN,
    category = RuleInfo.Category.BPMNLINT,
    summary =
        "A terminate end event where it is the only way the scope ends: a plain end event does the same.")
public final class SuperfluousTerminationRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : ModelFacts.containers(graph)) {
      FlowNode termination = null;
      int terminations = 0;
      boolean otherEnd = false;
      for (FlowNode node : scope.flowNodes()) {
        if (!node.outgoing().isEmpty()) {
          continue;
        }
        if (isTerminateEnd(node)) {
          terminations++;
          termination = node;
        } else if (!isInterruptingEventSubProcess(node)) {
          otherEnd = true;
        }
      }
      if (terminations == 1 && !otherEnd) {
        context.report(termination, "Termination is superfluous.");
      }
    }
  }

  private static boolean isTerminateEnd(FlowNode node) {
    return node.isEndEvent() && ModelFacts.hasDefinition(node, "terminateEventDefinition");
  }

  private static boolean isInterruptingEventSubProcess(FlowNode node) {
    if (!node.isSubProcess() || !node.isTriggeredByEvent()) {
      return false;
    }
    for (FlowNode child : node.innerScope().flowNodes()) {
      if (child.isStartEvent()
          && (child.xml().attr("isInterrupting") == null
              || ModelFacts.isTrue(child.xml(), "isInterrupting"))) {
        return true;
      }
    }
    return false;
  }
}
