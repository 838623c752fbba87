package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The small questions bpmnlint's rules ask of a model, answered the way bpmn-moddle answers them.
 */
final class ModelFacts {

  private ModelFacts() {}

  /** JavaScript's {@code String.prototype.trim()} whitespace (wider than Java's {@code trim()}). */
  static boolean isBlank(String text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF')) {
        return false;
      }
    }
    return true;
  }

  /** moddle reads a boolean attribute as true only for the exact text "true". */
  static boolean isTrue(XmlNode node, String attribute) {
    return "true".equals(node.attr(attribute));
  }

  /** Event definitions written inside the event (bpmnlint ignores {@code eventDefinitionRef}). */
  static List<XmlNode> inlineDefinitions(FlowNode event) {
    return event.eventDefinitionElements();
  }

  static boolean allDefinitionsAre(FlowNode event, String localName) {
    List<XmlNode> definitions = inlineDefinitions(event);
    if (definitions.isEmpty()) {
      return false;
    }
    for (XmlNode definition : definitions) {
      if (!definition.localName().equals(localName)) {
        return false;
      }
    }
    return true;
  }

  static boolean hasDefinition(FlowNode event, String localName) {
    for (XmlNode definition : inlineDefinitions(event)) {
      if (definition.localName().equals(localName)) {
        return true;
      }
    }
    return false;
  }

  static boolean hasStartEvent(Scope scope) {
    for (FlowNode node : scope.flowNodes()) {
      if (node.isStartEvent()) {
        return true;
      }
    }
    return false;
  }

  static boolean hasEndEvent(Scope scope) {
    for (FlowNode node : scope.flowNodes()) {
      if (node.isEndEvent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The {@code default} flow id, where BPMN defines the attribute (activities and exclusive,
   * inclusive and complex gateways) and it names an existing element; else null.
   */
  static String defaultFlow(BpmnGraph graph, FlowNode node) {
    String ref = node.defaultFlowRef();
    boolean allowed =
        node.isActivity()
            || node.isExclusiveGateway()
            || node.isInclusiveGateway()
            || node.type().equals("complexGateway");
    if (!allowed || ref == null) {
      return null;
    }
    for (SequenceFlow flow : node.outgoing()) {
      if (ref.equals(flow.id())) {
        return ref; // the usual case, found without indexing the whole file
      }
    }
    return graph.element(ref) != null ? ref : null;
  }

  static boolean isDefault(String defaultFlow, SequenceFlow flow) {
    return defaultFlow != null && defaultFlow.equals(flow.id());
  }

  /** Start events are catch events, end events throw events (moddle's type hierarchy). */
  static boolean isCatchEvent(FlowNode node) {
    return node.isStartEvent() || node.isBoundaryEvent() || node.isIntermediateCatchEvent();
  }

  /** Process and every kind of sub-process (transaction, ad-hoc, event sub-process). */
  static List<Scope> containers(BpmnGraph graph) {
    return graph.scopes();
  }

  /**
   * Process and every sub-process kind except ad-hoc: the containers that need start and end
   * events.
   */
  static List<Scope> containersNeedingEvents(BpmnGraph graph) {
    List<Scope> scopes = new ArrayList<>();
    for (Scope scope : graph.scopes()) {
      if (scope.kind() != Scope.Kind.AD_HOC_SUB_PROCESS) {
        scopes.add(scope);
      }
    }
    return scopes;
  }

  static String containerWord(Scope scope) {
    return scope.isProcess() ? "Process" : "Sub process";
  }

  static boolean inAdHocSubProcess(FlowNode node) {
    return node.scope().kind() == Scope.Kind.AD_HOC_SUB_PROCESS;
  }

  static boolean isInExecutableProcess(FlowNode node) {
    return isTrue(node.scope().process().xml(), "isExecutable");
  }

  static XmlNode child(XmlNode node, String localName) {
    return node.child(Bpmn.MODEL_NS, localName);
  }
}
