package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;
import java.util.HashSet;
import java.util.Set;

/**
 * An event-based gateway with fewer than two outgoing flows, or with conditional outgoing flows; in
 * an executable process also one that leads to anything Camunda 7 refuses there (anything but an
 * intermediate catch event, and a link catch event), and one marked {@code asyncAfter}, which it
 * refuses too (the gateway waits for its events: there is nothing to continue after it).
 */
@RuleInfo(
    id = "event-based-gateway",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary =
        "An event-based gateway with fewer than two outgoing flows, a conditional outgoing flow, a flow to "
            + "what Camunda 7 refuses after it, or asynchronous continuation after it.")
public final class EventBasedGatewayRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    Set<SequenceFlow> otherWaysIn = new HashSet<>();
    for (FlowNode node : graph.gateways()) {
      if (!node.isEventBasedGateway()) {
        continue;
      }
      if (node.outgoing().size() < 2) {
        context.report(
            node, "An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>");
      }
      if (node.scope().isExecutable() && "true".equals(node.camundaAttr("asyncAfter"))) {
        context.report(
            node,
            "Event-based gateway "
                + node.describe()
                + " is marked asynchronous after ("
                + graph.extensionPrefix()
                + ":asyncAfter), and Camunda 7 refuses to deploy it: the gateway waits for its"
                + " events, and there is nothing to continue after it (clear Asynchronous"
                + " continuations, After, in Camunda Modeler, or mark the events after it"
                + " asynchronous)");
      }
      for (SequenceFlow flow : node.outgoing()) {
        if (flow.hasCondition()) {
          context.report(
              flow,
              "A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional");
        }
        FlowNode target = flow.target();
        // a flow into another scope is refused for that, whatever it leads to
        if (target != null && target.scope() == node.scope() && node.scope().isExecutable()) {
          String refused = refusedAfterTheGateway(target);
          if (refused != null) {
            context.report(flow, refused);
          } else {
            reportOtherWaysIn(node, target, context, otherWaysIn);
          }
        }
      }
    }
  }

  /**
   * A catch event that waits after the gateway is entered by the gateway alone: Camunda 7 refuses
   * any other flow into it ("Invalid incoming sequenceflow ... connected to an event-based
   * gateway").
   */
  private static void reportOtherWaysIn(
      FlowNode gateway, FlowNode event, RuleContext context, Set<SequenceFlow> reported) {
    for (SequenceFlow in : event.incoming()) {
      FlowNode source = in.source();
      if (source != null && !source.isEventBasedGateway() && reported.add(in)) {
        context.report(
            in,
            "A <Sequence Flow> must not lead to "
                + event.describe()
                + ", which waits after the <Event-based Gateway> "
                + gateway.describe()
                + ": Camunda 7 refuses to deploy a second way into it");
      }
    }
  }

  /**
   * What Camunda 7's parser refuses after an event-based gateway, said, or null: anything but an
   * intermediate catch event, and a link catch event.
   */
  private static String refusedAfterTheGateway(FlowNode target) {
    if (!target.type().equals("intermediateCatchEvent")) {
      return "A <Sequence Flow> outgoing from an <Event-based Gateway> must lead to an intermediate "
          + "catch event: Camunda 7 refuses to deploy the "
          + target.type()
          + " "
          + target.describe()
          + " after it";
    }
    if (ModelFacts.hasDefinition(target, "linkEventDefinition")) {
      return "A <Sequence Flow> outgoing from an <Event-based Gateway> must not lead to a link "
          + "catch event: Camunda 7 refuses to deploy "
          + target.describe()
          + " after it";
    }
    return null;
  }
}
