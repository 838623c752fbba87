package io.checkup.lint.rules;

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
 * {@code validateServiceTaskLike}, the same in Operaton and CIB seven). A business rule task with
 * {@code camunda:decisionRef} calls a decision and needs nothing else; a connector counts as an
 * implementation (it needs the connect plugin, which the linter cannot see). At deploy time a
 * finding is left out where the engine's parse found the task something to run after all (a parse
 * listener of another plugin can give it one).
 */
@RuleInfo(
    id = TaskImplementationRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A service, send or business rule task without an implementation the engine can run: the "
            + "engine refuses to deploy the process.")
public final class TaskImplementationRule implements Rule {

  public static final String ID = "task-implementation";

  /**
   * The fact that says what a finding misses: {@code implementation}, {@code type}, {@code topic}.
   */
  public static final String MISSING = "missing";

  private static final String REFUSED = "the engine refuses to deploy the process";

  private static final Map<String, String> KINDS =
      Map.of(
          "serviceTask", "Service task",
          "sendTask", "Send task",
          "businessRuleTask", "Business rule task");

  /** The values of {@code camunda:type} the engine runs (compared without case, as it does). */
  private static final Set<String> TYPES = Set.of("external", "mail", "shell");

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode task : graph.flowNodes()) {
      String kind = KINDS.get(task.type());
      if (kind == null
          || !task.scope().isExecutable()
          || (task.type().equals("businessRuleTask") && task.camundaAttr("decisionRef") != null)) {
        continue;
      }
      String prefix = graph.extensionPrefix() + ":";
      String what = kind + " " + task.describe();
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
      }
    }
  }

  /**
   * A finding with what is missing as a fact ({@code implementation}, {@code type} or {@code
   * topic}): at deploy time only a missing implementation can have been made up for by another
   * plugin's parse listener.
   */
  private static void report(RuleContext context, FlowNode task, String missing, String message) {
    context.report(task, message, List.of(), Map.of(MISSING, missing));
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
