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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reachable state from which the scope never completes because tokens wait at a join that never
 * fires, as the exact exploration of {@link FlowVerdict} finds it, with its shortest witness. Where
 * the structure explains it, the message says why in the modeler's terms:
 *
 * <p>A parallel join fed by alternative branches of one exclusive or event-based split (no parallel
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
        "A join that a reachable state leaves waiting forever: the process or sub-process never completes.")
public final class DeadlockRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope scope : graph.scopes()) {
      FlowVerdict verdict = FlowVerdict.of(graph, scope);
      if (verdict.status() == FlowVerdict.Status.TOO_TANGLED) {
        context.reportIncomplete(scope, FlowRules.incomplete("Deadlock", verdict));
      }
      if (verdict.deadlocks().isEmpty()) {
        continue;
      }
      Map<FlowNode, List<Explanation>> explained = explain(graph, scope);
      for (FlowVerdict.Found found : verdict.deadlocks().values()) {
        FlowNode join = found.at();
        // the structure may point at another cause than the path found: then say only what is sure
        Explanation why = null;
        for (Explanation candidate : explained.getOrDefault(join, List.of())) {
          if (candidate.shows(found)) {
            why = candidate;
            break;
          }
        }
        String text =
            why != null
                ? why.text()
                : "Deadlock: "
                    + (join.isInclusiveGateway() ? "inclusive join " : "parallel join ")
                    + join.describe()
                    + " waits forever for "
                    + SequenceFlow.describeFrom(found.waitsFor())
                    + ": a reachable state leaves a token waiting there that nothing can join,"
                    + " so the scope never completes."
                    + (join.isInclusiveGateway()
                        ? " Camunda 7 asks an inclusive join only when a token arrives: one that"
                            + " arrived while another could still come waits, and nothing asks"
                            + " again when that other token goes elsewhere."
                        : "");
        context.report(
            join,
            text + " Witness: " + Witnesses.sentence(found.witness()),
            why != null ? why.ids() : BpmnElement.ids(join, found.flow()),
            Map.of(),
            found.witness());
      }
    }
  }

  /**
   * Why a join deadlocks, in the modeler's terms, where the structure of the model says it: the
   * split or activity whose alternatives feed it, and the flows that wait for each other.
   */
  private record Explanation(
      String text, List<String> ids, FlowNode cause, SequenceFlow[] pair, boolean ordered) {

    /**
     * True when the path found is the one explained: the join waits for one of the pair (for an
     * inclusive split, the second, which its choice leaves empty), and the path passes a choice or
     * an event of the cause.
     */
    boolean shows(FlowVerdict.Found found) {
      if (ordered) {
        return found.flow() == pair[1]; // the inclusive split's choice makes no step of its own
      }
      if (found.flow() != pair[0] && found.flow() != pair[1]) {
        return false;
      }
      Set<String> elements = new HashSet<>();
      for (WitnessStep step : found.witness()) {
        elements.add(step.elementId());
      }
      if (cause.id() != null && elements.contains(cause.id())) {
        return true;
      }
      for (FlowNode boundary : cause.boundaryEvents()) {
        if (boundary.id() != null && elements.contains(boundary.id())) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The deadlocks that the splits' branches explain: a parallel join fed by alternatives of one
   * split or one activity's outcomes. Run only where the exploration found a deadlock.
   */
  private Map<FlowNode, List<Explanation>> explain(BpmnGraph graph, Scope scope) {
    Map<FlowNode, List<Explanation>> explained = new LinkedHashMap<>();
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
        checkSplit(split, analysis, stops, budget, explained);
      } else if (split.isActivity() && analysis.isReachable(split)) {
        checkOutcomes(Outcomes.of(split, true), split, analysis, stops, budget, explained);
        checkOptionalEvents(split, analysis, stops, budget, explained);
      } else if (split.isInclusiveGateway()
          && split.isSplit()
          && split.outgoing().size() < 64
          && analysis.isReachable(split)) {
        checkInclusiveSplit(split, analysis, stops, budget, explained);
      }
    }
    return explained;
  }

  private void checkSplit(
      FlowNode split,
      ScopeAnalysis analysis,
      BitSet stops,
      WorkBudget budget,
      Map<FlowNode, List<Explanation>> explained) {
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
        explain(
            explained,
            join.getKey(),
            pair,
            split,
            false,
            "they come from different branches of "
                + gateway
                + split.describe()
                + "; only one of them ever carries a token");
      }
    }
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
      Map<FlowNode, List<Explanation>> explained) {
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
      explain(
          explained,
          join.getKey(),
          pair,
          activity,
          false,
          "they come from different outcomes of "
              + activity.describe()
              + ": either "
              + outcome(outcomes, one)
              + " or "
              + outcome(outcomes, other)
              + ", never both");
    }
  }

  /**
   * A non-interrupting boundary event may fire while its activity runs, or never: a parallel join
   * fed on one incoming flow by the activity's completion and on another only by the paths of such
   * events waits forever for the second when none fires. An event that fires on every completion
   * (an escalation the sub-process always throws) is no such path.
   */
  private void checkOptionalEvents(
      FlowNode activity,
      ScopeAnalysis analysis,
      BitSet stops,
      WorkBudget budget,
      Map<FlowNode, List<Explanation>> explained) {
    Outcomes events = Outcomes.of(activity, false);
    if (events.boundaries().isEmpty() || activity.outgoing().isEmpty()) {
      return;
    }
    BranchArrivals arrivals = events.walk(analysis, stops, budget);
    if (budget.exhausted()) {
      return;
    }
    long always = 0;
    for (int bit = 1; bit <= events.boundaries().size(); bit++) {
      if (events.firesOnEveryCompletion(bit)) {
        always |= 1L << bit;
      }
    }
    for (Map.Entry<FlowNode, List<SequenceFlow>> join : parallelJoinsFed(arrivals).entrySet()) {
      List<SequenceFlow> fed = join.getValue();
      for (SequenceFlow completion : fed) {
        for (SequenceFlow optional : fed) {
          long fromEvents = arrivals.branches(optional);
          if ((arrivals.branches(completion) & 1L) == 0
              || fromEvents == 0
              || (fromEvents & 1L) != 0
              || (fromEvents & always) != 0) {
            continue;
          }
          String paths =
              Long.bitCount(fromEvents) == 1
                  ? "the path of its non-interrupting event "
                      + events.boundary(Long.numberOfTrailingZeros(fromEvents)).describe()
                  : "the paths of its non-interrupting events";
          explain(
              explained,
              join.getKey(),
              new SequenceFlow[] {completion, optional},
              activity,
              true,
              activity.describe()
                  + " may complete without any non-interrupting event firing, and only "
                  + paths
                  + " feeds "
                  + optional.describeFlow());
        }
      }
    }
  }

  /** Adds why the join waits for the pair forever, caused by the choices of {@code cause}. */
  private static void explain(
      Map<FlowNode, List<Explanation>> explained,
      FlowNode join,
      SequenceFlow[] pair,
      FlowNode cause,
      boolean ordered,
      String reason) {
    explained
        .computeIfAbsent(join, key -> new ArrayList<>())
        .add(
            new Explanation(
                "Deadlock: parallel join "
                    + join.describe()
                    + " waits for "
                    + SequenceFlow.describeFlows(pair[0], pair[1])
                    + ", but "
                    + reason
                    + ", so the join never completes.",
                BpmnElement.ids(cause, pair[0], pair[1]),
                cause,
                pair,
                ordered));
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
      Map<FlowNode, List<Explanation>> explained) {
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
            explain(
                explained,
                join.getKey(),
                new SequenceFlow[] {fed.get(i), fed.get(k)},
                split,
                true,
                "inclusive gateway "
                    + split.describe()
                    + " can send a token along the first without one along the second ("
                    + choice.text()
                    + ")");
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
