package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A splitting exclusive gateway whose branch leads straight into another splitting exclusive
 * gateway that nothing else flows into: the second decision can be folded into the first. Each
 * maximal cascade is reported once, at its root.
 */
@RuleInfo(
    id = "cascaded-conditions",
    severity = Severity.WARN,
    category = RuleInfo.Category.MISSION,
    summary =
        "Exclusive gateways that split straight into further splitting exclusive gateways: one multi-branch "
            + "gateway does the same with fewer evaluations.")
public final class CascadedConditionsRule implements Rule {

  /** Fact: the ids of every gateway of the cascade, root first. */
  public static final String GATEWAYS = "gateways";

  /** Fact: how many outgoing flows one merged gateway would have. */
  public static final String OUTCOMES = "outcomes";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    // link: G1 -> G2 when a flow of splitting G1 goes directly to splitting G2 and is G2's only
    // incoming flow
    Map<FlowNode, List<FlowNode>> links = new LinkedHashMap<>();
    Set<FlowNode> linkedInto = Collections.newSetFromMap(new IdentityHashMap<>());
    for (FlowNode node : graph.gateways()) {
      if (!isSplittingExclusive(node)) {
        continue;
      }
      for (SequenceFlow flow : node.outgoing()) {
        FlowNode next = flow.target();
        if (next != null
            && next != node
            && isSplittingExclusive(next)
            && next.incoming().size() == 1) {
          links.computeIfAbsent(node, ArrayListFactory.INSTANCE).add(next);
          linkedInto.add(next);
        }
      }
    }
    Set<FlowNode> done = new HashSet<>();
    List<FlowNode> roots = new ArrayList<>();
    for (FlowNode node : links.keySet()) {
      if (!linkedInto.contains(node)) {
        roots.add(node);
      }
    }
    // a cascade that is all cycle has no natural root: start it at its first gateway in the file
    for (FlowNode node : links.keySet()) {
      if (linkedInto.contains(node)) {
        roots.add(node);
      }
    }
    for (FlowNode root : roots) {
      if (done.contains(root)) {
        continue;
      }
      List<FlowNode> cascade = new ArrayList<>();
      ArrayDeque<FlowNode> queue = new ArrayDeque<>(List.of(root));
      int linkCount = 0;
      while (!queue.isEmpty()) {
        FlowNode gateway = queue.poll();
        if (!done.add(gateway)) {
          continue;
        }
        cascade.add(gateway);
        for (FlowNode next : links.getOrDefault(gateway, List.of())) {
          linkCount++;
          queue.add(next);
        }
      }
      int outcomes = 0;
      List<String> names = new ArrayList<>();
      for (FlowNode gateway : cascade) {
        outcomes += gateway.outgoing().size();
        names.add(gateway.describe());
      }
      List<String> ids = BpmnElement.ids(cascade);
      outcomes -= linkCount;
      context.report(
          root,
          "Cascaded conditions: exclusive gateways "
              + String.join(", ", names)
              + " decide one after another; one exclusive gateway with "
              + outcomes
              + " outgoing flows makes the same decision with fewer evaluations",
          ids,
          Map.of(GATEWAYS, ids, OUTCOMES, outcomes));
    }
  }

  static boolean isSplittingExclusive(FlowNode node) {
    return node.isExclusiveGateway() && node.outgoing().size() >= 2;
  }
}
