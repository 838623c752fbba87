package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Link events must pair up within their scope: every link has a name, each name has exactly one
 * catch event and at least one throw event.
 */
@RuleInfo(
    id = "link-event",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary =
        "A link event without a link name, or a link name without exactly one catch and a throw in its scope.")
public final class LinkEventRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    // Camunda 7 keeps one table of link catch names per file, across scopes and processes
    Map<String, List<FlowNode>> executableCatches = new LinkedHashMap<>();
    for (Scope scope : ModelFacts.containers(graph)) {
      Map<String, List<FlowNode>> byName = new LinkedHashMap<>();
      for (FlowNode node : scope.flowNodes()) {
        if (!node.isEvent()) {
          continue;
        }
        XmlNode link = null;
        for (XmlNode definition : ModelFacts.inlineDefinitions(node)) {
          if (definition.localName().equals("linkEventDefinition")) {
            link = definition;
            break;
          }
        }
        if (link == null) {
          continue;
        }
        String name = link.attr("name");
        if (name == null || name.isEmpty()) {
          // paired with nothing: the missing name is the one thing to fix
          context.report(node, "Link event is missing link name");
          continue;
        }
        List<FlowNode> named = byName.get(name);
        if (named == null) {
          named = new ArrayList<>(2);
          byName.put(name, named);
        }
        named.add(node);
        if (ModelFacts.isCatchEvent(node) && node.scope().isExecutable()) {
          executableCatches.computeIfAbsent(name, n -> new ArrayList<>(1)).add(node);
        }
      }
      for (Map.Entry<String, List<FlowNode>> group : byName.entrySet()) {
        checkGroup(group.getKey(), group.getValue(), context);
      }
    }
    for (Map.Entry<String, List<FlowNode>> group : executableCatches.entrySet()) {
      checkFile(group.getKey(), group.getValue(), context);
    }
  }

  /**
   * Catch events of one link name in different scopes of the file's executable processes: each is
   * fine in its scope, and Camunda 7 refuses the file ("Multiple Intermediate Catch Events with the
   * same link event name"). Two in one scope are reported as duplicates there already.
   */
  private static void checkFile(String linkName, List<FlowNode> catches, RuleContext context) {
    Map<Scope, Integer> perScope = new HashMap<>();
    for (FlowNode event : catches) {
      perScope.merge(event.scope(), 1, Integer::sum);
    }
    if (perScope.size() < 2) {
      return;
    }
    for (FlowNode event : catches) {
      if (perScope.get(event.scope()) == 1) {
        context.report(
            event,
            "Link catch event with link name <"
                + PlainText.oneLine(linkName, PlainText.NAME_LENGTH)
                + "> also in another scope of the file: Camunda 7 refuses a second one anywhere in "
                + "a file");
      }
    }
  }

  private static void checkGroup(String linkName, List<FlowNode> events, RuleContext context) {
    String name = PlainText.oneLine(linkName, PlainText.NAME_LENGTH);
    if (events.size() == 1) {
      FlowNode event = events.get(0);
      context.report(
          event,
          "Link "
              + (ModelFacts.isCatchEvent(event) ? "throw" : "catch")
              + " event with link name <"
              + name
              + "> missing in scope");
      return;
    }
    List<FlowNode> catches = new ArrayList<>(2);
    for (FlowNode event : events) {
      if (ModelFacts.isCatchEvent(event)) {
        catches.add(event);
      }
    }
    if (catches.size() > 1) {
      for (FlowNode event : catches) {
        context.report(event, "Duplicate link catch event with link name <" + name + "> in scope");
      }
    } else if (catches.isEmpty()) {
      for (FlowNode event : events) {
        context.report(event, "Link catch event with link name <" + name + "> missing in scope");
      }
    }
  }
}
