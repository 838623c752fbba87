package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import java.util.List;

/**
 * A form of a user task or of a process's start that the engine refuses to deploy (Camunda 7's
 * {@code BpmnParse.parseFormDefinition}, the same in Operaton and CIB seven): both a {@code
 * camunda:formKey} and a {@code camunda:formRef}; a {@code camunda:formRef} without a {@code
 * camunda:formRefBinding} of {@code latest}, {@code deployment} or {@code version}; the binding
 * {@code version} without a {@code camunda:formRefVersion}, on which the engine's parse fails with
 * a {@code NullPointerException} that names neither the element nor the cause. A process's start
 * form is read from its initial start event only (its none or timer start event, or its only start
 * event), as the engine reads it.
 */
@RuleInfo(
    id = FormDefinitionRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A user task or start event with both a form key and a linked form, or a linked form "
            + "without a valid binding or without the version it binds to: the engine refuses to "
            + "deploy the process.")
public final class FormDefinitionRule implements Rule {

  public static final String ID = "form-definition";

  private static final List<String> BINDINGS = List.of("latest", "deployment", "version");

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.flowNodes()) {
      boolean userTask = node.type().equals("userTask");
      if ((userTask || node.isStartEvent())
          && node.camundaAttr("formRef") != null
          && node.scope().isExecutable()
          && (userTask || isInitialStart(node))) {
        check(node, graph.extensionPrefix(), context);
      }
    }
  }

  private static void check(FlowNode node, String prefix, RuleContext context) {
    Subject what = new Subject(node.isStartEvent() ? "Start event" : "User task", node);
    String binding = node.camundaAttr("formRefBinding");
    if (node.camundaAttr("formKey") != null) {
      context.report(
          node,
          what
              + " has both a form key ("
              + prefix
              + ":formKey) and a linked Camunda form ("
              + prefix
              + ":formRef): the engine takes one form per element, and "
              + REFUSED
              + " (keep the one the task list should show)");
    } else if (binding == null || !BINDINGS.contains(binding)) {
      context.report(
          node,
          what
              + " links a Camunda form ("
              + prefix
              + ":formRef) "
              + (binding == null
                  ? "without a binding"
                  : "with the binding '" + PlainText.oneLine(binding, PlainText.NAME_LENGTH) + "'")
              + ": the engine binds a linked form to the latest version, the deployment's or a"
              + " version given, and "
              + REFUSED
              + " (set "
              + prefix
              + ":formRefBinding to latest, deployment or version)");
    } else if (binding.equals("version") && node.camundaAttr("formRefVersion") == null) {
      context.report(
          node,
          what
              + " links a Camunda form by version ("
              + prefix
              + ":formRefBinding=\"version\") without the version ("
              + prefix
              + ":formRefVersion): the engine's parse fails on it with a NullPointerException that"
              + " names neither the element nor the cause, and "
              + REFUSED
              + " (give the version, or bind to latest or deployment)");
    }
  }

  /**
   * The start event whose form the engine reads for the process: its first none or timer start
   * event, or its only start event.
   */
  static boolean isInitialStart(FlowNode node) {
    if (!node.isStartEvent() || !node.scope().isProcess()) {
      return false;
    }
    Scope process = node.scope();
    FlowNode initial = null;
    int starts = 0;
    for (FlowNode other : process.flowNodes()) {
      if (!other.isStartEvent()) {
        continue;
      }
      starts++;
      if (initial == null && TimerStartEventRule.isNoneOrTimerStart(other)) {
        initial = other;
      }
    }
    return initial != null ? initial == node : starts == 1;
  }
}
