package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.WitnessStep;
import io.checkup.lint.analysis.BranchArrivals;
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
            && analysis.isReachable(split)
            && !nonInterrupting(split).isEmpty()) {
          checkBoundaryPaths(split, analysis, stops, budget, witnesses, context);
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
    Set<FlowNode> joins = new LinkedHashSet<>();
    for (SequenceFlow flow : arrivals.reachedFlows()) {
      FlowNode target = flow.target();
      if (target != null && target.isExclusiveGateway() && target.isJoin()) {
        joins.add(target);
      }
    }
    for (FlowNode join : joins) {
      List<SequenceFlow> forward = new ArrayList<>(join.incoming().size());
      for (SequenceFlow flow : join.incoming()) {
        if (arrivals.branches(flow) != 0 && !analysis.isBackEdge(flow)) {
          forward.add(flow);
        }
      }
      SequenceFlow[] pair = concurrentPair(forward, arrivals);
      if (pair != null) {
        String kind = split.isParallelGateway() ? "parallel gateway " : "inclusive gateway ";
        List<WitnessStep> witness =
            witness(analysis, split, arrivals, pair, join, stops, witnesses);
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
  }

  /** The non-interrupting boundary events of an activity that lead somewhere. */
  private static List<FlowNode> nonInterrupting(FlowNode activity) {
    List<FlowNode> boundaries = new ArrayList<>();
    for (FlowNode boundary : activity.boundaryEvents()) {
      if (!boundary.cancelsActivity()
          && !boundary.hasEventDefinition("compensate")
          && !boundary.outgoing().isEmpty()
          && boundaries.size() < 62) {
        boundaries.add(boundary);
      }
    }
    return boundaries;
  }

  /**
   * A non-interrupting boundary event starts a path of its own while its activity goes on: merged
   * back into the activity's own path by an exclusive gateway, everything after the merge runs
   * twice when the event fires.
   */
  private void checkBoundaryPaths(
      FlowNode activity,
      ScopeAnalysis analysis,
      BitSet stops,
      WorkBudget budget,
      WorkBudget witnesses,
      RuleContext context) {
    List<FlowNode> boundaries = nonInterrupting(activity);
    List<SequenceFlow> firsts = new ArrayList<>(activity.outgoing());
    List<Long> bits = new ArrayList<>();
    for (int i = 0; i < firsts.size(); i++) {
      bits.add(1L);
    }
    for (int i = 0; i < boundaries.size(); i++) {
      for (SequenceFlow flow : boundaries.get(i).outgoing()) {
        firsts.add(flow);
        bits.add(1L << (i + 1));
      }
    }
    long[] bitArray = new long[bits.size()];
    for (int i = 0; i < bitArray.length; i++) {
      bitArray[i] = bits.get(i);
    }
    BranchArrivals arrivals = analysis.branchesReaching(activity, firsts, bitArray, stops, budget);
    if (budget.exhausted()) {
      return;
    }
    Set<FlowNode> joins = new LinkedHashSet<>();
    for (SequenceFlow flow : arrivals.reachedFlows()) {
      FlowNode target = flow.target();
      if (target != null && target.isExclusiveGateway() && target.isJoin()) {
        joins.add(target);
      }
    }
    for (FlowNode join : joins) {
      List<SequenceFlow> forward = new ArrayList<>(join.incoming().size());
      for (SequenceFlow flow : join.incoming()) {
        if (arrivals.branches(flow) != 0 && !analysis.isBackEdge(flow)) {
          forward.add(flow);
        }
      }
      SequenceFlow[] pair = concurrentPair(forward, arrivals);
      if (pair == null) {
        continue;
      }
      long first = arrivals.branches(pair[0]);
      long second = arrivals.branches(pair[1]);
      long one =
          Long.lowestOneBit(first & ~second) != 0
              ? Long.lowestOneBit(first & ~second)
              : Long.lowestOneBit(first);
      long other = Long.lowestOneBit(second & ~one);
      FlowNode event = boundaries.get(Long.numberOfTrailingZeros(one == 1L ? other : one) - 1);
      List<WitnessStep> witness = new ArrayList<>(Witnesses.to(analysis, activity));
      witness.addAll(
          Witnesses.along(
              analysis, firsts.get(bits.indexOf(one)), pair[0], activity, stops, witnesses));
      witness.addAll(
          Witnesses.along(
              analysis, firsts.get(bits.indexOf(other)), pair[1], activity, stops, witnesses));
      witness.add(
          new WitnessStep(
              join.id(),
              null,
              "both pass " + join.describe() + ", and what follows runs twice",
              join.line()));
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
    steps.add(
        new WitnessStep(
            join.id(),
            null,
            "both pass " + join.describe() + ", and what follows runs twice",
            join.line()));
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
