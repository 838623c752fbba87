package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;
import static io.checkup.lint.rules.TaskImplementationRule.report;

import io.checkup.lint.PlainText;
import io.checkup.lint.RuleContext;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.xml.XmlNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What Camunda 7's {@code BpmnParse.parseServiceTaskLike} refuses of an implementation, read from
 * the element that holds it: a service, send or business rule task itself, or the message event
 * definition of a message throw or end event implemented like a task ("CAM-436 same behavior as
 * service task"). The same in Operaton and CIB seven.
 */
final class ServiceTaskLike {

  /** The values of {@code camunda:type} the engine runs (compared without case, as it does). */
  private static final Set<String> TYPES = Set.of("external", "mail", "shell");

  /**
   * A field a mail or shell task needs ({@code validateFieldDeclarationsForEmail}, {@code
   * validateFieldDeclarationsForShell}): one of the names, with a value.
   */
  private record Required(String missing, List<String> names, String shape, String fix) {}

  private static final Map<String, List<Required>> REQUIRED =
      Map.of(
          "mail",
          List.of(
              new Required(
                  "recipient",
                  List.of("to"),
                  "mail task without the field 'to'",
                  "give it the recipient's address in a field named 'to'"),
              new Required(
                  "body",
                  List.of("text", "html"),
                  "mail task without the field 'text' or 'html'",
                  "give it the mail's body in a field named 'text' or 'html'")),
          "shell",
          List.of(
              new Required(
                  "command",
                  List.of("command"),
                  "shell task without the field 'command'",
                  "give it the command to run in a field named 'command'")));

  /** The shell task's fields the engine reads as true or false. */
  private static final Set<String> SHELL_SWITCHES = Set.of("wait", "redirectError", "cleanEnv");

  private static final Set<String> BOOLEANS = Set.of("true", "false");

  private ServiceTaskLike() {}

  /**
   * Whether the engine implements a message event like a task ({@code isServiceTaskLike}): its
   * definition has a class, expression, delegate expression or type (any value), or a connector.
   */
  static boolean isServiceTaskLike(XmlNode holder) {
    return attr(holder, "class") != null
        || attr(holder, "expression") != null
        || attr(holder, "delegateExpression") != null
        || attr(holder, "type") != null
        || connector(holder);
  }

  /**
   * The checks of {@code parseServiceTaskLike} on the node's implementation: a {@code camunda:type}
   * the engine does not know, an external task without a topic, a mail or shell task's fields, and
   * for a class or delegate expression its fields and a result variable. Returns false where the
   * element has no implementation at all (a type, class, delegate expression, expression or
   * connector), which only a task needs.
   */
  static boolean check(
      RuleContext context, FlowNode node, XmlNode holder, Subject what, String prefix) {
    String type = attr(holder, "type");
    if (type != null) {
      String known = type.toLowerCase(Locale.ROOT);
      if (!TYPES.contains(known)) {
        report(
            context,
            node,
            "type",
            what
                + " has "
                + prefix
                + "type '"
                + PlainText.oneLine(type, PlainText.NAME_LENGTH)
                + "', which the engine does not know (external, mail or shell): "
                + REFUSED);
      } else if (known.equals("external")) {
        if (attr(holder, "topic") == null) {
          report(
              context,
              node,
              "topic",
              what
                  + " is an external task without "
                  + prefix
                  + "topic: "
                  + REFUSED
                  + " (name the topic its workers fetch)");
        }
        checkErrorEventDefinitions(context, node, holder, what, prefix);
      } else {
        checkFields(context, node, holder, what, known);
      }
      return true;
    }
    if (injectsFields(holder)) {
      checkResultVariable(context, node, holder, what, prefix);
      checkFields(context, node, holder, what, "class");
      return true;
    }
    return !blank(attr(holder, "expression")) || connector(holder);
  }

  /**
   * An external task's error event definition ({@code camunda:errorEventDefinition}, "Errors" in
   * Camunda Modeler) that names an error but has no expression: Modeler writes it so until its
   * "Throw expression" is filled in, and the engine's parse ({@code
   * parseCamundaErrorEventDefinitions}) fails on it with a NullPointerException. It reads every
   * such child of the extension elements, whatever its namespace, with an {@code errorRef} (empty
   * too); an empty expression it takes.
   */
  private static void checkErrorEventDefinitions(
      RuleContext context, FlowNode node, XmlNode holder, Subject what, String prefix) {
    XmlNode extensions = BpmnElement.extensionElements(holder);
    if (extensions == null) {
      return;
    }
    for (XmlNode definition : extensions.children()) {
      String errorRef = definition.attr("errorRef");
      if (definition.localName().equals("errorEventDefinition")
          && errorRef != null
          && definition.attr("expression") == null) {
        report(
            context,
            node,
            "errorExpression",
            what
                + " is an external task whose "
                + prefix
                + "errorEventDefinition for error '"
                + PlainText.oneLine(errorRef, PlainText.NAME_LENGTH)
                + "' has no expression: the engine's parse fails on it with a NullPointerException"
                + " that names neither the element nor the cause, and "
                + REFUSED
                + " (give it the Throw expression that decides when its worker's result throws the"
                + " error)");
      }
    }
  }

  /**
   * A result variable beside a class or delegate expression: a Java delegate returns nothing to
   * store, and the engine refuses the task. It reads {@code resultVariable}, and {@code
   * resultVariableName} where that is absent.
   */
  private static void checkResultVariable(
      RuleContext context, FlowNode node, XmlNode holder, Subject what, String prefix) {
    String attribute = "resultVariable";
    String name = attr(holder, attribute);
    if (name == null) {
      attribute = "resultVariableName";
      name = attr(holder, attribute);
    }
    if (name == null) {
      return;
    }
    String runBy = blank(attr(holder, "class")) ? "delegateExpression" : "class";
    report(
        context,
        node,
        attribute,
        what
            + " has "
            + (name.isEmpty()
                ? "an empty result variable"
                : "the result variable '" + PlainText.oneLine(name, PlainText.NAME_LENGTH) + "'")
            + " ("
            + prefix
            + attribute
            + ") beside "
            + prefix
            + runBy
            + ", and only an implementation by expression fills one: "
            + REFUSED
            + " (remove the attribute in the XML, as Camunda Modeler shows the field only for"
            + " Implementation \"Expression\", and let the delegate set the variable itself, or"
            + " call the bean through "
            + prefix
            + "expression)");
  }

  /**
   * The fields the engine reads for the implementation: a field without a value is refused, a mail
   * task needs a recipient and a body, a shell task a command and fixed values.
   */
  private static void checkFields(
      RuleContext context, FlowNode node, XmlNode holder, Subject what, String implementation) {
    List<TaskFields.Field> fields = TaskFields.of(holder);
    for (TaskFields.Field field : fields) {
      if (!field.hasValue()) {
        report(context, node, "field", TaskFields.withoutValue(what.toString(), field));
      }
    }
    for (Required required : REQUIRED.getOrDefault(implementation, List.of())) {
      if (required.names().stream().noneMatch(name -> TaskFields.has(fields, name))) {
        report(
            context,
            node,
            required.missing(),
            what + " is a " + required.shape() + ": " + REFUSED + " (" + required.fix() + ")");
      }
    }
    if (implementation.equals("shell")) {
      checkShell(context, node, what, fields);
    }
  }

  /**
   * A shell task's switches are true or false written out ({@code
   * validateFieldDeclarationsForShell}, which reads every field as a fixed string: an expression
   * there fails the deployment with a {@code ClassCastException}).
   */
  private static void checkShell(
      RuleContext context, FlowNode node, Subject what, List<TaskFields.Field> fields) {
    for (TaskFields.Field field : fields) {
      if (!field.hasValue()) {
        continue;
      }
      String problem;
      if (!field.string()) {
        problem = "is an expression, which the engine cannot read there";
      } else if (SHELL_SWITCHES.contains(field.name())
          && !BOOLEANS.contains(field.value().toLowerCase(Locale.ROOT))) {
        problem = "is '" + PlainText.oneLine(field.value(), PlainText.NAME_LENGTH) + "'";
      } else {
        continue;
      }
      report(
          context,
          node,
          "field",
          what
              + " is a shell task whose field '"
              + PlainText.oneLine(field.name(), PlainText.NAME_LENGTH)
              + "' "
              + problem
              + ": "
              + REFUSED
              + (field.string() ? " (write true or false)" : " (give it a fixed value)"));
    }
  }

  /**
   * Whether the engine runs the implementation by a class or a delegate expression, and so reads
   * its fields (it does not for an expression or a connector).
   */
  private static boolean injectsFields(XmlNode holder) {
    return !blank(attr(holder, "class")) || attr(holder, "delegateExpression") != null;
  }

  private static boolean blank(String value) {
    return value == null || value.trim().isEmpty();
  }

  private static boolean connector(XmlNode holder) {
    XmlNode extensions = BpmnElement.extensionElements(holder);
    return extensions != null && Bpmn.camundaChild(extensions, "connector") != null;
  }

  private static String attr(XmlNode holder, String name) {
    return BpmnElement.camundaAttr(holder, name);
  }
}
