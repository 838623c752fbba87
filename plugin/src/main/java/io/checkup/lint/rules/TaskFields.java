package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.PlainText;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code camunda:field} injections of a task (in its {@code extensionElements}) or of a
 * listener as Camunda 7's parse reads them ({@code BpmnParse.parseFieldDeclarations}): a field has
 * a value if it has a string ({@code stringValue} or a {@code camunda:string} element, not empty)
 * or an expression ({@code expression} or a {@code camunda:expression} element, not blank). The
 * engine's schema validation refuses fields outside {@code extensionElements}.
 */
final class TaskFields {

  /**
   * A field: its name, its value (null: none) and whether that is a fixed string (false: an
   * expression).
   */
  record Field(String name, String value, boolean string) {

    boolean hasValue() {
      return value != null;
    }
  }

  private TaskFields() {}

  /**
   * The fields with a name in an element's {@code extensionElements}: a task's, or a message event
   * definition's that is implemented like one.
   */
  static List<Field> of(XmlNode element) {
    XmlNode extensions = BpmnElement.extensionElements(element);
    return extensions == null ? List.of() : in(extensions);
  }

  /**
   * The fields with a name among the children of an element: a task's {@code extensionElements} or
   * a listener (whose fields are its own children).
   */
  static List<Field> in(XmlNode holder) {
    List<Field> fields = List.of();
    for (XmlNode field : holder.children()) {
      String name = field.attr("name");
      if (name == null || !Bpmn.isCamunda(field, "field")) {
        continue;
      }
      if (fields.isEmpty()) {
        fields = new ArrayList<>();
      }
      String string = value(field, "stringValue", "string");
      String expression = value(field, "expression", "expression");
      if (string != null && !string.isEmpty()) {
        fields.add(new Field(name, string, true));
      } else if (expression != null && !expression.isBlank()) {
        fields.add(new Field(name, expression, false));
      } else {
        fields.add(new Field(name, null, false));
      }
    }
    return fields;
  }

  /** The finding of a field without a value, which the engine refuses where it reads fields. */
  static String withoutValue(String what, Field field) {
    return what
        + " has the field '"
        + PlainText.oneLine(field.name(), PlainText.NAME_LENGTH)
        + "' without a value: "
        + REFUSED
        + " (give it a string or an expression, or remove it)";
  }

  /** Whether one of the fields of that name has a value. */
  static boolean has(List<Field> fields, String name) {
    return fields.stream().anyMatch(field -> field.hasValue() && field.name().equals(name));
  }

  /** The attribute's value or the child element's text (blanks kept, as the engine keeps them). */
  private static String value(XmlNode field, String attribute, String element) {
    String value = field.attr(attribute);
    if (value != null) {
      return value;
    }
    XmlNode child = Bpmn.camundaChild(field, element);
    return child == null ? null : child.blanksOnly() ? " " : child.text();
  }
}
