package io.checkup.lint.rules;

import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.xml.XmlNode;
import java.util.List;

/**
 * The fields of the generated task forms ({@code camunda:formData}) the engine reads: of a user
 * task, or of the start event whose form it reads for the process (its none or timer start event,
 * or its only start event), in an executable process.
 */
final class GeneratedForms {

  /** The form types every engine knows; an engine may register more ({@code customFormTypes}). */
  static final List<String> BUILT_IN_TYPES = List.of("string", "long", "boolean", "date", "enum");

  /** What is done with each field, with the element holding the form and its name in a finding. */
  interface FieldVisitor {
    void visit(FlowNode node, Subject what, XmlNode field);
  }

  private GeneratedForms() {}

  static void forEachField(BpmnGraph graph, FieldVisitor visitor) {
    for (FlowNode node : graph.flowNodes()) {
      boolean userTask = node.type().equals("userTask");
      if (!userTask && !node.isStartEvent()) {
        continue;
      }
      XmlNode extensions = node.extensionElements();
      XmlNode formData = extensions == null ? null : Bpmn.camundaChild(extensions, "formData");
      if (formData == null
          || !node.scope().isExecutable()
          || !(userTask || FormDefinitionRule.isInitialStart(node))) {
        continue;
      }
      Subject what = new Subject(userTask ? "User task" : "Start event", node);
      for (XmlNode field : formData.children()) {
        if (Bpmn.isCamunda(field, "formField")) {
          visitor.visit(node, what, field);
        }
      }
    }
  }
}
