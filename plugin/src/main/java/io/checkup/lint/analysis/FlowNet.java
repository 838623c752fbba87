package io.checkup.lint.analysis;

import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import io.checkup.lint.xml.XmlNode;
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

  // per node, indexed by node; sized for the scope at once
  final FlowNode[] origin;
  final Kind[] kind;
  final IntList[] in;
  final IntList[] out;
  final boolean[] terminates;

  /**
   * Per node: a wait state, where a token stays until something outside the transaction moves it
   * (see {@link #waitState}); a token anywhere else moves on in the transaction that brought it.
   */
  final boolean[] waits;

  private int nodeCount;

  // per edge, indexed by edge; an upper bound of the edges is known before any is added
  final int[] source;
  final int[] target;
  final EdgeKind[] edgeKind;
  final SequenceFlow[] first;
  final SequenceFlow[] last;
  final FlowNode[] boundary;
  final boolean[] alive;

  /** Per edge: the fragment it stands for holds a wait state (its own nodes, not its ends). */
  final boolean[] waitsOn;

  /**
   * Per edge: the wait states of the stretch it stands for, in order, for witnesses (which is left
   * first decides what other tokens meet); null when none, or when the edge stands for several
   * branches, where a token may be in any of them.
   */
  final List<FlowNode>[] waitedAt;

  private int edgeCount;

  /** The entry edges of each way the scope can start: one start event, or all implicit starts. */
  final List<List<Integer>> starts = new ArrayList<>();

  /** The start event of each way in {@link #starts}; null for the implicit starts. */
  final List<FlowNode> startEvents = new ArrayList<>();

  boolean covered = true;

  private FlowNet(ScopeAnalysis analysis, int nodes, int edges) {
    this.analysis = analysis;
    origin = new FlowNode[nodes];
    kind = new Kind[nodes];
    in = new IntList[nodes];
    out = new IntList[nodes];
    terminates = new boolean[nodes];
    waits = new boolean[nodes];
    source = new int[edges];
    target = new int[edges];
    edgeKind = new EdgeKind[edges];
    first = new SequenceFlow[edges];
    last = new SequenceFlow[edges];
    boundary = new FlowNode[edges];
    alive = new boolean[edges];
    waitsOn = new boolean[edges];
    @SuppressWarnings("unchecked")
    List<FlowNode>[] stretches = new List[edges];
    waitedAt = stretches;
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
        if (to >= 0
            && index[to] >= 0
            && !event.hasEventDefinition("compensate")
            && (waitsWhileActive(node) || !onlyWhileWaiting(event) || mayStandForWork(node))) {
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
    int n = nodeCount++;
    origin[n] = node;
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
    kind[n] = k;
    in[n] = new IntList(node.incoming().size() + 1);
    out[n] = new IntList(node.outgoing().size() + node.boundaryEvents().size() + 1);
    // an error end event ends its scope as a terminate end event does: its sub-process is left; a
    // cancel end event ends its transaction (whose cancel boundary event fires); so does an
    // escalation that an interrupting event catches
    terminates[n] =
        node.isEndEvent()
                && (node.hasEventDefinition("terminate")
                    || node.hasEventDefinition("error")
                    || node.hasEventDefinition("cancel"))
            || EscalationCatch.interrupts(node)
            || SignalCatch.interrupts(node);
    waits[n] = waitState(node);
    return n;
  }

  /**
   * Whether Camunda 7 stops at the node until something outside the transaction moves its token: a
   * user or receive task, a catch event, an event-based gateway, an external task, a called or
   * embedded process (which may wait inside), anything asynchronous, and anything not known to run
   * through. Gateways, events that throw or end, and tasks that run code run in the transaction
   * that reached them.
   */
  static boolean waitState(FlowNode node) {
    return asynchronous(node.xml()) || waitsWhileActive(node);
  }

  /**
   * Whether an element is marked {@code asyncBefore}, {@code asyncAfter} or (Camunda's older word)
   * {@code async}: an activity, or a multi-instance activity's loop characteristics.
   */
  private static boolean asynchronous(XmlNode element) {
    return "true".equals(BpmnElement.camundaAttr(element, "asyncBefore"))
        || "true".equals(BpmnElement.camundaAttr(element, "asyncAfter"))
        || "true".equals(BpmnElement.camundaAttr(element, "async"));
  }

  /**
   * Whether the activity, once Camunda has created it, waits before it completes: what its timer,
   * message and signal boundary events need to fire. Its own {@code asyncBefore} does not count
   * (the job runs before the activity and its event subscriptions are created, then runs it through
   * in one transaction), nor its own {@code asyncAfter} when it has outgoing flows (the activity
   * and its subscriptions are gone before the job). Without outgoing flows Camunda ends it after
   * the {@code asyncAfter} job, so its subscriptions wait with that job and its events may fire. An
   * asynchronous inner activity of a multi-instance activity (whose boundary events belong to the
   * whole) waits, as does anything asynchronous inside a sub-process.
   */
  static boolean waitsWhileActive(FlowNode node) {
    if ("external".equals(node.camundaAttr("type"))
        || node.outgoing().isEmpty() && "true".equals(node.camundaAttr("asyncAfter"))) {
      return true;
    }
    XmlNode multiInstance = node.multiInstance();
    if (multiInstance != null && asynchronous(multiInstance)) {
      return true;
    }
    return switch (node.type()) {
      case "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "complexGateway",
          "startEvent",
          "endEvent",
          "intermediateThrowEvent",
          "boundaryEvent",
          "task",
          "manualTask",
          "scriptTask",
          "businessRuleTask",
          "serviceTask",
          "sendTask" ->
          false;
      // a link moves the token on in the same transaction, from its throw event to its catch event
      case "intermediateCatchEvent" -> !node.isLinkCatch();
      // an embedded sub-process runs through when nothing inside it waits
      case "subProcess", "transaction" ->
          node.innerScope() == null || waitsInside(node.innerScope());
      default -> true;
    };
  }

  /**
   * An event that comes from outside the transaction (a timer, a message, a signal): it can fire
   * only while its activity waits. On an activity that runs through in one transaction (a service
   * task, a sub-process with nothing inside that waits) it never does; an error or escalation
   * thrown by the activity's own work can.
   */
  private static boolean onlyWhileWaiting(FlowNode event) {
    return event.hasEventDefinition("timer")
        || event.hasEventDefinition("message")
        || event.hasEventDefinition("signal");
  }

  /**
   * A plain task, or any activity of a process that is not executable, may stand for work that
   * takes time (a descriptive model draws the work, not how it runs): its events may fire.
   */
  private static boolean mayStandForWork(FlowNode node) {
    return "task".equals(node.type())
        || node.scope() == null
        || node.scope().process() == null
        || !node.scope().process().isExecutable();
  }

  /** Whether a flow node of the scope, or of a scope inside it, is a wait state. */
  private static boolean waitsInside(Scope scope) {
    for (FlowNode node : scope.flowNodes()) {
      if (waitState(node)) {
        return true;
      }
    }
    return false;
  }

  private int addEdge(
      int from, int to, EdgeKind edge, SequenceFlow firstFlow, SequenceFlow lastFlow, FlowNode b) {
    int e = edgeCount++;
    source[e] = from;
    target[e] = to;
    edgeKind[e] = edge;
    first[e] = firstFlow;
    last[e] = lastFlow;
    boundary[e] = b;
    alive[e] = true;
    if (from >= 0) {
      out[from].add(e);
    }
    in[to].add(e);
    return e;
  }

  int nodeCount() {
    return nodeCount;
  }

  int edgeCount() {
    return edgeCount;
  }

  /** True for an activity with boundary events: it runs until it completes or one fires. */
  boolean isHost(int node) {
    IntList edges = out[node];
    for (int i = 0; i < edges.size(); i++) {
      if (isBoundary(edges.get(i))) {
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
    if (kind[node] == Kind.PARALLEL) {
      return true;
    }
    if (kind[node] != Kind.ACTIVITY) {
      return false;
    }
    IntList edges = out[node];
    for (int i = 0; i < edges.size(); i++) {
      int e = edges.get(i);
      if (isConditional(e) || isDefault(e)) {
        return false;
      }
    }
    return true;
  }

  boolean isBoundary(int edge) {
    EdgeKind k = edgeKind[edge];
    return k == EdgeKind.INTERRUPTING || k == EdgeKind.NON_INTERRUPTING;
  }

  /** A flow that leaves its node only when its condition holds. */
  boolean isConditional(int edge) {
    SequenceFlow flow = first[edge];
    return flow != null && flow.hasCondition() && !flow.isDefault();
  }

  boolean isDefault(int edge) {
    SequenceFlow flow = first[edge];
    return flow != null && flow.isDefault();
  }

  /** Removes an edge from the net. */
  void remove(int edge) {
    alive[edge] = false;
    if (source[edge] >= 0) {
      out[source[edge]].removeValue(edge);
    }
    in[target[edge]].removeValue(edge);
  }

  /**
   * Removes every sequence flow edge from {@code from} to {@code to} but the first, in one pass
   * over each of the two nodes' edges; with {@code like} an edge, only those that wait as it does.
   */
  void removeAllButFirst(int from, int to, int like) {
    boolean first = true;
    int kept = -1;
    boolean waited = false;
    IntList edges = out[from];
    for (int i = 0; i < edges.size(); i++) {
      int e = edges.get(i);
      if (target[e] == to
          && edgeKind[e] == EdgeKind.FLOW
          && (like < 0 || waitsOn[e] == waitsOn[like])) {
        if (first) {
          first = false;
          kept = e;
        } else {
          alive[e] = false;
          waited |= waitsOn[e];
        }
      }
    }
    // the one edge stands for each of the branches: a token on it may be in any of them
    waitsOn[kept] |= waited;
    if (waited) {
      waitedAt[kept] = null;
    }
    out[from].retain(alive);
    in[to].retain(alive);
  }

  /**
   * Takes the edges of {@code node} that have been marked dead out of its outgoing edges and out of
   * their targets' incoming ones (each target entered by that one edge alone).
   */
  void retainAlive(int node) {
    IntList edges = out[node];
    for (int i = 0; i < edges.size(); i++) {
      int e = edges.get(i);
      if (!alive[e]) {
        in[target[e]].removeValue(e);
      }
    }
    edges.retain(alive);
  }

  /** Makes {@code edge} end where {@code next} ends, and removes {@code next}: a series. */
  void extend(int edge, int next) {
    int middle = target[edge];
    if (waitedAt[edge] != null || waits[middle] || waitedAt[next] != null) {
      boolean known =
          (!waitsOn[edge] || waitedAt[edge] != null) && (!waitsOn[next] || waitedAt[next] != null);
      List<FlowNode> stretch = null;
      if (known) {
        stretch = new ArrayList<>();
        if (waitedAt[edge] != null) {
          stretch.addAll(waitedAt[edge]);
        }
        if (waits[middle]) {
          stretch.add(origin[middle]);
        }
        if (waitedAt[next] != null) {
          stretch.addAll(waitedAt[next]);
        }
      }
      waitedAt[edge] = stretch;
    }
    waitsOn[edge] |= waits[target[edge]] || waitsOn[next];
    int to = target[next];
    remove(next);
    in[target[edge]].removeValue(edge);
    target[edge] = to;
    last[edge] = last[next];
    in[to].add(edge);
  }
}
