package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.xml.XmlNode;

/**
 * A multi-instance activity of an executable process that does not say how many instances to start,
 * or names an element variable without a collection: the engine refuses to deploy the process
 * (Camunda 7's {@code BpmnParse.parseMultiInstanceLoopCharacteristics}, the same in Operaton and
 * CIB seven).
 */
@RuleInfo(
    id = MultiInstanceRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A multi-instance activity that does not say how many instances to start: the engine "
            + "refuses to deploy the process.")
public final class MultiInstanceRule implements Rule {

  public static final String ID = "multi-instance";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (FlowNode activity : graph.flowNodes()) {
      XmlNode loop = activity.multiInstance();
      if (loop == null || !activity.scope().isExecutable()) {
        continue;
      }
      String prefix = graph.extensionPrefix() + ":";
      Subject what = new Subject("Multi-instance", activity);
      XmlNode cardinality = loop.child(loop.namespace(), "loopCardinality");
      boolean collection =
          BpmnElement.camundaAttr(loop, "collection") != null
              || loop.child(loop.namespace(), "loopDataInputRef") != null;
      if (cardinality != null && cardinality.text().isEmpty() && !cardinality.blanksOnly()) {
        // the engine refuses an empty one, with a collection too; one of blanks it takes
        context.report(
            activity,
            what
                + " has an empty loopCardinality: nothing says how many instances to start, and "
                + REFUSED
                + " (give the number of instances, such as ${reviewers.size()})");
      } else if (cardinality == null && !collection) {
        context.report(
            activity,
            what
                + " has no loopCardinality, "
                + prefix
                + "collection or loopDataInputRef, so nothing says how many instances to start: "
                + REFUSED
                + " (give a loop cardinality, or a collection and an element variable)");
      } else if (!collection
          && (BpmnElement.camundaAttr(loop, "elementVariable") != null
              || loop.child(loop.namespace(), "inputDataItem") != null)) {
        context.report(
            activity,
            what
                + " names an element variable but no "
                + prefix
                + "collection or loopDataInputRef to take its elements from: "
                + REFUSED
                + " (give the collection)");
      }
    }
  }
}
