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
import io.checkup.text.Spelling;
import java.util.ArrayList;
import java.util.List;

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
    graph
        .definitions()
        .walk(
            node -> {
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
              return true;
            });
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
      String meant = Spelling.closest(id, catalog.ids(), CLOSE);
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
}
