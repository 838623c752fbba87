package io.checkup.lint.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One XML element as the linter sees it: namespace, local name, attributes, children, text and the position of its
 * start tag. Both the engine's parsed {@code Element} tree and the command line's own StAX reader are turned into
 * this, so the graph and the rules never care where the XML came from.
 */
public final class XmlNode {

  private final String namespace;
  private final String localName;
  private final Map<String, String> attributes;
  private final List<XmlNode> children = new ArrayList<>();
  private final int line;
  private final int column;
  private XmlNode parent;
  private String text = "";
  /** The object this node was made from (the engine's Element), so problems can be reported against it. */
  private final Object origin;

  public XmlNode(String namespace, String localName, Map<String, String> attributes, int line, int column,
      Object origin) {
    this.namespace = namespace == null ? "" : namespace;
    this.localName = localName;
    this.attributes = attributes.isEmpty() ? Collections.emptyMap() : attributes;
    this.line = line;
    this.column = column;
    this.origin = origin;
  }

  /** Key under which a namespaced attribute is stored: {@code {namespace}localName}. */
  public static String attributeKey(String namespace, String localName) {
    return namespace == null || namespace.isEmpty() ? localName : "{" + namespace + "}" + localName;
  }

  public void addChild(XmlNode child) {
    child.parent = this;
    children.add(child);
  }

  public void setText(String text) {
    this.text = text == null ? "" : text;
  }

  public String namespace() {
    return namespace;
  }

  public String localName() {
    return localName;
  }

  public boolean is(String namespace, String localName) {
    return this.localName.equals(localName) && this.namespace.equals(namespace);
  }

  /** An attribute without namespace, or null. */
  public String attr(String name) {
    return attributes.get(name);
  }

  /** A namespaced attribute, or null. */
  public String attr(String namespace, String name) {
    return attributes.get(attributeKey(namespace, name));
  }

  public Map<String, String> attributes() {
    return attributes;
  }

  public List<XmlNode> children() {
    return children;
  }

  /** Children in the given namespace with the given local name. */
  public List<XmlNode> children(String namespace, String localName) {
    List<XmlNode> result = new ArrayList<>(2);
    for (XmlNode child : children) {
      if (child.is(namespace, localName)) {
        result.add(child);
      }
    }
    return result;
  }

  public XmlNode child(String namespace, String localName) {
    for (XmlNode child : children) {
      if (child.is(namespace, localName)) {
        return child;
      }
    }
    return null;
  }

  public XmlNode parent() {
    return parent;
  }

  /** The element's own text content, trimmed (whitespace-only text is empty). */
  public String text() {
    return text;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public Object origin() {
    return origin;
  }

  public String id() {
    return attr("id");
  }

  /** A copy of attributes for builders that need a mutable map. */
  public static Map<String, String> newAttributeMap() {
    return new LinkedHashMap<>();
  }

  @Override
  public String toString() {
    String id = id();
    return localName + (id == null ? "" : "#" + id) + "@" + line + ":" + column;
  }
}
