package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.xml.XmlNode;

/**
 * A user task of an executable process that names its assignee twice: two {@code humanPerformer}
 * elements, or a {@code humanPerformer} with an expression beside {@code camunda:assignee}. The
 * engine refuses to deploy the process (Camunda 7's {@code BpmnParse.parseHumanPerformer} and
 * {@code parseUserTaskCustomExtensions}, the same in Operaton and CIB seven). Candidates ({@code
 * potentialOwner}, {@code camunda:candidateUsers}) may be given any number of times and are not
 * flagged.
 */
@RuleInfo(
    id = HumanPerformerRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A user task with two human performers, or a human performer beside an assignee: the engine "
            + "refuses to deploy the process.")
public final class HumanPerformerRule implements Rule {

  public static final String ID = "human-performer";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode task : graph.userTasks()) {
      if (!task.scope().isExecutable()) {
        continue;
      }
      XmlNode performer = task.xml().child(Bpmn.MODEL_NS, "humanPerformer");
      if (performer == null) {
        continue;
      }
      int performers = task.xml().children(Bpmn.MODEL_NS, "humanPerformer").size();
      if (performers > 1) {
        context.report(
            task,
            "User task "
                + task.describe()
                + " has "
                + performers
                + " humanPerformer elements, and a task has one assignee: "
                + REFUSED
                + " (keep one in the XML, as Camunda Modeler does not show them, and offer the task"
                + " to the others as candidates)");
      } else if (task.camundaAttr("assignee") != null && assigns(performer)) {
        context.report(
            task,
            "User task "
                + task.describe()
                + " names its assignee twice, as a humanPerformer and as "
                + graph.extensionPrefix()
                + ":assignee: "
                + REFUSED
                + " (keep one: remove the humanPerformer in the XML, as Camunda Modeler does not"
                + " show it, or clear Assignee)");
      }
    }
  }

  /** Whether the engine reads an assignee from the performer: it has a formal expression. */
  private static boolean assigns(XmlNode performer) {
    XmlNode expression = performer.child(Bpmn.MODEL_NS, "resourceAssignmentExpression");
    return expression != null && expression.child(Bpmn.MODEL_NS, "formalExpression") != null;
  }
}
