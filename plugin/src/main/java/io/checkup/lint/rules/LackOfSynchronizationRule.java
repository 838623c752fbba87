package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.WitnessStep;
import io.checkup.lint.analysis.BranchArrivals;
import io.checkup.lint.analysis.FlowVerdict;
import io.checkup.lint.analysis.Outcomes;
import io.checkup.lint.analysis.ScopeAnalysis;
import io.checkup.lint.analysis.Witnesses;
import io.checkup.lint.analysis.WorkBudget;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Concurrent branches of a parallel or inclusive split that meet again in an exclusive join: the
 * join passes every token on, so everything after it runs once per branch. Flows that close a loop
 * into the join are not counted.
 */
@RuleInfo(
    id = "lack-of-synchronization",
    severity = Severity.WARN,
    category = RuleInfo.Category.FLOW,
    summary =
        "Two tokens of one occurrence pass one point without waiting for each other: what follows runs twice.")
public final class LackOfSynchronizationRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : graph.scopes()) {
      FlowVerdict verdict = FlowVerdict.of(graph, scope);
      if (verdict.status() == FlowVerdict.Status.TOO_TANGLED) {
        context.reportIncomplete(scope, FlowRules.incomplete("Synchronization", verdict));
      }
      if (verdict.duplicates().isEmpty()) {
        continue;
      }
      Map<FlowNode, Explanation> explained = explain(graph, scope);
      for (FlowVerdict.Found found : verdict.duplicates().values()) {
        FlowNode merge = found.at();
        Explanation why = explained.get(merge);
        if (why != null && found.flow() != why.pair()[0] && found.flow() != why.pair()[1]) {
          why = null; // the second token comes another way than the structure says
        }
        String text =
            why != null
                ? why.text()
                : "Lack of synchronization: two tokens of one occurrence pass "
                    + merge.describe()
                    + " without waiting for each other; everything after it runs twice.";
        List<WitnessStep> witness =
            why != null && why.split() != null
                ? fromSplit(ScopeAnalysis.of(graph, scope), why.split(), merge, found.witness())
                : found.witness();
        context.report(
            merge,
            text + " Witness: " + Witnesses.sentence(witness),
            why != null ? why.ids() : BpmnElement.ids(merge),
            Map.of(),
            witness);
      }
    }
  }

  /**
   * The witness with the split whose branches meet, before the first step after it: a split needs
   * no choice, so the exploration's witness leaves it out, and a path of concurrent branches that
   * needs no choice at all would be the merge alone (a code-scanning view would show no path).
   */
  private static List<WitnessStep> fromSplit(
      ScopeAnalysis analysis, FlowNode split, FlowNode merge, List<WitnessStep> witness) {
    for (WitnessStep step : witness) {
      if (split.id() != null && split.id().equals(step.elementId())) {
        return witness;
      }
    }
    // the ids of the nodes on the split's branches up to the merge: in a loop, the steps that lead
    // to the split lie beyond the merge
    int from = analysis.indexOf(split);
    int until = analysis.indexOf(merge);
    BitSet seeds = new BitSet();
    seeds.set(from);
    BitSet branches = analysis.reachedFrom(seeds, (at, next) -> at != until && next != from);
    branches.clear(from);
    Set<String> after = new HashSet<>();
    for (int i = branches.nextSetBit(0); i >= 0; i = branches.nextSetBit(i + 1)) {
      if (analysis.node(i).id() != null) {
        after.add(analysis.node(i).id());
      }
    }
    int at = witness.size() - 1;
    for (int i = 0; i < witness.size(); i++) {
      if (after.contains(witness.get(i).elementId())) {
        at = Math.min(at, i);
        break;
      }
    }
    List<WitnessStep> steps = new ArrayList<>(witness);
    steps.add(
        Math.max(at, 0),
        new WitnessStep(split.id(), null, split.describe() + " starts its branches", split.line()));
    return steps;
  }

  /** Why work runs twice, in the modeler's terms, where the structure of the model says it. */
  private record Explanation(String text, List<String> ids, SequenceFlow[] pair, FlowNode split) {}

  /**
   * The double tokens that the splits' branches explain: concurrent branches or a non-interrupting
   * event's path merged by an exclusive gateway. Run only where the exploration found a double
   * token.
   */
  private Map<FlowNode, Explanation> explain(BpmnGraph graph, Scope scope) {
    Map<FlowNode, Explanation> explained = new LinkedHashMap<>();
    ScopeAnalysis analysis = ScopeAnalysis.of(graph, scope);
    WorkBudget budget = WorkBudget.forScope(analysis);
    // parallel and inclusive joins synchronise the branches: beyond them the tokens are one again
    BitSet stops = new BitSet();
    for (int i = 0; i < analysis.nodes().size(); i++) {
      FlowNode node = analysis.node(i);
      stops.set(i, (node.isParallelGateway() || node.isInclusiveGateway()) && node.isJoin());
    }
    for (FlowNode split : scope.flowNodes()) {
      if (budget.exhausted()) {
        break;
      }
      if ((split.isParallelGateway() || split.isInclusiveGateway())
          && split.isSplit()
          && analysis.isReachable(split)) {
        checkSplit(split, analysis, stops, budget, explained);
      } else if (split.isActivity() && !split.outgoing().isEmpty() && analysis.isReachable(split)) {
        checkBoundaryPaths(Outcomes.of(split, false), split, analysis, stops, budget, explained);
      }
    }
    return explained;
  }

  private void checkSplit(
      FlowNode split,
      ScopeAnalysis analysis,
      BitSet stops,
      WorkBudget budget,
      Map<FlowNode, Explanation> explained) {
    BranchArrivals arrivals = analysis.branchesReaching(split, stops, budget);
    for (Map.Entry<FlowNode, SequenceFlow[]> merge :
        concurrentMerges(analysis, arrivals).entrySet()) {
      FlowNode join = merge.getKey();
      SequenceFlow[] pair = merge.getValue();
      String kind = split.isParallelGateway() ? "parallel gateway " : "inclusive gateway ";
      explained.putIfAbsent(
          join,
          new Explanation(
              "Lack of synchronization: exclusive gateway "
                  + join.describe()
                  + " merges concurrent branches of "
                  + kind
                  + split.describe()
                  + " ("
                  + SequenceFlow.describeFlows(pair[0], pair[1])
                  + ") without waiting; everything after it runs once per branch. "
                  + "Use "
                  + (split.isInclusiveGateway() ? "an inclusive" : "a parallel")
                  + " join.",
              BpmnElement.ids(split, pair[0], pair[1]),
              pair,
              split));
    }
  }

  /**
   * The exclusive joins the branches reach, each with two of its forward incoming flows that carry
   * different branches (so two tokens pass it), where there are such.
   */
  private static Map<FlowNode, SequenceFlow[]> concurrentMerges(
      ScopeAnalysis analysis, BranchArrivals arrivals) {
    Set<FlowNode> joins = new LinkedHashSet<>();
    for (SequenceFlow flow : arrivals.reachedFlows()) {
      FlowNode target = flow.target();
      if (target != null && target.isExclusiveGateway() && target.isJoin()) {
        joins.add(target);
      }
    }
    Map<FlowNode, SequenceFlow[]> merges = new LinkedHashMap<>();
    for (FlowNode join : joins) {
      List<SequenceFlow> forward = new ArrayList<>(join.incoming().size());
      for (SequenceFlow flow : join.incoming()) {
        if (arrivals.branches(flow) != 0 && !analysis.isBackEdge(flow)) {
          forward.add(flow);
        }
      }
      SequenceFlow[] pair = concurrentPair(forward, arrivals);
      if (pair != null) {
        merges.put(join, pair);
      }
    }
    return merges;
  }

  /**
   * A non-interrupting boundary event starts a path of its own while its activity goes on: merged
   * back into the activity's own path by an exclusive gateway, everything after the merge runs
   * twice when the event fires.
   */
  private void checkBoundaryPaths(
      Outcomes outcomes,
      FlowNode activity,
      ScopeAnalysis analysis,
      BitSet stops,
      WorkBudget budget,
      Map<FlowNode, Explanation> explained) {
    if (outcomes.boundaries().isEmpty()) {
      return;
    }
    BranchArrivals arrivals = outcomes.walk(analysis, stops, budget);
    if (budget.exhausted()) {
      return;
    }
    for (Map.Entry<FlowNode, SequenceFlow[]> merge :
        concurrentMerges(analysis, arrivals).entrySet()) {
      FlowNode join = merge.getKey();
      SequenceFlow[] pair = merge.getValue();
      long first = arrivals.branches(pair[0]);
      long second = arrivals.branches(pair[1]);
      long one =
          Long.lowestOneBit(first & ~second) != 0
              ? Long.lowestOneBit(first & ~second)
              : Long.lowestOneBit(first);
      long other = Long.lowestOneBit(second & ~one);
      FlowNode event = outcomes.boundary(Long.numberOfTrailingZeros(one == 1L ? other : one));
      explained.putIfAbsent(
          join,
          new Explanation(
              "Lack of synchronization: exclusive gateway "
                  + join.describe()
                  + " merges the path of the non-interrupting event "
                  + event.describe()
                  + " with the path of "
                  + activity.describe()
                  + " ("
                  + SequenceFlow.describeFlows(pair[0], pair[1])
                  + "); when the event fires, the activity goes on too, and everything after the"
                  + " merge runs twice.",
              BpmnElement.ids(activity, event, pair[0], pair[1]),
              pair,
              null));
    }
  }

  /** Two flows that carry two different branches of the split (so two tokens arrive). */
  private static SequenceFlow[] concurrentPair(List<SequenceFlow> flows, BranchArrivals arrivals) {
    for (int i = 0; i < flows.size(); i++) {
      for (int j = i + 1; j < flows.size(); j++) {
        if (Long.bitCount(arrivals.branches(flows.get(i)) | arrivals.branches(flows.get(j))) >= 2) {
          return new SequenceFlow[] {flows.get(i), flows.get(j)};
        }
      }
    }
    return null;
  }
}
