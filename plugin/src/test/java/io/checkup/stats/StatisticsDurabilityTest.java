package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.SwitchableDataSource;
import io.checkup.testing.TestEngines;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost: under concurrency, while the database is away, across a restart, through the
 * roll-up.
 */
class StatisticsDurabilityTest {

  private final List<ProcessEngine> engines = new ArrayList<>();

  @AfterEach
  void close() {
    ClockUtil.reset();
    engines.forEach(ProcessEngine::close);
  }

  private ProcessEngine engine(TestEngines builder, CheckupProcessEnginePlugin checkup) {
    ProcessEngine engine = builder.plugin(checkup).build();
    engines.add(engine);
    return engine;
  }

  private static CheckupProcessEnginePlugin checkup() {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    return checkup;
  }

  @Test
  void eightThreadsStartingInstancesAtOnceGiveExactTotals() throws Exception {
    CheckupProcessEnginePlugin checkup = checkup();
    ProcessEngine engine = engine(TestEngines.h2(), checkup);
    Traffic.deploy(engine, "acme", "stats-routing.bpmn");

    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      done.add(threads.submit(() -> Traffic.route(engine, "acme", 40, "anna", "bert")));
    }
    for (Future<?> future : done) {
      future.get(2, TimeUnit.MINUTES);
    }
    threads.shutdown();
    checkup.getStatistics().flushNow();

    Statistics statistics = checkup.getStatistics();
    assertThat(statistics.query().tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
        .isEqualTo(8 * 42);
    assertThat(statistics.query().tenant("acme").metric(Metric.FLOW_TAKEN).dimension("toA").sum())
        .isEqualTo(8 * 40);
    assertThat(
            statistics.query().tenant("acme").metric(Metric.TASK_ASSIGNED).dimension("anna").sum())
        .isEqualTo(8);
    assertThat(
            statistics.query().tenant("acme").metric(Metric.ACTIVITY_ENDED).dimension("end").sum())
        .isEqualTo(8 * 42);
  }

  @Test
  void countsWaitInMemoryWhileTheDatabaseIsAwayAndGoOutWhenItIsBack() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:outage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SwitchableDataSource database = new SwitchableDataSource(h2);
    CheckupProcessEnginePlugin checkup = checkup();
    ProcessEngine engine = engine(TestEngines.h2().dataSource(database), checkup);
    Traffic.deploy(engine, "acme", "stats-routing.bpmn");
    Traffic.route(engine, "acme", 5, "anna");

    database.down();
    Statistics statistics = checkup.getStatistics();
    assertThat(statistics.flushNow()).isFalse();
    assertThat(statistics.pendingRows()).isPositive();
    database.up();
    Traffic.route(engine, "acme", 2);

    assertThat(statistics.flushNow()).isTrue();
    assertThat(statistics.pendingRows()).isZero();
    assertThat(statistics.query().tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
        .isEqualTo(8);
    assertThat(statistics.query().tenant("acme").metric(Metric.FLOW_TAKEN).dimension("toA").sum())
        .isEqualTo(7);
  }

  @Test
  void pastTheBoundTheOldestHourIsSummarisedNotDropped() throws Exception {
    CheckupProcessEnginePlugin checkup = checkup();
    checkup.setStatsMaxPendingRows(100);
    ProcessEngine engine = engine(TestEngines.h2(), checkup);
    Traffic.deploy(engine, "acme", "stats-routing.bpmn");
    Statistics statistics = checkup.getStatistics();

    // the statistics cannot be written (their table is gone) while the engine goes on working
    execute("alter table CHECKUP_STAT rename to CHECKUP_STAT_AWAY");
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    for (int hour = 0;
        hour < 20;
        hour++) { // 20 hours of traffic with about a dozen rows each: over 100 rows
      ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(hour))));
      Traffic.route(engine, "acme", 1, "user" + hour);
      assertThat(statistics.flushNow()).isFalse();
    }
    ClockUtil.reset();

    assertThat(statistics.pendingRows()).isLessThanOrEqualTo(100);
    execute("alter table CHECKUP_STAT_AWAY rename to CHECKUP_STAT");
    assertThat(statistics.flushNow()).isTrue();
    // every count is still there: the summarised hours kept their totals under the tenant "*"
    assertThat(statistics.query().metric(Metric.INSTANCE_STARTED).sum()).isEqualTo(40);
    assertThat(statistics.query().metric(Metric.TASK_ASSIGNED).sum()).isEqualTo(20);
    assertThat(statistics.query().tenant("*").metric(Metric.INSTANCE_STARTED).sum()).isPositive();
    assertThat(statistics.query().tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
        .isLessThan(40);
  }

  @Test
  void aRestartLosesNothing() {
    String database = "restart-" + UUID.randomUUID();
    CheckupProcessEnginePlugin first = checkup();
    ProcessEngine engine =
        first.isStatsEnabled() ? TestEngines.h2Shared(database).plugin(first).build() : null;
    Traffic.deploy(engine, "acme", "stats-routing.bpmn");
    Traffic.route(engine, "acme", 3, "anna");
    engine.close(); // no flush by hand: closing the engine writes what is left

    CheckupProcessEnginePlugin second = checkup();
    ProcessEngine restarted = engine(TestEngines.h2Shared(database), second);
    Traffic.route(restarted, "acme", 1);
    second.getStatistics().flushNow();

    assertThat(second.getStatistics().query().tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
        .isEqualTo(5);
    assertThat(second.getStatistics().query().tenant("acme").metric(Metric.TASK_ASSIGNED).sum())
        .isEqualTo(1);
  }

  @Test
  void closingAnEngineWithoutMetricsWritesWhatIsLeftAndStopsThePluginsThreads() {
    // with the engine's metrics off there is no metrics reporter for the close to stop; the counts
    // were left in memory and the threads running until the JVM's exit
    String database = "metrics-off-" + UUID.randomUUID();
    CheckupProcessEnginePlugin first = checkup();
    first.setStatsNodeId("metrics-off-first");
    ProcessEngine engine = TestEngines.h2Shared(database).metrics(false).plugin(first).build();
    Traffic.deploy(engine, "acme", "stats-routing.bpmn");
    Traffic.route(engine, "acme", 3, "anna");
    engine.close();

    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .noneMatch(name -> name.contains("metrics-off-first"));
    CheckupProcessEnginePlugin second = checkup();
    ProcessEngine restarted =
        engine(TestEngines.h2Shared(database).metrics(false).name("second"), second);
    Traffic.route(restarted, "acme", 1);
    second.getStatistics().flushNow();

    assertThat(second.getStatistics().query().tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
        .isEqualTo(5);
    assertThat(second.getStatistics().query().tenant("acme").metric(Metric.TASK_ASSIGNED).sum())
        .isEqualTo(1);
  }

  @Test
  void maintenanceKeepsDaysDropsOldHoursAndKeepsTotalsThenRetentionDeletes() throws Exception {
    CheckupProcessEnginePlugin checkup = checkup();
    ProcessEngine engine = engine(TestEngines.h2(), checkup);
    Traffic.deploy(engine, "acme", "stats-routing.bpmn");
    Statistics statistics = checkup.getStatistics();
    Instant now = Instant.now();
    // traffic 20 days ago over three hours, 200 days ago, and now
    for (int hour = 0; hour < 3; hour++) {
      ClockUtil.setCurrentTime(
          Date.from(now.minus(Duration.ofDays(20)).plus(Duration.ofHours(hour))));
      Traffic.route(engine, "acme", 2, "anna");
    }
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(200))));
    Traffic.route(engine, "acme", 4);
    ClockUtil.reset();
    Traffic.route(engine, "acme", 1);
    statistics.flushNow();
    long before =
        statistics
            .query()
            .tenant("acme")
            .metric(Metric.INSTANCE_STARTED)
            .between(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(1)))
            .sum();
    assertThat(before).isEqualTo(3 * 3 + 1);
    assertThat(rows("H")).isPositive();

    statistics.maintainNow();

    assertThat(
            statistics
                .query()
                .tenant("acme")
                .metric(Metric.INSTANCE_STARTED)
                .between(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(1)))
                .sum())
        .isEqualTo(before);
    assertThat(
            statistics.query().tenant("acme").metric(Metric.TASK_ASSIGNED).dimension("anna").sum())
        .isEqualTo(3);
    assertThat(rowsOlderThan(now.minus(Duration.ofDays(14)), "D"))
        .as("daily rows for the day 20 days ago")
        .isPositive();
    assertThat(rowsOlderThan(now.minus(Duration.ofDays(14)), "H"))
        .as("no hourly rows past 14 days")
        .isZero();
    // 200 days ago is past the 180 days of retention
    assertThat(
            statistics
                .query()
                .tenant("acme")
                .metric(Metric.INSTANCE_STARTED)
                .between(now.minus(Duration.ofDays(365)), now.minus(Duration.ofDays(100)))
                .sum())
        .isZero();
    // a second run, as another node would do it, changes nothing
    statistics.maintainNow();
    assertThat(
            statistics
                .query()
                .tenant("acme")
                .metric(Metric.INSTANCE_STARTED)
                .between(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(1)))
                .sum())
        .isEqualTo(before);
  }

  private long rows(String period) throws Exception {
    return count("select count(*) from CHECKUP_STAT where PERIOD_ = '" + period + "'");
  }

  private long rowsOlderThan(Instant instant, String period) throws Exception {
    return count(
        "select count(*) from CHECKUP_STAT where PERIOD_ = '"
            + period
            + "' and PERIOD_START_ < "
            + instant.toEpochMilli());
  }

  private void execute(String sql) throws Exception {
    DataSource dataSource =
        ((ProcessEngineConfigurationImpl) engines.get(0).getProcessEngineConfiguration())
            .getDataSource();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private long count(String sql) throws Exception {
    DataSource dataSource =
        ((ProcessEngineConfigurationImpl) engines.get(0).getProcessEngineConfiguration())
            .getDataSource();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
