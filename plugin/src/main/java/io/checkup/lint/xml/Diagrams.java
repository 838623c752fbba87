package io.checkup.lint.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a file's diagrams (BPMN DI) hold that Camunda 7's parse reads and can refuse (its {@code
 * BpmnParse.parseDiagramInterchangeElements}): each {@code BPMNPlane}, {@code BPMNShape} and {@code
 * BPMNEdge} with the {@code Bounds} or {@code waypoint}s it holds, and the ids of every element of
 * the diagrams. The reader keeps this beside the tree, which leaves the diagrams out: they are half
 * of a modeler's file, and no other rule reads them.
 */
public final class Diagrams {

  /**
   * One plane, shape or edge.
   *
   * @param node the element with its attributes and position, not in the tree and without children
   * @param count of a plane, its place among its diagram's planes (1 for the first); of a shape,
   *     how many {@code Bounds} it holds; of an edge, how many {@code waypoint}s
   * @param unreadable the first attribute of the shape's {@code Bounds} or the edge's waypoints (x,
   *     y, width, height) that is missing or not a number as the schema writes one, which the
   *     engine's schema validation refuses; null when there is none
   * @param unreadableValue its value as written; null where it is missing
   * @param inLabel whether that attribute is of the {@code Bounds} of the shape's or edge's label
   * @param plane the plane a shape or an edge is drawn on; null for a plane
   */
  public record Part(
      XmlNode node,
      int count,
      String unreadable,
      String unreadableValue,
      boolean inLabel,
      Part plane) {

    public boolean isPlane() {
      return plane == null;
    }

    /**
     * The {@code bpmnElement} it draws, without the white space around it that the schema's
     * validation takes off; null when it has none or a blank one.
     */
    public String drawn() {
      String ref = node.attr("bpmnElement");
      return ref == null || ref.isBlank() ? null : ref.strip();
    }
  }

  private final List<Part> parts = new ArrayList<>();
  private final Map<String, XmlNode> byId = new LinkedHashMap<>();
  private final List<XmlNode> repeated = new ArrayList<>(0);

  /** Planes, shapes and edges in document order, each plane before what is drawn on it. */
  public List<Part> parts() {
    return parts;
  }

  /**
   * The first element of the diagrams with each id, in document order (the engine resolves
   * references against them too), as a node of its own.
   */
  public Map<String, XmlNode> byId() {
    return byId;
  }

  /** The elements of the diagrams whose id an earlier element of the diagrams has. */
  public List<XmlNode> repeated() {
    return repeated;
  }

  void add(Part part) {
    parts.add(part);
  }

  void addId(String id, XmlNode element) {
    if (byId.putIfAbsent(id, element) != null) {
      repeated.add(element);
    }
  }
}
