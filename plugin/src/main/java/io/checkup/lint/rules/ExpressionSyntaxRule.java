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
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The Camunda attributes of a flow node that the engine's parse reads, whole, as expressions
   * (among them those it reads through {@code createParameterValueProvider}).
   */
  private static final Set<String> NODE_ATTRIBUTES =
      Set.of(
          "expression",
          "delegateExpression",
          "assignee",
          "dueDate",
          "followUpDate",
          "priority",
          "formKey",
          "formRef",
          "formRefVersion",
          "topic",
          "decisionRef",
          "decisionRefVersion",
          "decisionRefVersionTag",
          "decisionRefTenantId",
          "calledElementVersion",
          "calledElementVersionTag",
          "calledElementTenantId");

  /**
   * Comma-separated lists, each entry an expression (the engine's {@code parseCommaSeparatedList}).
   */
  private static final Set<String> NODE_LISTS = Set.of("candidateUsers", "candidateGroups");

  /** Of a process. */
  private static final Set<String> PROCESS_LISTS =
      Set.of("candidateStarterUsers", "candidateStarterGroups");

  /** Priorities, read as expressions only where they start as one (else as a number). */
  private static final Set<String> PRIORITIES = Set.of("jobPriority", "taskPriority");

  /** The timer values in the order the engine picks the one it uses. */
  private static final String[] TIMERS = {"timeDate", "timeCycle", "timeDuration"};

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    boolean executable = false;
    for (Scope process : graph.processes()) {
      if (process.isExecutable()) {
        executable = true;
        attributes(graph, process, Set.of(), PROCESS_LISTS, context);
        XmlNode extensions = BpmnElement.extensionElements(process.xml());
        if (extensions != null) {
          for (XmlNode starter : extensions.children()) {
            if (Bpmn.isCamunda(starter, "potentialStarter")) {
              assignments(process, "its potential starter", starter, context);
            }
          }
        }
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
        condition(
            flow, "its condition", flow.xml().child(Bpmn.MODEL_NS, "conditionExpression"), context);
        extensions(graph, flow, flow.xml(), context);
      }
    }
    if (executable) {
      // parsed with the file's processes: messages and signals by name, errors by message
      for (XmlNode message : graph.rootElements("message")) {
        report(message, "its name", message.attr("name"), context);
      }
      for (XmlNode signal : graph.rootElements("signal")) {
        report(signal, "its name", signal.attr("name"), context);
      }
      for (XmlNode error : graph.rootElements("error")) {
        report(
            error,
            "its " + graph.extensionPrefix() + ":errorMessage",
            BpmnElement.camundaAttr(error, "errorMessage"),
            context);
      }
    }
  }

  private static void check(BpmnGraph graph, FlowNode node, RuleContext context) {
    XmlNode xml = node.xml();
    attributes(graph, node, NODE_ATTRIBUTES, NODE_LISTS, context);
    switch (node.type()) {
      case "userTask" -> {
        // the engine reads a user task's name and documentation as expressions: the task's name
        // and description in the task list
        report(node, "its name", node.name(), context);
        report(node, "its documentation", documentation(xml), context);
        XmlNode performer = formalExpression(xml.child(Bpmn.MODEL_NS, "humanPerformer"));
        if (performer != null) {
          report(node, "its human performer", performer.text(), context);
        }
        for (XmlNode owner : xml.children(Bpmn.MODEL_NS, "potentialOwner")) {
          assignments(node, "its potential owner", owner, context);
        }
      }
      case "callActivity" -> report(node, "its calledElement", xml.attr("calledElement"), context);
      case "scriptTask" -> {
        XmlNode script = xml.child(Bpmn.MODEL_NS, "script");
        script(
            node,
            "its script",
            xml.attr("scriptFormat"),
            script == null ? null : script.text(),
            BpmnElement.camundaAttr(xml, "resource"),
            context);
      }
      default -> {}
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
        case "timerEventDefinition" -> timer(node, "its timer's ", child, context);
        case "conditionalEventDefinition" ->
            condition(
                node,
                "its conditional event's condition",
                child.child(Bpmn.MODEL_NS, "condition"),
                context);
        default -> {}
      }
    }
    extensions(graph, node, xml, context);
  }

  /** The timer value the engine uses: the first of {@link #TIMERS} present. */
  private static void timer(BpmnElement element, String where, XmlNode timer, RuleContext context) {
    for (String kind : TIMERS) {
      XmlNode value = timer.child(Bpmn.MODEL_NS, kind);
      if (value != null) {
        text(element, where + kind, value, context);
        return;
      }
    }
  }

  /**
   * A condition: an expression without a {@code language}, a script with one (whose source the
   * engine reads as an expression where it starts as one).
   */
  private static void condition(
      BpmnElement element, String where, XmlNode condition, RuleContext context) {
    if (condition == null) {
      return;
    }
    String language = condition.attr("language");
    if (language == null) {
      text(element, where, condition, context);
    } else {
      script(
          element,
          where,
          language,
          condition.text(),
          BpmnElement.camundaAttr(condition, "resource"),
          context);
    }
  }

  /**
   * A script's source or resource that starts as an expression, in any language but JUEL: the
   * engine evaluates it to get the script (a dynamic script), and parses it when it deploys.
   */
  private static void script(
      BpmnElement element,
      String where,
      String language,
      String source,
      String resource,
      RuleContext context) {
    if (language == null || language.equalsIgnoreCase("juel")) {
      return;
    }
    if (source != null && Bpmn.startsAsExpression(source)) {
      report(element, where, source.trim(), context);
    }
    if (resource != null && Bpmn.startsAsExpression(resource)) {
      report(element, where + "'s resource", resource.trim(), context);
    }
  }

  /** A {@code humanPerformer}'s or {@code potentialOwner}'s formal expression, or null. */
  private static XmlNode formalExpression(XmlNode assignment) {
    XmlNode expression =
        assignment == null ? null : assignment.child(Bpmn.MODEL_NS, "resourceAssignmentExpression");
    return expression == null ? null : expression.child(Bpmn.MODEL_NS, "formalExpression");
  }

  /**
   * The entries of a potential owner or starter: a comma-separated list whose entries are {@code
   * user(...)}, {@code group(...)} or a group, each read as an expression.
   */
  private static void assignments(
      BpmnElement element, String where, XmlNode assignment, RuleContext context) {
    XmlNode expression = formalExpression(assignment);
    if (expression == null) {
      return;
    }
    for (String entry : commaSeparated(expression.text())) {
      String id = entry;
      for (String prefix : new String[] {"user(", "group("}) {
        if (entry.startsWith(prefix) && entry.length() > prefix.length()) {
          id = entry.substring(prefix.length(), entry.length() - 1).trim();
        }
      }
      report(element, where, id, context);
    }
  }

  /**
   * A comma-separated list as the engine splits it ({@code BpmnParse.parseCommaSeparatedList}): a
   * '$' or '{' starts an expression and the next '}' ends it, quotes or not; a comma outside one
   * ends an entry; entries trimmed.
   */
  static List<String> commaSeparated(String list) {
    List<String> entries = new ArrayList<>();
    if (list == null || list.isEmpty()) {
      return entries;
    }
    StringBuilder entry = new StringBuilder();
    boolean inside = false;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '{' || c == '$') {
        inside = true;
      } else if (c == '}') {
        inside = false;
      } else if (c == ',' && !inside) {
        entries.add(entry.toString().trim());
        entry.setLength(0);
      }
      if (c != ',' || inside) {
        entry.append(c);
      }
    }
    if (entry.length() > 0) {
      entries.add(entry.toString().trim());
    }
    return entries;
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

  /**
   * The Camunda attributes of the element that are expressions: {@code whole} ones, {@code lists}
   * of them, and priorities that start as one.
   */
  private static void attributes(
      BpmnGraph graph,
      BpmnElement element,
      Set<String> whole,
      Set<String> lists,
      RuleContext context) {
    XmlNode xml = element.xml();
    for (int i = 0, n = xml.attributeCount(); i < n; i++) {
      String name = xml.attributeName(i);
      String value = xml.attributeValue(i);
      if (!Bpmn.hasExpression(value) || !Bpmn.isCamundaNamespace(xml.attributeNamespace(i))) {
        continue;
      }
      String where = "its " + graph.extensionPrefix() + ":" + name;
      if (whole.contains(name) || (PRIORITIES.contains(name) && Bpmn.startsAsExpression(value))) {
        report(element, where, value, context);
      } else if (lists.contains(name)) {
        for (String entry : commaSeparated(value)) {
          report(element, where, entry, context);
        }
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
          String kind =
              "its "
                  + (extension.localName().equals("taskListener") ? "task" : "execution")
                  + " listener's ";
          XmlNode script = Bpmn.camundaChild(extension, "script");
          if (script != null) {
            script(element, kind + "script", script, context);
          } else {
            report(element, kind + "expression", extension.attr("expression"), context);
            report(
                element,
                kind + "delegate expression",
                extension.attr("delegateExpression"),
                context);
            fields(element, extension, context);
          }
          // a task listener on timeout has a timer of its own
          for (XmlNode timer : extension.children(Bpmn.MODEL_NS, "timerEventDefinition")) {
            timer(element, kind + "timer's ", timer, context);
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
        case "in", "out" -> {
          String where = "its " + graph.extensionPrefix() + ":" + extension.localName();
          report(element, where + " sourceExpression", extension.attr("sourceExpression"), context);
          report(element, where + " businessKey", extension.attr("businessKey"), context);
        }
        case "formData" -> {
          for (XmlNode formField : extension.children()) {
            if (Bpmn.isCamunda(formField, "formField")) {
              String where =
                  "its form field '"
                      + PlainText.oneLine(
                          String.valueOf(formField.attr("id")), PlainText.NAME_LENGTH)
                      + "'";
              report(element, where + " label", formField.attr("label"), context);
              report(element, where + " default value", formField.attr("defaultValue"), context);
            }
          }
        }
        case "errorEventDefinition" ->
            report(
                element,
                "its " + graph.extensionPrefix() + ":errorEventDefinition expression",
                extension.attr("expression"),
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
      if (Bpmn.isCamunda(child, "script")) {
        script(element, "its " + where + " script", child, context);
      } else if (Bpmn.isCamunda(child, "list")) {
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

  /** A {@code camunda:script}: its format, its text, its {@code resource}. */
  private static void script(
      BpmnElement element, String where, XmlNode script, RuleContext context) {
    script(
        element,
        where,
        script.attr("scriptFormat"),
        script.text(),
        script.attr("resource"),
        context);
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

  /** Reports a root element's expression (a message's, a signal's, an error's). */
  private static void report(XmlNode root, String where, String value, RuleContext context) {
    String problem = ElSyntax.problem(value);
    if (problem != null) {
      context.report(
          root,
          kind(root.localName())
              + " "
              + BpmnElement.describe(root)
              + message(where, value, problem),
          List.of());
    }
  }

  private static String message(String where, String value, String problem) {
    return " has an expression in "
        + where
        + " that the engine cannot parse, '"
        + PlainText.oneLine(value, PlainText.NAME_LENGTH)
        + "' ("
        + problem
        + "): "
        + REFUSED;
  }

  private static void report(BpmnElement element, String where, String value, RuleContext context) {
    String problem = ElSyntax.problem(value);
    if (problem != null) {
      context.report(
          element,
          kind(element.type()) + " " + element.describe() + message(where, value, problem));
    }
  }
}
