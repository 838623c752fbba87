package io.checkup.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.checkup.lint.Finding;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.testing.LogCapture;
import io.checkup.testing.TestEngines;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Linting inside the engine: warn mode, strict mode, off, the re-parse trap and failures of the
 * linter itself.
 */
class DeployTimeLintTest {

  private ProcessEngine engine;
  private final LogCapture log = LogCapture.of("io.checkup.lint");

  @AfterEach
  void close() {
    log.close();
    if (engine != null) {
      engine.close();
    }
  }

  private ProcessEngine engine(CheckupProcessEnginePlugin plugin) {
    engine = TestEngines.h2().plugin(plugin).build();
    return engine;
  }

  /** An engine with the plugin and, after it, another plugin whose preInit does {@code preInit}. */
  private static ProcessEngine engineWith(
      CheckupProcessEnginePlugin plugin,
      java.util.function.Consumer<org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl>
          preInit) {
    return TestEngines.h2()
        .plugin(plugin)
        .plugin(
            new org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin() {
              @Override
              public void preInit(
                  org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl config) {
                preInit.accept(config);
              }
            })
        .build();
  }

  /** What deploying this model threw, or null. */
  private Throwable refusal(String resourceName, String model) {
    return catchThrowable(
        () ->
            engine
                .getRepositoryService()
                .createDeployment()
                .addString(resourceName, model)
                .deploy());
  }

  /** What deploying this class path resource threw, or null. */
  private Throwable refusalOf(String resource) {
    return catchThrowable(
        () ->
            engine
                .getRepositoryService()
                .createDeployment()
                .addClasspathResource(resource)
                .deploy());
  }

  private Deployment deploy(String resource) {
    return engine
        .getRepositoryService()
        .createDeployment()
        .name("test " + resource)
        .addClasspathResource("models/" + resource)
        .deploy();
  }

  /** Deploys the bytes as {@code broken.bpmn}: the refusal, or null where they deployed. */
  private Throwable refusalOfModel(byte[] model) {
    return catchThrowable(
        () ->
            engine
                .getRepositoryService()
                .createDeployment()
                .addInputStream("broken.bpmn", new java.io.ByteArrayInputStream(model))
                .deploy());
  }

  /** The one error of a refusal's problem report. */
  private static Problem onlyError(Throwable refusal, String what) {
    assertThat(refusal).as(what).isInstanceOf(ParseException.class);
    List<Problem> errors = ((ParseException) refusal).getResorceReports().get(0).getErrors();
    assertThat(errors).as(what).hasSize(1);
    return errors.get(0);
  }

  /**
   * The engine's own form types and validators are the deploy-time lint's too: beside another
   * refusal of the same file (a time to live the engine cannot read), the form fields of a type and
   * with a validator the engine registers are not reported; those it does not know are.
   */
  @Test
  void formFieldsOfTheEnginesOwnTypesAndValidatorsAreNotReported() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("strict");
    var configuration = TestEngines.h2().plugin(plugin).configuration();
    configuration.setCustomFormTypes(
        List.of(
            new org.camunda.bpm.engine.impl.form.type.StringFormType() {
              @Override
              public String getName() {
                return "money";
              }
            }));
    configuration.setCustomFormFieldValidators(
        java.util.Map.of(
            "iban", org.camunda.bpm.engine.impl.form.validator.RequiredValidator.class));
    engine = configuration.buildProcessEngine();
    String model =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="pay" isExecutable="true" camunda:historyTimeToLive="P4W">
            <startEvent id="s"/>
            <userTask id="payTask" name="Pay">
              <extensionElements>
                <camunda:formData>
                  <camunda:formField id="sum" type="money"/>
                  <camunda:formField id="count" type="integer"/>
                  <camunda:formField id="account" type="string">
                    <camunda:validation>
                      <camunda:constraint name="iban"/>
                      <camunda:constraint name="ibna"/>
                    </camunda:validation>
                  </camunda:formField>
                </camunda:formData>
              </extensionElements>
            </userTask>
            <endEvent id="e"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="payTask"/>
            <sequenceFlow id="f2" sourceRef="payTask" targetRef="e"/>
          </process>
        </definitions>
        """;

    Throwable refusal = refusal("pay.bpmn", model);

    assertThat(refusal).isInstanceOf(ParseException.class);
    List<String> own =
        ((ParseException) refusal)
            .getResorceReports().get(0).getErrors().stream()
                .map(Problem::getMessage)
                .filter(message -> message.contains("form-field"))
                .toList();
    assertThat(own)
        .hasSize(2)
        .anyMatch(message -> message.contains("of the type 'integer'"))
        .anyMatch(message -> message.contains("the validation constraint 'ibna'"))
        .noneMatch(message -> message.contains("'money'") || message.contains("'iban'"));
  }

  /**
   * One cause, one problem: a date pattern Java cannot read makes the engine's parse fail with an
   * exception of its own; the form-field finding says why, at its task, and the failure is not
   * repeated at the file's root.
   */
  @Test
  void aDatePatternJavaCannotReadIsOneProblemAtItsTask() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("strict");
    engine(plugin);
    String model =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="claims" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="s" name="Claim received"/>
            <userTask id="review" name="Review claim">
              <extensionElements>
                <camunda:formData>
                  <camunda:formField id="due" type="date" datePattern="dd-bb-yyyy"/>
                </camunda:formData>
              </extensionElements>
            </userTask>
            <endEvent id="e" name="Claim reviewed"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
            <sequenceFlow id="f2" sourceRef="review" targetRef="e"/>
          </process>
        </definitions>
        """;

    Problem problem = onlyError(refusal("claims.bpmn", model), "a date pattern");

    assertThat(problem.getMessage())
        .contains("[form-field]")
        .contains("the date pattern 'dd-bb-yyyy', which Java cannot read");
    assertThat(problem.getMainElementId()).isEqualTo("review");
  }

  @Test
  void warnModeDeploysLogsEachFindingOnceAndKeepsTheFindings() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    engine(plugin);

    Deployment deployment = deploy("errors.bpmn");

    ProcessDefinition definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .deploymentId(deployment.getId())
            .singleResult();
    assertThat(definition.getKey()).isEqualTo("brokenApproval");
    List<Finding> findings =
        plugin.getLintResults().forDeployment(deployment.getId()).orElseThrow().get(0).findings();
    assertThat(findings)
        .extracting(Finding::ruleId, Finding::elementId)
        .contains(
            Tuple.tuple("fake-branch", "notify"),
            Tuple.tuple("deadlock", "bothDone"),
            Tuple.tuple("unreachable", "archive"));
    // one line per finding, naming deployment, resource, process, element, rule and severity
    List<String> lines = log.linesContaining("camunda-checkup lint [");
    assertThat(lines).hasSize(findings.size());
    assertThat(log.linesContaining("[error] deadlock:"))
        .singleElement()
        .asString()
        .contains("deployment 'test errors.bpmn' (" + deployment.getId() + ")")
        .contains("resource 'models/errors.bpmn'")
        .contains("process 'brokenApproval'")
        .contains("element 'bothDone'");
    assertThat(plugin.getLintResults().forProcessDefinition(definition.getId()).orElseThrow())
        .containsExactlyElementsOf(findings);
  }

  /**
   * A partner's engine holds many clients: the lines name the tenant a deployment is for. And a
   * deployment the engine itself then refuses (here: a service task without implementation, in the
   * same file) gets one more line saying its findings belong to no deployment, instead of leaving
   * lines that name an id nothing has.
   */
  @Test
  void theLogNamesTheTenantAndSaysWhenTheEngineRolledTheDeploymentBack() throws Exception {
    engine(new CheckupProcessEnginePlugin());
    String warnings =
        new String(
            getClass().getResourceAsStream("/models/warnings.bpmn").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);

    Deployment made =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("for acme")
            .tenantId("acme")
            .addString("warnings.bpmn", warnings)
            .deploy();
    assertThat(log.linesContaining("camunda-checkup lint ["))
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "deployment 'for acme' ("
                            + made.getId()
                            + "), tenant 'acme', resource 'warnings.bpmn'"));
    assertThat(log.linesContaining("was rolled back")).isEmpty();

    String refusedByTheEngine =
        warnings.replace(
            "<endEvent id=\"done\"", "<serviceTask id=\"noImplementation\"/><endEvent id=\"done\"");
    assertThat(refusedByTheEngine).contains("noImplementation");
    ParseException refused =
        catchThrowableOfType(
            ParseException.class,
            () ->
                engine
                    .getRepositoryService()
                    .createDeployment()
                    .name("rolled back")
                    .addString("broken.bpmn", refusedByTheEngine)
                    .deploy());
    assertThat(refused).isNotNull();
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);
    assertThat(log.linesContaining("deployment 'rolled back' ("))
        .as("the findings of the deployment the engine refused")
        .isNotEmpty();
    assertThat(log.linesContaining("was rolled back"))
        .singleElement()
        .asString()
        .contains("deployment 'rolled back' (")
        .contains("resource 'broken.bpmn'")
        .contains("the findings above most likely belong to no deployment");
  }

  /**
   * An engine with a default history time to live (Spring Boot's generic property, set by a plugin
   * whose preInit runs after the checkup plugin's) gives it to every process deployed without one:
   * the finding that asks for one is left out, at deploy time and when the stored model is linted
   * again. Without the default (and the engine's enforcement off) it stays.
   */
  @Test
  void aProcessGivenTheEnginesDefaultTimeToLiveIsNotAskedForOne() throws Exception {
    String withoutTimeToLive =
        new String(
                getClass().getResourceAsStream("/models/warnings.bpmn").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace(" camunda:historyTimeToLive=\"P30D\"", "");
    assertThat(withoutTimeToLive).doesNotContain("historyTimeToLive");
    for (boolean engineDefault : new boolean[] {true, false}) {
      CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
      plugin.setLintResultsCacheSize("0"); // every read lints the stored model again
      engine =
          engineWith(
              plugin,
              config -> {
                if (engineDefault) {
                  config.setHistoryTimeToLive("P30D");
                } else {
                  config.setEnforceHistoryTimeToLive(false);
                }
              });
      Deployment deployment =
          engine
              .getRepositoryService()
              .createDeployment()
              .addString("routing.bpmn", withoutTimeToLive)
              .deploy();
      List<String> logged = log.linesContaining("history-time-to-live");
      List<Finding> stored =
          plugin.getLintResults().forDeployment(deployment.getId()).orElseThrow().get(0).findings();
      assertThat(stored).extracting(Finding::ruleId).contains("cascaded-conditions");
      if (engineDefault) {
        assertThat(logged).isEmpty();
        assertThat(stored).extracting(Finding::ruleId).doesNotContain("history-time-to-live");
      } else {
        assertThat(logged).singleElement().asString().contains("process 'orderRouting'");
        assertThat(stored).extracting(Finding::ruleId).contains("history-time-to-live");
      }
      engine.close();
      engine = null;
      log.clear();
    }
  }

  /**
   * A service task without Camunda's attributes is refused by the engine, unless a parse listener
   * of another plugin gives it something to run: then strict mode must not refuse what the engine
   * takes, and the finding is left out, at deploy time and when the stored model is linted again.
   */
  @Test
  void aTaskAnotherPluginImplementsIsNotReportedNorRefused() {
    String model =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="byConvention" isExecutable="true" camunda:historyTimeToLive="P30D">
            <startEvent id="s" name="Order received"/>
            <serviceTask id="charge" name="Charge card"/>
            <endEvent id="e" name="Charged"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="charge"/>
            <sequenceFlow id="f2" sourceRef="charge" targetRef="e"/>
          </process>
        </definitions>
        """;
    for (boolean byConvention : new boolean[] {true, false}) {
      CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
      plugin.setLintMode("strict");
      plugin.setLintResultsCacheSize("0"); // every read lints the stored model again
      engine =
          engineWith(
              plugin,
              config -> {
                if (byConvention) {
                  if (config.getCustomPreBPMNParseListeners() == null) {
                    config.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
                  }
                  config
                      .getCustomPreBPMNParseListeners()
                      .add(
                          new org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener() {
                            @Override
                            public void parseServiceTask(
                                org.camunda.bpm.engine.impl.util.xml.Element element,
                                org.camunda.bpm.engine.impl.pvm.process.ScopeImpl scope,
                                org.camunda.bpm.engine.impl.pvm.process.ActivityImpl activity) {
                              activity.setActivityBehavior(
                                  new org.camunda.bpm.engine.impl.bpmn.behavior
                                      .NoneStartEventActivityBehavior());
                            }
                          });
                }
              });
      Throwable thrown = refusal("convention.bpmn", model);
      if (byConvention) {
        assertThat(thrown).isNull();
        String deploymentId =
            engine.getRepositoryService().createDeploymentQuery().singleResult().getId();
        assertThat(
                plugin.getLintResults().forDeployment(deploymentId).orElseThrow().get(0).findings())
            .extracting(Finding::ruleId)
            .doesNotContain("task-implementation");
        assertThat(log.linesContaining("task-implementation")).isEmpty();
      } else {
        // the engine's own refusal, and the rule's finding in the problem report beside it
        assertThat(thrown)
            .isInstanceOf(ParseException.class)
            .hasMessageContaining("is mandatory on serviceTask")
            .hasMessageContaining(
                "Service task 'Charge card' (charge) has no implementation (camunda:class,");
      }
      engine.close();
      engine = null;
      log.clear();
    }
  }

  /**
   * An external task without a topic gets its behaviour from the engine and is refused all the
   * same: the finding says why beside the engine's message, it is not taken for a task another
   * plugin implemented.
   */
  @Test
  void anExternalTaskWithoutTopicKeepsItsFindingBesideTheEnginesRefusal() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("strict");
    engine(plugin);
    String model =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="rates" isExecutable="true" camunda:historyTimeToLive="P30D">
            <startEvent id="s" name="Day begins"/>
            <serviceTask id="fetch" name="Fetch rates" camunda:type="external"/>
            <endEvent id="e" name="Rates fetched"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="fetch"/>
            <sequenceFlow id="f2" sourceRef="fetch" targetRef="e"/>
          </process>
        </definitions>
        """;
    assertThat(refusal("rates.bpmn", model))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("External tasks must specify a 'topic' attribute")
        .hasMessageContaining(
            "[task-implementation] Service task 'Fetch rates' (fetch) is an external task without"
                + " camunda:topic");
  }

  /**
   * The rules read the engine's own parse at deploy time as they read a file: in strict mode each
   * finding of the fixture joins the engine's refusal.
   */
  @Test
  void theFindingsOfRulesForWhatTheEngineRefusesJoinItsRefusal() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("strict");
    engine(plugin);

    assertThat(refusalOf("rules/call-activity/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Missing attribute 'calledElement' or 'caseRef'")
        .hasMessageContaining(
            "[call-activity] Call activity 'Check credit' (nothing) calls nothing")
        .hasMessageContaining("[call-activity] Call activity 'Ship' (both) names both")
        .hasMessageContaining("[call-activity] Call activity 'Bill' (pinned) binds to a version")
        .hasMessageContaining(
            "[call-activity] Call activity 'Archive' (tagged) binds to a version tag")
        .hasMessageContaining(
            "[call-activity] Call activity 'Review' (casePinned) binds to a version")
        .hasMessageContaining("Empty attribute 'source' when passing variables")
        .hasMessageContaining(
            "[call-activity] Call activity 'Check stock' (mapped) passes a variable in (camunda:in)"
                + " with an empty source and an empty target");
    String signalModel =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <signal id="stop" name="Stop"/>
          <process id="announce" isExecutable="true" camunda:historyTimeToLive="P30D">
            <startEvent id="s" name="Ready"/>
            <intermediateThrowEvent id="go" name="Announce"><signalEventDefinition/></intermediateThrowEvent>
            <endEvent id="e" name="Stopped"><signalEventDefinition signalRef="halt"/></endEvent>
            <sequenceFlow id="f1" sourceRef="s" targetRef="go"/>
            <sequenceFlow id="f2" sourceRef="go" targetRef="e"/>
          </process>
        </definitions>
        """;
    assertThat(refusal("announce.bpmn", signalModel))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("signalEventDefinition does not have required property 'signalRef'")
        .hasMessageContaining("Could not find signal with id 'halt'")
        .hasMessageContaining("[signal-ref] Signal throw event 'Announce' (go) has no signalRef")
        .hasMessageContaining(
            "[signal-ref] Signal end event 'Stopped' (e) names signal 'halt', which the file does"
                + " not have");
    // the root elements a reference names are read from the engine's parse too
    for (String rule : List.of("error-ref", "escalation-ref")) {
      assertThat(refusalOf("rules/" + rule + "/invalid.bpmn"))
          .isInstanceOf(ParseException.class)
          .hasMessageContaining("[" + rule + "] ")
          .hasMessageContaining("which has no ")
          .hasMessageContaining("throws no ");
    }
    assertThat(refusalOf("rules/escalation-handler/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("should only be attached to a subprocess")
        .hasMessageContaining(
            "[escalation-handler] Escalation boundary event 'Charge late' (onCharge) is attached to"
                + " 'Charge' (charge), which cannot catch an escalation")
        .hasMessageContaining(
            "[escalation-handler] Escalation start event 'Lost parcel' (lostStart) catches"
                + " escalation code 'LOST' beside 'Any escalation' (anyStart)");
    // a listener's attributes and children are read from the engine's parse as well
    assertThat(refusalOf("rules/listener-implementation/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Attribute 'class' cannot be empty")
        .hasMessageContaining(
            "[listener-implementation] Execution listener (start) of 'Received' (s) has an empty"
                + " class")
        .hasMessageContaining(
            "[listener-implementation] Task listener (complete) of 'Review' (review) has the field"
                + " 'channel' without a value");
    assertThat(refusalOf("rules/input-output/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("outputParameter not allowed for multi-instance constructs")
        .hasMessageContaining(
            "[input-output] 'Review' (review) has input/output mappings (camunda:inputOutput) with"
                + " output parameters, which the engine takes on no multi-instance activity");
    assertThat(refusalOf("rules/timer-start-event/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("multiple none start events or timer start events not supported")
        .hasMessageContaining(
            "[timer-start-event] Process 'Billing' (Billing) can start at none start event 'By"
                + " hand' (byHand) and at timer start event 'Monthly' (monthly)");
    assertThat(refusalOf("rules/event-subscription/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining(
            "Cannot have more than one message event subscription with name 'Cancel'")
        .hasMessageContaining(
            "[event-subscription] Message boundary event 'Cancelled too' (cancelledToo) waits for"
                + " message 'Cancel', as 'Cancelled' (cancelled) does, on 'Check' (check)");
    assertThat(refusalOf("rules/compensation/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("compensation boundary catch must be connected to element with")
        .hasMessageContaining(
            "[compensation] Compensation boundary event 'Undo hotel' (undoHotel) is associated with"
                + " 'Cancel hotel' (cancelHotel), which is not marked for compensation");
    assertThat(refusalOf("rules/form-definition/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("only one of the attributes formKey and formRef is allowed")
        .hasMessageContaining(
            "[form-definition] User task 'Check' (check) has both a form key (camunda:formKey) and a"
                + " linked Camunda form (camunda:formRef)");
    assertThat(refusalOf("rules/priority/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Value 'high' for attribute 'jobPriority' is not a valid number")
        .hasMessageContaining(
            "[priority] Process 'Shipping' (shipping) has the job priority 'high'"
                + " (camunda:jobPriority)");
    // a task's field injections are read from the engine's parse as well
    assertThat(refusalOf("rules/task-implementation/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("No recipient is defined on the mail activity")
        .hasMessageContaining(
            "[task-implementation] Service task 'Mail customer' (mail) is a mail task without the"
                + " field 'to'")
        .hasMessageContaining(
            "[task-implementation] Service task 'Run backup' (shellWait) is a shell task whose"
                + " field 'wait' is 'yes'")
        .hasMessageContaining("'resultVariableName' not supported for serviceTask elements")
        .hasMessageContaining(
            "[task-implementation] Service task 'Compute fee' (stored) has the result variable"
                + " 'fee' (camunda:resultVariable) beside camunda:class")
        .hasMessageContaining(
            "[task-implementation] Business rule task 'Rate customer' (mapped) maps its decision's"
                + " result by 'singleValue'")
        // the engine names no line for a script task without a script; the finding does
        .hasMessageContaining(
            "Unable to process ScriptTask: No script source or resource was given")
        .hasMessageContaining(
            "[task-implementation] Script task 'Compute total' (bare) has no script");
    assertThat(refusalOf("rules/human-performer/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining(
            "Invalid usage: duplicate assignee declaration for task Approve payout")
        .hasMessageContaining(
            "[human-performer] User task 'Approve payout' (approve) names its assignee twice")
        .hasMessageContaining(
            "[human-performer] User task 'Review claim' (review) has 2 humanPerformer elements");
  }

  /**
   * An expression the engine cannot parse fails the engine's parse with an HTTP 500 that names no
   * element. With lint on, the problem report has one problem at the element: expression-syntax's
   * finding where the rule reads the place (a message's name, a condition, a service task's
   * expression), else the engine's failure (a form field validator's expression, which the rule
   * does not read).
   */
  @Test
  void anExpressionTheEngineCannotParseIsReportedAtItsElement() {
    String model =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <message id="m" name="%s"/>
          <process id="p" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="s" name="Start">
              <extensionElements><camunda:formData>
                <camunda:formField id="amount" label="Amount" type="long">
                  <camunda:validation><camunda:constraint name="validator" config="%s"/></camunda:validation>
                </camunda:formField>
              </camunda:formData></extensionElements>
            </startEvent>
            <sequenceFlow id="f1" sourceRef="s" targetRef="gw"/>
            <exclusiveGateway id="gw" name="Big?" default="f3"/>
            <sequenceFlow id="f2" name="yes" sourceRef="gw" targetRef="run">
              <conditionExpression xsi:type="tFormalExpression">%s</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="f3" name="no" sourceRef="gw" targetRef="e2"/>
            <serviceTask id="run" name="Run" camunda:expression="%s"/>
            <sequenceFlow id="f4" sourceRef="run" targetRef="e"/>
            <endEvent id="e" name="End"/>
            <endEvent id="e2" name="Small"/>
          </process>
        </definitions>
        """;
    String[] fine = {"order", "${checker}", "${amount > 5}", "${svc.run()}"};
    for (String mode : List.of("warn", "strict")) {
      CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
      plugin.setLintMode(mode);
      engine(plugin);
      // which of the four places is broken, with what; the one problem's start, element and line
      for (String[] broken :
          new String[][] {
            {"0", "order-${id", "[expression-syntax] Message 'order-${id' (m)", "m", "5"},
            {"1", "${checker.}", "[camunda-checkup] the engine's parse failed: ", "amount", "9"},
            {"2", " ${amount >}\n ", "[expression-syntax] Sequence flow 'yes' (f2)", "f2", "16"},
            {"3", "${svc.run(}", "[expression-syntax] Service task 'Run' (run)", "run", "20"},
            // parsed, then refused when the engine binds its functions: no expression named
            {
              "3",
              "${svc.run(lookup(1))}",
              "[camunda-checkup] the engine's parse failed: ",
              "run",
              "20"
            },
            {"2", "${now(1) > 5}", "[camunda-checkup] the engine's parse failed: ", "f2", "16"}
          }) {
        String[] values = fine.clone();
        values[Integer.parseInt(broken[0])] = broken[1];
        Problem problem =
            onlyError(
                refusalOfModel(model.formatted((Object[]) values).getBytes(UTF_8)),
                mode + " " + broken[1]);
        assertThat(problem.getMessage())
            .startsWith(broken[2])
            .contains("'" + broken[1].trim() + "'");
        assertThat(problem.getMainElementId()).isEqualTo(broken[3]);
        assertThat(problem.getLine()).isEqualTo(Integer.parseInt(broken[4]));
      }
      engine.close();
    }
    // with lint off the engine's answer stays its own
    CheckupProcessEnginePlugin off = new CheckupProcessEnginePlugin();
    off.setLintMode("off");
    engine(off);
    assertThat(
            catchThrowable(
                () ->
                    engine
                        .getRepositoryService()
                        .createDeployment()
                        .addString(
                            "broken.bpmn",
                            model.formatted("order", "${checker}", "${amount > 5}", "${svc.run(}"))
                        .deploy()))
        .isNotInstanceOf(ParseException.class)
        .hasMessageContaining("Error parsing '${svc.run(}'");
  }

  /**
   * Where the engine's parse fails with an exception of its own (a shell task's expression field: a
   * ClassCastException, an HTTP 500 without the finding), strict and warn mode answer with the
   * problem report, the failure in it; with lint off the engine's failure stays as it is.
   */
  @Test
  void aParseTheEngineFailsOnIsAnsweredWithTheFindingsWhileLintIsOn() {
    for (String mode : List.of("strict", "warn")) {
      CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
      plugin.setLintMode(mode);
      engine(plugin);

      assertThat(refusalOf("rules/task-implementation/invalid-shell-expression.bpmn"))
          .as(mode)
          .isInstanceOf(ParseException.class)
          .hasMessageContaining(
              "[task-implementation] Service task 'Run job' (shellExpression) is a shell task whose"
                  + " field 'command' is an expression")
          .hasMessageContaining(
              "[camunda-checkup] the engine's parse failed: java.lang.ClassCastException")
          // the whole failure, as long as any message (it was cut at a name's 120 characters)
          .hasMessageContaining("cannot be cast to class org.camunda.bpm.engine.impl.el.FixedValue")
          .hasMessageNotContaining("more characters");
      // a form bound to a version without the version: a NullPointerException naming nothing
      assertThat(refusalOf("rules/form-definition/invalid-version.bpmn"))
          .as(mode)
          .isInstanceOf(ParseException.class)
          .hasMessageContaining(
              "[form-definition] User task 'Approve' (approve) links a Camunda form by version")
          .hasMessageContaining(
              "[camunda-checkup] the engine's parse failed: java.lang.NullPointerException");
      // an external task's error without a Throw expression: a NullPointerException naming nothing
      assertThat(refusalOf("rules/task-implementation/invalid-error-expression.bpmn"))
          .as(mode)
          .isInstanceOf(ParseException.class)
          .hasMessageContaining(
              "[task-implementation] Service task 'Charge card' (charge) is an external task whose"
                  + " camunda:errorEventDefinition for error 'paymentFailed' has no expression")
          .hasMessageContaining(
              "[camunda-checkup] the engine's parse failed: java.lang.NullPointerException");
      // an expression the engine cannot parse: its failure quotes the value but names no element
      assertThat(refusalOf("rules/expression-syntax/invalid-due-date.bpmn"))
          .as(mode)
          .isInstanceOf(ParseException.class)
          .hasMessageContaining(
              "[expression-syntax] User task 'Review' (review) has an expression in its"
                  + " camunda:dueDate that the engine cannot parse, '${dueDate'")
          // one cause, one problem: the engine's failure on the same expression is not repeated
          .hasMessageNotContaining("the engine's parse failed");
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isZero();
      engine.close();
    }

    // what the engine takes, warn mode still deploys: the refusal is never the plugin's own
    engine(new CheckupProcessEnginePlugin());
    assertThat(refusalOf("models/errors.bpmn")).isNull();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isPositive();

    engine.close();
    CheckupProcessEnginePlugin off = new CheckupProcessEnginePlugin();
    off.setLintMode("off");
    engine(off);
    assertThat(refusalOf("rules/task-implementation/invalid-shell-expression.bpmn"))
        .isNotInstanceOf(ParseException.class)
        .hasRootCauseInstanceOf(ClassCastException.class);
  }

  /**
   * A resource that is not well-formed XML (a broken end tag, a DOCTYPE the engine's parser
   * disallows, bytes that are not UTF-8): the engine answers an HTTP 500 whose message has no line;
   * while lint is on, with the problem report it had collected, the parser's reason at its line and
   * column, and the operator reads one line naming the resource.
   */
  @Test
  void aResourceThatIsNotWellFormedXmlIsAnsweredWithItsLine() {
    String model =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="p" isExecutable="true">
            <startEvent id="s"></startEvnt>
          </process>
        </definitions>
        """;
    String doctype =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + model.replace("</startEvnt>", "</startEvent>");
    byte[] notUtf8 = model.replace("</startEvnt>", "</startEvent>").getBytes();
    notUtf8[model.indexOf("id=\"s\"") + 4] = (byte) 0xE9; // a Latin-1 é in the id
    Object[][] cases = {
      {model.getBytes(), "must be terminated by the matching end-tag", 3},
      {doctype.getBytes(), "DOCTYPE is disallowed", 2},
      {notUtf8, "UTF-8", 3}
    };
    for (String mode : List.of("warn", "strict", "off")) {
      CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
      plugin.setLintMode(mode);
      engine(plugin);
      for (Object[] broken : cases) {
        Throwable refusal = refusalOfModel((byte[]) broken[0]);
        if (mode.equals("off")) {
          // the engine's answer stays its own
          assertThat(refusal)
              .as(mode + " " + broken[1])
              .isNotInstanceOf(ParseException.class)
              .hasMessageContaining("Could not parse 'broken.bpmn'");
          continue;
        }
        Problem problem = onlyError(refusal, mode + " " + broken[1]);
        // the parser's own message, which the engine had collected
        assertThat(problem.getMessage()).contains((String) broken[1]);
        assertThat(problem.getLine()).isEqualTo(broken[2]);
        assertThat(
                log.linesContaining(
                    "resource 'broken.bpmn' refused: the engine cannot read the resource as XML: "))
            .isNotEmpty();
      }
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isZero();
      engine.close();
    }
  }

  /**
   * An element left open: the schema's validation complains about what follows it before the parser
   * finds the end tag that does not match. The problem report puts the parser's reason, the cause,
   * first; the schema's complaint, a consequence, after it.
   */
  @Test
  void aResourceThatIsNotWellFormedXmlHasTheParsersReasonFirst() {
    String model =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="p" isExecutable="true">
            <startEvent id="s"/>
            <endEvent id="e">
            <userTask id="archive"/>
          </process>
        </definitions>
        """;
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("warn");
    engine(plugin);

    Throwable refusal = refusalOfModel(model.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(refusal).isInstanceOf(ParseException.class);
    List<Problem> errors = ((ParseException) refusal).getResorceReports().get(0).getErrors();
    assertThat(errors).hasSizeGreaterThan(1);
    assertThat(errors.get(0).getMessage()).contains("must be terminated by the matching end-tag");
    assertThat(errors.get(0).getLine()).isEqualTo(6);
    assertThat(errors.subList(1, errors.size()))
        .anySatisfy(problem -> assertThat(problem.getMessage()).contains("cvc-complex-type"));
  }

  /**
   * A timer start event whose timer the engine cannot read passes the engine's parse and fails the
   * deployment when the engine schedules it (an HTTP 500 naming no element): warn mode answers with
   * the problem report, the finding at the event. A boundary timer or an event sub-process's timer
   * start event with the same value is scheduled only at run time: deployed, as before.
   */
  @Test
  void aTimerStartEventTheEngineCannotReadIsAnsweredWithTheProblemReport() {
    String model =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <process id="p" isExecutable="true" camunda:historyTimeToLive="P30D">
            <startEvent id="s" name="Every 20 minutes">
              <timerEventDefinition><timeCycle>%s</timeCycle></timerEventDefinition>
            </startEvent>
            <sequenceFlow id="f1" sourceRef="s" targetRef="work"/>
            <userTask id="work" name="Work" camunda:assignee="demo"/>
            <sequenceFlow id="f2" sourceRef="work" targetRef="e"/>
            <endEvent id="e" name="End"/>
            <boundaryEvent id="late" name="Late" attachedToRef="work" cancelActivity="false">
              <timerEventDefinition><timeCycle>%s</timeCycle></timerEventDefinition>
            </boundaryEvent>
            <sequenceFlow id="f3" sourceRef="late" targetRef="e2"/>
            <endEvent id="e2" name="Reminded"/>
            <subProcess id="hourly" triggeredByEvent="true">
              <startEvent id="tick" name="Tick" isInterrupting="false">
                <timerEventDefinition><timeCycle>%s</timeCycle></timerEventDefinition>
              </startEvent>
              <sequenceFlow id="f4" sourceRef="tick" targetRef="ticked"/>
              <endEvent id="ticked" name="Ticked"/>
            </subProcess>
          </process>
        </definitions>
        """;
    String cron7 = "0 0/20 * 1/1 * ? *"; // Quartz's seven fields: the engine takes six
    String fine = "R/PT20M";
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    engine(plugin);
    Problem problem =
        onlyError(
            refusalOfModel(model.formatted(cron7, fine, fine).getBytes(UTF_8)), "start event");
    assertThat(problem.getMessage())
        .startsWith("[timer-expression] Timer timeCycle of 'Every 20 minutes' (s)")
        .contains("cannot be parsed");
    assertThat(problem.getMainElementId()).isEqualTo("s");
    assertThat(problem.getLine()).isEqualTo(4);
    // the boundary timer is scheduled when the task starts, the event sub-process's when the
    // process does: the deployment goes through, with the finding in the log
    assertThat(refusalOfModel(model.formatted(fine, cron7, fine).getBytes(UTF_8))).isNull();
    assertThat(refusalOfModel(model.formatted(fine, fine, cron7).getBytes(UTF_8))).isNull();
    assertThat(log.linesContaining("[error] timer-expression: Timer timeCycle of 'Late' (late)"))
        .hasSize(1);
    assertThat(log.linesContaining("[error] timer-expression: Timer timeCycle of 'Tick' (tick)"))
        .hasSize(1);
    engine.close();

    CheckupProcessEnginePlugin off = new CheckupProcessEnginePlugin();
    off.setLintMode("off");
    engine(off);
    // the engine's own answer: after its parse, an exception that names no element
    assertThat(refusalOfModel(model.formatted(cron7, fine, fine).getBytes(UTF_8)))
        .isNotInstanceOf(ParseException.class)
        .hasMessageContaining("Exception while parsing cycle expression '" + cron7 + "'");
  }

  /**
   * Engine failures that name a class or a tag, not an element: a form handler class that is not on
   * the class path, a mail task where Apache Commons Email is not (it is not on this class path), a
   * second collaboration (where the {@code definitions} finding says it). The problem report puts
   * each at its element, in warn mode too.
   */
  @Test
  void anEngineFailureNamingAClassOrATagIsPlacedAtItsElement() {
    String model =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          %s
          <process id="p" isExecutable="true" camunda:historyTimeToLive="P30D">
            <startEvent id="s" name="Start"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="work"/>
            %s
            <sequenceFlow id="f2" sourceRef="work" targetRef="e"/>
            <endEvent id="e" name="End"/>
          </process>
        </definitions>
        """;
    String fine = "<userTask id=\"work\" name=\"Work\" camunda:assignee=\"demo\"/>";
    engine(new CheckupProcessEnginePlugin());
    for (String[] broken :
        new String[][] {
          {
            "",
            "<userTask id=\"work\" name=\"Work\" camunda:assignee=\"demo\""
                + " camunda:formHandlerClass=\"com.acme.MissingForm\"/>",
            "Cannot load class 'com.acme.MissingForm'",
            "work",
            "7"
          },
          {
            "",
            "<sendTask id=\"work\" name=\"Work\" camunda:type=\"mail\"><extensionElements>"
                + "<camunda:field name=\"to\" stringValue=\"a@b.c\"/>"
                + "<camunda:field name=\"text\" stringValue=\"hi\"/></extensionElements></sendTask>",
            "MailActivityBehavior",
            "work",
            "7"
          }
        }) {
      Problem problem =
          onlyError(
              refusalOfModel(model.formatted(broken[0], broken[1]).getBytes(UTF_8)), broken[2]);
      assertThat(problem.getMessage())
          .startsWith("[camunda-checkup] the engine's parse failed: ")
          .contains(broken[2]);
      assertThat(problem.getMainElementId()).isEqualTo(broken[3]);
      assertThat(problem.getLine()).isEqualTo(Integer.parseInt(broken[4]));
    }
    // a second collaboration: the finding that says why is the one problem (the engine's parse
    // fails with "multiple elements with tag name collaboration found", naming nothing)
    Problem collaboration =
        onlyError(
            refusalOfModel(
                model
                    .formatted("<collaboration id=\"c1\"/>\n  <collaboration id=\"c2\"/>", fine)
                    .getBytes(UTF_8)),
            "a second collaboration");
    assertThat(collaboration.getMessage())
        .startsWith("[definitions] Collaboration c2 comes after collaboration c1");
    assertThat(collaboration.getMainElementId()).isEqualTo("c2");
    assertThat(collaboration.getLine()).isEqualTo(4);
    // the model without them deploys
    assertThat(
            engine
                .getRepositoryService()
                .createDeployment()
                .addString("fine.bpmn", model.formatted("", fine))
                .deploy()
                .getId())
        .isNotNull();
  }

  /**
   * A user task priority that is no number deploys on the engine and fails every instance at the
   * task; two processes started by one message pass the engine's parse and fail when written:
   * strict mode refuses both with the problem report, warn mode deploys the first with the finding
   * in the log.
   */
  @Test
  void findingsTheEnginesParseTakesAreRefusedInStrictModeOnly() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("strict");
    engine(plugin);
    assertThat(refusalOf("rules/user-task-priority/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining(
            "[user-task-priority] User task 'Review' (review) has the priority 'urgent'"
                + " (camunda:priority)");
    assertThat(refusalOf("rules/user-task-due-date/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining(
            "[user-task-due-date] User task 'Remind' (remind) has the follow-up date '2030-02-30'");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isZero();

    // the engine's parse takes two processes started by one message; writing them fails (HTTP 500)
    assertThat(refusalOf("rules/message-start-event/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining(
            "[message-start-event] Message start event 'By mail' (byMail) starts process 'Mail"
                + " orders' (mailOrders) by message 'Order'");

    engine.close();
    engine(new CheckupProcessEnginePlugin());
    assertThat(refusalOf("rules/user-task-priority/invalid.bpmn")).isNull();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isOne();
  }

  @Test
  void strictModeRefusesWithEveryErrorInTheProblemReport() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("strict");
    engine(plugin);

    ParseException refused =
        catchThrowableOfType(ParseException.class, () -> deploy("errors.bpmn"));

    assertThat(refused).isNotNull();
    assertThat(refused.getMessage())
        .startsWith("ENGINE-09005 Could not parse BPMN process.")
        .contains("[deadlock]")
        .contains("[fake-branch]")
        .contains("[unreachable]");
    List<Problem> errors = refused.getResorceReports().get(0).getErrors();
    assertThat(errors)
        .extracting(Problem::getMainElementId)
        .containsExactlyInAnyOrder("notify", "bothDone", "archive");
    assertThat(errors)
        .allSatisfy(
            problem -> {
              assertThat(problem.getLine()).isPositive();
              assertThat(problem.getColumn()).isPositive();
              // the element's id, which these messages name: "'Both done' (bothDone) ..." is
              // not followed by "(element bothDone)"
              assertThat(problem.getMessage())
                  .contains("(" + problem.getMainElementId() + ")")
                  .doesNotEndWith("(element " + problem.getMainElementId() + ")");
            });
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
    // every line names the deployment by its name and one id, which was never stored but ties
    // the lines of the refusal together
    List<String> lines = log.linesContaining("camunda-checkup lint");
    assertThat(lines).hasSizeGreaterThan(1);
    Matcher first =
        Pattern.compile(
                "deployment 'test errors.bpmn' \\(([^)]+)\\), resource 'models/errors.bpmn'")
            .matcher(lines.get(0));
    assertThat(first.find()).as(lines.get(0)).isTrue();
    assertThat(lines)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "deployment 'test errors.bpmn' ("
                            + first.group(1)
                            + "), resource 'models/errors.bpmn'"));
    assertThat(log.linesContaining("strict mode refuses it"))
        .singleElement()
        .asString()
        .contains("error(s)");
  }

  /**
   * Camunda Modeler shows a problem at the line and element the report gives: an element without an
   * id, or the second of two elements with one id, is named by its own position, not by the root's
   * or the first element's.
   */
  @Test
  void strictModeProblemsPointAtTheirElementWithoutAnIdOrWithAnotherElementsId() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("strict");
    engine(plugin);
    String header =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<definitions"
            + " xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"defs\""
            + " targetNamespace=\"http://x\">\n<process id=\"p\" isExecutable=\"true\""
            + " camunda:historyTimeToLive=\"P30D\">\n<startEvent id=\"start\"/>\n";

    Throwable stray =
        refusal(
            "stray.bpmn",
            header
                + "<endEvent id=\"end\"/>\n"
                + "<sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"end\"/>\n"
                + "<userTask name=\"Stray\" camunda:assignee=\"demo\"/>\n"
                + "</process>\n</definitions>\n");

    assertThat(stray).isInstanceOf(ParseException.class);
    Problem disconnected =
        ((ParseException) stray)
            .getResorceReports().get(0).getErrors().stream()
                .filter(problem -> problem.getMessage().startsWith("[no-disconnected]"))
                .findFirst()
                .orElseThrow();
    assertThat(disconnected.getLine()).isEqualTo(7);
    assertThat(disconnected.getMainElementId()).isNull();
    assertThat(disconnected.getMessage())
        .isEqualTo("[no-disconnected] Element is not connected (userTask 'Stray' on line 7)");

    Throwable twice =
        refusal(
            "twice.bpmn",
            header
                + "<userTask id=\"t\" name=\"First\" camunda:assignee=\"demo\"/>\n"
                + "<endEvent id=\"end\"/>\n"
                + "<sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"t\"/>\n"
                + "<sequenceFlow id=\"f2\" sourceRef=\"t\" targetRef=\"end\"/>\n"
                + "<userTask id=\"t\" name=\"Second\" camunda:assignee=\"demo\"/>\n"
                + "</process>\n</definitions>\n");

    assertThat(twice).isInstanceOf(ParseException.class);
    assertThat(((ParseException) twice).getResorceReports().get(0).getErrors())
        .filteredOn(problem -> problem.getMessage().startsWith("[duplicate-id]"))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.getLine()).isEqualTo(9);
              assertThat(problem.getMainElementId()).isEqualTo("t");
            });
  }

  @Test
  void aCheckupDisablePropertySuppressesAtDeployTimeToo() throws Exception {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("strict");
    engine(plugin);
    String model =
        new String(
                getClass().getResourceAsStream("/models/errors.bpmn").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace(
                "<process id=\"brokenApproval\" name=\"Broken approval\" isExecutable=\"true\""
                    + " camunda:historyTimeToLive=\"P30D\">",
                "<process id=\"brokenApproval\" name=\"Broken approval\" isExecutable=\"true\""
                    + " camunda:historyTimeToLive=\"P30D\"><extensionElements><camunda:properties>"
                    + "<camunda:property name=\"checkup:disable\" value=\"all\"/>"
                    + "</camunda:properties></extensionElements>");
    assertThat(model).contains("checkup:disable");

    // strict mode refuses this model without the property (test above): with it, it deploys
    Deployment deployment =
        engine.getRepositoryService().createDeployment().addString("errors.bpmn", model).deploy();

    assertThat(deployment.getId()).isNotNull();
    assertThat(plugin.getLintResults().forDeployment(deployment.getId()).orElseThrow())
        .allSatisfy(resource -> assertThat(resource.findings()).isEmpty());
  }

  @Test
  void strictModeDeploysAModelWithWarningsOnly() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("strict");
    engine(plugin);

    deploy("warnings.bpmn");

    ProcessInstance instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("orderRouting", Map.of("vip", false, "abroad", false));
    assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId()))
        .containsExactly("review");
    assertThat(log.linesContaining("[warn] cascaded-conditions:")).hasSize(1);
  }

  @Test
  void severityOverridesDecideWhatStrictModeRefuses() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("strict");
    plugin.setLintRules("cascaded-conditions=error");
    engine(plugin);

    ParseException refused =
        catchThrowableOfType(ParseException.class, () -> deploy("warnings.bpmn"));

    assertThat(refused.getResorceReports().get(0).getErrors())
        .extracting(Problem::getMainElementId)
        .containsExactly("customerType");
  }

  @Test
  void offModeNeitherLintsNorLogs() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("off");
    engine(plugin);

    deploy("errors.bpmn");

    assertThat(log.linesContaining("camunda-checkup lint")).isEmpty();
  }

  @Test
  void onlyTheProcessesTheEngineDeploysAreLinted() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    engine(plugin);

    Deployment deployment = deploy("not-executable.bpmn");

    assertThat(
            plugin
                .getLintResults()
                .forDeployment(deployment.getId())
                .orElseThrow()
                .get(0)
                .findings())
        .extracting(Finding::processId)
        .doesNotContain("sketch");
  }

  @Test
  void aFailingRuleNeverBlocksADeployment() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("strict");
    plugin.addRule(new ExplodingRule());
    engine(plugin);

    Deployment deployment = deploy("warnings.bpmn");

    assertThat(deployment.getId()).isNotNull();
    assertThat(log.linesContaining("rule exploding failed on resource 'models/warnings.bpmn'"))
        .hasSize(1);
    // the other rules still ran
    assertThat(log.linesContaining("[warn] cascaded-conditions:")).hasSize(1);
  }

  /**
   * The rules for what the engine refuses have nothing true to say of a model the engine has parsed
   * without a problem: they are not run on it (a deployment lints faster), nor when a stored model
   * is linted again (the engine deployed it), and where the engine refuses a model they run and
   * join its problem report.
   */
  @Test
  void theRulesForWhatTheEngineRefusesRunOnlyWhereTheEngineFoundAProblem() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode("strict");
    plugin.setLintResultsCacheSize("0"); // every read lints the stored model again
    plugin.addRule(new RefusedRule());
    engine(plugin);
    RefusedRule.runs.set(0);

    Deployment deployment = deploy("warnings.bpmn");
    assertThat(RefusedRule.runs).hasValue(0);
    assertThat(log.linesContaining("refused-rule")).isEmpty();
    List<Finding> stored =
        plugin.getLintResults().forDeployment(deployment.getId()).orElseThrow().get(0).findings();
    assertThat(stored).extracting(Finding::ruleId).contains("cascaded-conditions");
    assertThat(stored).extracting(Finding::ruleId).doesNotContain("refused-rule");
    assertThat(RefusedRule.runs).hasValue(0);

    assertThat(refusalOf("rules/task-implementation/invalid.bpmn"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("[refused-rule] the engine refuses this");
    assertThat(RefusedRule.runs).hasValue(1);
  }

  @Test
  void aBrokenConfigurationStopsTheEngineWithAClearMessage() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintRules("model-sise=error");

    ProcessEngineException e;
    List<String> errors;
    try (LogCapture plugins = LogCapture.of("io.checkup")) {
      e = catchThrowableOfType(ProcessEngineException.class, () -> engine(plugin));
      errors =
          plugins.events().stream()
              .filter(event -> event.getLevel() == Level.ERROR)
              .map(ILoggingEvent::getFormattedMessage)
              .toList();
    }

    // a line of its own in the log, where Spring Boot buries the exception's message as a cause
    assertThat(errors)
        .singleElement()
        .asString()
        .startsWith("camunda-checkup: invalid configuration: lintRules")
        .contains("unknown rule 'model-sise'")
        .endsWith("does not start");
    assertThat(e)
        .hasMessageContaining("camunda-checkup: invalid configuration")
        // named as a plain engine and as Spring Boot set it
        .hasMessageContaining(
            "lintRules (checkup.lint.rules.<rule-id>): unknown rule 'model-sise'"
                + " (did you mean model-size?); known rules: ");
  }

  /** A rule for what the engine refuses, counting its runs. */
  @RuleInfo(
      id = "refused-rule",
      severity = Severity.ERROR,
      category = RuleInfo.Category.CAMUNDA,
      engineRefuses = true,
      summary = "Reports what the engine refuses.")
  static final class RefusedRule implements Rule {
    static final java.util.concurrent.atomic.AtomicInteger runs =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void check(BpmnGraph graph, RuleContext context) {
      runs.incrementAndGet();
      context.report(graph.processes().get(0), "the engine refuses this");
    }
  }

  /** A rule that always throws, standing in for a bug in a rule. */
  @RuleInfo(
      id = "exploding",
      severity = Severity.ERROR,
      category = RuleInfo.Category.CAMUNDA,
      summary = "Throws.")
  static final class ExplodingRule implements Rule {
    @Override
    public void check(BpmnGraph graph, RuleContext context) {
      throw new IllegalStateException("boom");
    }
  }
}
