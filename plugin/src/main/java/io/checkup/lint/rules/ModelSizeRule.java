package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.Scope;
import java.util.Map;

/**
 * A scope with more than 50 flow nodes (Seven Process Modeling Guidelines, G7: above 50 elements
 * the error probability exceeds one half).
 */
@RuleInfo(
    id = "model-size",
    severity = Severity.WARN,
    category = RuleInfo.Category.FLOW,
    summary = "A process or sub-process with more than 50 flow nodes: decompose it.")
public final class ModelSizeRule implements Rule {

  @Override
  public Map<String, Object> defaultOptions() {
    return Map.of("max", 50);
  }

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    int max = context.intOption("max");
    for (Scope scope : graph.scopes()) {
      int size = scope.flowNodes().size();
      if (size > max) {
        String what = scope.isProcess() ? "Process " : "Sub-process ";
        context.report(
            scope,
            what
                + scope.describe()
                + " has "
                + size
                + " flow nodes, more than "
                + max
                + "; decompose it into sub-processes or call activities");
      }
    }
  }
}
