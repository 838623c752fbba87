package io.checkup.lint.rules;

import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/** Whether sequence flows among a set of flow nodes form a cycle (Kahn's algorithm). */
final class Acyclic {

  private Acyclic() {}

  /** True when no cycle runs along sequence flows between nodes of {@code nodes} only. */
  static boolean among(Set<FlowNode> nodes) {
    Map<FlowNode, Integer> incoming = new IdentityHashMap<>();
    for (FlowNode node : nodes) {
      incoming.putIfAbsent(node, 0);
      for (SequenceFlow flow : node.outgoing()) {
        if (flow.target() != null && nodes.contains(flow.target())) {
          incoming.merge(flow.target(), 1, Integer::sum);
        }
      }
    }
    ArrayDeque<FlowNode> free = new ArrayDeque<>();
    for (Map.Entry<FlowNode, Integer> entry : incoming.entrySet()) {
      if (entry.getValue() == 0) {
        free.add(entry.getKey());
      }
    }
    int removed = 0;
    while (!free.isEmpty()) {
      FlowNode node = free.poll();
      removed++;
      for (SequenceFlow flow : node.outgoing()) {
        FlowNode next = flow.target();
        if (next != null && nodes.contains(next) && incoming.merge(next, -1, Integer::sum) == 0) {
          free.add(next);
        }
      }
    }
    return removed == nodes.size();
  }
}
