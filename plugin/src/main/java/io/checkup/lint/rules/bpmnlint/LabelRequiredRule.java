package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;
import io.checkup.lint.xml.XmlNode;
import java.util.List;

/**
 * Elements a reader needs a label on: events, tasks, splitting exclusive/inclusive/complex
 * gateways, conditional sequence flows, participants and lanes. Sub-processes, parallel and
 * event-based gateways are exempt.
 */
@RuleInfo(
    id = "label-required",
    severity = Severity.WARN,
    category = RuleInfo.Category.BPMNLINT,
    summary = "An event, task, deciding gateway, conditional flow, pool or lane without a name.")
public final class LabelRequiredRule implements Rule {

  private static final String MESSAGE = "Element is missing label/name";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (XmlNode participant : graph.participants()) {
      reportIfUnnamed(participant, context);
    }
    for (XmlNode lane : graph.lanes()) {
      reportIfUnnamed(lane, context);
    }
    for (FlowNode node : graph.flowNodes()) {
      if (node.isParallelGateway()
          || node.isEventBasedGateway()
          || node.isSubProcess()
          || node.isGateway() && node.outgoing().size() <= 1) {
        continue;
      }
      if (ModelFacts.isBlank(node.name())) {
        context.report(node, MESSAGE);
      }
    }
    for (SequenceFlow flow : graph.sequenceFlows()) {
      if (flow.hasCondition() && ModelFacts.isBlank(flow.name())) {
        context.report(flow, MESSAGE);
      }
    }
  }

  private static void reportIfUnnamed(XmlNode node, RuleContext context) {
    if (ModelFacts.isBlank(node.attr("name"))) {
      context.report(node, MESSAGE, List.of());
    }
  }
}
