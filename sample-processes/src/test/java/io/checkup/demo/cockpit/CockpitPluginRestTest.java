package io.checkup.demo.cockpit;

import static io.checkup.demo.cockpit.CockpitSession.PLUGIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.engine.CheckupProcessEnginePlugin;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Cockpit plugin's resources in the demo's real Cockpit: what a logged-in user gets, what an
 * anonymous caller and another tenant's member do not, and that Cockpit's CSRF filter guards them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "checkup.demo.simulate=false",
      "checkup.demo.deploy-samples=false",
      // its tenant-less models stand for the lint showcase the demo leaves out
      "checkup.report.exclude-without-tenant=true",
      // the heatmap and the check-up need no history: the plugin's statistics count at any level
      "camunda.bpm.history-level=none",
      "spring.datasource.url=jdbc:h2:mem:checkup-cockpit-rest;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitPluginRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort private int port;
  @Autowired private ProcessEngine engine;
  @Autowired private CheckupProcessEnginePlugin checkup;

  private CockpitFixture fixture;

  @BeforeAll
  void world() {
    fixture = CockpitFixture.create(engine, checkup);
  }

  @Test
  void theAssetsArePublicAndTheDataIsNot() throws Exception {
    CockpitSession anonymous = new CockpitSession(port);
    HttpResponse<String> script = anonymous.get(PLUGIN + "static/app/plugin.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(script.body())
        .contains("cockpit.processDefinition.diagram.plugin", "cockpit.dashboard");
    assertThat(anonymous.get(PLUGIN + "static/app/../../../application.yaml").statusCode())
        .isIn(403, 404);
    for (String path :
        List.of(
            "default/dashboard",
            "default/dashboard/report/alpha",
            "default/dashboard/history/alpha",
            "default/process-definition/" + fixture.alphaDefinition,
            "default/process-definition/" + fixture.alphaDefinition + "/dead-flows",
            "default/process-definition/" + fixture.alphaDefinition + "/heatmap?window=24h",
            // the assets' path, which Cockpit lets through without a login, never reaches data
            "static/dashboard")) {
      HttpResponse<String> refused = anonymous.get(PLUGIN + path);
      assertThat(refused.statusCode()).as(path).isIn(401, 404);
      // (Spring's error body repeats the path asked, nothing else)
      assertThat(refused.body()).as(path).doesNotContain("Alpha Inc").doesNotContain("checkSmall");
    }
  }

  @Test
  void theDiagramGetsTheFindingsAndTheDeadBranchOfItsVersion() throws Exception {
    CockpitSession ulla = CockpitSession.as(port, "ulla");
    String path = PLUGIN + "default/process-definition/" + fixture.alphaDefinition;
    JsonNode body = JSON.readTree(ulla.get(path).body());
    assertThat(body.get("tenantId").asText()).isEqualTo("alpha");
    JsonNode deadlock = finding(body, "deadlock");
    assertThat(deadlock.get("elementId").asText()).isEqualTo(CockpitFixture.JOIN);
    assertThat(deadlock.get("severity").asText()).isEqualTo("error");
    assertThat(deadlock.get("ruleUrl").asText()).endsWith("/docs/rules/deadlock.md");
    assertThat(deadlock.get("witness")).isNotEmpty();
    // 100 runs of 'Amount?', none of them large
    JsonNode dead = JSON.readTree(ulla.get(path + "/dead-flows").body());
    assertThat(dead.get("deadFlows")).hasSize(1);
    assertThat(dead.get("deadFlows").get(0).get("flowId").asText()).isEqualTo("large");
    assertThat(dead.get("deadFlows").get(0).get("gatewayId").asText()).isEqualTo("amount");
    assertThat(dead.get("deadFlows").get(0).get("gatewayRuns").asLong())
        .isEqualTo(CockpitFixture.ALPHA_RUNS);
    assertThat(dead.has("note")).isFalse();
    // 3 runs of beta's are too few to call a branch dead
    JsonNode few =
        JSON.readTree(
            CockpitSession.as(port, "gus")
                .get(
                    PLUGIN + "default/process-definition/" + fixture.betaDefinition + "/dead-flows")
                .body());
    assertThat(few.get("deadFlows")).isEmpty();
  }

  /**
   * An earlier version of a process: the check-up judges the latest, so the earlier one's diagram
   * shows no dead branch and says why, whether or not the latest has any.
   */
  @Test
  void anEarlierVersionSaysWhichVersionTheCheckupJudges() throws Exception {
    String first = null;
    for (int version = 1; version <= 2; version++) {
      String deployment =
          engine
              .getRepositoryService()
              .createDeployment()
              .tenantId("alpha")
              .addModelInstance(
                  "earlier.bpmn",
                  org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("earlierVersions")
                      .camundaHistoryTimeToLive(30)
                      .startEvent()
                      .name("Start " + version)
                      .endEvent()
                      .done())
              .deploy()
              .getId();
      if (first == null) {
        first =
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .deploymentId(deployment)
                .singleResult()
                .getId();
      }
    }
    JsonNode dead =
        JSON.readTree(
            CockpitSession.as(port, "ulla")
                .get(PLUGIN + "default/process-definition/" + first + "/dead-flows")
                .body());
    assertThat(dead.get("deadFlows")).isEmpty();
    assertThat(dead.get("note").asText())
        .isEqualTo("The check-up judges version 2 of this process, not this one.");
  }

  @Test
  void theHeatmapCountsWhatRanInTheWindow() throws Exception {
    CockpitSession ulla = CockpitSession.as(port, "ulla");
    for (String window : List.of("24h", "7d", "30d")) {
      JsonNode heat =
          JSON.readTree(
              ulla.get(
                      PLUGIN
                          + "default/process-definition/"
                          + fixture.alphaDefinition
                          + "/heatmap?window="
                          + window)
                  .body());
      assertThat(heat.get("window").asText()).isEqualTo(window);
      assertThat(heat.get("resolution").asText()).isEqualTo(window.equals("30d") ? "day" : "hour");
      assertThat(heat.get("elements").get("start").asLong()).isEqualTo(CockpitFixture.ALPHA_RUNS);
      assertThat(heat.get("elements").get("checkSmall").asLong())
          .isEqualTo(CockpitFixture.ALPHA_RUNS);
      assertThat(heat.get("elements").has("checkLarge")).isFalse();
      assertThat(heat.get("flows").get("small").asLong()).isEqualTo(CockpitFixture.ALPHA_RUNS);
      assertThat(heat.get("flows").has("large")).isFalse();
    }
    HttpResponse<String> unknown =
        ulla.get(
            PLUGIN
                + "default/process-definition/"
                + fixture.alphaDefinition
                + "/heatmap?window=1y");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("24h, 7d or 30d");
    // no window says so, rather than "Unknown window 'null'"
    HttpResponse<String> none =
        ulla.get(PLUGIN + "default/process-definition/" + fixture.alphaDefinition + "/heatmap");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("needs a window").doesNotContain("null");
    // any case, as the report's format: the answer names the window as the documented value
    JsonNode upper =
        JSON.readTree(
            ulla.get(
                    PLUGIN
                        + "default/process-definition/"
                        + fixture.alphaDefinition
                        + "/heatmap?window=7D")
                .body());
    assertThat(upper.get("window").asText()).isEqualTo("7d");
    assertThat(upper.get("elements").get("start").asLong()).isEqualTo(CockpitFixture.ALPHA_RUNS);
  }

  /**
   * Ids longer than the statistics' column of 255 characters (Camunda keeps no flow in a table, so
   * a flow's id may be any length): the diagram gets the counts under the model's own ids, two ids
   * alike in their first 255 characters each under its own.
   */
  @Test
  void theHeatmapCountsElementsAndFlowsWhoseIdsAreLongerThanTheTable() throws Exception {
    String task = "check_" + "t".repeat(300);
    String taken = "flow_" + "f".repeat(300) + "_taken";
    String notTaken = "flow_" + "f".repeat(300) + "_other";
    String definition =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                "long-ids.bpmn",
                Bpmn.createExecutableProcess("longIds")
                    .camundaHistoryTimeToLive(30)
                    .startEvent("start")
                    .manualTask(task)
                    .exclusiveGateway("which")
                    .sequenceFlowId(taken)
                    .condition("taken", "${true}")
                    .endEvent("done")
                    .moveToNode("which")
                    .sequenceFlowId(notTaken)
                    .condition("other", "${false}")
                    .endEvent("other")
                    .done())
            .deployWithResult()
            .getDeployedProcessDefinitions()
            .get(0)
            .getId();
    engine.getRuntimeService().startProcessInstanceByKey("longIds");
    engine.getRuntimeService().startProcessInstanceByKey("longIds");
    assertThat(checkup.getStatistics().flushNow()).isTrue();

    JsonNode heat =
        JSON.readTree(
            CockpitSession.as(port, "admin")
                .get(PLUGIN + "default/process-definition/" + definition + "/heatmap?window=24h")
                .body());
    assertThat(heat.get("elements").path(task).asLong()).isEqualTo(2);
    assertThat(heat.get("flows").path(taken).asLong()).isEqualTo(2);
    assertThat(heat.get("flows").has(notTaken)).isFalse();
    assertThat(heat.get("flows").size()).isEqualTo(1);
  }

  @Test
  void aMemberSeesOnlyTheirTenantAndNothingOfAnother() throws Exception {
    CockpitSession ulla = CockpitSession.as(port, "ulla");
    assertThat(tenants(ulla)).containsExactly("alpha");
    HttpResponse<String> page = ulla.get(PLUGIN + "default/dashboard/report/alpha");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    assertThat(page.body()).contains("Alpha Inc");
    for (String path :
        List.of(
            "default/dashboard/report/beta",
            "default/dashboard/report/nobody",
            "default/dashboard/report-without-tenant",
            "default/process-definition/" + fixture.betaDefinition,
            "default/process-definition/" + fixture.betaDefinition + "/dead-flows",
            "default/process-definition/" + fixture.betaDefinition + "/heatmap?window=7d")) {
      HttpResponse<String> refused = ulla.get(PLUGIN + path);
      assertThat(refused.statusCode()).as(path).isEqualTo(404);
      assertThat(refused.body()).as(path).doesNotContain("Beta Ltd").doesNotContain("checkSmall");
    }
    // the tenant-less definition: its findings as Camunda's tenant check shows the definition to
    // everyone, its statistics only to administrators, as the check-up's tenant-less part
    String tenantLess = "default/process-definition/" + fixture.tenantLessDefinition;
    HttpResponse<String> tenantLessFindings = ulla.get(PLUGIN + tenantLess);
    assertThat(tenantLessFindings.statusCode()).isEqualTo(200);
    // and it says so, so that Cockpit does not ask for what it would be refused
    assertThat(JSON.readTree(tenantLessFindings.body()).get("statistics").asBoolean()).isFalse();
    assertThat(
            JSON.readTree(
                    ulla.get(PLUGIN + "default/process-definition/" + fixture.alphaDefinition)
                        .body())
                .get("statistics")
                .asBoolean())
        .isTrue();
    assertThat(
            JSON.readTree(CockpitSession.as(port, "admin").get(PLUGIN + tenantLess).body())
                .get("statistics")
                .asBoolean())
        .isTrue();
    assertThat(ulla.get(PLUGIN + tenantLess + "/heatmap?window=24h").statusCode()).isEqualTo(404);
    assertThat(ulla.get(PLUGIN + tenantLess + "/dead-flows").statusCode()).isEqualTo(404);
    JsonNode adminHeat =
        JSON.readTree(
            CockpitSession.as(port, "admin")
                .get(PLUGIN + tenantLess + "/heatmap?window=24h")
                .body());
    assertThat(adminHeat.get("elements").get("start").asLong()).isEqualTo(1);
    assertThat(tenants(CockpitSession.as(port, "gus"))).containsExactly("beta");
    assertThat(tenants(CockpitSession.as(port, "admin")))
        .containsExactlyInAnyOrder("alpha", "beta");
  }

  /**
   * A tenant's history in Cockpit, beside its full report: the same tenant checks, and links
   * between the two on Cockpit's own paths.
   */
  @Test
  void aTenantsHistoryIsBesideItsReportWithTheSameTenantChecks() throws Exception {
    CockpitSession ulla = CockpitSession.as(port, "ulla");
    String dashboard = "http://localhost" + PLUGIN + "default/dashboard/";
    HttpResponse<String> answer = ulla.get(PLUGIN + "default/dashboard/history/alpha");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    Document history = Jsoup.parse(answer.body(), dashboard + "history/alpha");
    assertThat(history.selectFirst("h1").text()).isEqualTo("Check-up history");
    assertThat(history.text()).contains("Alpha Inc");
    assertThat(history.select("a.view").eachAttr("abs:href"))
        .containsExactly(dashboard + "report/alpha");
    Document report =
        Jsoup.parse(
            ulla.get(PLUGIN + "default/dashboard/report/alpha").body(), dashboard + "report/alpha");
    assertThat(report.select("a.history").eachAttr("abs:href"))
        .isNotEmpty()
        .containsOnly(dashboard + "history/alpha");
    // an address ending in a slash is served too, and its links lead to the same pages
    HttpResponse<String> slashed = ulla.get(PLUGIN + "default/dashboard/report/alpha/");
    assertThat(slashed.statusCode()).isEqualTo(200);
    assertThat(
            Jsoup.parse(slashed.body(), dashboard + "report/alpha/")
                .select("a.history")
                .eachAttr("abs:href"))
        .containsOnly(dashboard + "history/alpha");
    for (String path :
        List.of(
            "default/dashboard/history/beta",
            "default/dashboard/history/nobody",
            "default/dashboard/history-without-tenant")) {
      HttpResponse<String> refused = ulla.get(PLUGIN + path);
      assertThat(refused.statusCode()).as(path).isEqualTo(404);
      assertThat(refused.body()).as(path).doesNotContain("Beta Ltd");
      // a page, as the link that led here promised
      assertThat(refused.headers().firstValue("Content-Type"))
          .as(path)
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(Jsoup.parse(refused.body()).selectFirst("p.error").text())
          .as(path)
          .startsWith("No tenant");
    }
    assertThat(ulla.get(PLUGIN + "default/dashboard/history/alpha?days=0").statusCode())
        .isEqualTo(400);
    // the tenant-less part is left out of this check-up (exclude-without-tenant): its history is
    // not there even for an administrator, as its report is not
    CockpitSession admin = CockpitSession.as(port, "admin");
    assertThat(admin.get(PLUGIN + "default/dashboard/history-without-tenant").statusCode())
        .isEqualTo(404);
    assertThat(admin.get(PLUGIN + "default/dashboard/report-without-tenant").statusCode())
        .isEqualTo(404);
    assertThat(admin.get(PLUGIN + "default/dashboard/history/beta").statusCode()).isEqualTo(200);
  }

  @Test
  void cockpitsCsrfFilterGuardsThePluginsResources() throws Exception {
    CockpitSession ulla = CockpitSession.as(port, "ulla");
    HttpResponse<String> forged = ulla.post(PLUGIN + "default/dashboard", false);
    assertThat(forged.statusCode()).isEqualTo(403);
    // Cockpit ends a session that sent a modifying request without its token
    assertThat(ulla.get(PLUGIN + "default/dashboard").statusCode()).isEqualTo(401);
    // with the token the request passes the filter and reaches the plugin, whose resources only
    // read
    CockpitSession gus = CockpitSession.as(port, "gus");
    assertThat(gus.post(PLUGIN + "default/dashboard", true).statusCode()).isEqualTo(405);
    assertThat(gus.get(PLUGIN + "default/dashboard").statusCode()).isEqualTo(200);
  }

  private static JsonNode finding(JsonNode body, String rule) {
    for (JsonNode finding : body.get("findings")) {
      if (finding.get("rule").asText().equals(rule)) {
        return finding;
      }
    }
    throw new AssertionError("no " + rule + " finding in " + body);
  }

  private static List<String> tenants(CockpitSession session) throws Exception {
    HttpResponse<String> response = session.get(PLUGIN + "default/dashboard");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> tenants = new ArrayList<>();
    for (JsonNode row : JSON.readTree(response.body()).get("tenants")) {
      tenants.add(row.get("tenantId").asText());
      assertThat(row.get("score").isInt()).isTrue();
      assertThat(row.get("riskLevel").asText()).isIn("healthy", "attention", "at-risk");
      // why the tenant is getting worse: a list, empty without snapshots of 7 days ago
      assertThat(row.get("worsening").isArray()).as(row.toString()).isTrue();
    }
    return tenants;
  }
}
