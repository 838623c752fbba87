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
import java.util.ArrayList;
import java.util.List;

/**
 * A call activity of an executable process that calls nothing (neither {@code calledElement} nor
 * {@code camunda:caseRef}), names both, or binds to a version or version tag it does not give: the
 * engine refuses to deploy the process (Camunda 7's {@code BpmnParse.parseCallActivity}, {@code
 * parseVersion} and {@code parseVersionTag}, the same in Operaton and CIB seven); so it does a
 * variable mapping without a source or a target.
 */
@RuleInfo(
    id = CallActivityRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A call activity that calls nothing, names both a process and a case, or binds to a "
            + "version it does not give: the engine refuses to deploy the process.")
public final class CallActivityRule implements Rule {

  public static final String ID = "call-activity";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode call : graph.flowNodes()) {
      if (!call.type().equals("callActivity") || !call.scope().isExecutable()) {
        continue;
      }
      boolean process = call.xml().attr("calledElement") != null;
      boolean caseRef = call.camundaAttr("caseRef") != null;
      String what = "Call activity " + call.describe();
      if (!process && !caseRef) {
        context.report(
            call,
            what
                + " calls nothing: it has neither calledElement nor camunda:caseRef, and "
                + REFUSED
                + " (name the process to call: in Camunda Modeler, Called element)");
      } else if (process && caseRef) {
        context.report(
            call,
            what
                + " names both a process (calledElement) and a case (camunda:caseRef): "
                + REFUSED
                + " (keep one)");
      } else {
        // the engine reads the version tag from calledElementVersionTag for a case too
        String binding = call.camundaAttr(process ? "calledElementBinding" : "caseBinding");
        String version = process ? "calledElementVersion" : "caseVersion";
        if ("version".equals(binding) && call.camundaAttr(version) == null) {
          missing(call, context, what, binding, version);
        } else if ("versionTag".equals(binding)
            && call.camundaAttr("calledElementVersionTag") == null) {
          missing(call, context, what, binding, "calledElementVersionTag");
        }
      }
      checkMappings(graph, call, context, what);
    }
  }

  /**
   * The variables passed in and out ({@code camunda:in}, {@code camunda:out}) as the engine checks
   * them by default ({@code BpmnParse.parseCallableElementProvider} with strict call activity
   * validation): each names a source or source expression that is not empty and a target that is
   * not empty, unless it passes all variables or, going in, the business key.
   */
  private static void checkMappings(
      BpmnGraph graph, FlowNode call, RuleContext context, String what) {
    XmlNode extensions = call.extensionElements();
    if (extensions == null) {
      return;
    }
    for (XmlNode mapping : extensions.children()) {
      String direction = mapping.localName();
      if (!(Bpmn.isCamunda(mapping, "in") || Bpmn.isCamunda(mapping, "out"))
          || "all".equals(mapping.attr("variables"))
          || direction.equals("in") && !absent(mapping.attr("businessKey"))) {
        continue;
      }
      List<String> problems = new ArrayList<>();
      String source = mapping.attr("source");
      String expression = mapping.attr("sourceExpression");
      if (source != null) {
        if (source.isEmpty()) {
          problems.add("an empty source");
        }
      } else if (expression == null) {
        problems.add("no source or sourceExpression");
      } else if (expression.isEmpty()) {
        problems.add("an empty sourceExpression");
      }
      String target = mapping.attr("target");
      if (target == null) {
        problems.add("no target");
      } else if (target.isEmpty()) {
        problems.add("an empty target");
      }
      if (!problems.isEmpty()) {
        context.report(
            call,
            what
                + " passes a variable "
                + (direction.equals("in") ? "in" : "out")
                + " ("
                + graph.extensionPrefix()
                + ":"
                + direction
                + (absent(target)
                    ? ""
                    : " target '" + PlainText.oneLine(target, PlainText.NAME_LENGTH) + "'")
                + ") with "
                + String.join(" and ", problems)
                + ": "
                + REFUSED
                + " (name the variable or expression to pass and the variable it is passed into,"
                + " or remove the mapping)");
      }
    }
  }

  /** Not there, or empty. */
  private static boolean absent(String value) {
    return value == null || value.isEmpty();
  }

  private static void missing(
      FlowNode call, RuleContext context, String what, String binding, String attribute) {
    context.report(
        call,
        what
            + " binds to a "
            + (binding.equals("version") ? "version" : "version tag")
            + " but gives none (camunda:"
            + attribute
            + "): "
            + REFUSED
            + " (give the "
            + (binding.equals("version") ? "version" : "version tag")
            + ", or bind to latest or deployment)");
  }
}
