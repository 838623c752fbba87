package io.checkup.lint.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One XML element as the linter sees it: namespace, local name, attributes, children, text and the
 * position of its start tag. Both the engine's parsed {@code Element} tree and the command line's
 * own StAX reader are turned into this, so the graph and the rules never care where the XML came
 * from.
 */
public class XmlNode {

  private static final String[] NO_ATTRIBUTES = new String[0];

  private final String namespace;
  private final String localName;

  /**
   * Attributes as triples: namespace ("" for none), local name, value. Elements carry few, so a
   * scan is cheapest.
   */
  private final String[] attributes;

  /** Shared by every leaf until it gets a child: most elements of a model have none. */
  private static final List<XmlNode> NO_CHILDREN = List.of();

  private List<XmlNode> children = NO_CHILDREN;

  private final int line;
  private final int column;
  private XmlNode parent;

  /**
   * Prefix ({@code ""} for the default namespace) to namespace, as this element declares them,
   * where the reader tells them: the root's only.
   */
  private Map<String, String> declaredNamespaces = Map.of();

  private String text;
  private boolean blanksOnly;

  /** The root's: what its diagrams hold, where the reader read them (see {@link Diagrams}). */
  private Diagrams diagrams;

  /**
   * The object this node was made from (the engine's Element), so problems can be reported against
   * it.
   */
  private final Object origin;

  /**
   * @param attributes namespace, local name and value of each attribute, one after another (the
   *     array is kept)
   */
  public XmlNode(
      String namespace,
      String localName,
      String[] attributes,
      int line,
      int column,
      Object origin) {
    this.namespace = namespace == null ? "" : namespace;
    this.localName = localName;
    this.attributes = attributes == null || attributes.length == 0 ? NO_ATTRIBUTES : attributes;
    this.line = line;
    this.column = column;
    this.origin = origin;
  }

  /**
   * What the document's diagrams hold, on the root as the command line's reader reads it; null
   * where the diagrams were not read (the engine's tree at deploy time, where the engine reports
   * what they lack itself) or there are none.
   */
  public Diagrams diagrams() {
    return diagrams;
  }

  void diagrams(Diagrams read) {
    this.diagrams = read;
  }

  /**
   * Notes the namespaces this element declares ({@code xmlns:prefix="uri"}), by prefix ({@code ""}
   * for the default namespace).
   */
  public void declareNamespaces(Map<String, String> namespaces) {
    this.declaredNamespaces = Map.copyOf(namespaces);
  }

  /**
   * Whether this element declares {@code namespace}. Known for the root of a file the command line
   * read; false where the reader does not tell (the engine's parse).
   */
  public boolean declaresNamespace(String namespace) {
    return declaredNamespaces.containsValue(namespace);
  }

  /**
   * The namespace this element declares for {@code prefix}, or null: not declared here, or not
   * known (the engine's parse tells no declarations; see {@link #knowsDeclarations()}).
   */
  public String declaredNamespace(String prefix) {
    return declaredNamespaces.get(prefix);
  }

  /**
   * Whether the reader told this element's declarations (the root of a file the command line read).
   */
  public boolean knowsDeclarations() {
    return !declaredNamespaces.isEmpty();
  }

  public void addChild(XmlNode child) {
    child.parent = this;
    if (children == NO_CHILDREN) {
      // not isEmpty(): that would drop the list expectChildren sized
      children = new ArrayList<>(2);
    }
    children.add(child);
  }

  /**
   * Makes room for {@code count} children at once, for a builder that knows how many come (a
   * process has hundreds: a list grown from two copied them a dozen times).
   */
  public void expectChildren(int count) {
    if (children == NO_CHILDREN && count > 2) {
      children = new ArrayList<>(count);
    }
  }

  /**
   * Whether the tree below this root may hold a {@code checkup:disable} property, as whoever built
   * it saw while building: null when it did not look (then the linter searches the tree).
   */
  private Boolean maySuppress;

  public Boolean maySuppress() {
    return maySuppress;
  }

  public void maySuppress(boolean found) {
    this.maySuppress = found;
  }

  /** The Camunda extension property that suppresses rules for an element. */
  public static final String SUPPRESSION_PROPERTY = "checkup:disable";

  /** True for a {@code property} element naming {@link #SUPPRESSION_PROPERTY}: a suppression. */
  public boolean isSuppression() {
    return localName.equals("property") && SUPPRESSION_PROPERTY.equals(attr("name"));
  }

  /** The element's own text as read, untrimmed: {@link #text()} trims it. */
  public void setText(String text) {
    String raw = text == null ? "" : text;
    this.text = raw.trim();
    this.blanksOnly = !raw.isEmpty() && this.text.isEmpty();
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

  /**
   * Whether a BPMN attribute of the schema's type boolean is {@code true} as Camunda reads it: its
   * parser validates against the schema, which hands the value over with the blanks around it
   * collapsed ({@code " true"} deploys a process as executable), and then only the word {@code
   * true} counts ({@code "1"}, which the schema allows too, reads as false).
   */
  public static boolean isTrue(String schemaBoolean) {
    return schemaBoolean != null && schemaBoolean.strip().equals("true");
  }

  /** An attribute without namespace, or null. */
  public String attr(String name) {
    return attr("", name);
  }

  /** A namespaced attribute ({@code ""} for none), or null. */
  public String attr(String namespace, String name) {
    String[] all = attributes;
    for (int i = 0; i < all.length; i += 3) {
      if (all[i + 1].equals(name) && all[i].equals(namespace)) {
        return all[i + 2];
      }
    }
    return null;
  }

  public int attributeCount() {
    return attributes.length / 3;
  }

  /** Namespace of the i-th attribute ({@code ""} for none). */
  public String attributeNamespace(int i) {
    return attributes[3 * i];
  }

  public String attributeName(int i) {
    return attributes[3 * i + 1];
  }

  public String attributeValue(int i) {
    return attributes[3 * i + 2];
  }

  public List<XmlNode> children() {
    return children;
  }

  /** Children in the given namespace with the given local name. */
  public List<XmlNode> children(String namespace, String localName) {
    List<XmlNode> all = children;
    List<XmlNode> result = new ArrayList<>(2);
    // by index, not by iterator: rules ask every node for its children, and an iterator was a
    // tenth of what a lint allocated
    for (int i = 0; i < all.size(); i++) {
      XmlNode child = all.get(i);
      if (child.is(namespace, localName)) {
        result.add(child);
      }
    }
    return result;
  }

  public XmlNode child(String namespace, String localName) {
    List<XmlNode> all = children;
    for (int i = 0; i < all.size(); i++) {
      XmlNode child = all.get(i);
      if (child.is(namespace, localName)) {
        return child;
      }
    }
    return null;
  }

  /**
   * Visits this node and the nodes under it in document order, without recursion (any depth); the
   * visitor returns whether to go into the node's children.
   */
  public void walk(Predicate<XmlNode> visitor) {
    ArrayDeque<XmlNode> pending = new ArrayDeque<>();
    pending.push(this);
    while (!pending.isEmpty()) {
      XmlNode node = pending.pop();
      if (visitor.test(node)) {
        List<XmlNode> children = node.children();
        for (int i = children.size() - 1; i >= 0; i--) {
          pending.push(children.get(i));
        }
      }
    }
  }

  public XmlNode parent() {
    return parent;
  }

  /** The element's own text content, trimmed (whitespace-only text is empty). */
  public String text() {
    if (text == null) {
      setText(loadText());
    }
    return text;
  }

  /**
   * True when the element holds text of blanks only, which {@link #text()} makes empty: the engine
   * tells an empty element from one of blanks in places ({@code loopCardinality}).
   */
  public boolean blanksOnly() {
    text();
    return blanksOnly;
  }

  /**
   * The untrimmed text of a node that reads it on demand (see the engine's adapter); nodes read by
   * the linter's reader have it.
   */
  protected String loadText() {
    return "";
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
    return attr("", "id");
  }

  /** For subclasses that keep attributes elsewhere. */
  protected static String[] noAttributes() {
    return NO_ATTRIBUTES;
  }

  @Override
  public String toString() {
    String id = id();
    return localName + (id == null ? "" : "#" + id) + "@" + line + ":" + column;
  }
}
