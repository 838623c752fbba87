package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;

/**
 * An element of an executable process marked asynchronous after ({@code camunda:asyncAfter}) with
 * an outgoing sequence flow without an id: the job that continues after the element names the flow
 * it takes by its id, and the engine refuses to deploy the process (Camunda 7.24's {@code
 * BpmnParse.validateOutgoingFlows}, the same in Operaton and CIB seven). An event-based gateway
 * marked so is {@code event-based-gateway}'s finding: it is refused for that alone.
 */
@RuleInfo(
    id = AsyncContinuationRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "An element marked asynchronous after with an outgoing sequence flow without an id: the"
            + " engine refuses to deploy the process.")
public final class AsyncContinuationRule implements Rule {

  public static final String ID = "async-continuation";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.flowNodes()) {
      if (node.outgoing().isEmpty()
          || node.isEventBasedGateway()
          || !node.scope().isExecutable()
          || !"true".equals(node.camundaAttr("asyncAfter"))) {
        continue;
      }
      for (SequenceFlow flow : node.outgoing()) {
        if (flow.id() == null) {
          context.report(
              flow,
              ExpressionSyntaxRule.kind(node.type())
                  + " "
                  + node.describe()
                  + " is marked asynchronous after ("
                  + graph.extensionPrefix()
                  + ":asyncAfter), and its outgoing flow to "
                  + flow.describeTarget()
                  + " has no id: the job that continues after the element names the flow to take"
                  + " by its id, and "
                  + REFUSED
                  + " (give the sequence flow an id)");
        }
      }
    }
  }
}
