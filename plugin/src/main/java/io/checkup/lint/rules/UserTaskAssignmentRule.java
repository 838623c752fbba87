package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.xml.XmlNode;

/**
 * A user task nobody is offered: no assignee, no candidate users, no candidate groups (neither as
 * Camunda attributes nor as BPMN {@code humanPerformer}/{@code potentialOwner}). A task listener on
 * {@code create} or {@code assignment} may assign it in code, so such a task is not flagged. A
 * process that is not executable is not checked: nobody is offered its work anyway.
 */
@RuleInfo(
    id = "user-task-assignment",
    severity = Severity.INFO,
    category = RuleInfo.Category.CAMUNDA,
    summary =
        "A user task with no assignee, no candidate users and no candidate groups: nobody is offered the work.")
public final class UserTaskAssignmentRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.userTasks()) {
      if (node.scope().isExecutable() && !isAssigned(node)) {
        context.report(
            node,
            "User task "
                + node.describe()
                + " has no assignee, candidate users or candidate groups: nobody is offered the work");
      }
    }
  }

  private static boolean isAssigned(FlowNode task) {
    for (String attribute : new String[] {"assignee", "candidateUsers", "candidateGroups"}) {
      String value = task.camundaAttr(attribute);
      if (value != null && !value.isBlank()) {
        return true;
      }
    }
    if (task.xml().child(Bpmn.MODEL_NS, "humanPerformer") != null
        || task.xml().child(Bpmn.MODEL_NS, "potentialOwner") != null) {
      return true;
    }
    for (XmlNode listener : task.camundaExtensions("taskListener")) {
      if ("create".equals(listener.attr("event")) || "assignment".equals(listener.attr("event"))) {
        return true;
      }
    }
    return false;
  }
}
