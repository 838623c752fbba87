package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import io.checkup.lint.xml.XmlNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compensation the engine refuses to deploy (Camunda 7's {@code BpmnParse.parseAssociations},
 * {@code parseSequenceFlow}, {@code parseBoundaryCompensateEventDefinition}, {@code
 * parseCompensationEventSubprocess} and {@code parseThrowCompensateEventDefinition}, the same in
 * Operaton and CIB seven): a compensation boundary event associated with an activity that is not
 * marked for compensation; a sequence flow into or out of a compensation activity; two compensation
 * boundary events of one activity; a compensation event sub-process of a process rather than of a
 * sub-process, a second one in one sub-process, or one beside a compensation boundary event of that
 * sub-process; a compensation throw event whose {@code activityRef} names no activity of its scope.
 */
@RuleInfo(
    id = CompensationRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A compensation boundary event whose handler is not marked for compensation, a sequence "
            + "flow into or out of a compensation activity, two compensation handlers of one "
            + "activity, or a compensation throw event naming an activity outside its scope: the "
            + "engine refuses to deploy the process.")
public final class CompensationRule implements Rule {

  public static final String ID = "compensation";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    // a sub-process's compensation handler: its event sub-process or its boundary event
    Map<FlowNode, FlowNode> handled = new HashMap<>();
    for (Scope process : graph.processes()) {
      if (!process.isExecutable()) {
        continue;
      }
      // the engine does not parse an ad-hoc sub-process's inside
      List<Scope> parsed = process.selfAndDescendants();
      parsed.removeIf(CompensationRule::withinAdHoc);
      for (Scope scope : parsed) {
        flows(scope, context);
        for (FlowNode node : scope.flowNodes()) {
          if (node.isStartEvent() && compensates(node)) {
            eventSubProcess(node, handled, context);
          } else if ((node.isIntermediateThrowEvent() || node.isEndEvent()) && compensates(node)) {
            activityRef(node, context);
          } else if (node.isActivity()) {
            boundaryEvents(node, context);
          }
        }
      }
      for (Scope scope : parsed) {
        associations(graph, scope, handled, context);
      }
    }
  }

  private static boolean withinAdHoc(Scope scope) {
    for (Scope s = scope; s != null; s = s.parent()) {
      if (s.kind() == Scope.Kind.AD_HOC_SUB_PROCESS) {
        return true;
      }
    }
    return false;
  }

  private static boolean compensates(FlowNode event) {
    return event.onlyEventDefinition("compensateEventDefinition") != null;
  }

  /** As the engine reads {@code isForCompensation}: "true" in any case. */
  private static boolean isHandler(FlowNode node) {
    return "true".equalsIgnoreCase(node.xml().attr("isForCompensation"));
  }

  private static void flows(Scope scope, RuleContext context) {
    for (SequenceFlow flow : scope.sequenceFlows()) {
      FlowNode source = flow.source();
      FlowNode target = flow.target();
      FlowNode handler =
          source != null && isHandler(source)
              ? source
              : target != null && isHandler(target) ? target : null;
      if (handler != null) {
        context.report(
            flow,
            capitalised(flow.describeFlow())
                + (handler == source ? " leaves" : " leads into")
                + " compensation activity "
                + handler.describe()
                + ": a compensation activity runs only when its activity is compensated and has no"
                + " sequence flows, and "
                + REFUSED
                + " (remove the flow, or unmark the activity if it is part of the normal flow)",
            BpmnElement.ids(handler));
      }
    }
  }

  private static void boundaryEvents(FlowNode activity, RuleContext context) {
    FlowNode first = null;
    for (FlowNode event : activity.boundaryEvents()) {
      if (!compensates(event)) {
        continue;
      }
      if (first == null) {
        first = event;
      } else {
        context.report(
            event,
            "Compensation boundary event "
                + event.describe()
                + " is the second on "
                + activity.describe()
                + ", beside "
                + first.describe()
                + ": an activity has one compensation handler, and "
                + REFUSED
                + " (keep one compensation boundary event and let its handler do all the undoing)",
            BpmnElement.ids(first));
      }
    }
  }

  private static void eventSubProcess(
      FlowNode start, Map<FlowNode, FlowNode> handled, RuleContext context) {
    Scope scope = start.scope();
    if (scope.kind() != Scope.Kind.EVENT_SUB_PROCESS) {
      return; // a typed start event outside an event sub-process: another rule's finding
    }
    Scope enclosing = scope.parent();
    String what = "Compensation start event " + start.describe();
    if (enclosing.isProcess()) {
      context.report(
          start,
          what
              + " starts an event sub-process of process "
              + enclosing.describe()
              + ": Camunda compensates a process by its activities' handlers, not by an event"
              + " sub-process of the process itself, and "
              + REFUSED
              + " (move the event sub-process into the sub-process whose work it undoes)");
      return;
    }
    FlowNode subProcess = enclosing.owner();
    FlowNode earlier = handled.putIfAbsent(subProcess, start);
    if (earlier != null) {
      context.report(
          start,
          what
              + " starts a second compensation event sub-process in "
              + subProcess.describe()
              + ", beside "
              + earlier.describe()
              + ": a sub-process has one compensation handler, and "
              + REFUSED
              + " (undo the sub-process's work in one compensation event sub-process)",
          BpmnElement.ids(earlier));
    }
  }

  /** Associations from compensation boundary events to their handlers. */
  private static void associations(
      BpmnGraph graph, Scope scope, Map<FlowNode, FlowNode> handled, RuleContext context) {
    for (XmlNode association : scope.associations()) {
      FlowNode event = graph.flowNode(association.attr("sourceRef"));
      FlowNode handler = graph.flowNode(association.attr("targetRef"));
      if (event == null
          || handler == null
          || !event.isBoundaryEvent()
          || !compensates(event)
          || event.attachedTo() == null) {
        continue;
      }
      FlowNode activity = event.attachedTo();
      if (!isHandler(handler)) {
        context.report(
            event,
            "Compensation boundary event "
                + event.describe()
                + " is associated with "
                + handler.describe()
                + ", which is not marked for compensation (isForCompensation): the engine runs only"
                + " a compensation activity as a handler, and "
                + REFUSED
                + " (mark "
                + handler.describe()
                + " as for compensation, and take it out of the sequence flow)",
            BpmnElement.ids(handler));
        continue;
      }
      FlowNode inside = handled.get(activity);
      if (inside != null && inside.isStartEvent()) {
        context.report(
            event,
            "Compensation boundary event "
                + event.describe()
                + " on "
                + activity.describe()
                + " has a handler beside compensation event sub-process "
                + inside.describe()
                + " inside it: a sub-process has one compensation handler, and "
                + REFUSED
                + " (keep the event sub-process or the boundary event)",
            BpmnElement.ids(inside, activity));
      }
    }
  }

  /**
   * A compensation throw event's {@code activityRef} names a flow node of the event's scope (of the
   * scope around an event sub-process, for an event in one), as the engine resolves it: the engine
   * takes any element it made an activity of, events and gateways too.
   */
  private static void activityRef(FlowNode event, RuleContext context) {
    XmlNode definition = event.onlyEventDefinition("compensateEventDefinition");
    String ref = definition.attr("activityRef");
    if (ref == null) {
      return;
    }
    Scope scope = event.scope();
    if (inScope(scope, ref)
        || (scope.kind() == Scope.Kind.EVENT_SUB_PROCESS && inScope(scope.parent(), ref))) {
      return;
    }
    context.report(
        event,
        "Compensation "
            + event.eventPosition()
            + " "
            + event.describe()
            + " compensates activity '"
            + PlainText.oneLine(ref, PlainText.NAME_LENGTH)
            + "', which is not an activity of its "
            + (scope.isProcess() ? "process" : "sub-process")
            + ": the engine compensates only activities of the scope that throws, and "
            + REFUSED
            + " (name an activity beside the event, or throw compensation from the sub-process"
            + " that holds the activity)");
  }

  private static boolean inScope(Scope scope, String id) {
    for (FlowNode node : scope.flowNodes()) {
      if (id.equals(node.id())) {
        return true;
      }
    }
    return false;
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
