package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;

/** A typed start event in a sub-process that is not an event sub-process. */
@RuleInfo(
    id = "sub-process-blank-start-event",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary = "A sub-process (not an event sub-process) whose start event has an event definition.")
public final class SubProcessBlankStartEventRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : graph.scopes()) {
      if (scope.isProcess() || ModelFacts.isTrue(scope.xml(), "triggeredByEvent")) {
        continue;
      }
      for (FlowNode node : scope.flowNodes()) {
        if (node.isStartEvent() && !ModelFacts.inlineDefinitions(node).isEmpty()) {
          context.report(node, "Start event must be blank");
        }
      }
    }
  }
}
