package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.analysis.ScopeAnalysis;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Concurrent branches of a parallel or inclusive split that meet again in an exclusive join: the join passes every
 * token on, so everything after it runs once per branch. Flows that close a loop into the join are not counted.
 */
@RuleInfo(id = "lack-of-synchronization", severity = Severity.WARN, category = RuleInfo.Category.FLOW,
    summary = "Branches of a parallel or inclusive split merged by an exclusive join: what follows runs once per "
        + "branch.")
public final class LackOfSynchronizationRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : graph.scopes()) {
      ScopeAnalysis analysis = ScopeAnalysis.of(graph, scope);
      for (FlowNode split : scope.flowNodes()) {
        if ((split.isParallelGateway() || split.isInclusiveGateway()) && split.isSplit()
            && analysis.isReachable(split)) {
          checkSplit(split, analysis, context);
        }
      }
    }
  }

  private void checkSplit(FlowNode split, ScopeAnalysis analysis, RuleContext context) {
    // parallel and inclusive joins synchronise the branches: beyond them the tokens are one again
    Map<SequenceFlow, BitSet> arrivals = analysis.branchesReaching(split,
        node -> (node.isParallelGateway() || node.isInclusiveGateway()) && node.isJoin());
    java.util.Set<FlowNode> reported = new java.util.HashSet<>();
    for (FlowNode join : analysis.nodes()) {
      if (!join.isExclusiveGateway() || !join.isJoin() || reported.contains(join)) {
        continue;
      }
      List<SequenceFlow> forward = join.incoming().stream()
          .filter(flow -> arrivals.containsKey(flow) && !analysis.isBackEdge(flow)).toList();
      for (int i = 0; i < forward.size() && !reported.contains(join); i++) {
        for (int j = i + 1; j < forward.size(); j++) {
          BitSet union = (BitSet) arrivals.get(forward.get(i)).clone();
          union.or(arrivals.get(forward.get(j)));
          // two different branches arrive through two different flows
          if (union.cardinality() >= 2) {
            String kind = split.isParallelGateway() ? "parallel gateway " : "inclusive gateway ";
            context.report(join, "Lack of synchronization: exclusive gateway " + join.describe()
                + " merges concurrent branches of " + kind + split.describe() + " (sequence flows "
                + forward.get(i).id() + " and " + forward.get(j).id()
                + ") without waiting; everything after it runs once per branch. Use a parallel"
                + (split.isInclusiveGateway() ? " or inclusive" : "") + " join",
                List.of(split.id(), forward.get(i).id(), forward.get(j).id()));
            reported.add(join);
            break;
          }
        }
      }
    }
  }
}
