package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayList;
import java.util.List;

/**
 * An exclusive gateway of an executable process that the engine refuses to deploy (Camunda 7's
 * {@code BpmnParse.validateExclusiveGateway}, the same in Operaton and CIB seven): no outgoing
 * flow; a single outgoing flow with a condition; a default flow with a condition; flows without a
 * condition where none has one and no default flow is named. Flows without a condition beside
 * conditional ones or beside a default flow are {@code conditional-flows}' finding, not this
 * rule's: one cause, one finding. One finding per gateway, on the gateway.
 */
@RuleInfo(
    id = ExclusiveGatewayRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "An exclusive gateway the engine refuses to deploy: no way out, a condition on its only "
            + "flow or on its default flow, or several flows none of which has a condition.")
public final class ExclusiveGatewayRule implements Rule {

  public static final String ID = "exclusive-gateway";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode gateway : graph.gateways()) {
      if (gateway.isExclusiveGateway() && gateway.scope().isExecutable()) {
        check(graph, gateway, context);
      }
    }
  }

  private static void check(BpmnGraph graph, FlowNode gateway, RuleContext context) {
    List<SequenceFlow> out = gateway.outgoing();
    Subject name = new Subject("Exclusive gateway", gateway);
    if (out.isEmpty()) {
      context.report(
          gateway,
          name
              + " has no outgoing sequence flow: a token that arrives has nowhere to go, and "
              + REFUSED);
      return;
    }
    if (out.size() == 1) {
      SequenceFlow only = out.get(0);
      if (only.hasCondition()) {
        context.report(
            gateway,
            name
                + " has one outgoing flow, "
                + only.describeTo()
                + ", and it has a condition: "
                + REFUSED
                + " (remove the condition, or add the flow to take when it does not hold)",
            BpmnElement.ids(out));
      }
      return;
    }
    String ref = gateway.defaultFlowRef();
    boolean named = ref != null && !ref.isEmpty();
    List<SequenceFlow> plain = new ArrayList<>();
    boolean anyCondition = false;
    for (SequenceFlow flow : out) {
      if (flow.hasCondition() && flow.isDefault()) {
        context.report(
            gateway,
            name
                + " takes "
                + flow.describeTo()
                + " as its default flow, which has a condition too: "
                + REFUSED
                + " (remove the condition: the default flow is taken when no other condition holds)",
            BpmnElement.ids(List.of(flow)));
      }
      anyCondition |= flow.hasCondition();
      if (!flow.hasCondition() && !flow.isDefault()) {
        plain.add(flow);
      }
    }
    // beside a condition or a default flow of the file, conditional-flows reports them; here every
    // flow is without a condition, and there are at least two
    if (anyCondition || (named && graph.element(ref) != null)) {
      return;
    }
    context.report(
        gateway,
        name
            + (named
                ? " names '"
                    + PlainText.oneLine(ref, PlainText.NAME_LENGTH)
                    + "' as its default flow, which is no element of the file, and has "
                : " has no default flow and ")
            + plain.size()
            + " flows without a condition ("
            + SequenceFlow.describeTo(plain)
            + "): "
            + REFUSED
            + " (give each flow but one a condition, and make that one the default flow)",
        BpmnElement.ids(plain));
  }
}
