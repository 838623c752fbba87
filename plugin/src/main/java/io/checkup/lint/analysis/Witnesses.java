package io.checkup.lint.analysis;

import io.checkup.lint.WitnessStep;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths that lead to a flow finding, as the choices and events on them: a shortest path from a
 * start of the scope to a node, and a shortest path along one branch of a split. Steps that need no
 * choice (a task, a parallel gateway) are left out: the witness says what must happen, not
 * everything that does.
 */
public final class Witnesses {

  private Witnesses() {}

  /** The choices and events on a shortest path from a start of the scope to {@code target}. */
  public static List<WitnessStep> to(ScopeAnalysis analysis, FlowNode target) {
    int goal = analysis.indexOf(target);
    if (goal < 0) {
      return List.of();
    }
    int[] previous = analysis.startTree();
    if (previous[goal] == -2) {
      return List.of();
    }
    List<int[]> edges = new ArrayList<>();
    for (int node = goal; previous[node] >= 0; node = previous[node]) {
      edges.add(new int[] {previous[node], node});
    }
    Collections.reverse(edges);
    List<WitnessStep> steps = new ArrayList<>();
    for (int[] edge : edges) {
      FlowNode from = analysis.node(edge[0]);
      FlowNode to = analysis.node(edge[1]);
      SequenceFlow flow = null;
      for (SequenceFlow candidate : from.outgoing()) {
        if (candidate.target() == to) {
          flow = candidate;
          break;
        }
      }
      WitnessStep step = flow != null ? choice(flow) : event(to);
      if (step != null) {
        steps.add(step);
      }
    }
    return steps;
  }

  /**
   * The choices and events on a shortest path that starts with {@code first} and ends with {@code
   * last}, not passing {@code split} nor the nodes in {@code stopAt} (they are reached, not
   * passed).
   */
  public static List<WitnessStep> along(
      ScopeAnalysis analysis,
      SequenceFlow first,
      SequenceFlow last,
      FlowNode split,
      BitSet stopAt,
      WorkBudget budget) {
    Map<SequenceFlow, SequenceFlow> previous = new HashMap<>();
    Deque<SequenceFlow> queue = new ArrayDeque<>();
    previous.put(first, first);
    queue.add(first);
    while (!queue.isEmpty() && !previous.containsKey(last)) {
      if (!budget.spend()) {
        return List.of(); // a scope too tangled to finish: the witness names the split and the join
      }
      SequenceFlow flow = queue.poll();
      FlowNode node = flow.target();
      int index = node == null ? -1 : analysis.indexOf(node);
      if (index < 0 || node == split || stopAt.get(index)) {
        continue;
      }
      List<SequenceFlow> next = new ArrayList<>(node.outgoing());
      for (FlowNode boundary : node.boundaryEvents()) {
        next.addAll(boundary.outgoing());
      }
      if (node.isLinkThrow()) {
        for (FlowNode partner : node.linkPartners()) {
          next.addAll(partner.outgoing());
        }
      }
      for (SequenceFlow candidate : next) {
        if (!previous.containsKey(candidate)) {
          previous.put(candidate, flow);
          queue.add(candidate);
        }
      }
    }
    if (!previous.containsKey(last)) {
      return List.of();
    }
    List<SequenceFlow> path = new ArrayList<>();
    for (SequenceFlow flow = last; ; flow = previous.get(flow)) {
      path.add(flow);
      if (flow == first) {
        break;
      }
    }
    Collections.reverse(path);
    List<WitnessStep> steps = new ArrayList<>();
    for (SequenceFlow flow : path) {
      FlowNode source = flow.source();
      if (source != null && source.isBoundaryEvent() && source.attachedTo() != null) {
        steps.add(event(source));
      }
      WitnessStep step = choice(flow);
      if (step != null) {
        steps.add(step);
      }
    }
    return steps;
  }

  /** "at 'Amount?' take 'small'", for a flow that leaves a node with a choice. */
  public static WitnessStep choice(SequenceFlow flow) {
    FlowNode source = flow.source();
    if (source == null || source.outgoing().size() < 2) {
      return null;
    }
    if (source.isGateway() && !source.isParallelGateway()) {
      String what =
          source.isEventBasedGateway() && flow.target() != null
              ? "at " + source.describe() + " " + flow.target().describe() + " comes first"
              : "at " + source.describe() + " take " + flow.describe();
      return new WitnessStep(source.id(), flow.id(), what, source.line());
    }
    for (SequenceFlow other : source.outgoing()) {
      if (other.hasCondition() || other.isDefault()) {
        // an activity's conditional flows choose too
        return new WitnessStep(
            source.id(),
            flow.id(),
            "after " + source.describe() + " take " + flow.describe(),
            source.line());
      }
    }
    return null;
  }

  /** "the event 'Late' on 'Pay invoice' fires", for a boundary event; null for anything else. */
  static WitnessStep event(FlowNode node) {
    if (!node.isBoundaryEvent() || node.attachedTo() == null) {
      return null;
    }
    return new WitnessStep(
        node.id(),
        null,
        "the event " + node.describe() + " on " + node.attachedTo().describe() + " fires",
        node.line());
  }

  /** The steps as one sentence for a message: "at 'A' take 'x'; 'J' waits forever for ...". */
  public static String sentence(List<WitnessStep> steps) {
    List<String> texts = new ArrayList<>(steps.size());
    for (WitnessStep step : steps) {
      texts.add(step.step());
    }
    return String.join("; ", texts);
  }
}
