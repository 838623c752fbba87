package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;

/**
 * A start event of an event sub-process without an event definition; in an executable process also
 * a non-interrupting error start event, which Camunda 7 refuses ("error start event of event
 * subprocess must be interrupting"): an error ends the work it is thrown in.
 */
@RuleInfo(
    id = "event-sub-process-typed-start-event",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary =
        "An event sub-process whose start event has no event definition, or a non-interrupting error "
            + "start event.")
public final class EventSubProcessTypedStartEventRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : graph.scopes()) {
      if (scope.isProcess() || !ModelFacts.isTrue(scope.xml(), "triggeredByEvent")) {
        continue;
      }
      for (FlowNode node : scope.flowNodes()) {
        if (!node.isStartEvent()) {
          continue;
        }
        if (ModelFacts.inlineDefinitions(node).isEmpty()) {
          context.report(node, "Start event is missing event definition");
        } else if (!node.isInterrupting()
            && node.executableEventDefinition("errorEventDefinition") != null) {
          context.report(
              node,
              "Error start event "
                  + node.describe()
                  + " is non-interrupting: an error always interrupts, and Camunda 7 refuses to"
                  + " deploy it (make the start event interrupting)");
        }
      }
    }
  }
}
