package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.References;
import io.checkup.lint.model.Scope;
import io.checkup.lint.xml.XmlNode;
import java.util.Map;

/**
 * An escalation event of an executable process that the engine refuses to deploy (Camunda 7's
 * {@code BpmnParse.findEscalationForEscalationEventDefinition} and {@code
 * createEscalationEventDefinitionForEscalationHandler}, the same in Operaton and CIB seven): a
 * throw or end event that names no escalation, one the file does not have, or one without an
 * escalation code; a boundary or start event that names an escalation the file does not have (one
 * that names none catches every escalation). Events with several event definitions are left to
 * {@code single-event-definition}.
 */
@RuleInfo(
    id = EscalationRefRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "An escalation event that throws no escalation, or names one the file does not have or one "
            + "without a code, or an escalation without an id: the engine refuses to deploy the "
            + "process.")
public final class EscalationRefRule implements Rule {

  public static final String ID = "escalation-ref";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    if (graph.hasExecutableProcess()) {
      for (XmlNode escalation : graph.rootElements("escalation")) {
        MissingId.report(escalation, context);
      }
    }
    Map<String, String> codes = null;
    for (FlowNode event : graph.events()) {
      XmlNode definition = event.executableEventDefinition("escalationEventDefinition");
      if (definition == null) {
        continue;
      }
      boolean throwing = event.isIntermediateThrowEvent() || event.isEndEvent();
      // the engine reads an escalation on these only: a process's start event ignores it, an
      // intermediate catch event is refused as unsupported whatever it names
      boolean catching =
          event.isBoundaryEvent()
              || event.isStartEvent() && event.scope().kind() == Scope.Kind.EVENT_SUB_PROCESS;
      if (!throwing && !catching) {
        continue;
      }
      String ref = definition.attr("escalationRef");
      String what = "Escalation " + event.eventPosition() + " " + event.describe();
      if (ref == null) {
        if (throwing) {
          context.report(
              event,
              what
                  + " throws no escalation: it has no escalationRef, and "
                  + REFUSED
                  + " (choose the escalation it throws, with its code)");
        }
        continue;
      }
      codes = codes != null ? codes : References.codes(graph, "escalation");
      if (!codes.containsKey(ref)) {
        context.report(event, UnknownReference.message(what, "escalation", ref));
      } else if (throwing && codes.get(ref) == null) {
        context.report(
            event,
            what
                + " throws escalation '"
                + PlainText.oneLine(ref, PlainText.NAME_LENGTH)
                + "', which has no escalationCode: "
                + REFUSED
                + " (give the escalation a code: a boundary or start event catches it by that)");
      }
    }
  }
}
