package io.checkup.engine;

import io.checkup.lint.model.Bpmn;
import java.util.ArrayDeque;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Where the engine's parse failed with an exception of its own: Camunda's expression parser names
 * the expression it could not parse ({@code Error parsing '${svc.run(}': syntax error at position
 * 10, ...}) but no element, and the engine answers with an HTTP 500. The element is the first one,
 * in document order, with an attribute or text holding that expression (an entry of a list too);
 * the element itself where it has an id, else the closest enclosing one that has (a sequence flow
 * for its condition). An expression that parses but calls a function the engine cannot bind ({@code
 * Could not resolve function 'lookup'}) is placed at the first one calling it.
 */
final class EngineFailure {

  private EngineFailure() {}

  /**
   * How Camunda's expression language says, when the engine binds an expression it has parsed, that
   * a function is unknown or called with the wrong parameters (its only wording: the library has no
   * translations). The function's name is quoted, the expression is not.
   */
  private static final Pattern FUNCTION =
      Pattern.compile("(?:Could not resolve function|Parameters for function) '([^']+)'");

  /** Where a failure is placed: the element, and the attribute or text there that it is about. */
  record Place(Element element, String value) {}

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
   * The function the engine could not bind ({@code lookup} of {@code ${lookup(1)}}, {@code ns:f}
   * with a prefix), or null where the failure is no function's.
   */
  static String function(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 10; cause = cause.getCause()) {
      Matcher matcher = FUNCTION.matcher(String.valueOf(cause.getMessage()));
      if (matcher.find()) {
        return matcher.group(1);
      }
      depth++;
    }
    return null;
  }

  /**
   * The element the failure is about, or {@code root} where it names no expression of the model.
   */
  static Element at(Element root, Throwable failure) {
    return place(root, failure).element();
  }

  /**
   * The element the failure is about and the value there holding the expression it names (the
   * expression the engine could not parse, or the first one calling the function it could not
   * bind); {@code root} and null where it names none of the model.
   */
  static Place place(Element root, Throwable failure) {
    String expression = expression(failure);
    Place found = null;
    if (expression != null && !expression.isBlank()) {
      found = first(root, value -> value.contains(expression) ? 1 : 0);
    } else {
      String function = function(failure);
      if (function != null) {
        found = first(root, value -> calls(value, function) ? 1 : 0);
      }
    }
    return found != null ? found : new Place(root, null);
  }

  /**
   * Whether an expression in the text calls the function: its name, then an opening parenthesis,
   * not after a dot (a method) or a letter (a longer name).
   */
  static boolean calls(String text, String function) {
    if (!Bpmn.hasExpression(text)) {
      return false;
    }
    for (int at = text.indexOf(function); at >= 0; at = text.indexOf(function, at + 1)) {
      char before = at == 0 ? ' ' : text.charAt(at - 1);
      if (Character.isJavaIdentifierPart(before) || before == '.' || before == ':') {
        continue;
      }
      int after = at + function.length();
      while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
        after++;
      }
      if (after < text.length() && text.charAt(after) == '(') {
        return true;
      }
    }
    return false;
  }

  /**
   * The element whose expression nests deepest ({@link Bpmn#nesting}), where a parse ran out of
   * stack; {@code root} where nothing nests.
   */
  static Element deepest(Element root) {
    Place found = first(root, value -> Bpmn.hasExpression(value) ? Bpmn.nesting(value) : 0);
    return found != null ? found.element() : root;
  }

  /**
   * The element (or its closest ancestor with an id) holding the attribute or text that scores
   * highest, with that value, the first in document order among equals; null where none scores
   * above 0. A walk with a stack of its own: nesting is bounded before the engine's parse, but not
   * by much.
   */
  private static Place first(Element root, ToIntFunction<String> score) {
    if (root == null) {
      return null;
    }
    ArrayDeque<Element> elements = new ArrayDeque<>();
    ArrayDeque<Element> withIds = new ArrayDeque<>();
    elements.push(root);
    withIds.push(root);
    Place best = null;
    int bestScore = 0;
    while (!elements.isEmpty()) {
      Element element = elements.pop();
      Element withId = withIds.pop();
      if (element.attribute("id") != null) {
        withId = element;
      }
      String value = element.getText();
      int here = score.applyAsInt(value);
      for (String attribute : element.attributes()) {
        String candidate = element.attribute(attribute);
        int itsScore = candidate == null ? 0 : score.applyAsInt(candidate);
        if (itsScore > here) {
          here = itsScore;
          value = candidate;
        }
      }
      if (here > bestScore) {
        best = new Place(withId, value);
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
