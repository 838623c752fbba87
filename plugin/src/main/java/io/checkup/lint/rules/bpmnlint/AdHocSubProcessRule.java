package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;

/** Start and end events directly inside an ad-hoc sub-process. */
@RuleInfo(
    id = "ad-hoc-sub-process",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary = "An ad-hoc sub-process that contains a start or end event.")
public final class AdHocSubProcessRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : graph.scopes()) {
      if (scope.kind() != Scope.Kind.AD_HOC_SUB_PROCESS) {
        continue;
      }
      for (FlowNode node : scope.flowNodes()) {
        if (node.isStartEvent()) {
          context.report(node, "A <Start Event> is not allowed in <Ad Hoc Sub Process>");
        } else if (node.isEndEvent()) {
          context.report(node, "An <End Event> is not allowed in <Ad Hoc Sub Process>");
        }
      }
    }
  }
}
