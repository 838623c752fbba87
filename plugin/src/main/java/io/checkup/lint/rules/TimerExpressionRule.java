package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.xml.XmlNode;

/**
 * A timer whose date, duration or cycle Camunda 7.24 cannot read, or reads to a timer that never
 * works: the engine finds out when it schedules the timer, at deployment for a timer start event
 * and when the token arrives for any other. A value with an expression ({@code ${...}}, {@code
 * #{...}}) is evaluated at run time and not checked here; one the engine cannot parse is {@code
 * expression-syntax}'s.
 */
@RuleInfo(
    id = TimerExpressionRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    summary =
        "A timer whose ISO 8601 date, duration, cycle or cron expression cannot be parsed, or is"
            + " read to a timer that never works.")
public final class TimerExpressionRule implements Rule {

  public static final String ID = "timer-expression";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.events()) {
      // only events hold timers; a descriptive model may leave a timer unspecified or half
      // written: nothing runs it
      if (!node.scope().isExecutable()) {
        continue;
      }
      for (XmlNode child : node.xml().children()) {
        if (child.is(Bpmn.MODEL_NS, "timerEventDefinition")) {
          check(node, child, context);
        }
      }
    }
  }

  private static void check(FlowNode node, XmlNode timer, RuleContext context) {
    XmlNode date = timer.child(Bpmn.MODEL_NS, "timeDate");
    XmlNode duration = timer.child(Bpmn.MODEL_NS, "timeDuration");
    XmlNode cycle = timer.child(Bpmn.MODEL_NS, "timeCycle");
    if (date == null && duration == null && cycle == null) {
      // the engine refuses it
      context.report(
          node, "Timer of " + node.describe() + " has no timeDate, timeDuration or timeCycle");
      return;
    }
    boolean repeats = repeats(node);
    check(node, date, "timeDate", repeats, context);
    check(node, duration, "timeDuration", repeats, context);
    check(node, cycle, "timeCycle", repeats, context);
  }

  /**
   * Whether Camunda repeats a cycle on this event: a process's timer start event, a
   * non-interrupting boundary event or event sub-process start (TimerDeclarationImpl: not an
   * intermediate catch event, nor an interrupting timer).
   */
  private static boolean repeats(FlowNode node) {
    if (node.isBoundaryEvent()) {
      return !node.cancelsActivity();
    }
    if (node.isStartEvent()) {
      return node.scope().kind() != Scope.Kind.EVENT_SUB_PROCESS || !node.isInterrupting();
    }
    return false;
  }

  private static void check(
      FlowNode node, XmlNode element, String kind, boolean repeats, RuleContext context) {
    if (element == null) {
      return;
    }
    String value = element.text(); // trimmed, as the engine trims it
    String problem;
    boolean read = false;
    if (Bpmn.hasExpression(value)) {
      return;
    } else if (value.isEmpty()) {
      problem = "is empty";
    } else {
      problem = TimerSyntax.check(kind, value);
      if (problem == null) {
        problem = TimerBehaviour.check(kind, value, repeats);
        read = true;
      }
    }
    if (problem != null) {
      context.report(
          node,
          "Timer "
              + kind
              + " of "
              + node.describe()
              + (read ? " does not work as written: " : " cannot be parsed: ")
              + problem);
    }
  }
}
