package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import java.util.List;

/** A terminate end event that is the only end of its scope: a plain end event does the same. */
@RuleInfo(id = "superfluous-termination", severity = Severity.WARN, category = RuleInfo.Category.BPMNLINT,
    summary = "A terminate end event where it is the only way the scope ends: a plain end event does the same.")
public final class SuperfluousTerminationRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : ModelFacts.containers(graph)) {
      List<FlowNode> ends = scope.flowNodes().stream().filter(node -> node.outgoing().isEmpty()).toList();
      List<FlowNode> terminations = ends.stream().filter(SuperfluousTerminationRule::isTerminateEnd).toList();
      if (terminations.size() != 1) {
        continue;
      }
      if (ends.stream().allMatch(end -> isTerminateEnd(end) || isInterruptingEventSubProcess(end))) {
        context.report(terminations.get(0), "Termination is superfluous.");
      }
    }
  }

  private static boolean isTerminateEnd(FlowNode node) {
    return node.isEndEvent() && ModelFacts.inlineDefinitions(node).stream()
        .anyMatch(definition -> definition.localName().equals("terminateEventDefinition"));
  }

  private static boolean isInterruptingEventSubProcess(FlowNode node) {
    return node.isSubProcess() && ModelFacts.isTrue(node.xml(), "triggeredByEvent")
        && node.innerScope().flowNodes().stream().anyMatch(child -> child.isStartEvent()
            && (child.xml().attr("isInterrupting") == null || ModelFacts.isTrue(child.xml(), "isInterrupting")));
  }
}
