package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;

/** An event with more than one event definition. */
@RuleInfo(
    id = "single-event-definition",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary = "An event with more than one event definition.")
public final class SingleEventDefinitionRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.events()) {
      if (ModelFacts.inlineDefinitions(node).size() > 1) {
        context.report(node, "Event has multiple event definitions");
      }
    }
  }
}
