package io.checkup.lint.rules;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two or more elements of the process model with one id: the BPMN schema makes ids unique in a
 * file, Camunda's parser refuses such a file, and whatever refers to the id (a sequence flow, a
 * boundary event, a default flow) can mean only one of them, so the other findings of the file are
 * read against a model that is not the one drawn. Seen in exports that copy an element or a process
 * with its id, and in merges of one file edited twice. The diagram's ids are {@code diagram}'s; the
 * ids of what lies in extension elements are not read.
 */
@RuleInfo(
    id = "duplicate-id",
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    summary =
        "Two or more elements of the process model with the same id: Camunda refuses the file.")
public final class DuplicateIdRule implements Rule {

  /** At most this many elements are listed in one finding. */
  private static final int LISTED = 5;

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    List<XmlNode> repeated = graph.duplicateIds();
    if (repeated.isEmpty()) {
      return;
    }
    Map<String, List<XmlNode>> byId = new LinkedHashMap<>();
    for (XmlNode node : repeated) {
      List<XmlNode> sharing =
          byId.computeIfAbsent(
              node.id(),
              id -> {
                List<XmlNode> sharers = new ArrayList<>(2);
                XmlNode first = graph.element(id);
                if (Bpmn.ofTheModel(first)) {
                  sharers.add(first);
                }
                return sharers;
              });
      if (Bpmn.ofTheModel(node)) {
        sharing.add(node);
      }
    }
    for (Map.Entry<String, List<XmlNode>> entry : byId.entrySet()) {
      List<XmlNode> nodes = entry.getValue();
      if (nodes.size() > 1) {
        context.report(nodes.get(1), message(entry.getKey(), nodes), List.of());
      }
    }
  }

  private static String message(String id, List<XmlNode> nodes) {
    StringBuilder text =
        new StringBuilder("Id '")
            .append(PlainText.oneLine(id, PlainText.NAME_LENGTH))
            .append("' is given to ")
            .append(nodes.size())
            .append(" elements: ");
    int listed = Math.min(nodes.size(), LISTED);
    for (int i = 0; i < listed; i++) {
      text.append(i == 0 ? "" : i == listed - 1 && listed == nodes.size() ? " and " : ", ")
          .append(describe(nodes.get(i)));
    }
    if (listed < nodes.size()) {
      text.append(" and ").append(nodes.size() - listed).append(" more");
    }
    return text.append(
            ". Camunda refuses the file (an id must be unique in it), and what refers to")
        .append(" the id can mean only one of them")
        .toString();
  }

  /** {@code userTask 'Check order' (line 12)}. */
  private static String describe(XmlNode node) {
    String name = node.attr("name");
    StringBuilder text = new StringBuilder(node.localName());
    if (name != null && !name.isBlank()) {
      text.append(" '").append(PlainText.oneLine(name.strip(), PlainText.NAME_LENGTH)).append('\'');
    }
    return text.append(" (line ").append(node.line()).append(')').toString();
  }
}
