package io.checkup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.report.Report;
import io.checkup.report.ReportScope;
import io.checkup.report.Status;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo pushes alerts to its own receiver: a client that is at risk when first evaluated
 * (deployed weeks ago, one order since) is alerted once, signed, however many evaluations follow,
 * and the alert's link opens its report.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "checkup.demo.auth=true",
      "checkup.demo.simulate=false",
      "checkup.demo.deploy-samples=false",
      "checkup.alerts.interval=1s",
      // evaluated from when the client is set up: a round between its deployment and its tenant
      // entity judged it with a model and no users (healthy -> attention), the next one with both
      // (-> at risk), two alerts where the story has one
      "checkup.alerts.evaluate=false",
      "spring.datasource.url=jdbc:h2:mem:checkup-alerts-demo;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
    })
class AlertsDemoTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PORT = freePort();

  @Autowired private TestRestTemplate rest;

  @Autowired private ProcessEngine engine;

  @Autowired private CheckupProcessEnginePlugin checkup;

  @DynamicPropertySource
  static void receiverOnThisPort(DynamicPropertyRegistry properties) {
    properties.add("server.port", () -> PORT);
    properties.add("checkup.alerts.webhook-url", () -> "http://localhost:" + PORT + "/demo/alerts");
  }

  @Test
  void aNewClientAtRiskIsAlertedOnceSignedAndItsLinkOpensTheReport() throws Exception {
    // deployed weeks ago, as a client the plugin meets when it is installed (one deployed today
    // would be too new to be judged on its week), with one order then and none since; the
    // evaluation starts once the client is complete and its week is judged (the plugin learns of
    // a deployment made in the past a moment later: until then its 7 days read n/a, and a round
    // then alerted it twice, at attention and then at risk)
    TestDeployments.orderFortyDaysAgo(engine, "fabrikam");
    engine.getIdentityService().saveTenant(engine.getIdentityService().newTenant("fabrikam"));
    awaitLaunchesJudged("fabrikam");
    checkup
        .getAlerts()
        .orElseThrow()
        .start(engine.getName(), true, CheckupProcessEnginePlugin.whileRegistered(engine));

    // with the demo's authentication on, the list of alerts is for administrators
    assertThat(rest.getForEntity("/demo/alerts", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // a user who is no administrator, with the right password and without (a wrong password
    // locks a Camunda user for a few seconds, so never try it with admin here)
    User member = engine.getIdentityService().newUser("carla");
    member.setPassword("secret");
    engine.getIdentityService().saveUser(member);
    // known but no administrator: forbidden (a browser would otherwise ask for a password again)
    assertThat(
            rest.withBasicAuth("carla", "secret")
                .getForEntity("/demo/alerts", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            rest.withBasicAuth("carla", "wrong")
                .getForEntity("/demo/alerts", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // an administrator by the engine's configuration (adminUsers) rather than camunda-admin
    User operator = engine.getIdentityService().newUser("olga");
    operator.setPassword("secret");
    engine.getIdentityService().saveUser(operator);
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .setAdminUsers(new ArrayList<>(List.of("olga")));
    assertThat(
            rest.withBasicAuth("olga", "secret")
                .getForEntity("/demo/alerts", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    List<JsonNode> alerts = awaitAlerts("fabrikam");
    Thread.sleep(3_000); // three more evaluations

    alerts = alertsFor("fabrikam");
    assertThat(alerts).as("fabrikam's alerts: %s", alerts).hasSize(1);
    JsonNode received = alerts.get(0);
    assertThat(received.get("signatureValid").asBoolean()).isTrue();
    assertThat(received.get("repeats").asInt()).isZero();
    JsonNode alert = received.get("alert");
    assertThat(alert.get("previousLevel").asText()).isEqualTo("healthy");
    assertThat(alert.get("riskLevel").asText()).isIn("attention", "at-risk");
    assertThat(alert.get("reasons")).isNotEmpty();

    // the alerts kept, as the plugin's REST API lists them: for administrators only
    JsonNode kept =
        JSON.readTree(
            rest.withBasicAuth("olga", "secret")
                .getForObject("/engine-rest/checkup/alerts?limit=10", String.class));
    JsonNode listed = null;
    for (JsonNode entry : kept.get("alerts")) {
      if ("fabrikam".equals(entry.path("tenantId").asText())) {
        listed = entry;
      }
    }
    assertThat(listed).as("fabrikam's alert in /checkup/alerts: " + kept).isNotNull();
    assertThat(listed.get("id").asText()).isEqualTo(alert.get("id").asText());
    assertThat(listed.get("status").asText()).isEqualTo("sent");
    assertThat(listed.get("attempts").asInt()).isPositive();
    assertThat(listed.get("sentAt").asText()).isNotEmpty();
    assertThat(listed.get("alert")).as("what was sent").isEqualTo(alert);
    assertThat(
            rest.withBasicAuth("carla", "secret")
                .getForEntity("/engine-rest/checkup/alerts", String.class)
                .getStatusCode())
        .as("a user who is no administrator")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/engine-rest/checkup/alerts", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    JsonNode fabrikamSent =
        JSON.readTree(
            rest.withBasicAuth("admin", "admin")
                .getForObject(
                    "/engine-rest/checkup/alerts?tenantId=fabrikam&status=sent", String.class));
    assertThat(fabrikamSent.get("alerts")).hasSize(1);
    assertThat(fabrikamSent.at("/alerts/0/nextAttempt").isNull()).as("sent: nothing due").isTrue();
    assertThat(
            JSON.readTree(
                    rest.withBasicAuth("admin", "admin")
                        .getForObject(
                            "/engine-rest/checkup/alerts?tenantId=fabrikam&status=failed",
                            String.class))
                .get("alerts"))
        .isEmpty();
    for (String query :
        List.of(
            "limit=0",
            "limit=1001",
            "limit=abc",
            "limit=-5",
            "limit=5.0",
            "status=lost",
            "tenantId=",
            "tenantId=fabrikam&withoutTenantId=true")) {
      assertThat(
              rest.withBasicAuth("admin", "admin")
                  .getForEntity("/engine-rest/checkup/alerts?" + query, String.class)
                  .getStatusCode())
          .as(query)
          .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    // empty or padded values read as the report reads ?days: a script's unset variable is not given
    assertThat(
            JSON.readTree(
                    rest.withBasicAuth("admin", "admin")
                        .getForObject(
                            "/engine-rest/checkup/alerts?limit=&status= sent &tenantId=fabrikam",
                            String.class))
                .get("alerts"))
        .isEqualTo(fabrikamSent.get("alerts"));
    assertThat(
            JSON.readTree(
                    rest.withBasicAuth("admin", "admin")
                        .getForObject("/engine-rest/checkup/alerts?limit= 1 ", String.class))
                .get("alerts"))
        .hasSize(1);
    // the next page starts after the last alert of this one
    JsonNode all =
        JSON.readTree(
                rest.withBasicAuth("admin", "admin")
                    .getForObject("/engine-rest/checkup/alerts", String.class))
            .get("alerts");
    JsonNode afterFirst =
        JSON.readTree(
                rest.withBasicAuth("admin", "admin")
                    .getForObject(
                        "/engine-rest/checkup/alerts?limit=1&olderThan="
                            + all.get(0).get("id").asText(),
                        String.class))
            .get("alerts");
    // the alert after the first, if any (the pages' order over many alerts: AlertsTest, on every
    // database)
    List<JsonNode> second = new ArrayList<>();
    for (int i = 1; i < Math.min(2, all.size()); i++) {
      second.add(all.get(i));
    }
    assertThat(afterFirst).containsExactlyElementsOf(second);
    ResponseEntity<String> unknownPage =
        rest.withBasicAuth("admin", "admin")
            .getForEntity("/engine-rest/checkup/alerts?olderThan=no-such-alert", String.class);
    assertThat(unknownPage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownPage.getBody()).contains("olderThan names no alert kept: 'no-such-alert'");
    HttpHeaders htmlOnly = new HttpHeaders();
    htmlOnly.setBasicAuth("admin", "admin");
    htmlOnly.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> notAcceptable =
        rest.exchange(
            "/engine-rest/checkup/alerts",
            HttpMethod.GET,
            new HttpEntity<>(htmlOnly),
            String.class);
    assertThat(notAcceptable.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    assertThat(notAcceptable.getBody()).contains("the only format of the alerts");

    String link = alert.get("reportUrl").asText();
    assertThat(link)
        .isEqualTo("http://localhost:" + PORT + "/engine-rest/checkup/report/fabrikam?format=html");
    HttpHeaders admin = new HttpHeaders();
    admin.setBasicAuth("admin", "admin");
    ResponseEntity<String> page =
        rest.exchange(link, HttpMethod.GET, new HttpEntity<>(admin), String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("fabrikam");
  }

  /** Until the report judges the tenant's launches of the last 7 days. */
  private void awaitLaunchesJudged(String tenant) throws Exception {
    long end = System.nanoTime() + 60_000_000_000L;
    while (true) {
      Report report = checkup.getReport().generate(ReportScope.of(Set.of(tenant)));
      boolean judged =
          report.tenants().stream()
              .flatMap(t -> t.indicators().stream())
              .anyMatch(i -> i.id().equals("launches.7d") && i.status() != Status.NOT_APPLICABLE);
      if (judged) {
        return;
      }
      assertThat(System.nanoTime()).as("launches.7d judged within a minute").isLessThan(end);
      Thread.sleep(100);
    }
  }

  private List<JsonNode> awaitAlerts(String tenant) throws Exception {
    long end = System.nanoTime() + 60_000_000_000L;
    List<JsonNode> alerts = alertsFor(tenant);
    while (alerts.isEmpty()) {
      assertThat(System.nanoTime()).as("an alert within a minute").isLessThan(end);
      Thread.sleep(200);
      alerts = alertsFor(tenant);
    }
    return alerts;
  }

  private List<JsonNode> alertsFor(String tenant) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode received :
        JSON.readTree(
            rest.withBasicAuth("admin", "admin").getForObject("/demo/alerts", String.class))) {
      if (tenant.equals(received.path("alert").path("tenantId").asText())) {
        found.add(received);
      }
    }
    return found;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
