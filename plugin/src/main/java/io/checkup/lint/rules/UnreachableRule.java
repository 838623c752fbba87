package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.analysis.ScopeAnalysis;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A flow node no token can reach from any start of its scope. One cause, one finding: a lost flow
 * is reported at the first node it cuts off, naming the nodes behind it; a node attached to (or
 * inside) an unreachable activity is not reported again; a node without any sequence flow is left
 * to {@code no-disconnected}.
 */
@RuleInfo(
    id = "unreachable",
    severity = Severity.ERROR,
    category = RuleInfo.Category.FLOW,
    summary =
        "A flow node that no token can ever reach from a start of its process or sub-process.")
public final class UnreachableRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope process : graph.processes()) {
      checkScope(graph, process, context);
    }
  }

  private void checkScope(BpmnGraph graph, Scope scope, RuleContext context) {
    ScopeAnalysis analysis = ScopeAnalysis.of(graph, scope);
    List<FlowNode> nodes = analysis.nodes();
    BitSet unreached = new BitSet(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      if (!analysis.isReachable(nodes.get(i))) {
        unreached.set(i);
      }
    }
    // one finding per cause: first the nodes a lost flow cuts off first (no unreached node leads
    // to them), then what is left (islands that are all cycle), each naming what lies behind it
    BitSet covered = new BitSet(nodes.size());
    for (int pass = 0; pass < 2; pass++) {
      for (int i = unreached.nextSetBit(0); i >= 0; i = unreached.nextSetBit(i + 1)) {
        if (!covered.get(i) && (pass == 1 || !hasUnreachedPredecessor(analysis, unreached, i))) {
          report(analysis, scope, unreached, covered, i, context);
        }
      }
    }
    for (FlowNode node : nodes) {
      if (analysis.isReachable(node)
          && node.innerScope() != null
          && node.innerScope().kind() != Scope.Kind.AD_HOC_SUB_PROCESS) {
        checkScope(graph, node.innerScope(), context);
      }
    }
  }

  private static boolean hasUnreachedPredecessor(
      ScopeAnalysis analysis, BitSet unreached, int node) {
    for (int predecessor : analysis.predecessors(node)) {
      if (predecessor != node && unreached.get(predecessor)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports the node at {@code root} with the unreached nodes behind it, and marks them all. A node
   * without any sequence flow is left to {@code no-disconnected}, and a boundary event of an
   * unreached activity goes with its activity.
   */
  private static void report(
      ScopeAnalysis analysis,
      Scope scope,
      BitSet unreached,
      BitSet covered,
      int root,
      RuleContext context) {
    List<FlowNode> behind = new ArrayList<>();
    Deque<Integer> queue = new ArrayDeque<>();
    covered.set(root);
    queue.add(root);
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (int next : analysis.successors(node)) {
        if (unreached.get(next) && !covered.get(next)) {
          covered.set(next);
          queue.add(next);
          FlowNode behindNode = analysis.node(next);
          if (!(behindNode.isBoundaryEvent() && behindNode.attachedTo() == analysis.node(node))) {
            behind.add(behindNode);
          }
        }
      }
    }
    FlowNode node = analysis.node(root);
    if (node.incoming().isEmpty() && node.outgoing().isEmpty() && !node.isBoundaryEvent()) {
      return; // no-disconnected's finding
    }
    behind.sort(Comparator.comparingInt(FlowNode::indexInScope));
    StringBuilder message = new StringBuilder(describe(node)).append(" can never be reached: ");
    if (node.isBoundaryEvent() && node.attachedTo() == null) {
      // the cause is the broken reference, not a missing path
      message.append(
          node.attachedToRef() == null
              ? "it has no attachedToRef, so it is attached to no activity"
              : "its attachedToRef '"
                  + node.attachedToRef()
                  + "' names no activity, so it is attached to none");
    } else if (node.isBoundaryEvent() && node.attachedTo().scope() != node.scope()) {
      // Camunda refuses the file: "Invalid reference in boundary event"
      message
          .append("it is attached to ")
          .append(node.attachedTo().describe())
          .append(", which is not in ")
          .append(scope.isProcess() ? "process " : "sub-process ")
          .append(scope.describe())
          .append(" with it (a boundary event belongs to the scope of its activity)");
    } else {
      message
          .append("no path leads to it from a start of ")
          .append(scope.isProcess() ? "process " : "sub-process ")
          .append(scope.describe());
    }
    if (!behind.isEmpty()) {
      message
          .append("; so neither can ")
          .append(behind.size() == 1 ? "the element after it: " : "the " + behind.size())
          .append(behind.size() == 1 ? "" : " elements after it: ");
      message.append(String.join(", ", BpmnElement.describeFirst(behind, NAMED)));
      if (behind.size() > NAMED) {
        message.append(" and ").append(behind.size() - NAMED).append(" more");
      }
    }
    context.report(node, message.toString(), BpmnElement.ids(behind));
  }

  /** How many of the elements behind an unreached node a message names. */
  private static final int NAMED = 10;

  private static String describe(FlowNode node) {
    String text = node.describe();
    // an unnamed element is its id, whatever its case: "Element Task_1 can never be reached"
    return text.startsWith("'") ? text : "Element " + text;
  }
}
