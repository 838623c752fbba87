package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import java.util.HashSet;
import java.util.Set;

/**
 * A cancel event outside a transaction of an executable process: a cancel boundary event attached
 * to an activity that is not a transaction, a second one on the same transaction, or a cancel end
 * event that is not directly inside a transaction. The engine refuses to deploy the process
 * (Camunda 7's {@code BpmnParse.parseBoundaryCancelEventDefinition} and {@code parseEndEvents}, the
 * same in Operaton and CIB seven). Events with several definitions are left to {@code
 * single-event-definition}: the engine reads only the one it looks for first.
 */
@RuleInfo(
    id = CancelEventRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A cancel boundary or end event outside a transaction, or a second cancel boundary event on "
            + "one: the engine refuses to deploy the process.")
public final class CancelEventRule implements Rule {

  public static final String ID = "cancel-event";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    Set<FlowNode> cancelled = new HashSet<>();
    for (FlowNode event : graph.events()) {
      if (event.executableEventDefinition("cancelEventDefinition") == null) {
        continue;
      }
      if (event.isBoundaryEvent()) {
        FlowNode host = event.attachedTo();
        if (host == null) {
          continue; // unreachable's finding: attached to nothing
        }
        if (!host.type().equals("transaction")) {
          context.report(
              event,
              "Cancel boundary event "
                  + event.describe()
                  + " is attached to "
                  + host.describe()
                  + ", which is not a transaction: only a transaction can be cancelled, and "
                  + REFUSED
                  + " (make the activity a transaction, or use an error boundary event)");
        } else if (!host.isMultiInstance() && !cancelled.add(host)) {
          // on a multi-instance transaction the engine does not look for a second one
          context.report(
              event,
              "Cancel boundary event "
                  + event.describe()
                  + " is the second on transaction "
                  + host.describe()
                  + ": "
                  + REFUSED
                  + " (one cancel boundary event per transaction)");
        }
      } else if (event.isEndEvent() && event.scope().kind() != Scope.Kind.TRANSACTION) {
        context.report(
            event,
            "Cancel end event "
                + event.describe()
                + " is not directly inside a transaction: it has nothing to cancel, and "
                + REFUSED
                + " (use it in a transaction, or use a terminate or error end event)");
      }
    }
  }
}
