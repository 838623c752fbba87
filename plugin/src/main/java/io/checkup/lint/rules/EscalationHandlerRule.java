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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An escalation handler of an executable process that the engine refuses to deploy (Camunda 7's
 * {@code BpmnParse.parseBoundaryEvents} and {@code addEscalationEventDefinition}, the same in
 * Operaton and CIB seven): an escalation boundary event attached to anything but a sub-process, a
 * call activity or a user task; a second escalation boundary event of one activity, or a second
 * escalation event sub-process of one scope, that catches a code the first catches too, or where
 * either catches every escalation. A handler naming an escalation the file lacks is {@code
 * escalation-ref}'s; events with several event definitions {@code single-event-definition}'s.
 */
@RuleInfo(
    id = EscalationHandlerRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "An escalation boundary event on an activity that cannot catch one, or two escalation "
            + "handlers of one activity or scope for the same code: the engine refuses to deploy the "
            + "process.")
public final class EscalationHandlerRule implements Rule {

  public static final String ID = "escalation-handler";

  /** A handler already seen in its group, and the code it catches (null: every escalation). */
  private record Handler(FlowNode event, String code) {}

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    Map<String, String> codes = null;
    // the engine compares boundary events with boundary events of one activity, event
    // sub-processes with event sub-processes of one scope: a group each
    Map<Object, List<Handler>> groups = new HashMap<>();
    for (FlowNode event : graph.events()) {
      XmlNode definition = event.executableEventDefinition("escalationEventDefinition");
      if (definition == null) {
        continue;
      }
      Object group;
      String where;
      if (event.isBoundaryEvent()) {
        FlowNode host = event.attachedTo();
        if (host == null || host.isAdHocSubProcess()) {
          continue; // attached to nothing the engine knows: another rule's finding
        }
        if (!catchesEscalations(host)) {
          reportPlacement(context, event, host);
          continue;
        }
        group = host;
        where = "on " + host.describe();
      } else if (event.isStartEvent() && event.scope().kind() == Scope.Kind.EVENT_SUB_PROCESS) {
        Scope enclosing = event.scope().parent();
        group = enclosing;
        where =
            "in " + (enclosing.isProcess() ? "process " : "sub-process ") + scopeName(enclosing);
      } else {
        continue;
      }
      String ref = definition.attr("escalationRef");
      codes = codes != null || ref == null ? codes : References.codes(graph, "escalation");
      if (ref != null && !codes.containsKey(ref)) {
        continue; // escalation-ref's finding
      }
      Handler handler = new Handler(event, ref == null ? null : codes.get(ref));
      List<Handler> seen = groups.computeIfAbsent(group, key -> new ArrayList<>());
      for (Handler earlier : seen) {
        if (earlier.code() == null
            || handler.code() == null
            || earlier.code().equals(handler.code())) {
          reportOverlap(context, earlier, handler, where);
          break;
        }
      }
      seen.add(handler);
    }
  }

  /** A sub-process or transaction, a call activity or a user task, as the engine allows. */
  private static boolean catchesEscalations(FlowNode host) {
    return host.isSubProcess() || host.isCallActivity() || host.type().equals("userTask");
  }

  private static void reportPlacement(RuleContext context, FlowNode event, FlowNode host) {
    context.report(
        event,
        "Escalation boundary event "
            + event.describe()
            + " is attached to "
            + host.describe()
            + ", which cannot catch an escalation: only a sub-process, a call activity or a user"
            + " task can, and "
            + REFUSED
            + " (attach it to the sub-process or call activity whose escalation it handles)");
  }

  private static void reportOverlap(
      RuleContext context, Handler earlier, Handler later, String where) {
    String what = "Escalation " + later.event().eventPosition() + " " + later.event().describe();
    String overlap =
        Objects.equals(earlier.code(), later.code())
            ? " catches " + caught(later.code()) + ", as " + earlier.event().describe() + " does "
            : " catches "
                + caught(later.code())
                + " beside "
                + earlier.event().describe()
                + ", which catches "
                + caught(earlier.code())
                + ", ";
    context.report(
        later.event(),
        what
            + overlap
            + where
            + ": "
            + REFUSED
            + " (keep one handler per escalation code: a handler without a code catches every"
            + " escalation and must be the only one)");
  }

  private static String caught(String code) {
    return code == null
        ? "every escalation"
        : "escalation code '" + PlainText.oneLine(code, PlainText.NAME_LENGTH) + "'";
  }

  private static String scopeName(Scope scope) {
    return scope.isProcess() ? scope.describe() : scope.owner().describe();
  }
}
