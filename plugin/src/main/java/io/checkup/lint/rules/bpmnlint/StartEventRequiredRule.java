package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.Scope;

/** A process or sub-process (not ad-hoc) without a start event. */
@RuleInfo(
    id = "start-event-required",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary = "A process or sub-process without a start event.")
public final class StartEventRequiredRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : ModelFacts.containersNeedingEvents(graph)) {
      if (!ModelFacts.hasStartEvent(scope)) {
        context.report(scope, ModelFacts.containerWord(scope) + " is missing start event");
      }
    }
  }
}
