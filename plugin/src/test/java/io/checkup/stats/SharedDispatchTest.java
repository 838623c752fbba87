package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counting rides in the engine's own listener steps where the engine has them (its metrics, on by
 * default) and its history: as many listener steps per instance as without the plugin, the engine's
 * metrics as before, and every event still counted, with metrics and history on or off.
 */
class SharedDispatchTest {

  private final List<ProcessEngine> engines = new ArrayList<>();

  @AfterEach
  void close() {
    engines.forEach(ProcessEngine::close);
  }

  private ProcessEngine engine(CheckupProcessEnginePlugin checkup, boolean metrics) {
    return engine(checkup, metrics, "none");
  }

  /** An engine for a setting: "metrics" and a history level, or the history level alone. */
  private ProcessEngine engine(CheckupProcessEnginePlugin checkup, String setting) {
    return engine(checkup, setting.startsWith("metrics"), setting.replace("metrics ", ""));
  }

  private ProcessEngine engine(
      CheckupProcessEnginePlugin checkup, boolean metrics, String history) {
    TestEngines builder = TestEngines.h2().history(history).metrics(metrics);
    if (checkup != null) {
      checkup.setStatsFlushInterval("1h");
      builder.plugin(checkup);
    }
    ProcessEngine engine = builder.build();
    engines.add(engine);
    Traffic.deploy(engine, "acme", "stats-routing.bpmn");
    return engine;
  }

  @Test
  void activitiesAndProcessStartsAndEndsGetNoListenerStepOfTheirOwn() {
    ProcessEngine without = engine(null, true);
    ProcessEngine with = engine(new CheckupProcessEnginePlugin(), true);

    assertThat(listenerSteps(with)).isEqualTo(listenerSteps(without)).containsEntry("end", 1);
    // a process's end has no engine listener to ride in here: it counts where the engine removes
    // the instance's execution (ProcessEnds, ProcessEndsTest)
    assertThat(processEndSteps(with)).isEqualTo(processEndSteps(without)).isZero();
  }

  @Test
  void withHistoryEvenTheProcessEndRidesInTheEngineListeners() {
    ProcessEngine without = engine(null, true, "full");
    ProcessEngine with = engine(new CheckupProcessEnginePlugin(), true, "full");

    assertThat(listenerSteps(with)).isEqualTo(listenerSteps(without));
    assertThat(processEndSteps(with)).isEqualTo(processEndSteps(without)).isEqualTo(1);
  }

  @Test
  void theEngineMetricsCountAsWithoutThePlugin() {
    ProcessEngine without = engine(null, true);
    ProcessEngine with = engine(new CheckupProcessEnginePlugin(), true);
    for (ProcessEngine engine : engines) {
      Traffic.route(engine, "acme", 3, "anna", "bert");
    }

    Map<String, Long> expected = engineMetrics(without);
    assertThat(expected.get(Metrics.ACTIVTY_INSTANCE_END)).isEqualTo(5 * 5);
    assertThat(expected.get(Metrics.ROOT_PROCESS_INSTANCE_START)).isEqualTo(5);
    assertThat(engineMetrics(with)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"metrics none", "none", "metrics full", "full"})
  void everyEventIsCountedWithTheEngineMetricsAndHistoryOnOrOff(String setting) {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    ProcessEngine engine = engine(checkup, setting);
    Traffic.route(engine, "acme", 3, "anna", "bert");
    Statistics statistics = checkup.getStatistics();
    assertThat(statistics.flushNow()).isTrue();

    StatsQuery acme = statistics.query().tenant("acme").processKey("routing");
    assertThat(acme.metric(Metric.INSTANCE_STARTED).sum()).as(setting).isEqualTo(5);
    assertThat(acme.metric(Metric.INSTANCE_COMPLETED).sum()).isEqualTo(5);
    assertThat(acme.metric(Metric.ACTIVITY_ENDED).sumByDimension())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("start", 5L, "route", 5L, "doA", 3L, "approve", 2L, "join", 5L, "end", 5L));
    assertThat(acme.metric(Metric.FLOW_TAKEN).sumByDimension())
        .containsExactlyInAnyOrderEntriesOf(Map.of("toA", 3L, "toB", 2L, "toEnd", 5L));
    assertThat(acme.metric(Metric.TASK_CREATED).sumByDimension())
        .containsExactlyInAnyOrderEntriesOf(Map.of("approve", 2L));
  }

  @Test
  void userTasksCountTheTasksTheyCreateWithoutAListenerInvocation() {
    ProcessEngine without = engine(null, true);
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    ProcessEngine with = engine(checkup, true);
    ActivityImpl approve = routing(with).findActivity("approve");

    assertThat(createListeners(with)).isEqualTo(createListeners(without)).isZero();
    // the engine's own behaviour class: its migration accepts no other
    assertThat(approve.getActivityBehavior().getClass())
        .isEqualTo(routing(without).findActivity("approve").getActivityBehavior().getClass())
        .isEqualTo(UserTaskActivityBehavior.class);

    // in a multi-instance sub-process too: one count per task
    with.getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addModelInstance("reviews.bpmn", REVIEWS)
        .deploy();
    Traffic.start(with, "acme", "reviews")
        .setVariable("reviewers", List.of("a", "b", "c"))
        .execute();
    assertThat(with.getTaskService().createTaskQuery().count()).isEqualTo(3);
    assertThat(counts(checkup, "reviews", Metric.TASK_CREATED))
        .containsExactlyInAnyOrderEntriesOf(Map.of("review", 3L));
  }

  @Test
  void aUserTaskWaitingIsMigratedWithThePluginOn() {
    ProcessEngine engine = engine(new CheckupProcessEnginePlugin(), true);
    String instance =
        Traffic.start(engine, "acme", "routing")
            .setVariables(Map.of("path", "b", "approver", "anna"))
            .execute()
            .getId();
    Traffic.deploy(engine, "acme", "stats-routing.bpmn");
    List<String> versions =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("routing")
            .orderByProcessDefinitionVersion()
            .asc()
            .list()
            .stream()
            .map(definition -> definition.getId())
            .toList();

    engine
        .getRuntimeService()
        .newMigration(
            engine
                .getRuntimeService()
                .createMigrationPlan(versions.get(0), versions.get(1))
                .mapEqualActivities()
                .build())
        .processInstanceIds(instance)
        .execute();

    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(instance)
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(versions.get(1));
  }

  @Test
  void aUserTaskWithAnotherPluginsBehaviourCountsWithATaskListener() {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    ProcessEngine engine =
        TestEngines.h2()
            .history("none")
            .plugin(checkup)
            .plugin(
                new AbstractProcessEnginePlugin() {
                  @Override
                  public void preInit(ProcessEngineConfigurationImpl configuration) {
                    configuration
                        .getCustomPostBPMNParseListeners()
                        .add(
                            new AbstractBpmnParseListener() {
                              @Override
                              public void parseUserTask(
                                  Element element, ScopeImpl scope, ActivityImpl activity) {
                                UserTaskActivityBehavior engine =
                                    (UserTaskActivityBehavior) activity.getActivityBehavior();
                                activity.setActivityBehavior(
                                    new UserTaskActivityBehavior(engine.getTaskDecorator()) {});
                              }
                            });
                  }
                })
            .build();
    engines.add(engine);
    Traffic.deploy(engine, "acme", "stats-routing.bpmn");

    Traffic.route(engine, "acme", 1, "anna", "bert");

    assertThat(createListeners(engine)).isEqualTo(1);
    assertThat(counts(checkup, "routing", Metric.TASK_CREATED))
        .containsExactlyInAnyOrderEntriesOf(Map.of("approve", 2L));
  }

  /** Built-in listeners on the creation of the routing process's user task. */
  private static int createListeners(ProcessEngine engine) {
    List<?> listeners =
        routing(engine)
            .getTaskDefinitions()
            .get("approve")
            .getBuiltinTaskListeners()
            .get(TaskListener.EVENTNAME_CREATE);
    return listeners == null ? 0 : listeners.size();
  }

  /** A sub-process for each reviewer, with a user task in it. */
  private static final BpmnModelInstance REVIEWS =
      Bpmn.createExecutableProcess("reviews")
          .camundaHistoryTimeToLive(1)
          .startEvent()
          .subProcess("perReviewer")
          .multiInstance()
          .camundaCollection("${reviewers}")
          .camundaElementVariable("reviewer")
          .<SubProcessBuilder>multiInstanceDone()
          .embeddedSubProcess()
          .startEvent()
          .userTask("review")
          .camundaAssignee("${reviewer}")
          .endEvent()
          .subProcessDone()
          .endEvent()
          .done();

  @Test
  void flowsOutOfExclusiveGatewaysAndJoinsAreCountedAtTheGatewaysEndWithoutAStepOfTheirOwn() {
    ProcessEngine without = engine(null, true);
    ProcessEngine with = engine(new CheckupProcessEnginePlugin(), true);
    deployGateways(without);
    deployGateways(with);

    Map<String, Integer> expected = takeSteps(without, "gateways");
    assertThat(expected).containsEntry("chooseX", 0).containsEntry("laterEnd", 0);
    // the flows out of splits and out of the asynchronous gateway keep a listener on their take
    for (String flow : List.of("forkA", "forkB", "chooseX", "chooseY", "chooseZ", "laterEnd")) {
      expected.put(flow, 1);
    }
    assertThat(takeSteps(with, "gateways")).isEqualTo(expected);
    assertThat(takeSteps(with, "routing")).isEqualTo(takeSteps(without, "routing"));
  }

  @Test
  void aFlowOfASplitThatTheEngineNeverTakesIsNotCounted() {
    Run run =
        runOnce(
            "terminating",
            """
        <startEvent id="start"/>
        <sequenceFlow id="toSplit" sourceRef="start" targetRef="split"/>
        <parallelGateway id="split"/>
        <sequenceFlow id="toStop" sourceRef="split" targetRef="stop"/>
        <sequenceFlow id="toWork" sourceRef="split" targetRef="work"/>
        <endEvent id="stop"><terminateEventDefinition/></endEvent>
        <serviceTask id="work" camunda:expression="${true}"/>
        <sequenceFlow id="toEnd" sourceRef="work" targetRef="end"/>
        <endEvent id="end"/>
        """);

    // the first branch ends the instance before the engine takes the second flow
    Map<String, Long> ended = counts(run.checkup(), "terminating", Metric.ACTIVITY_ENDED);
    assertThat(ended).containsKey("stop").doesNotContainKey("work");
    assertThat(counts(run.checkup(), "terminating", Metric.FLOW_TAKEN))
        .containsExactlyInAnyOrderEntriesOf(Map.of("toStop", 1L));
  }

  /**
   * A variable set while the gateway is left (by its end listener, or by a condition with a side
   * effect) starts an interrupting conditional event sub-process before the engine takes the flow.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "an end listener",
        "a condition",
      })
  void aFlowAVariableKeepsTheEngineFromTakingIsNotCounted(String setter) {
    String setStop = "${execution.setVariable('stop', true) == null}";
    String gateway =
        setter.equals("an end listener")
            ? """
              <exclusiveGateway id="decide">
                <extensionElements>
                  <camunda:executionListener event="end" expression="%s"/>
                </extensionElements>
              </exclusiveGateway>
              <sequenceFlow id="onward" sourceRef="decide" targetRef="work"/>
              """
                .formatted(setStop)
            : """
              <exclusiveGateway id="decide"/>
              <sequenceFlow id="onward" sourceRef="decide" targetRef="work">
                <conditionExpression>%s</conditionExpression>
              </sequenceFlow>
              <sequenceFlow id="elsewhere" sourceRef="decide" targetRef="other">
                <conditionExpression>${false}</conditionExpression>
              </sequenceFlow>
              <endEvent id="other"/>
              """
                .formatted(setStop);
    assertFlowNotTaken(
        gateway
            + """
            <subProcess id="stopper" triggeredByEvent="true">
              <startEvent id="stopped" isInterrupting="true">
                <conditionalEventDefinition>
                  <condition>${execution.getVariable('stop') == true}</condition>
                </conditionalEventDefinition>
              </startEvent>
              <sequenceFlow id="toStopEnd" sourceRef="stopped" targetRef="stopEnd"/>
              <endEvent id="stopEnd"/>
            </subProcess>
            """);
  }

  @Test
  void aFlowWhoseTakeListenerThrowsABpmnErrorIsNotCounted() {
    assertFlowNotTaken(
        """
        <exclusiveGateway id="decide"/>
        <sequenceFlow id="onward" sourceRef="decide" targetRef="work">
          <extensionElements>
            <camunda:executionListener event="take" class="%s"/>
          </extensionElements>
        </sequenceFlow>
        <subProcess id="stopper" triggeredByEvent="true">
          <startEvent id="stopped" isInterrupting="true">
            <errorEventDefinition/>
          </startEvent>
          <sequenceFlow id="toStopEnd" sourceRef="stopped" targetRef="stopEnd"/>
          <endEvent id="stopEnd"/>
        </subProcess>
        """
            .formatted(Refuse.class.getName()));
  }

  /** A take listener that throws a BPMN error. */
  public static class Refuse implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      throw new BpmnError("refused");
    }
  }

  /**
   * Runs a process from its start through {@code gateway} (an element "decide" and its flow
   * "onward" to a user task "work") to something that ends at "stopEnd" instead: no task, and the
   * flow not counted as taken.
   */
  private void assertFlowNotTaken(String gateway) {
    Run run =
        runOnce(
            "interrupted",
            """
            <startEvent id="start"/>
            <sequenceFlow id="toDecide" sourceRef="start" targetRef="decide"/>
            <userTask id="work"/>
            <sequenceFlow id="toEnd" sourceRef="work" targetRef="end"/>
            <endEvent id="end"/>
            """
                + gateway);

    assertThat(run.engine().getTaskService().createTaskQuery().count()).isZero();
    assertThat(counts(run.checkup(), "interrupted", Metric.ACTIVITY_ENDED)).containsKey("stopEnd");
    assertThat(counts(run.checkup(), "interrupted", Metric.FLOW_TAKEN)).doesNotContainKey("onward");
  }

  /**
   * Builds an engine with the plugin (history none), deploys a process of tenant acme made of
   * {@code elements} and starts it once.
   */
  private Run runOnce(String key, String elements) {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    ProcessEngine engine = engine(checkup, "none");
    deploy(engine, key, elements);
    Traffic.start(engine, "acme", key).execute();
    return new Run(checkup, engine);
  }

  private record Run(CheckupProcessEnginePlugin checkup, ProcessEngine engine) {}

  /** Deploys a process of tenant acme made of {@code elements}. */
  private static void deploy(ProcessEngine engine, String key, String elements) {
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="urn:test">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
        %s
          </process>
        </definitions>
        """
            .formatted(key, elements);
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addString(key + ".bpmn", xml)
        .deploy();
  }

  /** Flushes, then acme's counts of {@code metric} for process {@code key} per dimension. */
  private static Map<String, Long> counts(
      CheckupProcessEnginePlugin checkup, String key, Metric metric) {
    Statistics statistics = checkup.getStatistics();
    assertThat(statistics.flushNow()).isTrue();
    return statistics.query().tenant("acme").processKey(key).metric(metric).sumByDimension();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"metrics none", "none", "metrics full", "full"})
  void gatewayFlowsAreCountedOncePerTakeAtSplitsJoinsAndAsynchronousGateways(String setting) {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    ProcessEngine engine = engine(checkup, setting);
    deployGateways(engine);
    for (int i = 0; i < 3; i++) {
      Traffic.start(engine, "acme", "gateways")
          .setVariables(Map.of("x", true, "y", true, "z", false))
          .execute();
    }
    for (int i = 0; i < 2; i++) {
      Traffic.start(engine, "acme", "gateways")
          .setVariables(Map.of("x", false, "y", false, "z", true))
          .execute();
    }
    // an operator's start on a join's flow is not counted as taken, on a split's flow it is
    Traffic.start(engine, "acme", "gateways").startTransition("mergeLater").execute();
    Traffic.start(engine, "acme", "gateways").startTransition("chooseX").execute();
    Statistics statistics = checkup.getStatistics();
    assertThat(statistics.flushNow()).isTrue();
    StatsQuery flows =
        statistics.query().tenant("acme").processKey("gateways").metric(Metric.FLOW_TAKEN);
    Map<String, Long> beforeJobs =
        Map.of(
            "forkA",
            5L,
            "forkB",
            5L,
            "joinChoose",
            5L,
            "chooseX",
            4L,
            "chooseY",
            3L,
            "chooseZ",
            2L,
            "mergeLater",
            6L);
    assertThat(flows.sumByDimension()).as(setting).containsExactlyInAnyOrderEntriesOf(beforeJobs);

    // the asynchronous gateway's flow is taken when its job runs, and counted then
    engine
        .getManagementService()
        .createJobQuery()
        .list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    assertThat(statistics.flushNow()).isTrue();
    Map<String, Long> afterJobs = new TreeMap<>(beforeJobs);
    afterJobs.put("laterEnd", 7L);
    assertThat(flows.sumByDimension()).as(setting).containsExactlyInAnyOrderEntriesOf(afterJobs);
    assertThat(
            statistics
                .query()
                .tenant("acme")
                .processKey("gateways")
                .metric(Metric.INSTANCE_COMPLETED)
                .sum())
        .isEqualTo(7);
  }

  /** Deploys {@link #GATEWAYS} for tenant acme. */
  private static void deployGateways(ProcessEngine engine) {
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addModelInstance("gateways.bpmn", GATEWAYS)
        .deploy();
  }

  /**
   * A parallel split and join, an inclusive split and merge, and an exclusive gateway that
   * continues asynchronously; flows named for their ends. Built once: the flows without an id here
   * get a random one, the same on every engine.
   */
  private static final BpmnModelInstance GATEWAYS =
      Bpmn.createExecutableProcess("gateways")
          .camundaHistoryTimeToLive(1)
          .startEvent("start")
          .parallelGateway("fork")
          .sequenceFlowId("forkA")
          .serviceTask("a")
          .camundaExpression("${true}")
          .parallelGateway("join")
          .moveToNode("fork")
          .sequenceFlowId("forkB")
          .serviceTask("b")
          .camundaExpression("${true}")
          .connectTo("join")
          .sequenceFlowId("joinChoose")
          .inclusiveGateway("choose")
          .sequenceFlowId("chooseX")
          .condition("x", "${x}")
          .serviceTask("x")
          .camundaExpression("${true}")
          .inclusiveGateway("merge")
          .moveToNode("choose")
          .sequenceFlowId("chooseY")
          .condition("y", "${y}")
          .serviceTask("y")
          .camundaExpression("${true}")
          .connectTo("merge")
          .moveToNode("choose")
          .sequenceFlowId("chooseZ")
          .condition("z", "${z}")
          .serviceTask("z")
          .camundaExpression("${true}")
          .connectTo("merge")
          .sequenceFlowId("mergeLater")
          .exclusiveGateway("later")
          .camundaAsyncAfter()
          .sequenceFlowId("laterEnd")
          .endEvent("end")
          .done();

  /** Listener steps on every flow's take. */
  private static Map<String, Integer> takeSteps(ProcessEngine engine, String key) {
    Map<String, Integer> steps = new TreeMap<>();
    for (ActivityImpl activity : Traffic.definition(engine, key).getActivities()) {
      for (PvmTransition flow : activity.getOutgoingTransitions()) {
        steps.put(
            flow.getId(),
            ((TransitionImpl) flow).getListeners(ExecutionListener.EVENTNAME_TAKE).size());
      }
    }
    return steps;
  }

  /** Listener steps on the process's start and on every activity's end. */
  private static Map<String, Integer> listenerSteps(ProcessEngine engine) {
    ProcessDefinitionEntity definition = routing(engine);
    Map<String, Integer> steps = new TreeMap<>();
    steps.put("process start", definition.getListeners(ExecutionListener.EVENTNAME_START).size());
    for (ActivityImpl activity : definition.getActivities()) {
      steps.put(activity.getId(), activity.getListeners(ExecutionListener.EVENTNAME_END).size());
    }
    return steps;
  }

  private static int processEndSteps(ProcessEngine engine) {
    return routing(engine).getListeners(ExecutionListener.EVENTNAME_END).size();
  }

  private static ProcessDefinitionEntity routing(ProcessEngine engine) {
    return Traffic.definition(engine, "routing");
  }

  private static Map<String, Long> engineMetrics(ProcessEngine engine) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDbMetricsReporter()
        .reportNow();
    Map<String, Long> metrics = new TreeMap<>();
    for (String name :
        List.of(
            Metrics.ACTIVTY_INSTANCE_START,
            Metrics.ACTIVTY_INSTANCE_END,
            Metrics.ROOT_PROCESS_INSTANCE_START)) {
      metrics.put(name, engine.getManagementService().createMetricsQuery().name(name).sum());
    }
    return metrics;
  }
}
