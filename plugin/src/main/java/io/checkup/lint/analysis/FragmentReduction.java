package io.checkup.lint.analysis;

import io.checkup.lint.analysis.FlowNet.EdgeKind;
import io.checkup.lint.analysis.FlowNet.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Decides the well-structured fragments of a scope by rules, in time linear in its size, and leaves
 * only the rest to the state-space exploration. Each rule replaces a fragment whose every execution
 * behaves like one sequence flow by one edge, which changes neither the deadlocks nor the double
 * tokens the exploration finds:
 *
 * <ul>
 *   <li>series: a node with one incoming and one outgoing edge only passes its token on;
 *   <li>block: several edges from one split to one join where the split's kind is the join's
 *       (exclusive or event-based into an exclusive merge or an activity, parallel into parallel,
 *       inclusive into inclusive with nothing else leaving or entering, off any loop) carry one
 *       token's worth;
 *   <li>loop: an exclusive split whose edge goes back to the exclusive merge right before it only
 *       repeats a state already seen, as long as another edge leaves the loop (not in a scope with
 *       an inclusive join, which Camunda 7 makes wait for tokens that come around a loop);
 *   <li>dead end: the path of a non-interrupting event, or of a parallel split on no loop, that
 *       only ends meets no other token.
 * </ul>
 *
 * <p>Applied until none applies, they reduce a scope built from sequences, blocks and loops to
 * single edges from its starts to its ends (the idea of the refined process structure tree of
 * Vanhatalo, Völzer and Koehler: sound well-structured fragments need no state space). What is left
 * is the unstructured part, explored exactly.
 */
final class FragmentReduction {

  private FragmentReduction() {}

  static void reduce(FlowNet net) {
    ArrayDeque<Integer> work = new ArrayDeque<>();
    boolean[] queued = new boolean[net.nodeCount()];
    for (int n = 0; n < net.nodeCount(); n++) {
      work.add(n);
      queued[n] = true;
    }
    // Camunda 7's inclusive join waits for tokens that can reach it around a loop: loops stay
    boolean loops = true;
    for (int n = 0; n < net.nodeCount(); n++) {
      loops &= !(net.kind.get(n) == Kind.INCLUSIVE && net.in.get(n).size() > 1);
    }
    BitSet onCycle = onCycle(net);
    List<Integer> touched = new ArrayList<>(4);
    while (!work.isEmpty()) {
      int node = work.poll();
      queued[node] = false;
      touched.clear();
      if (series(net, node, touched)
          || block(net, node, onCycle, touched)
          || (loops && loop(net, node, touched))
          || deadEnd(net, node, onCycle, touched)) {
        touched.add(node);
        for (int t : touched) {
          if (t >= 0 && !queued[t]) {
            queued[t] = true;
            work.add(t);
          }
        }
      }
    }
  }

  /** A node that passes one token from its single incoming edge to its single outgoing edge. */
  private static boolean series(FlowNet net, int node, List<Integer> touched) {
    List<Integer> in = net.in.get(node);
    List<Integer> out = net.out.get(node);
    if (in.size() != 1
        || out.size() != 1
        || net.kind.get(node) == Kind.COMPLEX
        || net.terminates.get(node)) {
      return false;
    }
    int incoming = in.get(0);
    int outgoing = out.get(0);
    if (incoming == outgoing || net.isBoundary(outgoing)) {
      return false;
    }
    touched.add(net.source.get(incoming));
    touched.add(net.target.get(outgoing));
    net.extend(incoming, outgoing);
    return true;
  }

  /** Several edges from this split to one join that take the place of one. */
  private static boolean block(FlowNet net, int split, BitSet onCycle, List<Integer> touched) {
    List<Integer> out = net.out.get(split);
    for (int i = 0; i < out.size(); i++) {
      int edge = out.get(i);
      int join = net.target.get(edge);
      List<Integer> parallel = new ArrayList<>(2);
      for (int other : out) {
        if (net.target.get(other) == join && net.edgeKind.get(other) == EdgeKind.FLOW) {
          parallel.add(other);
        }
      }
      if (parallel.size() < 2
          || join == split
          || net.edgeKind.get(edge) != EdgeKind.FLOW
          || !sameKind(net, split, join, parallel, onCycle)) {
        continue;
      }
      for (int k = 1; k < parallel.size(); k++) {
        net.remove(parallel.get(k));
      }
      touched.add(join);
      return true;
    }
    return false;
  }

  private static boolean sameKind(
      FlowNet net, int split, int join, List<Integer> edges, BitSet onCycle) {
    Kind from = net.kind.get(split);
    Kind to = net.kind.get(join);
    if (from == Kind.EXCLUSIVE) {
      // a merge that leads on: two tokens that pass it meet on its outgoing edge, as on the one
      // edge
      return (to == Kind.EXCLUSIVE || to == Kind.ACTIVITY) && !net.out.get(join).isEmpty();
    }
    if (net.takesAllFlows(split)) {
      return to == Kind.PARALLEL;
    }
    // an inclusive join on a loop also waits for tokens that come around it (another inclusive
    // join on the loop may wait for this one's in turn: a deadlock only the state space sees)
    return from == Kind.INCLUSIVE
        && to == Kind.INCLUSIVE
        && !onCycle.get(join)
        && net.out.get(split).size() == edges.size()
        && net.in.get(join).size() == edges.size();
  }

  /** An exclusive split right after an exclusive merge, with an edge back to it: a loop. */
  private static boolean loop(FlowNet net, int split, List<Integer> touched) {
    if (net.kind.get(split) != Kind.EXCLUSIVE || net.out.get(split).size() < 2) {
      return false;
    }
    for (int e : net.out.get(split)) {
      if (net.target.get(e) == split) {
        net.remove(e); // a gateway that loops back into itself
        return true;
      }
    }
    List<Integer> in = net.in.get(split);
    if (in.size() != 1) {
      return false;
    }
    int merge = net.source.get(in.get(0));
    if (merge < 0
        || net.out.get(merge).size() != 1
        || net.in.get(merge).size() < 2
        || !(net.kind.get(merge) == Kind.EXCLUSIVE
            || (net.kind.get(merge) == Kind.ACTIVITY && !net.isHost(merge)))) {
      return false;
    }
    for (int e : net.out.get(split)) {
      if (net.target.get(e) == merge && net.edgeKind.get(e) == EdgeKind.FLOW) {
        net.remove(e);
        touched.add(merge);
        return true;
      }
    }
    return false;
  }

  /**
   * An edge to an end that a node takes beside its others, and that can carry no second token: a
   * non-interrupting event's (it fires at most once), or a parallel split's that is on no loop (a
   * second token would have to meet the first before the split). Its token meets no other.
   */
  private static boolean deadEnd(FlowNet net, int node, BitSet onCycle, List<Integer> touched) {
    if (net.in.get(node).size() > 1) {
      // two tokens may pass this node: its edges (and its boundary events, which make it a running
      // activity a second token can enter) must stay where the state space sees them
      return false;
    }
    List<Integer> out = net.out.get(node);
    boolean concurrent = !onCycle.get(node) && out.size() > 1 && net.takesAllFlows(node);
    for (int e : out) {
      int end = net.target.get(e);
      boolean beside =
          net.edgeKind.get(e) == EdgeKind.NON_INTERRUPTING
              || (net.edgeKind.get(e) == EdgeKind.FLOW && concurrent);
      // only where no other token can arrive: a sink reached from two places (an activity with a
      // boundary event whose own flow was reduced away, say) still sees the second token come in
      if (beside
          && end != node
          && net.out.get(end).isEmpty()
          && net.in.get(end).size() == 1
          && !net.terminates.get(end)
          && net.kind.get(end) != Kind.COMPLEX) {
        net.remove(e);
        touched.add(end);
        return true;
      }
    }
    return false;
  }

  /**
   * The nodes on a cycle: those in a strongly connected component of two or more, or a self-loop.
   */
  private static BitSet onCycle(FlowNet net) {
    int n = net.nodeCount();
    int[] index = new int[n];
    int[] low = new int[n];
    Arrays.fill(index, -1);
    BitSet onStack = new BitSet(n);
    BitSet cyclic = new BitSet(n);
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    int[] cursor = new int[n];
    ArrayDeque<Integer> call = new ArrayDeque<>();
    int counter = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      call.push(root);
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack.set(root);
      while (!call.isEmpty()) {
        int v = call.peek();
        List<Integer> out = net.out.get(v);
        if (cursor[v] < out.size()) {
          int w = net.target.get(out.get(cursor[v]++));
          if (w == v) {
            cyclic.set(v);
          } else if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack.set(w);
            call.push(w);
          } else if (onStack.get(w)) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        call.pop();
        if (!call.isEmpty()) {
          low[call.peek()] = Math.min(low[call.peek()], low[v]);
        }
        if (low[v] == index[v]) {
          int size = 0;
          List<Integer> component = new ArrayList<>();
          int w;
          do {
            w = stack.pop();
            onStack.clear(w);
            component.add(w);
            size++;
          } while (w != v);
          if (size > 1) {
            component.forEach(cyclic::set);
          }
        }
      }
    }
    return cyclic;
  }
}
