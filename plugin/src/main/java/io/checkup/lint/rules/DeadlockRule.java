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
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parallel join fed by alternative branches of one exclusive or event-based split (no parallel
 * split between): only one branch ever carries a token, so the join waits forever. Behind an
 * inclusive split, a parallel join that one of the split's possible choices feeds on one incoming
 * flow and not on another: its default flow (taken only when no condition holds) against its
 * conditional flows, or one condition holding without another.
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
        "A parallel join waiting for branches of one split that are never all taken: it never completes.")
public final class DeadlockRule implements Rule {

  static final String INCOMPLETE =
      "Deadlock analysis stopped early: this scope has too many interlocking branches to "
          + "follow them all; split it into sub-processes to have it checked completely";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : graph.scopes()) {
      ScopeAnalysis analysis = ScopeAnalysis.of(graph, scope);
      WorkBudget budget = WorkBudget.forScope(analysis);
      // witnesses spend from a budget of their own: they never cut the analysis short
      WorkBudget witnesses = WorkBudget.forScope(analysis);
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
          checkSplit(split, analysis, stops, budget, witnesses, context);
        } else if (split.isActivity() && analysis.isReachable(split)) {
          checkOutcomes(
              Outcomes.of(split, true), split, analysis, stops, budget, witnesses, context);
        } else if (split.isInclusiveGateway()
            && split.isSplit()
            && split.outgoing().size() < 64
            && analysis.isReachable(split)) {
          checkInclusiveSplit(split, analysis, stops, budget, witnesses, context);
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
    if (budget.exhausted()) {
      return; // a half-walked split could make two flows look like alternatives: no verdict from it
    }
    Map<FlowNode, List<SequenceFlow>> joins = parallelJoinsFed(arrivals);
    for (Map.Entry<FlowNode, List<SequenceFlow>> join : joins.entrySet()) {
      SequenceFlow[] pair = alternativePair(join.getValue(), arrivals);
      if (pair != null) {
        String gateway =
            split.isEventBasedGateway() ? "event-based gateway " : "exclusive gateway ";
        long only = arrivals.branches(pair[0]) & ~arrivals.branches(pair[1]);
        List<WitnessStep> witness =
            witness(analysis, split, only, pair[0], pair[1], join.getKey(), stops, witnesses);
        context.report(
            join.getKey(),
            "Deadlock: parallel join "
                + join.getKey().describe()
                + " waits for "
                + SequenceFlow.describeFlows(pair[0], pair[1])
                + ", but they come from different branches of "
                + gateway
                + split.describe()
                + "; only one of them ever carries a token, so the join never completes. Witness: "
                + Witnesses.sentence(witness),
            BpmnElement.ids(split, pair[0], pair[1]),
            Map.of(),
            witness);
      }
    }
  }

  /**
   * The path to the deadlock: to the split, along a branch in {@code branches} to {@code arrives},
   * then the join waiting for {@code missing}.
   */
  private static List<WitnessStep> witness(
      ScopeAnalysis analysis,
      FlowNode split,
      long branches,
      SequenceFlow arrives,
      SequenceFlow missing,
      FlowNode join,
      BitSet stops,
      WorkBudget budget) {
    List<WitnessStep> steps = new ArrayList<>(Witnesses.to(analysis, split));
    SequenceFlow branch =
        split
            .outgoing()
            .get(Math.min(Long.numberOfTrailingZeros(branches), split.outgoing().size() - 1));
    List<WitnessStep> along = Witnesses.along(analysis, branch, arrives, split, stops, budget);
    if (along.isEmpty() || !Objects.equals(along.get(0).elementId(), split.id())) {
      steps.add(
          new WitnessStep(
              split.id(),
              branch.id(),
              "at " + split.describe() + " take " + branch.describe(),
              split.line()));
    }
    steps.addAll(along);
    steps.add(waitsForever(join, missing));
    return steps;
  }

  /** The last step of a deadlock's witness: the join waits for the flow that never comes. */
  private static WitnessStep waitsForever(FlowNode join, SequenceFlow missing) {
    return new WitnessStep(
        join.id(),
        missing.id(),
        join.describe() + " waits forever for " + missing.describeFlow(),
        join.line());
  }

  /**
   * An activity with interrupting boundary events ends in exactly one of its outcomes: it completes
   * (its outgoing flows), or one of those events fires (that event's flows), never two. A parallel
   * join fed by two different outcomes waits forever.
   */
  private void checkOutcomes(
      Outcomes outcomes,
      FlowNode activity,
      ScopeAnalysis analysis,
      BitSet stops,
      WorkBudget budget,
      WorkBudget witnesses,
      RuleContext context) {
    List<FlowNode> boundaries = outcomes.boundaries();
    if (boundaries.isEmpty() || (activity.outgoing().isEmpty() && boundaries.size() < 2)) {
      return;
    }
    BranchArrivals arrivals = outcomes.walk(analysis, stops, budget);
    if (budget.exhausted()) {
      return;
    }
    for (Map.Entry<FlowNode, List<SequenceFlow>> join : parallelJoinsFed(arrivals).entrySet()) {
      SequenceFlow[] pair = alternativePair(join.getValue(), arrivals);
      if (pair == null) {
        continue;
      }
      long first = arrivals.branches(pair[0]) & ~arrivals.branches(pair[1]);
      long second = arrivals.branches(pair[1]) & ~arrivals.branches(pair[0]);
      int one = Long.numberOfTrailingZeros(first);
      int other = Long.numberOfTrailingZeros(second);
      List<WitnessStep> witness = new ArrayList<>(Witnesses.to(analysis, activity));
      SequenceFlow start = outcomes.firstFlow(one);
      if (one == 0) {
        witness.add(
            new WitnessStep(
                activity.id(), null, activity.describe() + " completes", activity.line()));
      }
      witness.addAll(Witnesses.along(analysis, start, pair[0], activity, stops, witnesses));
      witness.add(waitsForever(join.getKey(), pair[1]));
      context.report(
          join.getKey(),
          "Deadlock: parallel join "
              + join.getKey().describe()
              + " waits for "
              + SequenceFlow.describeFlows(pair[0], pair[1])
              + ", but they come from different outcomes of "
              + activity.describe()
              + ": either "
              + outcome(outcomes, one)
              + " or "
              + outcome(outcomes, other)
              + ", never both, so the join never completes. Witness: "
              + Witnesses.sentence(witness),
          BpmnElement.ids(activity, pair[0], pair[1]),
          Map.of(),
          witness);
    }
  }

  private static String outcome(Outcomes outcomes, int bit) {
    return bit == 0
        ? "it completes"
        : "its interrupting event " + outcomes.boundary(bit).describe() + " fires";
  }

  /** The parallel joins the branches reach, each with its incoming flows that they reach. */
  private static Map<FlowNode, List<SequenceFlow>> parallelJoinsFed(BranchArrivals arrivals) {
    Map<FlowNode, List<SequenceFlow>> joins = new LinkedHashMap<>();
    for (SequenceFlow flow : arrivals.reachedFlows()) {
      FlowNode target = flow.target();
      if (target != null && isParallelJoin(target)) {
        joins.computeIfAbsent(target, join -> new ArrayList<>(2)).add(flow);
      }
    }
    return joins;
  }

  /**
   * An inclusive split takes every unconditional flow and any set of its conditional flows (empty
   * only when an unconditional flow is taken, since Camunda refuses to take none), or else, when
   * nothing else is taken, its default flow alone: a parallel join behind it that one such choice
   * feeds on one incoming flow and not on another waits forever.
   */
  private void checkInclusiveSplit(
      FlowNode split,
      ScopeAnalysis analysis,
      BitSet stops,
      WorkBudget budget,
      WorkBudget witnesses,
      RuleContext context) {
    BranchArrivals arrivals = analysis.branchesReaching(split, stops, budget);
    if (budget.exhausted()) {
      return;
    }
    List<SequenceFlow> branches = split.outgoing();
    long always = 0;
    long conditional = 0;
    long fallback = 0;
    for (int i = 0; i < branches.size(); i++) {
      SequenceFlow branch = branches.get(i);
      if (branch.isDefault()) {
        fallback |= 1L << i;
      } else if (branch.hasCondition()) {
        conditional |= 1L << i;
      } else {
        always |= 1L << i;
      }
    }
    for (Map.Entry<FlowNode, List<SequenceFlow>> join : parallelJoinsFed(arrivals).entrySet()) {
      List<SequenceFlow> fed = join.getValue();
      for (int i = 0; i < fed.size(); i++) {
        for (int k = 0; k < fed.size(); k++) {
          if (i == k) {
            continue;
          }
          Choice choice =
              choiceFeedingOnlyFirst(
                  arrivals.branches(fed.get(i)),
                  arrivals.branches(fed.get(k)),
                  always,
                  conditional,
                  fallback,
                  branches);
          if (choice != null) {
            List<WitnessStep> witness =
                witness(
                    analysis,
                    split,
                    choice.taken() & arrivals.branches(fed.get(i)),
                    fed.get(i),
                    fed.get(k),
                    join.getKey(),
                    stops,
                    witnesses);
            context.report(
                join.getKey(),
                "Deadlock: parallel join "
                    + join.getKey().describe()
                    + " waits for "
                    + SequenceFlow.describeFlows(fed.get(i), fed.get(k))
                    + ", but inclusive gateway "
                    + split.describe()
                    + " can send a token along the first without one along the second ("
                    + choice.text()
                    + "), so the join never completes. Witness: "
                    + Witnesses.sentence(witness),
                BpmnElement.ids(split, fed.get(i), fed.get(k)),
                Map.of(),
                witness);
            return;
          }
        }
      }
    }
  }

  /** A choice of an inclusive split: the branches it takes, and why, in words. */
  private record Choice(long taken, String text) {}

  /**
   * A choice of the inclusive split that feeds a flow with branches {@code first} and none with
   * branches {@code second}; null when there is none.
   */
  private static Choice choiceFeedingOnlyFirst(
      long first,
      long second,
      long always,
      long conditional,
      long fallback,
      List<SequenceFlow> branches) {
    if ((always & second) != 0) {
      return null; // an unconditional branch always feeds the second
    }
    // the default flow is taken only when no other flow is: never beside an unconditional one
    if (fallback != 0 && always == 0 && (fallback & first) != 0 && (fallback & second) == 0) {
      return new Choice(
          fallback,
          "its default "
              + branches.get(Long.numberOfTrailingZeros(fallback)).describeFlow()
              + " is taken only when no condition holds");
    }
    long onlyFirst = conditional & first & ~second;
    if (onlyFirst != 0) {
      return new Choice(
          Long.lowestOneBit(onlyFirst) | always,
          "when only the condition of "
              + branches.get(Long.numberOfTrailingZeros(onlyFirst)).describeFlow()
              + " holds");
    }
    if ((always & first) != 0) {
      // the unconditional branches alone are a choice too: no condition need hold
      return new Choice(always, "when no condition holds, only its unconditional flows are taken");
    }
    return null;
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
