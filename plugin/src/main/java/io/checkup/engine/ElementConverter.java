package io.checkup.engine;

import io.checkup.lint.xml.XmlNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Turns the element tree the engine has already parsed into the linter's {@link XmlNode} tree, so linting at deploy
 * time costs no second XML parse. Each node keeps its engine {@link Element} as origin, for reporting problems
 * against it.
 */
final class ElementConverter {

  private ElementConverter() {
  }

  static XmlNode convert(Element root) {
    XmlNode rootNode = node(root);
    Deque<Object[]> pending = new ArrayDeque<>();
    pending.push(new Object[] {root, rootNode});
    while (!pending.isEmpty()) {
      Object[] next = pending.pop();
      Element element = (Element) next[0];
      XmlNode parent = (XmlNode) next[1];
      List<Element> children = element.elements();
      for (Element child : children) {
        XmlNode childNode = node(child);
        parent.addChild(childNode);
        pending.push(new Object[] {child, childNode});
      }
    }
    return rootNode;
  }

  private static XmlNode node(Element element) {
    java.util.Set<String> keys = element.attributes();
    String[] attributes = new String[keys.size() * 3];
    int i = 0;
    for (String key : keys) {
      if (key.startsWith("xmlns")) {
        continue; // namespace declarations, not attributes
      }
      int colon = key.lastIndexOf(':');
      // the engine keys namespaced attributes as "namespaceUri:localName"
      attributes[i++] = colon < 0 ? "" : key.substring(0, colon);
      attributes[i++] = colon < 0 ? key : key.substring(colon + 1);
      attributes[i++] = element.attribute(key);
    }
    if (i < attributes.length) {
      attributes = java.util.Arrays.copyOf(attributes, i);
    }
    XmlNode node = new XmlNode(element.getUri(), element.getTagName(), attributes, element.getLine(),
        element.getColumn(), element);
    node.setText(element.getText() == null ? "" : element.getText().trim());
    return node;
  }
}
