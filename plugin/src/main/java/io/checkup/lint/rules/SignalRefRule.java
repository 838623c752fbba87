package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.References;
import io.checkup.lint.xml.XmlNode;
import java.util.Set;

/**
 * A signal event of an executable process (start, catch, boundary, throw or end) without a {@code
 * signalRef}, or one that names no signal of the file: the engine refuses to deploy the process
 * (Camunda 7's {@code BpmnParse.parseSignalEventDefinition}, the same in Operaton and CIB seven).
 * References resolve as the engine resolves them ({@link References}). An event with several event
 * definitions is left to {@code single-event-definition}: the engine reads only the one it looks
 * for first.
 */
@RuleInfo(
    id = SignalRefRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A signal event without a signal, or one that names a signal the file does not have: the "
            + "engine refuses to deploy the process.")
public final class SignalRefRule implements Rule {

  public static final String ID = "signal-ref";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    Set<String> signals = null;
    for (FlowNode node : graph.events()) {
      XmlNode definition = node.executableEventDefinition("signalEventDefinition");
      if (definition == null) {
        continue;
      }
      String ref = definition.attr("signalRef");
      String what = "Signal " + node.eventPosition() + " " + node.describe();
      if (ref == null) {
        context.report(
            node,
            what
                + " has no signalRef: it "
                + (node.isIntermediateThrowEvent() || node.isEndEvent()
                    ? "sends no signal"
                    : "waits for no signal")
                + ", and "
                + REFUSED
                + " (name the signal)");
        continue;
      }
      signals = signals != null ? signals : graph.rootElementIds("signal");
      if (!signals.contains(References.resolve("signal", ref, graph.definitions()))) {
        context.report(node, UnknownReference.message(what, "signal", ref));
      }
    }
  }
}
