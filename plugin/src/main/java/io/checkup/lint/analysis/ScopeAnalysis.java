package io.checkup.lint.analysis;

import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Token-flow facts about one scope, computed once per lint run and shared by the flow rules: which
 * nodes a token can reach, which can still reach an end, the loops' back edges and the
 * post-dominator tree.
 *
 * <p>A token moves along sequence flows whose source and target lie in this scope, from an activity
 * to its boundary events, and from a link throw event to the catch events of the same link name.
 * Every computation here is linear in the size of the scope (the post-dominator iteration converges
 * in a few passes on real models).
 */
public final class ScopeAnalysis {

  private final Scope scope;
  private final List<FlowNode> nodes;
  private final int[][] successors;
  private final int[][] predecessors;
  private final BitSet starts = new BitSet();
  private final BitSet exempt = new BitSet();
  private final BitSet reachable;
  private final BitSet canReachEnd;
  private BitSet canEndItsPath;
  private final Set<SequenceFlow> backEdges;
  private int[] postDominator;

  /**
   * Visit marks for path walks: a node is seen in the current walk when its mark equals the walk's
   * number.
   */
  private int[] visitMark;

  private int walk;
  private List<SequenceFlow> walkFlows;
  private Map<SequenceFlow, Integer> walkFlowIndex;
  private int[] walkTarget;
  private int[][] walkOut;

  /**
   * Per-flow branch masks of the latest walk, valid where {@code maskStamp} equals its generation.
   */
  private int[] walkStack;

  long[] maskBuffer;
  int[] maskStamp;
  int arrivalsGeneration;

  private ScopeAnalysis(Scope scope) {
    this.scope = scope;
    this.nodes = scope.flowNodes();
    int n = nodes.size();
    successors = new int[n][];
    int[] inDegree = new int[n];
    int[] buffer = new int[8];
    // the node whose edges were last added to each target, plus one: an edge is added once per pair
    // without scanning the node's edges so far (a split of thousands of branches stays linear)
    int[] addedFrom = new int[n];
    for (int i = 0; i < n; i++) {
      FlowNode node = nodes.get(i);
      int count = 0;
      int most =
          node.outgoing().size()
              + node.boundaryEvents().size()
              + (node.isLinkThrow() ? node.linkPartners().size() : 0);
      if (buffer.length < most) {
        buffer = new int[most];
      }
      for (SequenceFlow flow : node.outgoing()) {
        count = addEdge(buffer, count, flow.target(), addedFrom, i);
      }
      for (FlowNode boundary : node.boundaryEvents()) {
        count = addEdge(buffer, count, boundary, addedFrom, i);
      }
      if (node.isLinkThrow()) {
        for (FlowNode partner : node.linkPartners()) {
          count = addEdge(buffer, count, partner, addedFrom, i);
        }
      }
      successors[i] = Arrays.copyOf(buffer, count);
      for (int k = 0; k < count; k++) {
        inDegree[buffer[k]]++;
      }
    }
    predecessors = new int[n][];
    for (int i = 0; i < n; i++) {
      predecessors[i] = new int[inDegree[i]];
      inDegree[i] = 0;
    }
    for (int i = 0; i < n; i++) {
      for (int target : successors[i]) {
        predecessors[target][inDegree[target]++] = i;
      }
    }
    findStarts();
    reachable = forward(starts);
    canReachEnd = backwardFromEnds();
    backEdges = findBackEdges();
  }

  /** The shared analysis of a scope for this lint run. */
  public static ScopeAnalysis of(BpmnGraph graph, Scope scope) {
    Key key = new Key(scope);
    ScopeAnalysis known = graph.memoized(key);
    if (known == null) {
      known = new ScopeAnalysis(scope);
      graph.memoize(key, known);
    }
    return known;
  }

  static int[] toArray(List<Integer> values) {
    int[] array = new int[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return array;
  }

  private record Key(Scope scope) {}

  /** Adds an edge from node {@code from} to a node of this scope once; returns the new count. */
  private int addEdge(int[] next, int count, FlowNode target, int[] addedFrom, int from) {
    int targetIndex = target == null ? -1 : indexOf(target);
    if (targetIndex < 0 || addedFrom[targetIndex] == from + 1) {
      return count;
    }
    addedFrom[targetIndex] = from + 1;
    next[count] = targetIndex;
    return count + 1;
  }

  /**
   * Where tokens appear in a scope: its start events; without any, the nodes nothing flows into
   * (BPMN's implicit start). Event sub-processes and compensation handlers are started by events,
   * not flows, and are exempt from flow analysis, like the children of an ad-hoc sub-process.
   */
  private void findStarts() {
    boolean adHoc = scope.kind() == Scope.Kind.AD_HOC_SUB_PROCESS;
    boolean hasStartEvent = false;
    for (int i = 0; i < nodes.size(); i++) {
      FlowNode node = nodes.get(i);
      if (adHoc || node.isEventSubProcess() || node.isForCompensation()) {
        exempt.set(i);
        starts.set(i);
      } else if (node.isStartEvent()) {
        hasStartEvent = true;
        starts.set(i);
      }
    }
    if (!hasStartEvent) {
      for (int i = 0; i < nodes.size(); i++) {
        FlowNode node = nodes.get(i);
        if (predecessors[i].length == 0 && !node.isBoundaryEvent() && !node.isLinkCatch()) {
          starts.set(i);
        }
      }
    }
  }

  private BitSet forward(BitSet from) {
    return closure(from, successors);
  }

  private BitSet backwardFromEnds() {
    BitSet ends = new BitSet();
    for (int i = 0; i < nodes.size(); i++) {
      if (successors[i].length == 0 || exempt.get(i)) {
        ends.set(i);
      }
    }
    return closure(ends, predecessors);
  }

  /** The nodes of {@code seeds} and every node reachable from them along {@code edges}. */
  private BitSet closure(BitSet seeds, int[][] edges) {
    return closure(seeds, edges, (from, to) -> true);
  }

  /** Which edges a closure follows, by the indices of their two ends. */
  @FunctionalInterface
  public interface EdgeFilter {
    boolean follows(int from, int to);
  }

  /** The nodes of {@code seeds} and every node from which a token can reach one of them. */
  public BitSet leadingTo(BitSet seeds) {
    return closure(seeds, predecessors);
  }

  /**
   * The nodes of {@code seeds} and every node a token reaches from them along the edges {@code
   * filter} follows.
   */
  public BitSet reachedFrom(BitSet seeds, EdgeFilter filter) {
    return closure(seeds, successors, filter);
  }

  /** The scope's starts ({@link #isStart}), as node indices. */
  public BitSet starts() {
    return (BitSet) starts.clone();
  }

  /** As {@link #closure(BitSet, int[][])}, along the edges {@code filter} follows only. */
  private BitSet closure(BitSet seeds, int[][] edges, EdgeFilter filter) {
    BitSet seen = (BitSet) seeds.clone();
    // each node is queued once, when first seen: one slot per node holds the queue
    int[] queue = new int[nodes.size()];
    int tail = 0;
    for (int i = seeds.nextSetBit(0); i >= 0; i = seeds.nextSetBit(i + 1)) {
      queue[tail++] = i;
    }
    for (int head = 0; head < tail; head++) {
      int current = queue[head];
      for (int next : edges[current]) {
        if (!seen.get(next) && filter.follows(current, next)) {
          seen.set(next);
          queue[tail++] = next;
        }
      }
    }
    return seen;
  }

  /**
   * Sequence flows that close a loop: they lead back to a node on the current depth-first path from
   * a start.
   */
  private Set<SequenceFlow> findBackEdges() {
    Set<SequenceFlow> found = Collections.newSetFromMap(new IdentityHashMap<>());
    int[] state = new int[nodes.size()]; // 0 new, 1 on the path, 2 done
    int[] position = new int[nodes.size()];
    // each node is pushed once, when it turns from new to on the path
    int[] stack = new int[nodes.size()];
    int top = 0;
    BitSet roots = (BitSet) starts.clone();
    // nodes no start reaches are still walked, so loops in unreachable islands are known too
    roots.or(complement(reachable));
    for (int root = roots.nextSetBit(0); root >= 0; root = roots.nextSetBit(root + 1)) {
      if (state[root] != 0) {
        continue;
      }
      stack[top++] = root;
      state[root] = 1;
      while (top > 0) {
        int current = stack[top - 1];
        List<SequenceFlow> out = nodes.get(current).outgoing();
        if (position[current] < out.size()) {
          SequenceFlow flow = out.get(position[current]++);
          int next = flow.target() == null ? -1 : indexOf(flow.target());
          if (next < 0) {
            continue;
          }
          if (state[next] == 1) {
            found.add(flow);
          } else if (state[next] == 0) {
            state[next] = 1;
            stack[top++] = next;
          }
        } else {
          // boundary events and link partners continue the path too, but cannot close a loop
          // themselves
          for (int next : successors[current]) {
            if (state[next] == 0
                && (nodes.get(next).isBoundaryEvent() || nodes.get(next).isLinkCatch())) {
              state[next] = 1;
              stack[top++] = next;
            }
          }
          if (stack[top - 1] == current) {
            state[current] = 2;
            top--;
          }
        }
      }
    }
    return found;
  }

  private BitSet complement(BitSet set) {
    BitSet all = new BitSet(nodes.size());
    all.set(0, nodes.size());
    all.andNot(set);
    return all;
  }

  /**
   * Whether Camunda 7 stops at the node until something outside the transaction moves its token (a
   * user task, a catch event, anything asynchronous...; docs/flow-analysis.md).
   */
  public static boolean isWaitState(FlowNode node) {
    return FlowNet.waitState(node);
  }

  public Scope scope() {
    return scope;
  }

  public List<FlowNode> nodes() {
    return nodes;
  }

  public int indexOf(FlowNode node) {
    return node.scope() == scope ? node.indexInScope() : -1;
  }

  public FlowNode node(int i) {
    return nodes.get(i);
  }

  public int[] successors(int i) {
    return successors[i];
  }

  public int[] predecessors(int i) {
    return predecessors[i];
  }

  /**
   * True for event sub-processes, compensation handlers and ad-hoc children: started by events, not
   * flows.
   */
  public boolean isExempt(FlowNode node) {
    int i = indexOf(node);
    return i >= 0 && exempt.get(i);
  }

  public boolean isStart(FlowNode node) {
    int i = indexOf(node);
    return i >= 0 && starts.get(i);
  }

  public boolean isReachable(FlowNode node) {
    int i = indexOf(node);
    return i >= 0 && reachable.get(i);
  }

  /** True when some end (an end event or a node a token stops at) can be reached from the node. */
  public boolean canReachEnd(FlowNode node) {
    int i = indexOf(node);
    return i >= 0 && canReachEnd.get(i);
  }

  /**
   * True when the node's own token can reach an end: as {@link #canReachEnd}, but a
   * non-interrupting boundary event is no way there for its activity (it starts a path of its own
   * beside the activity, which goes on), while an interrupting one is.
   */
  public boolean canEndItsPath(FlowNode node) {
    int i = indexOf(node);
    if (i < 0) {
      return false;
    }
    if (canEndItsPath == null) {
      canEndItsPath = backwardAlongOwnPaths();
    }
    return canEndItsPath.get(i);
  }

  private BitSet backwardAlongOwnPaths() {
    BitSet ends = new BitSet();
    for (int i = 0; i < nodes.size(); i++) {
      boolean goesOn = false;
      for (int next : successors[i]) {
        goesOn |= !besideItsHost(nodes.get(next), nodes.get(i));
      }
      if (!goesOn || exempt.get(i)) {
        ends.set(i);
      }
    }
    return closure(
        ends, predecessors, (after, before) -> !besideItsHost(nodes.get(after), nodes.get(before)));
  }

  /** A non-interrupting boundary event of {@code host}: its path runs beside the host's own. */
  private static boolean besideItsHost(FlowNode event, FlowNode host) {
    return event.isBoundaryEvent() && event.attachedTo() == host && !event.cancelsActivity();
  }

  public boolean isBackEdge(SequenceFlow flow) {
    return backEdges.contains(flow);
  }

  /**
   * The immediate post-dominator of a node: the nearest node every path from it to an end passes
   * through; null when the paths only meet at the end of the scope (or no end can be reached).
   */
  public FlowNode immediatePostDominator(FlowNode node) {
    int[] ipdom = postDominators();
    int i = indexOf(node);
    if (i < 0 || ipdom[i] < 0 || ipdom[i] == nodes.size()) {
      return null;
    }
    return nodes.get(ipdom[i]);
  }

  /**
   * Post-dominators by the iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast
   * Dominance Algorithm", 2001) on the reversed flow graph, with a virtual exit (index n) after
   * every end.
   */
  private int[] postDominators() {
    if (postDominator != null) {
      return postDominator;
    }
    int n = nodes.size();
    int exit = n;
    // reverse post-order of the reversed graph from the exit: a depth-first walk along predecessors
    int[] postOrder = new int[n + 1];
    Arrays.fill(postOrder, -1);
    List<Integer> order = new ArrayList<>(n + 1);
    int[] cursor = new int[n + 1];
    BitSet visited = new BitSet(n + 1);
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    stack.push(exit);
    visited.set(exit);
    List<Integer> ends = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (successors[i].length == 0) {
        ends.add(i);
      }
    }
    int[] endArray = toArray(ends);
    while (!stack.isEmpty()) {
      int current = stack.peek();
      int[] next = current == exit ? endArray : predecessors[current];
      if (cursor[current] < next.length) {
        int candidate = next[cursor[current]++];
        if (!visited.get(candidate)) {
          visited.set(candidate);
          stack.push(candidate);
        }
      } else {
        stack.pop();
        postOrder[current] = order.size();
        order.add(current);
      }
    }
    int[] ipdom = new int[n + 1];
    Arrays.fill(ipdom, -1);
    ipdom[exit] = exit;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int k = order.size() - 2; k >= 0; k--) { // reverse post-order, the exit (last) excluded
        int b = order.get(k);
        int[] after = successors[b];
        int candidate = -1;
        if (after.length == 0) {
          candidate = exit;
        } else {
          for (int s : after) {
            if (ipdom[s] >= 0) {
              candidate = candidate < 0 ? s : intersect(s, candidate, ipdom, postOrder);
            }
          }
        }
        if (candidate >= 0 && ipdom[b] != candidate) {
          ipdom[b] = candidate;
          changed = true;
        }
      }
    }
    postDominator = ipdom;
    return ipdom;
  }

  private static int intersect(int a, int b, int[] ipdom, int[] postOrder) {
    while (a != b) {
      while (postOrder[a] < postOrder[b]) {
        a = ipdom[a];
      }
      while (postOrder[b] < postOrder[a]) {
        b = ipdom[b];
      }
    }
    return a;
  }

  /**
   * Which outgoing branches of a split reach which sequence flows, walking forward from each branch
   * until the split's post-dominator (where all its branches have met) or a node in {@code stopAt}
   * (the node itself is still reached, only not passed). Branch numbers are indexes in {@code
   * split.outgoing()}; a split with more than 64 branches has the extra ones counted as the 64th.
   * Stops early, with a partial answer, when the budget runs out.
   */
  public BranchArrivals branchesReaching(FlowNode split, BitSet stopAt, WorkBudget budget) {
    List<SequenceFlow> branches = split.outgoing();
    long[] bits = new long[branches.size()];
    for (int branch = 0; branch < bits.length; branch++) {
      bits[branch] = 1L << Math.min(branch, 63);
    }
    return branchesReaching(split, branches, bits, stopAt, budget);
  }

  /**
   * As above, from the given first flows of the node's alternatives, each with the bit of its
   * alternative (flows that leave together share one): an activity's normal flows and the flows of
   * each of its interrupting boundary events.
   */
  public BranchArrivals branchesReaching(
      FlowNode split, List<SequenceFlow> branches, long[] bits, BitSet stopAt, WorkBudget budget) {
    prepareWalks();
    BranchArrivals arrivals = new BranchArrivals(this, ++arrivalsGeneration);
    FlowNode bound = immediatePostDominator(split);
    int splitIndex = indexOf(split);
    int boundIndex = bound == null ? -1 : indexOf(bound);
    int[] stack = walkStack;
    for (int branch = 0; branch < branches.size(); branch++) {
      Integer first = walkFlowIndex.get(branches.get(branch));
      if (first == null) {
        continue;
      }
      long bit = bits[branch];
      int mark = ++walk;
      int top = 0;
      stack[top++] = first;
      while (top > 0) {
        if (!budget.spend()) {
          return arrivals;
        }
        int flow = stack[--top];
        arrivals.add(flow, bit);
        int t = walkTarget[flow];
        if (t < 0 || visitMark[t] == mark) {
          continue;
        }
        visitMark[t] = mark;
        if (t == splitIndex || t == boundIndex || stopAt.get(t)) {
          continue;
        }
        for (int next : walkOut[t]) {
          if (top == stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
            walkStack = stack;
          }
          stack[top++] = next;
        }
      }
    }
    return arrivals;
  }

  /**
   * The nodes of this scope that match, as a set of node indexes (for {@link #branchesReaching}).
   */
  public BitSet nodesWhere(Predicate<FlowNode> predicate) {
    BitSet matching = new BitSet(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      if (predicate.test(nodes.get(i))) {
        matching.set(i);
      }
    }
    return matching;
  }

  /** Flow indexes for path walks: built once per scope, on the first walk. */
  private void prepareWalks() {
    if (walkOut != null) {
      return;
    }
    visitMark = new int[nodes.size()];
    walkFlows = new ArrayList<>();
    walkFlowIndex = new IdentityHashMap<>();
    for (FlowNode node : nodes) {
      for (SequenceFlow flow : node.outgoing()) {
        walkFlowIndex.put(flow, walkFlows.size());
        walkFlows.add(flow);
      }
    }
    walkStack = new int[64];
    maskBuffer = new long[walkFlows.size()];
    maskStamp = new int[walkFlows.size()];
    walkTarget = new int[walkFlows.size()];
    for (int f = 0; f < walkFlows.size(); f++) {
      FlowNode target = walkFlows.get(f).target();
      walkTarget[f] = target == null ? -1 : indexOf(target);
    }
    walkOut = new int[nodes.size()][];
    for (int i = 0; i < nodes.size(); i++) {
      FlowNode node = nodes.get(i);
      List<Integer> out = new ArrayList<>(node.outgoing().size());
      for (SequenceFlow flow : node.outgoing()) {
        out.add(walkFlowIndex.get(flow));
      }
      // a token may leave an activity through its boundary events as well, and a link throw event
      // goes on at its catch events
      List<FlowNode> onward = new ArrayList<>(node.boundaryEvents());
      if (node.isLinkThrow()) {
        onward.addAll(node.linkPartners());
      }
      for (FlowNode next : onward) {
        for (SequenceFlow flow : next.outgoing()) {
          Integer index = walkFlowIndex.get(flow);
          if (index != null) {
            out.add(index);
          }
        }
      }
      walkOut[i] = toArray(out);
    }
  }

  Integer walkFlowIndexOf(SequenceFlow flow) {
    return walkFlowIndex.get(flow);
  }

  SequenceFlow walkFlow(int index) {
    return walkFlows.get(index);
  }
}
