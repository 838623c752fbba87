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
      if (terminations == 1 && !otherEnd && !concurrent(scope)) {
        context.report(termination, "Termination is superfluous.");
      }
    }
  }

  /**
   * Whether two tokens can be in the scope at once: a parallel, inclusive or complex split, an
   * activity or event with several outgoing flows (Camunda takes each unconditional one), or a
   * non-interrupting boundary event. Reaching the terminate end then cancels the others, which a
   * plain end event would leave running (a loop that waits for a timer beside the main path, say).
   */
  private static boolean concurrent(Scope scope) {
    for (FlowNode node : scope.flowNodes()) {
      if (node.outgoing().size() > 1 && !node.isExclusiveGateway() && !node.isEventBasedGateway()) {
        return true;
      }
      if (node.isBoundaryEvent() && !node.cancelsActivity()) {
        return true;
      }
    }
    return false;
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
