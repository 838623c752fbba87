package io.checkup.demo;

import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The processes of the demo's client companies, built with Camunda's fluent model API (which lays
 * out the diagram too, so Cockpit shows them). Every choice is driven by the variables the traffic
 * simulator sets: {@code amount} (0 to 999) and {@code variant} (A or B).
 */
final class DemoModels {

  private DemoModels() {}

  /** A named model: the resource name it is deployed under, and the model. */
  record Model(String resourceName, BpmnModelInstance model) {
    String key() {
      return resourceName.replace(".bpmn", "");
    }
  }

  static Model quoteRequest() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("quoteRequest")
            .name("Quote request")
            .camundaHistoryTimeToLive(30)
            .startEvent("requestIn")
            .name("Request in")
            .userTask("review")
            .name("Review request")
            .camundaCandidateGroups("sales")
            .boundaryEvent("reviewLate")
            .name("2 days")
            .cancelActivity(false)
            .timerWithDuration("P2D")
            .sendTask("remindManager")
            .name("Remind manager")
            .camundaExpression("${true}")
            .endEvent("managerReminded")
            .name("Manager reminded")
            .moveToActivity("review")
            .exclusiveGateway("dealSize")
            .name("Deal size?")
            .condition("small", "${amount < 300}")
            .serviceTask("standardQuote")
            .name("Send standard quote")
            .camundaExpression("${true}")
            .endEvent("standardQuoteSent")
            .name("Standard quote sent")
            .moveToLastGateway()
            .condition("medium", "${amount >= 300 && amount < 800}")
            .userTask("prepareQuote")
            .name("Prepare quote")
            .camundaCandidateGroups("sales")
            .endEvent("quoteSent")
            .name("Quote sent")
            .moveToLastGateway()
            .condition("large", "${amount >= 800}")
            .userTask("managerApproval")
            .name("Approve large deal")
            .camundaCandidateGroups("managers")
            .sendTask("notifyCustomer")
            .name("Notify customer")
            .camundaExpression("${true}")
            .endEvent("dealApproved")
            .name("Deal approved")
            .done();
    return new Model("quoteRequest.bpmn", model);
  }

  static Model customerOnboarding() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("customerOnboarding")
            .name("Customer onboarding")
            .camundaHistoryTimeToLive(30)
            .startEvent("customerSigned")
            .name("Customer signed")
            .serviceTask("createAccount")
            .name("Create account")
            .camundaExpression("${true}")
            .parallelGateway("setUp")
            .name("Set up")
            .userTask("welcomeCall")
            .name("Welcome call")
            .camundaCandidateGroups("sales")
            .parallelGateway("ready")
            .name("Ready")
            .sendTask("welcomePack")
            .name("Send welcome pack")
            .camundaExpression("${true}")
            .endEvent("onboarded")
            .name("Customer onboarded")
            .moveToNode("setUp")
            .serviceTask("billing")
            .name("Set up billing")
            .camundaExpression("${true}")
            .connectTo("ready")
            .done();
    return new Model("customerOnboarding.bpmn", model);
  }

  static Model complaintHandling() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("complaintHandling")
            .name("Complaint handling")
            .camundaHistoryTimeToLive(30)
            .startEvent("complaintIn")
            .name("Complaint in")
            .userTask("triage")
            .name("Triage complaint")
            .camundaCandidateGroups("support")
            .exclusiveGateway("severity")
            .name("Severity?")
            .condition("severe", "${amount >= 700}")
            .userTask("escalate")
            .name("Escalate to manager")
            .camundaCandidateGroups("managers")
            .endEvent("escalated")
            .name("Escalated")
            .moveToLastGateway()
            .condition("normal", "${amount < 700}")
            .exclusiveGateway("answerVariant")
            .name("Answer variant (A/B test)")
            .condition("A", "${variant == 'A'}")
            .sendTask("answerByMail")
            .name("Answer by mail")
            .camundaExpression("${true}")
            .endEvent("answeredByMail")
            .name("Answered by mail")
            .moveToLastGateway()
            .condition("B", "${variant == 'B'}")
            .userTask("answerByPhone")
            .name("Answer by phone")
            .camundaCandidateGroups("support")
            .endEvent("answeredByPhone")
            .name("Answered by phone")
            .done();
    markExperiment(model, "answerVariant");
    return new Model("complaintHandling.bpmn", model);
  }

  static Model invoiceApproval() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("invoiceApproval")
            .name("Invoice approval")
            .camundaHistoryTimeToLive(30)
            .startEvent("invoiceReceived")
            .name("Invoice received")
            .serviceTask("readInvoice")
            .name("Read invoice")
            .camundaExpression("${true}")
            .exclusiveGateway("needsApproval")
            .name("Needs approval?")
            .condition("yes", "${amount >= 500}")
            .userTask("approveInvoice")
            .name("Approve invoice")
            .camundaCandidateGroups("finance")
            .exclusiveGateway("approved")
            .name("Approved")
            .serviceTask("bookInvoice")
            .name("Book invoice")
            .camundaExpression("${true}")
            .endEvent("invoiceBooked")
            .name("Invoice booked")
            .moveToNode("needsApproval")
            .condition("no", "${amount < 500}")
            .connectTo("approved")
            .done();
    return new Model("invoiceApproval.bpmn", model);
  }

  static List<Model> all() {
    return List.of(quoteRequest(), customerOnboarding(), complaintHandling(), invoiceApproval());
  }

  /**
   * Marks a gateway as a split experiment for the check-up (Camunda property {@code
   * checkup:experiment}).
   */
  private static void markExperiment(BpmnModelInstance model, String gatewayId) {
    FlowNode gateway = model.getModelElementById(gatewayId);
    CamundaProperties properties = model.newInstance(CamundaProperties.class);
    CamundaProperty property = model.newInstance(CamundaProperty.class);
    property.setCamundaName("checkup:experiment");
    property.setCamundaValue("true");
    properties.addChildElement(property);
    gateway.builder().addExtensionElement(properties);
  }
}
