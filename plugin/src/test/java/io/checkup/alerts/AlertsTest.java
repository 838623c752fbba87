package io.checkup.alerts;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.report.Report;
import io.checkup.report.ReportConfig;
import io.checkup.report.ReportScenario;
import io.checkup.report.RiskLevel;
import io.checkup.testing.LogCapture;
import io.checkup.testing.TestEngines;
import io.checkup.testing.WebhookReceiver;
import io.checkup.testing.WebhookReceiver.Request;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;

/**
 * Alerts when a client worsens, delivered to a real HTTP receiver (docs/alerts.md); on H2 here, on
 * PostgreSQL and MariaDB in the subclasses.
 */
class AlertsTest {

  protected final List<ProcessEngine> engines = new ArrayList<>();
  private final List<WebhookReceiver> receivers = new ArrayList<>();

  /** The database the engines of a test share. */
  protected TestEngines database() {
    return TestEngines.h2();
  }

  @AfterEach
  void close() {
    ClockUtil.reset();
    engines.forEach(ProcessEngine::close);
    engines.clear();
    receivers.forEach(WebhookReceiver::close);
  }

  @Test
  void aTenantThatWorsensIsAlertedOnceAndOnesThatStayTheSameNever() throws Exception {
    WebhookReceiver receiver = receiver();
    CheckupProcessEnginePlugin checkup = AlertScenario.plugin(receiver.url());
    engines.add(AlertScenario.run(database(), checkup));
    Alerts alerts = checkup.getAlerts().orElseThrow();
    Map<String, RiskLevel> before = AlertScenario.levels(checkup);
    assertThat(before).containsEntry("acme", RiskLevel.HEALTHY).containsKey("globex");
    long notHealthy = before.values().stream().filter(l -> l != RiskLevel.HEALTHY).count();

    List<String> first = alerts.evaluateNow();
    assertThat(first).as("every tenant not healthy when first seen").hasSize((int) notHealthy);
    assertThat(alerts.evaluateNow()).as("nothing changed").isEmpty();

    AlertScenario.acmeLosesItsNorms(checkup);
    assertThat(AlertScenario.levels(checkup).get("acme")).isNotEqualTo(RiskLevel.HEALTHY);
    List<String> second = alerts.evaluateNow();
    assertThat(second).hasSize(1);
    assertThat(alerts.evaluateNow()).as("acme stays where it fell").isEmpty();

    List<Request> requests = receiver.await(first.size() + second.size(), Duration.ofSeconds(20));
    Thread.sleep(300); // nothing more comes
    assertThat(receiver.received()).hasSize(first.size() + second.size());
    Set<String> keys = new HashSet<>();
    for (Request request : requests) {
      assertThat(request.contentType()).isEqualTo("application/json");
      assertThat(request.signature()).isEqualTo(AlertScenario.expectedSignature(request.body()));
      assertThat(AlertScenario.body(request).get("id").asText())
          .isEqualTo(request.idempotencyKey());
      keys.add(request.idempotencyKey());
    }
    assertThat(keys).containsExactlyInAnyOrderElementsOf(concat(first, second));

    JsonNode acme = bodyOf(requests, second.get(0));
    assertThat(acme.get("tenantId").asText()).isEqualTo("acme");
    assertThat(acme.get("previousLevel").asText()).isEqualTo("healthy");
    assertThat(acme.get("riskLevel").asText()).isIn("attention", "at-risk");
    assertThat(acme.get("previousScore").asInt()).isGreaterThan(acme.get("score").asInt());
    assertThat(acme.get("reasons")).isNotEmpty();
    assertThat(acme.get("reportUrl").asText())
        .isEqualTo("https://camunda.example.com/engine-rest/checkup/report/acme?format=html");
    assertThat(acme.get("at").asText()).startsWith("2026-03-20T12:00");
    assertThat(acme.get("triggers").toString()).contains("risk-level");
    for (String id : first) {
      JsonNode body = bodyOf(requests, id);
      assertThat(body.get("tenantId").isNull() ? null : body.get("tenantId").asText())
          .isNotEqualTo("acme");
      assertThat(body.get("previousLevel").asText()).isEqualTo("healthy");
      assertThat(body.get("previousScore").isNull()).as("seen for the first time").isTrue();
    }
    assertThat(alerts.list(10))
        .allSatisfy(alert -> assertThat(alert.status()).isEqualTo(AlertTables.SENT));

    // paged one by one after the last alert of each page: every alert once, in the list's order,
    // the first round's alerts (raised in one moment) included
    List<String> listed = alerts.list(10).stream().map(AlertRecord::id).toList();
    assertThat(listed).hasSize(first.size() + second.size());
    List<String> paged = new ArrayList<>();
    String olderThan = null;
    while (true) {
      List<AlertRecord> page = alerts.list(1, true, null, null, olderThan);
      if (page.isEmpty()) {
        break;
      }
      paged.add(page.get(0).id());
      olderThan = page.get(0).id();
    }
    assertThat(paged).isEqualTo(listed);
    assertThat(alerts.list(10, false, "acme", null, second.get(0)))
        .as("after acme's only")
        .isEmpty();
    assertThat(alerts.list(10, true, null, null, "no-such-alert")).as("not kept").isNull();
  }

  /**
   * A client wobbling across a level's bound (acme's norms taken away, given back, taken away
   * again) is alerted at its first fall only: within the cool-down (24 h by default) a tenant is
   * alerted again only when worse than its last alert said; one line says why not. Without a
   * cool-down every fall alerts.
   */
  @ParameterizedTest
  @ValueSource(strings = {"24h", "0"})
  void aTenantThatFallsBackToWhereItWasAlertedIsNotAlertedAgainWithinTheCoolDown(String coolDown)
      throws Exception {
    WebhookReceiver receiver = receiver();
    CheckupProcessEnginePlugin checkup = AlertScenario.plugin(receiver.url());
    checkup.setAlertsCoolDown(coolDown);
    engines.add(AlertScenario.run(database(), checkup));
    Alerts alerts = checkup.getAlerts().orElseThrow();
    alerts.evaluateNow();

    try (LogCapture log = LogCapture.of("io.checkup.alerts")) {
      AlertScenario.acmeLosesItsNorms(checkup);
      assertThat(alerts.evaluateNow()).as("the first fall").hasSize(1);
      checkup.getReport().config(ReportConfig.load(null, null, ReportScenario.CONFIG));
      assertThat(AlertScenario.levels(checkup).get("acme")).isEqualTo(RiskLevel.HEALTHY);
      assertThat(alerts.evaluateNow()).as("recovered").isEmpty();
      AlertScenario.acmeLosesItsNorms(checkup);
      List<String> again = alerts.evaluateNow();

      if (coolDown.equals("0")) {
        assertThat(again).as("every fall alerts without a cool-down").hasSize(1);
        assertThat(log.linesContaining("no alert for")).isEmpty();
      } else {
        assertThat(again).as("back where its last alert said, within the cool-down").isEmpty();
        assertThat(alerts.evaluateNow()).as("staying there").isEmpty();
        assertThat(log.linesContaining("no alert for tenant 'acme'"))
            .as("one line for the fall held back, none for staying there")
            .singleElement(as(InstanceOfAssertFactories.STRING))
            .contains("within the 1d cool-down of its last alert", "only when worse than that");
      }
    }
  }

  /**
   * The start line says the cool-down, or that there is none; one no longer than the interval
   * (where it could never hold an alert back) is warned about.
   */
  @Test
  void theStartLineNamesTheCoolDownAndOneThatCannotWorkIsWarnedAbout() throws Exception {
    WebhookReceiver receiver = receiver();
    for (String coolDown : List.of("24h", "0", "30m")) {
      CheckupProcessEnginePlugin checkup = AlertScenario.plugin(receiver.url());
      checkup.setAlertsCoolDown(coolDown);
      try (LogCapture log = LogCapture.of("io.checkup.alerts")) {
        engines.add(TestEngines.h2().plugin(checkup).build());
        String start = log.linesContaining("alerts on:").get(0);
        List<String> warnings = log.linesContaining("never holds an alert back");
        switch (coolDown) {
          case "24h" -> {
            assertThat(start).contains("then for 1d only a tenant worse than its alert said");
            assertThat(warnings).isEmpty();
          }
          case "0" -> {
            assertThat(start).contains("no cool-down");
            assertThat(warnings).isEmpty();
          }
          default ->
              assertThat(warnings)
                  .singleElement(as(InstanceOfAssertFactories.STRING))
                  .contains("checkup.alerts.cool-down) 30m is no longer than", "interval) 1h");
        }
      }
    }
  }

  /** An alert given up never reached the receiver: it holds no later fall back. */
  @Test
  void anAlertGivenUpHoldsNothingBack() throws Exception {
    String deadAddress = deadAddress();
    CheckupProcessEnginePlugin checkup = AlertScenario.plugin(deadAddress);
    checkup.setAlertsRetryFor("1s");
    engines.add(AlertScenario.run(database(), checkup));
    Alerts alerts = checkup.getAlerts().orElseThrow();
    int first = alerts.evaluateNow().size();
    AlertScenario.acmeLosesItsNorms(checkup);
    assertThat(alerts.evaluateNow()).as("the first fall").hasSize(1);
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (alerts.list(10).stream().filter(a -> a.status().equals(AlertTables.FAILED)).count()
        < first + 1) {
      assertThat(System.nanoTime()).as("every alert given up").isLessThan(end);
      Thread.sleep(50);
    }
    checkup.getReport().config(ReportConfig.load(null, null, ReportScenario.CONFIG));
    assertThat(alerts.evaluateNow()).as("recovered").isEmpty();
    AlertScenario.acmeLosesItsNorms(checkup);

    assertThat(alerts.evaluateNow()).as("falls again within the cool-down").hasSize(1);
  }

  /**
   * A round whose report cannot be had (the database failed under it) is given back: due again
   * within a minute, not a whole interval (an hour by default) without alerts.
   */
  @Test
  void aRoundWhoseReportFailedIsDueAgainWithinAMinute() throws Exception {
    WebhookReceiver receiver = receiver();
    CheckupProcessEnginePlugin checkup = AlertScenario.plugin(receiver.url());
    checkup.setAlertsEvaluate(false); // this test runs the rounds itself
    ProcessEngine engine = AlertScenario.run(database(), checkup);
    engines.add(engine);
    Alerts alerts = checkup.getAlerts().orElseThrow();
    long notHealthy =
        AlertScenario.levels(checkup).values().stream()
            .filter(level -> level != RiskLevel.HEALTHY)
            .count();
    long now = ClockUtil.getCurrentTime().getTime();

    renameStatistics(engine, "CHECKUP_STAT", "CHECKUP_STAT_AWAY");
    try {
      alerts.evaluateIfDue();
    } finally {
      renameStatistics(engine, "CHECKUP_STAT_AWAY", "CHECKUP_STAT");
    }
    assertThat(alerts.list(10)).as("nothing evaluated while the report failed").isEmpty();

    ClockUtil.setCurrentTime(new java.util.Date(now + AlertRound.RETRY.toMillis() + 1_000));
    alerts.evaluateIfDue();

    assertThat(alerts.list(10)).as("the round ran a minute later").hasSize((int) notHealthy);
  }

  private static void renameStatistics(ProcessEngine engine, String from, String to)
      throws Exception {
    try (java.sql.Connection connection =
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDataSource()
                .getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("alter table " + from + " rename to " + to);
    }
  }

  @Test
  void aFailingReceiverGetsTheSameAlertUntilItRecoversAndNoLineNamesTheAddressOrSecret()
      throws Exception {
    WebhookReceiver receiver = receiver().answer(503, 500, 429);
    CheckupProcessEnginePlugin checkup = AlertScenario.plugin(receiver.url());
    List<String> lines;
    try (LogCapture log = LogCapture.of(Logger.ROOT_LOGGER_NAME)) {
      engines.add(AlertScenario.run(database(), checkup));
      AlertScenario.acmeLosesItsNorms(checkup);
      Alerts alerts = checkup.getAlerts().orElseThrow();
      List<String> raised = alerts.evaluateNow();
      assertThat(raised).isNotEmpty();

      List<Request> requests = receiver.await(raised.size() + 3, Duration.ofSeconds(30));
      awaitAllSent(alerts, raised.size());

      // three failures, then each alert once delivered: every attempt of one alert is the same
      assertThat(requests).hasSize(raised.size() + 3);
      Map<String, List<Request>> byKey = new HashMap<>();
      requests.forEach(
          r -> byKey.computeIfAbsent(r.idempotencyKey(), k -> new ArrayList<>()).add(r));
      assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(raised);
      for (List<Request> attempts : byKey.values()) {
        for (Request attempt : attempts) {
          assertThat(attempt.text()).isEqualTo(attempts.get(0).text());
          assertThat(attempt.signature())
              .isEqualTo(AlertScenario.expectedSignature(attempt.body()));
        }
      }
      int retried = alerts.list(10).stream().mapToInt(AlertRecord::attempts).sum() - raised.size();
      assertThat(retried).isEqualTo(3);
      lines = log.lines();
    }
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("HTTP 503", "retry in"));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("delivered (attempt"));
    String port = receiver.url().split(":")[2].split("/")[0];
    assertThat(lines)
        .noneSatisfy(line -> assertThat(line).containsAnyOf("hush-42", "/hooks/", port, "horse"));
  }

  @Test
  void aRestartInBetweenLosesNoAlert() throws Exception {
    TestEngines database = database();
    String deadAddress = deadAddress();
    CheckupProcessEnginePlugin first = AlertScenario.plugin(deadAddress);
    ProcessEngine engine = AlertScenario.run(database, first);
    engines.add(engine);
    AlertScenario.acmeLosesItsNorms(first);
    Alerts before = first.getAlerts().orElseThrow();
    List<String> raised = before.evaluateNow();
    assertThat(raised).isNotEmpty();
    // every alert tried once (by this pass or the background one) and still pending
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (before.list(10).stream().anyMatch(alert -> alert.attempts() == 0)) {
      assertThat(System.nanoTime()).as("every alert tried").isLessThan(end);
      before.deliverNow();
      Thread.sleep(20);
    }
    assertThat(before.list(10))
        .allSatisfy(
            alert -> {
              assertThat(alert.status()).isEqualTo(AlertTables.PENDING);
              assertThat(alert.lastError()).contains("cannot be reached");
            });
    engine.close();
    engines.remove(engine);

    WebhookReceiver receiver = receiver();
    CheckupProcessEnginePlugin second = AlertScenario.plugin(receiver.url());
    engines.add(database.again().plugin(second).build());
    second.getAlerts().orElseThrow().evaluateNow(); // after the restart: nothing new

    List<Request> requests = receiver.await(raised.size(), Duration.ofSeconds(20));
    assertThat(requests)
        .extracting(Request::idempotencyKey)
        .containsExactlyInAnyOrderElementsOf(raised);
    awaitAllSent(second.getAlerts().orElseThrow(), raised.size());
  }

  @Test
  @Timeout(120)
  void aNodeThatLosesTheRoundStillMakesItsReportForWhatReadsIt() throws Exception {
    List<CheckupProcessEnginePlugin> nodes = twoNodes(receiver(), false); // rounds run here
    CheckupProcessEnginePlugin first = nodes.get(0);
    CheckupProcessEnginePlugin second = nodes.get(1);
    // what the metrics' gauges do: read each report over all tenants the node makes
    List<Report> madeOnFirst = new CopyOnWriteArrayList<>();
    List<Report> madeOnSecond = new CopyOnWriteArrayList<>();
    first.getReport().onFullReport(madeOnFirst::add);
    second.getReport().onFullReport(madeOnSecond::add);
    madeOnFirst.clear();
    madeOnSecond.clear();

    first.getAlerts().orElseThrow().evaluateIfDue();
    second.getAlerts().orElseThrow().evaluateIfDue();
    second.getAlerts().orElseThrow().evaluateIfDue();

    assertThat(madeOnFirst).as("the round's report, on the node that took it").hasSize(1);
    assertThat(madeOnSecond)
        .as("one report after the other node's round, not one per look")
        .hasSize(1);
    assertThat(madeOnSecond.get(0).tenants()).hasSameSizeAs(madeOnFirst.get(0).tenants());

    // the next round, taken by the second node this time: the first follows
    ClockUtil.setCurrentTime(
        new java.util.Date(ClockUtil.getCurrentTime().getTime() + Duration.ofHours(1).toMillis()));
    second.getAlerts().orElseThrow().evaluateIfDue();
    first.getAlerts().orElseThrow().evaluateIfDue();
    assertThat(madeOnSecond).hasSize(2);
    assertThat(madeOnFirst).hasSize(2);
  }

  @Test
  @Timeout(120)
  void twoEnginesOnOneDatabaseSendEachAlertOnce() throws Exception {
    WebhookReceiver receiver = receiver();
    List<CheckupProcessEnginePlugin> plugins = twoNodes(receiver, true);
    CheckupProcessEnginePlugin first = plugins.get(0);
    CheckupProcessEnginePlugin second = plugins.get(1);
    AlertScenario.acmeLosesItsNorms(first);
    AlertScenario.acmeLosesItsNorms(second);
    int notHealthy = notHealthy(AlertScenario.levels(first));
    assertThat(AlertScenario.levels(second)).isEqualTo(AlertScenario.levels(first));

    // both evaluate at the same moment, twice over, and both deliver every 100 ms
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<List<String>>> rounds = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      rounds.add(nodes.submit(() -> first.getAlerts().orElseThrow().evaluateNow()));
      rounds.add(nodes.submit(() -> second.getAlerts().orElseThrow().evaluateNow()));
    }
    List<String> raised = new ArrayList<>();
    for (Future<List<String>> round : rounds) {
      raised.addAll(round.get());
    }
    nodes.shutdown();

    assertThat(raised)
        .as("each worse tenant raised once")
        .hasSize(notHealthy)
        .doesNotHaveDuplicates();
    receiver.await(notHealthy, Duration.ofSeconds(30));
    awaitAllSent(first.getAlerts().orElseThrow(), notHealthy);
    Thread.sleep(500); // a second delivery would come now
    assertThat(receiver.received())
        .extracting(Request::idempotencyKey)
        .containsExactlyInAnyOrderElementsOf(raised);
  }

  @Test
  @Timeout(120)
  void aReceiverThatHangsHoldsUpNoProcessInstanceAndNoEvaluation() throws Exception {
    WebhookReceiver receiver = receiver().hang();
    CheckupProcessEnginePlugin checkup = AlertScenario.plugin(receiver.url());
    checkup.setAlertsTimeout("10m");
    ProcessEngine engine = AlertScenario.run(database(), checkup);
    engines.add(engine);
    Alerts alerts = checkup.getAlerts().orElseThrow();
    int raised = alerts.evaluateNow().size();
    assertThat(raised).isPositive();
    awaitWaiting(receiver, Math.min(raised, AlertDelivery.PARALLEL));

    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "quick.bpmn",
            Bpmn.createExecutableProcess("quick")
                .startEvent()
                .serviceTask()
                .camundaExpression("${true}")
                .endEvent()
                .done())
        .deploy();
    for (int i = 0; i < 200; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("quick");
    }
    AlertScenario.acmeLosesItsNorms(checkup);
    assertThat(alerts.evaluateNow()).as("a new round while deliveries hang").hasSize(1);

    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("quick")
                .completed()
                .count())
        .isEqualTo(200);
    assertThat(receiver.waiting()).as("the deliveries still hang").isPositive();
    // the list as the REST API gives it: one tenant's, one status', and when a pending one is due
    List<AlertRecord> acme = alerts.list(10, false, "acme", AlertTables.PENDING);
    assertThat(acme)
        .singleElement()
        .satisfies(alert -> assertThat(alert.nextAttempt()).isNotNull());
    assertThat(alerts.list(10, false, "acme", AlertTables.SENT)).isEmpty();
    assertThat(alerts.list(10, true, null, null)).hasSize(raised + 1);
    assertThat(alerts.list(10, false, null, null))
        .as("the tenant-less part's")
        .allSatisfy(alert -> assertThat(alert.tenantId()).isNull());
  }

  @Test
  void theLastAttemptFallsAtTheEndOfTheRetrySpan() throws Exception {
    String deadAddress = deadAddress();
    CheckupProcessEnginePlugin checkup = AlertScenario.plugin(deadAddress);
    // a wait longer than the span: the first retry would lie past it, so the alert was given up
    // at its first attempt, most of the span unused; now it is tried once more at the span's end
    checkup.setAlertsRetryAfter("1h");
    checkup.setAlertsRetryFor("15s");
    List<ILoggingEvent> events;
    Alerts alerts;
    try (LogCapture log = LogCapture.of("io.checkup.alerts")) {
      engines.add(AlertScenario.run(database(), checkup));
      alerts = checkup.getAlerts().orElseThrow();
      alerts.evaluateNow();
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      // the sender writes an alert's failure, then logs it: wait for both
      while (alerts.list(10).stream()
          .anyMatch(
              a -> !a.status().equals(AlertTables.FAILED) || givenUp(log.events(), a).isEmpty())) {
        assertThat(System.nanoTime()).as("every alert given up").isLessThan(end);
        Thread.sleep(50);
      }
      events = log.events();
    }

    assertThat(alerts.list(10))
        .isNotEmpty()
        .allSatisfy(
            alert -> {
              assertThat(alert.attempts()).isEqualTo(2);
              ILoggingEvent givenUp = givenUp(events, alert).orElseThrow();
              assertThat(givenUp.getTimeStamp()).isGreaterThanOrEqualTo(alert.created() + 15_000);
            });
  }

  /** The log line that gives {@code alert} up, if there is one yet. */
  private static Optional<ILoggingEvent> givenUp(List<ILoggingEvent> events, AlertRecord alert) {
    return events.stream()
        .filter(e -> e.getFormattedMessage().contains(alert.id() + " for"))
        .filter(e -> e.getFormattedMessage().contains("given up"))
        .findFirst();
  }

  @Test
  void anAlertThatCannotBeDeliveredIsGivenUpAfterRetryForAndNoTraceNamesTheAddress()
      throws Exception {
    String deadAddress = deadAddress();
    CheckupProcessEnginePlugin checkup = AlertScenario.plugin(deadAddress);
    // long enough for a second attempt on a slow machine (the first waits for the round's commit)
    checkup.setAlertsRetryFor("3s");
    List<String> lines;
    Alerts alerts;
    try (LogCapture log = LogCapture.of(Logger.ROOT_LOGGER_NAME)) {
      engines.add(AlertScenario.run(database(), checkup));
      alerts = checkup.getAlerts().orElseThrow();
      int raised = alerts.evaluateNow().size();
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (alerts.list(10).stream().filter(a -> a.status().equals(AlertTables.FAILED)).count()
          < raised) {
        assertThat(System.nanoTime()).as("every alert given up").isLessThan(end);
        Thread.sleep(50);
      }
      lines = log.lines();
    }
    assertThat(alerts.list(10))
        .allSatisfy(
            alert -> {
              assertThat(alert.attempts()).isGreaterThan(1);
              assertThat(alert.lastError())
                  .contains("cannot be reached")
                  .doesNotContain("127.0.0.1");
            });
    // the retry span in the words settings use, not PT3S
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).contains("given up after").contains(" over 3s ("));
    String port = deadAddress.split(":")[2].split("/")[0];
    assertThat(lines)
        .noneSatisfy(
            line -> assertThat(line).containsAnyOf("hush-42", "/hooks/", ":" + port, "horse"));
  }

  @Test
  void excludedTenantsNeverAlert() throws Exception {
    WebhookReceiver receiver = receiver();
    CheckupProcessEnginePlugin checkup = AlertScenario.plugin(receiver.url());
    checkup.setReportExcludeTenants("globex, acme");
    engines.add(AlertScenario.run(database(), checkup));
    Alerts alerts = checkup.getAlerts().orElseThrow();

    alerts.evaluateNow();
    AlertScenario.acmeLosesItsNorms(checkup);
    alerts.evaluateNow();
    alerts.deliverNow();

    assertThat(alerts.list(10)).extracting(AlertRecord::tenantId).doesNotContain("globex", "acme");
    assertThat(receiver.received())
        .allSatisfy(r -> assertThat(r.text()).doesNotContain("\"globex\"", "\"acme\""));
  }

  @Test
  void onlyHttpAddressesAreAcceptedAndTheRefusalDoesNotRepeatTheAddress() {
    CheckupProcessEnginePlugin checkup = AlertScenario.plugin("file:///etc/passwd?token=hush-42");

    assertThatThrownBy(() -> TestEngines.h2().plugin(checkup).build())
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(
            "alertsWebhookUrl (checkup.alerts.webhook-url): only http and https addresses are accepted")
        .hasMessageNotContaining("passwd")
        .hasMessageNotContaining("hush-42");
  }

  /** A secret and an interval given without the address: one line says they change nothing. */
  @Test
  void alertSettingsWithoutAWebhookSayTheyChangeNothing() {
    try (LogCapture log = LogCapture.of("io.checkup")) {
      engines.add(TestEngines.h2().plugin(new CheckupProcessEnginePlugin()).build());
      assertThat(log.linesContaining("alerts: off")).as("nothing of alerts given").isEmpty();
    }
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setAlertsWebhookSecret("hush-43");
    checkup.setAlertsInterval("5m");
    try (LogCapture log = LogCapture.of("io.checkup")) {
      engines.add(TestEngines.h2().plugin(checkup).build());
      assertThat(log.linesContaining("alerts: off"))
          .singleElement()
          .asString()
          .contains("no webhook address is set (alertsWebhookUrl (checkup.alerts.webhook-url))")
          .contains("alertsWebhookSecret")
          .contains("alertsInterval")
          .doesNotContain("hush-43");
    }
  }

  @Test
  void withoutAWebhookThereAreNoAlertsAndNoAlertTables() throws Exception {
    CheckupProcessEnginePlugin checkup = AlertScenario.plugin(null);
    ProcessEngine engine = TestEngines.h2().plugin(checkup).build();
    engines.add(engine);

    assertThat(checkup.getAlerts()).isEmpty();
    DataSource dataSource =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("select count(*) from CHECKUP_ALERT"))
          .isInstanceOf(SQLException.class);
    }
  }

  /**
   * Two engines with alerts on one database (each evaluating on its own schedule, or not), the
   * scenario's history driven through the first and its counts written.
   */
  private List<CheckupProcessEnginePlugin> twoNodes(WebhookReceiver receiver, boolean evaluate) {
    TestEngines database = database();
    CheckupProcessEnginePlugin first = AlertScenario.plugin(receiver.url());
    CheckupProcessEnginePlugin second = AlertScenario.plugin(receiver.url());
    first.setAlertsEvaluate(evaluate);
    second.setAlertsEvaluate(evaluate);
    ProcessEngine one = database.plugin(first).build();
    engines.add(one);
    engines.add(database.again().plugin(second).build());
    new ReportScenario(one).run();
    assertThat(first.getStatistics().flushNow()).isTrue();
    return List.of(first, second);
  }

  static void awaitAllSent(Alerts alerts, int count) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (alerts.list(100).stream().filter(a -> a.status().equals(AlertTables.SENT)).count()
        < count) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not every alert was delivered: " + alerts.list(100));
      }
      Thread.sleep(20);
    }
  }

  private static void awaitWaiting(WebhookReceiver receiver, int count) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (receiver.waiting() < count) {
      if (System.nanoTime() > end) {
        throw new AssertionError(receiver.waiting() + " deliveries hang, expected " + count);
      }
      Thread.sleep(20);
    }
  }

  private static int notHealthy(Map<String, RiskLevel> levels) {
    return (int) levels.values().stream().filter(level -> level != RiskLevel.HEALTHY).count();
  }

  /** An address where nobody listens any more: every delivery there fails. */
  private String deadAddress() throws Exception {
    WebhookReceiver down = receiver();
    String address = down.url();
    down.close();
    return address;
  }

  private WebhookReceiver receiver() throws Exception {
    WebhookReceiver receiver = WebhookReceiver.start();
    receivers.add(receiver);
    return receiver;
  }

  private static JsonNode bodyOf(List<Request> requests, String id) throws Exception {
    for (Request request : requests) {
      if (id.equals(request.idempotencyKey())) {
        return AlertScenario.body(request);
      }
    }
    throw new AssertionError("no request for alert " + id);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
