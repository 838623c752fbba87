package io.checkup.lint.rules;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;

/**
 * A user task's priority ({@code camunda:priority}) of an executable process that is neither an
 * expression nor a whole number. The engine reads it only when it creates a task: the model
 * deploys, and every instance that reaches the task fails there (Camunda 7's {@code
 * TaskDecorator.initializeTaskPriority}: "Priority does not resolve to a number", the same in
 * Operaton and CIB seven). Job and external task priorities, which the engine checks when it
 * parses, are {@code priority}'s.
 */
@RuleInfo(
    id = UserTaskPriorityRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    summary =
        "A user task priority that is neither an expression nor a whole number: the process "
            + "deploys, and every instance that reaches the task fails there.")
public final class UserTaskPriorityRule implements Rule {

  public static final String ID = "user-task-priority";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.userTasks()) {
      if (!node.scope().isExecutable()) {
        continue;
      }
      String value = node.camundaAttr("priority");
      if (value != null && !PriorityRule.isPriority(value)) {
        context.report(
            node,
            "User task "
                + node.describe()
                + " has the priority '"
                + PlainText.oneLine(value, PlainText.NAME_LENGTH)
                + "' ("
                + graph.extensionPrefix()
                + ":priority), which is neither an expression nor a whole number: the engine"
                + " deploys the process, and every instance that reaches the task fails there"
                + " (\"Priority does not resolve to a number\") (give a whole number such as 50,"
                + " or an expression)");
      }
    }
  }
}
