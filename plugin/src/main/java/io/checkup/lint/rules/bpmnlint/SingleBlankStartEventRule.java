package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;

/** A process or sub-process with more than one blank (none) start event. */
@RuleInfo(
    id = "single-blank-start-event",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary = "A process or sub-process with more than one blank start event.")
public final class SingleBlankStartEventRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : ModelFacts.containers(graph)) {
      int blank = 0;
      for (FlowNode node : scope.flowNodes()) {
        if (node.isStartEvent() && ModelFacts.inlineDefinitions(node).isEmpty()) {
          blank++;
        }
      }
      if (blank > 1) {
        context.report(scope, ModelFacts.containerWord(scope) + " has multiple blank start events");
      }
    }
  }
}
