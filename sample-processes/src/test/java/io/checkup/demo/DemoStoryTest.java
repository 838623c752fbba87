package io.checkup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.alerts.AlertRecord;
import io.checkup.alerts.Alerts;
import io.checkup.engine.CheckupProcessEnginePlugin;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo as a new partner first sees it, right after it started with its default settings: the
 * healthy client is healthy on realistic data under the default norms, the slipping one shows its
 * decline in its history and comes first on the triage page, its model with a deadlock shows in the
 * check-up, and the tenant-less sample models are not a client.
 */
@SpringBootTest(
    // on a port known before the start, as the demo's alerts are posted to its own receiver there
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:checkup-demo-story;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// closed after the class: its simulator keeps launching instances, which would slow the tests after
// it
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoStoryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void freePort(DynamicPropertyRegistry properties) throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      int port = socket.getLocalPort();
      properties.add("server.port", () -> port);
      // the demo's own setting, which the tests' configuration switches off
      properties.add(
          "checkup.alerts.webhook-url", () -> "http://localhost:" + port + "/demo/alerts");
    }
  }

  @Autowired private TestRestTemplate rest;
  @Autowired private CheckupProcessEnginePlugin checkup;

  private JsonNode report;

  @BeforeAll
  void report() throws Exception {
    // the demo back-fills the snapshots of settled days only; started in the first minutes after
    // midnight UTC (the settle time: two flushes, at least two minutes), yesterday is not settled
    // yet, and the daily job writes it later: here, once it has settled
    LocalTime settled = LocalTime.of(0, 3);
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    if (now.isBefore(settled)) {
      Thread.sleep(Duration.between(now, settled).toMillis());
      checkup.getReport().writeSnapshots();
    }
    report = JSON.readTree(rest.getForObject("/engine-rest/checkup/report", String.class));
  }

  private JsonNode tenant(String id) {
    for (JsonNode tenant : report.get("tenants")) {
      if (id.equals(tenant.get("tenantId").asText(null))) {
        return tenant;
      }
    }
    throw new AssertionError("no tenant " + id + " in the report");
  }

  private static JsonNode indicator(JsonNode tenant, String id) {
    for (JsonNode indicator : tenant.get("indicators")) {
      if (indicator.get("id").asText().equals(id)) {
        return indicator;
      }
    }
    throw new AssertionError("no indicator " + id);
  }

  private static List<String> withStatus(JsonNode tenant, String status) {
    List<String> ids = new ArrayList<>();
    for (JsonNode indicator : tenant.get("indicators")) {
      if (indicator.get("status").asText().equals(status)) {
        ids.add(indicator.get("id").asText() + "=" + indicator.get("value"));
      }
    }
    return ids;
  }

  /**
   * The first alert of the slipping client carries its score drop: the evaluation waits for the
   * made-up weeks, where a round before them saw a client without a past (and an alert, once made,
   * is not made again for what came before it).
   */
  @Test
  void theSlippingClientsFirstAlertCarriesItsScoreDrop() throws Exception {
    Alerts alerts = checkup.getAlerts().orElseThrow();
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    AlertRecord first = null;
    while (first == null) {
      for (AlertRecord alert : alerts.list(100)) {
        if ("contoso".equals(alert.tenantId())) {
          first = alert; // newest first: the last one seen is the first made
        }
      }
      if (first == null) {
        assertThat(System.nanoTime()).as("an alert for contoso within 90 s").isLessThan(end);
        Thread.sleep(500);
      }
    }
    JsonNode body = JSON.readTree(first.body());
    assertThat(body.get("triggers").toString()).contains("score-drop");
    assertThat(body.get("referenceScore").isNull()).isFalse();
    assertThat(body.get("referenceScore").asInt() - body.get("score").asInt())
        .isGreaterThanOrEqualTo(15);
  }

  @Test
  void theCompaniesAreTheClientsAndTheTenantLessSamplesAreNot() {
    List<String> ids = new ArrayList<>();
    for (JsonNode tenant : report.get("tenants")) {
      ids.add(tenant.get("tenantId").asText(null));
    }
    assertThat(ids).containsExactly("fabrikam", "contoso", "northwind");
  }

  @Test
  void theHealthyClientIsHealthyWithAtMostTwoIndicatorsOutOfNorm() {
    JsonNode northwind = tenant("northwind");
    assertThat(northwind.get("riskLevel").asText())
        .as("%s, out of norm: %s", northwind.get("score"), withStatus(northwind, "out-of-norm"))
        .isEqualTo("healthy");
    assertThat(withStatus(northwind, "out-of-norm")).hasSizeLessThanOrEqualTo(2);
    // its processes are detailed as a company automating for a year and a half has them
    assertThat(indicator(northwind, "models.total").get("value").asInt()).isEqualTo(20);
    assertThat(indicator(northwind, "gateways.conditions").get("status").asText()).isEqualTo("ok");
    assertThat(indicator(northwind, "gateways.multi-branch").get("status").asText())
        .isEqualTo("ok");
    assertThat(indicator(northwind, "elements.diversity").get("status").asText()).isEqualTo("ok");
    assertThat(indicator(northwind, "models.errors").get("value").asInt()).isZero();
    // and it has been healthy all month
    for (JsonNode day : northwind.get("history")) {
      assertThat(day.get("riskLevel").asText()).as(day.toString()).isEqualTo("healthy");
    }
  }

  @Test
  void theSlippingClientsHistoryShowsItsDeclineAndBothSlippingClientsComeFirstOnTheTriagePage()
      throws Exception {
    JsonNode contoso = tenant("contoso");
    JsonNode history = contoso.get("history");
    assertThat(history).hasSize(30);
    JsonNode monthAgo = history.get(0);
    JsonNode yesterday = history.get(history.size() - 1);
    assertThat(monthAgo.get("riskLevel").asText()).isEqualTo("healthy");
    assertThat(yesterday.get("score").asInt()).isLessThan(monthAgo.get("score").asInt() - 10);
    assertThat(contoso.get("riskLevel").asText()).isNotEqualTo("healthy");
    assertThat(contoso.get("scoreChange7d").asInt()).isLessThanOrEqualTo(-10);
    assertThat(indicator(contoso, "launches.7d").get("previousValue").asLong())
        .isGreaterThan(indicator(contoso, "launches.7d").get("value").asLong());

    // the history resource tells the same, a day a row
    JsonNode days =
        JSON.readTree(
                rest.getForObject("/engine-rest/checkup/history/contoso?days=30", String.class))
            .get("days");
    assertThat(days.get(0).get("date").asText()).isEqualTo(monthAgo.get("date").asText());
    assertThat(days.get(days.size() - 1).get("score").asInt())
        .isEqualTo(yesterday.get("score").asInt());

    Document triage =
        Jsoup.parse(rest.getForObject("/engine-rest/checkup/report?format=html", String.class));
    // both slipping clients first, lowest score first: fabrikam, at a score of 0 that cannot fall,
    // by its launches alone; steady northwind after them
    assertThat(
            triage.select("table.summary tbody tr").stream()
                .limit(2)
                .map(row -> row.hasClass("worsening") ? row.selectFirst("td a").text() : "-")
                .toList())
        .containsExactly("Fabrikam Inc", "Contoso Ltd");
    assertThat(triage.select("table.summary tbody tr.worsening")).hasSize(2);
    assertThat(tenant("fabrikam").get("worsening").toString())
        .contains("launches in the last 7 days fell by");
    assertThat(tenant("northwind").get("worsening")).isEmpty();
  }

  @Test
  void theModelWithADeadlockShowsInTheCheckUp() {
    JsonNode errors = indicator(tenant("contoso"), "models.errors");
    assertThat(errors.get("status").asText()).isEqualTo("out-of-norm");
    List<String> found = new ArrayList<>();
    for (JsonNode item : errors.get("details")) {
      found.add(
          item.get("processKey").asText()
              + ":"
              + item.get("rule").asText()
              + ":"
              + item.get("elementId").asText());
    }
    assertThat(found)
        .contains("contractApproval:deadlock:bothApproved", "invoiceCheck:unreachable:archiveCopy");
  }
}
