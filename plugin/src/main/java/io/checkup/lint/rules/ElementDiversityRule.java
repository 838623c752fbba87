package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.ElementKinds;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sizeable process built from very few kinds of element: it is probably not worked out in enough
 * detail.
 */
@RuleInfo(
    id = "element-diversity",
    severity = Severity.INFO,
    category = RuleInfo.Category.MISSION,
    summary = "A process of 10 or more flow nodes that uses fewer than 4 distinct element kinds.")
public final class ElementDiversityRule implements Rule {

  @Override
  public Map<String, Object> defaultOptions() {
    return Map.of("min-nodes", 10, "min-kinds", 4);
  }

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    int minNodes = context.intOption("min-nodes");
    int minKinds = context.intOption("min-kinds");
    for (Scope process : graph.processes()) {
      int nodes = 0;
      Set<String> kinds = new HashSet<>();
      for (Scope scope : process.selfAndDescendants()) {
        for (FlowNode node : scope.flowNodes()) {
          nodes++;
          ElementKinds.addTo(node, kinds);
        }
      }
      if (nodes >= minNodes && kinds.size() < minKinds) {
        context.report(
            process,
            "Low element diversity: process "
                + process.describe()
                + " has "
                + nodes
                + " flow nodes but only "
                + kinds.size()
                + " element kind"
                + (kinds.size() == 1 ? "" : "s")
                + " ("
                + String.join(", ", new TreeSet<>(kinds))
                + "); at least "
                + minKinds
                + " are expected");
      }
    }
  }
}
