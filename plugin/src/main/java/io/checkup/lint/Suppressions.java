package io.checkup.lint;

import io.checkup.lint.xml.XmlNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
      List<String> ids = SuppressionProperty.ruleIds(node);
      known = ids.isEmpty() ? NO_RULES : new HashSet<>(ids);
      cache.put(node, known);
    }
    return known;
  }
}
