package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.References;
import io.checkup.lint.xml.XmlNode;
import java.util.Map;

/**
 * An error end event of an executable process that throws no error (no {@code errorRef}, or an
 * empty one), or throws an error of the file that has no error code: the engine refuses to deploy
 * the process (Camunda 7's {@code BpmnParse.parseEndEvents}, the same in Operaton and CIB seven). A
 * reference to an error the file does not have is deployed (the engine throws the reference itself
 * as the code) and not reported. An end event with several event definitions is left to {@code
 * single-event-definition}.
 */
@RuleInfo(
    id = ErrorRefRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "An error end event that throws no error, an error without an error code, or an error "
            + "without an id: the engine refuses to deploy the process.")
public final class ErrorRefRule implements Rule {

  public static final String ID = "error-ref";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    if (graph.hasExecutableProcess()) {
      for (XmlNode error : graph.rootElements("error")) {
        MissingId.report(error, context);
      }
    }
    Map<String, String> codes = null;
    for (FlowNode event : graph.events()) {
      XmlNode definition = event.executableEventDefinition("errorEventDefinition");
      if (definition == null || !event.isEndEvent()) {
        continue;
      }
      String ref = definition.attr("errorRef");
      if (ref == null || ref.isEmpty()) {
        context.report(
            event,
            "Error end event "
                + event.describe()
                + " throws no error: it has no errorRef, and "
                + REFUSED
                + " (choose the error it throws, with its code)");
        continue;
      }
      // looked up by id as written, prefix and all; a reference to no error is thrown as the code
      codes = codes != null ? codes : References.codes(graph, "error");
      if (codes.containsKey(ref) && codes.get(ref) == null) {
        context.report(
            event,
            "Error end event "
                + event.describe()
                + " throws error '"
                + PlainText.oneLine(ref, PlainText.NAME_LENGTH)
                + "', which has no errorCode: "
                + REFUSED
                + " (give the error a code: a boundary or start event catches an error by it)");
      }
    }
  }
}
