package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.References;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Global elements (messages, errors, escalations, signals) that are unnamed, unused or named twice.
 */
@RuleInfo(
    id = "global",
    severity = Severity.WARN,
    category = RuleInfo.Category.BPMNLINT,
    summary =
        "A message, error, escalation or signal with a blank name, a duplicate name, or no reference to it.")
public final class GlobalRule implements Rule {

  /** Root element type to the event definition that references it and its reference attribute. */
  private static final Map<String, String[]> REFERENCES =
      Map.of(
          "error", new String[] {"errorEventDefinition", "errorRef"},
          "escalation", new String[] {"escalationEventDefinition", "escalationRef"},
          "message", new String[] {"messageEventDefinition", "messageRef"},
          "signal", new String[] {"signalEventDefinition", "signalRef"});

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    List<XmlNode> globals = new ArrayList<>();
    for (XmlNode child : graph.definitions().children()) {
      if (Bpmn.MODEL_NS.equals(child.namespace()) && REFERENCES.containsKey(child.localName())) {
        globals.add(child);
      }
    }
    if (globals.isEmpty()) {
      return;
    }
    Set<String> referenced = referencedIds(graph);
    Set<String> subscribed = subscribedMessages(graph);
    Map<String, Long> sameTypeAndName = new HashMap<>();
    for (XmlNode global : globals) {
      Long seen = sameTypeAndName.get(nameKey(global));
      sameTypeAndName.put(nameKey(global), seen == null ? 1L : seen + 1);
    }
    for (XmlNode global : globals) {
      String name = global.attr("name");
      // without a name attribute (bpmnlint reports none, and counts them all as one name): see
      // needsName
      if (name == null ? needsName(global, subscribed) : ModelFacts.isBlank(name)) {
        context.report(global, "Element is missing name", List.of());
      }
      if (!referenced.contains(global.localName() + "#" + global.id())) {
        context.report(global, "Element is unused", List.of());
      }
      // names compare exactly
      if (name != null && sameTypeAndName.get(nameKey(global)) != 1) {
        context.report(global, "Element name is not unique", List.of());
      }
    }
  }

  /**
   * Whether a global without a name attribute lacks one for Camunda 7: a signal always (Camunda
   * refuses a file with an unnamed signal), a message when an executable process waits for it (a
   * subscription needs its name); an error or escalation never (Camunda matches them by code).
   */
  private static boolean needsName(XmlNode global, Set<String> subscribed) {
    return switch (global.localName()) {
      case "signal" -> true;
      case "message" -> subscribed.contains("message#" + global.id());
      default -> false;
    };
  }

  /**
   * "message#id" of the messages an executable process waits for: message start, intermediate catch
   * and boundary events, and receive tasks (as the engine resolves their references).
   */
  private static Set<String> subscribedMessages(BpmnGraph graph) {
    XmlNode definitions = graph.definitions();
    Set<String> ids = new HashSet<>();
    for (FlowNode node : graph.flowNodes()) {
      if (!node.scope().isExecutable()) {
        continue;
      }
      if (node.type().equals("receiveTask")) {
        add(
            ids,
            "message",
            References.resolve("message", node.xml().attr("messageRef"), definitions));
      } else if (ModelFacts.isCatchEvent(node)) {
        for (XmlNode definition : ModelFacts.inlineDefinitions(node)) {
          if (definition.localName().equals("messageEventDefinition")) {
            add(
                ids,
                "message",
                References.resolve("message", definition.attr("messageRef"), definitions));
          }
        }
      }
    }
    return ids;
  }

  private static String nameKey(XmlNode global) {
    String name = global.attr("name");
    return global.localName() + (name == null ? "\u0000" + global.id() : "=" + name);
  }

  /**
   * "type#id" of every global element something refers to: event definitions, message flows,
   * send/receive tasks, and Camunda's error event definitions of external tasks; each as the engine
   * resolves it ({@link References#resolve}).
   */
  private static Set<String> referencedIds(BpmnGraph graph) {
    XmlNode definitions = graph.definitions();
    Set<String> ids = new HashSet<>();
    for (FlowNode node : graph.flowNodes()) {
      if (node.isEvent()) {
        for (XmlNode definition : ModelFacts.inlineDefinitions(node)) {
          for (Map.Entry<String, String[]> reference : REFERENCES.entrySet()) {
            if (definition.localName().equals(reference.getValue()[0])) {
              String type = reference.getKey();
              add(
                  ids,
                  type,
                  References.resolve(type, definition.attr(reference.getValue()[1]), definitions));
            }
          }
        }
      } else if (node.type().equals("sendTask") || node.type().equals("receiveTask")) {
        add(
            ids,
            "message",
            References.resolve("message", node.xml().attr("messageRef"), definitions));
      }
      XmlNode extensions = ModelFacts.child(node.xml(), "extensionElements");
      if (extensions != null) {
        for (XmlNode extension : extensions.children()) {
          if (Bpmn.isCamundaNamespace(extension.namespace())
              && extension.localName().equals("errorEventDefinition")) {
            add(ids, "error", extension.attr("errorRef"));
          }
        }
      }
    }
    for (XmlNode messageFlow : graph.messageFlows()) {
      add(
          ids,
          "message",
          References.resolve("message", messageFlow.attr("messageRef"), definitions));
    }
    return ids;
  }

  /** A reference without a value refers to nothing (not to an element without an id). */
  private static void add(Set<String> ids, String type, String id) {
    if (id != null) {
      ids.add(type + "#" + id);
    }
  }
}
