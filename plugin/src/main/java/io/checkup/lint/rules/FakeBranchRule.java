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
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unfinished branches: paths a token can take that never reach a proper end. Four shapes: a dead
 * end, a loop with no exit, a placeholder branch where nothing happens, and a sequence flow with a
 * missing end.
 */
@RuleInfo(
    id = "fake-branch",
    severity = Severity.ERROR,
    category = RuleInfo.Category.MISSION,
    summary =
        "Unfinished branches: dead ends, loops without exit, placeholder branches of untyped tasks and "
            + "sequence flows with a missing source or target.")
public final class FakeBranchRule implements Rule {

  /**
   * Fact: what is unfinished: {@value #DEAD_END}, {@value #NO_EXIT}, {@value #PLACEHOLDER} or
   * {@value #BROKEN_FLOW}.
   */
  public static final String KIND = "kind";

  /** Fact: the id of the sequence flow that starts the branch (where the finding has one). */
  public static final String BRANCH = "branch";

  public static final String DEAD_END = "dead-end";
  public static final String NO_EXIT = "no-exit";
  public static final String PLACEHOLDER = "placeholder";
  public static final String BROKEN_FLOW = "broken-flow";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (SequenceFlow flow : graph.sequenceFlows()) {
      reportBrokenFlow(flow, context);
    }
    for (Scope scope : graph.scopes()) {
      if (scope.kind() != Scope.Kind.AD_HOC_SUB_PROCESS) {
        checkScope(graph, ScopeAnalysis.of(graph, scope), context);
      }
    }
  }

  private static void reportBrokenFlow(SequenceFlow flow, RuleContext context) {
    if (flow.source() != null && flow.target() != null) {
      return; // every flow of a deployable model: nothing to build
    }
    List<String> problems = new ArrayList<>(2);
    if (flow.source() == null) {
      problems.add(
          flow.sourceRef() == null
              ? "has no sourceRef"
              : "has sourceRef '" + flow.sourceRef() + "', which names no flow node");
    }
    if (flow.target() == null) {
      problems.add(
          flow.targetRef() == null
              ? "has no targetRef"
              : "has targetRef '" + flow.targetRef() + "', which names no flow node");
    }
    if (!problems.isEmpty()) {
      context.report(
          flow,
          "Fake branch: "
              + flow.describeFlow()
              + " "
              + String.join(" and ", problems)
              + ", so no token can pass it",
          List.of(),
          facts(BROKEN_FLOW, flow));
    }
  }

  private static void checkScope(BpmnGraph graph, ScopeAnalysis analysis, RuleContext context) {
    List<SequenceFlow> branchStarts = new ArrayList<>();
    for (FlowNode node : analysis.nodes()) {
      if (analysis.isExempt(node)) {
        continue;
      }
      if (node.isGateway() && node.isSplit()) {
        branchStarts.addAll(node.outgoing());
      } else if (node.isBoundaryEvent()
          && !node.hasEventDefinition("compensate")
          && analysis.isReachable(node)) {
        // one without outgoing flow is no-disconnected's finding (and no-implicit-end's, as in
        // bpmnlint): one cause, not a third finding here
        branchStarts.addAll(node.outgoing());
      }
    }
    SequenceFlow[] nearestBranch = nearestBranch(analysis, branchStarts);
    for (FlowNode node : analysis.nodes()) {
      SequenceFlow branch = nearestBranch[node.indexInScope()];
      if (branch != null && isDeadEnd(node, analysis)) {
        context.report(
            node,
            "Fake branch: the branch "
                + describeBranch(branch)
                + " ends at "
                + node.describe()
                + ", which is not an end event and has no outgoing sequence flow",
            BpmnElement.ids(branch),
            facts(DEAD_END, branch));
      }
    }
    reportLoopsWithoutExit(graph, analysis, context);
    if (!analysis.scope().isExecutable()) {
      // a descriptive model writes every step as an untyped task: that is no placeholder there
      return;
    }
    for (SequenceFlow branch : branchStarts) {
      if (branch.source() == null || !analysis.isReachable(branch.source())) {
        continue;
      }
      FlowNode placeholderEnd = placeholderEnd(branch);
      // a run of placeholders whose last one leads nowhere: that dead end is reported above, one
      // cause, one finding (placeholders before a join that leads nowhere are a cause of their own)
      if (placeholderEnd != null
          && !(isPlaceholder(placeholderEnd) && isDeadEnd(placeholderEnd, analysis))) {
        context.report(
            branch,
            "Fake branch: the branch "
                + describeBranch(branch)
                + " holds only untyped tasks or events before "
                + placeholderEnd.describe()
                + "; nothing happens on it",
            BpmnElement.ids(branch.target()),
            facts(PLACEHOLDER, branch));
      }
    }
  }

  /**
   * Multi-source breadth-first labelling: each node gets the branch that reaches it in the fewest
   * steps.
   */
  private static SequenceFlow[] nearestBranch(
      ScopeAnalysis analysis, List<SequenceFlow> branchStarts) {
    SequenceFlow[] label = new SequenceFlow[analysis.nodes().size()];
    ArrayDeque<FlowNode> queue = new ArrayDeque<>();
    for (SequenceFlow start : branchStarts) {
      int target = start.target() == null ? -1 : analysis.indexOf(start.target());
      if (target >= 0 && label[target] == null) {
        label[target] = start;
        queue.add(start.target());
      }
    }
    while (!queue.isEmpty()) {
      FlowNode node = queue.poll();
      SequenceFlow branch = label[node.indexInScope()];
      for (SequenceFlow flow : node.outgoing()) {
        int next = flow.target() == null ? -1 : analysis.indexOf(flow.target());
        if (next >= 0 && label[next] == null) {
          label[next] = branch;
          queue.add(flow.target());
        }
      }
    }
    return label;
  }

  private static boolean isDeadEnd(FlowNode node, ScopeAnalysis analysis) {
    return node.outgoing().isEmpty()
        && !node.isEndEvent()
        && !node.isBoundaryEvent()
        && !(node.isLinkThrow() && !node.linkPartners().isEmpty())
        && !analysis.isExempt(node)
        && analysis.isReachable(node);
  }

  /**
   * Reachable nodes from which no end can be reached, reported once per trap at the node where it
   * is entered.
   */
  private static void reportLoopsWithoutExit(
      BpmnGraph graph, ScopeAnalysis analysis, RuleContext context) {
    Set<FlowNode> trapped = Collections.newSetFromMap(new IdentityHashMap<>());
    for (FlowNode node : analysis.nodes()) {
      if (analysis.isReachable(node) && !analysis.canEndItsPath(node) && !analysis.isExempt(node)) {
        trapped.add(node);
      }
    }
    Set<FlowNode> seen = new HashSet<>();
    for (FlowNode node : analysis.nodes()) {
      if (!trapped.contains(node) || seen.contains(node)) {
        continue;
      }
      // the trap: every trapped node connected to this one
      List<FlowNode> trap = new ArrayList<>();
      ArrayDeque<FlowNode> queue = new ArrayDeque<>(List.of(node));
      seen.add(node);
      while (!queue.isEmpty()) {
        FlowNode current = queue.poll();
        trap.add(current);
        int i = analysis.indexOf(current);
        for (int[] neighbours : new int[][] {analysis.successors(i), analysis.predecessors(i)}) {
          for (int j : neighbours) {
            FlowNode other = analysis.node(j);
            if (trapped.contains(other) && seen.add(other)) {
              queue.add(other);
            }
          }
        }
      }
      FlowNode entry = null;
      SequenceFlow entering = null;
      for (FlowNode candidate : trap) {
        for (SequenceFlow flow : candidate.incoming()) {
          if (flow.source() != null
              && !trapped.contains(flow.source())
              && (entry == null || candidate.order() < entry.order())) {
            entry = candidate;
            entering = flow;
          }
        }
        if (entry == null && (analysis.isStart(candidate) || candidate.isBoundaryEvent())) {
          entry = candidate;
        }
      }
      if (entry == null) {
        entry = trap.get(0);
      }
      if (everyCycleWaits(trap)
          && (leftFromOutside(analysis.scope())
              || TerminateBeside.endsTrap(graph, analysis, trap))) {
        // a loop that waits (reminders every three days) until an event from outside interrupts
        // its scope (the payment's message on the sub-process), or until a terminate end event
        // on a path beside it ends the scope (the pizza is delivered), is left that way
        continue;
      }
      List<FlowNode> inLoop = inDocumentOrder(trap);
      List<String> names = new ArrayList<>();
      for (FlowNode looped : inLoop) {
        names.add(looped.id() != null ? looped.id() : looped.describe());
      }
      List<String> ids = BpmnElement.ids(inLoop);
      context.report(
          entry,
          "Fake branch: no end event can be reached from "
              + entry.describe()
              + (entering == null ? "" : " (entered by " + entering.describeFlow() + ")")
              + "; the loop has no way out (no end is reachable from "
              + String.join(", ", names)
              + ")"
              + besideTheLoop(inLoop),
          ids,
          facts(NO_EXIT, entering));
    }
  }

  /**
   * Whether something from outside the scope can end it: an interrupting timer, message, signal or
   * conditional boundary event of the sub-process (or of one around it), or an interrupting event
   * sub-process started by one of those. Not the event sub-process the scope is in (starting it
   * again enters the same loop), nor, once an interrupting event sub-process runs, the others
   * beside it (it has cancelled their subscriptions).
   */
  private static boolean leftFromOutside(Scope scope) {
    Scope cameFrom = null;
    for (Scope around = scope; around != null; around = around.parent()) {
      FlowNode owner = around.owner();
      if (owner != null && around.kind() != Scope.Kind.EVENT_SUB_PROCESS) {
        for (FlowNode event : owner.boundaryEvents()) {
          if (event.cancelsActivity() && fromOutside(event)) {
            return true;
          }
        }
      }
      boolean interruptedHere =
          cameFrom != null
              && cameFrom.kind() == Scope.Kind.EVENT_SUB_PROCESS
              && interruptingStart(cameFrom) != null;
      if (!interruptedHere) {
        for (Scope inner : around.children()) {
          if (inner.kind() == Scope.Kind.EVENT_SUB_PROCESS && inner != cameFrom) {
            FlowNode start = interruptingStart(inner);
            if (start != null && fromOutside(start)) {
              return true;
            }
          }
        }
      }
      cameFrom = around;
    }
    return false;
  }

  /** The interrupting start event of an event sub-process, or null. */
  private static FlowNode interruptingStart(Scope eventSubProcess) {
    for (FlowNode start : eventSubProcess.flowNodes()) {
      if (start.isStartEvent() && start.isInterrupting()) {
        return start;
      }
    }
    return null;
  }

  private static boolean fromOutside(FlowNode event) {
    return event.hasEventDefinition("timer")
        || event.hasEventDefinition("message")
        || event.hasEventDefinition("signal")
        || event.hasEventDefinition("conditional");
  }

  /**
   * Whether every cycle of the trap passes a wait state, where an event from outside can come in:
   * its nodes that run through form no cycle among themselves (a loop of them spins in one
   * transaction, whatever waits on the way into it).
   */
  private static boolean everyCycleWaits(List<FlowNode> trap) {
    Set<FlowNode> through = Collections.newSetFromMap(new IdentityHashMap<>());
    for (FlowNode node : trap) {
      if (!ScopeAnalysis.isWaitState(node)) {
        through.add(node);
      }
    }
    return Acyclic.among(through);
  }

  /**
   * Names the non-interrupting boundary events of a trap: each starts a path of its own beside the
   * loop, which is no way out of it.
   */
  private static String besideTheLoop(List<FlowNode> trap) {
    List<FlowNode> events = new ArrayList<>(0);
    for (FlowNode node : trap) {
      for (FlowNode event : node.boundaryEvents()) {
        if (!event.cancelsActivity() && !event.hasEventDefinition("compensate")) {
          events.add(event);
        }
      }
    }
    if (events.isEmpty()) {
      return "";
    }
    return "; "
        + (events.size() == 1
            ? "the non-interrupting event " + events.get(0).describe() + " starts a path"
            : "the non-interrupting events "
                + String.join(", ", BpmnElement.describeFirst(events, events.size()))
                + " start paths")
        + " of "
        + (events.size() == 1 ? "its" : "their")
        + " own beside the loop, which goes on";
  }

  private static List<FlowNode> inDocumentOrder(List<FlowNode> nodes) {
    List<FlowNode> sorted = new ArrayList<>(nodes);
    sorted.sort(
        new Comparator<>() {
          @Override
          public int compare(FlowNode a, FlowNode b) {
            return Integer.compare(a.order(), b.order());
          }
        });
    return sorted;
  }

  /**
   * The node where a placeholder branch joins or ends, when the branch holds nothing but untyped
   * tasks and untyped intermediate events (at least one of them); null otherwise.
   */
  static FlowNode placeholderEnd(SequenceFlow branch) {
    int placeholders = 0;
    // most branches stop at their first node: the set is made once the walk goes on
    Set<FlowNode> visited = null;
    FlowNode node = branch.target();
    while (node != null) {
      if (placeholders > 0) {
        if (visited == null) {
          visited = new HashSet<>();
          visited.add(branch.target());
        }
        if (!visited.add(node)) {
          break;
        }
      }
      if (node.incoming().size() >= 2 || node.isEndEvent()) {
        return placeholders > 0 ? node : null;
      }
      if (!isPlaceholder(node)) {
        return null;
      }
      placeholders++;
      if (node.outgoing().isEmpty()) {
        return node;
      }
      if (node.outgoing().size() > 1 || !node.boundaryEvents().isEmpty()) {
        return null;
      }
      node = node.outgoing().get(0).target();
    }
    return null;
  }

  private static boolean isPlaceholder(FlowNode node) {
    if (node.type().equals("task")) {
      return !node.isMultiInstance() && !node.isLoop();
    }
    return (node.isIntermediateThrowEvent() || node.isIntermediateCatchEvent())
        && node.eventDefinitions().isEmpty();
  }

  /**
   * The facts of a finding: its kind, and the sequence flow that starts the branch where there is
   * one.
   */
  private static Map<String, Object> facts(String kind, SequenceFlow branch) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(KIND, kind);
    if (branch != null && branch.id() != null) {
      facts.put(BRANCH, branch.id());
    }
    return facts;
  }

  private static String describeBranch(SequenceFlow branch) {
    FlowNode source = branch.source();
    if (branch.id() == null) {
      FlowNode target = branch.target();
      return "from "
          + (source == null ? "nowhere" : source.describe())
          + " to "
          + (target == null ? "nowhere" : target.describe());
    }
    // by its name too: a modeler knows the branch as 'no', not as SequenceFlow_1qyrk3u
    return branch.describe() + (source == null ? "" : " leaving " + source.describe());
  }
}
