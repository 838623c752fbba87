package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A service, send or business rule task of an executable process that says nothing the engine can
 * run, names a {@code camunda:type} it does not know, or is an external task without a topic: the
 * engine refuses to deploy the process (Camunda 7's {@code BpmnParse.parseServiceTaskLike} and
 * {@code validateServiceTaskLike}, the same in Operaton and CIB seven); a mail task without a
 * recipient or body, a shell task without a command or with a field the engine cannot read, and a
 * task run by a class or delegate expression with a result variable are refused too. A business
 * rule task with {@code camunda:decisionRef} calls a decision and needs nothing else, unless it
 * maps the result by a name the engine does not know; a connector counts as an implementation (it
 * needs the connect plugin, which the linter cannot see). At deploy time a finding is left out
 * where the engine's parse found the task something to run after all (a parse listener of another
 * plugin can give it one).
 */
@RuleInfo(
    id = TaskImplementationRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A service, send or business rule task without an implementation the engine can run, or "
            + "with a result the engine cannot store: the engine refuses to deploy the process.")
public final class TaskImplementationRule implements Rule {

  public static final String ID = "task-implementation";

  /**
   * The fact that says what a finding misses: {@code implementation}, {@code type}, {@code topic},
   * a mail task's {@code recipient} or {@code body}, a shell task's {@code command} or a {@code
   * field} it cannot read, the {@code resultVariable} (or {@code resultVariableName}) a delegate
   * cannot fill, the {@code mapDecisionResult} the engine does not know.
   */
  public static final String MISSING = "missing";

  private static final Map<String, String> KINDS =
      Map.of(
          "serviceTask", "Service task",
          "sendTask", "Send task",
          "businessRuleTask", "Business rule task");

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

  /** The names of the decision result mappers the engine knows ({@code DecisionEvaluationUtil}). */
  private static final Set<String> MAPPERS =
      Set.of("singleEntry", "singleResult", "collectEntries", "resultList");

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode task : graph.flowNodes()) {
      String kind = KINDS.get(task.type());
      if (kind == null || !task.scope().isExecutable()) {
        continue;
      }
      String prefix = graph.extensionPrefix() + ":";
      String what = kind + " " + task.describe();
      if (task.type().equals("businessRuleTask") && task.camundaAttr("decisionRef") != null) {
        checkDecisionResult(context, task, what, prefix);
        continue;
      }
      String type = task.camundaAttr("type");
      if (type != null) {
        String known = type.toLowerCase(Locale.ROOT);
        if (!TYPES.contains(known)) {
          report(
              context,
              task,
              "type",
              what
                  + " has "
                  + prefix
                  + "type '"
                  + PlainText.oneLine(type, PlainText.NAME_LENGTH)
                  + "', which the engine does not know (external, mail or shell): "
                  + REFUSED);
        } else if (known.equals("external") && task.camundaAttr("topic") == null) {
          report(
              context,
              task,
              "topic",
              what
                  + " is an external task without "
                  + prefix
                  + "topic: "
                  + REFUSED
                  + " (name the topic its workers fetch)");
        } else if (!known.equals("external")) {
          checkFields(context, task, what, known);
        }
        continue;
      }
      if (!implemented(task)) {
        report(
            context,
            task,
            "implementation",
            what
                + " has no implementation ("
                + prefix
                + "class, "
                + prefix
                + "delegateExpression, "
                + prefix
                + "expression, "
                + prefix
                + "type or a connector): "
                + REFUSED
                + " (choose its implementation, or make it a plain task while the work is done by"
                + " hand)");
      } else if (injectsFields(task)) {
        checkResultVariable(context, task, what, prefix);
        checkFields(context, task, what, "class");
      }
    }
  }

  /**
   * A result variable beside a class or delegate expression ({@code parseServiceTaskLike}): a Java
   * delegate returns nothing to store, and the engine refuses the task. It reads {@code
   * resultVariable}, and {@code resultVariableName} where that is absent.
   */
  private static void checkResultVariable(
      RuleContext context, FlowNode task, String what, String prefix) {
    String attribute = "resultVariable";
    String name = task.camundaAttr(attribute);
    if (name == null) {
      attribute = "resultVariableName";
      name = task.camundaAttr(attribute);
    }
    if (name == null) {
      return;
    }
    String className = task.camundaAttr("class");
    String runBy =
        className != null && !className.trim().isEmpty() ? "class" : "delegateExpression";
    report(
        context,
        task,
        attribute,
        what
            + " is run by "
            + prefix
            + runBy
            + " and stores its result in '"
            + PlainText.oneLine(name, PlainText.NAME_LENGTH)
            + "' ("
            + prefix
            + attribute
            + "), which only an expression gives: "
            + REFUSED
            + " (remove the result variable and let the delegate set the variable, or call the"
            + " bean through "
            + prefix
            + "expression)");
  }

  /**
   * A decision's result mapped by a name the engine does not know ({@code
   * parseDecisionResultMapper}, compared with case, as it does; absent means {@code resultList}).
   */
  private static void checkDecisionResult(
      RuleContext context, FlowNode task, String what, String prefix) {
    String mapper = task.camundaAttr("mapDecisionResult");
    if (mapper != null && !MAPPERS.contains(mapper)) {
      report(
          context,
          task,
          "mapDecisionResult",
          what
              + " maps its decision's result by '"
              + PlainText.oneLine(mapper, PlainText.NAME_LENGTH)
              + "' ("
              + prefix
              + "mapDecisionResult), which the engine does not know: "
              + REFUSED
              + " (choose singleEntry, singleResult, collectEntries or resultList)");
    }
  }

  /**
   * The fields the engine reads for the task's implementation: a field without a value is refused,
   * a mail task needs a recipient and a body, a shell task a command and fixed values.
   */
  private static void checkFields(
      RuleContext context, FlowNode task, String what, String implementation) {
    List<TaskFields.Field> fields = TaskFields.of(task);
    for (TaskFields.Field field : fields) {
      if (!field.hasValue()) {
        report(context, task, "field", TaskFields.withoutValue(what, field));
      }
    }
    for (Required required : REQUIRED.getOrDefault(implementation, List.of())) {
      if (required.names().stream().noneMatch(name -> TaskFields.has(fields, name))) {
        report(
            context,
            task,
            required.missing(),
            what + " is a " + required.shape() + ": " + REFUSED + " (" + required.fix() + ")");
      }
    }
    if (implementation.equals("shell")) {
      checkShell(context, task, what, fields);
    }
  }

  /**
   * A shell task's switches are true or false written out ({@code
   * validateFieldDeclarationsForShell}, which reads every field as a fixed string: an expression
   * there fails the deployment with a {@code ClassCastException}).
   */
  private static void checkShell(
      RuleContext context, FlowNode task, String what, List<TaskFields.Field> fields) {
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
          task,
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
   * A finding with what is missing as a fact ({@link #MISSING}): at deploy time only a missing
   * implementation can have been made up for by another plugin's parse listener.
   */
  private static void report(RuleContext context, FlowNode task, String missing, String message) {
    context.report(task, message, List.of(), Map.of(MISSING, missing));
  }

  /**
   * Whether the engine runs the task by a class or a delegate expression, and so reads its fields
   * (it does not for an expression or a connector).
   */
  private static boolean injectsFields(FlowNode task) {
    String className = task.camundaAttr("class");
    return (className != null && !className.trim().isEmpty())
        || task.camundaAttr("delegateExpression") != null;
  }

  /** As the engine decides it: a class or expression that is not blank, any delegate expression. */
  private static boolean implemented(FlowNode task) {
    String className = task.camundaAttr("class");
    String expression = task.camundaAttr("expression");
    return (className != null && !className.trim().isEmpty())
        || task.camundaAttr("delegateExpression") != null
        || (expression != null && !expression.trim().isEmpty())
        || !task.camundaExtensions("connector").isEmpty();
  }
}
