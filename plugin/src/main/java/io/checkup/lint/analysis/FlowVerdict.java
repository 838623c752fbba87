package io.checkup.lint.analysis;

import io.checkup.lint.WitnessStep;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import java.util.List;
import java.util.Map;

/**
 * The exact verdict on one scope's token flow, computed once per lint run and shared by the flow
 * rules: its well-structured fragments reduced by rules, the rest explored state by state.
 *
 * @param status whether the verdict is exact, outside the semantics, or given up on
 * @param deadlocks the joins a reachable state leaves waiting forever, each with its witness (for a
 *     scope too tangled, those found before the exploration was given up)
 * @param duplicates the nodes where a second token of one occurrence passes, each with its witness
 * @param fragment for a scope too tangled to explore: the gateways of the part that was left
 */
public record FlowVerdict(
    Status status,
    Map<FlowNode, Found> deadlocks,
    Map<FlowNode, Found> duplicates,
    List<FlowNode> fragment) {

  /** Whether there is a verdict. */
  public enum Status {
    /** Every reachable state was explored. */
    EXACT,
    /** The scope has elements outside the semantics (a complex gateway): no verdict. */
    NO_VERDICT,
    /**
     * The unstructured part has more states than the budget allows: the problems found on the way
     * are certain, the absence of others is not.
     */
    TOO_TANGLED
  }

  /**
   * A problem at a node: the flow it is about (for a deadlock the first flow the join waits for in
   * vain, for a second token the flow it came along; null when it is not a sequence flow), for a
   * deadlock every flow the join waits for in vain, and the shortest witness path.
   */
  public record Found(
      FlowNode at, SequenceFlow flow, List<SequenceFlow> waitsFor, List<WitnessStep> witness) {

    public Found {
      waitsFor = List.copyOf(waitsFor);
    }
  }

  static FlowVerdict exact(Map<FlowNode, Found> deadlocks, Map<FlowNode, Found> duplicates) {
    return new FlowVerdict(Status.EXACT, deadlocks, duplicates, List.of());
  }

  static FlowVerdict noVerdict() {
    return new FlowVerdict(Status.NO_VERDICT, Map.of(), Map.of(), List.of());
  }

  static FlowVerdict tooTangled(
      List<FlowNode> fragment, Map<FlowNode, Found> deadlocks, Map<FlowNode, Found> duplicates) {
    return new FlowVerdict(Status.TOO_TANGLED, deadlocks, duplicates, fragment);
  }

  /** The verdict on a scope for this lint run. */
  public static FlowVerdict of(BpmnGraph graph, Scope scope) {
    Key key = new Key(scope);
    FlowVerdict known = graph.memoized(key);
    if (known == null) {
      FlowNet net = FlowNet.of(ScopeAnalysis.of(graph, scope));
      FragmentReduction.reduce(net);
      known = StateSpace.explore(net);
      graph.memoize(key, known);
    }
    return known;
  }

  private record Key(Scope scope) {}

  /**
   * "the fragment of 'A', 'B', 'C' and 4 more gateways", naming the part that was too tangled to
   * explore.
   */
  public String fragmentName() {
    List<String> names = BpmnElement.describeFirst(fragment, 3);
    boolean gateways = true;
    for (FlowNode node : fragment) {
      gateways &= node.isGateway();
    }
    String more =
        fragment.size() > 3
            ? " and " + (fragment.size() - 3) + (gateways ? " more gateways" : " more elements")
            : "";
    return "the fragment of " + String.join(", ", names) + more;
  }
}
