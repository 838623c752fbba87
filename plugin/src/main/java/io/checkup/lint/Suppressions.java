package io.checkup.lint;

import io.checkup.lint.model.Bpmn;
import io.checkup.lint.xml.XmlNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Per-element suppression: a Camunda extension property {@code checkup:disable} lists rule ids
 * (comma separated, {@code all} for every rule). It applies to the element and to everything inside
 * it, so a process or sub-process can carry it for its whole content.
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

  static final String PROPERTY = XmlNode.SUPPRESSION_PROPERTY;
  private static final Set<String> NO_RULES = Set.of();
  private final Map<XmlNode, Set<String>> cache = new HashMap<>();

  boolean isSuppressed(XmlNode node, String ruleId) {
    for (XmlNode current = node; current != null; current = current.parent()) {
      Set<String> disabled = disabledAt(current);
      if (disabled.contains(ruleId) || disabled.contains("all")) {
        return true;
      }
    }
    return false;
  }

  private Set<String> disabledAt(XmlNode node) {
    Set<String> known = cache.get(node);
    if (known == null) {
      known = NO_RULES;
      XmlNode extensions = node.child(Bpmn.MODEL_NS, "extensionElements");
      if (extensions != null) {
        for (XmlNode group : extensions.children()) {
          if (!group.localName().equals("properties")
              || !Bpmn.isCamundaNamespace(group.namespace())) {
            continue;
          }
          for (XmlNode property : group.children()) {
            if (PROPERTY.equals(property.attr("name")) && property.attr("value") != null) {
              if (known == NO_RULES) {
                known = new HashSet<>();
              }
              for (String id : property.attr("value").split("[,\\s]+")) {
                if (!id.isEmpty()) {
                  known.add(RuleCatalog.ruleId(id)); // as a config file may name them
                }
              }
            }
          }
        }
      }
      cache.put(node, known);
    }
    return known;
  }
}
