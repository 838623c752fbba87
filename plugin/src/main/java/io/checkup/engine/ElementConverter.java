package io.checkup.engine;

import io.checkup.lint.xml.XmlNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
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
    Map<String, String> attributes = XmlNode.newAttributeMap();
    for (String key : element.attributes()) {
      if (key.startsWith("xmlns")) {
        continue; // namespace declarations, not attributes
      }
      String value = element.attribute(key);
      int colon = key.lastIndexOf(':');
      // the engine keys namespaced attributes as "namespaceUri:localName"
      attributes.put(colon < 0 ? key : XmlNode.attributeKey(key.substring(0, colon), key.substring(colon + 1)),
          value);
    }
    XmlNode node = new XmlNode(element.getUri(), element.getTagName(), attributes, element.getLine(),
        element.getColumn(), element);
    node.setText(element.getText() == null ? "" : element.getText().trim());
    return node;
  }
}
