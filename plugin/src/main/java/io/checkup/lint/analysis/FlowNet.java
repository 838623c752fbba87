package io.checkup.lint.analysis;

import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayList;
import java.util.List;

/**
 * One scope as the token game the flow rules decide on: a multigraph whose nodes fire as Camunda 7
 * executes them and whose edges hold tokens. An edge stands for a sequence flow, for the hand-over
 * from an activity to one of its boundary events, from a link throw event to its catch event, or
 * for the entry into a start. {@link FragmentReduction} shrinks it in place: an edge may then stand
 * for a whole well-structured fragment, and keeps the first and the last sequence flow of it to
 * name it.
 */
final class FlowNet {

  /** How a node fires. */
  enum Kind {
    /** Exclusive or event-based gateway: each arrival passes, one outgoing edge is taken. */
    EXCLUSIVE,
    /** Parallel gateway: waits for every incoming edge, takes every outgoing one. */
    PARALLEL,
    /**
     * Inclusive gateway: fires when every incoming edge holds a token, or else waits while a token
     * elsewhere in the scope can still reach it; takes its unconditional flows and any of its
     * conditional ones, or else its default flow.
     */
    INCLUSIVE,
    /** Complex gateway: outside the semantics, no verdict. */
    COMPLEX,
    /**
     * Any other node (activity, event): each arrival passes, it takes all its outgoing flows whose
     * conditions may hold, as an inclusive split does.
     */
    ACTIVITY
  }

  /** What an edge stands for. */
  enum EdgeKind {
    FLOW,
    ENTRY,
    INTERRUPTING,
    NON_INTERRUPTING,
    LINK
  }

  final ScopeAnalysis analysis;
  final List<FlowNode> origin;
  final List<Kind> kind;
  final List<List<Integer>> in;
  final List<List<Integer>> out;
  final List<Boolean> terminates;

  final List<Integer> source;
  final List<Integer> target;
  final List<EdgeKind> edgeKind;
  final List<SequenceFlow> first;
  final List<SequenceFlow> last;
  final List<FlowNode> boundary;
  final List<Boolean> alive;

  /** The entry edges of each way the scope can start: one start event, or all implicit starts. */
  final List<List<Integer>> starts = new ArrayList<>();

  /** The start event of each way in {@link #starts}; null for the implicit starts. */
  final List<FlowNode> startEvents = new ArrayList<>();

  boolean covered = true;

  /**
   * Lists sized for the scope at once: growing them as edges came was a quarter of building the
   * net.
   */
  private FlowNet(ScopeAnalysis analysis, int nodes, int edges) {
    this.analysis = analysis;
    origin = new ArrayList<>(nodes);
    kind = new ArrayList<>(nodes);
    in = new ArrayList<>(nodes);
    out = new ArrayList<>(nodes);
    terminates = new ArrayList<>(nodes);
    source = new ArrayList<>(edges);
    target = new ArrayList<>(edges);
    edgeKind = new ArrayList<>(edges);
    first = new ArrayList<>(edges);
    last = new ArrayList<>(edges);
    boundary = new ArrayList<>(edges);
    alive = new ArrayList<>(edges);
  }

  /** The token game of one scope, before any reduction. */
  static FlowNet of(ScopeAnalysis analysis) {
    List<FlowNode> nodes = analysis.nodes();
    int edges = 0;
    for (FlowNode node : nodes) {
      // at most: its flows, its boundary events, its link partners and an entry
      edges +=
          node.outgoing().size() + node.boundaryEvents().size() + node.linkPartners().size() + 1;
    }
    FlowNet net = new FlowNet(analysis, nodes.size(), edges);
    int[] index = new int[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      FlowNode node = nodes.get(i);
      index[i] = analysis.isExempt(node) ? -1 : net.addNode(node);
    }
    List<Integer> implicit = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (index[i] < 0) {
        continue;
      }
      FlowNode node = nodes.get(i);
      for (SequenceFlow flow : node.outgoing()) {
        int to = flow.target() == null ? -1 : analysis.indexOf(flow.target());
        if (to >= 0 && index[to] >= 0) {
          net.addEdge(index[i], index[to], EdgeKind.FLOW, flow, flow, null);
        }
      }
      for (FlowNode event : node.boundaryEvents()) {
        int to = analysis.indexOf(event);
        if (to >= 0 && index[to] >= 0 && !event.hasEventDefinition("compensate")) {
          EdgeKind edge =
              event.cancelsActivity() ? EdgeKind.INTERRUPTING : EdgeKind.NON_INTERRUPTING;
          net.addEdge(index[i], index[to], edge, null, null, event);
        }
      }
      if (node.isLinkThrow()) {
        for (FlowNode partner : node.linkPartners()) {
          int to = analysis.indexOf(partner);
          if (to >= 0 && index[to] >= 0) {
            net.addEdge(index[i], index[to], EdgeKind.LINK, null, null, null);
          }
        }
      }
      if (analysis.isStart(node)) {
        int entry = net.addEdge(-1, index[i], EdgeKind.ENTRY, null, null, null);
        if (node.isStartEvent()) {
          net.starts.add(List.of(entry));
          net.startEvents.add(node);
        } else {
          implicit.add(entry);
        }
      }
    }
    if (!implicit.isEmpty()) {
      net.starts.add(implicit);
      net.startEvents.add(null);
    }
    return net;
  }

  private int addNode(FlowNode node) {
    int n = origin.size();
    origin.add(node);
    Kind k;
    if (node.isExclusiveGateway() || node.isEventBasedGateway()) {
      k = Kind.EXCLUSIVE;
    } else if (node.isParallelGateway()) {
      k = Kind.PARALLEL;
    } else if (node.isInclusiveGateway()) {
      k = Kind.INCLUSIVE;
    } else if (node.isGateway()) {
      k = Kind.COMPLEX;
      covered = false;
    } else {
      k = Kind.ACTIVITY;
    }
    kind.add(k);
    in.add(new ArrayList<>(2));
    out.add(new ArrayList<>(2));
    // an error end event ends its scope as a terminate end event does: its sub-process is left; so
    // does an escalation that an interrupting event catches
    terminates.add(
        node.isEndEvent()
                && (node.hasEventDefinition("terminate") || node.hasEventDefinition("error"))
            || EscalationCatch.interrupts(node));
    return n;
  }

  private int addEdge(
      int from, int to, EdgeKind edge, SequenceFlow firstFlow, SequenceFlow lastFlow, FlowNode b) {
    int e = source.size();
    source.add(from);
    target.add(to);
    edgeKind.add(edge);
    first.add(firstFlow);
    last.add(lastFlow);
    boundary.add(b);
    alive.add(true);
    if (from >= 0) {
      out.get(from).add(e);
    }
    in.get(to).add(e);
    return e;
  }

  int nodeCount() {
    return origin.size();
  }

  int edgeCount() {
    return source.size();
  }

  /** True for an activity with boundary events: it runs until it completes or one fires. */
  boolean isHost(int node) {
    for (int e : out.get(node)) {
      if (isBoundary(e)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True for a node that sends a token along every outgoing sequence flow at once: a parallel
   * gateway, or an activity (an implicit split) none of whose flows has a condition or is a
   * default.
   */
  boolean takesAllFlows(int node) {
    if (kind.get(node) == Kind.PARALLEL) {
      return true;
    }
    if (kind.get(node) != Kind.ACTIVITY) {
      return false;
    }
    for (int e : out.get(node)) {
      if (isConditional(e) || isDefault(e)) {
        return false;
      }
    }
    return true;
  }

  boolean isBoundary(int edge) {
    EdgeKind k = edgeKind.get(edge);
    return k == EdgeKind.INTERRUPTING || k == EdgeKind.NON_INTERRUPTING;
  }

  /** A flow that leaves its node only when its condition holds. */
  boolean isConditional(int edge) {
    SequenceFlow flow = first.get(edge);
    return flow != null && flow.hasCondition() && !flow.isDefault();
  }

  boolean isDefault(int edge) {
    SequenceFlow flow = first.get(edge);
    return flow != null && flow.isDefault();
  }

  /** Removes an edge from the net. */
  void remove(int edge) {
    alive.set(edge, false);
    if (source.get(edge) >= 0) {
      out.get(source.get(edge)).remove(Integer.valueOf(edge));
    }
    in.get(target.get(edge)).remove(Integer.valueOf(edge));
  }

  /** Makes {@code edge} end where {@code next} ends, and removes {@code next}: a series. */
  void extend(int edge, int next) {
    int to = target.get(next);
    remove(next);
    in.get(target.get(edge)).remove(Integer.valueOf(edge));
    target.set(edge, to);
    last.set(edge, last.get(next));
    in.get(to).add(edge);
  }
}
