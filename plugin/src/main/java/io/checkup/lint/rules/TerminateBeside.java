package io.checkup.lint.rules;

import io.checkup.lint.analysis.ScopeAnalysis;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Whether a terminate end event on a path that runs beside a loop can end the loop's scope: the
 * pizza order's "where is my pizza?" loop that waits for the customer's call, beside the branch
 * that delivers and ends with a terminate end event. A token that may take that path while another
 * is in the loop ends them both, as an interrupting event from outside does.
 *
 * <p>"Beside" means on another branch of one node whose branches all run, where every way into the
 * loop passes that node (so the other branch was started whenever the loop runs): a parallel or
 * inclusive split, an activity or event with several outgoing flows; or on the path of a
 * non-interrupting boundary event of an activity that every turn of the loop passes (set again on
 * every turn: the loop's own reminder that escalates to a terminate end event). The alternatives of
 * an exclusive or event-based gateway are not beside each other, nor is a default flow beside the
 * flows whose conditions it is the opposite of. A loop inside a sub-process is ended too by such a
 * terminate beside the sub-process in the scope around it (not from an event sub-process, whose
 * parent goes on).
 *
 * <p>Linear per check: two walks of the scope and one more for each of at most {@value #CANDIDATES}
 * nodes that could be the one; a scope gets at most {@value #CHECKS} checks, the loops after them
 * are reported as they are.
 */
final class TerminateBeside {

  /** Nodes whose branches are tried as the one that starts the loop and a terminate, per check. */
  static final int CANDIDATES = 8;

  /** Checks per scope (one per loop without exit): a model of thousands stays linear. */
  static final int CHECKS = 64;

  private TerminateBeside() {}

  private record Checks(Scope scope) {}

  /** True when a terminate end event beside {@code trap} (nodes of the analysis' scope) ends it. */
  static boolean endsTrap(BpmnGraph graph, ScopeAnalysis analysis, Collection<FlowNode> trap) {
    ScopeAnalysis here = analysis;
    Collection<FlowNode> targets = trap;
    if (reminderOnEveryTurn(toTerminate(graph, analysis), analysis, trap)) {
      return true;
    }
    while (true) {
      int[] done = graph.memoized(new Checks(here.scope()));
      if (done == null) {
        done = new int[1];
        graph.memoize(new Checks(here.scope()), done);
      }
      if (done[0]++ >= CHECKS) {
        return false;
      }
      if (terminatesBeside(toTerminate(graph, here), here, targets)) {
        return true;
      }
      Scope scope = here.scope();
      FlowNode owner = scope.owner();
      if (owner == null || scope.parent() == null || scope.kind() == Scope.Kind.EVENT_SUB_PROCESS) {
        return false;
      }
      here = ScopeAnalysis.of(graph, scope.parent());
      if (here.indexOf(owner) < 0) {
        return false;
      }
      targets = List.of(owner);
    }
  }

  private static boolean terminatesBeside(
      BitSet toTerminate, ScopeAnalysis analysis, Collection<FlowNode> targets) {
    if (toTerminate.isEmpty()) {
      return false;
    }
    BitSet seeds = new BitSet();
    for (FlowNode target : targets) {
      seeds.set(analysis.indexOf(target));
    }
    BitSet toTargets = analysis.leadingTo(seeds);
    int tried = 0;
    for (FlowNode node : analysis.nodes()) {
      if (!analysis.isReachable(node) || !toTargets.get(analysis.indexOf(node))) {
        continue;
      }
      List<List<FlowNode>> branches = branchesThatAllRun(analysis, node);
      if (branches.size() < 2 || !besideEachOther(analysis, branches, toTargets, toTerminate)) {
        continue;
      }
      if (tried++ == CANDIDATES) {
        return false;
      }
      if (passedOnEveryWayIn(analysis, node, seeds)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one branch leads to the targets and another one to a terminate end event. */
  private static boolean besideEachOther(
      ScopeAnalysis analysis, List<List<FlowNode>> branches, BitSet toTargets, BitSet toTerminate) {
    int toTarget = 0;
    int toEnd = 0;
    int both = 0;
    for (List<FlowNode> branch : branches) {
      boolean target = anyIn(analysis, branch, toTargets);
      boolean end = anyIn(analysis, branch, toTerminate);
      toTarget += target ? 1 : 0;
      toEnd += end ? 1 : 0;
      both += target && end ? 1 : 0;
    }
    // two different branches: not the same one counted for both
    return toTarget > 0 && toEnd > 0 && !(toTarget == 1 && toEnd == 1 && both == 1);
  }

  /**
   * Whether every way from the scope's starts to the targets passes {@code node}: then whenever a
   * token is in the loop, the node has run and started its other branches too.
   */
  private static boolean passedOnEveryWayIn(ScopeAnalysis analysis, FlowNode node, BitSet targets) {
    int skip = analysis.indexOf(node);
    BitSet starts = analysis.starts();
    starts.clear(skip);
    return !analysis.reachedFrom(starts, (from, to) -> to != skip).intersects(targets);
  }

  /**
   * The ways on from {@code node} that all run (each the first nodes of one branch): every outgoing
   * flow on its own where the node takes them all (a default flow, taken only when no condition
   * holds, is beside none of them), the outgoing flows together where it chooses one. A
   * non-interrupting boundary event is not among them: it is set only while its activity runs.
   */
  private static List<List<FlowNode>> branchesThatAllRun(ScopeAnalysis analysis, FlowNode node) {
    List<List<FlowNode>> branches = new ArrayList<>(0);
    boolean choosesOne =
        node.isGateway() && !node.isParallelGateway() && !node.isInclusiveGateway();
    List<FlowNode> chosen = new ArrayList<>(0);
    for (SequenceFlow flow : node.outgoing()) {
      FlowNode target = flow.target();
      if (target == null || analysis.indexOf(target) < 0 || (!choosesOne && flow.isDefault())) {
        continue;
      }
      if (choosesOne) {
        chosen.add(target);
      } else {
        branches.add(List.of(target));
      }
    }
    if (!chosen.isEmpty()) {
      branches.add(chosen);
    }
    return branches;
  }

  /**
   * Whether an activity that every turn of the loop passes has a non-interrupting boundary event
   * whose path may reach a terminate end event: set again on every turn, it is the loop's own
   * reminder that ends it (escalated after a week).
   */
  private static boolean reminderOnEveryTurn(
      BitSet toTerminate, ScopeAnalysis analysis, Collection<FlowNode> trap) {
    if (toTerminate.isEmpty()) {
      return false;
    }
    for (FlowNode host : trap) {
      for (FlowNode event : host.boundaryEvents()) {
        if (!event.cancelsActivity()
            && !event.hasEventDefinition("compensate")
            && analysis.indexOf(event) >= 0
            && toTerminate.get(analysis.indexOf(event))
            && Acyclic.among(without(trap, host))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Set<FlowNode> without(Collection<FlowNode> nodes, FlowNode left) {
    Set<FlowNode> rest = Collections.newSetFromMap(new IdentityHashMap<>());
    rest.addAll(nodes);
    rest.remove(left);
    return rest;
  }

  private static boolean anyIn(ScopeAnalysis analysis, List<FlowNode> nodes, BitSet set) {
    for (FlowNode node : nodes) {
      if (set.get(analysis.indexOf(node))) {
        return true;
      }
    }
    return false;
  }

  private record ToTerminate(Scope scope) {}

  /**
   * The nodes of the scope from which a token can reach one of its terminate end events (empty
   * without one), worked out once per scope and lint run.
   */
  private static BitSet toTerminate(BpmnGraph graph, ScopeAnalysis analysis) {
    ToTerminate key = new ToTerminate(analysis.scope());
    BitSet known = graph.memoized(key);
    if (known == null) {
      known =
          analysis.leadingTo(
              analysis.nodesWhere(
                  node -> node.isEndEvent() && node.hasEventDefinition("terminate")));
      graph.memoize(key, known);
    }
    return known;
  }
}
