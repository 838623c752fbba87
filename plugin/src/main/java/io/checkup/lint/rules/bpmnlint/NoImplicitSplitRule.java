package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;

/** An activity or event with several unconditional outgoing flows: an implicit parallel split. */
@RuleInfo(
    id = "no-implicit-split",
    severity = Severity.WARN,
    category = RuleInfo.Category.BPMNLINT,
    summary =
        "An activity or event with more than one unconditional outgoing flow (an implicit parallel split).")
public final class NoImplicitSplitRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.flowNodes()) {
      if (!node.isActivity() && !node.isEvent()) {
        continue;
      }
      String defaultFlow = ModelFacts.defaultFlow(graph, node);
      long unconditional = 0;
      for (SequenceFlow flow : node.outgoing()) {
        if (!flow.hasCondition() && !ModelFacts.isDefault(defaultFlow, flow)) {
          unconditional++;
        }
      }
      if (unconditional > 1) {
        context.report(node, "Flow splits implicitly");
      }
    }
  }
}
