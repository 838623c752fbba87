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
 * An expression of an executable process that Camunda's expression language cannot parse ({@code
 * ${svc.run(}}, {@code ${amount >}}, an unclosed or empty {@code ${}), read with the engine's own
 * parser, in the places the engine's parse reads as expressions (Camunda 7's {@code BpmnParse},
 * the same in Operaton and CIB seven): the engine's parse of the model fails, and the deployment
 * with it. Which beans and functions an expression names is the running engine's business and not
 * checked.
 */
@RuleInfo(
    id = ExpressionSyntaxRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "An expression Camunda's expression language cannot parse (a condition, a service task's"
            + " expression, a timer, a user task's assignment or dates, a listener, a field, an"
            + " input or output): the engine refuses to deploy the process.")
public final class ExpressionSyntaxRule implements Rule {

  public static final String ID = "expression-syntax";

  /** The Camunda attributes of a flow node that the engine's parse reads as expressions. */
  private static final Set<String> NODE_ATTRIBUTES =
      Set.of(
          "expression",
          "delegateExpression",
          "assignee",
          "candidateUsers",
          "candidateGroups",
          "dueDate",
          "followUpDate",
          "priority",
          "formKey",
          "formRef",
          "formRefVersion");

  /** Of a process. */
  private static final Set<String> PROCESS_ATTRIBUTES =
      Set.of("candidateStarterUsers", "candidateStarterGroups");

  /** The timer values in the order the engine picks the one it uses. */
  private static final String[] TIMERS = {"timeDate", "timeCycle", "timeDuration"};

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope process : graph.processes()) {
      if (process.isExecutable()) {
        attributes(graph, process, PROCESS_ATTRIBUTES, context);
        extensions(graph, process, process.xml(), context);
      }
    }
    for (FlowNode node : graph.flowNodes()) {
      if (node.scope().isExecutable()) {
        check(graph, node, context);
      }
    }
    for (SequenceFlow flow : graph.sequenceFlows()) {
      if (flow.scope().isExecutable()) {
        XmlNode condition = flow.xml().child(Bpmn.MODEL_NS, "conditionExpression");
        if (condition != null && condition.attr("language") == null) {
          text(flow, "its condition", condition, context);
        }
        extensions(graph, flow, flow.xml(), context);
      }
    }
  }

  private static void check(BpmnGraph graph, FlowNode node, RuleContext context) {
    XmlNode xml = node.xml();
    attributes(graph, node, NODE_ATTRIBUTES, context);
    if (node.type().equals("userTask")) {
      // the engine reads a user task's name and documentation as expressions: the task's name and
      // description in the task list
      report(node, "its name", node.name(), context);
      report(node, "its documentation", documentation(xml), context);
    }
    for (XmlNode child : xml.children()) {
      if (!Bpmn.MODEL_NS.equals(child.namespace())) {
        continue;
      }
      switch (child.localName()) {
        case "multiInstanceLoopCharacteristics" -> {
          report(
              node,
              "its multi-instance " + graph.extensionPrefix() + ":collection",
              BpmnElement.camundaAttr(child, "collection"),
              context);
          text(
              node, "its loop cardinality", child.child(Bpmn.MODEL_NS, "loopCardinality"), context);
          text(
              node,
              "its completion condition",
              child.child(Bpmn.MODEL_NS, "completionCondition"),
              context);
        }
        case "timerEventDefinition" -> {
          for (String timer : TIMERS) {
            XmlNode value = child.child(Bpmn.MODEL_NS, timer);
            if (value != null) {
              text(node, "its timer's " + timer, value, context);
              break; // the engine reads only the first of them
            }
          }
        }
        default -> {}
      }
    }
    extensions(graph, node, xml, context);
  }

  /**
   * An element's documentation as the engine makes a user task's description of it: each text
   * trimmed, joined by a blank line; null without any.
   */
  private static String documentation(XmlNode xml) {
    StringBuilder joined = null;
    for (XmlNode documentation : xml.children(Bpmn.MODEL_NS, "documentation")) {
      if (joined == null) {
        joined = new StringBuilder();
      } else {
        joined.append("\n\n");
      }
      joined.append(documentation.text().trim());
    }
    return joined == null ? null : joined.toString();
  }

  /** The Camunda attributes of the element that are expressions. */
  private static void attributes(
      BpmnGraph graph, BpmnElement element, Set<String> names, RuleContext context) {
    XmlNode xml = element.xml();
    for (int i = 0, n = xml.attributeCount(); i < n; i++) {
      String name = xml.attributeName(i);
      if (names.contains(name)
          && Bpmn.isCamundaNamespace(xml.attributeNamespace(i))
          && Bpmn.hasExpression(xml.attributeValue(i))) {
        report(
            element, "its " + graph.extensionPrefix() + ":" + name, xml.attributeValue(i), context);
      }
    }
  }

  /**
   * Listeners, fields, inputs and outputs, and a call activity's variable mappings in the element's
   * extension elements (not a connector's: the connector plugin reads those, if there is one).
   */
  private static void extensions(
      BpmnGraph graph, BpmnElement element, XmlNode xml, RuleContext context) {
    XmlNode extensions = BpmnElement.extensionElements(xml);
    if (extensions == null) {
      return;
    }
    for (XmlNode extension : extensions.children()) {
      if (!Bpmn.isCamundaNamespace(extension.namespace())) {
        continue;
      }
      switch (extension.localName()) {
        case "executionListener", "taskListener" -> {
          if (Bpmn.camundaChild(extension, "script") == null) {
            String kind = extension.localName().equals("taskListener") ? "task" : "execution";
            report(
                element,
                "its " + kind + " listener's expression",
                extension.attr("expression"),
                context);
            report(
                element,
                "its " + kind + " listener's delegate expression",
                extension.attr("delegateExpression"),
                context);
            fields(element, extension, context);
          }
        }
        case "field" -> field(element, extension, context);
        case "inputOutput" -> {
          for (XmlNode parameter : extension.children()) {
            if (Bpmn.isCamunda(parameter, "inputParameter")
                || Bpmn.isCamunda(parameter, "outputParameter")) {
              parameter(
                  element,
                  (parameter.localName().startsWith("input") ? "input" : "output")
                      + " parameter '"
                      + PlainText.oneLine(
                          String.valueOf(parameter.attr("name")), PlainText.NAME_LENGTH)
                      + "'",
                  parameter,
                  context);
            }
          }
        }
        case "in", "out" ->
            report(
                element,
                "its "
                    + graph.extensionPrefix()
                    + ":"
                    + extension.localName()
                    + " sourceExpression",
                extension.attr("sourceExpression"),
                context);
        default -> {}
      }
    }
  }

  /** The field injections of a listener. */
  private static void fields(BpmnElement element, XmlNode listener, RuleContext context) {
    for (XmlNode field : listener.children()) {
      if (Bpmn.isCamunda(field, "field")) {
        field(element, field, context);
      }
    }
  }

  /** A field injection: an expression attribute or child. */
  private static void field(BpmnElement element, XmlNode field, RuleContext context) {
    String where =
        "its field '"
            + PlainText.oneLine(String.valueOf(field.attr("name")), PlainText.NAME_LENGTH)
            + "'";
    report(element, where, field.attr("expression"), context);
    text(element, where, Bpmn.camundaChild(field, "expression"), context);
  }

  /**
   * An input or output parameter's value: its text, or the values of the list or map it holds, each
   * read as an expression (a script is not).
   */
  private static void parameter(
      BpmnElement element, String where, XmlNode value, RuleContext context) {
    boolean nested = false;
    for (XmlNode child : value.children()) {
      nested = true;
      if (Bpmn.isCamunda(child, "list")) {
        for (XmlNode item : child.children()) {
          parameter(element, where, item, context);
        }
      } else if (Bpmn.isCamunda(child, "map")) {
        for (XmlNode entry : child.children()) {
          if (Bpmn.isCamunda(entry, "entry")) {
            parameter(element, where, entry, context);
          }
        }
      }
    }
    if (!nested) {
      text(element, "its " + where, value, context);
    }
  }

  private static void text(BpmnElement element, String where, XmlNode node, RuleContext context) {
    if (node != null) {
      report(element, where, node.text().trim(), context);
    }
  }

  /** An element's kind in words, as messages start: "User task", "Intermediate catch event". */
  static String kind(String localName) {
    StringBuilder kind = new StringBuilder(localName.length() + 4);
    for (int i = 0; i < localName.length(); i++) {
      char c = localName.charAt(i);
      if (i == 0) {
        kind.append(Character.toUpperCase(c));
      } else if (Character.isUpperCase(c)) {
        kind.append(' ').append(Character.toLowerCase(c));
      } else {
        kind.append(c);
      }
    }
    return kind.toString();
  }

  private static void report(BpmnElement element, String where, String value, RuleContext context) {
    if (value == null || !Bpmn.hasExpression(value)) {
      return; // taken as written; the parser's classes load only for a model with an expression
    }
    String problem = ElSyntax.problem(value);
    if (problem != null) {
      context.report(
          element,
          kind(element.type())
              + " "
              + element.describe()
              + " has an expression in "
              + where
              + " that the engine cannot parse, '"
              + PlainText.oneLine(value, PlainText.NAME_LENGTH)
              + "' ("
              + problem
              + "): "
              + REFUSED);
    }
  }
}
