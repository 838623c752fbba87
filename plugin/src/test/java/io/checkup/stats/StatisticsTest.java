package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.TestEngines;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Known traffic in, exact counts out: per tenant, process key, element, flow, assignee and hour.
 */
class StatisticsTest {

  private ProcessEngine engine;
  private CheckupProcessEnginePlugin checkup;

  @AfterEach
  void close() {
    ClockUtil.reset();
    if (engine != null) {
      engine.close();
    }
  }

  private Statistics start(String history) {
    checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h"); // the tests flush themselves
    engine = TestEngines.h2().history(history).plugin(checkup).build();
    Traffic.deploy(engine, "acme", "stats-routing.bpmn", "stats-failing.bpmn", "stats-race.bpmn");
    Traffic.deploy(engine, null, "stats-routing.bpmn");
    return checkup.getStatistics();
  }

  private static StatsQuery acme(Statistics statistics, Metric metric) {
    return statistics.query().tenant("acme").metric(metric);
  }

  @Test
  void exactCountsPerTenantProcessElementFlowAndAssignee() {
    Statistics statistics = start(ProcessEngineConfiguration.HISTORY_FULL);
    Traffic.route(engine, "acme", 6, "anna", "anna", "anna", "bert");
    Traffic.fail(engine, "acme");
    Traffic.route(engine, null, 2, "carl");

    assertThat(statistics.flushNow()).isTrue();

    assertThat(acme(statistics, Metric.INSTANCE_STARTED).sumByProcessKey())
        .containsExactlyInAnyOrderEntriesOf(Map.of("routing", 10L, "failing", 1L));
    assertThat(acme(statistics, Metric.INSTANCE_COMPLETED).processKey("routing").sum())
        .isEqualTo(10);
    assertThat(acme(statistics, Metric.INSTANCE_COMPLETED).processKey("failing").sum()).isZero();
    assertThat(acme(statistics, Metric.FLOW_TAKEN).processKey("routing").sumByDimension())
        .containsExactlyInAnyOrderEntriesOf(Map.of("toA", 6L, "toB", 4L, "toEnd", 10L));
    assertThat(acme(statistics, Metric.ACTIVITY_ENDED).processKey("routing").sumByDimension())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("start", 10L, "route", 10L, "doA", 6L, "approve", 4L, "join", 10L, "end", 10L));
    assertThat(acme(statistics, Metric.TASK_CREATED).sum()).isEqualTo(4);
    assertThat(acme(statistics, Metric.TASK_ASSIGNED).sumByDimension())
        .containsExactlyInAnyOrderEntriesOf(Map.of("anna", 3L, "bert", 1L));
    assertThat(acme(statistics, Metric.TASK_ASSIGNED).distinctDimensions())
        .containsExactlyInAnyOrder("anna", "bert");
    assertThat(acme(statistics, Metric.INCIDENT_CREATED).sumByDimension())
        .containsExactlyInAnyOrderEntriesOf(Map.of("broken", 1L));
    // the tenant-less part is counted apart
    assertThat(statistics.query().tenant(null).metric(Metric.INSTANCE_STARTED).sum()).isEqualTo(3);
    Map<String, Long> byTenant = new HashMap<>();
    byTenant.put("acme", 11L);
    byTenant.put(null, 3L);
    assertThat(statistics.query().metric(Metric.INSTANCE_STARTED).sumByTenant())
        .containsExactlyInAnyOrderEntriesOf(byTenant);
    assertThat(statistics.query().metric(Metric.INSTANCE_STARTED).sum()).isEqualTo(14);
  }

  @Test
  void everyAssignmentCountsForItsAssigneeWhateverTheOrder() {
    Statistics statistics = start(ProcessEngineConfiguration.HISTORY_NONE);
    // assigned at creation, the assignee changing from one task to the next and back
    Traffic.route(engine, "acme", 0, "anna", "bert", "anna", "bert", "carl", "anna");
    // assigned again while the task is open: to another, to nobody (not an assignment), by a claim
    String instance =
        Traffic.start(engine, "acme", "routing")
            .setVariables(Map.of("path", "b", "approver", "dora"))
            .execute()
            .getId();
    TaskService tasks = engine.getTaskService();
    String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    tasks.setAssignee(task, "erik");
    tasks.setAssignee(task, null);
    tasks.claim(task, "anna");
    tasks.complete(task);

    statistics.flushNow();

    assertThat(acme(statistics, Metric.TASK_ASSIGNED).sumByDimension())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("anna", 4L, "bert", 2L, "carl", 1L, "dora", 1L, "erik", 1L));
    assertThat(statistics.query().tenant(null).metric(Metric.TASK_ASSIGNED).sum()).isZero();
  }

  @Test
  void historyLevelNoneCountsTheSame() {
    Statistics statistics = start(ProcessEngineConfiguration.HISTORY_NONE);
    Traffic.route(engine, "acme", 3, "anna");
    Traffic.fail(engine, "acme");

    statistics.flushNow();

    assertThat(acme(statistics, Metric.INSTANCE_STARTED).sum()).isEqualTo(5);
    assertThat(acme(statistics, Metric.FLOW_TAKEN).dimension("toA").sum()).isEqualTo(3);
    assertThat(acme(statistics, Metric.TASK_ASSIGNED).dimension("anna").sum()).isEqualTo(1);
    assertThat(acme(statistics, Metric.INCIDENT_CREATED).sum()).isEqualTo(1);
  }

  @Test
  void theWinningEventOfAnEventBasedGatewayCountsAsItsBranch() {
    Statistics statistics = start(ProcessEngineConfiguration.HISTORY_FULL);
    for (int i = 0; i < 3; i++) {
      Traffic.start(engine, "acme", "race").execute();
    }
    engine.getRuntimeService().createMessageCorrelation("paid").tenantId("acme").correlateAll();

    statistics.flushNow();

    assertThat(acme(statistics, Metric.FLOW_TAKEN).processKey("race").sumByDimension())
        .containsExactlyInAnyOrderEntriesOf(Map.of("toPaid", 3L));
    assertThat(acme(statistics, Metric.INSTANCE_COMPLETED).processKey("race").sum()).isEqualTo(3);
  }

  @Test
  void aRolledBackTransactionCountsNothing() {
    Statistics statistics = start(ProcessEngineConfiguration.HISTORY_FULL);
    try {
      // the missing approver variable fails the start: the whole transaction rolls back
      Traffic.start(engine, "acme", "routing").setVariable("path", "b").execute();
    } catch (RuntimeException expected) {
      // no instance
    }
    Traffic.route(engine, "acme", 1);

    statistics.flushNow();

    assertThat(acme(statistics, Metric.INSTANCE_STARTED).sum()).isEqualTo(1);
    assertThat(acme(statistics, Metric.FLOW_TAKEN).dimension("toB").sum()).isZero();
  }

  @Test
  void cancelledInstancesAreCountedApart() {
    Statistics statistics = start(ProcessEngineConfiguration.HISTORY_FULL);
    String instance =
        Traffic.start(engine, "acme", "routing")
            .setVariables(Map.of("path", "b", "approver", "x"))
            .execute()
            .getId();
    engine.getRuntimeService().deleteProcessInstance(instance, "test");

    statistics.flushNow();

    assertThat(acme(statistics, Metric.INSTANCE_CANCELLED).sum()).isEqualTo(1);
    assertThat(acme(statistics, Metric.INSTANCE_COMPLETED).sum()).isZero();
  }

  @Test
  void aFailureWhileCountingNeverReachesTheProcessInstance() {
    Statistics statistics = start(ProcessEngineConfiguration.HISTORY_FULL);
    statistics.collector().injectFault(new IllegalStateException("counting broke"));

    Traffic.route(engine, "acme", 2, "anna");

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().completed().count())
        .isEqualTo(3);
    assertThat(statistics.countingFailures()).isGreaterThan(0);
    statistics.collector().injectFault(null);
  }

  @Test
  void windowsSelectHours() {
    Statistics statistics = start(ProcessEngineConfiguration.HISTORY_FULL);
    // the counts' hour and the windows' now on the same side of an hour's end
    Instant now = Traffic.holdClockMidHour();
    Traffic.route(engine, "acme", 2);
    statistics.flushNow();

    assertThat(
            acme(statistics, Metric.INSTANCE_STARTED)
                .between(now.minusSeconds(3600), now.plusSeconds(3600))
                .sum())
        .isEqualTo(2);
    assertThat(
            acme(statistics, Metric.INSTANCE_STARTED)
                .between(now.plusSeconds(3600), now.plusSeconds(7200))
                .sum())
        .isZero();
    assertThat(acme(statistics, Metric.INSTANCE_STARTED).sumByDay()).hasSize(1).containsValue(2L);
  }
}
