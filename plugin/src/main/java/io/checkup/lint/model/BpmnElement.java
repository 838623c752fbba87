package io.checkup.lint.model;

import io.checkup.lint.PlainText;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What flow nodes, sequence flows and scopes share: an id, a name, a place in the file and Camunda
 * extensions.
 */
public abstract class BpmnElement {

  protected final XmlNode xml;
  private final String id;
  private Map<String, String> properties;

  protected BpmnElement(XmlNode xml) {
    this.xml = xml;
    this.id = xml.id();
  }

  public XmlNode xml() {
    return xml;
  }

  /** The id, or null when the element has none (a broken file). */
  public String id() {
    return id;
  }

  /** The name, or null. */
  public String name() {
    return xml.attr("name");
  }

  /** BPMN local element name, e.g. {@code userTask}. */
  public String type() {
    return xml.localName();
  }

  public int line() {
    return xml.line();
  }

  public int column() {
    return xml.column();
  }

  /**
   * A Camunda extension attribute ({@code camunda:}, Operaton's {@code operaton:} or the legacy
   * {@code activiti:} namespace), or null.
   */
  public String camundaAttr(String name) {
    return camundaAttr(xml, name);
  }

  /** A Camunda extension attribute of any element (see {@link #camundaAttr(String)}), or null. */
  public static String camundaAttr(XmlNode xml, String name) {
    String value = xml.attr(Bpmn.CAMUNDA_NS, name);
    if (value == null) {
      value = xml.attr(Bpmn.OPERATON_NS, name);
    }
    return value != null ? value : xml.attr(Bpmn.ACTIVITI_NS, name);
  }

  public XmlNode extensionElements() {
    return extensionElements(xml);
  }

  /** The {@code extensionElements} of any element (a message event definition's too), or null. */
  public static XmlNode extensionElements(XmlNode xml) {
    return xml.child(Bpmn.MODEL_NS, "extensionElements");
  }

  /**
   * Camunda extension properties ({@code camunda:properties/camunda:property}), name to value,
   * first one wins.
   */
  public Map<String, String> properties() {
    if (properties == null) {
      XmlNode extensions = extensionElements();
      Map<String, String> found = new LinkedHashMap<>();
      if (extensions != null) {
        for (XmlNode group : extensions.children()) {
          if (group.localName().equals("properties")
              && Bpmn.isCamundaNamespace(group.namespace())) {
            for (XmlNode property : group.children()) {
              String name = property.attr("name");
              if (property.localName().equals("property") && name != null) {
                found.putIfAbsent(
                    name, property.attr("value") == null ? "" : property.attr("value"));
              }
            }
          }
        }
      }
      properties = found.isEmpty() ? Collections.emptyMap() : found;
    }
    return properties;
  }

  /**
   * Camunda extension children with the given local name ({@code taskListener}, {@code connector},
   * ...).
   */
  public List<XmlNode> camundaExtensions(String localName) {
    XmlNode extensions = extensionElements();
    if (extensions == null) {
      return List.of();
    }
    List<XmlNode> found = new ArrayList<>();
    for (XmlNode child : extensions.children()) {
      if (Bpmn.isCamunda(child, localName)) {
        found.add(child);
      }
    }
    return found;
  }

  /**
   * Id of the process this element belongs to (its definition key), or null outside any process.
   */
  public abstract String processId();

  /**
   * "'Approve' (Task_1)" for messages: the name cut to {@value PlainText#NAME_LENGTH} characters
   * and, like the id, on one line whatever the model put into it. An element without an id (hand
   * written XML often has none) is named by its name alone, or as "without an id (line 12)", which
   * reads well after the kind of element a message names.
   */
  public String describe() {
    return describe(xml);
  }

  /** Any element as {@link #describe()} names a flow node: a message's, a signal's, an error's. */
  public static String describe(XmlNode xml) {
    return describe(xml.attr("name"), xml.id(), xml.line());
  }

  /**
   * An element of any tree (the engine's too) named as {@link #describe()} does, from its name, id
   * and line: "'Every hour' (start)", "start", "'Every hour'", "without an id (line 7)".
   */
  public static String describe(String name, String id, int line) {
    boolean named = name != null && !name.isBlank();
    String quoted =
        named ? "'" + PlainText.oneLine(name.strip(), PlainText.NAME_LENGTH) + "'" : null;
    if (id == null) {
      return named ? quoted : "without an id (line " + line + ")";
    }
    String safeId = PlainText.oneLine(id, PlainText.NAME_LENGTH);
    return named ? quoted + " (" + safeId + ")" : safeId;
  }

  /** How the first {@code count} of these elements are named in a message ({@link #describe()}). */
  public static List<String> describeFirst(List<? extends BpmnElement> elements, int count) {
    List<String> names = new ArrayList<>(Math.min(count, elements.size()));
    for (int i = 0; i < Math.min(count, elements.size()); i++) {
      names.add(elements.get(i).describe());
    }
    return names;
  }

  /** The ids of these elements, leaving out those that have none. */
  public static List<String> ids(Collection<? extends BpmnElement> elements) {
    List<String> ids = new ArrayList<>(elements.size());
    for (BpmnElement element : elements) {
      if (element != null && element.id() != null) {
        ids.add(element.id());
      }
    }
    return ids;
  }

  /** The ids of these elements, leaving out those that have none. */
  public static List<String> ids(BpmnElement... elements) {
    return ids(Arrays.asList(elements));
  }

  @Override
  public String toString() {
    return type() + "#" + id();
  }
}
