package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.TestEngines;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process instance's end counts once, as completed or as cancelled, however it ends: where the
 * engine's session removes the instance's execution ({@link ProcessEnds}) and, with another
 * plugin's session for executions, in a listener on the process's end; both give the same counts.
 */
class ProcessEndsTest {

  private static final String SESSION = "the execution session";
  private static final String LISTENER = "a listener (another plugin's execution session)";

  private ProcessEngine engine;
  private CheckupProcessEnginePlugin checkup;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  /** Another plugin's manager of executions, made by a factory of its own. */
  static final class OtherExecutions implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return ExecutionManager.class;
    }

    @Override
    public Session openSession() {
      return new ExecutionManager() {};
    }
  }

  /** What a process's end listener does: fails while the instance says so. */
  public static final class Ending {
    public void check(boolean fail) {
      if (fail) {
        throw new IllegalStateException("the end listener fails");
      }
    }
  }

  private void start(String counting, String history) {
    checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h"); // the test flushes itself
    ProcessEngineConfigurationImpl configuration =
        TestEngines.h2().history(history).plugin(checkup).configuration();
    if (counting.equals(LISTENER)) {
      configuration.setCustomSessionFactories(List.of(new OtherExecutions()));
    }
    configuration.setBeans(Map.of("ending", new Ending()));
    engine = configuration.buildProcessEngine();
    deploy(plain(), caller(), terminating());
  }

  private Deployment deploy(BpmnModelInstance... models) {
    var deployment = engine.getRepositoryService().createDeployment().tenantId("acme");
    for (BpmnModelInstance model : models) {
      deployment.addModelInstance(
          model.getModelElementsByType(Process.class).iterator().next().getId() + ".bpmn", model);
    }
    return deployment.deploy();
  }

  /** A user task; the end listener fails while the variable {@code fail} is true. */
  private static BpmnModelInstance plain() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("plain")
            .camundaHistoryTimeToLive(1)
            .startEvent("start")
            .userTask("wait")
            .endEvent("end")
            .done();
    CamundaExecutionListener listener = model.newInstance(CamundaExecutionListener.class);
    listener.setCamundaEvent(ExecutionListener.EVENTNAME_END);
    listener.setCamundaExpression("${ending.check(execution.getVariable('fail') == true)}");
    ExtensionElements extensions = model.newInstance(ExtensionElements.class);
    extensions.addChildElement(listener);
    model.<Process>getModelElementById("plain").setExtensionElements(extensions);
    return model;
  }

  /** Calls {@code plain}, then ends. */
  private static BpmnModelInstance caller() {
    return Bpmn.createExecutableProcess("caller")
        .camundaHistoryTimeToLive(1)
        .startEvent("start")
        .callActivity("call")
        .calledElement("plain") // in the caller's tenant
        .endEvent("end")
        .done();
  }

  /** A parallel split: one branch waits, the other ends the whole instance at once. */
  private static BpmnModelInstance terminating() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("terminating")
            .camundaHistoryTimeToLive(1)
            .startEvent("start")
            .parallelGateway("split")
            .userTask("slow")
            .endEvent("slowEnd")
            .moveToNode("split")
            .endEvent("stop")
            .done();
    EndEvent stop = model.getModelElementById("stop");
    stop.getEventDefinitions().add(model.newInstance(TerminateEventDefinition.class));
    return model;
  }

  private ProcessInstance run(String key) {
    return engine
        .getRuntimeService()
        .createProcessInstanceByKey(key)
        .processDefinitionTenantId("acme")
        .execute();
  }

  private void completeTask(String processInstanceId) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    engine.getTaskService().complete(task.getId());
  }

  private Map<String, Long> counted(Metric metric) {
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    Map<String, Long> perKey = new TreeMap<>();
    for (String key : List.of("plain", "caller", "terminating")) {
      long sum =
          checkup.getStatistics().query().tenant("acme").processKey(key).metric(metric).sum();
      if (sum > 0) {
        perKey.put(key, sum);
      }
    }
    return perKey;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SESSION, LISTENER})
  void everyEndCountsOnceAsCompletedOrCancelled(String counting) {
    start(counting, "none");

    // completed: a task done, a terminate end event beside a waiting branch, a called instance
    // and its caller
    completeTask(run("plain").getId());
    run("terminating");
    ProcessInstance caller = run("caller");
    completeTask(
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .superProcessInstanceId(caller.getId())
            .singleResult()
            .getId());
    // cancelled: deleted, deleted with the instance it calls, cancelled activity by activity
    engine.getRuntimeService().deleteProcessInstance(run("plain").getId(), "deleted");
    engine.getRuntimeService().deleteProcessInstance(run("caller").getId(), "deleted with child");
    String modified = run("plain").getId();
    engine
        .getRuntimeService()
        .createProcessInstanceModification(modified)
        .cancelAllForActivity("wait")
        .execute();
    // a failing end listener rolls the whole command back: nothing ends, nothing counts
    String failing =
        engine
            .getRuntimeService()
            .createProcessInstanceByKey("plain")
            .processDefinitionTenantId("acme")
            .setVariable("fail", true)
            .execute()
            .getId();
    assertThatThrownBy(() -> completeTask(failing)).hasMessageContaining("the end listener fails");
    // ... until it is deleted without custom listeners; its deployment goes with a waiting one
    engine.getRuntimeService().deleteProcessInstance(failing, "given up", true);
    String another = deploy(plain()).getId();
    run("plain");
    engine.getRepositoryService().deleteDeployment(another, true);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(counted(Metric.INSTANCE_COMPLETED))
        .as(counting)
        .containsExactlyInAnyOrderEntriesOf(Map.of("plain", 2L, "terminating", 1L, "caller", 1L));
    assertThat(counted(Metric.INSTANCE_CANCELLED))
        .as(counting)
        .containsExactlyInAnyOrderEntriesOf(Map.of("plain", 5L, "caller", 1L));
    assertThat(checkup.getStatistics().countingFailures()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SESSION, LISTENER})
  void theProcessEndGetsAListenerStepOnlyWithoutTheSession(String counting) {
    start(counting, "none");

    ProcessDefinitionEntity plain = Traffic.definition(engine, "plain");
    // the model's own end listener, and the statistics' where they cannot count in the session
    assertThat(plain.getListeners(ExecutionListener.EVENTNAME_END))
        .hasSize(counting.equals(SESSION) ? 1 : 2);
    assertThat(plain.getProperty(ProcessEnds.PROPERTY) != null).isEqualTo(counting.equals(SESSION));
  }
}
