package io.checkup.lint.analysis;

import io.checkup.lint.analysis.FlowNet.EdgeKind;
import io.checkup.lint.analysis.FlowNet.Kind;
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
    int nodes = net.nodeCount();
    // a node is queued at most once at a time: a ring of one slot per node holds the queue
    int[] work = new int[Math.max(1, nodes)];
    int head = 0;
    int queuedCount = nodes;
    boolean[] queued = new boolean[nodes];
    for (int n = 0; n < nodes; n++) {
      work[n] = n;
      queued[n] = true;
    }
    // Camunda 7's inclusive join waits for tokens that can reach it around a loop: loops stay
    boolean loops = true;
    for (int n = 0; n < nodes; n++) {
      loops &= !(net.kind[n] == Kind.INCLUSIVE && net.in[n].size() > 1);
    }
    BitSet onCycle = onCycle(net);
    IntList touched = new IntList(4);
    // per node, the split's edges to it: zero between two uses
    int[] edgesTo = new int[2 * nodes];
    while (queuedCount > 0) {
      int node = work[head];
      head = (head + 1) % work.length;
      queuedCount--;
      queued[node] = false;
      touched.clear();
      if (series(net, node, touched)
          || block(net, node, onCycle, touched, edgesTo)
          || (loops && loop(net, node, touched))
          || deadEnd(net, node, onCycle, touched)) {
        touched.add(node);
        for (int i = 0; i < touched.size(); i++) {
          int t = touched.get(i);
          if (t >= 0 && !queued[t]) {
            queued[t] = true;
            work[(head + queuedCount) % work.length] = t;
            queuedCount++;
          }
        }
      }
    }
    implicitStartsThatOnlyEnd(net);
  }

  /**
   * A scope without a start event starts at every node without incoming flow at once, as a parallel
   * split on no loop would: an implicit start whose token only ends (after the reduction, an entry
   * straight into an end) meets no other token and goes, as a dead end does. One is kept, so that
   * the scope still starts. Without this, n independent starts would leave 2^n states to explore.
   */
  private static void implicitStartsThatOnlyEnd(FlowNet net) {
    for (int way = 0; way < net.starts.size(); way++) {
      if (net.startEvents.get(way) != null) {
        continue;
      }
      List<Integer> entries = net.starts.get(way);
      int left = 0;
      for (int entry : entries) {
        left += net.alive[entry] ? 1 : 0;
      }
      for (int k = 0; k < entries.size() && left > 1; k++) {
        int entry = entries.get(k);
        if (net.alive[entry] && onlyEnds(net, net.target[entry])) {
          net.remove(entry);
          left--;
        }
      }
    }
  }

  /** A node that a single edge enters and that ends its token there, without ending the scope. */
  private static boolean onlyEnds(FlowNet net, int node) {
    return net.out[node].isEmpty()
        && net.in[node].size() == 1
        && !net.terminates[node]
        && net.kind[node] != Kind.COMPLEX;
  }

  /** A node that passes one token from its single incoming edge to its single outgoing edge. */
  private static boolean series(FlowNet net, int node, IntList touched) {
    IntList in = net.in[node];
    IntList out = net.out[node];
    if (in.size() != 1
        || out.size() != 1
        || net.kind[node] == Kind.COMPLEX
        || net.terminates[node]) {
      return false;
    }
    int incoming = in.get(0);
    int outgoing = out.get(0);
    if (incoming == outgoing || net.isBoundary(outgoing)) {
      return false;
    }
    touched.add(net.source[incoming]);
    touched.add(net.target[outgoing]);
    net.extend(incoming, outgoing);
    return true;
  }

  /**
   * Several edges from this split to one join that take the place of one: the first join in the
   * order of the split's edges that two of them reach and whose kind fits keeps the first of its
   * edges, the others go. Linear in the split's edges ({@code edgesTo} counts them per join), so
   * that a split of thousands of branches is not quadratic.
   */
  private static boolean block(
      FlowNet net, int split, BitSet onCycle, IntList touched, int[] edgesTo) {
    IntList out = net.out[split];
    // the branches of a choice that wait and those that do not stay apart: a token on the one edge
    // left would either always or never wait, where it may do both
    boolean byClass = !net.takesAllFlows(split);
    for (int i = 0; i < out.size(); i++) {
      int edge = out.get(i);
      if (net.edgeKind[edge] == EdgeKind.FLOW) {
        edgesTo[slot(net, edge, byClass)]++;
      }
    }
    int join = -1;
    int kept = -1;
    for (int i = 0; i < out.size() && join < 0; i++) {
      int edge = out.get(i);
      int to = net.target[edge];
      int count = edgesTo[slot(net, edge, byClass)];
      if (to != split
          && net.edgeKind[edge] == EdgeKind.FLOW
          && count >= 2
          && sameKind(net, split, to, count, onCycle)) {
        join = to;
        kept = edge;
      }
    }
    for (int i = 0; i < out.size(); i++) {
      int edge = out.get(i);
      edgesTo[2 * net.target[edge]] = 0;
      edgesTo[2 * net.target[edge] + 1] = 0;
    }
    if (join < 0) {
      return false;
    }
    net.removeAllButFirst(split, join, byClass ? kept : -1);
    touched.add(join);
    return true;
  }

  private static int slot(FlowNet net, int edge, boolean byClass) {
    return 2 * net.target[edge] + (byClass && net.waitsOn[edge] ? 1 : 0);
  }

  private static boolean sameKind(FlowNet net, int split, int join, int edges, BitSet onCycle) {
    Kind from = net.kind[split];
    Kind to = net.kind[join];
    if (from == Kind.EXCLUSIVE) {
      // a merge that leads on: two tokens that pass it meet on its outgoing edge, as on the one
      // edge
      return (to == Kind.EXCLUSIVE || to == Kind.ACTIVITY) && !net.out[join].isEmpty();
    }
    if (net.takesAllFlows(split)) {
      return to == Kind.PARALLEL;
    }
    // an inclusive join on a loop also waits for tokens that come around it (another inclusive
    // join on the loop may wait for this one's in turn: a deadlock only the state space sees)
    return from == Kind.INCLUSIVE
        && to == Kind.INCLUSIVE
        && !onCycle.get(join)
        && net.out[split].size() == edges
        && net.in[join].size() == edges;
  }

  /** An exclusive split right after an exclusive merge, with an edge back to it: a loop. */
  private static boolean loop(FlowNet net, int split, IntList touched) {
    IntList out = net.out[split];
    if (net.kind[split] != Kind.EXCLUSIVE || out.size() < 2) {
      return false;
    }
    for (int k = 0; k < out.size(); k++) {
      int e = out.get(k);
      if (net.target[e] == split) {
        if (!quickAsItsWayIn(net, split, e)) {
          return false;
        }
        net.remove(e); // a gateway that loops back into itself
        return true;
      }
    }
    IntList in = net.in[split];
    if (in.size() != 1) {
      return false;
    }
    int merge = net.source[in.get(0)];
    if (merge < 0
        || net.out[merge].size() != 1
        || net.in[merge].size() < 2
        || !(net.kind[merge] == Kind.EXCLUSIVE
            || (net.kind[merge] == Kind.ACTIVITY && !net.isHost(merge)))) {
      return false;
    }
    for (int k = 0; k < out.size(); k++) {
      int e = out.get(k);
      if (net.target[e] == merge && net.edgeKind[e] == EdgeKind.FLOW) {
        if (!quickAsItsWayIn(net, split, e)) {
          return false;
        }
        net.remove(e);
        touched.add(merge);
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a loop's way back can go without changing when its token moves: it holds no wait state,
   * or the way into the split waits anyway. A token that may wait on the way round and may leave at
   * once is left to the state space.
   */
  private static boolean quickAsItsWayIn(FlowNet net, int split, int back) {
    if (!net.waitsOn[back]) {
      return true;
    }
    IntList in = net.in[split];
    for (int k = 0; k < in.size(); k++) {
      if (in.get(k) != back && !net.waitsOn[in.get(k)]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The edges to an end that a node takes beside its others, and that can carry no second token: a
   * non-interrupting event's (it fires at most once), or a parallel split's that is on no loop (a
   * second token would have to meet the first before the split), as long as another edge is left.
   * Their tokens meet no other. All of a node's go in one pass over its edges, so that a split of
   * thousands of branches that end is not quadratic.
   */
  private static boolean deadEnd(FlowNet net, int node, BitSet onCycle, IntList touched) {
    if (net.in[node].size() > 1) {
      // two tokens may pass this node: its edges (and its boundary events, which make it a running
      // activity a second token can enter) must stay where the state space sees them
      return false;
    }
    IntList out = net.out[node];
    boolean split = !onCycle.get(node) && net.takesAllFlows(node);
    int left = out.size();
    boolean removed = false;
    for (int k = 0; k < out.size(); k++) {
      int e = out.get(k);
      int end = net.target[e];
      boolean beside =
          net.edgeKind[e] == EdgeKind.NON_INTERRUPTING
              || (net.edgeKind[e] == EdgeKind.FLOW && split && left > 1);
      // only where no other token can arrive: a sink reached from two places (an activity with a
      // boundary event whose own flow was reduced away, say) still sees the second token come in
      if (beside && end != node && onlyEnds(net, end)) {
        net.alive[e] = false;
        left--;
        removed = true;
        touched.add(end);
      }
    }
    if (removed) {
      net.retainAlive(node);
    }
    return removed;
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
    // each node enters each stack once: arrays of one slot per node hold them
    int[] stack = new int[n];
    int stackTop = 0;
    int[] cursor = new int[n];
    int[] call = new int[n];
    int callTop = 0;
    int counter = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      call[callTop++] = root;
      index[root] = low[root] = counter++;
      stack[stackTop++] = root;
      onStack.set(root);
      while (callTop > 0) {
        int v = call[callTop - 1];
        IntList out = net.out[v];
        if (cursor[v] < out.size()) {
          int w = net.target[out.get(cursor[v]++)];
          if (w == v) {
            cyclic.set(v);
          } else if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack[stackTop++] = w;
            onStack.set(w);
            call[callTop++] = w;
          } else if (onStack.get(w)) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        callTop--;
        if (callTop > 0) {
          int caller = call[callTop - 1];
          low[caller] = Math.min(low[caller], low[v]);
        }
        if (low[v] == index[v]) {
          int from = stackTop;
          int w;
          do {
            w = stack[--stackTop];
            onStack.clear(w);
          } while (w != v);
          if (from - stackTop > 1) {
            for (int k = stackTop; k < from; k++) {
              cyclic.set(stack[k]);
            }
          }
        }
      }
    }
    return cyclic;
  }
}
