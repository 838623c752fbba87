package io.checkup.engine;

import io.checkup.lint.model.Bpmn;
import java.util.ArrayDeque;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Where the engine's parse failed with an exception of its own, an HTTP 500 whose message names no
 * element: the element the failure is about, itself where it has an id, else the closest enclosing
 * one that has (a sequence flow for its condition). What the failure names decides:
 *
 * <ul>
 *   <li>an expression Camunda's expression parser could not parse ({@code Error parsing
 *       '${svc.run(}': syntax error at position 10, ...}): the first element, in document order,
 *       with an attribute or text holding it (an entry of a list too);
 *   <li>a function it could not bind ({@code Could not resolve function 'lookup'}): the first
 *       expression calling it;
 *   <li>a class it could not load or instantiate ({@code Cannot load class 'com.acme.Form'}): the
 *       first attribute naming it; for the engine's own mail behaviour, which needs Apache Commons
 *       Email, the first mail task;
 *   <li>several elements where it reads one ({@code multiple elements with tag name collaboration
 *       found}): the second of the first such pair.
 * </ul>
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

  /** The engine's ENGINE-09017 and ENGINE-09008: a class named by the model, or its own. */
  private static final Pattern CLASS =
      Pattern.compile("(?:Cannot load class|Exception while instantiating class) '([^']+)'");

  /** The engine reading one child element where there are several ({@code Element.element}). */
  private static final Pattern SEVERAL =
      Pattern.compile("multiple elements with tag name (\\S+) found");

  /** The class the engine instantiates for {@code camunda:type="mail"}. */
  private static final String MAIL_BEHAVIOUR = ".MailActivityBehavior";

  /** Where a failure is placed: the element, and the attribute or text there that it is about. */
  record Place(Element element, String value) {}

  /** The expression the failure could not parse, or null where it is no expression's. */
  static String expression(Throwable failure) {
    return inCauses(
        failure,
        cause -> cause instanceof TreeBuilderException parse ? parse.getExpression() : null);
  }

  /** The failure or the first of its causes of that type, or null. */
  static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
    return inCauses(failure, cause -> type.isInstance(cause) ? type.cast(cause) : null);
  }

  /**
   * What {@code read} first finds in the failure or its causes (not null), or null: ten of them at
   * most, as a cause chain may loop.
   */
  private static <T> T inCauses(Throwable failure, Function<Throwable, T> read) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 10; cause = cause.getCause()) {
      T found = read.apply(cause);
      if (found != null) {
        return found;
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
    return named(failure, FUNCTION);
  }

  /** The first group of the pattern in the messages of the failure and its causes, or null. */
  private static String named(Throwable failure, Pattern pattern) {
    return inCauses(
        failure,
        cause -> {
          Matcher matcher = pattern.matcher(String.valueOf(cause.getMessage()));
          return matcher.find() ? matcher.group(1) : null;
        });
  }

  /** The element the failure is about, or {@code root} where it names nothing of the model. */
  static Element at(Element root, Throwable failure) {
    return place(root, failure).element();
  }

  /**
   * The element the failure is about and the value there that it names (the expression the engine
   * could not parse, the first one calling the function it could not bind, the attribute naming the
   * class); {@code root} and null where it names nothing of the model.
   */
  static Place place(Element root, Throwable failure) {
    Place found = null;
    String expression = expression(failure);
    String function = function(failure);
    String className = named(failure, CLASS);
    String tag = named(failure, SEVERAL);
    if (expression != null && !expression.isBlank()) {
      found = first(root, (attribute, value) -> value.contains(expression) ? 1 : 0);
    } else if (function != null) {
      found = first(root, (attribute, value) -> calls(value, function) ? 1 : 0);
    } else if (className != null && className.endsWith(MAIL_BEHAVIOUR)) {
      found =
          first(
              root,
              (attribute, value) -> isType(attribute) && value.equalsIgnoreCase("mail") ? 1 : 0);
    } else if (className != null) {
      found =
          first(
              root,
              (attribute, value) ->
                  isExtension(attribute) && value.trim().equals(className) ? 1 : 0);
    } else if (tag != null) {
      found = second(root, tag);
    }
    return found != null ? found : new Place(root, null);
  }

  /**
   * Whether an attribute, named as the engine's elements key it ({@code uri:name}), is in a
   * namespace: Camunda's, where the engine reads class names (not a {@code name}).
   */
  private static boolean isExtension(String attribute) {
    return attribute != null && attribute.indexOf(':') > 0;
  }

  /** Whether an attribute is a {@code camunda:type}. */
  private static boolean isType(String attribute) {
    return isExtension(attribute) && attribute.endsWith(":type");
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
    Place found =
        first(root, (attribute, value) -> Bpmn.hasExpression(value) ? Bpmn.nesting(value) : 0);
    return found != null ? found.element() : root;
  }

  /**
   * The element (or its closest ancestor with an id) holding the attribute or text that scores
   * highest, with that value, the first in document order among equals; null where none scores
   * above 0. The score is given the attribute's key ({@code uri:name} where it has a namespace),
   * null for the element's text.
   */
  private static Place first(Element root, ToIntBiFunction<String, String> score) {
    Place[] best = {null};
    int[] bestScore = {0};
    walk(
        root,
        (element, withId) -> {
          String value = element.getText();
          int here = score.applyAsInt(null, value);
          for (String attribute : element.attributes()) {
            String candidate = element.attribute(attribute);
            int itsScore = candidate == null ? 0 : score.applyAsInt(attribute, candidate);
            if (itsScore > here) {
              here = itsScore;
              value = candidate;
            }
          }
          if (here > bestScore[0]) {
            best[0] = new Place(withId, value);
            bestScore[0] = here;
          }
          return true;
        });
    return best[0];
  }

  /**
   * The second child with this tag of the first element, in document order, that has several (or
   * its closest ancestor with an id); null where none has.
   */
  private static Place second(Element root, String tag) {
    Place[] found = {null};
    walk(
        root,
        (element, withId) -> {
          if (element.elements(tag).size() < 2) {
            return true;
          }
          Element second = element.elements(tag).get(1);
          found[0] = new Place(second.attribute("id") != null ? second : withId, null);
          return false;
        });
    return found[0];
  }

  /**
   * Visits the elements in document order, each with itself or its closest ancestor that has an id,
   * until the visitor answers false. A walk with a stack of its own: nesting is bounded before the
   * engine's parse, but not by much.
   */
  private static void walk(Element root, BiPredicate<Element, Element> visitor) {
    if (root == null) {
      return;
    }
    ArrayDeque<Element> elements = new ArrayDeque<>();
    ArrayDeque<Element> withIds = new ArrayDeque<>();
    elements.push(root);
    withIds.push(root);
    while (!elements.isEmpty()) {
      Element element = elements.pop();
      Element withId = withIds.pop();
      if (element.attribute("id") != null) {
        withId = element;
      }
      if (!visitor.test(element, withId)) {
        return;
      }
      for (int i = element.elements().size() - 1; i >= 0; i--) {
        elements.push(element.elements().get(i));
        withIds.push(withId);
      }
    }
  }
}
