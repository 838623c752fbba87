package io.checkup.engine;

import io.checkup.lint.model.Bpmn;
import java.util.ArrayDeque;
import java.util.function.ToIntFunction;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Where the engine's parse failed with an exception of its own: Camunda's expression parser names
 * the expression it could not parse ({@code Error parsing '${svc.run(}': syntax error at position
 * 10, ...}) but no element, and the engine answers with an HTTP 500. The element is the first one,
 * in document order, with an attribute or text holding that expression (an entry of a list too);
 * the element itself where it has an id, else the closest enclosing one that has (a sequence flow
 * for its condition).
 */
final class EngineFailure {

  private EngineFailure() {}

  /** The expression the failure could not parse, or null where it is no expression's. */
  static String expression(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 10; cause = cause.getCause()) {
      if (cause instanceof TreeBuilderException parse && parse.getExpression() != null) {
        return parse.getExpression();
      }
      depth++;
    }
    return null;
  }

  /**
   * The element the failure is about, or {@code root} where it names no expression of the model.
   */
  static Element at(Element root, Throwable failure) {
    String expression = expression(failure);
    if (expression == null || expression.isBlank()) {
      return root;
    }
    Element found = first(root, value -> value.contains(expression) ? 1 : 0);
    return found != null ? found : root;
  }

  /**
   * The element whose expression nests deepest ({@link Bpmn#nesting}), where a parse ran out of
   * stack; {@code root} where nothing nests.
   */
  static Element deepest(Element root) {
    Element found = first(root, value -> Bpmn.hasExpression(value) ? Bpmn.nesting(value) : 0);
    return found != null ? found : root;
  }

  /**
   * The element (or its closest ancestor with an id) holding the attribute or text that scores
   * highest, the first in document order among equals; null where none scores above 0. A walk with
   * a stack of its own: nesting is bounded before the engine's parse, but not by much.
   */
  private static Element first(Element root, ToIntFunction<String> score) {
    if (root == null) {
      return null;
    }
    ArrayDeque<Element> elements = new ArrayDeque<>();
    ArrayDeque<Element> withIds = new ArrayDeque<>();
    elements.push(root);
    withIds.push(root);
    Element best = null;
    int bestScore = 0;
    while (!elements.isEmpty()) {
      Element element = elements.pop();
      Element withId = withIds.pop();
      if (element.attribute("id") != null) {
        withId = element;
      }
      int here = score.applyAsInt(element.getText());
      for (String attribute : element.attributes()) {
        String value = element.attribute(attribute);
        here = Math.max(here, value == null ? 0 : score.applyAsInt(value));
      }
      if (here > bestScore) {
        best = withId;
        bestScore = here;
      }
      for (int i = element.elements().size() - 1; i >= 0; i--) {
        elements.push(element.elements().get(i));
        withIds.push(withId);
      }
    }
    return best;
  }
}
