package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * An executable process with a timer start event beside another timer or a none start event:
 * Camunda 7 starts a process at one none or timer start event only and refuses to deploy it
 * otherwise ({@code BpmnParse.selectInitial}, the same in Operaton and CIB seven). Two none start
 * events and no timer are {@code single-blank-start-event}'s finding; start events of sub-processes
 * and event sub-processes are not concerned.
 */
@RuleInfo(
    id = TimerStartEventRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A process with a timer start event beside another timer or a none start event: the engine "
            + "refuses to deploy the process.")
public final class TimerStartEventRule implements Rule {

  public static final String ID = "timer-start-event";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope process : graph.processes()) {
      if (!process.isExecutable()) {
        continue;
      }
      List<FlowNode> initial = null;
      boolean timer = false;
      for (FlowNode node : process.flowNodes()) {
        if (!node.isStartEvent()) {
          continue;
        }
        if (isNoneOrTimerStart(node)) {
          initial = initial == null ? new ArrayList<>() : initial;
          initial.add(node);
          timer |= node.onlyEventDefinition("timerEventDefinition") != null;
        }
      }
      if (timer && initial.size() > 1) {
        List<String> described = new ArrayList<>();
        for (FlowNode start : initial) {
          boolean isTimer = start.onlyEventDefinition("timerEventDefinition") != null;
          described.add((isTimer ? "timer" : "none") + " start event " + start.describe());
        }
        context.report(
            process,
            "Process "
                + process.describe()
                + " can start at "
                + String.join(" and at ", described)
                + ": Camunda 7 starts a process at one none or timer start event only, and "
                + REFUSED
                + " (start it by the timer in a process of its own that calls this one, or make the"
                + " other way in a message start event)",
            BpmnElement.ids(initial));
      }
    }
  }

  /**
   * A start event the engine takes as a process's way in ({@code BpmnParse.selectInitial}): one
   * without an inline event definition (the engine reads no {@code eventDefinitionRef}) or with a
   * timer alone.
   */
  static boolean isNoneOrTimerStart(FlowNode start) {
    return start.eventDefinitionElements().isEmpty()
        || start.onlyEventDefinition("timerEventDefinition") != null;
  }
}
