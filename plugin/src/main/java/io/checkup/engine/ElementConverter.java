package io.checkup.engine;

import io.checkup.lint.model.Bpmn;
import io.checkup.lint.xml.XmlNode;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.xml.Attribute;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Turns the element tree the engine has already parsed into the linter's {@link XmlNode} tree, so
 * linting at deploy time costs no second XML parse. Each node keeps its engine {@link Element} as
 * origin, for reporting problems against it.
 */
final class ElementConverter {

  private ElementConverter() {}

  static XmlNode convert(Element root) {
    XmlNode rootNode = node(root);
    // depth-first with two array stacks: no recursion (any depth), no per-node allocation beyond
    // the node
    Element[] elements = new Element[64];
    XmlNode[] nodes = new XmlNode[64];
    int top = 0;
    elements[top] = root;
    nodes[top++] = rootNode;
    boolean suppressions = false;
    while (top > 0) {
      Element element = elements[--top];
      XmlNode parent = nodes[top];
      List<Element> children = element.elements();
      parent.expectChildren(children.size());
      for (Element child : children) {
        if (Bpmn.DI_NS.equals(child.getUri())) {
          continue; // the diagram: the engine reports itself what it lacks
        }
        XmlNode childNode = node(child);
        parent.addChild(childNode);
        suppressions = suppressions || childNode.isSuppression();
        if (top == elements.length) {
          elements = Arrays.copyOf(elements, top * 2);
          nodes = Arrays.copyOf(nodes, top * 2);
        }
        elements[top] = child;
        nodes[top++] = childNode;
      }
    }
    // the converter has seen every element: the linter need not search the tree again
    rootNode.maySuppress(suppressions);
    return rootNode;
  }

  private static XmlNode node(Element element) {
    return new EngineXmlNode(element, attributesOf(element));
  }

  /**
   * The engine's element keeps its attributes in a protected map of {@code Attribute}s; reading
   * them there takes no key lookups (which cost half of the linter's deploy-time work when done
   * through the public accessors). Where that field is not available, the public accessors are
   * used.
   */
  private static final Field ATTRIBUTE_MAP = attributeMapField();

  private static Field attributeMapField() {
    try {
      Field field = Element.class.getDeclaredField("attributeMap");
      field.setAccessible(true);
      return Map.class.isAssignableFrom(field.getType()) ? field : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  static String[] attributesOf(Element element) {
    if (ATTRIBUTE_MAP != null) {
      try {
        Map<?, ?> map = (Map<?, ?>) ATTRIBUTE_MAP.get(element);
        String[] attributes = new String[map.size() * 3];
        int i = 0;
        for (Object value : map.values()) {
          Attribute attribute = (Attribute) value;
          String uri = attribute.getUri() == null ? "" : attribute.getUri();
          if (isNamespaceDeclaration(uri, attribute.getName())) {
            continue;
          }
          attributes[i++] = uri;
          attributes[i++] = attribute.getName();
          attributes[i++] = attribute.getValue();
        }
        return i == attributes.length ? attributes : Arrays.copyOf(attributes, i);
      } catch (IllegalAccessException | ClassCastException e) {
        // fall back to the public accessors
      }
    }
    return attributesViaAccessors(element);
  }

  static String[] attributesViaAccessors(Element element) {
    Set<String> keys = element.attributes();
    String[] attributes = new String[keys.size() * 3];
    int i = 0;
    for (String key : keys) {
      // keys are "name" without namespace, "namespaceUri:name" with one
      int colon = key.lastIndexOf(':');
      String uri = colon < 0 || key.startsWith("xmlns") ? "" : key.substring(0, colon);
      String name = uri.isEmpty() ? key : key.substring(colon + 1);
      if (isNamespaceDeclaration(uri, name)) {
        continue;
      }
      attributes[i++] = uri;
      attributes[i++] = name;
      attributes[i++] = element.attribute(key);
    }
    return i == attributes.length ? attributes : Arrays.copyOf(attributes, i);
  }

  private static boolean isNamespaceDeclaration(String uri, String name) {
    return uri.isEmpty()
        ? name.equals("xmlns") || name.startsWith("xmlns:")
        : uri.equals("http://www.w3.org/2000/xmlns/");
  }

  /** A node read from the engine's element; its text is read only when a rule asks for it. */
  private static final class EngineXmlNode extends XmlNode {

    private final Element element;

    EngineXmlNode(Element element, String[] attributes) {
      super(
          element.getUri(),
          element.getTagName(),
          attributes,
          element.getLine(),
          element.getColumn(),
          element);
      this.element = element;
    }

    @Override
    protected String loadText() {
      String text = element.getText();
      return text == null ? "" : text;
    }
  }
}
