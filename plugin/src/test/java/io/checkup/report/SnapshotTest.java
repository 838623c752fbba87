package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.stats.Metric;
import io.checkup.stats.StatKey;
import io.checkup.stats.UtcPeriods;
import io.checkup.testing.Models;
import io.checkup.testing.TestEngines;
import io.checkup.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daily snapshots: written once per UTC day and cluster, back-filled with the numbers a report
 * of that day gave, kept for the retention, caught up after an outage, and the trends read from
 * them. Subclassed for PostgreSQL and MariaDB.
 */
class SnapshotTest {

  static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");

  protected final List<ProcessEngine> engines = new ArrayList<>();

  /** A new engine on the test's database (a node of the cluster, when called again). */
  protected TestEngines database() {
    return shared;
  }

  private final TestEngines shared = TestEngines.h2Shared("snapshots-" + System.nanoTime());

  @AfterEach
  void close() {
    ClockUtil.reset();
    engines.forEach(ProcessEngine::close);
  }

  private CheckupProcessEnginePlugin node(String name, String retention) {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    checkup.setStatsNodeId(name);
    if (retention != null) {
      checkup.setReportHistoryRetention(retention);
    }
    ProcessEngineConfigurationImpl configuration =
        database().again().name(name).plugin(checkup).configuration();
    configuration.setIdGenerator(new StrongUuidGenerator());
    engines.add(configuration.buildProcessEngine());
    return checkup;
  }

  private ProcessEngine engine(int index) {
    return engines.get(index);
  }

  private static void clock(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private static Instant day(int daysAgo, int hour) {
    return NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
        .minus(Duration.ofDays(daysAgo))
        .plus(Duration.ofHours(hour));
  }

  private static Instant endOfDay(int daysAgo) {
    return day(daysAgo - 1, 0).minusMillis(1);
  }

  private void deploy(ProcessEngine engine) {
    if (engine.getIdentityService().createTenantQuery().tenantId("acme").count() == 0) {
      engine.getIdentityService().saveTenant(engine.getIdentityService().newTenant("acme"));
    }
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addModelInstance(
            "request.bpmn",
            Bpmn.createExecutableProcess("request")
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .userTask("handle")
                .camundaCandidateGroups("staff")
                .endEvent()
                .done())
        .deploy();
  }

  private void launch(ProcessEngine engine, int times, boolean complete) {
    for (int i = 0; i < times; i++) {
      String instance =
          engine
              .getRuntimeService()
              .createProcessInstanceByKey("request")
              .processDefinitionTenantId("acme")
              .execute()
              .getId();
      Task task =
          engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
      if (complete) {
        engine.getTaskService().complete(task.getId());
      }
    }
  }

  private static Snapshot snapshot(List<Snapshot> history, int daysAgo) {
    LocalDate day = LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC).minusDays(daysAgo);
    return history.stream().filter(s -> s.day().equals(day)).findFirst().orElseThrow();
  }

  @Test
  void aBackFilledDayHasTheNumbersTheReportOfThatDayGave() {
    CheckupProcessEnginePlugin checkup = node("one", null);
    ProcessEngine engine = engine(0);
    clock(day(10, 9));
    deploy(engine);
    // counted since long before that day's windows: they are judged, not n/a
    clock(day(40, 9));
    launch(engine, 1, true);
    clock(day(3, 9));
    launch(engine, 5, true);
    launch(engine, 1, false);
    Task open = engine.getTaskService().createTaskQuery().active().list().get(0);
    engine.getTaskService().setDueDate(open.getId(), Date.from(day(3, 11)));
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    // the report as a partner read it at the end of that day
    clock(endOfDay(3));
    Report thatDay = checkup.getReport().generate(ReportScope.of(List.of("acme")));
    // what happened since: more launches, a new model version, more overdue work
    clock(day(2, 9));
    launch(engine, 3, false);
    engine
        .getTaskService()
        .setDueDate(
            engine.getTaskService().createTaskQuery().active().list().get(1).getId(),
            Date.from(day(2, 10)));
    deploy(engine);
    clock(day(1, 9));
    launch(engine, 2, true);
    assertThat(checkup.getStatistics().flushNow()).isTrue();

    clock(NOW);
    List<LocalDate> written = checkup.getReport().writeSnapshots();

    assertThat(written)
        .contains(LocalDate.ofInstant(day(3, 0), java.time.ZoneOffset.UTC))
        .last()
        .isEqualTo(LocalDate.ofInstant(day(1, 0), java.time.ZoneOffset.UTC));
    Snapshot backFilled = snapshot(checkup.getReport().history("acme", 30), 3);
    Report.TenantReport expected = thatDay.tenants().get(0);
    assertThat(backFilled.score()).isEqualTo(expected.score());
    assertThat(backFilled.riskLevel()).isEqualTo(expected.riskLevel());
    for (Report.IndicatorResult indicator : expected.indicators()) {
      Snapshot.Value value = backFilled.indicators().get(indicator.id());
      assertThat(value.status()).as(indicator.id()).isEqualTo(indicator.status());
      assertThat(value.value() == null ? null : value.value().doubleValue())
          .as(indicator.id())
          .isEqualTo(indicator.value() == null ? null : indicator.value().doubleValue());
    }
    // the day's own numbers, which the later traffic must not have touched
    assertThat(backFilled.indicators().get("launches.7d").value().longValue()).isEqualTo(6);
    assertThat(backFilled.indicators().get("tasks.overdue").value().longValue()).isEqualTo(1);
  }

  /**
   * A day older than the roll-up age (14 days) back-filled (first start with older statistics, or a
   * node down for weeks): its hourly rows are rolled up and gone, and its snapshot still has the
   * numbers the report of that day gave, from the daily rows.
   */
  @Test
  void aBackFilledDayOlderThanTheHourlyRowsHasTheNumbersOfThatDay() throws Exception {
    CheckupProcessEnginePlugin checkup = node("one", null);
    ProcessEngine engine = engine(0);
    clock(day(30, 9));
    deploy(engine);
    clock(day(27, 9));
    launch(engine, 2, true);
    clock(day(20, 9));
    launch(engine, 5, true);
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    clock(endOfDay(20));
    Report thatDay = checkup.getReport().generate(ReportScope.of(List.of("acme")));
    Report.TenantReport expected = thatDay.tenants().get(0);

    clock(NOW);
    checkup.getStatistics().maintainNow(); // the hours of 20 days ago are rolled up into days
    checkup.getReport().writeSnapshots();

    Snapshot backFilled = snapshot(checkup.getReport().history("acme", 60), 20);
    for (Report.IndicatorResult indicator : expected.indicators()) {
      Snapshot.Value value = backFilled.indicators().get(indicator.id());
      assertThat(value.value() == null ? null : value.value().doubleValue())
          .as(indicator.id())
          .isEqualTo(indicator.value() == null ? null : indicator.value().doubleValue());
    }
    assertThat(backFilled.score()).isEqualTo(expected.score());
    // the elements those 5 instances ran that day
    assertThat(backFilled.indicators().get("actions.24h").value().longValue()).isPositive();
    // the 168 hours to the end of that day: the 5 of that day, not the 2 of seven days before it
    assertThat(backFilled.indicators().get("launches.7d").value().longValue()).isEqualTo(5);
  }

  @Test
  void twoNodesWritingTheSameDayAtOnceWriteItOnce() throws Exception {
    CheckupProcessEnginePlugin one = node("one", null);
    CheckupProcessEnginePlugin two = node("two", null);
    clock(day(5, 9));
    deploy(engine(0));
    launch(engine(0), 4, true);
    assertThat(one.getStatistics().flushNow()).isTrue();
    clock(NOW);

    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<List<LocalDate>> first = CompletableFuture.supplyAsync(() -> await(go, one));
    CompletableFuture<List<LocalDate>> second = CompletableFuture.supplyAsync(() -> await(go, two));
    go.countDown();
    List<LocalDate> byOne = first.get(60, TimeUnit.SECONDS);
    List<LocalDate> byTwo = second.get(60, TimeUnit.SECONDS);

    // every day from the first with statistics to yesterday, each by exactly one of them
    List<LocalDate> all = new ArrayList<>(byOne);
    all.addAll(byTwo);
    assertThat(all).doesNotHaveDuplicates().hasSize(5);
    assertThat(one.getReport().history("acme", 30)).hasSize(5);
    // and asked again, nobody writes anything
    assertThat(one.getReport().writeSnapshots()).isEmpty();
    assertThat(two.getReport().writeSnapshots()).isEmpty();
  }

  private static List<LocalDate> await(CountDownLatch go, CheckupProcessEnginePlugin node) {
    try {
      go.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ClockUtil.setCurrentTime(Date.from(NOW));
    return node.getReport().writeSnapshots();
  }

  /**
   * A new installation has no day behind it: a snapshot of yesterday made of no counts at all would
   * put every tenant at risk since a day the engine did not yet run.
   */
  @Test
  void aNewInstallationWritesNoSnapshotOfADayBeforeItsStatistics() {
    CheckupProcessEnginePlugin checkup = node("one", null);
    clock(NOW);
    deploy(engine(0));
    launch(engine(0), 2, true);
    assertThat(checkup.getStatistics().flushNow()).isTrue();

    assertThat(checkup.getReport().writeSnapshots()).isEmpty();
    assertThat(checkup.getReport().history("acme", 60)).isEmpty();

    // the next day, once settled, the first day with statistics is written
    clock(day(-1, 9));
    assertThat(checkup.getReport().writeSnapshots())
        .containsExactly(LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC));
  }

  /**
   * A client created today, with no deployment yet, has had no time for a week's work: judged on
   * its windows at once, it was at risk (and alerted on) within a minute of its creation. Its age
   * comes from the daily snapshots, from when the first that holds it was written: a day
   * back-filled after its creation holds it too, but says nothing of its age on that day.
   */
  @Test
  void aTenantWithoutDeploymentsIsJudgedOnAWindowOnceTheSnapshotsHaveHeldItThatLong() {
    CheckupProcessEnginePlugin checkup = node("one", null);
    clock(day(40, 9));
    deploy(engine(0));
    launch(engine(0), 1, true);
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    clock(day(3, 9));
    engine(0).getIdentityService().saveTenant(engine(0).getIdentityService().newTenant("newco"));

    Report.TenantReport created = tenant(checkup.getReport().generate(ReportScope.all()), "newco");
    assertThat(value(created, "launches.7d").status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(value(created, "actions.24h").explanation())
        .contains(
            "n/a: the tenant is new: nothing is deployed to it and no daily snapshot holds it "
                + "yet; this indicator looks at the last 24 hours.");
    assertThat(created.riskLevel()).isEqualTo(RiskLevel.HEALTHY);

    // the days back-filled now hold it, written now: it is known from now on, not from 40 days ago
    checkup.getReport().writeSnapshots();
    assertThat(checkup.getReport().history("newco", 60)).hasSizeGreaterThan(30);
    Report.TenantReport backFilled =
        tenant(checkup.getReport().generate(ReportScope.all()), "newco");
    assertThat(value(backFilled, "actions.24h").status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(backFilled.riskLevel()).isEqualTo(RiskLevel.HEALTHY);

    // two days and a half later the last 24 hours are judged, the 7 days not yet; the count so far
    // is shown
    clock(NOW);
    checkup.getReport().writeSnapshots();
    Report.TenantReport days = tenant(checkup.getReport().generate(ReportScope.all()), "newco");
    assertThat(value(days, "actions.24h").status()).isEqualTo(Status.OUT_OF_NORM);
    assertThat(value(days, "launches.7d").value()).isEqualTo(0L);
    assertThat(value(days, "launches.7d").explanation())
        .contains(
            "n/a: the tenant is known since "
                + day(3, 9)
                + " (when the first daily snapshot that holds it was written), less than the last 7"
                + " days this indicator looks at; it is judged from "
                + day(-4, 9)
                + " on.");

    clock(day(-4, 10));
    checkup.getReport().writeSnapshots();
    Report.TenantReport week = tenant(checkup.getReport().generate(ReportScope.all()), "newco");
    assertThat(value(week, "launches.7d").status()).isEqualTo(Status.OUT_OF_NORM);
    assertThat(value(week, "users.digitized-30d").status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  private static Report.IndicatorResult value(Report.TenantReport tenant, String id) {
    return tenant.indicators().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aNodeDownForThreeDaysCatchesUpAndOldSnapshotsGo() {
    CheckupProcessEnginePlugin checkup = node("one", "10d");
    clock(day(20, 9));
    deploy(engine(0));
    launch(engine(0), 2, true);
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    // the last round before the outage: early on the day three days ago, once the day before had
    // settled (two flushes of an hour)
    clock(day(3, 3));
    List<LocalDate> before = checkup.getReport().writeSnapshots();
    assertThat(before).last().isEqualTo(LocalDate.ofInstant(day(4, 0), java.time.ZoneOffset.UTC));

    clock(NOW);
    List<LocalDate> after = checkup.getReport().writeSnapshots();

    assertThat(after)
        .containsExactly(
            LocalDate.ofInstant(day(3, 0), java.time.ZoneOffset.UTC),
            LocalDate.ofInstant(day(2, 0), java.time.ZoneOffset.UTC),
            LocalDate.ofInstant(day(1, 0), java.time.ZoneOffset.UTC));
    // kept: the 10 days of the retention, however far the statistics reach
    List<Snapshot> history = checkup.getReport().history("acme", 60);
    assertThat(history).hasSize(10);
    assertThat(history.get(0).day())
        .isEqualTo(LocalDate.ofInstant(day(10, 0), java.time.ZoneOffset.UTC));
  }

  /**
   * The job keeps the days from {@code today - retention}: a retention of zero, a negative one or
   * one under a day once started a node whose first round deleted every snapshot of the cluster.
   */
  @Test
  void aRetentionUnderADayStopsTheNodeAndEverySnapshotStays() {
    CheckupProcessEnginePlugin checkup = node("one", "10d");
    clock(day(20, 9));
    deploy(engine(0));
    launch(engine(0), 2, true);
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    clock(NOW);
    assertThat(checkup.getReport().writeSnapshots()).hasSize(10);

    for (String retention : List.of("0", "-5d", "12h", "PT-1H")) {
      assertThatThrownBy(() -> node("two", retention))
          .as(retention)
          .hasMessageContaining("camunda-checkup: invalid configuration")
          .hasMessageContaining(
              "reportHistoryRetention (checkup.report.history-retention): "
                  + Durations.format(Durations.parse(retention, "d"))
                  + " is shorter than one day (1d)");
    }

    assertThat(engines).hasSize(1);
    assertThat(checkup.getReport().history("acme", 60)).hasSize(10);
  }

  @Test
  void aLevelStartsTodayOnlyWhenNoEarlierSnapshotHasIt() {
    CheckupProcessEnginePlugin checkup = node("one", null);
    clock(day(10, 9));
    deploy(engine(0));
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    // written early yesterday: the snapshots up to the day before yesterday
    clock(day(1, 3));
    checkup.getReport().writeSnapshots();
    // a client deployed today has no snapshot at all
    clock(day(0, 0).plusSeconds(30));
    engine(0).getIdentityService().saveTenant(engine(0).getIdentityService().newTenant("newco"));
    engine(0)
        .getRepositoryService()
        .createDeployment()
        .tenantId("newco")
        .addModelInstance("p.bpmn", Models.startToEnd("p"))
        .deploy();

    // just after midnight: yesterday's snapshot is not written yet
    Report report = checkup.getReport().generate(ReportScope.all());
    List<Snapshot> history = checkup.getReport().history("acme", 30);
    Snapshot newest = history.get(history.size() - 1);
    String today = LocalDate.ofInstant(day(0, 0), java.time.ZoneOffset.UTC).toString();

    assertThat(newest.day()).isEqualTo(LocalDate.ofInstant(day(2, 0), java.time.ZoneOffset.UTC));
    Report.TenantReport acme = tenant(report, "acme");
    assertThat(acme.riskLevel()).isEqualTo(newest.riskLevel());
    assertThat(acme.levelSince()).isEqualTo(newest.levelSince().toString()).isNotEqualTo(today);
    Report.TenantReport newco = tenant(report, "newco");
    assertThat(newco.levelSince()).isEqualTo(today);
    assertThat(newco.history()).isEmpty();
    assertThat(newco.scoreChange7d()).isNull();
  }

  private static Report.TenantReport tenant(Report report, String tenantId) {
    return report.tenants().stream()
        .filter(tenant -> tenantId.equals(tenant.tenantId()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void trendsAndPreviousValuesComeFromTheSnapshots() throws Exception {
    CheckupProcessEnginePlugin checkup = node("one", null);
    clock(day(40, 9));
    deploy(engine(0));
    // a client slipping: 300 launches a day for a month, then 60 a day for the last 10 days
    Map<StatKey, Long> made = new HashMap<>();
    for (int daysAgo = 40; daysAgo >= 0; daysAgo--) {
      long period = UtcPeriods.hourStart(day(daysAgo, 10).toEpochMilli());
      made.put(
          new StatKey("acme", "request", Metric.INSTANCE_STARTED, "", period),
          daysAgo > 10 ? 300L : 60L);
    }
    checkup.getStatistics().backfill(made, "made-up");
    clock(NOW);
    checkup.getReport().writeSnapshots();

    Report report = checkup.getReport().generate(ReportScope.all());
    Report.TenantReport acme = report.tenants().get(0);
    List<Snapshot> history = checkup.getReport().history("acme", 40);
    Snapshot weekAgo = snapshot(history, 7);
    Snapshot monthAgo = snapshot(history, 30);

    assertThat(acme.scoreChange7d()).isEqualTo(acme.score() - weekAgo.score());
    assertThat(acme.scoreChange30d()).isEqualTo(acme.score() - monthAgo.score());
    assertThat(acme.history()).hasSize(30);
    assertThat(acme.history().get(0).date()).isEqualTo(snapshot(history, 30).day().toString());
    assertThat(acme.history().get(29).score()).isEqualTo(snapshot(history, 1).score());
    Report.IndicatorResult launches =
        acme.indicators().stream().filter(i -> i.id().equals("launches.7d")).findFirst().get();
    assertThat(launches.previousValue().longValue())
        .isEqualTo(weekAgo.indicators().get("launches.7d").value().longValue())
        // the 168 hours to the end of that day: four days of 60 and three of 300
        .isEqualTo(4 * 60L + 3 * 300L);
    // the client's use fell by far more than a fifth: the report says it is getting worse
    long now = launches.value().longValue();
    assertThat(acme.worsening())
        .contains(
            "launches in the last 7 days fell by "
                + Math.round((1140 - now) * 100.0 / 1140)
                + " % against the 7 days before (1,140 → "
                + now
                + ")");
    // the level's first day: the last change of level in the history, or its start
    LocalDate since = LocalDate.parse(acme.levelSince());
    assertThat(snapshot(history, 1).riskLevel()).isEqualTo(acme.riskLevel());
    for (Snapshot day : history) {
      if (!day.day().isBefore(since)) {
        assertThat(day.riskLevel()).as(day.day().toString()).isEqualTo(acme.riskLevel());
      }
    }
    assertThat(history.stream().filter(day -> day.day().equals(since.minusDays(1))))
        .allSatisfy(day -> assertThat(day.riskLevel()).isNotEqualTo(acme.riskLevel()));
  }

  @Test
  void aRelativeNormIsAPercentileOfYesterdaysSnapshotOfTheSizeClass() throws Exception {
    CheckupProcessEnginePlugin checkup = node("one", null);
    clock(day(20, 9));
    // ten clients of one size class (one user each: small), client i with 100 * (i + 1) launches
    // a day
    Map<StatKey, Long> made = new HashMap<>();
    engine(0).getIdentityService().saveUser(engine(0).getIdentityService().newUser("anna"));
    for (int i = 0; i < 10; i++) {
      String tenant = "client" + i;
      engine(0).getIdentityService().saveTenant(engine(0).getIdentityService().newTenant(tenant));
      engine(0).getIdentityService().createTenantUserMembership(tenant, "anna");
      engine(0)
          .getRepositoryService()
          .createDeployment()
          .tenantId(tenant)
          .addModelInstance(
              "request.bpmn",
              Bpmn.createExecutableProcess("request")
                  .camundaHistoryTimeToLive(30)
                  .startEvent()
                  .userTask("handle")
                  .endEvent()
                  .done())
          .deploy();
      for (int daysAgo = 20; daysAgo >= 0; daysAgo--) {
        long period = UtcPeriods.hourStart(day(daysAgo, 10).toEpochMilli());
        made.put(
            new StatKey(tenant, "request", Metric.INSTANCE_STARTED, "", period), 100L * (i + 1));
      }
    }
    checkup.getStatistics().backfill(made, "made-up");
    clock(NOW);
    checkup.getReport().writeSnapshots();
    ReportSettings.NormSettings lowestQuarter = new ReportSettings.NormSettings();
    lowestQuarter.setMinPercentile(25.0);
    ReportSettings settings = new ReportSettings();
    settings.setNorms(Map.of("launches.7d", lowestQuarter));
    checkup.getReport().config(ReportConfig.load(null, null, settings, "test"));

    Report report = checkup.getReport().generate(ReportScope.all());

    // yesterday's weekly launches: 700, 1,400, ... 7,000; the 25th percentile 700 + 2.25 * 700
    List<Double> yesterday = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Snapshot snapshot = snapshot(checkup.getReport().history("client" + i, 3), 1);
      assertThat(snapshot.sizeClass()).isEqualTo("small");
      yesterday.add(snapshot.indicators().get("launches.7d").value().doubleValue());
    }
    assertThat(yesterday)
        .containsExactly(
            700.0, 1400.0, 2100.0, 2800.0, 3500.0, 4200.0, 4900.0, 5600.0, 6300.0, 7000.0);
    double bound = 700 + 2.25 * 700;
    List<String> outOfNorm = new ArrayList<>();
    for (Report.TenantReport tenant : report.tenants()) {
      Report.IndicatorResult launches =
          tenant.indicators().stream().filter(i -> i.id().equals("launches.7d")).findFirst().get();
      assertThat(launches.norm().min().doubleValue()).isEqualTo(bound);
      if (launches.status() != Status.OK) {
        outOfNorm.add(tenant.tenantId());
      }
    }
    // below 2,275: the two lowest of ten, and the third (2,100) within the warning margin
    assertThat(outOfNorm).containsExactlyInAnyOrder("client0", "client1", "client2");
  }
}
