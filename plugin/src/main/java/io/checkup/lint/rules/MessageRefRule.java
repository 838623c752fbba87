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
 * A message start, intermediate catch or boundary event of an executable process without a {@code
 * messageRef}, or one (or a receive task's) that names no message of the file: the engine refuses
 * to deploy the process (Camunda 7's {@code BpmnParse.parseMessageEventDefinition}, the same in
 * Operaton and CIB seven), with a message that does not say which event when the reference is
 * missing. References resolve as the engine resolves them ({@link References}). An event with
 * several event definitions is left to {@code single-event-definition}: the engine reads only the
 * one it looks for first.
 */
@RuleInfo(
    id = MessageRefRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A message event that waits for no message, or a message event or receive task that "
            + "names a message the file does not have: the engine refuses to deploy the process.")
public final class MessageRefRule implements Rule {

  public static final String ID = "message-ref";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    Set<String> messages = null;
    for (FlowNode node : graph.flowNodes()) {
      if (!node.scope().isExecutable()) {
        continue;
      }
      if (node.type().equals("receiveTask")) {
        // without a reference a receive task waits to be signalled, which the engine allows
        String ref = node.xml().attr("messageRef");
        if (ref != null) {
          messages = messages != null ? messages : graph.rootElementIds("message");
          unknown(graph, messages, node, "Receive task", ref, context);
        }
        continue;
      }
      if (!(node.isStartEvent() || node.isIntermediateCatchEvent() || node.isBoundaryEvent())) {
        continue;
      }
      // with several definitions the engine reads the one it looks for first (a timer before a
      // message, say) and never this one: single-event-definition's finding, not this rule's
      XmlNode definition = node.onlyEventDefinition("messageEventDefinition");
      if (definition == null) {
        continue;
      }
      String ref = definition.attr("messageRef");
      String what = "Message " + node.eventPosition();
      if (ref == null) {
        context.report(
            node,
            what
                + " "
                + node.describe()
                + " has no messageRef: it waits for no message, and "
                + REFUSED
                + " (name the message it waits for)");
      } else {
        messages = messages != null ? messages : graph.rootElementIds("message");
        unknown(graph, messages, node, what, ref, context);
      }
    }
  }

  private static void unknown(
      BpmnGraph graph,
      Set<String> messages,
      FlowNode node,
      String what,
      String ref,
      RuleContext context) {
    if (!messages.contains(References.resolve("message", ref, graph.definitions()))) {
      context.report(node, UnknownReference.message(what + " " + node.describe(), "message", ref));
    }
  }
}
