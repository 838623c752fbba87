package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;

/**
 * An activity or event with several incoming flows: they do not join, each one starts the node
 * again.
 */
@RuleInfo(
    id = "fake-join",
    severity = Severity.WARN,
    category = RuleInfo.Category.BPMNLINT,
    summary =
        "An activity or event with more than one incoming flow (an implicit, non-synchronising join).")
public final class FakeJoinRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.flowNodes()) {
      if ((node.isActivity() || node.isEvent()) && node.incoming().size() > 1) {
        context.report(node, "Incoming flows do not join");
      }
    }
  }
}
