package io.checkup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.checkup.demo.cockpit.CockpitSession;
import io.checkup.engine.CheckupProcessEnginePlugin;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The check-up's answers never starve the engine, on PostgreSQL with Spring Boot's pool of 10
 * connections: while the statistics and snapshot tables are locked (a long vacuum, a migration, a
 * stuck transaction), nine report requests and the flusher used to hold every pooled connection,
 * and process starts stalled; later Cockpit heatmaps and history pages did the same, each holding a
 * connection of its own. Now the reports share one computation, the small reads one turn, their
 * queries time out, the callers get a 503 that says why, and process instances start throughout.
 * Run by .ci/run (-Dcheckup.test.postgres=true); each run has a schema of its own.
 */
// decided before the application starts: without PostgreSQL there is no context to load
@EnabledIfSystemProperty(
    named = "checkup.test.postgres",
    matches = "true",
    disabledReason =
        "PostgreSQL tests are off; run with -Dcheckup.test.postgres=true (as .ci/run does)")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "checkup.demo.simulate=false",
      "checkup.report.exclude-without-tenant=false",
      "checkup.demo.deploy-samples=false",
      "checkup.report.query-timeout=2s",
      "checkup.stats.flush-interval=1s",
      "camunda.bpm.job-execution.enabled=false",
      "spring.datasource.hikari.maximum-pool-size=10"
    })
class ReportUnderLockPostgresTest {

  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "checkup_lock_" + Long.toHexString(System.nanoTime());

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) throws Exception {
    execute("create schema " + SCHEMA);
    registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("camunda.bpm.database.schema-name", () -> SCHEMA);
    registry.add("camunda.bpm.database.table-prefix", () -> SCHEMA + ".");
  }

  @AfterAll
  static void drop() throws Exception {
    execute("drop schema if exists " + SCHEMA + " cascade");
  }

  private static void execute(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Autowired private TestRestTemplate rest;

  @Autowired private RepositoryService repository;

  @Autowired private RuntimeService runtime;

  @Autowired private CheckupProcessEnginePlugin checkup;

  @Autowired private HikariDataSource pool;

  @LocalServerPort private int port;

  private boolean start() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> started =
        rest.postForEntity(
            "/engine-rest/process-definition/key/quick/start",
            new HttpEntity<>("{}", headers),
            String.class);
    return started.getStatusCode() == HttpStatus.OK;
  }

  @Test
  void reportsAnswer503WhileTheStatisticsTableIsLockedAndProcessesRunOn() throws Exception {
    String definition =
        repository
            .createDeployment()
            .addModelInstance(
                "quick.bpmn",
                Bpmn.createExecutableProcess("quick")
                    .camundaHistoryTimeToLive(30)
                    .startEvent()
                    .serviceTask()
                    .camundaExpression("${true}")
                    .endEvent()
                    .done())
            .deployWithResult()
            .getDeployedProcessDefinitions()
            .get(0)
            .getId();
    // another process, run weeks ago: the statistics have counted long enough to judge the 7 days
    repository
        .createDeployment()
        .addModelInstance(
            "earlier.bpmn",
            Bpmn.createExecutableProcess("earlier")
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .endEvent()
                .done())
        .deploy();
    TestDeployments.fortyDaysAgo(() -> runtime.startProcessInstanceByKey("earlier"));
    CockpitSession cockpit = CockpitSession.as(port, "admin");
    for (int i = 0; i < 10; i++) {
      assertThat(start()).isTrue();
    }
    assertThat(checkup.getStatistics().flushNow()).isTrue();

    AtomicInteger maxActive = new AtomicInteger();
    AtomicBoolean sampling = new AtomicBoolean(true);
    // from 1.5 s after the requests came in: what they hold while they wait, not the engine's own
    // short queries each makes first (Cockpit's look-up of the definition)
    AtomicBoolean waiting = new AtomicBoolean();
    ExecutorService callers = Executors.newFixedThreadPool(24);
    List<Future<ResponseEntity<String>>> reports = new ArrayList<>();
    List<Future<HttpResponse<String>>> heatmaps = new ArrayList<>();
    int startedWhileLocked = 0;
    try (Connection locker = DriverManager.getConnection(URL, "postgres", "")) {
      locker.setAutoCommit(false);
      try (Statement lock = locker.createStatement()) {
        lock.execute(
            "lock table "
                + SCHEMA
                + ".checkup_stat, "
                + SCHEMA
                + ".checkup_snapshot in access exclusive mode");
      }
      callers.submit(
          () -> {
            while (sampling.get()) {
              if (waiting.get()) {
                maxActive.accumulateAndGet(
                    pool.getHikariPoolMXBean().getActiveConnections(), Math::max);
              }
              Thread.sleep(5);
            }
            return null;
          });
      for (int i = 0; i < 9; i++) {
        String path =
            i % 3 == 0
                ? "/engine-rest/checkup/report"
                : i % 3 == 1
                    ? "/engine-rest/checkup/report?format=csv"
                    : "/engine-rest/checkup/report?withoutTenantId=true";
        reports.add(callers.submit(() -> rest.getForEntity(path, String.class)));
      }
      for (int i = 0; i < 6; i++) {
        reports.add(
            callers.submit(
                () ->
                    rest.getForEntity(
                        "/engine-rest/checkup/history?withoutTenantId=true", String.class)));
        heatmaps.add(
            callers.submit(
                () ->
                    cockpit.get(
                        CockpitSession.PLUGIN
                            + "default/process-definition/"
                            + definition
                            + "/heatmap?window=24h")));
      }
      // the flusher (every second) and 21 requests are all waiting on the lock now
      Thread.sleep(1_500);
      waiting.set(true);
      for (int i = 0; i < 30; i++) {
        assertThat(start()).as("process start %d while the table is locked", i).isTrue();
        startedWhileLocked++;
      }
      for (Future<ResponseEntity<String>> report : reports) {
        ResponseEntity<String> answer = report.get(60, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        JsonNode body = JSON.readTree(answer.getBody());
        assertThat(body.get("type").asText()).isEqualTo("ReportUnavailableException");
        assertThat(body.get("message").asText())
            .containsAnyOf("did not answer within 2 s", "is busy");
      }
      for (Future<HttpResponse<String>> heatmap : heatmaps) {
        HttpResponse<String> answer = heatmap.get(60, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("type").asText()).isEqualTo("ReportUnavailableException");
        assertThat(body.get("message").asText())
            .containsAnyOf("did not answer within 2 s", "is busy");
      }
      locker.rollback();
    } finally {
      sampling.set(false);
      callers.shutdown();
      callers.awaitTermination(30, TimeUnit.SECONDS);
    }

    assertThat(startedWhileLocked).isEqualTo(30);
    // the flusher, one report computation, one small read, a process start and a late request's
    // own look-up at most: never the whole pool of 10 (which the reads took before they had a turn)
    assertThat(maxActive.get()).isBetween(1, 6);
    // the lock gone, the counts flushed late are all there
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    JsonNode report =
        JSON.readTree(
            rest.getForEntity("/engine-rest/checkup/report?withoutTenantId=true", String.class)
                .getBody());
    assertThat(
            report.at("/tenants/0/indicators").findParents("id").stream()
                .filter(indicator -> indicator.get("id").asText().equals("launches.7d"))
                .map(indicator -> indicator.get("value").asLong()))
        .containsExactly(40L);
    // and the heatmap counts them all: start, task and end of 40 instances
    JsonNode heatmap =
        JSON.readTree(
            cockpit
                .get(
                    CockpitSession.PLUGIN
                        + "default/process-definition/"
                        + definition
                        + "/heatmap?window=24h")
                .body());
    List<Long> ended = new ArrayList<>();
    heatmap.get("elements").forEach(count -> ended.add(count.asLong()));
    assertThat(ended).hasSize(3).containsOnly(40L);
  }
}
