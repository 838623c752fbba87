package io.checkup.lint.model;

import io.checkup.lint.xml.XmlNode;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/** Namespaces and element names of BPMN 2.0 and Camunda's extensions (Operaton's too). */
public final class Bpmn {

  public static final String MODEL_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  public static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** Camunda Modeler's own attributes ({@code modeler:executionPlatform}). */
  public static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";

  /** Camunda 7 still reads models written with the namespace of its Activiti origins. */
  public static final String ACTIVITI_NS = "http://activiti.org/bpmn";

  /**
   * Operaton writes Camunda's extensions under a namespace of its own and reads both; the linter
   * does too, whichever engine it runs in.
   */
  public static final String OPERATON_NS = "http://operaton.org/schema/1.0/bpmn";

  public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

  /**
   * Diagram interchange: where shapes are drawn. It is not read into the tree; the command line's
   * reader keeps what the engine reads of it beside (see {@code Diagrams}, the {@code diagram}
   * rule).
   */
  public static final String DI_NS = "http://www.omg.org/spec/BPMN/20100524/DI";

  public static final Set<String> TASKS =
      Set.of(
          "task",
          "userTask",
          "serviceTask",
          "sendTask",
          "receiveTask",
          "scriptTask",
          "businessRuleTask",
          "manualTask");
  public static final Set<String> SUB_PROCESSES =
      Set.of("subProcess", "transaction", "adHocSubProcess");

  /**
   * The deepest nesting of sub-processes read: far beyond any real model, and well below the depth
   * at which the engine's own recursive parser (and any recursive analysis) runs out of stack,
   * between 500 and 2,000 levels on a default 1 MB thread stack.
   */
  public static final int MAX_SUB_PROCESS_DEPTH = 300;

  /**
   * Why a model nested deeper than {@link #MAX_SUB_PROCESS_DEPTH} is not read, naming where it goes
   * too deep.
   */
  public static String tooDeep(String elementId) {
    return "sub-processes are nested more than "
        + MAX_SUB_PROCESS_DEPTH
        + " levels deep (at '"
        + elementId
        + "'): the model is not read further; no process needs such depth, and parsers run out of stack on it";
  }

  public static final Set<String> ACTIVITIES = union(TASKS, SUB_PROCESSES, Set.of("callActivity"));
  public static final Set<String> GATEWAYS =
      Set.of(
          "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "eventBasedGateway",
          "complexGateway");
  public static final Set<String> EVENTS =
      Set.of(
          "startEvent",
          "endEvent",
          "intermediateCatchEvent",
          "intermediateThrowEvent",
          "boundaryEvent",
          "implicitThrowEvent");
  public static final Set<String> FLOW_NODES = union(ACTIVITIES, GATEWAYS, EVENTS);

  /** Event definition element name to its short kind ("timerEventDefinition" -> "timer"). */
  public static final Set<String> EVENT_DEFINITIONS =
      Set.of(
          "messageEventDefinition",
          "timerEventDefinition",
          "errorEventDefinition",
          "escalationEventDefinition",
          "signalEventDefinition",
          "conditionalEventDefinition",
          "compensateEventDefinition",
          "cancelEventDefinition",
          "terminateEventDefinition",
          "linkEventDefinition");

  private Bpmn() {}

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    HashSet<String> all = new HashSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return Set.copyOf(all);
  }

  /**
   * An element of the process model: in its namespace, and not inside extension elements (a tool's
   * own content, whatever its namespace: the schema does not check its ids).
   */
  public static boolean ofTheModel(XmlNode node) {
    if (!MODEL_NS.equals(node.namespace())) {
      return false;
    }
    for (XmlNode above = node.parent(); above != null; above = above.parent()) {
      if (above.is(MODEL_NS, "extensionElements")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a process is executable: {@code isExecutable="true"}, as Camunda 7 decides what it
   * deploys; with {@code camunda8Apart}, not in a file made for Camunda 8 either (Camunda Modeler
   * marks those {@code modeler:executionPlatform="Camunda Cloud"}; their engine reads other
   * attributes, and a team migrating keeps both kinds side by side), nor, in a file without the
   * mark, a process that uses Camunda 8's {@code zeebe:} extensions and none of Camunda 7's (such a
   * file that lost the mark in another tool). Camunda 7 itself ignores both and deploys such a file
   * when it parses, so the engine's lint never sets it apart.
   */
  public static boolean isExecutable(XmlNode process, XmlNode definitions, boolean camunda8Apart) {
    return XmlNode.isTrue(process.attr("isExecutable"))
        && !(camunda8Apart && isCamunda8(process, definitions));
  }

  /**
   * Camunda Modeler's mark says so; without a mark, a process that uses Camunda 8's extensions and
   * none of Camunda 7's does.
   */
  private static boolean isCamunda8(XmlNode process, XmlNode definitions) {
    String platform = definitions.attr(MODELER_NS, "executionPlatform");
    return platform != null ? platform.equals("Camunda Cloud") : onlyZeebe(process);
  }

  /** Camunda 8's extensions (zeebe:taskDefinition, zeebe:assignmentDefinition, ...). */
  public static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

  /**
   * Whether the process uses Camunda 8's extensions (an element or attribute) and none of Camunda
   * 7's: a file made for Camunda 8 that lost Camunda Modeler's mark in another tool (an export, a
   * round trip).
   */
  private static boolean onlyZeebe(XmlNode process) {
    boolean zeebe = false;
    ArrayDeque<XmlNode> open = new ArrayDeque<>();
    open.push(process);
    while (!open.isEmpty()) {
      XmlNode node = open.pop();
      if (isCamundaNamespace(node.namespace())) {
        return false;
      }
      zeebe = zeebe || ZEEBE_NS.equals(node.namespace());
      for (int i = 0; i < node.attributeCount(); i++) {
        String namespace = node.attributeNamespace(i);
        if (isCamundaNamespace(namespace)) {
          return false;
        }
        zeebe = zeebe || ZEEBE_NS.equals(namespace);
      }
      for (XmlNode child : node.children()) {
        open.push(child);
      }
    }
    return zeebe;
  }

  /**
   * Camunda's extensions: {@code camunda:}, the legacy {@code activiti:}, Operaton's {@code
   * operaton:}.
   */
  public static boolean isCamundaNamespace(String namespace) {
    return CAMUNDA_NS.equals(namespace)
        || OPERATON_NS.equals(namespace)
        || ACTIVITI_NS.equals(namespace);
  }

  /** Whether the node is the Camunda extension element of that name ({@code camunda:field}). */
  public static boolean isCamunda(XmlNode node, String localName) {
    return node.localName().equals(localName) && isCamundaNamespace(node.namespace());
  }

  /**
   * Whether Camunda evaluates the text as an expression rather than taking it as written: it holds
   * {@code ${} or {@code #{} anywhere (a timer's value, a user task's dates, a message name).
   */
  public static boolean hasExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }

  /**
   * Whether the text is an expression where the engine asks only that it start as one, after blanks
   * (Camunda's {@code StringUtil.isExpression}: priorities, dynamic scripts).
   */
  public static boolean startsAsExpression(String text) {
    String trimmed = text.trim();
    return trimmed.startsWith("${") || trimmed.startsWith("#{");
  }

  /**
   * The deepest nesting of parentheses and brackets in a text outside string literals: how deep
   * Camunda's expression parser, which descends once per level, would go.
   */
  public static int nesting(String text) {
    int depth = 0;
    int deepest = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++; // an escaped character
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[') {
        deepest = Math.max(deepest, ++depth);
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      }
    }
    return deepest;
  }

  /** The parent's first child that is the Camunda extension element of that name, or null. */
  public static XmlNode camundaChild(XmlNode parent, String localName) {
    for (XmlNode child : parent.children()) {
      if (isCamunda(child, localName)) {
        return child;
      }
    }
    return null;
  }

  /** "timerEventDefinition" -> "timer". */
  public static String eventDefinitionKind(String localName) {
    return localName.endsWith("EventDefinition")
        ? localName.substring(0, localName.length() - "EventDefinition".length())
        : localName;
  }
}
