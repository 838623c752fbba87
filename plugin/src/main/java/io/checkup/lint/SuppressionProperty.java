package io.checkup.lint;

import io.checkup.lint.model.Bpmn;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code checkup:disable} extension properties of one element, as Camunda Modeler writes them:
 * {@code extensionElements / camunda:properties / camunda:property name="checkup:disable"}
 * (Operaton's and Activiti's namespaces too), its value a list of rule ids, comma or space
 * separated, or {@code all}.
 */
public final class SuppressionProperty {

  private SuppressionProperty() {}

  /** The word that suppresses every rule. */
  public static final String ALL = "all";

  /**
   * The rule ids the element's {@code checkup:disable} properties list, as a configuration may
   * write them ({@code bpmnlint/} prefix removed), in order; empty when it has none.
   */
  public static List<String> ruleIds(XmlNode element) {
    List<String> ids = new ArrayList<>(0);
    XmlNode extensions = element.child(Bpmn.MODEL_NS, "extensionElements");
    if (extensions == null) {
      return ids;
    }
    for (XmlNode group : extensions.children()) {
      if (!group.localName().equals("properties") || !Bpmn.isCamundaNamespace(group.namespace())) {
        continue;
      }
      for (XmlNode property : group.children()) {
        if (property.isSuppression() && property.attr("value") != null) {
          for (String id : property.attr("value").split("[,\\s]+")) {
            if (!id.isEmpty()) {
              ids.add(RuleCatalog.ruleId(id));
            }
          }
        }
      }
    }
    return ids;
  }
}
