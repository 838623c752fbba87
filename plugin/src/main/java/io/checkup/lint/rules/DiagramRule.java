package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED_FILE;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.xml.Diagrams;
import io.checkup.lint.xml.XmlNode;
import java.util.List;

/**
 * What Camunda 7 refuses in a file's diagrams (BPMN DI), in a file with an executable process: its
 * schema validation, a shape without exactly one {@code Bounds}, an edge with fewer than two
 * waypoints, a coordinate that is missing or not a number (a label's too), a second plane in a
 * diagram, an id that another element of the file has; its parse ({@code
 * BpmnParse.parseDiagramInterchangeElements}, the same in Operaton and CIB seven), a plane, shape
 * or edge without {@code bpmnElement}, and a shape or edge that draws an id the file does not have,
 * as a hand edit or a merge leaves one behind. Only the command line reads the diagrams: at deploy
 * time the engine reports these itself, at their lines.
 */
@RuleInfo(
    id = DiagramRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A diagram shape or edge that draws nothing or an element the file does not have, or "
            + "lacks its bounds or waypoints: the engine refuses to deploy the file.")
public final class DiagramRule implements Rule {

  public static final String ID = "diagram";

  private static final String DRAWS_NOTHING =
      "draws no element (no bpmnElement): "
          + REFUSED_FILE
          + " (name the element it draws, or remove it)";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    Diagrams diagrams = graph.definitions().diagrams();
    if (diagrams == null || !graph.hasExecutableProcess()) {
      return;
    }
    repeatedIds(graph, diagrams, context);
    for (Diagrams.Part part : diagrams.parts()) {
      XmlNode node = part.node();
      if (part.isPlane()) {
        if (part.count() > 1) {
          report(
              context,
              node,
              "is plane "
                  + part.count()
                  + " of its diagram, where a diagram has one: "
                  + REFUSED_FILE
                  + " (draw each process or collaboration in a BPMNDiagram of its own)");
        } else if (part.drawn() == null) {
          report(context, node, DRAWS_NOTHING);
        }
        continue;
      }
      String problem = "BPMNShape".equals(node.localName()) ? bounds(part) : waypoints(part);
      if (problem != null) {
        report(context, node, problem + ": " + REFUSED_FILE + " (" + fix(part) + ")");
      }
      // the engine's parse reads what is drawn on a plane that draws something, and one per diagram
      Diagrams.Part plane = part.plane();
      if (plane.count() > 1 || plane.drawn() == null) {
        continue;
      }
      String drawn = part.drawn();
      if (drawn == null) {
        report(context, node, DRAWS_NOTHING);
      } else if (graph.element(drawn) == null && !diagrams.byId().containsKey(drawn)) {
        report(
            context,
            node,
            "draws "
                + PlainText.quoted(drawn)
                + ", which the file does not have: "
                + REFUSED_FILE
                + " (remove it with the element that is gone, or draw the element meant)");
      }
    }
  }

  /**
   * Ids of the diagrams that another element of the file has already: the schema requires every id
   * of a file to be unique (a diagram block copied, a shape given its element's id).
   */
  private static void repeatedIds(BpmnGraph graph, Diagrams diagrams, RuleContext context) {
    for (XmlNode element : diagrams.repeated()) {
      report(
          context,
          element,
          "has the id of an earlier element of the diagram: "
              + REFUSED_FILE
              + " (an id is unique in a file: remove the copy, or give it an id of its own)");
    }
    for (XmlNode element : diagrams.byId().values()) {
      XmlNode model = graph.element(element.id());
      if (model != null && Bpmn.ofTheModel(model)) {
        report(
            context,
            element,
            "has the id of "
                + model.localName()
                + " "
                + PlainText.quoted(element.id())
                + ": "
                + REFUSED_FILE
                + " (an id is unique in a file: give the diagram element an id of its own)");
      }
    }
  }

  /** What is wrong with a shape's bounds, which the schema requires once with four numbers. */
  private static String bounds(Diagrams.Part shape) {
    if (shape.count() != 1) {
      return "has "
          + (shape.count() == 0 ? "no" : shape.count())
          + " Bounds, where a shape has one";
    }
    return shape.unreadable() == null ? null : "has " + bounds(shape.inLabel()) + unreadable(shape);
  }

  /** What is wrong with an edge's waypoints, which the schema requires twice or more. */
  private static String waypoints(Diagrams.Part edge) {
    if (edge.count() < 2) {
      return "has "
          + (edge.count() == 0 ? "no waypoint" : "one waypoint")
          + ", where an edge has at least two";
    }
    return edge.unreadable() == null
        ? null
        : "has " + (edge.inLabel() ? bounds(true) : "a waypoint ") + unreadable(edge);
  }

  private static String fix(Diagrams.Part part) {
    return part.inLabel()
        ? "give its label's dc:Bounds x, y, width and height in numbers"
        : "BPMNShape".equals(part.node().localName())
            ? "give it one dc:Bounds with x, y, width and height in numbers"
            : "give it two di:waypoint or more, each with x and y in numbers";
  }

  private static String bounds(boolean ofLabel) {
    return ofLabel ? "a label with Bounds " : "Bounds ";
  }

  private static String unreadable(Diagrams.Part part) {
    return part.unreadableValue() == null
        ? "without " + part.unreadable()
        : "whose "
            + part.unreadable()
            + " "
            + PlainText.quoted(part.unreadableValue())
            + " is not a number";
  }

  private static void report(RuleContext context, XmlNode node, String what) {
    String kind =
        switch (node.localName()) {
          case "BPMNPlane" -> "Plane ";
          case "BPMNShape" -> "Shape ";
          case "BPMNEdge" -> "Edge ";
          default -> PlainText.oneLine(node.localName(), PlainText.NAME_LENGTH) + " ";
        };
    String name = node.id() == null ? "without an id (line " + node.line() + ")" : node.id();
    context.report(
        node, kind + PlainText.oneLine(name, PlainText.NAME_LENGTH) + " " + what, List.of());
  }
}
