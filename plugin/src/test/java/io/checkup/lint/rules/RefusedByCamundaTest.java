package io.checkup.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.RuleCatalog;
import io.checkup.testing.TestEngines;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a rule's page says Camunda 7 refuses to deploy what it reports, the engine (without the
 * plugin) refuses the rule's fixture for that reason: the claim is the engine's, not ours.
 */
class RefusedByCamundaTest {

  private final ProcessEngine engine = TestEngines.h2().build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void twoLinkCatchEventsOfOneNameInDifferentScopesOfAFile() {
    assertRefused(
        "/rules/link-event/invalid-file.bpmn",
        "Multiple Intermediate Catch Events with the same link event name ('Go')");
  }

  /** The shape of the rule's fixture (whose message events have no messages: refused first). */
  @Test
  void aTaskALinkCatchEventOrASecondWayInAfterAnEventBasedGateway() {
    String model =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="Events" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="s"/>
            <eventBasedGateway id="toATask"/>
            <serviceTask id="charge" name="Charge" camunda:expression="${true}"/>
            <intermediateCatchEvent id="linked"><linkEventDefinition name="L"/></intermediateCatchEvent>
            <intermediateCatchEvent id="t3">
              <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
            </intermediateCatchEvent>
            <endEvent id="e"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="toATask"/>
            <sequenceFlow id="toTask" sourceRef="toATask" targetRef="charge"/>
            <sequenceFlow id="toLink" sourceRef="toATask" targetRef="linked"/>
            <sequenceFlow id="toTimer" sourceRef="toATask" targetRef="t3"/>
            <sequenceFlow id="f7" sourceRef="charge" targetRef="e"/>
            <sequenceFlow id="f8" sourceRef="linked" targetRef="e"/>
            <sequenceFlow id="f9" sourceRef="t3" targetRef="e"/>
            <eventBasedGateway id="race"/>
            <intermediateCatchEvent id="reply">
              <timerEventDefinition><timeDuration>PT2H</timeDuration></timerEventDefinition>
            </intermediateCatchEvent>
            <intermediateCatchEvent id="late">
              <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
            </intermediateCatchEvent>
            <sequenceFlow id="g1" sourceRef="race" targetRef="reply"/>
            <sequenceFlow id="g2" sourceRef="race" targetRef="late"/>
            <sequenceFlow id="again" sourceRef="late" targetRef="reply"/>
          </process>
        </definitions>
        """;
    assertRefused(
        new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8)),
        "Event based gateway can only be connected to elements of type intermediateCatchEvent",
        "IntermediateCatchLinkEvent is not allowed after an EventBasedGateway",
        "Invalid incoming sequenceflow for intermediateCatchEvent with id 'reply' connected to an "
            + "event-based gateway");
    assertThat(
            new Linter(LintConfig.defaults(RuleCatalog.standard()))
                .lintExecutable(model.getBytes(StandardCharsets.UTF_8)).findings().stream()
                    .filter(finding -> finding.ruleId().equals("event-based-gateway"))
                    .map(Finding::elementId))
        .as("the rule reports both flows the engine refuses")
        .containsExactlyInAnyOrder("toTask", "toLink", "again");
  }

  /** Each gateway of the rule's invalid fixture for its own reason; the valid one deploys. */
  @Test
  void exclusiveGatewaysTheRuleReports() {
    assertRefused(
        "/rules/exclusive-gateway/invalid.bpmn",
        "Exclusive Gateway 'approved' has outgoing sequence flow 'yes' without condition which is"
            + " not the default flow",
        "Exclusive Gateway 'approved' has outgoing sequence flow 'no' without condition",
        "Exclusive Gateway 'checked' has only one outgoing sequence flow ('onlyIfPaid'). This is"
            + " not allowed to have a condition",
        "Exclusive Gateway 'amount' has outgoing sequence flow 'small' which is the default flow"
            + " but has a condition too",
        "There is no ID/IDREF binding for IDREF 'ghost'",
        "Exclusive Gateway 'route' has outgoing sequence flow 'toDesk' without condition",
        "Exclusive Gateway 'dead' has no outgoing sequence flows");
    assertThat(deployed("/rules/exclusive-gateway/valid.bpmn")).containsExactly("Deployed");
  }

  /** Each task of the rule's invalid fixture; the valid one deploys. */
  @Test
  void tasksWithoutAnImplementationTheRuleReports() {
    String mandatory =
        "One of the attributes 'class', 'delegateExpression', 'type', or 'expression' is";
    assertRefused(
        "/rules/task-implementation/invalid.bpmn",
        mandatory + " mandatory on serviceTask",
        mandatory + " mandatory on sendTask",
        mandatory + " mandatory on businessRuleTask",
        "Invalid usage of type attribute on serviceTask: 'rest'",
        // "in the camunda namespace" on Camunda 7, "in the operaton namespace" on Operaton
        "External tasks must specify a 'topic' attribute in the ",
        "No shell command is defined on the shell activity",
        "undefined value for shell wait parameter :yes",
        "One of the following is mandatory on a field declaration",
        "'resultVariableName' not supported for serviceTask elements using 'class' | resource"
            + " fixture.bpmn | line 43 ",
        "'resultVariableName' not supported for sendTask elements using 'delegateExpression' |"
            + " resource fixture.bpmn | line 45 ",
        "No decision result mapper found for name 'singleValue'. Supported mappers are"
            + " 'singleEntry', 'singleResult', 'collectEntries' and 'resultList'. | resource"
            + " fixture.bpmn | line 48 ",
        "Unable to process ScriptTask: No script source or resource was given",
        "No decision result mapper found for name 'singleresult'",
        "Invalid usage of type attribute on intermediateMessageThrowEvent: 'rest'",
        "Unable to process ScriptTask: Script language is empty | resource fixture.bpmn | line 68 ",
        "No recipient is defined on the mail activity");
    assertThat(deployed("/rules/task-implementation/valid.bpmn")).containsExactly("Deployed");
    // the engine parses end events after every task: the fixture's mail task ends the parse before
    assertRefused(
        model(
            "",
            "<endEvent id='notified'><messageEventDefinition camunda:class='org.example.Notify'"
                + " camunda:resultVariable='receipt'/></endEvent>"),
        "'resultVariableName' not supported for messageEndEvent elements using 'class'");
  }

  /**
   * The parse ends at the first mail task, after its errors, where Apache Commons Email is missing
   * (Camunda declares it provided; these tests do not have it): a mail task of its own for the
   * body, and the rule's page says so.
   */
  @Test
  void aMailTaskWithoutBodyAndAnyMailTaskWithoutCommonsEmail() {
    String body =
        "<sendTask id='x' camunda:type='mail'><extensionElements>"
            + "<camunda:field name='to' stringValue='clerk@example.com'/>"
            + "</extensionElements></sendTask>";
    assertRefused(model("", body), "Text or html field should be provided");
    assertThatThrownBy(
            () ->
                engine
                    .getRepositoryService()
                    .createDeployment()
                    .addClasspathResource("rules/task-implementation/valid-mail.bpmn")
                    .deploy())
        .hasMessageContaining(
            "Cannot load class 'org.camunda.bpm.engine.impl.bpmn.behavior.MailActivityBehavior'")
        // Commons Email 1.5 on Camunda 7.24, commons-email2-jakarta on Operaton
        .hasMessageContaining("org/apache/commons/mail");
  }

  /** The engine's parse casts a shell task's every field to a fixed string and fails on another. */
  @Test
  void aShellTaskWithAnExpressionField() {
    assertThatThrownBy(
            () ->
                engine
                    .getRepositoryService()
                    .createDeployment()
                    .addClasspathResource("rules/task-implementation/invalid-shell-expression.bpmn")
                    .deploy())
        .hasRootCauseInstanceOf(ClassCastException.class);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isZero();
  }

  /**
   * An external task's error that names an error without a Throw expression, as Camunda Modeler
   * writes it until the expression is filled in: the engine's parse fails with a
   * NullPointerException naming nothing; an empty expression it takes (the valid fixture).
   */
  @Test
  void anExternalTaskErrorWithoutAnExpression() {
    assertThatThrownBy(
            () ->
                engine
                    .getRepositoryService()
                    .createDeployment()
                    .addClasspathResource("rules/task-implementation/invalid-error-expression.bpmn")
                    .deploy())
        .isNotInstanceOf(ParseException.class)
        .hasMessageNotContaining("charge")
        .hasRootCauseInstanceOf(NullPointerException.class);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isZero();
  }

  /**
   * The shapes of the rule's invalid fixture, one deployment each: a missing reference stops the
   * engine's parse at the first (with a NullPointerException behind its message), so one file shows
   * one. The valid fixture deploys.
   */
  @Test
  void messageReferencesTheRuleReports() {
    assertRefused("/rules/message-ref/invalid.bpmn", "attribute 'messageRef' is required");
    assertRefused(
        messageModel(
            "<intermediateCatchEvent id='wait'><messageEventDefinition messageRef='payment'/>"
                + "</intermediateCatchEvent>"),
        "Invalid 'messageRef': no message with id 'payment' found");
    assertRefused(
        messageModel(
            "<userTask id='ship'/><boundaryEvent id='cancelled' attachedToRef='ship'>"
                + "<messageEventDefinition/></boundaryEvent>"),
        "attribute 'messageRef' is required");
    assertRefused(
        messageModel("<receiveTask id='confirm' messageRef='other:paid'/>"),
        "Invalid 'messageRef': no message with id 'other:paid' found");
    assertThat(deployed("/rules/message-ref/valid.bpmn")).containsExactly("Deployed");
  }

  /** An executable process with a start event and these elements, and a message 'paid'. */
  private static InputStream messageModel(String elements) {
    return model("<message id='paid' name='Paid'/>", elements);
  }

  /** An executable process with a start event and these elements, after these root elements. */
  private static InputStream model(String globals, String elements) {
    String model =
        "<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
            + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' xmlns:other='urn:elsewhere'"
            + " targetNamespace='urn:t'>"
            + globals
            + "<process id='p' isExecutable='true' camunda:historyTimeToLive='1'>"
            + "<startEvent id='s'/>"
            + elements
            + "</process></definitions>";
    return new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8));
  }

  /** Each activity of the rule's invalid fixture; the valid one deploys. */
  @Test
  void multiInstanceActivitiesTheRuleReports() {
    assertRefused(
        "/rules/multi-instance/invalid.bpmn",
        "Either loopCardinality or loopDataInputRef/activiti:collection must be set",
        "LoopDataInputRef/activiti:collection must be set when using inputDataItem or"
            + " activiti:elementVariable",
        "loopCardinality must be defined for a multiInstanceLoopCharacteristics definition");
    assertThat(deployed("/rules/multi-instance/valid.bpmn")).containsExactly("Deployed");
  }

  /**
   * Each flow of the rule's invalid fixture, in the process and in a sub-process; the valid one
   * deploys.
   */
  @Test
  void flowsWithoutIdsAfterAsynchronousContinuationsTheRuleReports() {
    assertRefused(
        "/rules/async-continuation/invalid.bpmn",
        "Sequence flow with sourceRef='s' must have an id, activity with id 's' uses 'asyncAfter'.",
        "Sequence flow with sourceRef='charge' must have an id, activity with id 'charge' uses"
            + " 'asyncAfter'.",
        "Sequence flow with sourceRef='pack' must have an id, activity with id 'pack' uses"
            + " 'asyncAfter'.");
    assertThat(deployed("/rules/async-continuation/valid.bpmn")).containsExactly("Deployed");
  }

  /**
   * What the linter takes for an executable process (XmlNode.isTrue) is what the engine deploys:
   * its schema validation collapses the blanks around a boolean, and of the schema's true values
   * only the word counts.
   */
  @Test
  void aProcessIsDeployedWhereItsIsExecutableReadsTrue() {
    String model =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="blanks" isExecutable=" true " camunda:historyTimeToLive="1">
            <startEvent id="s1"/>
          </process>
          <process id="one" isExecutable="1" camunda:historyTimeToLive="1">
            <startEvent id="s2"/>
          </process>
        </definitions>
        """;
    assertThat(deployed(new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8))))
        .containsExactly("blanks");
  }

  /** Each event of the rule's invalid fixture; the valid one deploys. */
  @Test
  void cancelEventsTheRuleReports() {
    assertRefused(
        "/rules/cancel-event/invalid.bpmn",
        "boundary event with cancelEventDefinition only supported on transaction subprocesses",
        "multiple boundary events with cancelEventDefinition not supported on same transaction"
            + " subprocess",
        "end event with cancelEventDefinition only supported inside transaction subprocess");
    assertThat(deployed("/rules/cancel-event/valid.bpmn")).containsExactly("Deployed");
  }

  /**
   * Each shape of the rule's invalid fixture alone (the engine stops at the first signal event
   * without a signal, with a NullPointerException behind its message); the valid one deploys.
   */
  @Test
  void signalReferencesTheRuleReports() {
    String noRef = "signalEventDefinition does not have required property 'signalRef'";
    assertRefused(
        signalModel(
            "<intermediateThrowEvent id='announce'><signalEventDefinition/>"
                + "</intermediateThrowEvent>"),
        noRef);
    assertRefused(
        signalModel(
            "<intermediateCatchEvent id='waitGo'><signalEventDefinition signalRef='go'/>"
                + "</intermediateCatchEvent>"),
        "Could not find signal with id 'go'");
    assertRefused(
        signalModel(
            "<userTask id='work'/><boundaryEvent id='stopped' attachedToRef='work'>"
                + "<signalEventDefinition/></boundaryEvent>"),
        noRef);
    assertRefused(
        signalModel(
            "<endEvent id='done'><signalEventDefinition signalRef='other:stop'/></endEvent>"),
        "Could not find signal with id 'other:stop'");
    assertRefused(
        signalModel(
            "<subProcess id='onStop' triggeredByEvent='true'><startEvent id='stopStart'"
                + " isInterrupting='false'><signalEventDefinition/></startEvent></subProcess>"),
        noRef);
    assertThat(deployed("/rules/signal-ref/valid.bpmn")).containsExactly("Deployed");
  }

  /** An executable process with a start event and these elements, and a signal 'stop'. */
  private static InputStream signalModel(String elements) {
    return model("<signal id='stop' name='Stop all'/>", elements);
  }

  /** Each call activity of the rule's invalid fixture alone; the valid fixture deploys. */
  @Test
  void callActivitiesTheRuleReports() {
    assertRefused(
        model("", "<callActivity id='nothing'/>"),
        "Missing attribute 'calledElement' or 'caseRef'");
    assertRefused(
        model("", "<callActivity id='both' calledElement='shipping' camunda:caseRef='c'/>"),
        "The attributes 'calledElement' or 'caseRef' cannot be used together");
    assertRefused(
        model(
            "",
            "<callActivity id='pinned' calledElement='billing'"
                + " camunda:calledElementBinding='version'/>"),
        "Missing attribute 'calledElementVersion' when 'calledElementBinding' has value"
            + " 'version'");
    assertRefused(
        model(
            "",
            "<callActivity id='tagged' calledElement='archive'"
                + " camunda:calledElementBinding='versionTag'/>"),
        "Missing attribute 'calledElementVersionTag' when 'calledElementBinding' has value"
            + " 'versionTag'");
    assertRefused(
        model(
            "",
            "<callActivity id='casePinned' camunda:caseRef='review' camunda:caseBinding='version'/>"),
        "Missing attribute 'caseVersion' when 'caseBinding' has value 'version'");
    assertRefused(
        model(
            "",
            "<callActivity id='mapped' calledElement='stock'><extensionElements>"
                + "<camunda:in source='' target=''/><camunda:out target='stock'/>"
                + "<camunda:in sourceExpression=''/><camunda:in variables='all'/>"
                + "<camunda:in businessKey='#{execution.processBusinessKey}'/>"
                + "</extensionElements></callActivity>"),
        "Empty attribute 'source' when passing variables",
        "Empty attribute 'target' when attribute 'source' or 'sourceExpression' is set",
        "Missing parameter 'source' or 'sourceExpression' when passing variables",
        "Empty attribute 'sourceExpression' when passing variables",
        "Missing attribute 'target' when attribute 'source' or 'sourceExpression' is set");
    assertThat(deployed("/rules/call-activity/valid.bpmn")).containsExactly("Deployed");
  }

  /** Every end event of the rule's invalid fixture; the valid one deploys. */
  @Test
  void errorEndEventsTheRuleReports() {
    assertRefused(
        "/rules/error-ref/invalid.bpmn",
        "'errorRef' attribute is mandatory on error end event",
        "'errorCode' is mandatory on errors referenced by throwing error event definitions, but the"
            + " error 'uncoded' does not define one",
        "but the error 'emptyCode' does not define one",
        "'id' is mandatory on error definition");
    assertThat(deployed("/rules/error-ref/valid.bpmn")).containsExactly("Deployed");
  }

  /** Every event of the rule's invalid fixture; the valid one deploys. */
  @Test
  void escalationEventsTheRuleReports() {
    assertRefused(
        "/rules/escalation-ref/invalid.bpmn",
        "escalationEventDefinition does not have required attribute 'escalationRef'",
        "throwing escalation event must have an 'escalationCode'",
        "escalation end event must have an 'escalationCode'",
        "could not find escalation with id 'overdue'",
        "could not find escalation with id 'finished'",
        "could not find escalation with id 'urgent'",
        "escalation must have an id");
    assertThat(deployed("/rules/escalation-ref/valid.bpmn")).containsExactly("Deployed");
  }

  /** Every handler of the rule's invalid fixture for its own reason; the valid one deploys. */
  @Test
  void escalationHandlersTheRuleReports() {
    assertRefused(
        "/rules/escalation-handler/invalid.bpmn",
        "An escalation boundary event should only be attached to a subprocess, a call activity or"
            + " an user task | resource fixture.bpmn | line 15",
        "multiple escalation event subprocesses with the same escalationCode 'LATE' are not"
            + " supported on same scope | resource fixture.bpmn | line 33",
        "The same scope can not contains an escalation boundary event without escalation code and"
            + " another one with escalation code.",
        "The same scope can not contains more than one escalation boundary event without"
            + " escalation code.",
        "multiple escalation boundary events with the same escalationCode 'LOST' are not supported"
            + " on same scope | resource fixture.bpmn | line 61",
        "The same scope can not contains an escalation event subprocess without escalation code"
            + " and another one with escalation code.");
    assertThat(deployed("/rules/escalation-handler/valid.bpmn")).containsExactly("Deployed");
  }

  /**
   * Every listener of the rule's invalid fixtures for its own reason (a timeout listener without a
   * timer ends the parse: a file of its own); the valid one deploys.
   */
  @Test
  void listenersTheRuleReports() {
    assertRefused(
        "/rules/listener-implementation/invalid.bpmn",
        "Element 'class', 'expression', 'delegateExpression' or 'script' is mandatory on"
            + " executionListener | resource fixture.bpmn | line 11",
        "Attribute 'class' cannot be empty | resource fixture.bpmn | line 17",
        "Attribute 'delegateExpression' cannot be empty",
        "Attribute 'event' must be one of {start|end}",
        "Attribute 'event' is mandatory on listener",
        "Missing attribute 'scriptFormat' for 'script' element",
        "Element 'class', 'expression', 'delegateExpression' or 'script' is mandatory on"
            + " taskListener",
        "Attribute 'event' must be one of {create|assignment|complete|update|delete|timeout}",
        "One of the following is mandatory on a field declaration",
        "Attribute 'event' is mandatory on taskListener",
        "Attribute 'class' cannot be empty | resource fixture.bpmn | line 57");
    assertRefused(
        "/rules/listener-implementation/invalid-timeout.bpmn",
        "Element 'id' is mandatory on taskListener of type 'timeout'",
        "Element 'timerEventDefinition' is mandatory on taskListener of type 'timeout'");
    assertThat(deployed("/rules/listener-implementation/valid.bpmn")).containsExactly("Deployed");
  }

  /** Every element of the rule's invalid fixture for its own reason; the valid one deploys. */
  @Test
  void inputOutputMappingsTheRuleReports() {
    // "camunda:" on Camunda 7, "operaton:" on Operaton
    assertRefused(
        "/rules/input-output/invalid.bpmn",
        "inputOutput mapping unsupported for element type 'startEvent'.",
        "inputOutput mapping unsupported for element type 'exclusiveGateway'.",
        "outputParameter not allowed for multi-instance constructs",
        "Missing attribute 'name' for inputParameter | resource fixture.bpmn | line 35",
        "inputOutput mapping unsupported for element type 'subProcess' with attribute"
            + " 'triggeredByEvent = true'.",
        "outputParameter not allowed for element type 'endEvent'.",
        "inputOutput mapping unsupported for element type 'boundaryEvent'.");
    assertThat(deployed("/rules/input-output/valid.bpmn")).containsExactly("Deployed");
  }

  /** Both processes of the rule's invalid fixture; the valid one deploys. */
  @Test
  void processesWithATimerStartBesideAnotherTheRuleReports() {
    String refused =
        "multiple none start events or timer start events not supported on process definition";
    assertRefused(
        "/rules/timer-start-event/invalid.bpmn",
        refused + " | resource fixture.bpmn | line 8",
        refused + " | resource fixture.bpmn | line 20");
    assertThat(deployed("/rules/timer-start-event/valid.bpmn")).containsExactly("Deployed");
  }

  /**
   * Every subscription of the rule's invalid fixture for its own reason, on the element the rule
   * reports; the valid one, with one message, signal or condition in scopes the engine keeps apart,
   * deploys.
   */
  @Test
  void subscriptionsTheRuleReports() {
    String twice = "Cannot have more than one message event subscription with name ";
    assertRefused(
        "/rules/event-subscription/invalid.bpmn",
        "duplicate signal name 'Stop'. | resource fixture.bpmn | line 17",
        "signal with id 'nameless' has no name | resource fixture.bpmn | line 19",
        // a process's scope has no id yet while the engine parses it: "for scope 'null'"
        twice + "'Order' for scope",
        "| resource fixture.bpmn | line 24 ",
        twice + "'Cancel' for scope 'check' | resource fixture.bpmn | line 34 ",
        twice + "'Payment' for scope 'waitPay' | resource fixture.bpmn | line 40 ",
        twice + "'Reminder' for scope 'gw' | resource fixture.bpmn | line 47 ",
        "Cannot have more than one signal event subscription with name 'Stop' for scope 'approve'"
            + " | resource fixture.bpmn | line 54 ",
        twice + "'Cancel' for scope 'work' | resource fixture.bpmn | line 69 ",
        "| resource fixture.bpmn | line 80 ",
        "Cannot have more than one conditional event subscription with the same condition"
            + " '${amount > 100}' | resource fixture.bpmn | line 109 ",
        "Cannot have a message event subscription with an empty or missing name | resource"
            + " fixture.bpmn | line 118 ",
        "Cannot have a message event subscription with an empty or missing name | resource"
            + " fixture.bpmn | line 123 ",
        "expressions in the message start event name are not allowed! | resource fixture.bpmn |"
            + " line 132 ",
        "signal must have an id",
        "'' is not a valid value for 'NCName'");
    assertThat(deployed("/rules/event-subscription/valid.bpmn"))
        .containsExactlyInAnyOrder("orders", "conditions");
  }

  /**
   * Every compensation of the rule's invalid fixture for its own reason, on the element the rule
   * reports (an association's line for a boundary event's handler); the valid one deploys.
   */
  @Test
  void compensationsTheRuleReports() {
    String flow = " sequence flow of compensation activity 'refund'";
    assertRefused(
        "/rules/compensation/invalid.bpmn",
        "multiple event subprocesses with compensation start event are not supported on the same"
            + " scope | resource fixture.bpmn | line 45 ",
        "multiple boundary events with compensateEventDefinition not supported on same activity |"
            + " resource fixture.bpmn | line 21 ",
        "Invalid incoming" + flow,
        "| resource fixture.bpmn | line 62 ",
        "Invalid outgoing" + flow,
        "| resource fixture.bpmn | line 64 ",
        "compensation boundary catch must be connected to element with isForCompensation=true |"
            + " resource fixture.bpmn | line 67 ",
        "compensation boundary event and event subprocess with compensation start event are not"
            + " supported on the same scope | resource fixture.bpmn | line 69 ",
        "Invalid attribute value for 'activityRef': no activity with id 'payInside'",
        "| resource fixture.bpmn | line 29 ",
        "event subprocess with compensation start event is only supported for embedded subprocess",
        "| resource fixture.bpmn | line 78 ");
    assertThat(deployed("/rules/compensation/valid.bpmn")).containsExactly("booking");
  }

  /**
   * Every form of the rule's invalid fixtures for its own reason (a form bound to a version without
   * the version ends the parse with a NullPointerException: a file of its own); the valid one, with
   * a form the engine does not read on a message start event, deploys.
   */
  @Test
  void formsTheRuleReports() {
    String binding =
        "value for formRefBinding attribute has to be one of [deployment, latest, version]";
    assertRefused(
        "/rules/form-definition/invalid.bpmn",
        binding + " but was newest | resource fixture.bpmn | line 9 ",
        "only one of the attributes formKey and formRef is allowed. | resource fixture.bpmn | line"
            + " 12 ",
        binding + " but was null | resource fixture.bpmn | line 14 ");
    assertThatThrownBy(() -> deployed("/rules/form-definition/invalid-version.bpmn"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Error while parsing process")
        .hasMessageNotContaining("approve")
        .hasRootCauseInstanceOf(NullPointerException.class);
    assertThat(deployed("/rules/form-definition/valid.bpmn")).containsExactly("review");
  }

  /**
   * Every job and external task priority of the rule's invalid fixture for its own reason; the
   * valid fixture deploys and its user task gets its priority. A user task's priority that is no
   * number ({@code user-task-priority}) deploys and fails the instance that reaches the task.
   */
  @Test
  void prioritiesTheRuleReports() {
    assertRefused(
        "/rules/priority/invalid.bpmn",
        "Value 'high' for attribute 'jobPriority' is not a valid number | resource fixture.bpmn |"
            + " line 9 ",
        "Value '1.5' for attribute 'jobPriority' is not a valid number | resource fixture.bpmn |"
            + " line 12 ",
        "Value ' 10' for attribute 'taskPriority' is not a valid number | resource fixture.bpmn |"
            + " line 14 ");
    assertThat(deployed("/rules/user-task-priority/invalid.bpmn")).containsExactly("claims");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("claims"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Priority does not resolve to a number: urgent");
    assertThat(deployed("/rules/priority/valid.bpmn")).containsExactly("shipping");
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "shipping", Map.of("basePriority", 1, "urgent", true, "priority", 5));
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("review").singleResult())
        .extracting(task -> task.getPriority())
        .isEqualTo(80);
  }

  /**
   * Two processes of one file started by one message: the engine's parse takes the file, writing
   * the deployment fails; the valid fixture's two messages deploy.
   */
  @Test
  void messageStartsTheRuleReports() {
    assertThatThrownBy(() -> deployed("/rules/message-start-event/invalid.bpmn"))
        .isNotInstanceOf(ParseException.class)
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(
            "there already is a message event subscription for the message with name 'Order'");
    assertThat(deployed("/rules/message-start-event/valid.bpmn"))
        .containsExactlyInAnyOrder("webOrders", "mailOrders");
  }

  /** Each user task of the rule's invalid fixture for its own reason; the valid one deploys. */
  @Test
  void humanPerformersTheRuleReports() {
    assertRefused(
        "/rules/human-performer/invalid.bpmn",
        "Invalid task definition: multiple humanPerformer sub elements defined for Review claim |"
            + " resource fixture.bpmn | line 10 ",
        "Invalid usage: duplicate assignee declaration for task Approve payout | resource"
            + " fixture.bpmn | line 19 ");
    assertThat(deployed("/rules/human-performer/valid.bpmn")).containsExactly("claims");
  }

  /**
   * The Camunda shapes of {@code event-based-gateway} and {@code
   * event-sub-process-typed-start-event}: a gateway marked {@code asyncAfter}, a non-interrupting
   * error start event; the same marked {@code asyncBefore} and interrupting deploy.
   */
  @Test
  void anAsyncAfterEventBasedGatewayAndANonInterruptingErrorStartEvent() throws Exception {
    String timers =
        "<intermediateCatchEvent id='t1'><timerEventDefinition><timeDuration>PT1H</timeDuration>"
            + "</timerEventDefinition></intermediateCatchEvent>"
            + "<intermediateCatchEvent id='t2'><timerEventDefinition><timeDuration>PT2H"
            + "</timeDuration></timerEventDefinition></intermediateCatchEvent>"
            + "<sequenceFlow id='f1' sourceRef='s' targetRef='gw'/>"
            + "<sequenceFlow id='f2' sourceRef='gw' targetRef='t1'/>"
            + "<sequenceFlow id='f3' sourceRef='gw' targetRef='t2'/>";
    assertRefused(
        model("", "<eventBasedGateway id='gw' camunda:asyncAfter='true'/>" + timers),
        "'asyncAfter' not supported for eventBasedGateway elements.");
    String handler =
        "<subProcess id='h' triggeredByEvent='true'><startEvent id='es' isInterrupting='%s'>"
            + "<errorEventDefinition/></startEvent><endEvent id='ee'/>"
            + "<sequenceFlow id='hf' sourceRef='es' targetRef='ee'/></subProcess>";
    assertRefused(
        model("", handler.formatted("false")),
        "error start event of event subprocess must be interrupting");
    for (String lint :
        List.of(
            "<eventBasedGateway id='gw' camunda:asyncAfter='true'/>" + timers,
            handler.formatted("false"))) {
      assertThat(
              new Linter(LintConfig.defaults(RuleCatalog.standard()))
                  .lintExecutable(model("", lint).readAllBytes()).findings().stream()
                      .map(Finding::elementId))
          .as("the rules report the element the engine refuses")
          .contains(lint.startsWith("<event") ? "gw" : "es");
    }
    assertThat(
            engine
                .getRepositoryService()
                .createDeployment()
                .addInputStream(
                    "valid.bpmn",
                    model(
                        "",
                        "<eventBasedGateway id='gw' camunda:asyncBefore='true'/>"
                            + timers
                            + handler.formatted("true")))
                .deployWithResult()
                .getDeployedProcessDefinitions())
        .hasSize(1);
  }

  /**
   * A user task's due or follow-up date that is no date, period or expression: each process of the
   * rule's invalid fixture deploys, and starting it fails at its task; the valid fixture's tasks
   * get their dates.
   */
  @Test
  void dueDatesTheRuleReports() {
    assertThat(deployed("/rules/user-task-due-date/invalid.bpmn"))
        .containsExactlyInAnyOrder("words", "noSuchDay", "lowerCase");
    for (String[] failure :
        new String[][] {{"words", "tomorrow"}, {"noSuchDay", "2030-02-30"}, {"lowerCase", "p3d"}}) {
      assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(failure[0]))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Exception while resolving duedate '" + failure[1] + "'");
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();

    assertThat(deployed("/rules/user-task-due-date/valid.bpmn")).containsExactly("dates");
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "dates", Map.of("due", new java.util.Date(1_900_000_000_000L), "days", 2));
    assertThat(engine.getTaskService().createTaskQuery().list())
        .hasSize(6)
        .allSatisfy(
            task -> {
              assertThat(task.getDueDate()).as(task.getTaskDefinitionKey()).isNotNull();
              assertThat(task.getFollowUpDate()).as(task.getTaskDefinitionKey()).isNotNull();
            });
  }

  /**
   * Each import of the rule's invalid fixture, whatever its type (the schema refuses the fixture's
   * marks on them too: an import takes no attributes of other namespaces); the engine's schema
   * validation refuses an import without a type (its parse then fails on it with a
   * NullPointerException, which the report of the schema's errors replaces); its parse fails on a
   * second collaboration; the valid fixture, one collaboration, deploys.
   */
  @Test
  void importsAndCollaborationsTheRuleReports() {
    assertRefused(
        "/rules/definitions/invalid.bpmn",
        "Could not import item of type http://www.w3.org/2001/XMLSchema | resource fixture.bpmn"
            + " | line 8 ",
        "Could not find importer for type http://schemas.xmlsoap.org/wsdl/",
        "Could not import item of type http://schemas.xmlsoap.org/wsdl/",
        "Could not import item of type https://www.omg.org/spec/DMN/20191111/MODEL/");
    assertThatThrownBy(() -> deployed("/rules/definitions/invalid-collaborations.bpmn"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("multiple elements with tag name collaboration found");
    assertRefused(
        "/rules/definitions/invalid-import-without-type.bpmn",
        "Attribute 'importType' must appear on element 'import'. | resource fixture.bpmn | line 8 ");
    assertThat(deployed("/rules/definitions/valid.bpmn")).containsExactly("Orders");
  }

  /**
   * Each shape and edge of the rule's invalid fixtures, for its own reason: the schema's (bounds,
   * waypoints, numbers, one plane per diagram) or the parse's (what is drawn); the valid one, with
   * numbers as the schema writes them and shapes of what the engine does not deploy, deploys.
   */
  @Test
  void diagramsTheRuleReports() {
    assertRefused(
        "/rules/diagram/invalid.bpmn",
        "The content of element 'bpmndi:BPMNShape' is not complete.",
        "'Bounds' element is required | resource fixture.bpmn | line 30 ",
        "'36px' is not a valid value for 'double'",
        "Attribute 'height' must appear on element 'dc:Bounds'",
        "Invalid reference in 'bpmnElement' attribute, activity check not found",
        "'bpmnElement' attribute is required on BPMNShape",
        "The content of element 'bpmndi:BPMNEdge' is not complete",
        "Attribute 'x' must appear on element 'di:waypoint'",
        "Invalid reference in 'bpmnElement' attribute, sequenceFlow f9not found",
        "'bpmnElement' attribute is required on BPMNEdge",
        "'161px' is not a valid value for 'double'",
        "There are multiple occurrences of ID value 'ship_di'",
        "There are multiple occurrences of ID value 'e'");
    assertRefused(
        "/rules/diagram/invalid-twice.bpmn",
        "Invalid content was found starting with element"
            + " '{\"http://www.omg.org/spec/DD/20100524/DC\":Bounds}'. One of"
            + " '{\"http://www.omg.org/spec/BPMN/20100524/DI\":BPMNLabel}' is expected. | resource"
            + " fixture.bpmn | line 23 ",
        "Invalid content was found starting with element"
            + " '{\"http://www.omg.org/spec/BPMN/20100524/DI\":BPMNPlane}'. One of"
            + " '{\"http://www.omg.org/spec/BPMN/20100524/DI\":BPMNLabelStyle}' is expected. |"
            + " resource fixture.bpmn | line 27 ");
    assertRefused(
        "/rules/diagram/invalid-plane.bpmn", "'bpmnElement' attribute is required on BPMNPlane");
    assertThat(deployed("/rules/diagram/valid.bpmn")).containsExactly("Orders");
  }

  /**
   * Every process of the rule's invalid fixture, on an engine that configures a default time to
   * live: the engine's default takes the place of a missing attribute only, never of a value it
   * cannot read or of an empty one. The valid fixture deploys there, its process without the
   * attribute too.
   */
  @Test
  void historyTimeToLiveValuesTheRuleReports() {
    var configuration = TestEngines.h2().configuration();
    configuration.setHistoryTimeToLive("P30D");
    ProcessEngine withDefault = configuration.buildProcessEngine();
    try {
      assertThatThrownBy(
              () ->
                  withDefault
                      .getRepositoryService()
                      .createDeployment()
                      .addInputStream(
                          "fixture.bpmn",
                          getClass()
                              .getResourceAsStream(
                                  "/rules/history-time-to-live-value/invalid.bpmn"))
                      .deploy())
          .isInstanceOf(ParseException.class)
          .hasMessageContainingAll(
              "Cannot parse historyTimeToLive: For input string: \"P4W\"",
              "Cannot parse historyTimeToLive: For input string: \" 30 \"",
              "Cannot parse historyTimeToLive: For input string: \"99999999999\"",
              "Cannot parse historyTimeToLive: negative value is not allowed",
              "Cannot parse historyTimeToLive: For input string: \"  \"",
              "History Time To Live (TTL) cannot be null");
      assertThat(
              withDefault
                  .getRepositoryService()
                  .createDeployment()
                  .addInputStream(
                      "valid.bpmn",
                      getClass()
                          .getResourceAsStream("/rules/history-time-to-live-value/valid.bpmn"))
                  .deployWithResult()
                  .getDeployedProcessDefinitions()
                  .stream()
                  .map(ProcessDefinition::getKey))
          .containsExactlyInAnyOrder("Days", "Number", "Signed", "Zero", "NoTtl");
    } finally {
      withDefault.close();
    }
  }

  /**
   * Each kind of form field the rule reports, deployed on its own (Operaton's parse stops at the
   * first unknown type, Camunda's goes on); the invalid fixture's start event; the valid fixture,
   * with every type and validator the engine knows, deploys.
   */
  @Test
  void formFieldsTheRuleReports() {
    assertRefused("/rules/form-field/invalid.bpmn", "unknown type 'integer'");
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("<camunda:formField id='a' type='integer'/>", "unknown type 'integer'");
    refused.put("<camunda:formField id='a' type='String'/>", "unknown type 'String'");
    refused.put("<camunda:formField id='a'/>", "form field must have a 'type' attribute");
    refused.put(
        "<camunda:formField type='boolean'/>",
        "attribute id must be set for FormFieldGroup and must have a non-empty value");
    refused.put(
        "<camunda:formField id='' type='boolean'/>",
        "attribute id must be set for FormFieldGroup and must have a non-empty value");
    refused.put(
        "<camunda:formField id='a' type='string'><camunda:validation>"
            + "<camunda:constraint name='maxLength' config='200'/>"
            + "</camunda:validation></camunda:formField>",
        "Cannot find validator implementation for name 'maxLength'");
    refused.put(
        "<camunda:formField id='a' type='string'><camunda:validation>"
            + "<camunda:constraint config='10'/>"
            + "</camunda:validation></camunda:formField>",
        "Cannot find validator implementation for name 'null'");
    refused.put(
        "<camunda:formField id='a' type='boolean'><camunda:validation>"
            + "<camunda:constraint name='validator'/>"
            + "</camunda:validation></camunda:formField>",
        "validator configuration needs to provide either a fully qualified classname or an"
            + " expression");
    refused.forEach(
        (field, reason) ->
            assertThatThrownBy(() -> deploy(formTask("", field)))
                .as(field)
                .hasMessageContaining(reason));
    // a date pattern Java cannot read: SimpleDateFormat throws, and the parse ends there
    assertThatThrownBy(
            () ->
                deploy(
                    formTask(
                        "",
                        "<camunda:formField id='due' type='date' datePattern='dd/MM/yyyy bb'/>")))
        .hasMessageContaining("Illegal pattern character 'b'");
    // a form handler class of its own that extends the engine's reads the form the same way
    assertThatThrownBy(
            () ->
                deploy(
                    formTask(
                        " camunda:formHandlerClass="
                            + "'io.checkup.testing.ExtendedTaskFormHandler'",
                        "<camunda:formField id='a' type='yesno'/>")))
        .hasMessageContaining("unknown type 'yesno'");
    assertThat(deployed("/rules/form-field/valid.bpmn")).containsExactly("claims");
  }

  /**
   * The rule's invalid fixture deploys, and its forms fail where its findings say: the start form
   * cannot be had (a long default that is no number), nor the task form (a date default its pattern
   * does not read), and each constraint fails a submission of a value; an enum default that is none
   * of its values fails its form too. The valid fixture's task form opens and takes values.
   */
  @Test
  void formFieldValuesTheRuleReports() {
    assertThat(deployed("/rules/form-field-value/invalid.bpmn")).containsExactly("claims");
    var forms = engine.getFormService();
    String definition =
        engine.getRepositoryService().createProcessDefinitionQuery().singleResult().getId();
    assertThatThrownBy(() -> forms.getStartFormData(definition))
        .hasMessageContaining("For input string: \"ten\"");
    engine.getRuntimeService().startProcessInstanceByKey("claims");
    String task = engine.getTaskService().createTaskQuery().singleResult().getId();
    assertThatThrownBy(() -> forms.getTaskFormData(task))
        .hasMessageContaining("invalid date value 31/01/2024");
    // each constraint on a task of its own: a bad default of the task's form fails a submission too
    assertSubmissionFails(
        "<camunda:formField id='note' type='string'><camunda:validation>"
            + "<camunda:constraint name='maxlength' config='ten'/></camunda:validation>"
            + "</camunda:formField>",
        Map.of("note", "fine"),
        "configuration ten cannot be interpreted as Integer");
    assertSubmissionFails(
        "<camunda:formField id='amount' type='long'><camunda:validation>"
            + "<camunda:constraint name='max' config='1.5'/></camunda:validation>"
            + "</camunda:formField>",
        Map.of("amount", 5L),
        "configuration 1.5 cannot be parsed as Long");
    assertSubmissionFails(
        "<camunda:formField id='title' type='string'><camunda:validation>"
            + "<camunda:constraint name='max' config='10'/></camunda:validation>"
            + "</camunda:formField>",
        Map.of("title", "Fine"),
        "Invalid value submitted for form field 'title': validation of max(10) failed");
    assertSubmissionFails(
        "<camunda:formField id='quantity' type='long'><camunda:validation>"
            + "<camunda:constraint name='minlength' config='3'/></camunda:validation>"
            + "</camunda:formField>",
        Map.of("quantity", 5L),
        "cannot be used on non-string value");
    assertStartFormFails(
        "<camunda:formField id='kind' type='enum' defaultValue='bike'>"
            + "<camunda:value id='car' name='Car'/></camunda:formField>",
        "Invalid value for enum form property: bike");
    assertStartFormFails(
        "<camunda:formField id='none' type='long' defaultValue=''/>", "For input string: \"\"");

    assertThat(deployed("/rules/form-field-value/valid.bpmn")).containsExactly("claims");
    engine
        .getRuntimeService()
        .startProcessInstanceByKey("claims", Map.of("defaultNote", "From the process"));
    String valid =
        engine.getTaskService().createTaskQuery().processDefinitionKey("claims").list().stream()
            .filter(t -> !t.getId().equals(task))
            .findFirst()
            .orElseThrow()
            .getId();
    assertThat(forms.getTaskFormData(valid).getFormFields()).hasSize(8);
    forms.submitTaskForm(
        valid,
        Map.of("count", 7L, "note", "Checked", "size", "small", "due", new java.util.Date()));
    assertThat(engine.getTaskService().createTaskQuery().taskId(valid).count()).isZero();
  }

  /**
   * Deploys a process whose user task has a form of these fields and starts it: submitting the
   * values fails so, and the task stays.
   */
  private void assertSubmissionFails(String fields, Map<String, Object> values, String reason) {
    String model =
        "<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
            + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' targetNamespace='urn:t'>"
            + "<process id='submits' isExecutable='true' camunda:historyTimeToLive='1'>"
            + "<startEvent id='s'/><sequenceFlow id='f1' sourceRef='s' targetRef='t'/>"
            + "<userTask id='t'><extensionElements><camunda:formData>"
            + fields
            + "</camunda:formData></extensionElements></userTask>"
            + "<sequenceFlow id='f2' sourceRef='t' targetRef='e'/><endEvent id='e'/>"
            + "</process></definitions>";
    engine.getRepositoryService().createDeployment().addString("submits.bpmn", model).deploy();
    String instance = engine.getRuntimeService().startProcessInstanceByKey("submits").getId();
    String task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance)
            .singleResult()
            .getId();
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task, values))
        .as(fields)
        .satisfies(
            failure -> assertThat(failure + " " + failure.getCause()).as(fields).contains(reason));
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
  }

  /** Deploys a process whose start form has these fields: asking for the form fails so. */
  private void assertStartFormFails(String fields, String reason) {
    String model =
        "<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
            + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' targetNamespace='urn:t'>"
            + "<process id='starts' isExecutable='true' camunda:historyTimeToLive='1'>"
            + "<startEvent id='s'><extensionElements><camunda:formData>"
            + fields
            + "</camunda:formData></extensionElements></startEvent></process></definitions>";
    String definition =
        engine
            .getRepositoryService()
            .createDeployment()
            .addString("starts.bpmn", model)
            .deployWithResult()
            .getDeployedProcessDefinitions()
            .get(0)
            .getId();
    assertThatThrownBy(() -> engine.getFormService().getStartFormData(definition))
        .hasMessageContaining(reason);
  }

  /** A process whose user task has a generated form of these fields. */
  private static InputStream formTask(String attributes, String fields) {
    return model(
        "",
        "<userTask id='t'"
            + attributes
            + "><extensionElements><camunda:formData>"
            + fields
            + "</camunda:formData></extensionElements></userTask>");
  }

  private void deploy(InputStream model) {
    engine.getRepositoryService().createDeployment().addInputStream("form.bpmn", model).deploy();
  }

  /** The keys of the process definitions the engine deployed from the fixture. */
  private List<String> deployed(String fixture) {
    return deployed(getClass().getResourceAsStream(fixture));
  }

  /** The keys of the processes the engine deployed from this model. */
  private List<String> deployed(InputStream model) {
    return engine
        .getRepositoryService()
        .createDeployment()
        .addInputStream("valid.bpmn", model)
        .deployWithResult()
        .getDeployedProcessDefinitions()
        .stream()
        .map(ProcessDefinition::getKey)
        .toList();
  }

  private void assertRefused(String fixture, String... reasons) {
    assertRefused(getClass().getResourceAsStream(fixture), reasons);
  }

  private void assertRefused(InputStream model, String... reasons) {
    assertThatThrownBy(
            () ->
                engine
                    .getRepositoryService()
                    .createDeployment()
                    .addInputStream("fixture.bpmn", model)
                    .deploy())
        .isInstanceOfAny(ParseException.class, NotValidException.class)
        .hasMessageContainingAll(reasons);
  }
}
