package io.checkup.engine;

import java.util.ArrayDeque;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Where the engine's parse failed with an exception of its own: Camunda's expression parser quotes
 * the expression it could not parse ({@code Error parsing '${svc.run(}': syntax error at position
 * 10, ...}) but names no element, and the engine answers with an HTTP 500. The element is the first
 * one, in document order, with an attribute or text holding that expression; the element itself
 * where it has an id, else the closest enclosing one that has (a sequence flow for its condition).
 */
final class EngineFailure {

  private EngineFailure() {}

  /**
   * The element the failure is about, or {@code root} where it quotes no expression of the model.
   */
  static Element at(Element root, Throwable failure) {
    String quoted = quotedTexts(failure);
    if (root == null || quoted.isEmpty()) {
      return root;
    }
    // a stack of its own: nesting is bounded before the engine's parse, but not by much
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
      if (holds(element, quoted)) {
        return withId;
      }
      for (int i = element.elements().size() - 1; i >= 0; i--) {
        elements.push(element.elements().get(i));
        withIds.push(withId);
      }
    }
    return root;
  }

  /** The messages of the failure and its causes, where an expression would be quoted. */
  private static String quotedTexts(Throwable failure) {
    StringBuilder messages = new StringBuilder();
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 10; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains("'")) {
        messages.append(cause.getMessage()).append('\n');
      }
      depth++;
    }
    return messages.toString();
  }

  private static boolean holds(Element element, String quoted) {
    if (quotes(quoted, element.getText())) {
      return true;
    }
    for (String attribute : element.attributes()) {
      if (quotes(quoted, element.attribute(attribute))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the messages quote this value, as the engine gives expressions: trimmed. */
  private static boolean quotes(String quoted, String value) {
    if (value == null || !(value.contains("${") || value.contains("#{"))) {
      return false;
    }
    return quoted.contains("'" + value.trim() + "'");
  }
}
