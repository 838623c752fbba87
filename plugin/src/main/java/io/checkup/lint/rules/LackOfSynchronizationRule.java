package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.WitnessStep;
import io.checkup.lint.analysis.BranchArrivals;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        "Branches of a parallel or inclusive split merged by an exclusive join: what follows runs once per "
            + "branch.")
public final class LackOfSynchronizationRule implements Rule {

  static final String INCOMPLETE =
      "Synchronization analysis stopped early: this scope has too many interlocking branches to "
          + "follow them all; split it into sub-processes to have it checked completely";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : graph.scopes()) {
      ScopeAnalysis analysis = ScopeAnalysis.of(graph, scope);
      WorkBudget budget = WorkBudget.forScope(analysis);
      // witnesses spend from a budget of their own: they never cut the analysis short
      WorkBudget witnesses = WorkBudget.forScope(analysis);
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
          checkSplit(split, analysis, stops, budget, witnesses, context);
        } else if (split.isActivity()
            && !split.outgoing().isEmpty()
            && analysis.isReachable(split)) {
          checkBoundaryPaths(
              Outcomes.of(split, false), split, analysis, stops, budget, witnesses, context);
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
      WorkBudget witnesses,
      RuleContext context) {
    BranchArrivals arrivals = analysis.branchesReaching(split, stops, budget);
    for (Map.Entry<FlowNode, SequenceFlow[]> merge :
        concurrentMerges(analysis, arrivals).entrySet()) {
      FlowNode join = merge.getKey();
      SequenceFlow[] pair = merge.getValue();
      String kind = split.isParallelGateway() ? "parallel gateway " : "inclusive gateway ";
      List<WitnessStep> witness = witness(analysis, split, arrivals, pair, join, stops, witnesses);
      context.report(
          join,
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
              + " join. Witness: "
              + Witnesses.sentence(witness),
          BpmnElement.ids(split, pair[0], pair[1]),
          Map.of(),
          witness);
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

  /** The last step of a witness: both tokens pass the merge. */
  private static WitnessStep bothPass(FlowNode join) {
    return new WitnessStep(
        join.id(),
        null,
        "both pass " + join.describe() + ", and what follows runs twice",
        join.line());
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
      WorkBudget witnesses,
      RuleContext context) {
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
      List<WitnessStep> witness = new ArrayList<>(Witnesses.to(analysis, activity));
      witness.addAll(
          Witnesses.along(
              analysis,
              outcomes.firstFlow(Long.numberOfTrailingZeros(one)),
              pair[0],
              activity,
              stops,
              witnesses));
      witness.addAll(
          Witnesses.along(
              analysis,
              outcomes.firstFlow(Long.numberOfTrailingZeros(other)),
              pair[1],
              activity,
              stops,
              witnesses));
      witness.add(bothPass(join));
      context.report(
          join,
          "Lack of synchronization: exclusive gateway "
              + join.describe()
              + " merges the path of the non-interrupting event "
              + event.describe()
              + " with the path of "
              + activity.describe()
              + " ("
              + SequenceFlow.describeFlows(pair[0], pair[1])
              + "); when the event fires, the activity goes on too, and everything after the"
              + " merge runs twice. Witness: "
              + Witnesses.sentence(witness),
          BpmnElement.ids(activity, event, pair[0], pair[1]),
          Map.of(),
          witness);
    }
  }

  /**
   * The path to the double token: to the split, a token along each of two branches to the pair's
   * flows, both passing the join.
   */
  private static List<WitnessStep> witness(
      ScopeAnalysis analysis,
      FlowNode split,
      BranchArrivals arrivals,
      SequenceFlow[] pair,
      FlowNode join,
      BitSet stops,
      WorkBudget budget) {
    long first = arrivals.branches(pair[0]);
    long second = arrivals.branches(pair[1]);
    // two different branches, one to each flow
    long one =
        Long.lowestOneBit(first & ~second) != 0
            ? Long.lowestOneBit(first & ~second)
            : Long.lowestOneBit(first);
    long other = Long.lowestOneBit(second & ~one);
    List<SequenceFlow> branches = split.outgoing();
    SequenceFlow a = branches.get(Math.min(Long.numberOfTrailingZeros(one), branches.size() - 1));
    SequenceFlow b = branches.get(Math.min(Long.numberOfTrailingZeros(other), branches.size() - 1));
    List<WitnessStep> steps = new ArrayList<>(Witnesses.to(analysis, split));
    steps.add(
        new WitnessStep(
            split.id(),
            null,
            "at "
                + split.describe()
                + " a token goes along "
                + a.describeFlow()
                + " and another along "
                + b.describeFlow(),
            split.line()));
    for (List<WitnessStep> along :
        List.of(
            Witnesses.along(analysis, a, pair[0], split, stops, budget),
            Witnesses.along(analysis, b, pair[1], split, stops, budget))) {
      for (WitnessStep step : along) {
        if (!Objects.equals(step.elementId(), split.id())) {
          steps.add(step);
        }
      }
    }
    steps.add(bothPass(join));
    return steps;
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
