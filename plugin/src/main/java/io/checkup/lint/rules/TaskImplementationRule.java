package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.xml.XmlNode;
import java.util.List;
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
 * maps the result by a name the engine does not know. A script task needs a script, inline or by
 * {@code camunda:resource}, and a script format that is not blank. A message throw or end event
 * implemented like a task is checked as one (but may have no implementation). A connector counts as
 * an implementation (it needs the connect plugin, which the linter cannot see). At deploy time a
 * finding is left out where the engine's parse found the task something to run after all (a parse
 * listener of another plugin can give it one).
 */
@RuleInfo(
    id = TaskImplementationRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A service, send, business rule or script task without an implementation the engine can run, "
            + "or with a result the engine cannot store: the engine refuses to deploy the process.")
public final class TaskImplementationRule implements Rule {

  public static final String ID = "task-implementation";

  /**
   * The fact that says what a finding misses: {@code implementation}, {@code type}, {@code topic},
   * an external task's error event definition's {@code errorExpression}, a mail task's {@code
   * recipient} or {@code body}, a shell task's {@code command} or a {@code field} it cannot read,
   * the {@code resultVariable} (or {@code resultVariableName}) a delegate cannot fill, the {@code
   * mapDecisionResult} the engine does not know, a script task's {@code script} or {@code
   * scriptFormat}.
   */
  public static final String MISSING = "missing";

  private static final Map<String, String> KINDS =
      Map.of(
          "serviceTask", "Service task",
          "sendTask", "Send task",
          "businessRuleTask", "Business rule task",
          "scriptTask", "Script task");

  /** The names of the decision result mappers the engine knows ({@code DecisionEvaluationUtil}). */
  private static final Set<String> MAPPERS =
      Set.of("singleEntry", "singleResult", "collectEntries", "resultList");

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    String prefix = graph.extensionPrefix() + ":";
    for (FlowNode node : graph.flowNodes()) {
      if (!node.scope().isExecutable()) {
        continue;
      }
      String kind = KINDS.get(node.type());
      if (kind == null) {
        checkMessageEvent(context, node, prefix);
        continue;
      }
      Subject what = new Subject(kind, node);
      if (node.type().equals("businessRuleTask") && node.camundaAttr("decisionRef") != null) {
        checkDecisionResult(context, node, what, prefix);
      } else if (node.type().equals("scriptTask")) {
        checkScript(context, node, what, prefix);
      } else if (!ServiceTaskLike.check(context, node, node.xml(), what, prefix)) {
        report(
            context,
            node,
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
   * A message throw or end event implemented like a task (a class, expression, delegate expression,
   * type or connector on its message event definition): the engine checks it as it checks a service
   * task, but takes one without any implementation (it then does nothing).
   */
  private static void checkMessageEvent(RuleContext context, FlowNode node, String prefix) {
    if (!node.type().equals("intermediateThrowEvent") && !node.isEndEvent()) {
      return;
    }
    XmlNode definition = node.executableEventDefinition("messageEventDefinition");
    if (definition != null && ServiceTaskLike.isServiceTaskLike(definition)) {
      ServiceTaskLike.check(
          context, node, definition, new Subject("Message " + node.eventPosition(), node), prefix);
    }
  }

  /**
   * A script task the engine cannot make a script of ({@code parseScriptTaskElement} and {@code
   * ScriptUtil.getScript}): a blank {@code scriptFormat} (absent, the engine takes JUEL), or
   * neither an inline {@code script} (an empty one is taken) nor a {@code camunda:resource} that is
   * not empty. The engine names no line for the second.
   */
  private static void checkScript(RuleContext context, FlowNode task, Subject what, String prefix) {
    String format = task.xml().attr("scriptFormat");
    if (format != null && format.trim().isEmpty()) {
      report(
          context,
          task,
          "scriptFormat",
          what
              + " has an empty script format (scriptFormat): "
              + REFUSED
              + " (name the script's language, e.g. groovy or javascript)");
    }
    String resource = task.camundaAttr("resource");
    if (task.xml().child(Bpmn.MODEL_NS, "script") == null
        && (resource == null || resource.isEmpty())) {
      report(
          context,
          task,
          "script",
          what
              + " has no script: neither an inline script nor a file named by "
              + prefix
              + "resource, and "
              + REFUSED
              + " (write the script, or name the file it is in)");
    }
  }

  /**
   * A decision's result mapped by a name the engine does not know ({@code
   * parseDecisionResultMapper}, compared with case, as it does; absent means {@code resultList}).
   */
  private static void checkDecisionResult(
      RuleContext context, FlowNode task, Subject what, String prefix) {
    String mapper = task.camundaAttr("mapDecisionResult");
    if (mapper != null && !MAPPERS.contains(mapper)) {
      String meant = null;
      for (String known : MAPPERS) {
        if (known.equalsIgnoreCase(mapper.trim())) {
          meant = known;
        }
      }
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
              + (meant != null
                  ? " (write " + meant + ", as the engine compares the name exactly)"
                  : " (choose singleEntry, singleResult, collectEntries or resultList)"));
    }
  }

  /**
   * A finding with what is missing as a fact ({@link #MISSING}): at deploy time only a missing
   * implementation can have been made up for by another plugin's parse listener.
   */
  static void report(RuleContext context, FlowNode task, String missing, String message) {
    context.report(task, message, List.of(), Map.of(MISSING, missing));
  }
}
