package io.checkup.lint.rules;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.xml.XmlNode;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated form field whose written value the engine takes at deployment and fails on at run
 * time (Camunda 7's {@code FormFieldHandler}, form types and validators, the same in Operaton and
 * CIB seven): a default value that is no whole number for a {@code long} field (an empty one too),
 * that its date pattern does not read for a {@code date} field, or that is none of an {@code enum}
 * field's values (an empty one too), on which every request for the form fails (the task list
 * cannot show it); a length constraint on a field that holds no text or a range constraint on one
 * that holds no number, which fails every submission of a value there; a {@code minlength} or
 * {@code maxlength} constraint whose config is no whole number, or a {@code min} or {@code max}
 * constraint of a {@code long} field whose config is none, on which every submission of a value
 * there fails. Expressions are evaluated at run time and not judged.
 */
@RuleInfo(
    id = FormFieldValueRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    summary =
        "A generated form field whose default value does not fit its type, or whose length or range"
            + " constraint is no number: the process deploys, and the form fails when it is opened"
            + " or submitted.")
public final class FormFieldValueRule implements Rule {

  public static final String ID = "form-field-value";

  /** The types whose values the length constraints read as text. */
  private static final List<String> TEXTS = List.of("string", "enum");

  /** The engine's pattern for a date field without one of its own. */
  private static final String DEFAULT_DATE_PATTERN = "dd/MM/yyyy";

  private static final String OPENING_FAILS =
      ": the process deploys, and every request for the form fails (the task list cannot show it)";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    GeneratedForms.forEachField(graph, (node, what, field) -> check(node, what, field, context));
  }

  private static void check(FlowNode node, Subject what, XmlNode field, RuleContext context) {
    String type = field.attr("type");
    String value = field.attr("defaultValue");
    if (value != null && !Bpmn.hasExpression(value) && type != null) {
      String problem = defaultProblem(type, value, field);
      if (problem != null) {
        context.report(
            node,
            what
                + " has "
                + name(field)
                + " of the type "
                + type
                + " with the default value "
                + PlainText.quoted(value)
                + ", "
                + problem
                + OPENING_FAILS
                + " (write a value of the type, or an expression)");
      }
    }
    XmlNode validation = Bpmn.camundaChild(field, "validation");
    if (validation == null || type == null) {
      return; // a field without a type is form-field's: the engine refuses it
    }
    for (XmlNode constraint : validation.children()) {
      if (!Bpmn.isCamunda(constraint, "constraint")) {
        continue;
      }
      String validator = constraint.attr("name");
      String config = constraint.attr("config");
      boolean length = "minlength".equals(validator) || "maxlength".equals(validator);
      boolean range = "min".equals(validator) || "max".equals(validator);
      String checks = length ? "texts" : "numbers";
      if ((length && !TEXTS.contains(type)) || (range && !"long".equals(type))) {
        if (GeneratedForms.BUILT_IN_TYPES.contains(type)) { // a custom type may take any constraint
          context.report(
              node,
              what
                  + " has "
                  + name(field)
                  + " of the type "
                  + type
                  + " with the validation constraint "
                  + validator
                  + ", which checks "
                  + checks
                  + ": the process deploys, and every submission of the form with a value in the"
                  + " field fails ("
                  + (length
                      ? "use min or max for a number's range"
                      : "use minlength or maxlength for a text's length")
                  + ")");
        }
      } else if ((length || range) && !wholeNumber(config, length)) {
        context.report(
            node,
            what
                + " has "
                + name(field)
                + " with the validation constraint "
                + validator
                + (config == null
                    ? " without a config"
                    : " whose config " + PlainText.quoted(config))
                + ", which is no whole number: the process deploys, and every submission of the"
                + " form with a value in the field fails (give a whole number in config)");
      }
    }
  }

  /**
   * "the form field 'amount'", made only when a finding is written: this rule runs at every
   * deployment, and most fields have nothing to report (as {@link Subject} does for elements).
   */
  private static String name(XmlNode field) {
    String id = field.attr("id");
    return "the form field " + PlainText.quoted(id == null ? "" : id);
  }

  /** What is wrong with a written default value of the field's type, or null. */
  private static String defaultProblem(String type, String value, XmlNode field) {
    switch (type) {
      case "long" -> {
        return wholeNumber(value, false) ? null : "which is no whole number";
      }
      case "date" -> {
        if (value.isEmpty()) {
          return null; // read as no date
        }
        String pattern = field.attr("datePattern");
        pattern = pattern == null ? DEFAULT_DATE_PATTERN : pattern;
        SimpleDateFormat format;
        try {
          format = new SimpleDateFormat(pattern);
        } catch (IllegalArgumentException e) {
          return null; // form-field's: the engine refuses the pattern
        }
        // as the engine reads it: parseObject, which takes a date at the start of the text
        return format.parseObject(value, new ParsePosition(0)) != null
            ? null
            : "which its date pattern " + PlainText.quoted(pattern) + " does not read";
      }
      case "enum" -> {
        List<String> values = new ArrayList<>();
        for (XmlNode option : field.children()) {
          if (Bpmn.isCamunda(option, "value")) {
            values.add(option.attr("id"));
          }
        }
        return values.contains(value)
            ? null
            : "which is none of its values" + (values.isEmpty() ? " (it has none)" : "");
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * Whether the text is a whole number as the engine reads it: {@code Integer.parseInt} for a
   * length, {@code Long.parseLong} otherwise (untrimmed, a sign allowed).
   */
  private static boolean wholeNumber(String text, boolean integer) {
    if (text == null) {
      return false;
    }
    try {
      if (integer) {
        Integer.parseInt(text);
      } else {
        Long.parseLong(text);
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
