package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import io.checkup.lint.xml.XmlNode;
import java.util.Set;

/**
 * An execution or task listener of an executable process that the engine refuses to deploy (Camunda
 * 7's {@code BpmnParse.parseExecutionListener}, {@code isValidEventNameForScope}, {@code
 * parseTaskListeners} and {@code parseTaskListener}, the same in Operaton and CIB seven): one
 * without a class, expression, delegate expression or script, with an empty class or delegate
 * expression (an execution listener's), with a script that names no language, with a field without
 * a value, listening to no event or to one the engine does not know there, and a timeout task
 * listener without an id or a timer. Camunda Modeler writes a new listener as a Java class with an
 * empty name: left so, the engine refuses the model.
 */
@RuleInfo(
    id = ListenerImplementationRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "An execution or task listener without an implementation, or listening to an event the "
            + "engine does not know: the engine refuses to deploy the process.")
public final class ListenerImplementationRule implements Rule {

  public static final String ID = "listener-implementation";

  private static final Set<String> EXECUTION_EVENTS = Set.of("start", "end");

  private static final Set<String> TASK_EVENTS =
      Set.of("create", "assignment", "complete", "update", "delete", "timeout");

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope process : graph.processes()) {
      if (process.isExecutable()) {
        checkExecutionListeners(context, process, true);
      }
    }
    for (FlowNode node : graph.flowNodes()) {
      if (node.scope().isExecutable()) {
        checkExecutionListeners(context, node, true);
        if (node.type().equals("userTask")) {
          checkTaskListeners(context, node);
        }
      }
    }
    for (SequenceFlow flow : graph.sequenceFlows()) {
      if (flow.scope() != null && flow.scope().isExecutable()) {
        // a sequence flow's listeners run when it is taken, whatever event they name
        checkExecutionListeners(context, flow, false);
      }
    }
  }

  private static void checkExecutionListeners(
      RuleContext context, BpmnElement element, boolean readsEvent) {
    XmlNode extensions = element.extensionElements();
    if (extensions == null) {
      return;
    }
    for (XmlNode listener : extensions.children()) {
      if (!Bpmn.isCamunda(listener, "executionListener")) {
        continue;
      }
      String event = listener.attr("event");
      String what = "Execution listener" + eventOf(event) + " of " + where(element);
      if (readsEvent && (event == null || event.trim().isEmpty())) {
        context.report(element, what + " names no event: " + REFUSED + " (choose start or end)");
        continue;
      }
      if (readsEvent && !EXECUTION_EVENTS.contains(event)) {
        context.report(
            element,
            what
                + " listens to an event the engine does not know there: "
                + REFUSED
                + " (choose start or end: only a sequence flow's listeners run on take)");
        continue;
      }
      String className = listener.attr("class");
      String delegateExpression = listener.attr("delegateExpression");
      if (className != null && className.isEmpty()) {
        context.report(
            element,
            what
                + " has an empty class: "
                + REFUSED
                + " (name the Java class, choose another implementation, or remove the listener)");
      } else if (className == null
          && listener.attr("expression") == null
          && delegateExpression != null
          && delegateExpression.isEmpty()) {
        context.report(
            element,
            what
                + " has an empty delegate expression: "
                + REFUSED
                + " (write the expression that resolves to the listener, or remove it)");
      } else {
        checkImplementation(context, element, what, listener, className != null);
      }
    }
  }

  private static void checkTaskListeners(RuleContext context, FlowNode task) {
    XmlNode extensions = task.extensionElements();
    if (extensions == null) {
      return;
    }
    for (XmlNode listener : extensions.children()) {
      if (!Bpmn.isCamunda(listener, "taskListener")) {
        continue;
      }
      String event = listener.attr("event");
      String what =
          (("timeout".equals(event)) ? "Timeout task listener" : "Task listener" + eventOf(event))
              + " of "
              + task.describe();
      if (event == null) {
        context.report(
            task,
            what
                + " names no event: "
                + REFUSED
                + " (choose create, assignment, complete, update, delete or timeout)");
        continue;
      }
      if (!TASK_EVENTS.contains(event)) {
        context.report(
            task,
            what
                + " listens to an event the engine does not know: "
                + REFUSED
                + " (choose create, assignment, complete, update, delete or timeout)");
        continue;
      }
      if (event.equals("timeout")) {
        if (listener.attr("id") == null) {
          context.report(
              task, what + " has no id: " + REFUSED + " (give it an id, as Camunda Modeler does)");
        }
        if (listener.child(Bpmn.MODEL_NS, "timerEventDefinition") == null) {
          context.report(
              task, what + " has no timer: " + REFUSED + " (give it a timer: when it is due)");
        }
      }
      // a task listener's class is not checked for being empty at deployment
      checkImplementation(context, task, what, listener, listener.attr("class") != null);
    }
  }

  /**
   * What the engine reads of a listener's implementation, in its order: a class, an expression, a
   * delegate expression (fields injected into the first and the last), a script with its language.
   */
  private static void checkImplementation(
      RuleContext context, BpmnElement element, String what, XmlNode listener, boolean byClass) {
    if (byClass
        || listener.attr("expression") == null && listener.attr("delegateExpression") != null) {
      for (TaskFields.Field field : TaskFields.in(listener)) {
        if (!field.hasValue()) {
          context.report(element, TaskFields.withoutValue(what, field));
        }
      }
      return;
    }
    if (listener.attr("expression") != null) {
      return;
    }
    XmlNode script = Bpmn.camundaChild(listener, "script");
    if (script == null) {
      context.report(
          element,
          what
              + " has no implementation (class, expression, delegateExpression or script): "
              + REFUSED
              + " (choose its implementation in Camunda Modeler's properties panel, or remove the"
              + " listener)");
    } else if (script.attr("scriptFormat") == null || script.attr("scriptFormat").isEmpty()) {
      context.report(
          element,
          what
              + " has a script without scriptFormat: "
              + REFUSED
              + " (name the script's language, e.g. groovy or javascript)");
    }
  }

  /** The element a listener belongs to, for a message (built only for a listener). */
  private static String where(BpmnElement element) {
    if (element instanceof Scope process) {
      return "process " + process.describe();
    }
    return element instanceof SequenceFlow flow ? flow.describeFlow() : element.describe();
  }

  /** " (start)" for a listener's event as written, or nothing where it names none. */
  private static String eventOf(String event) {
    return event == null || event.isBlank()
        ? ""
        : " (" + PlainText.oneLine(event, PlainText.NAME_LENGTH) + ")";
  }
}
