package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.analysis.BranchArrivals;
import io.checkup.lint.analysis.ScopeAnalysis;
import io.checkup.lint.analysis.WorkBudget;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parallel join fed by alternative branches of one exclusive or event-based split (no parallel
 * split between): only one branch ever carries a token, so the join waits forever.
 *
 * <p>Each branch of the split is followed forward until the split's post-dominator, a parallel
 * split (which makes the branches concurrent again) or a parallel join (which synchronises). Two
 * incoming flows of a parallel join deadlock it when one is fed by a branch the other never sees,
 * and the other by a branch the first never sees.
 */
@RuleInfo(
    id = "deadlock",
    severity = Severity.ERROR,
    category = RuleInfo.Category.FLOW,
    summary =
        "A parallel join waiting for branches of one exclusive or event-based split: it never completes.")
public final class DeadlockRule implements Rule {

  static final String INCOMPLETE =
      "Deadlock analysis stopped early: this scope has too many interlocking branches to "
          + "follow them all; split it into sub-processes to have it checked completely";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : graph.scopes()) {
      ScopeAnalysis analysis = ScopeAnalysis.of(graph, scope);
      WorkBudget budget = WorkBudget.forScope(analysis);
      BitSet stops = new BitSet();
      for (int i = 0; i < analysis.nodes().size(); i++) {
        FlowNode node = analysis.node(i);
        stops.set(i, isParallelSplit(node) || isParallelJoin(node));
      }
      for (FlowNode split : scope.flowNodes()) {
        if (budget.exhausted()) {
          break;
        }
        if ((split.isExclusiveGateway() || split.isEventBasedGateway())
            && split.isSplit()
            && analysis.isReachable(split)) {
          checkSplit(split, analysis, stops, budget, context);
        }
      }
      if (budget.exhausted()) {
        context.reportIncomplete(scope, INCOMPLETE);
      }
    }
  }

  private void checkSplit(
      FlowNode split,
      ScopeAnalysis analysis,
      BitSet stops,
      WorkBudget budget,
      RuleContext context) {
    BranchArrivals arrivals = analysis.branchesReaching(split, stops, budget);
    if (budget.exhausted()) {
      return; // a half-walked split could make two flows look like alternatives: no verdict from it
    }
    Map<FlowNode, List<SequenceFlow>> joins = new LinkedHashMap<>();
    for (SequenceFlow flow : arrivals.reachedFlows()) {
      FlowNode target = flow.target();
      if (target != null && isParallelJoin(target)) {
        List<SequenceFlow> fed = joins.get(target);
        if (fed == null) {
          fed = new ArrayList<>(2);
          joins.put(target, fed);
        }
        fed.add(flow);
      }
    }
    for (Map.Entry<FlowNode, List<SequenceFlow>> join : joins.entrySet()) {
      SequenceFlow[] pair = alternativePair(join.getValue(), arrivals);
      if (pair != null) {
        String gateway =
            split.isEventBasedGateway() ? "event-based gateway " : "exclusive gateway ";
        context.report(
            join.getKey(),
            "Deadlock: parallel join "
                + join.getKey().describe()
                + " waits for "
                + SequenceFlow.describeFlows(pair[0], pair[1])
                + ", but they come from different branches of "
                + gateway
                + split.describe()
                + "; only one of them ever carries a token, so the join never completes",
            BpmnElement.ids(split, pair[0], pair[1]));
      }
    }
  }

  /** Two flows where each is fed by a branch the other is not. */
  private static SequenceFlow[] alternativePair(List<SequenceFlow> flows, BranchArrivals arrivals) {
    for (int i = 0; i < flows.size(); i++) {
      for (int j = i + 1; j < flows.size(); j++) {
        long first = arrivals.branches(flows.get(i));
        long second = arrivals.branches(flows.get(j));
        if ((first & ~second) != 0 && (second & ~first) != 0) {
          return new SequenceFlow[] {flows.get(i), flows.get(j)};
        }
      }
    }
    return null;
  }

  static boolean isParallelJoin(FlowNode node) {
    return node.isParallelGateway() && node.isJoin();
  }

  /**
   * A parallel gateway that forks, or an activity whose several outgoing flows all carry tokens at
   * once.
   */
  static boolean isParallelSplit(FlowNode node) {
    if (node.isParallelGateway()) {
      return node.isSplit();
    }
    if (node.isGateway() || !node.isSplit()) {
      return false;
    }
    for (SequenceFlow flow : node.outgoing()) {
      if (flow.hasCondition() || flow.isDefault()) {
        return false;
      }
    }
    return true;
  }
}
