package io.checkup.lint;

import io.checkup.lint.model.Bpmn;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-element suppression: a Camunda extension property {@code checkup:disable} lists rule ids
 * (comma separated, {@code all} for every rule). It applies to the element and to everything inside
 * it, so a process or sub-process can carry it for its whole content; so can the pool (participant)
 * that stands for a process.
 */
class Suppressions {

  /** For files without any {@code checkup:disable}: nothing to look up. */
  static final Suppressions NONE =
      new Suppressions() {
        @Override
        boolean isSuppressed(XmlNode node, String ruleId) {
          return false;
        }
      };

  private static final Set<String> NO_RULES = Set.of();
  private final Map<XmlNode, Set<String>> cache = new HashMap<>();

  boolean isSuppressed(XmlNode node, String ruleId) {
    for (XmlNode current = node; current != null; current = current.parent()) {
      Set<String> disabled = disabledAt(current);
      if (disabled.contains(ruleId) || disabled.contains(SuppressionProperty.ALL)) {
        return true;
      }
    }
    return false;
  }

  private Set<String> disabledAt(XmlNode node) {
    Set<String> known = cache.get(node);
    if (known == null) {
      Set<String> ids = new HashSet<>(SuppressionProperty.ruleIds(node));
      if (node.is(Bpmn.MODEL_NS, "process")) {
        for (XmlNode pool : poolsOf(node)) {
          ids.addAll(SuppressionProperty.ruleIds(pool));
        }
      }
      known = ids.isEmpty() ? NO_RULES : ids;
      cache.put(node, known);
    }
    return known;
  }

  /** The participants of the file's collaborations that stand for this process. */
  private static List<XmlNode> poolsOf(XmlNode process) {
    String id = process.id();
    XmlNode definitions = process.parent();
    if (id == null || definitions == null) {
      return List.of();
    }
    List<XmlNode> pools = new ArrayList<>(0);
    for (XmlNode collaboration : definitions.children(Bpmn.MODEL_NS, "collaboration")) {
      for (XmlNode participant : collaboration.children(Bpmn.MODEL_NS, "participant")) {
        if (id.equals(participant.attr("processRef"))) {
          pools.add(participant);
        }
      }
    }
    return pools;
  }
}
