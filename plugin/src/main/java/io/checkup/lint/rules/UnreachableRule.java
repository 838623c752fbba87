package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.analysis.ScopeAnalysis;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;

/**
 * A flow node no token can reach from any start of its scope. A node attached to (or inside) an
 * unreachable activity is not reported again: the activity is.
 */
@RuleInfo(
    id = "unreachable",
    severity = Severity.ERROR,
    category = RuleInfo.Category.FLOW,
    summary =
        "A flow node that no token can ever reach from a start of its process or sub-process.")
public final class UnreachableRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope process : graph.processes()) {
      checkScope(graph, process, context);
    }
  }

  private void checkScope(BpmnGraph graph, Scope scope, RuleContext context) {
    ScopeAnalysis analysis = ScopeAnalysis.of(graph, scope);
    for (FlowNode node : scope.flowNodes()) {
      boolean reachable = analysis.isReachable(node);
      if (!reachable
          && !(node.isBoundaryEvent()
              && node.attachedTo() != null
              && !analysis.isReachable(node.attachedTo()))) {
        context.report(
            node,
            describe(node)
                + " can never be reached: no path leads to it from a start of "
                + (scope.isProcess() ? "process " : "sub-process ")
                + scope.describe());
      }
      if (reachable
          && node.innerScope() != null
          && node.innerScope().kind() != Scope.Kind.AD_HOC_SUB_PROCESS) {
        checkScope(graph, node.innerScope(), context);
      }
    }
  }

  private static String describe(FlowNode node) {
    String text = node.describe();
    return Character.isUpperCase(text.charAt(0)) || text.startsWith("'") ? text : "Element " + text;
  }
}
