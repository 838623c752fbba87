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
import io.checkup.lint.xml.XmlNode;

/**
 * A job priority ({@code camunda:jobPriority}, of an executable process or of any of its elements)
 * or an external task's priority ({@code camunda:taskPriority}, of the process or of an external
 * task) that is neither an expression nor a whole number: the engine refuses to deploy the process
 * (Camunda 7's {@code BpmnParse.parsePriority}, the same in Operaton and CIB seven). A user task's
 * priority is {@code user-task-priority}'s.
 */
@RuleInfo(
    id = PriorityRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A job or external task priority that is neither an expression nor a whole number: the "
            + "engine refuses to deploy the process.")
public final class PriorityRule implements Rule {

  public static final String ID = "priority";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope process : graph.processes()) {
      if (process.isExecutable()) {
        refused(graph, process, "Process ", "jobPriority", context);
        refused(graph, process, "Process ", "taskPriority", context);
      }
    }
    for (FlowNode node : graph.flowNodes()) {
      if (hasPriority(node.xml()) && node.scope().isExecutable()) {
        refused(graph, node, "", "jobPriority", context);
        if ("external".equals(node.camundaAttr("type"))) {
          refused(graph, node, "External task ", "taskPriority", context);
        }
      }
    }
  }

  /**
   * Whether the element has a job or task priority in any namespace: one pass over its attributes,
   * where most elements have none, before the namespaced look-ups.
   */
  private static boolean hasPriority(XmlNode xml) {
    for (int i = 0, n = xml.attributeCount(); i < n; i++) {
      String name = xml.attributeName(i);
      if (name.equals("jobPriority") || name.equals("taskPriority")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports {@code attribute} of {@code element} (a {@code kind}, "" for any) if it is no number.
   */
  private static void refused(
      BpmnGraph graph, BpmnElement element, String kind, String attribute, RuleContext context) {
    String value = element.camundaAttr(attribute);
    if (value != null && !isPriority(value)) {
      context.report(
          element,
          kind
              + element.describe()
              + " has the "
              + (attribute.equals("jobPriority") ? "job" : "external task")
              + " priority '"
              + PlainText.oneLine(value, PlainText.NAME_LENGTH)
              + "' ("
              + graph.extensionPrefix()
              + ":"
              + attribute
              + "), which is neither an expression nor a whole number, and "
              + REFUSED
              + " (give a whole number such as 50, or an expression)");
    }
  }

  /**
   * An expression ({@code ${...}} or {@code #{...}} after leading blanks) or a whole number as
   * Java's {@code Integer.parseInt} reads it, as the engine decides.
   */
  static boolean isPriority(String value) {
    if (Bpmn.startsAsExpression(value)) {
      return true;
    }
    try {
      Integer.parseInt(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
