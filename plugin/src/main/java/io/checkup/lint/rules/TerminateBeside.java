package io.checkup.lint.rules;

import io.checkup.lint.analysis.ScopeAnalysis;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Whether a terminate end event on a path that runs beside a loop can end the loop's scope: the
 * pizza order's "where is my pizza?" loop that waits for the customer's call, beside the branch
 * that delivers and ends with a terminate end event. A token that may take that path while another
 * is in the loop ends them both, as an interrupting event from outside does.
 *
 * <p>"Beside" means on another branch of one node whose branches all run: a parallel or inclusive
 * split, an activity or event with several outgoing flows, or an activity and one of its
 * non-interrupting boundary events (the loop's own reminder that escalates to a terminate end
 * event). The alternatives of an exclusive or event-based gateway are not beside each other: the
 * token that chose the loop never takes the terminate. A loop inside a sub-process is ended too by
 * such a terminate beside the sub-process in the scope around it (not from an event sub-process,
 * whose parent goes on).
 */
final class TerminateBeside {

  private TerminateBeside() {}

  /** True when a terminate end event beside {@code trap} (nodes of the analysis' scope) ends it. */
  static boolean endsTrap(BpmnGraph graph, ScopeAnalysis analysis, Collection<FlowNode> trap) {
    ScopeAnalysis here = analysis;
    Collection<FlowNode> targets = trap;
    while (true) {
      if (terminatesBeside(here, targets)) {
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

  private static boolean terminatesBeside(ScopeAnalysis analysis, Collection<FlowNode> targets) {
    BitSet terminates =
        analysis.nodesWhere(node -> node.isEndEvent() && node.hasEventDefinition("terminate"));
    if (terminates.isEmpty()) {
      return false;
    }
    BitSet toTerminate = leadingTo(analysis, terminates);
    BitSet seeds = new BitSet();
    for (FlowNode target : targets) {
      seeds.set(analysis.indexOf(target));
    }
    BitSet toTargets = leadingTo(analysis, seeds);
    for (FlowNode node : analysis.nodes()) {
      if (!analysis.isReachable(node)) {
        continue;
      }
      List<List<FlowNode>> branches = branchesThatAllRun(analysis, node);
      for (int a = 0; a < branches.size(); a++) {
        if (!anyIn(analysis, branches.get(a), toTargets)) {
          continue;
        }
        for (int b = 0; b < branches.size(); b++) {
          if (b != a && anyIn(analysis, branches.get(b), toTerminate)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The ways on from {@code node} that all run (each the first nodes of one branch): every outgoing
   * flow on its own where the node takes them all, the outgoing flows together where it chooses
   * one, and each non-interrupting boundary event on its own.
   */
  private static List<List<FlowNode>> branchesThatAllRun(ScopeAnalysis analysis, FlowNode node) {
    List<List<FlowNode>> branches = new ArrayList<>(0);
    boolean choosesOne =
        node.isExclusiveGateway()
            || node.isEventBasedGateway()
            || (node.isGateway() && !node.isParallelGateway() && !node.isInclusiveGateway());
    List<FlowNode> chosen = new ArrayList<>(0);
    for (SequenceFlow flow : node.outgoing()) {
      FlowNode target = flow.target();
      if (target == null || analysis.indexOf(target) < 0) {
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
    for (FlowNode event : node.boundaryEvents()) {
      if (!event.cancelsActivity()
          && !event.hasEventDefinition("compensate")
          && analysis.indexOf(event) >= 0) {
        branches.add(List.of(event));
      }
    }
    return branches;
  }

  private static boolean anyIn(ScopeAnalysis analysis, List<FlowNode> nodes, BitSet set) {
    for (FlowNode node : nodes) {
      if (set.get(analysis.indexOf(node))) {
        return true;
      }
    }
    return false;
  }

  /** The nodes from which a token can reach one of {@code seeds} (the seeds among them). */
  private static BitSet leadingTo(ScopeAnalysis analysis, BitSet seeds) {
    BitSet found = (BitSet) seeds.clone();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    seeds.stream().forEach(queue::add);
    while (!queue.isEmpty()) {
      for (int before : analysis.predecessors(queue.poll())) {
        if (!found.get(before)) {
          found.set(before);
          queue.add(before);
        }
      }
    }
    return found;
  }
}
