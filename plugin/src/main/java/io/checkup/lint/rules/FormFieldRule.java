package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.xml.XmlNode;
import io.checkup.text.Spelling;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A field of a generated task form ({@code camunda:formData}) of a user task or of a process's
 * start that the engine refuses to deploy (Camunda 7's {@code DefaultFormHandler}, {@code
 * FormTypes} and {@code FormValidators}, the same in Operaton and CIB seven): a field without an id
 * or with an empty one (without one, the engine's parse of the process stops at it); a field
 * without a type, or of a type the engine does not know (it knows {@code string}, {@code long},
 * {@code boolean}, {@code date} and {@code enum}, and the custom types it is configured with); a
 * date pattern Java cannot read; a validation constraint the engine does not know (it knows {@code
 * required}, {@code readonly}, {@code minlength}, {@code maxlength}, {@code min}, {@code max}, and
 * {@code validator} with a class or expression) or a {@code validator} without one. The options
 * {@code types} and {@code validators} name the custom form types and validators an engine
 * registers; at deploy time the plugin adds those of its engine.
 */
@RuleInfo(
    id = FormFieldRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A generated form field without an id or a type, of a type or with a validation the engine"
            + " does not know: the engine refuses to deploy the process.")
public final class FormFieldRule implements Rule {

  public static final String ID = "form-field";

  /** The option naming the engine's custom form types ({@code customFormTypes}). */
  public static final String TYPES = "types";

  /** The option naming the engine's custom validators ({@code customFormFieldValidators}). */
  public static final String VALIDATORS = "validators";

  private static final List<String> BUILT_IN_VALIDATORS =
      List.of("required", "readonly", "minlength", "maxlength", "min", "max", "validator");

  @Override
  public Map<String, Object> defaultOptions() {
    return Map.of(TYPES, "", VALIDATORS, "");
  }

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    Set<String> types = context.namesOption(TYPES);
    Set<String> validators = context.namesOption(VALIDATORS);
    GeneratedForms.forEachField(
        graph, (node, what, field) -> check(node, what, field, types, validators, context));
  }

  private static void check(
      FlowNode node,
      Subject what,
      XmlNode field,
      Set<String> types,
      Set<String> validators,
      RuleContext context) {
    String id = field.attr("id");
    String name =
        id == null || id.isEmpty() ? "a form field" : "the form field " + PlainText.quoted(id);
    if (id == null || id.isEmpty()) {
      context.report(
          node,
          what
              + " has a form field (line "
              + field.line()
              + ") without an id: "
              + REFUSED
              + " (give the field the id of the variable it shows)");
    }
    String type = field.attr("type");
    if (type == null) {
      context.report(
          node,
          what
              + " has "
              + name
              + " without a type: "
              + REFUSED
              + " (give it a type: string, long, boolean, date or enum)");
    } else if (!GeneratedForms.BUILT_IN_TYPES.contains(type) && !types.contains(type)) {
      context.report(
          node,
          what
              + " has "
              + name
              + " of the type "
              + PlainText.quoted(type)
              + ", which the engine does not know"
              + meant(type, GeneratedForms.BUILT_IN_TYPES)
              + ": "
              + REFUSED
              + " (use string, long, boolean, date or enum, or register the type with the engine"
              + " and name it in this rule's option '"
              + TYPES
              + "')");
    } else if (type.equals("date") && field.attr("datePattern") != null) {
      String unreadable = unreadablePattern(field.attr("datePattern"));
      if (unreadable != null) {
        context.report(
            node,
            what
                + " has "
                + name
                + " with the date pattern "
                + PlainText.quoted(field.attr("datePattern"))
                + ", which Java cannot read ("
                + PlainText.oneLine(unreadable, PlainText.NAME_LENGTH)
                + "): the engine's parse fails on it and "
                + REFUSED
                + " (write the pattern as java.text.SimpleDateFormat reads it, such as"
                + " dd/MM/yyyy)");
      }
    }
    XmlNode validation = Bpmn.camundaChild(field, "validation");
    if (validation == null) {
      return;
    }
    for (XmlNode constraint : validation.children()) {
      if (!Bpmn.isCamunda(constraint, "constraint")) {
        continue;
      }
      String validator = constraint.attr("name");
      if ("validator".equals(validator)) {
        String config = constraint.attr("config");
        if (config == null || config.isEmpty()) {
          context.report(
              node,
              what
                  + " has "
                  + name
                  + " with a custom validator that names no class or expression (no config): "
                  + REFUSED
                  + " (give the validator's class, or an expression that resolves to it, in"
                  + " config)");
        }
      } else if (validator == null
          || (!BUILT_IN_VALIDATORS.contains(validator) && !validators.contains(validator))) {
        context.report(
            node,
            what
                + " has "
                + name
                + " with "
                + (validator == null
                    ? "a validation constraint without a name"
                    : "the validation constraint " + PlainText.quoted(validator))
                + ", which the engine does not know"
                + (validator == null ? "" : meant(validator, BUILT_IN_VALIDATORS))
                + ": "
                + REFUSED
                + " (use required, readonly, minlength, maxlength, min, max or validator, or"
                + " register the validator with the engine and name it in this rule's option '"
                + VALIDATORS
                + "')");
      }
    }
  }

  /**
   * " (did you mean 'long'? names are case-sensitive)" for a name close to a known one ("Long",
   * "lnog"), else nothing.
   */
  private static String meant(String name, List<String> known) {
    String closest = Spelling.closest(name, known, 2);
    return closest == null
        ? ""
        : " (did you mean " + PlainText.quoted(closest) + "? names are case-sensitive)";
  }

  /** Why Java's {@code SimpleDateFormat}, which the engine makes of the pattern, refuses it. */
  private static String unreadablePattern(String pattern) {
    try {
      new SimpleDateFormat(pattern);
      return null;
    } catch (IllegalArgumentException e) {
      return String.valueOf(e.getMessage());
    }
  }
}
