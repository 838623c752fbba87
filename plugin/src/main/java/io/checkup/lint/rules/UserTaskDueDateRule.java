package io.checkup.lint.rules;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;

/**
 * A user task's due date ({@code camunda:dueDate}) or follow-up date ({@code camunda:followUpDate})
 * of an executable process that is neither an expression nor an ISO 8601 date, date-time or period.
 * The engine reads them only when it creates a task, as a timer's {@code timeDate} (Camunda 7's
 * {@code TaskDecorator} and {@code DueDateBusinessCalendar}, the same in Operaton and CIB seven):
 * the model deploys, and every instance that reaches the task fails there ("Exception while
 * resolving duedate"). The value is read as written, blanks and all; a value with an expression in
 * it is left alone (one the engine cannot parse is {@code expression-syntax}'s).
 */
@RuleInfo(
    id = UserTaskDueDateRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    summary =
        "A user task due date or follow-up date that is neither an expression nor an ISO 8601 date or "
            + "period: the process deploys, and every instance that reaches the task fails there.")
public final class UserTaskDueDateRule implements Rule {

  public static final String ID = "user-task-due-date";

  private static final String[][] DATES = {
    {"dueDate", "due date"}, {"followUpDate", "follow-up date"}
  };

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.userTasks()) {
      if (!node.scope().isExecutable()) {
        continue;
      }
      for (String[] date : DATES) {
        String value = node.camundaAttr(date[0]);
        if (value != null && !Bpmn.hasExpression(value) && TimerSyntax.checkDate(value) != null) {
          context.report(
              node,
              "User task "
                  + node.describe()
                  + " has the "
                  + date[1]
                  + " '"
                  + PlainText.oneLine(value, PlainText.NAME_LENGTH)
                  + "' ("
                  + graph.extensionPrefix()
                  + ":"
                  + date[0]
                  + "), which is neither an expression nor an ISO 8601 date or period: the engine"
                  + " deploys the process, and every instance that reaches the task fails there"
                  + (value.startsWith("p")
                      ? " (write the period with a capital P, as P3D)"
                      : " (give a date such as 2030-12-24T17:00:00, a period from the task's"
                          + " creation such as P3D, or an expression)"));
        }
      }
    }
  }
}
