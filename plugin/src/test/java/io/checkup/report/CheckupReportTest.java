package io.checkup.report;

import static io.checkup.report.ReportAssertions.check;
import static io.checkup.report.ReportAssertions.field;
import static io.checkup.report.ReportAssertions.indicator;
import static io.checkup.report.ReportAssertions.json;
import static io.checkup.report.ReportAssertions.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.report.page.ReportPages;
import io.checkup.stats.Metric;
import io.checkup.stats.UtcPeriods;
import io.checkup.testing.Models;
import io.checkup.testing.TestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The report's numbers for known traffic ({@link ReportScenario}), as a client reads them from the
 * JSON: every indicator's value and status for four accounts, norms from defaults, size classes,
 * tenant overrides and the age rule, the details behind the values, the score, level, reasons and
 * the ordering by risk. Subclassed for PostgreSQL.
 */
class CheckupReportTest {

  protected final List<ProcessEngine> engines = new ArrayList<>();
  protected CheckupProcessEnginePlugin checkup;

  protected TestEngines engines() {
    return TestEngines.h2();
  }

  protected ProcessEngine engine(String reportConfig) {
    checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    checkup.setReportConfig(reportConfig);
    ProcessEngine engine = engines().plugin(checkup).build();
    engines.add(engine);
    return engine;
  }

  @AfterEach
  void close() {
    ClockUtil.reset();
    engines.forEach(ProcessEngine::close);
  }

  private JsonNode scenarioReport() throws Exception {
    ProcessEngine engine = engine(ReportScenario.CONFIG);
    new ReportScenario(engine).run();
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    return json(checkup.getReport().generate(ReportScope.all()));
  }

  @Test
  void ordersTenantsByRiskWithScoresLevelsAndReasons() throws Exception {
    JsonNode report = scenarioReport();
    assertThat(report.get("generatedAt").asText()).isEqualTo("2026-03-20T12:00:00Z");
    List<String> order = new ArrayList<>();
    List<Integer> scores = new ArrayList<>();
    for (JsonNode tenant : report.get("tenants")) {
      order.add(tenant.get("tenantId").isNull() ? "(default)" : tenant.get("tenantId").asText());
      scores.add(tenant.get("score").asInt());
    }
    // penalties: globex 6+15+25+10+3+2+15+8+5+5+2, the tenant-less part 25+10+15+3+2+15+8,
    // initech 3+2+2+2+1+1+1+15 (5 days old: its 7-day windows are not judged yet), acme 8+2+2+4+3
    assertThat(order).containsExactly("globex", "(default)", "initech", "acme");
    assertThat(scores).containsExactly(4, 22, 73, 81);
    assertThat(tenant(report, "initech").get("riskLevel").asText()).isEqualTo("attention");
    assertThat(tenant(report, "globex").get("riskLevel").asText()).isEqualTo("at-risk");
    assertThat(tenant(report, "acme").get("riskLevel").asText()).isEqualTo("healthy");
    assertThat(tenant(report, "acme").get("plan").asText()).isEqualTo("Gold");
    assertThat(tenant(report, "acme").get("reasons")).hasSize(3);
    assertThat(tenant(report, "acme").get("reasons").get(0).asText())
        .isEqualTo(
            "Users given work by processes in the last 30 days: 2 (norm at least 3 of the tenant's 4 users); "
                + "many users work outside the automated processes.");
    assertThat(tenant(report, "globex").get("reasons").get(0).asText())
        .isEqualTo(
            "Process launches in the last 7 days: 13 (norm 1,000 to 10,000); "
                + "the client may find manual work cheaper than automation.");
  }

  @Test
  void excludedTenantsAndTheTenantLessPartAreLeftOut() throws Exception {
    checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    checkup.setReportConfig(ReportScenario.CONFIG);
    checkup.setReportExcludeTenants("initech, nobody");
    checkup.setReportExcludeWithoutTenant(true);
    ProcessEngine engine = engines().plugin(checkup).build();
    engines.add(engine);
    new ReportScenario(engine).run();
    assertThat(checkup.getStatistics().flushNow()).isTrue();

    JsonNode report = json(checkup.getReport().generate(ReportScope.all()));
    List<String> tenants = new ArrayList<>();
    report.get("tenants").forEach(tenant -> tenants.add(tenant.get("tenantId").asText()));
    assertThat(tenants).containsExactly("globex", "acme");
    // asked for by name, an excluded tenant is not there either
    assertThat(checkup.getReport().generate(ReportScope.of(List.of("initech"))).tenants())
        .isEmpty();
    java.util.Set<String> tenantLess = new java.util.HashSet<>();
    tenantLess.add(null);
    assertThat(checkup.getReport().generate(ReportScope.of(tenantLess)).tenants()).isEmpty();
  }

  /**
   * A member of 'acme' asks: a tenant 'acme ' (deployment tenant ids are not checked by the engine)
   * is another tenant, though MariaDB's collation, which ignores trailing spaces, matches it in
   * SQL.
   */
  @Test
  void aTenantIdThatDiffersOnlyByTrailingSpacesIsAnotherTenant() throws Exception {
    ProcessEngine engine = engine(null);
    // deployed two days ago at noon UTC, and read on the evening of the next day: the deployment
    // day has settled by then and is the last day written, whatever the hour the test runs at
    LocalDate deployDay = UtcPeriods.date(System.currentTimeMillis()).minusDays(2);
    long deployed = UtcPeriods.startOf(deployDay) + 12 * 3_600_000L;
    long readAt = UtcPeriods.startOf(deployDay.plusDays(1)) + 23 * 3_600_000L;
    ClockUtil.setCurrentTime(new Date(deployed));
    for (String tenant : List.of("acme", "acme ")) {
      engine
          .getRepositoryService()
          .createDeployment()
          .tenantId(tenant)
          .addModelInstance("p.bpmn", Models.startToEnd("p"))
          .deploy();
    }
    ClockUtil.setCurrentTime(new Date(readAt));
    List<String> seen = new ArrayList<>();
    for (Report.TenantReport tenant :
        checkup.getReport().generate(ReportScope.of(List.of("acme"))).tenants()) {
      seen.add(tenant.tenantId());
    }
    assertThat(seen).containsExactly("acme");
    // and each has its own daily snapshot
    assertThat(checkup.getReport().writeSnapshots()).isNotEmpty();
    for (String tenant : List.of("acme", "acme ")) {
      assertThat(checkup.getReport().history(tenant, 2))
          .as("the snapshots of '%s'", tenant)
          .filteredOn(snapshot -> snapshot.day().equals(deployDay))
          .singleElement()
          .satisfies(snapshot -> assertThat(snapshot.tenantId()).isEqualTo(tenant));
    }
  }

  /**
   * A deadlock: both branches of an exclusive choice meet at a parallel join, which never fires.
   */
  private static org.camunda.bpm.model.bpmn.BpmnModelInstance deadlock() {
    return Bpmn.createExecutableProcess("deadlocked")
        .name("Deadlocked")
        .camundaHistoryTimeToLive(30)
        .startEvent()
        .exclusiveGateway("choice")
        .condition("small", "${small}")
        .serviceTask("quick")
        .camundaExpression("${true}")
        .parallelGateway("join")
        .endEvent()
        .moveToNode("choice")
        .condition("large", "${!small}")
        .serviceTask("slow")
        .camundaExpression("${true}")
        .connectTo("join")
        .done();
  }

  /**
   * An identity provider that keeps no memberships in the engine's tables (LDAP): nobody can tell a
   * tenant's users, so it gets the global norms and no per-user value, instead of counting as a
   * tenant of 0 users (the smallest size class, 'no users').
   */
  @Test
  void withoutAnyMembershipTheUsersAreUnknownNotZero() throws Exception {
    ProcessEngine engine = engine(null);
    for (String tenant : List.of("acme", "globex")) {
      engine.getIdentityService().saveTenant(engine.getIdentityService().newTenant(tenant));
      engine
          .getRepositoryService()
          .createDeployment()
          .tenantId(tenant)
          .addModelInstance("p.bpmn", Models.startToEnd("p"))
          .deploy();
    }

    JsonNode report = json(checkup.getReport().generate(ReportScope.all()));

    for (String tenant : List.of("acme", "globex")) {
      JsonNode facts = tenant(report, tenant);
      assertThat(facts.get("users").isNull()).as(tenant).isTrue();
      assertThat(facts.get("sizeClass").isNull()).as(tenant).isTrue();
      assertThat(indicator(facts, "launches.per-user-7d").get("status").asText()).isEqualTo("n/a");
    }
    // once one membership is kept there, the tables know the users: none is none
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser("anna"));
    engine.getIdentityService().createTenantUserMembership("acme", "anna");
    report = json(checkup.getReport().generate(ReportScope.all()));
    assertThat(tenant(report, "acme").get("users").asInt()).isEqualTo(1);
    assertThat(tenant(report, "globex").get("users").asInt()).isZero();
    assertThat(tenant(report, "globex").get("sizeClass").asText()).isEqualTo("small");
  }

  @Test
  void modelErrorsNameProcessElementAndRule() throws Exception {
    ProcessEngine engine = engine(null);
    engine.getIdentityService().saveTenant(engine.getIdentityService().newTenant("acme"));
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addModelInstance("deadlocked.bpmn", deadlock())
        .addModelInstance(
            "fine.bpmn",
            Bpmn.createExecutableProcess("fine")
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .userTask("work")
                .camundaCandidateGroups("staff")
                .endEvent()
                .done())
        .deploy();

    JsonNode acme = tenant(json(checkup.getReport().generate(ReportScope.all())), "acme");

    check(acme, "models.errors", 1, "out-of-norm");
    assertThat(field(indicator(acme, "models.errors").get("details"), "rule"))
        .containsExactly("deadlock");
    assertThat(field(indicator(acme, "models.errors").get("details"), "elementId"))
        .containsExactly("join");
    assertThat(field(indicator(acme, "models.errors").get("details"), "processName"))
        .containsExactly("Deadlocked");
  }

  @Test
  void anInstanceWaitingAtAJoinLongerThanTheThresholdIsStuck() throws Exception {
    ProcessEngine engine = engine(null);
    engine.getIdentityService().saveTenant(engine.getIdentityService().newTenant("acme"));
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addModelInstance("deadlocked.bpmn", deadlock())
        .deploy();
    java.time.Instant now = java.time.Instant.parse("2026-03-20T12:00:00Z");
    ClockUtil.setCurrentTime(java.util.Date.from(now.minus(java.time.Duration.ofDays(40))));
    String old =
        engine
            .getRuntimeService()
            .createProcessInstanceByKey("deadlocked")
            .processDefinitionTenantId("acme")
            .setVariable("small", true)
            .execute()
            .getId();
    ClockUtil.setCurrentTime(java.util.Date.from(now.minus(java.time.Duration.ofDays(2))));
    engine
        .getRuntimeService()
        .createProcessInstanceByKey("deadlocked")
        .processDefinitionTenantId("acme")
        .setVariable("small", false)
        .execute();
    ClockUtil.setCurrentTime(java.util.Date.from(now));

    JsonNode acme = tenant(json(checkup.getReport().generate(ReportScope.all())), "acme");

    // the one waiting for 40 days is stuck; the one waiting for 2 is not yet
    check(acme, "instances.stuck", 1, "out-of-norm");
    JsonNode stuck = indicator(acme, "instances.stuck").get("details").get(0);
    assertThat(stuck.get("processInstanceId").asText()).isEqualTo(old);
    assertThat(stuck.get("activityId").asText()).isEqualTo("join");
    assertThat(stuck.get("waitingFor").asText()).isEqualTo("join");
  }

  @Test
  void everyIndicatorOfTheHealthyTenant() throws Exception {
    JsonNode acme = tenant(scenarioReport(), "acme");
    assertThat(acme.get("tenantName").asText()).isEqualTo("ACME Corp");
    assertThat(acme.get("users").asInt()).isEqualTo(4);
    assertThat(acme.get("sizeClass").asText()).isEqualTo("small");
    assertThat(acme.get("ageDays").asInt()).isEqualTo(200);
    assertThat(acme.get("indicators")).hasSize(Indicator.values().length);

    check(acme, "models.last-change-days", 10, "ok");
    check(acme, "models.total", 2, "ok");
    check(acme, "processes.active-7d", 2, "ok");
    check(acme, "processes.unused-7d", 0, "ok");
    check(acme, "launches.7d", 13, "ok");
    check(acme, "launches.per-user-7d", 3.3, "ok");
    check(acme, "launches.trend", 150.0, "ok");
    check(acme, "elements.diversity", 8, "ok");
    check(acme, "elements.total", 18, "ok");
    check(acme, "users.digitized-30d", 2, "out-of-norm");
    check(acme, "tasks.per-user-7d", 2.0, "ok");
    check(acme, "gateways.conditions", 2, "ok");
    check(acme, "gateways.multi-branch", 1, "ok");
    check(acme, "gateways.cascades", 1, "out-of-norm");
    check(acme, "elements.fake", 1, "out-of-norm");
    check(acme, "capability.notifications", 1, "ok");
    check(acme, "capability.work-distribution", 1, "ok");
    check(acme, "capability.experiments", 0, "n/a");
    check(acme, "capability.sla-timers", 1, "ok");
    check(acme, "actions.24h", 29, "ok");
    check(acme, "incidents.open", 0, "ok");
    check(acme, "instances.stuck", 0, "ok");
    check(acme, "tasks.overdue", 1, "out-of-norm");
    check(acme, "tasks.unassigned-stale", 1, "out-of-norm");
    check(acme, "runtime.dead-branches-30d", 0, "ok");

    // the tenant's own norms replace the defaults; the age rule's bound applies (200 days old)
    assertThat(indicator(acme, "launches.7d").get("norm").toString())
        .isEqualTo("{\"min\":10,\"max\":100}");
    assertThat(indicator(acme, "models.total").get("norm").toString()).isEqualTo("{\"min\":2}");
    assertThat(indicator(acme, "users.digitized-30d").get("norm").toString())
        .isEqualTo("{\"min\":3}");
    assertThat(indicator(acme, "capability.experiments").get("explanation").asText())
        .contains("switched off for this tenant's size class");

    assertThat(field(indicator(acme, "users.digitized-30d").get("details"), "userId"))
        .containsExactly("carl", "dora");
    JsonNode cascade = indicator(acme, "gateways.cascades").get("details").get(0);
    assertThat(cascade.get("processKey").asText()).isEqualTo("support");
    assertThat(cascade.get("gatewayId").asText()).isEqualTo("urgent");
    assertThat(cascade.get("gateways").toString()).isEqualTo("[\"urgent\",\"vip\"]");
    assertThat(cascade.get("outcomes").asInt()).isEqualTo(3);
    JsonNode fake = indicator(acme, "elements.fake").get("details").get(0);
    assertThat(fake.get("elementId").asText()).isEqualTo("notUrgent");
    JsonNode overdue = indicator(acme, "tasks.overdue").get("details").get(0);
    assertThat(overdue.get("processKey").asText()).isEqualTo("sales");
    assertThat(overdue.get("assignee").asText()).isEqualTo("anna");
    assertThat(overdue.get("due").asText()).isEqualTo("2026-03-19T10:00:00Z");
    JsonNode unassigned = indicator(acme, "tasks.unassigned-stale").get("details").get(0);
    assertThat(unassigned.get("taskDefinitionKey").asText()).isEqualTo("call");
    assertThat(unassigned.get("created").asText()).isEqualTo("2026-03-15T10:00:00Z");

    JsonNode launches = acme.get("launches");
    assertThat(launches.get("from").asText()).isEqualTo("2026-02-21");
    assertThat(launches.get("perDay")).hasSize(28);
    assertThat(launches.get("perDay").get(27).asLong()).isEqualTo(8);
    assertThat(launches.get("perDay").get(24).asLong()).isEqualTo(4);
    assertThat(launches.get("perDay").get(22).asLong()).isEqualTo(1);
    assertThat(launches.get("perDay").get(7).asLong()).isEqualTo(6);
  }

  @Test
  void theAtRiskTenantWithItsElements() throws Exception {
    JsonNode globex = tenant(scenarioReport(), "globex");
    assertThat(globex.get("tenantName").asText()).isEqualTo(ReportScenario.HOSTILE_TENANT_NAME);
    assertThat(globex.get("ageDays").asInt()).isEqualTo(40);
    check(globex, "models.last-change-days", 40, "out-of-norm");
    // 3 processes, but the norm of 20 only applies from an age of 180 days
    check(globex, "models.total", 3, "n/a");
    assertThat(indicator(globex, "models.total").get("norm").toString()).isEqualTo("{}");
    check(globex, "processes.active-7d", 2, "out-of-norm");
    check(globex, "processes.unused-7d", 1, "ok");
    check(globex, "launches.7d", 13, "out-of-norm");
    check(globex, "launches.per-user-7d", 13.0, "out-of-norm");
    check(globex, "launches.trend", null, "n/a");
    check(globex, "elements.diversity", 7, "out-of-norm");
    check(globex, "elements.total", 14, "n/a");
    check(globex, "users.digitized-30d", 0, "out-of-norm");
    check(globex, "tasks.per-user-7d", null, "n/a");
    check(globex, "gateways.conditions", 0, "ok");
    assertThat(indicator(globex, "gateways.conditions").get("norm").toString())
        .isEqualTo("{\"max\":1000}");
    check(globex, "gateways.multi-branch", 1, "out-of-norm");
    check(globex, "actions.24h", 0, "out-of-norm");
    check(globex, "incidents.open", 1, "out-of-norm");
    check(globex, "instances.stuck", 1, "out-of-norm");
    check(globex, "tasks.overdue", 0, "ok");
    check(globex, "tasks.unassigned-stale", 0, "ok");
    check(globex, "runtime.dead-branches-30d", 2, "out-of-norm");

    JsonNode unused = indicator(globex, "processes.unused-7d").get("details").get(0);
    assertThat(unused.get("processKey").asText()).isEqualTo("hostile");
    assertThat(unused.get("processName").asText()).isEqualTo(ReportScenario.HOSTILE_PROCESS_NAME);
    assertThat(field(indicator(globex, "runtime.dead-branches-30d").get("details"), "flowId"))
        .containsExactlyInAnyOrder("toCall", "toMail");
    assertThat(
            indicator(globex, "runtime.dead-branches-30d")
                .get("details")
                .get(0)
                .get("gatewayRuns")
                .asLong())
        .isEqualTo(12);
    JsonNode incident = indicator(globex, "incidents.open").get("details").get(0);
    assertThat(incident.get("processKey").asText()).isEqualTo("failing");
    assertThat(incident.get("activityId").asText()).isEqualTo("broken");
    assertThat(incident.get("type").asText()).isEqualTo("failedJob");
    JsonNode stuck = indicator(globex, "instances.stuck").get("details").get(0);
    assertThat(stuck.get("activityId").asText()).isEqualTo("call");
    assertThat(stuck.get("waitingFor").asText()).isEqualTo("userTask");
    assertThat(stuck.get("since").asText()).isEqualTo("2026-02-08T10:00:00Z");
  }

  @Test
  void aTenantWithoutUsersAndTheTenantLessPart() throws Exception {
    JsonNode report = scenarioReport();
    JsonNode initech = tenant(report, "initech");
    assertThat(initech.get("tenantName").isNull()).isTrue();
    assertThat(initech.get("users").asInt()).isZero();
    // first deployed 5 days ago and never run: the tenant has not had its 7 days yet
    check(initech, "launches.7d", 0, "n/a");
    assertThat(indicator(initech, "launches.7d").get("explanation").asText())
        .contains(
            "n/a: the tenant is known since 2026-03-15T10:00:00Z (its first deployment), less "
                + "than the last 7 days this indicator looks at; it is judged from "
                + "2026-03-22T10:00:00Z on.");
    check(initech, "launches.per-user-7d", null, "n/a");
    check(initech, "users.digitized-30d", null, "n/a");
    check(initech, "processes.unused-7d", 0, "n/a");
    // the last 24 hours it has had
    check(initech, "actions.24h", 0, "out-of-norm");
    check(initech, "gateways.cascades", 1, "out-of-norm");
    check(initech, "capability.notifications", 0, "out-of-norm");

    JsonNode tenantLess = tenant(report, null);
    assertThat(tenantLess.get("tenantName").asText()).isEqualTo("(default)");
    assertThat(tenantLess.get("users").asInt()).isEqualTo(1);
    check(tenantLess, "launches.7d", 2, "out-of-norm");
    check(tenantLess, "launches.per-user-7d", 2.0, "out-of-norm");
    check(tenantLess, "actions.24h", 6, "out-of-norm");
    check(tenantLess, "models.last-change-days", 3, "ok");
    assertThat(field(indicator(tenantLess, "users.digitized-30d").get("details"), "userId"))
        .containsExactly("olga");
  }

  @Test
  void aScopeOfChosenTenantsReadsOnlyThose() throws Exception {
    ProcessEngine engine = engine(ReportScenario.CONFIG);
    new ReportScenario(engine).run();
    checkup.getStatistics().flushNow();
    JsonNode report = json(checkup.getReport().generate(ReportScope.of(List.of("acme"))));
    assertThat(report.get("tenants")).hasSize(1);
    check(tenant(report, "acme"), "launches.7d", 13, "ok");
    check(tenant(report, "acme"), "actions.24h", 29, "ok");
    JsonNode both =
        json(checkup.getReport().generate(ReportScope.of(Arrays.asList("globex", null))));
    assertThat(both.get("tenants")).hasSize(2);
    check(tenant(both, null), "launches.7d", 2, "out-of-norm");
    check(tenant(both, "globex"), "incidents.open", 1, "out-of-norm");
    assertThat(json(checkup.getReport().generate(ReportScope.of(List.of("nobody")))).get("tenants"))
        .isEmpty();
  }

  /**
   * A partner's user who is a member of thousands of tenants: the report's statement that names the
   * scope's tenants five times passed the drivers' 65,535 parameters at 13,108 tenants and failed;
   * such a scope is read as all tenants and cut, and answers as the report over all does.
   */
  @Test
  void aScopeOfThousandsOfTenantsAnswersAsTheReportOverAllTenants() throws Exception {
    ProcessEngine engine = engine(ReportScenario.CONFIG);
    new ReportScenario(engine).run();
    checkup.getStatistics().flushNow();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> scope = new ArrayList<>(Arrays.asList("acme", "globex", null));
    try (Connection connection = configuration.getDataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into "
                    + configuration.getDatabaseTablePrefix()
                    + "ACT_ID_TENANT (ID_, REV_, NAME_) values (?, 1, ?)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < 14_000; i++) {
        insert.setString(1, "client-" + i);
        insert.setString(2, "Client " + i);
        insert.addBatch();
        scope.add("client-" + i);
      }
      insert.executeBatch();
      connection.commit();
    }

    Report many = checkup.getReport().generate(ReportScope.of(scope));
    Report all = checkup.getReport().generate(ReportScope.all());
    assertThat(many.tenants()).hasSize(14_003);
    for (String tenantId : Arrays.asList("acme", "globex", null, "client-7")) {
      assertThat(json(many.only(ReportScope.of(Collections.singleton(tenantId)))))
          .isEqualTo(json(all.only(ReportScope.of(Collections.singleton(tenantId)))));
    }
  }

  @Test
  void countsThatArriveLateForAClosedDayOrHourReachTheNextReport() throws Exception {
    ProcessEngine engine = engine(null);
    salesDeployedLongAgo(engine);
    countedSinceLongAgo(engine);
    Instant now = ReportScenario.NOW;
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(3))));
    engine
        .getRuntimeService()
        .createProcessInstanceByKey("sales")
        .processDefinitionTenantId("acme")
        .setVariables(Map.of("route", "skip"))
        .execute();
    ClockUtil.setCurrentTime(Date.from(now));
    checkup.getStatistics().flushNow();
    JsonNode first = tenant(json(checkup.getReport().generate(ReportScope.all())), "acme");
    check(first, "launches.7d", 1, "out-of-norm");
    check(first, "actions.24h", 0, "out-of-norm");

    // a node that was cut off from the database writes the counts of 4 days and 2 hours ago only
    // now
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(4))));
    engine
        .getRuntimeService()
        .createProcessInstanceByKey("sales")
        .processDefinitionTenantId("acme")
        .setVariables(Map.of("route", "skip"))
        .execute();
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofHours(2))));
    engine
        .getRuntimeService()
        .createProcessInstanceByKey("sales")
        .processDefinitionTenantId("acme")
        .setVariables(Map.of("route", "skip"))
        .execute();
    ClockUtil.setCurrentTime(Date.from(now));
    checkup.getStatistics().flushNow();
    JsonNode second = tenant(json(checkup.getReport().generate(ReportScope.all())), "acme");
    check(second, "launches.7d", 3, "out-of-norm");
    check(second, "actions.24h", 3, "out-of-norm");
    assertThat(second.get("launches").get("perDay").get(23).asInt()).isEqualTo(1);
    assertThat(second.get("launches").get("perDay").get(24).asInt()).isEqualTo(1);
  }

  @Test
  void todaysEarlierHoursAreKeptYetALateFlushIntoThemIsCounted() throws Exception {
    ProcessEngine engine = engine(null);
    salesDeployedLongAgo(engine);
    countedSinceLongAgo(engine);
    Instant midnight = ReportScenario.NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    launchAt(engine, midnight.plus(Duration.ofMinutes(90)));
    ClockUtil.setCurrentTime(Date.from(midnight.plus(Duration.ofHours(5))));
    checkup.getStatistics().flushNow();
    JsonNode first = tenant(json(checkup.getReport().generate(ReportScope.all())), "acme");
    assertThat(first.get("launches").get("perDay").get(27).asInt()).isEqualTo(1);
    check(first, "launches.7d", 1, "out-of-norm");

    // a node cut off since 02:00 flushes its launch of 02:30 at 05:00, into an hour the report
    // keeps; one more launch at 04:30 lands in the hour read live
    launchAt(engine, midnight.plus(Duration.ofMinutes(150)));
    launchAt(engine, midnight.plus(Duration.ofMinutes(270)));
    ClockUtil.setCurrentTime(Date.from(midnight.plus(Duration.ofHours(5))));
    checkup.getStatistics().flushNow();
    JsonNode second = tenant(json(checkup.getReport().generate(ReportScope.all())), "acme");
    assertThat(second.get("launches").get("perDay").get(27).asInt()).isEqualTo(3);
    check(second, "launches.7d", 3, "out-of-norm");

    // two hours later the report slides its kept hours forward and still counts all three
    ClockUtil.setCurrentTime(Date.from(midnight.plus(Duration.ofHours(7))));
    JsonNode later = tenant(json(checkup.getReport().generate(ReportScope.all())), "acme");
    assertThat(later.get("launches").get("perDay").get(27).asInt()).isEqualTo(3);
    check(later, "launches.7d", 3, "out-of-norm");
    // each run of the skip route takes three actions
    check(later, "actions.24h", 9, "out-of-norm");
  }

  @Test
  void aProcessFirstUsedInTheLastHourIsInUse() throws Exception {
    ProcessEngine engine = engine(null);
    salesDeployedLongAgo(engine);
    countedSinceLongAgo(engine);
    Instant midnight = ReportScenario.NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    ClockUtil.setCurrentTime(Date.from(midnight.plus(Duration.ofHours(5))));
    checkup.getStatistics().flushNow();
    JsonNode before = tenant(json(checkup.getReport().generate(ReportScope.all())), "acme");
    check(before, "processes.active-7d", 0, "out-of-norm");

    launchAt(engine, midnight.plus(Duration.ofMinutes(310)));
    checkup.getStatistics().flushNow();
    JsonNode after = tenant(json(checkup.getReport().generate(ReportScope.all())), "acme");
    check(after, "processes.active-7d", 1, "out-of-norm");
    check(after, "processes.unused-7d", 0, "ok");
  }

  /**
   * One launch of acme's sales process 40 days before {@link ReportScenario#NOW}, outside every
   * window of the report: the statistics have counted since then, so the report judges its windows
   * (a window counted only in part is n/a).
   */
  private static void countedSinceLongAgo(ProcessEngine engine) {
    launchAt(engine, ReportScenario.NOW.minus(Duration.ofDays(40)));
  }

  /**
   * acme's sales process, deployed 40 days before {@link ReportScenario#NOW}: acme is older than
   * every window of the report (a tenant younger than a window is not judged on it).
   */
  private static void salesDeployedLongAgo(ProcessEngine engine) {
    ClockUtil.setCurrentTime(Date.from(ReportScenario.NOW.minus(Duration.ofDays(40))));
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addClasspathResource("models/report/sales.bpmn")
        .deploy();
  }

  private static void launchAt(ProcessEngine engine, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    engine
        .getRuntimeService()
        .createProcessInstanceByKey("sales")
        .processDefinitionTenantId("acme")
        .setVariables(Map.of("route", "skip"))
        .execute();
  }

  @Test
  void reportsKeepTheSettledPastAndSlideItDayByDay() throws Exception {
    ProcessEngine engine = engine(null);
    salesDeployedLongAgo(engine);
    Instant now = ReportScenario.NOW;
    for (int daysAgo : new int[] {9, 6, 5, 2}) {
      ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(daysAgo))));
      engine
          .getRuntimeService()
          .createProcessInstanceByKey("sales")
          .processDefinitionTenantId("acme")
          .setVariables(Map.of("route", "skip"))
          .execute();
    }
    ClockUtil.setCurrentTime(Date.from(now));
    checkup.getStatistics().flushNow();
    // today the week holds the launches of 6, 5 and 2 days ago
    check(
        tenant(json(checkup.getReport().generate(ReportScope.all())), "acme"),
        "launches.7d",
        3,
        "out-of-norm");
    // a day later the one of 6 days ago has left the week; two days later the one of 5 days ago too
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(1))));
    check(
        tenant(json(checkup.getReport().generate(ReportScope.all())), "acme"),
        "launches.7d",
        2,
        "out-of-norm");
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(2))));
    JsonNode later = tenant(json(checkup.getReport().generate(ReportScope.all())), "acme");
    check(later, "launches.7d", 1, "out-of-norm");
    // and a report of that tenant alone, read afresh, says the same
    check(
        tenant(json(checkup.getReport().generate(ReportScope.of(List.of("acme")))), "acme"),
        "launches.7d",
        1,
        "out-of-norm");
    assertThat(later.get("launches").get("perDay").get(27 - 11).asInt()).isEqualTo(1);
  }

  @Test
  void withStatisticsSwitchedOffTheirIndicatorsAreNotApplicable() throws Exception {
    checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsEnabled(false);
    ProcessEngine engine = engines().plugin(checkup).build();
    engines.add(engine);
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addClasspathResource("models/report/sales.bpmn")
        .deploy();
    engine.getRuntimeService().startProcessInstanceByKey("sales", Map.of("route", "skip"));
    JsonNode acme = tenant(json(checkup.getReport().generate(ReportScope.all())), "acme");
    check(acme, "launches.7d", null, "n/a");
    assertThat(indicator(acme, "launches.7d").get("explanation").asText())
        .contains("statistics are switched off");
    check(acme, "models.total", 1, "n/a");
    check(acme, "gateways.multi-branch", 1, "out-of-norm");
  }

  @Test
  void instancesThatNobodyMovesForwardAreStuckWhereverTheyWait() throws Exception {
    ProcessEngine engine = engine(null);
    deploy(
        engine,
        Bpmn.createExecutableProcess("order")
            .startEvent()
            .eventBasedGateway()
            .id("choose")
            .intermediateCatchEvent("paid")
            .message("paid")
            .endEvent()
            .moveToLastGateway()
            .intermediateCatchEvent("cancelled")
            .signal("cancel")
            .endEvent()
            .done());
    deploy(
        engine,
        Bpmn.createExecutableProcess("reminder")
            .startEvent()
            .eventBasedGateway()
            .id("waitOrRemind")
            .intermediateCatchEvent("answered")
            .message("answered")
            .endEvent()
            .moveToLastGateway()
            .intermediateCatchEvent("remind")
            .timerWithDuration("P90D")
            .endEvent()
            .done());
    deploy(
        engine,
        Bpmn.createExecutableProcess("export")
            .startEvent()
            .serviceTask("push")
            .camundaExternalTask("export")
            .endEvent()
            .done());
    deploy(
        engine,
        Bpmn.createExecutableProcess("reply")
            .startEvent()
            .receiveTask("await")
            .message("reply")
            .endEvent()
            .done());
    deploy(
        engine,
        Bpmn.createExecutableProcess("approval")
            .startEvent()
            .userTask("approve")
            .boundaryEvent("nudge")
            .message("nudge")
            .endEvent()
            .moveToActivity("approve")
            .endEvent()
            .done());
    deploy(
        engine,
        Bpmn.createExecutableProcess("cooling")
            .startEvent()
            .intermediateCatchEvent("coolOff")
            .timerWithDuration("P90D")
            .endEvent()
            .done());

    Instant now = ReportScenario.NOW;
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(40))));
    for (String key : List.of("order", "reminder", "export", "reply", "approval", "cooling")) {
      engine
          .getRuntimeService()
          .createProcessInstanceByKey(key)
          .processDefinitionTenantId("acme")
          .execute();
    }
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(5))));
    engine
        .getRuntimeService()
        .createProcessInstanceByKey("order")
        .processDefinitionTenantId("acme")
        .execute();
    ClockUtil.setCurrentTime(Date.from(now));

    JsonNode stuck =
        indicator(
            tenant(json(checkup.getReport().generate(ReportScope.all())), "acme"),
            "instances.stuck");
    // waiting 40 days for a message at a gateway, a worker, a reply and a person; not: for a timer,
    // for 5 days
    assertThat(stuck.get("value").asInt()).isEqualTo(4);
    assertThat(stuck.get("status").asText()).isEqualTo("out-of-norm");
    List<String> waits = new ArrayList<>();
    for (JsonNode item : stuck.get("details")) {
      waits.add(
          item.get("processKey").asText()
              + ":"
              + item.get("activityId").asText()
              + ":"
              + item.get("waitingFor").asText());
    }
    assertThat(waits)
        .containsExactlyInAnyOrder(
            "order:choose:eventBasedGateway",
            "export:push:externalTask",
            "reply:await:message",
            "approval:approve:userTask");
  }

  @Test
  void aBranchThatANewVersionAddedIsJudgedByTheRunsSinceThatVersion() throws Exception {
    ProcessEngine engine = engine(null);
    Instant now = ReportScenario.NOW;
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(40))));
    deploy(engine, routing(List.of("a", "b")));
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(20))));
    route(engine, 60, "a");
    route(engine, 60, "b");
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(10))));
    deploy(engine, routing(List.of("a", "b", "c")));
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(5))));
    route(engine, 25, "a");
    route(engine, 25, "b");
    ClockUtil.setCurrentTime(Date.from(now));
    checkup.getStatistics().flushNow();
    // 170 runs in 30 days, but only 50 since the version with "toC": too few to call it dead
    check(
        tenant(json(checkup.getReport().generate(ReportScope.all())), "acme"),
        "runtime.dead-branches-30d",
        0,
        "ok");

    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(3))));
    route(engine, 60, "b");
    ClockUtil.setCurrentTime(Date.from(now));
    checkup.getStatistics().flushNow();
    JsonNode dead =
        indicator(
            tenant(json(checkup.getReport().generate(ReportScope.all())), "acme"),
            "runtime.dead-branches-30d");
    assertThat(dead.get("value").asInt()).isEqualTo(1);
    assertThat(dead.get("details").get(0).get("flowId").asText()).isEqualTo("toC");
    assertThat(dead.get("details").get(0).get("gatewayRuns").asLong()).isEqualTo(110);
  }

  @Test
  void aFlowTakenTodayCountsWhateverTheReportKeptFromTheDaysBefore() throws Exception {
    ProcessEngine engine = engine(null);
    Instant now = ReportScenario.NOW;
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(20))));
    deploy(engine, routing(List.of("a", "b")));
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(10))));
    route(engine, 150, "a");
    ClockUtil.setCurrentTime(Date.from(now));
    route(engine, 10, "a");
    checkup.getStatistics().flushNow();
    JsonNode dead =
        indicator(
            tenant(json(checkup.getReport().generate(ReportScope.all())), "acme"),
            "runtime.dead-branches-30d");
    assertThat(dead.get("value").asInt()).isEqualTo(1);
    assertThat(dead.get("details").get(0).get("flowId").asText()).isEqualTo("toB");
    // today's runs count: the report reads today's flows of a process with a flow never taken
    assertThat(dead.get("details").get(0).get("gatewayRuns").asLong()).isEqualTo(160);

    // the next report keeps the days before; "b" taken once today is no longer dead
    route(engine, 1, "b");
    checkup.getStatistics().flushNow();
    check(
        tenant(json(checkup.getReport().generate(ReportScope.all())), "acme"),
        "runtime.dead-branches-30d",
        0,
        "ok");
    // nor on the next day, when that run is yesterday's
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(1))));
    check(
        tenant(json(checkup.getReport().generate(ReportScope.all())), "acme"),
        "runtime.dead-branches-30d",
        0,
        "ok");
  }

  /**
   * A flow's id may be longer than the statistics' column (255): its counts are stored under a
   * shortened id, and the report once looked them up under the full one and called the flow dead.
   */
  @Test
  void aFlowWhoseIdIsLongerThanTheStatisticsColumnIsFoundTaken() throws Exception {
    ProcessEngine engine = engine(null);
    // two ids alike in their first 296 characters
    String longer = "x".repeat(296) + "_toB";
    String alike = "x".repeat(296) + "_toC";
    BpmnModelInstance model = routing(List.of("a", "b", "c"));
    model.<SequenceFlow>getModelElementById("toB").setId(longer);
    model.<SequenceFlow>getModelElementById("toC").setId(alike);
    deploy(engine, model);
    route(engine, 60, "a");
    route(engine, 60, "b");
    checkup.getStatistics().flushNow();

    JsonNode dead =
        indicator(
            tenant(json(checkup.getReport().generate(ReportScope.all())), "acme"),
            "runtime.dead-branches-30d");
    // the long flow taken 60 times is not dead; the other one, never taken, is: each has a count of
    // its own
    assertThat(field(dead.get("details"), "flowId")).containsExactly(alike);
    assertThat(
            checkup
                .getStatistics()
                .query()
                .tenant("acme")
                .metric(Metric.FLOW_TAKEN)
                .dimension(longer)
                .sum())
        .isEqualTo(60);
  }

  private static BpmnModelInstance routing(List<String> routes) {
    AbstractFlowNodeBuilder<?, ?> node =
        Bpmn.createExecutableProcess("routing").startEvent().exclusiveGateway("route");
    for (String route : routes) {
      node =
          node.moveToNode("route")
              .sequenceFlowId("to" + route.toUpperCase())
              .condition(route, "${route == '" + route + "'}")
              .endEvent("end" + route.toUpperCase());
    }
    return node.done();
  }

  private static void route(ProcessEngine engine, int times, String route) {
    for (int i = 0; i < times; i++) {
      engine
          .getRuntimeService()
          .createProcessInstanceByKey("routing")
          .processDefinitionTenantId("acme")
          .setVariables(Map.of("route", route))
          .execute();
    }
  }

  @Test
  void normsBySizeClassProfileAndTenantWithWarningsAndFallingTrends() throws Exception {
    ProcessEngine engine =
        engine(
            """
        {"tenants": {"callco": {"profile": "call-centre"}, "bigco": {"sizeClass": "large"}}}""");
    IdentityService identity = engine.getIdentityService();
    Map<String, Integer> users = Map.of("callco", 10, "bigco", 2, "smallco", 3);
    users.forEach(
        (tenant, count) -> {
          identity.saveTenant(identity.newTenant(tenant));
          for (int i = 0; i < count; i++) {
            identity.saveUser(identity.newUser(tenant + "user" + i));
            identity.createTenantUserMembership(tenant, tenant + "user" + i);
          }
        });
    Instant now = ReportScenario.NOW;
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(60))));
    for (String tenant : users.keySet()) {
      engine
          .getRepositoryService()
          .createDeployment()
          .tenantId(tenant)
          .addModelInstance(
              "ping.bpmn", Bpmn.createExecutableProcess("ping").startEvent().endEvent().done())
          .deploy();
    }
    // 20 launches a week for 3 weeks, then 13 (callco: -35 %, just past the -30 % floor) or 5
    // (smallco: -75 %)
    // counted since before the trend's four weeks (bigco's launch is outside them)
    ping(engine, "bigco", 30, 1);
    for (int daysAgo : new int[] {23, 16, 9}) {
      ping(engine, "callco", daysAgo, 20);
      ping(engine, "smallco", daysAgo, 20);
    }
    ping(engine, "callco", 3, 13);
    ping(engine, "smallco", 3, 5);
    ClockUtil.setCurrentTime(Date.from(now));
    checkup.getStatistics().flushNow();
    JsonNode report = json(checkup.getReport().generate(ReportScope.all()));

    JsonNode callco = tenant(report, "callco");
    assertThat(callco.get("sizeClass").asText()).isEqualTo("medium");
    assertThat(callco.get("profile").asText()).isEqualTo("call-centre");
    assertThat(indicator(callco, "launches.7d").get("norm").toString())
        .isEqualTo("{\"min\":1000,\"max\":10000}");
    assertThat(indicator(callco, "tasks.per-user-7d").get("norm").toString())
        .isEqualTo("{\"min\":100,\"max\":400}");
    check(callco, "launches.trend", -35.0, "warning");
    check(callco, "capability.experiments", 0, "out-of-norm");

    JsonNode smallco = tenant(report, "smallco");
    assertThat(smallco.get("sizeClass").asText()).isEqualTo("small");
    check(smallco, "launches.trend", -75.0, "out-of-norm");
    check(smallco, "capability.experiments", 0, "n/a");
    assertThat(indicator(smallco, "tasks.per-user-7d").get("norm").toString())
        .isEqualTo("{\"min\":100,\"max\":200}");

    JsonNode bigco = tenant(report, "bigco");
    assertThat(bigco.get("sizeClass").asText()).isEqualTo("large");
    assertThat(indicator(bigco, "launches.7d").get("norm").toString())
        .isEqualTo("{\"min\":10000,\"max\":100000}");
    check(bigco, "launches.trend", null, "n/a");
    check(bigco, "capability.experiments", 0, "out-of-norm");

    // the score: 100 less the weight of each indicator out of norm and half the weight of each
    // warning
    for (JsonNode tenant : List.of(callco, smallco, bigco)) {
      double lost = 0;
      for (Indicator indicator : Indicator.values()) {
        String status = indicator(tenant, indicator.id()).get("status").asText();
        lost +=
            status.equals("out-of-norm")
                ? indicator.weight()
                : status.equals("warning") ? indicator.weight() / 2.0 : 0;
      }
      assertThat(tenant.get("score").asInt()).isEqualTo((int) Math.max(0, Math.round(100 - lost)));
    }
    assertThat(callco.get("reasons").toString()).doesNotContain("Launch trend");
    assertThat(smallco.get("reasons").toString())
        .contains("Launch trend against the 3 weeks before: -75");
  }

  private static void ping(ProcessEngine engine, String tenant, int daysAgo, int times) {
    ClockUtil.setCurrentTime(Date.from(ReportScenario.daysAgo(daysAgo)));
    for (int i = 0; i < times; i++) {
      engine
          .getRuntimeService()
          .createProcessInstanceByKey("ping")
          .processDefinitionTenantId(tenant)
          .execute();
    }
  }

  @Test
  void aNodeWarmsItsReportUpWhenItStarts() throws Exception {
    TestEngines database = engines();
    checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    checkup.setReportConfig(ReportScenario.CONFIG);
    ProcessEngine engine = database.plugin(checkup).build();
    engines.add(engine);
    new ReportScenario(engine).run();
    checkup.getStatistics().flushNow();
    String cold = json(checkup.getReport().generate(ReportScope.all())).get("tenants").toString();

    // the next node on the same database warms up in the background, then answers without reading
    // whole windows
    checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    checkup.setReportConfig(ReportScenario.CONFIG);
    TestEngines next = database.again().plugin(checkup);
    checkup.setReportWarmUp(true);
    ProcessEngine nextNode = next.build();
    engines.add(nextNode);
    assertThat(checkup.getReport().lastWarmUp()).isPresent();
    assertThat(checkup.getReport().lastWarmUp().get().get(60, TimeUnit.SECONDS)).isEqualTo(4);
    long wholeReads = checkup.getReport().settledWindowsReadWhole();
    assertThat(wholeReads).isPositive();
    String warm = json(checkup.getReport().generate(ReportScope.all())).get("tenants").toString();
    assertThat(checkup.getReport().settledWindowsReadWhole()).isEqualTo(wholeReads);
    assertThat(warm).isEqualTo(cold);

    // the node keeps warming up after each midnight until its engine closes; then its thread is
    // gone
    assertThat(warmUpThreads(nextNode.getName())).isOne();
    engines.forEach(ProcessEngine::close);
    engines.clear();
    long deadline = System.currentTimeMillis() + 10_000;
    while (warmUpThreads(nextNode.getName()) > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(warmUpThreads(nextNode.getName())).isZero();
  }

  @Test
  void theWarmUpStopsByItselfOnceItsEngineIsGoneAndSlidesOnANewDay() throws Exception {
    ProcessEngine engine = engine(null);
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addClasspathResource("models/report/sales.bpmn")
        .deploy();
    ClockUtil.setCurrentTime(Date.from(ReportScenario.NOW));
    AtomicBoolean alive = new AtomicBoolean(true);
    String name = engine.getName();
    assertThat(checkup.getReport().warmUp(name, alive::get, 1).get(30, TimeUnit.SECONDS))
        .isEqualTo(1);
    long reads = checkup.getReport().settledWindowsReadWhole();
    // a new UTC day: the next tick slides the windows (reading the edge day whole) without anyone
    // asking
    ClockUtil.setCurrentTime(Date.from(ReportScenario.NOW.plus(Duration.ofDays(1))));
    long deadline = System.currentTimeMillis() + 10_000;
    while (checkup.getReport().settledWindowsReadWhole() == reads
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(checkup.getReport().settledWindowsReadWhole()).isGreaterThan(reads);
    // an engine that went away without the plugin hearing of it: the thread ends by itself
    assertThat(warmUpThreads(name)).isOne();
    alive.set(false);
    deadline = System.currentTimeMillis() + 10_000;
    while (warmUpThreads(name) > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(warmUpThreads(name)).isZero();
  }

  private static long warmUpThreads(String engineName) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(
            thread ->
                thread.isAlive()
                    && thread.getName().equals("camunda-checkup-report-warm-up-" + engineName))
        .count();
  }

  @Test
  void theLastSevenDaysAre168HoursWhateverTheTimeOfDay() throws Exception {
    ProcessEngine engine = engine(null);
    // deployed before the window, so that a process without launches in it counts as unused
    ClockUtil.setCurrentTime(Date.from(ReportScenario.NOW.minus(Duration.ofDays(8))));
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addClasspathResource("models/report/sales.bpmn")
        .deploy();
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addModelInstance(
            "ping.bpmn",
            Bpmn.createExecutableProcess("ping").startEvent().userTask("answer").endEvent().done())
        .deploy();
    Instant noon = ReportScenario.NOW;
    // before noon: 7 days and 1 hour (outside the 168 hours), 6 days and 21 hours (inside, on the
    // day before the
    // 6 days), 6 days and 7 hours, and 2 days
    for (int hoursAgo : new int[] {7 * 24 + 1, 6 * 24 + 21, 6 * 24 + 7, 2 * 24}) {
      ClockUtil.setCurrentTime(Date.from(noon.minus(Duration.ofHours(hoursAgo))));
      engine
          .getRuntimeService()
          .createProcessInstanceByKey("ping")
          .processDefinitionTenantId("acme")
          .execute();
    }
    ClockUtil.setCurrentTime(Date.from(noon));
    checkup.getStatistics().flushNow();
    JsonNode acme = tenant(json(checkup.getReport().generate(ReportScope.all())), "acme");
    check(acme, "launches.7d", 3, "out-of-norm");
    check(acme, "processes.active-7d", 1, "out-of-norm");
    check(acme, "processes.unused-7d", 1, "ok");
    check(acme, "tasks.per-user-7d", null, "n/a");
    check(
        tenant(json(checkup.getReport().generate(ReportScope.of(List.of("acme")))), "acme"),
        "launches.7d",
        3,
        "out-of-norm");

    // at 22:00 the launch of 6 days and 21 hours before noon has left the window
    ClockUtil.setCurrentTime(Date.from(noon.plus(Duration.ofHours(10))));
    check(
        tenant(json(checkup.getReport().generate(ReportScope.all())), "acme"),
        "launches.7d",
        2,
        "out-of-norm");
    // just after midnight the one of 6 days and 7 hours before noon (now 6 days and 19 hours old)
    // is still in it
    ClockUtil.setCurrentTime(Date.from(noon.plus(Duration.ofMinutes(12 * 60 + 30))));
    check(
        tenant(json(checkup.getReport().generate(ReportScope.all())), "acme"),
        "launches.7d",
        2,
        "out-of-norm");
    check(
        tenant(json(checkup.getReport().generate(ReportScope.of(List.of("acme")))), "acme"),
        "launches.7d",
        2,
        "out-of-norm");
  }

  @Test
  void aProcessIdleForWeeksIsUnusedThoughANewVersionCameYesterday() throws Exception {
    ProcessEngine engine = engine(null);
    Instant now = ReportScenario.NOW;
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(30))));
    deploy(engine, Bpmn.createExecutableProcess("idle").startEvent().endEvent().done());
    // used once then, 30 days ago: the statistics have counted since
    engine
        .getRuntimeService()
        .createProcessInstanceByKey("idle")
        .processDefinitionTenantId("acme")
        .execute();
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(2))));
    deploy(engine, Bpmn.createExecutableProcess("fresh").startEvent().endEvent().done());
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(1))));
    deploy(engine, Bpmn.createExecutableProcess("idle").startEvent().userTask().endEvent().done());
    ClockUtil.setCurrentTime(Date.from(now));
    checkup.getStatistics().flushNow();

    JsonNode unused =
        indicator(
            tenant(json(checkup.getReport().generate(ReportScope.all())), "acme"),
            "processes.unused-7d");
    // "idle" has existed for 30 days, its version 2 for one; "fresh" has not had its 7 days yet
    assertThat(unused.get("value").asInt()).isEqualTo(1);
    assertThat(field(unused.get("details"), "processKey")).containsExactly("idle");
    assertThat(field(unused.get("details"), "version")).containsExactly("2");
  }

  /**
   * More overdue tasks than the details limit: the report counts them all, lists the first, and its
   * pages say how many are not listed.
   */
  @Test
  void overdueTasksBeyondTheDetailsLimitAreCountedAndThePagesSaySo() throws Exception {
    ProcessEngine engine = engine("{\"detailsLimit\": 2}");
    deploy(
        engine,
        Bpmn.createExecutableProcess("review")
            .startEvent()
            .userTask("check")
            .camundaDueDate("2020-01-01T00:00:00")
            .endEvent()
            .done());
    for (int i = 0; i < 5; i++) {
      engine
          .getRuntimeService()
          .createProcessInstanceByKey("review")
          .processDefinitionTenantId("acme")
          .execute();
    }
    Report report = checkup.getReport().generate(ReportScope.of(List.of("acme")));
    JsonNode overdue = indicator(tenant(json(report), "acme"), "tasks.overdue");
    assertThat(overdue.get("value").asInt()).isEqualTo(5);
    assertThat(overdue.get("details")).hasSize(2);

    assertThat(ReportPages.full(report, "/cockpit/"))
        .contains("and 3 more, not listed: the report lists the first 2 (its details limit)");
  }

  private static void deploy(ProcessEngine engine, BpmnModelInstance model) {
    String key = model.getModelElementsByType(Process.class).iterator().next().getId();
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addModelInstance(key + ".bpmn", model)
        .deploy();
  }
}
