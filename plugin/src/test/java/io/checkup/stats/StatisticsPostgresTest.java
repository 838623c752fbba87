package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.TestDatabases;
import io.checkup.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statistics on PostgreSQL, as production runs them, including a two-node cluster: two engines
 * in one JVM on one database, each running instances at the same time; every node writes its own
 * rows and the totals are exact. Each test has a schema of its own on the local server. Run by
 * .ci/run (-Dcheckup.test.postgres=true).
 */
class StatisticsPostgresTest {

  private String schema;
  private final List<ProcessEngine> engines = new ArrayList<>();

  @BeforeEach
  void schema() {
    TestDatabases.requirePostgres();
    schema = TestDatabases.newPostgresSchema();
  }

  @AfterEach
  void drop() {
    ClockUtil.reset();
    engines.forEach(ProcessEngine::close);
    if (schema != null) {
      TestDatabases.dropPostgresSchema(schema);
    }
  }

  private ProcessEngine node(String name, CheckupProcessEnginePlugin checkup) {
    checkup.setStatsFlushInterval("1h");
    checkup.setStatsNodeId(name);
    ProcessEngineConfigurationImpl configuration =
        TestEngines.postgres(schema).name(name).plugin(checkup).configuration();
    // as in a real cluster (and Camunda's Spring Boot default): the database id generator's blocks
    // collide between
    // nodes under load, which Camunda answers with an OptimisticLockingException to the caller
    configuration.setIdGenerator(new StrongUuidGenerator());
    ProcessEngine engine = configuration.buildProcessEngine();
    engines.add(engine);
    return engine;
  }

  @Test
  void exactCountsOnPostgres() {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    ProcessEngine engine = node("single", checkup);
    // traffic that straddled midnight would count on two days
    Traffic.holdClockMidHour();
    Traffic.deploy(engine, "acme", "stats-routing.bpmn", "stats-failing.bpmn");
    Traffic.route(engine, "acme", 6, "anna", "anna", "bert");
    Traffic.fail(engine, "acme");

    Statistics statistics = checkup.getStatistics();
    assertThat(statistics.flushNow()).isTrue();

    assertThat(statistics.query().tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
        .isEqualTo(10);
    assertThat(
            statistics
                .query()
                .tenant("acme")
                .metric(Metric.FLOW_TAKEN)
                .processKey("routing")
                .sumByDimension())
        .containsEntry("toA", 6L)
        .containsEntry("toB", 3L)
        .containsEntry("toEnd", 9L)
        .doesNotContainKey("toNever");
    assertThat(statistics.query().tenant("acme").metric(Metric.TASK_ASSIGNED).distinctDimensions())
        .containsExactlyInAnyOrder("anna", "bert");
    assertThat(statistics.query().tenant("acme").metric(Metric.INCIDENT_CREATED).sum())
        .isEqualTo(1);
    assertThat(statistics.query().tenant("acme").metric(Metric.INSTANCE_STARTED).sumByDay())
        .hasSize(1);
  }

  @Test
  void twoNodesOnOneDatabaseRunningAtOnceGiveExactTotals() throws Exception {
    CheckupProcessEnginePlugin first = new CheckupProcessEnginePlugin();
    CheckupProcessEnginePlugin second = new CheckupProcessEnginePlugin();
    ProcessEngine nodeA = node("node-a", first);
    ProcessEngine nodeB = node("node-b", second);
    Traffic.deploy(nodeA, "acme", "stats-routing.bpmn");

    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      done.add(threads.submit(() -> Traffic.route(nodeA, "acme", 30, "anna")));
      done.add(threads.submit(() -> Traffic.route(nodeB, "acme", 20, "bert", "bert")));
    }
    for (Future<?> future : done) {
      future.get(3, TimeUnit.MINUTES);
    }
    threads.shutdown();
    assertThat(first.getStatistics().flushNow()).isTrue();
    assertThat(second.getStatistics().flushNow()).isTrue();
    // both nodes' background roll-ups at once must not double anything
    first.getStatistics().maintainNow();
    second.getStatistics().maintainNow();

    StatsQuery started =
        first.getStatistics().query().tenant("acme").metric(Metric.INSTANCE_STARTED);
    assertThat(started.sum()).isEqualTo(2 * 31 + 2 * 22);
    assertThat(
            second
                .getStatistics()
                .query()
                .tenant("acme")
                .metric(Metric.TASK_ASSIGNED)
                .sumByDimension())
        .containsEntry("anna", 2L)
        .containsEntry("bert", 4L);
    assertThat(TestDatabasesRows.nodes(schema)).containsExactlyInAnyOrder("node-a", "node-b");
  }

  @Test
  void aRestartOnPostgresLosesNothing() {
    CheckupProcessEnginePlugin first = new CheckupProcessEnginePlugin();
    ProcessEngine engine = node("before", first);
    Traffic.deploy(engine, "acme", "stats-routing.bpmn");
    Traffic.route(engine, "acme", 3, "anna");
    engine.close();
    engines.remove(engine);

    CheckupProcessEnginePlugin second = new CheckupProcessEnginePlugin();
    ProcessEngine restarted = node("after", second);
    Traffic.route(restarted, "acme", 2);
    second.getStatistics().flushNow();

    assertThat(second.getStatistics().query().tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
        .isEqualTo(6);
  }
}
