package io.checkup.lint.model;

import io.checkup.lint.xml.XmlNode;
import java.util.Collection;

/**
 * The element kinds of the check-up's diversity measure: each BPMN element type counts once; events
 * count by type and event definition ({@code boundaryEvent:timer} and {@code boundaryEvent:error}
 * are two kinds); multi-instance and loop markers, event sub-processes and call activities are
 * kinds of their own.
 */
public final class ElementKinds {

  private ElementKinds() {}

  /**
   * Adds the kinds one flow node contributes (its own, plus one per marker) to {@code kinds},
   * without a list per node: the rule and the model profile ask for every node of a deployment.
   */
  public static void addTo(FlowNode node, Collection<String> kinds) {
    if (node.isEvent()) {
      kinds.add(node.type() + ":" + node.eventKind());
    } else if (node.isEventSubProcess()) {
      kinds.add("eventSubProcess");
    } else {
      kinds.add(node.type());
    }
    if (node.isMultiInstance()) {
      kinds.add(
          XmlNode.isTrue(node.multiInstance().attr("isSequential"))
              ? "marker:multi-instance-sequential"
              : "marker:multi-instance-parallel");
    }
    if (node.isLoop()) {
      kinds.add("marker:loop");
    }
  }
}
