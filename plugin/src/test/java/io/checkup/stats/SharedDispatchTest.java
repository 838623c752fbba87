package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
  void activitiesAndProcessStartsGetNoListenerStepOfTheirOwn() {
    ProcessEngine without = engine(null, true);
    ProcessEngine with = engine(new CheckupProcessEnginePlugin(), true);

    assertThat(listenerSteps(with)).isEqualTo(listenerSteps(without)).containsEntry("end", 1);
    // a process's end has no engine listener to ride in: the one step counting adds per instance
    assertThat(processEndSteps(with)).isEqualTo(processEndSteps(without) + 1);
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

  @Test
  void everyEventIsCountedWithTheEngineMetricsAndHistoryOnOrOff() {
    for (String setting : List.of("metrics none", "none", "metrics full", "full")) {
      CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
      ProcessEngine engine =
          engine(checkup, setting.startsWith("metrics"), setting.replace("metrics ", ""));
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
    }
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
    String id =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("routing")
            .singleResult()
            .getId();
    return (ProcessDefinitionEntity)
        ((RepositoryServiceImpl) engine.getRepositoryService()).getDeployedProcessDefinition(id);
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
