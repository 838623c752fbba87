package io.checkup.lint.rules;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.SuppressionProperty;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code checkup:disable} property that names a rule the linter does not know: a misspelt id
 * suppresses nothing, and the finding it was meant for still shows, with nothing saying why. Known
 * are the rules of the catalog, the ones switched off and those an installation added included, and
 * {@code all}.
 */
@RuleInfo(
    id = "checkup-disable",
    severity = Severity.WARN,
    category = RuleInfo.Category.CAMUNDA,
    summary =
        "A checkup:disable extension property that names no known rule: it suppresses nothing.")
public final class CheckupDisableRule implements Rule {

  /** At most this many edits apart, a known id is offered as the one meant. */
  private static final int CLOSE = 2;

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    if (!graph.hasSuppressions()) {
      return;
    }
    ArrayDeque<XmlNode> pending = new ArrayDeque<>();
    pending.push(graph.definitions());
    while (!pending.isEmpty()) {
      XmlNode node = pending.pop();
      List<String> unknown = new ArrayList<>(0);
      for (String id : SuppressionProperty.ruleIds(node)) {
        if (!id.equals(SuppressionProperty.ALL)
            && !context.catalog().contains(id)
            && !unknown.contains(id)) {
          unknown.add(id);
        }
      }
      if (!unknown.isEmpty()) {
        context.report(node, message(node, unknown, context.catalog()), List.of());
      }
      List<XmlNode> children = node.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
    }
  }

  private static String message(XmlNode element, List<String> unknown, RuleCatalog catalog) {
    StringBuilder text = new StringBuilder("checkup:disable on ");
    String name = element.attr("name");
    if (name != null && !name.isBlank()) {
      text.append('\'').append(PlainText.oneLine(name, PlainText.NAME_LENGTH)).append("' ");
    }
    if (element.id() != null) {
      String id = PlainText.oneLine(element.id(), PlainText.NAME_LENGTH);
      text.append(name != null && !name.isBlank() ? "(" + id + ")" : id);
    } else {
      text.append(element.localName())
          .append(" without an id (line ")
          .append(element.line())
          .append(')');
    }
    for (int i = 0; i < unknown.size(); i++) {
      String id = unknown.get(i);
      text.append(i == 0 ? " names " : i == unknown.size() - 1 ? " and " : ", ")
          .append('\'')
          .append(PlainText.oneLine(id, 80))
          .append('\'');
      String meant = closest(id, catalog);
      if (meant != null) {
        text.append(" (did you mean ").append(meant).append("?)");
      }
    }
    return text.append(unknown.size() == 1 ? ", which is no rule id" : ", which are no rule ids")
        .append(": ")
        .append(unknown.size() == 1 ? "it suppresses" : "they suppress")
        .append(" nothing (the rule ids are listed in docs/rules; 'all' suppresses every rule)")
        .toString();
  }

  /** The known id fewest edits away, if it is close enough to be a misspelling. */
  private static String closest(String id, RuleCatalog catalog) {
    String best = null;
    int bestDistance = CLOSE + 1;
    for (Rule rule : catalog.rules()) {
      int distance = distance(id.toLowerCase(Locale.ROOT), rule.id(), bestDistance);
      if (distance < bestDistance) {
        best = rule.id();
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Levenshtein distance, or {@code limit} once it cannot be below it. */
  private static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) {
      return limit;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMinimum = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
        rowMinimum = Math.min(rowMinimum, current[j]);
      }
      if (rowMinimum >= limit) {
        return limit;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
