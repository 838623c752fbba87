package io.checkup.lint.rules.bpmnlint;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.xml.XmlNode;

/**
 * A conditional event of an executable process without a condition: no {@code condition}, or one
 * with neither an expression nor a script file ({@code camunda:resource} with a {@code language}).
 */
@RuleInfo(
    id = "conditional-event",
    severity = Severity.ERROR,
    category = RuleInfo.Category.BPMNLINT,
    summary = "A conditional event in an executable process without a condition.")
public final class ConditionalEventRule implements Rule {

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode node : graph.events()) {
      if (!ModelFacts.isInExecutableProcess(node)) {
        continue;
      }
      for (XmlNode definition : ModelFacts.inlineDefinitions(node)) {
        if (definition.localName().equals("conditionalEventDefinition")) {
          XmlNode condition = ModelFacts.child(definition, "condition");
          // a script condition may come from a file of the deployment (camunda:resource), which
          // Camunda reads only for a condition with a language
          if (condition == null
              || (ModelFacts.isBlank(condition.text())
                  && (ModelFacts.isBlank(condition.attr("language"))
                      || ModelFacts.isBlank(BpmnElement.camundaAttr(condition, "resource"))))) {
            context.report(node, "Conditional event is missing a condition");
          }
          break;
        }
      }
    }
  }
}
