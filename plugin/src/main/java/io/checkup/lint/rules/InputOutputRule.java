package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.xml.XmlNode;
import java.util.Set;

/**
 * Input/output mappings ({@code camunda:inputOutput}) of an executable process that the engine
 * refuses to deploy (Camunda 7's {@code BpmnParse.parseActivityInputOutput}, {@code
 * checkActivityInputOutputSupported}, {@code checkActivityOutputParameterSupported} and {@code
 * ensureNoIoMappingDefined}, and {@code BpmnParseUtil.parseInputOutput}, the same in Operaton and
 * CIB seven): on a start or boundary event, a gateway or an event sub-process; output parameters on
 * an end event or a multi-instance activity; a parameter without a name.
 */
@RuleInfo(
    id = InputOutputRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "Input/output mappings where the engine takes none (a start or boundary event, a gateway, an"
            + " event sub-process), output parameters on an end event or a multi-instance activity,"
            + " or a parameter without a name: the engine refuses to deploy the process.")
public final class InputOutputRule implements Rule {

  public static final String ID = "input-output";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.flowNodes()) {
      XmlNode extensions = node.extensionElements();
      XmlNode mapping = extensions == null ? null : Bpmn.camundaChild(extensions, "inputOutput");
      if (mapping == null || !node.scope().isExecutable()) {
        continue;
      }
      String place = unsupported(node);
      if (place != null) {
        context.report(
            node,
            what(graph, node)
                + ", which the engine takes on no "
                + place
                + ": "
                + REFUSED
                + " (map the variables on the activity before or after it, or remove them)");
        continue;
      }
      boolean named = true;
      boolean outputs = false;
      for (XmlNode parameter : mapping.children()) {
        String kind = parameter.localName();
        if (!Bpmn.isCamunda(parameter, "inputParameter")
            && !Bpmn.isCamunda(parameter, "outputParameter")) {
          continue;
        }
        outputs |= kind.equals("outputParameter");
        if (parameter.attr("name") == null) {
          named = false;
          context.report(
              node,
              what(graph, node)
                  + " with an "
                  + (kind.equals("inputParameter") ? "input" : "output")
                  + " parameter without a name (line "
                  + parameter.line()
                  + "): "
                  + REFUSED
                  + " (name the variable it sets)");
        }
      }
      if (named && outputs && (node.isEndEvent() || node.isMultiInstance())) {
        context.report(
            node,
            what(graph, node)
                + " with output parameters, which the engine takes on no "
                + (node.isEndEvent() ? "end event" : "multi-instance activity")
                + ": "
                + REFUSED
                + (node.isEndEvent()
                    ? " (nothing follows an end event to read them: remove them)"
                    : " (an output parameter would run once per instance: set the variables from"
                        + " inside the instances, or remove the output parameters)"));
      }
    }
  }

  /** "'Review' (review) has input/output mappings (camunda:inputOutput)", for a finding only. */
  private static String what(BpmnGraph graph, FlowNode node) {
    return node.describe()
        + " has input/output mappings ("
        + graph.extensionPrefix()
        + ":inputOutput)";
  }

  /**
   * Where the engine takes no mapping at all, as its parse tells: a start or boundary event, an
   * event sub-process, a gateway it runs (it ignores a complex gateway and an ad-hoc sub-process
   * with all they hold); null where it takes one (a task, another event, a sub-process, a
   * transaction, a call activity).
   */
  private static String unsupported(FlowNode node) {
    if (node.isStartEvent()) {
      return "start event";
    }
    if (node.isBoundaryEvent()) {
      return "boundary event";
    }
    if (node.isEventSubProcess()) {
      return "event sub-process";
    }
    return GATEWAYS.contains(node.type()) ? "gateway" : null;
  }

  private static final Set<String> GATEWAYS =
      Set.of("exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway");
}
