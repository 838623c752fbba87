package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;

/** A start event of an event sub-process without an event definition. */
@RuleInfo(
    id = "event-sub-process-typed-start-event",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary = "An event sub-process whose start event has no event definition.")
public final class EventSubProcessTypedStartEventRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : graph.scopes()) {
      if (scope.isProcess() || !ModelFacts.isTrue(scope.xml(), "triggeredByEvent")) {
        continue;
      }
      for (FlowNode node : scope.flowNodes()) {
        if (node.isStartEvent() && ModelFacts.inlineDefinitions(node).isEmpty()) {
          context.report(node, "Start event is missing event definition");
        }
      }
    }
  }
}
