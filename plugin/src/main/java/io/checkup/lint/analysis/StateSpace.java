package io.checkup.lint.analysis;

import io.checkup.lint.WitnessStep;
import io.checkup.lint.analysis.FlowNet.EdgeKind;
import io.checkup.lint.analysis.FlowNet.Kind;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Explores every reachable state of what {@link FragmentReduction} left of a scope, breadth first,
 * so the first path to a problem is a shortest one. A state is the set of edges holding a token,
 * the activities running (those with boundary events) and the non-interrupting events that have
 * fired (once is enough: a second firing runs the same path again).
 *
 * <p>It finds the reachable states where tokens remain but nothing can fire (a deadlock: the tokens
 * wait at joins that never fire) and the moves that put a second token on an edge or into a running
 * activity (a lack of synchronization: the work runs twice for one occurrence). The second token is
 * reported and dropped, and the exploration goes on, so that what lies further on is found too.
 */
final class StateSpace {

  /** States explored per scope before the verdict is given up. */
  static final int MAX_STATES = 50_000;

  /**
   * Words (8 bytes each) of stored states per scope before the verdict is given up: memory stays
   * bounded in bytes, however large the part left to explore.
   */
  static final long MAX_STATE_WORDS = 2_000_000;

  /** Moves tried per scope before the verdict is given up. */
  static final long MAX_MOVES = 2_000_000;

  /**
   * Conditional flows of one node whose choices are all enumerated (2^n of them). Beyond it only
   * each flow alone and each pair of them are (up to {@link #MAX_PAIRED} flows), and the verdict is
   * given up: what those choices lead to is found, the rest stays unknown.
   */
  static final int MAX_CONDITIONAL = 10;

  /**
   * Conditional flows of one node up to which pairs of them are tried beyond {@link
   * #MAX_CONDITIONAL}.
   */
  static final int MAX_PAIRED = 64;

  private enum MoveType {
    START,
    ARRIVE,
    COMPLETE,
    FIRE
  }

  private record Move(MoveType type, int node, int[] taken, int edge, int alternatives) {}

  /**
   * A problem and the state it was found in (index in {@link #states}), with the last move: for a
   * deadlock, the flows the join waits for that never bring a token (every one for a parallel join;
   * the first for an inclusive join, which waits for whatever can still come); none for a second
   * token.
   */
  private record Problem(int state, Move move, FlowNode at, List<SequenceFlow> missing) {

    SequenceFlow first() {
      return missing.isEmpty() ? null : missing.get(0);
    }
  }

  private final FlowNet net;
  private final int edges;
  private final int[] running;
  private final int[] fired;

  /**
   * Per edge: a non-interrupting escalation boundary event that fires on every completion of its
   * sub-process ({@link EscalationCatch#firesOnEveryCompletion}); the sub-process completes only
   * after it has fired.
   */
  private final boolean[] firesFirst;

  private final int width;

  /**
   * Per node: for a merge, the place set once a token has passed it while another that can still
   * come is under way (see {@link #secondPass}); -1 for other nodes.
   */
  private final int[] armed;

  /**
   * Per merge node: the places of the tokens that can still come to it (see {@link #armed}); worked
   * out when a token passes it while another is under way ({@link #concurrentOf}), as each takes a
   * walk of the scope.
   */
  private final long[][] concurrent;

  /** The running places are {@code [edges, runningTo)}; the node of each. */
  private final int runningTo;

  private final int[] hostNode;

  /** The armed places are {@code [armedFrom, armedTo)}; the merge node of each. */
  private final int armedFrom;

  private final int armedTo;
  private final int[] armedNode;

  /** The places that hold tokens: on edges, in running activities, arrived at inclusive joins. */
  private final long[] tokens;

  /**
   * Per edge into an inclusive join with several incoming edges: the place of a token that has
   * arrived at the join by it and waits there; -1 for other edges.
   */
  private final int[] arrivedAt;

  /** The edges that have an {@link #arrivedAt} place. */
  private final int[] arrivedEdges;

  /** Per merge node: the places after it, by which a token comes round to it again. */
  private final BitSet[] roundAgain;

  /**
   * Set in states reached after a second token was dropped: the exploration goes on with one, so
   * that problems further on are found too, but a deadlock there may only be the dropped token
   * missing and is not reported.
   */
  private final int tainted;

  private final Map<Integer, BitSet> upstream = new HashMap<>();
  private final Map<Integer, List<int[]>> outcomes = new HashMap<>();

  private final List<long[]> states = new ArrayList<>();
  private final List<Integer> parents = new ArrayList<>();
  private final List<Move> moves = new ArrayList<>();
  private final Map<Key, Integer> seen = new HashMap<>();
  private final Map<FlowNode, Problem> deadlocks = new LinkedHashMap<>();
  private final Map<FlowNode, Problem> duplicates = new LinkedHashMap<>();
  private long moveCount;

  /** Whether a node's choices were too many to enumerate them all ({@link #MAX_CONDITIONAL}). */
  private boolean choicesLeftOut;

  private StateSpace(FlowNet net) {
    this.net = net;
    this.edges = net.edgeCount();
    running = new int[net.nodeCount()];
    int places = edges;
    List<Integer> hosts = new ArrayList<>();
    for (int n = 0; n < net.nodeCount(); n++) {
      running[n] = net.isHost(n) ? places++ : -1;
      if (running[n] >= 0) {
        hosts.add(n);
      }
    }
    runningTo = places;
    hostNode = ScopeAnalysis.toArray(hosts);
    fired = new int[edges];
    firesFirst = new boolean[edges];
    for (int e = 0; e < edges; e++) {
      fired[e] = net.alive[e] && net.edgeKind[e] == EdgeKind.NON_INTERRUPTING ? places++ : -1;
      firesFirst[e] = fired[e] >= 0 && EscalationCatch.firesOnEveryCompletion(net.boundary[e]);
    }
    armed = new int[net.nodeCount()];
    List<Integer> merges = new ArrayList<>();
    armedFrom = places;
    for (int n = 0; n < net.nodeCount(); n++) {
      boolean merge =
          net.in[n].size() > 1
              && (net.kind[n] == Kind.EXCLUSIVE
                  || net.kind[n] == Kind.INCLUSIVE
                  || (net.kind[n] == Kind.ACTIVITY
                      && !net.origin[n].isEndEvent()
                      && !net.terminates[n]));
      armed[n] = merge ? places++ : -1;
      if (merge) {
        merges.add(n);
      }
    }
    armedTo = places;
    armedNode = ScopeAnalysis.toArray(merges);
    arrivedAt = new int[edges];
    List<Integer> arrivals = new ArrayList<>();
    for (int e = 0; e < edges; e++) {
      int to = net.target[e];
      boolean waitsAtJoin = net.alive[e] && net.kind[to] == Kind.INCLUSIVE && net.in[to].size() > 1;
      arrivedAt[e] = waitsAtJoin ? places++ : -1;
      if (waitsAtJoin) {
        arrivals.add(e);
      }
    }
    arrivedEdges = ScopeAnalysis.toArray(arrivals);
    tainted = places++;
    width = (places + 63) / 64;
    concurrent = new long[net.nodeCount()][];
    roundAgain = new BitSet[net.nodeCount()];
    tokens = new long[width];
    for (int e = 0; e < edges; e++) {
      set(tokens, e);
      if (arrivedAt[e] >= 0) {
        set(tokens, arrivedAt[e]);
      }
    }
    for (int n = 0; n < net.nodeCount(); n++) {
      if (running[n] >= 0) {
        set(tokens, running[n]);
      }
    }
  }

  /** {@link #concurrent} of a merge node, worked out on first use. */
  private long[] concurrentOf(int merge) {
    if (concurrent[merge] == null) {
      concurrent[merge] = concurrentWith(merge);
    }
    return concurrent[merge];
  }

  /**
   * The places from which a token can still come to a merge without having passed it: those before
   * it (along flows and boundary events) that are not after it.
   */
  private long[] concurrentWith(int merge) {
    BitSet before = placesBefore(merge, true);
    BitSet after = new BitSet();
    BitSet on = reachableFrom(merge);
    // the merge itself is after it only on a loop
    boolean loop = on.get(merge);
    on.set(merge);
    for (int n = on.nextSetBit(0); n >= 0; n = on.nextSetBit(n + 1)) {
      IntList out = net.out[n];
      for (int k = 0; k < out.size(); k++) {
        after.set(out.get(k));
      }
      if ((n != merge || loop) && running[n] >= 0) {
        after.set(running[n]);
      }
    }
    roundAgain[merge] = after;
    // a token waiting at an inclusive join is where the join's incoming edge leads
    for (int e : arrivedEdges) {
      if (before.get(e)) {
        before.set(arrivedAt[e]);
      }
      if (after.get(e)) {
        after.set(arrivedAt[e]);
      }
    }
    before.andNot(after);
    long[] mask = new long[width];
    for (int p = before.nextSetBit(0); p >= 0; p = before.nextSetBit(p + 1)) {
      set(mask, p);
    }
    return mask;
  }

  /** The verdict on one scope's reduced token game. */
  static FlowVerdict explore(FlowNet net) {
    if (!net.covered) {
      return FlowVerdict.noVerdict();
    }
    StateSpace space = new StateSpace(net);
    return space.run();
  }

  private FlowVerdict run() {
    for (int i = 0; i < net.starts.size(); i++) {
      long[] state = new long[width];
      for (int entry : net.starts.get(i)) {
        if (net.alive[entry]) {
          set(state, entry);
        }
      }
      add(state, -1, new Move(MoveType.START, i, new int[0], -1, net.starts.size()));
    }
    for (int head = 0; head < states.size(); head++) {
      if (states.size() > MAX_STATES
          || (long) states.size() * width > MAX_STATE_WORDS
          || moveCount > MAX_MOVES) {
        // what was found on the way is found: paths that exist; only the rest is unknown
        return FlowVerdict.tooTangled(fragment(), found(deadlocks, true), found(duplicates, false));
      }
      expand(head);
    }
    if (choicesLeftOut) {
      return FlowVerdict.tooTangled(fragment(), found(deadlocks, true), found(duplicates, false));
    }
    return FlowVerdict.exact(found(deadlocks, true), found(duplicates, false));
  }

  /**
   * Tries every move from one state, as Camunda 7 runs them: a token that is not in a wait state
   * moves on in the transaction that brought it, so the moves out of wait states (a task completes,
   * an event fires) are tried only where no such move is left. A token on its way to an end is gone
   * before the next task completes, and the first token of a race to a terminate end ends the scope
   * before the other task can complete.
   */
  private void expand(int index) {
    long[] state = states.get(index);
    if (!expand(index, state, false) && !expand(index, state, true)) {
      if (hasTokens(state) && !get(state, tainted)) {
        deadlock(index, state);
      }
    }
  }

  /**
   * The moves of one kind from a state: those that leave a wait state, or those that do not.
   *
   * @return whether there was one
   */
  private boolean expand(int index, long[] state, boolean waiting) {
    boolean moved = false;
    BitSet joinsTried = new BitSet();
    for (int e = nextSet(state, 0, edges); e >= 0; e = nextSet(state, e + 1, edges)) {
      int node = net.target[e];
      Kind kind = net.kind[node];
      if (arrivedAt[e] >= 0) {
        if (net.waitsOn[e] == waiting) {
          moved = true;
          arriveAtInclusiveJoin(index, state, e);
        }
      } else if (kind == Kind.PARALLEL || kind == Kind.INCLUSIVE) {
        if (joinsTried.get(node)) {
          continue;
        }
        joinsTried.set(node);
        if (joinWaits(state, node) == waiting && allIncoming(state, node)) {
          long[] next = state.clone();
          IntList incoming = net.in[node];
          for (int k = 0; k < incoming.size(); k++) {
            clear(next, incoming.get(k));
          }
          moved = true;
          if (!secondPass(index, next, node, new Move(MoveType.ARRIVE, node, new int[0], -1, 1))) {
            pass(index, next, node, MoveType.ARRIVE, -1);
          }
        }
      } else if ((net.waitsOn[e] || (running[node] < 0 && net.waits[node])) == waiting) {
        moved = true;
        long[] next = state.clone();
        clear(next, e);
        Move move = new Move(MoveType.ARRIVE, node, new int[0], e, 1);
        if (secondPass(index, next, node, move)) {
          continue;
        }
        if (running[node] >= 0) {
          if (get(next, running[node])) {
            duplicate(index, move, net.origin[node]);
            set(next, tainted);
          }
          set(next, running[node]);
          add(next, index, move);
        } else {
          pass(index, next, node, MoveType.ARRIVE, e);
        }
      }
    }
    for (int p = nextSet(state, edges, runningTo); p >= 0; p = nextSet(state, p + 1, runningTo)) {
      int node = hostNode[p - edges];
      if (net.waits[node] != waiting) {
        continue;
      }
      moved = true;
      if (mayComplete(state, node)) {
        long[] completed = state.clone();
        clear(completed, running[node]);
        pass(index, completed, node, MoveType.COMPLETE, -1);
      }
      IntList out = net.out[node];
      for (int k = 0; k < out.size(); k++) {
        int e = out.get(k);
        if (net.edgeKind[e] == EdgeKind.INTERRUPTING) {
          long[] next = state.clone();
          clear(next, running[node]);
          produce(index, next, new Move(MoveType.FIRE, node, new int[] {e}, e, 1));
        } else if (net.edgeKind[e] == EdgeKind.NON_INTERRUPTING && !get(state, fired[e])) {
          long[] next = state.clone();
          set(next, fired[e]);
          produce(index, next, new Move(MoveType.FIRE, node, new int[] {e}, e, 1));
        }
      }
    }
    return moved;
  }

  /** A join's firing leaves a wait state when a token it takes may wait on its way there. */
  private boolean joinWaits(long[] state, int node) {
    IntList in = net.in[node];
    for (int k = 0; k < in.size(); k++) {
      int e = in.get(k);
      if (net.waitsOn[e] && get(state, e)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A token passes a merge (an exclusive gateway, an inclusive join that fires without waiting for
   * every token, or an activity with several incoming flows): when another token of the same
   * occurrence has passed it already, this one is the second, reported and dropped; when another
   * token that can still come here (not one that has passed it and may come round again) is under
   * way, the merge is armed for it.
   *
   * @param consumed the state without the arriving token
   * @return whether the token was dropped
   */
  private boolean secondPass(int index, long[] consumed, int node, Move move) {
    int place = armed[node];
    if (place < 0) {
      return false;
    }
    if (get(consumed, place) && !(move.edge() >= 0 && roundAgainOf(node).get(move.edge()))) {
      duplicate(index, move, net.origin[node]);
      set(consumed, tainted);
      add(consumed, index, move);
      return true;
    }
    // alone in the scope, the token arms nothing (and no walk is needed to know it)
    if (meets(consumed, tokens) && meets(consumed, concurrentOf(node))) {
      set(consumed, place);
    }
    return false;
  }

  /** {@link #roundAgain} of a merge node, worked out on first use. */
  private BitSet roundAgainOf(int merge) {
    concurrentOf(merge);
    return roundAgain[merge];
  }

  private static boolean meets(long[] state, long[] mask) {
    for (int w = 0; w < mask.length; w++) {
      if ((state[w] & mask[w]) != 0) {
        return true;
      }
    }
    return false;
  }

  /** False while an event that fires on every completion of the node has not fired yet. */
  private boolean mayComplete(long[] state, int node) {
    IntList out = net.out[node];
    for (int k = 0; k < out.size(); k++) {
      int e = out.get(k);
      if (firesFirst[e] && !get(state, fired[e])) {
        return false;
      }
    }
    return true;
  }

  /** The node fires: each of its outcomes is a move. */
  private void pass(int index, long[] consumed, int node, MoveType type, int arrived) {
    if (net.terminates[node]) {
      long[] next = consumed.clone();
      for (int e = 0; e < edges; e++) {
        clear(next, e);
      }
      for (int n = 0; n < net.nodeCount(); n++) {
        if (running[n] >= 0) {
          clear(next, running[n]);
        }
      }
      add(next, index, new Move(type, node, new int[0], arrived, 1));
      return;
    }
    List<int[]> choices = outcomesOf(node);
    for (int[] taken : choices) {
      produce(index, consumed.clone(), new Move(type, node, taken, arrived, choices.size()));
    }
  }

  /** Puts the move's tokens on its edges; a second token on one is a lack of synchronization. */
  private void produce(int index, long[] next, Move move) {
    moveCount++;
    for (int e : move.taken()) {
      if (get(next, e)) {
        duplicate(index, move, sourceOf(e));
        set(next, tainted);
      }
      set(next, e);
    }
    add(next, index, move);
  }

  private FlowNode sourceOf(int edge) {
    SequenceFlow flow = net.first[edge];
    if (flow != null && flow.source() != null) {
      return flow.source();
    }
    return net.origin[net.source[edge]];
  }

  private void add(long[] state, int parent, Move move) {
    // a merge is armed only while a token that can still come to it is under way
    for (int p = nextSet(state, armedFrom, armedTo); p >= 0; p = nextSet(state, p + 1, armedTo)) {
      if (!meets(state, concurrentOf(armedNode[p - armedFrom]))) {
        clear(state, p);
      }
    }
    Key key = new Key(state);
    if (seen.containsKey(key)) {
      return;
    }
    seen.put(key, states.size());
    states.add(state);
    parents.add(parent);
    moves.add(move);
  }

  private void duplicate(int index, Move move, FlowNode at) {
    duplicates.putIfAbsent(at, new Problem(index, move, at, List.of()));
  }

  /**
   * Reports each join a dead state leaves tokens at, but not one that waits behind another of them
   * (the other's outgoing path leads to it, and not the other way round): that one never fires
   * because the first never does, and is found once the first is fixed.
   */
  private void deadlock(int index, long[] state) {
    List<Integer> waiting = new ArrayList<>();
    for (int e = nextSet(state, 0, edges); e >= 0; e = nextSet(state, e + 1, edges)) {
      if (!waiting.contains(net.target[e])) {
        waiting.add(net.target[e]);
      }
    }
    for (int e : arrivedEdges) {
      if (get(state, arrivedAt[e]) && !waiting.contains(net.target[e])) {
        waiting.add(net.target[e]);
      }
    }
    List<BitSet> reaches = new ArrayList<>();
    for (int join : waiting) {
      reaches.add(reachableFrom(join));
    }
    for (int i = 0; i < waiting.size(); i++) {
      int join = waiting.get(i);
      FlowNode at = net.origin[join];
      if (deadlocks.containsKey(at) || behindAnother(i, waiting, reaches)) {
        continue;
      }
      List<SequenceFlow> missing = new ArrayList<>(1);
      IntList in = net.in[join];
      for (int k = 0; k < in.size(); k++) {
        int incoming = in.get(k);
        SequenceFlow flow = net.last[incoming];
        if (!get(state, incoming)
            && (arrivedAt[incoming] < 0 || !get(state, arrivedAt[incoming]))
            && flow != null) {
          missing.add(flow);
          if (at.isInclusiveGateway()) {
            break;
          }
        }
      }
      deadlocks.put(at, new Problem(index, null, at, missing));
    }
  }

  private boolean behindAnother(int i, List<Integer> waiting, List<BitSet> reaches) {
    for (int j = 0; j < waiting.size(); j++) {
      if (j != i && reaches.get(j).get(waiting.get(i)) && !reaches.get(i).get(waiting.get(j))) {
        return true;
      }
    }
    return false;
  }

  /** The nodes a node's outgoing edges lead to, directly or further on. */
  private BitSet reachableFrom(int node) {
    BitSet nodes = new BitSet();
    IntList queue = new IntList(8);
    queue.addAll(net.out[node]);
    for (int k = 0; k < queue.size(); k++) {
      int to = net.target[queue.get(k)];
      if (!nodes.get(to)) {
        nodes.set(to);
        queue.addAll(net.out[to]);
      }
    }
    return nodes;
  }

  private boolean allIncoming(long[] state, int node) {
    IntList in = net.in[node];
    for (int k = 0; k < in.size(); k++) {
      if (!get(state, in.get(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A token arrives at an inclusive join with several incoming flows, and the join is asked then,
   * as Camunda 7 asks it ({@code InclusiveGatewayActivityBehavior}), and only then: it fires when
   * as many tokens wait at it as it has incoming flows, or when no other token of the scope can
   * still reach it; otherwise the token waits. A token that then goes elsewhere asks nothing: the
   * tokens waiting at the join wait for ever (a deadlock Camunda 7 has, camunda/camunda#19460).
   * Camunda counts the tokens, not the flows they came by; a second token on one flow is a lack of
   * synchronization, reported.
   */
  private void arriveAtInclusiveJoin(int index, long[] state, int e) {
    int node = net.target[e];
    long[] next = state.clone();
    clear(next, e);
    Move move = new Move(MoveType.ARRIVE, node, new int[0], e, 1);
    if (get(next, arrivedAt[e])) {
      duplicate(index, move, net.origin[node]);
      set(next, tainted);
      add(next, index, move);
      return;
    }
    set(next, arrivedAt[e]);
    if (!allArrived(next, node) && mayStillCome(next, node)) {
      add(next, index, move);
      return;
    }
    IntList in = net.in[node];
    for (int k = 0; k < in.size(); k++) {
      clear(next, arrivedAt[in.get(k)]);
    }
    if (!secondPass(index, next, node, new Move(MoveType.ARRIVE, node, new int[0], -1, 1))) {
      pass(index, next, node, MoveType.ARRIVE, e);
    }
  }

  private boolean allArrived(long[] state, int node) {
    IntList in = net.in[node];
    for (int k = 0; k < in.size(); k++) {
      if (!get(state, arrivedAt[in.get(k)])) {
        return false;
      }
    }
    return true;
  }

  /** Whether a token on its way (on a flow, in a running activity) can still reach the node. */
  private boolean mayStillCome(long[] state, int node) {
    BitSet before = upstream.computeIfAbsent(node, this::upstreamOf);
    for (int p = before.nextSetBit(0); p >= 0; p = before.nextSetBit(p + 1)) {
      if (get(state, p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The edges from which a token can reach the node, and the running activities before them, up to
   * the node itself; through boundary events or not (a running activity whose only way there is a
   * boundary event is then not among them).
   */
  private BitSet placesBefore(int node, boolean throughBoundaries) {
    BitSet places = new BitSet();
    BitSet nodes = new BitSet();
    IntList queue = new IntList(net.in[node].size() + 4);
    queue.addAll(net.in[node]);
    for (int k = 0; k < queue.size(); k++) {
      int e = queue.get(k);
      places.set(e);
      int from = net.source[e];
      if (from < 0
          || from == node
          || nodes.get(from)
          || (!throughBoundaries && net.isBoundary(e))) {
        continue;
      }
      nodes.set(from);
      if (running[from] >= 0) {
        places.set(running[from]);
      }
      queue.addAll(net.in[from]);
    }
    return places;
  }

  /**
   * The places (edges, running activities) from which a token can reach the node, as Camunda 7's
   * inclusive gateway looks for them: along outgoing flows only. A running activity's boundary
   * events are no way there (a token on the path of one that has fired is), so a join that only a
   * boundary event's path feeds does not wait for the activity: it fires, and fires again when the
   * event does.
   */
  private BitSet upstreamOf(int node) {
    BitSet places = placesBefore(node, false);
    // tokens waiting at another inclusive join on the way can still come too
    for (int e : arrivedEdges) {
      if (places.get(e) && net.target[e] != node) {
        places.set(arrivedAt[e]);
      }
    }
    return places;
  }

  /**
   * The sets of outgoing edges a node may take: one for an exclusive gateway, all for a parallel
   * one; for the others every unconditional flow with any set of the conditional ones, or, when
   * nothing else is taken, the default flow (as Camunda 7 takes them). With too many conditional
   * flows to try every set, some of them ({@link #someChoices}).
   */
  private List<int[]> outcomesOf(int node) {
    if (outcomes.containsKey(node)) {
      return outcomes.get(node);
    }
    List<Integer> normal = new ArrayList<>();
    IntList out = net.out[node];
    for (int k = 0; k < out.size(); k++) {
      int e = out.get(k);
      if (!net.isBoundary(e)) {
        normal.add(e);
      }
    }
    List<int[]> result = new ArrayList<>();
    Kind kind = net.kind[node];
    if (kind == Kind.EXCLUSIVE && !normal.isEmpty()) {
      for (int e : normal) {
        result.add(new int[] {e});
      }
    } else if (kind == Kind.PARALLEL) {
      result.add(ScopeAnalysis.toArray(normal));
    } else {
      List<Integer> always = new ArrayList<>();
      List<Integer> conditional = new ArrayList<>();
      int fallback = -1;
      for (int e : normal) {
        if (net.isDefault(e)) {
          fallback = e;
        } else if (net.isConditional(e)) {
          conditional.add(e);
        } else {
          always.add(e);
        }
      }
      if (conditional.size() > MAX_CONDITIONAL) {
        choicesLeftOut = true;
        someChoices(always, conditional, result);
      } else {
        for (int subset = 0; subset < 1 << conditional.size(); subset++) {
          if (subset == 0 && always.isEmpty() && (fallback >= 0 || !conditional.isEmpty())) {
            continue; // nothing taken: the default flow is, below
          }
          List<Integer> taken = new ArrayList<>(always);
          for (int k = 0; k < conditional.size(); k++) {
            if ((subset & 1 << k) != 0) {
              taken.add(conditional.get(k));
            }
          }
          result.add(ScopeAnalysis.toArray(taken));
        }
      }
      if (fallback >= 0 && always.isEmpty()) {
        result.add(new int[] {fallback});
      }
    }
    outcomes.put(node, result);
    return result;
  }

  /**
   * Where a node has too many conditional flows to try every set of them: none of them (where
   * unconditional flows are taken anyway), each one alone (what a join fed on only one of them
   * meets) and, up to {@link #MAX_PAIRED} flows, each pair (two tokens at once, what a merge that
   * does not wait meets), beside the unconditional flows.
   */
  private static void someChoices(
      List<Integer> always, List<Integer> conditional, List<int[]> result) {
    if (!always.isEmpty()) {
      result.add(ScopeAnalysis.toArray(always)); // no condition holds
    }
    for (int i = 0; i < conditional.size(); i++) {
      List<Integer> taken = new ArrayList<>(always);
      taken.add(conditional.get(i));
      result.add(ScopeAnalysis.toArray(taken));
    }
    if (conditional.size() > MAX_PAIRED) {
      return;
    }
    for (int i = 0; i < conditional.size(); i++) {
      for (int j = i + 1; j < conditional.size(); j++) {
        List<Integer> taken = new ArrayList<>(always);
        taken.add(conditional.get(i));
        taken.add(conditional.get(j));
        result.add(ScopeAnalysis.toArray(taken));
      }
    }
  }

  private boolean hasTokens(long[] state) {
    if (nextSet(state, 0, edges) >= 0) {
      return true;
    }
    for (int e : arrivedEdges) {
      if (get(state, arrivedAt[e])) {
        return true;
      }
    }
    for (int r : running) {
      if (r >= 0 && get(state, r)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The nodes the reduction left, by name: the fragment too tangled to explore. Its gateways that
   * split or join; where it has none (concurrent starts without a gateway, say), the other nodes
   * that split or join.
   */
  private List<FlowNode> fragment() {
    List<FlowNode> gateways = new ArrayList<>();
    List<FlowNode> others = new ArrayList<>();
    for (int n = 0; n < net.nodeCount(); n++) {
      if (net.in[n].size() > 1 || net.out[n].size() > 1) {
        FlowNode node = net.origin[n];
        (node.isGateway() ? gateways : others).add(node);
      }
    }
    return gateways.isEmpty() ? others : gateways;
  }

  private Map<FlowNode, FlowVerdict.Found> found(Map<FlowNode, Problem> problems, boolean dead) {
    if (problems.isEmpty()) {
      return Map.of(); // the sound case, every scope of most models
    }
    Map<FlowNode, FlowVerdict.Found> result = new LinkedHashMap<>();
    for (Problem problem : dead ? problems.values() : causes(problems)) {
      List<WitnessStep> steps = path(problem.state());
      FlowNode at = problem.at();
      // the second token's way on from the node it passes is not part of the problem; the wait
      // states on its way there are
      if (problem.move() != null && (dead || !arrivesAt(problem.move(), at))) {
        steps.addAll(steps(problem.move()));
      } else if (problem.move() != null && problem.move().edge() >= 0) {
        waitedOn(problem.move().edge(), steps);
      }
      if (dead) {
        // a token counts as waiting at the join once it has left the wait states on its way
        long[] state = states.get(problem.state());
        for (int e = nextSet(state, 0, edges); e >= 0; e = nextSet(state, e + 1, edges)) {
          if (net.origin[net.target[e]] == at) {
            waitedOn(e, steps);
          }
        }
        steps.add(
            new WitnessStep(
                at.id(),
                problem.first() == null ? null : problem.first().id(),
                at.describe()
                    + " waits forever for "
                    + SequenceFlow.describeFrom(problem.missing()),
                at.line()));
      } else {
        int arrived = problem.move().edge();
        SequenceFlow along = arrived < 0 ? null : net.last[arrived];
        steps.add(
            new WitnessStep(
                at.id(),
                along == null ? null : along.id(),
                "a second token passes "
                    + at.describe()
                    + (along == null ? "" : " from " + along.describeFlow())
                    + ", and what follows runs twice",
                at.line()));
      }
      SequenceFlow flow = problem.first();
      if (!dead && problem.move().edge() >= 0) {
        flow = net.last[problem.move().edge()];
      }
      result.put(at, new FlowVerdict.Found(at, flow, problem.missing(), steps));
    }
    return result;
  }

  /**
   * The second tokens that are not just the consequence of another: a node reached by the second
   * token of an earlier node runs twice too, which that node's finding already says (a parallel or
   * inclusive gateway with one incoming flow after an unsynchronised merge fires once per token, as
   * Camunda 7 fires it). Shortest witnesses first; a problem whose witness passes a kept one twice
   * is left out.
   */
  private List<Problem> causes(Map<FlowNode, Problem> problems) {
    List<Problem> byLength = new ArrayList<>(problems.values());
    Map<Problem, List<Move>> paths = new HashMap<>();
    for (Problem problem : byLength) {
      List<Move> moves = movesTo(problem.state());
      moves.add(problem.move());
      paths.put(problem, moves);
    }
    byLength.sort(Comparator.comparingInt(problem -> paths.get(problem).size()));
    List<Problem> kept = new ArrayList<>();
    Map<FlowNode, Set<FlowNode>> after = new HashMap<>();
    for (Problem problem : byLength) {
      Map<FlowNode, Integer> passes = new HashMap<>();
      for (Move move : paths.get(problem)) {
        if (move.type() == MoveType.ARRIVE) {
          passes.merge(net.origin[move.node()], 1, Integer::sum);
        }
      }
      boolean consequence = false;
      for (Problem earlier : kept) {
        // a second token of the earlier node that can come here: not a cause of its own (a node
        // before it, entered twice, is one, though its witness may pass the earlier node twice)
        consequence |=
            passes.getOrDefault(earlier.at(), 0) >= 2
                && after.computeIfAbsent(earlier.at(), this::nodesAfter).contains(problem.at());
      }
      if (!consequence) {
        kept.add(problem);
      }
    }
    return kept;
  }

  /** The elements a token can come to from {@code element}, along flows and boundary events. */
  private Set<FlowNode> nodesAfter(FlowNode element) {
    Set<FlowNode> nodes = new HashSet<>();
    for (int n = 0; n < net.nodeCount(); n++) {
      if (net.origin[n] == element) {
        BitSet reachable = reachableFrom(n);
        for (int m = reachable.nextSetBit(0); m >= 0; m = reachable.nextSetBit(m + 1)) {
          nodes.add(net.origin[m]);
        }
      }
    }
    return nodes;
  }

  /**
   * Where the tokens of a scope without start event come from: every node without incoming flow,
   * all at once.
   */
  private WitnessStep implicitStart() {
    List<FlowNode> starts = new ArrayList<>();
    for (FlowNode node : net.analysis.nodes()) {
      if (net.analysis.isStart(node) && !net.analysis.isExempt(node)) {
        starts.add(node);
      }
    }
    List<String> names = BpmnElement.describeFirst(starts, 3);
    String listed =
        starts.size() > 3
            ? String.join(", ", names) + " and " + (starts.size() - 3) + " more"
            : inWords(names);
    FlowNode first = starts.get(0);
    return new WitnessStep(
        first.id(),
        null,
        "without a start event it starts at " + listed + (starts.size() > 1 ? " at once" : ""),
        first.line());
  }

  private boolean arrivesAt(Move move, FlowNode node) {
    return move.type() == MoveType.ARRIVE && net.origin[move.node()] == node;
  }

  /** The choices and events on the path from a start to a state. */
  private List<WitnessStep> path(int state) {
    List<WitnessStep> steps = new ArrayList<>();
    for (Move move : movesTo(state)) {
      steps.addAll(steps(move));
    }
    return steps;
  }

  /** The moves from a start to a state, in the order they were made. */
  private List<Move> movesTo(int state) {
    List<Move> taken = new ArrayList<>();
    for (int s = state; s >= 0; s = parents.get(s)) {
      taken.add(moves.get(s));
    }
    Collections.reverse(taken);
    return taken;
  }

  private List<WitnessStep> steps(Move move) {
    List<WitnessStep> steps = new ArrayList<>(1);
    switch (move.type()) {
      case START -> {
        FlowNode start = net.startEvents.get(move.node());
        if (start == null) {
          steps.add(implicitStart());
        } else if (move.alternatives() > 1) {
          steps.add(
              new WitnessStep(start.id(), null, "it starts at " + start.describe(), start.line()));
        }
      }
      case FIRE -> {
        WitnessStep event = Witnesses.event(net.boundary[move.edge()]);
        if (event != null) {
          steps.add(event);
        }
      }
      case COMPLETE, ARRIVE -> {
        FlowNode node = net.origin[move.node()];
        if (move.edge() >= 0) {
          waitedOn(move.edge(), steps);
        } else if (move.type() == MoveType.ARRIVE) {
          // a parallel or inclusive gateway that fires takes the tokens of all its incoming flows
          IntList incoming = net.in[move.node()];
          for (int k = 0; k < incoming.size(); k++) {
            waitedOn(incoming.get(k), steps);
          }
        }
        if (move.type() == MoveType.COMPLETE) {
          steps.add(new WitnessStep(node.id(), null, node.describe() + " completes", node.line()));
        } else if (running[move.node()] < 0 && net.waits[move.node()] && !node.isGateway()) {
          // which wait state is left first decides what the other tokens meet
          steps.add(left(node));
        }
        if (move.alternatives() > 1 && move.taken().length > 0) {
          steps.add(choice(node, move.taken()));
        }
      }
      default -> throw new IllegalStateException(move.type().toString());
    }
    return steps;
  }

  /**
   * The wait states on the way of an edge's token, left in this order; the event an event-based
   * gateway's choice named ("comes first") is not said again.
   */
  private void waitedOn(int edge, List<WitnessStep> steps) {
    if (net.waitedAt[edge] == null) {
      return;
    }
    SequenceFlow entry = net.first[edge];
    for (FlowNode waited : net.waitedAt[edge]) {
      if (entry == null
          || entry.target() != waited
          || entry.source() == null
          || !entry.source().isEventBasedGateway()) {
        steps.add(left(waited));
      }
    }
  }

  /**
   * "'Review' (review) completes", or "the message event 'Paid' (paid) occurs": a wait state left.
   */
  private static WitnessStep left(FlowNode node) {
    return new WitnessStep(
        node.id(),
        null,
        node.isIntermediateCatchEvent()
            ? "the " + Witnesses.eventKind(node) + " " + node.describe() + " occurs"
            : node.describe() + " completes",
        node.line());
  }

  /** "at 'Amount?' take 'small'", or several flows for an inclusive choice. */
  private WitnessStep choice(FlowNode node, int[] taken) {
    SequenceFlow flow = net.first[taken[0]];
    if (taken.length == 1 && flow != null) {
      WitnessStep single = Witnesses.choice(flow);
      if (single != null) {
        return single;
      }
    }
    List<String> names = new ArrayList<>();
    for (int e : taken) {
      SequenceFlow each = net.first[e];
      if (each != null) {
        names.add(each.describe());
      }
    }
    String text =
        (node.isGateway() ? "at " : "after ") + node.describe() + " take " + inWords(names);
    return new WitnessStep(node.id(), flow == null ? null : flow.id(), text, node.line());
  }

  /** "A", "A and B", "A, B and C". */
  private static String inWords(List<String> names) {
    return names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " and "
            + names.get(names.size() - 1);
  }

  private static boolean get(long[] state, int place) {
    return (state[place >>> 6] & 1L << place) != 0;
  }

  private static void set(long[] state, int place) {
    state[place >>> 6] |= 1L << place;
  }

  private static void clear(long[] state, int place) {
    state[place >>> 6] &= ~(1L << place);
  }

  /** The next set place in [from, to), or -1. */
  private static int nextSet(long[] state, int from, int to) {
    for (int p = from; p < to; p++) {
      long word = state[p >>> 6] >>> p;
      if (word == 0) {
        p = (p | 63);
        continue;
      }
      int found = p + Long.numberOfTrailingZeros(word);
      return found < to ? found : -1;
    }
    return -1;
  }

  /** A state as a hash key. */
  private record Key(long[] words) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Arrays.equals(words, key.words);
    }

    /**
     * States differ in a bit or two of mostly empty words, where {@link Arrays#hashCode(long[])}
     * collides often (a token one place on is a near multiple of 31 away): each word is mixed with
     * its index.
     */
    @Override
    public int hashCode() {
      long h = 0;
      for (int w = 0; w < words.length; w++) {
        if (words[w] != 0) {
          h += Long.rotateLeft(words[w] * 0x9E3779B97F4A7C15L, w) ^ (w * 0xC2B2AE3D27D4EB4FL);
        }
      }
      h ^= h >>> 29;
      h *= 0xBF58476D1CE4E5B9L;
      return (int) (h ^ (h >>> 32));
    }
  }
}
