package io.checkup.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.engine.CheckupProcessEnginePlugin;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The check-up through Camunda's REST API of the demo application with HTTP basic authentication
 * on, driven the way a partner's script would: tenants, users and groups created, models deployed
 * and instances started through the REST API, then the report read back. A user sees exactly their
 * tenants (directly or through a group), an administrator all, an anonymous caller nothing; another
 * tenant's report is a 404 that says nothing about it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "checkup.demo.auth=true",
      "checkup.demo.simulate=false",
      "checkup.demo.deploy-samples=false",
      // its tenant-less models stand for the lint showcase the demo leaves out
      "checkup.report.exclude-without-tenant=true",
      "spring.datasource.url=jdbc:h2:mem:checkup-report-rest;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckupReportRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"click\")";

  @Autowired private TestRestTemplate rest;

  @Autowired private CheckupProcessEnginePlugin checkup;

  private String betaDeployment;
  private String alphaDefinition;

  /** The UTC day the traffic ran: a report read after midnight counts it on the day before. */
  private LocalDate drivenOn;

  @BeforeAll
  void tenantsUsersModelsAndTraffic() throws Exception {
    for (String user : List.of("ulla", "gus", "nobody")) {
      admin(
          HttpMethod.POST,
          "/user/create",
          Map.of(
              "profile",
              Map.of(
                  "id",
                  user,
                  "firstName",
                  user,
                  "lastName",
                  "Tester",
                  "email",
                  user + "@example.org"),
              "credentials",
              Map.of("password", "secret")));
    }
    admin(HttpMethod.POST, "/tenant/create", Map.of("id", "alpha", "name", "Alpha Inc"));
    admin(HttpMethod.POST, "/tenant/create", Map.of("id", "beta", "name", FORMULA_NAME));
    admin(
        HttpMethod.POST,
        "/group/create",
        Map.of("id", "betateam", "name", "Beta team", "type", "WORKFLOW"));
    admin(HttpMethod.PUT, "/tenant/alpha/user-members/ulla", null);
    admin(HttpMethod.PUT, "/group/betateam/members/gus", null);
    admin(HttpMethod.PUT, "/tenant/beta/group-members/betateam", null);

    // deployed eight days ago: the tenants are older than the 7-day windows the report judges them
    // on (a younger tenant is not judged on them), and the engine has a settled day behind it with
    // a daily snapshot at any hour (yesterday is not settled in the first minutes after midnight
    // UTC)
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() - 8 * 24 * 3_600_000L));
    String alpha;
    try {
      alpha = deploy("alpha");
      betaDeployment = deploy("beta");
    } finally {
      ClockUtil.reset();
    }
    alphaDefinition =
        JSON.readTree(admin(HttpMethod.GET, "/process-definition?deploymentId=" + alpha, null))
            .get(0)
            .get("id")
            .asText();
    // one small invoice weeks ago: the statistics have counted long enough to judge the windows
    TestDeployments.fortyDaysAgo(() -> start("alpha", 100));
    for (int amount : new int[] {100, 100, 100, 100, 900, 900}) {
      start("alpha", amount);
    }
    start("beta", 100);
    drivenOn = LocalDate.now(ZoneOffset.UTC);
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    assertThat(checkup.getReport().writeSnapshots()).isNotEmpty();
  }

  @Test
  void theHistoryFollowsTheReportsTenantChecksInEveryFormat() throws Exception {
    JsonNode own = JSON.readTree(get("ulla", "/history/alpha").getBody());
    assertThat(own.get("tenantId").asText()).isEqualTo("alpha");
    assertThat(own.get("days")).isNotEmpty();
    assertThat(own.get("days").get(0).has("score")).isTrue();
    assertThat(own.get("days").get(0).get("indicators").has("launches.7d")).isTrue();
    String csv = get("ulla", "/history/alpha?format=csv").getBody();
    assertThat(csv).startsWith("date,tenantId,indicator,value,status");
    assertThat(csv.lines().skip(1))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains(",alpha,"));
    // another tenant's history, or one that does not exist, or the tenant-less part: the same 404
    Document page = Jsoup.parse(get("ulla", "/history/alpha?format=html").getBody());
    assertThat(page.select("tbody tr")).hasSize(own.get("days").size());
    // the page shows the latest day first, the JSON the oldest
    assertThat(page.select("tbody tr td:first-child").first().text())
        .isEqualTo(own.get("days").get(own.get("days").size() - 1).get("date").asText());
    for (String path :
        List.of(
            "/history/beta",
            "/history/beta?format=csv",
            "/history/beta?format=html",
            "/history/gamma",
            "/history?withoutTenantId=true")) {
      ResponseEntity<String> refused = get("ulla", path);
      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(refused.getBody()).as(path).doesNotContain("launches").doesNotContain("HYPERLINK");
    }
    assertThat(get("gus", "/history/beta").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("admin", "/history/beta?format=csv").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(
            rest.getForEntity("/engine-rest/checkup/history/alpha", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("admin", "/history/alpha?days=0").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  /**
   * From each page a reader reaches the other view and the client's history, and back, whichever
   * path (the default engine's or a named one's) served the page: every link answers a page of the
   * same client.
   */
  @Test
  void theHtmlPagesLinkToOneAnotherOnThePathTheyWereServedOn() throws Exception {
    for (String root : List.of("/engine-rest/checkup/", "/engine-rest/engine/default/checkup/")) {
      Map<String, List<String>> expected =
          Map.of(
              "report?format=html",
              List.of("report?format=html&view=full", "history/alpha?format=html"),
              "report/alpha?format=html",
              List.of("report/alpha?format=html&view=full", "history/alpha?format=html"),
              "report/alpha?format=html&view=full",
              List.of("report/alpha?format=html", "history/alpha?format=html"),
              "history/alpha?format=html",
              List.of("report/alpha?format=html"),
              // an address ending in a slash is served too, one segment deeper
              "report/?format=html",
              List.of("report/?format=html&view=full", "history/alpha?format=html"),
              "history/alpha/?format=html",
              List.of("report/alpha?format=html"));
      for (Map.Entry<String, List<String>> page : expected.entrySet()) {
        String address = "http://localhost" + root + page.getKey();
        Document html =
            Jsoup.parse(
                rest.exchange(
                        root + page.getKey(),
                        HttpMethod.GET,
                        new HttpEntity<>(basic("ulla", "secret")),
                        String.class)
                    .getBody(),
                address);
        // as a browser resolves them, against the page's own address
        List<String> targets =
            html.select("a.view, a.history").stream()
                .map(link -> link.absUrl("href").substring(("http://localhost" + root).length()))
                .distinct()
                .toList();
        assertThat(targets).as(address).containsExactlyInAnyOrderElementsOf(page.getValue());
        for (String target : targets) {
          ResponseEntity<String> followed =
              rest.exchange(
                  root + target,
                  HttpMethod.GET,
                  new HttpEntity<>(basic("ulla", "secret")),
                  String.class);
          assertThat(followed.getStatusCode())
              .as(address + " -> " + target)
              .isEqualTo(HttpStatus.OK);
          assertThat(followed.getBody()).as(target).contains("Alpha Inc");
        }
      }
    }
  }

  @Test
  void anAnonymousCallerIsRefused() {
    assertThat(rest.getForEntity("/engine-rest/checkup/report", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/checkup/report/alpha", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            rest.getForEntity(
                    "/engine-rest/checkup/lint/deployment/" + betaDeployment, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  /**
   * A request for a page gets an error as a page: a partner following a link sees the sentence,
   * with what they sent escaped; the same request for JSON gets Camunda's JSON error.
   */
  @Test
  void anErrorAnsweringARequestForAPageIsAPage() throws Exception {
    for (String path :
        List.of(
            "/history/beta?format=html",
            "/report/beta?format=html",
            "/report/<b>bold?format=html",
            "/history/alpha?format=html&days=0",
            "/history?format=html")) {
      ResponseEntity<String> answer = get("ulla", path);
      assertThat(answer.getStatusCode().value()).as(path).isIn(400, 404);
      assertThat(answer.getHeaders().getContentType().toString()).as(path).startsWith("text/html");
      assertThat(answer.getHeaders().getFirst("Content-Security-Policy"))
          .startsWith("default-src 'none'");
      Document page = Jsoup.parse(answer.getBody());
      String json = get("ulla", path.replace("format=html", "format=json")).getBody();
      assertThat(page.selectFirst("p.error").text())
          .as(path)
          .isEqualTo(JSON.readTree(json).get("message").asText());
      assertThat(page.select("b, script")).as(path).isEmpty();
    }
    assertThat(Jsoup.parse(get("ulla", "/report/<b>bold?format=html").getBody()).text())
        .contains("No tenant '<b>bold'.");
    // asked for by the Accept header as a browser sends it
    ResponseEntity<String> browser =
        rest.exchange(
            "/engine-rest/checkup/history/gamma",
            HttpMethod.GET,
            new HttpEntity<>(acceptHeaders("text/html,application/xhtml+xml,*/*;q=0.8")),
            String.class);
    assertThat(browser.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(browser.getHeaders().getContentType().toString()).startsWith("text/html");
    // JSON, CSV and an unknown format keep Camunda's JSON error
    for (String path :
        List.of("/history/beta", "/history/beta?format=csv", "/history/beta?format=pdf")) {
      ResponseEntity<String> answer = get("ulla", path);
      assertThat(answer.getHeaders().getContentType().toString())
          .as(path)
          .startsWith("application/json");
      assertThat(JSON.readTree(answer.getBody()).has("message")).as(path).isTrue();
    }
  }

  @Test
  void aParameterThatIsNotUnderstoodIsA400ThatNamesIt() throws Exception {
    // Arabic-Indic digits are digits to Java, not to a client that wrote the query
    for (String days : List.of("abc", "1.5", "99999999999999", "0", "3661", "-1", "\u0663\u0660")) {
      ResponseEntity<String> answer = get("ulla", "/history/alpha?days=" + days);
      assertThat(answer.getStatusCode()).as(days).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(JSON.readTree(answer.getBody()).get("message").asText())
          .as(days)
          .isEqualTo("days must be a whole number from 1 to 3660, not '" + days + "'.");
    }
    assertThat(get("ulla", "/history/alpha?days=3660").getStatusCode()).isEqualTo(HttpStatus.OK);
    // blank or padded, as ?format is read
    assertThat(get("ulla", "/history/alpha?days=").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("ulla", "/history/alpha?days= 30 ").getStatusCode()).isEqualTo(HttpStatus.OK);
    // as Camunda's own REST API answers withoutTenantId=yes
    for (String path : List.of("/report?withoutTenantId=yes", "/history?withoutTenantId=1")) {
      ResponseEntity<String> answer = get("admin", path);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(JSON.readTree(answer.getBody()).get("message").asText())
          .as(path)
          .startsWith("Cannot convert value '")
          .contains("of withoutTenantId to a boolean");
    }
    // in any case: here the demo leaves the tenant-less part out, so both are its 404
    assertThat(get("admin", "/report?withoutTenantId=TRUE").getBody())
        .isEqualTo(get("admin", "/report?withoutTenantId=true").getBody())
        .contains("No tenant-less part");
    assertThat(tenantIds(get("admin", "/report?withoutTenantId=false").getBody()))
        .containsExactlyInAnyOrder("alpha", "beta");
    // a path of thousands of characters is not sent back whole
    String message =
        JSON.readTree(get("ulla", "/report/" + "x".repeat(7_000)).getBody())
            .get("message")
            .asText();
    assertThat(message).startsWith("No tenant 'xxx").hasSizeLessThan(300);
  }

  @Test
  void aDirectMemberSeesTheirTenantOnly() throws Exception {
    assertThat(tenantIds(get("ulla", "/report").getBody())).containsExactly("alpha");
    assertThat(get("ulla", "/report/alpha").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> other = get("ulla", "/report/beta");
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(other.getBody()).doesNotContain("HYPERLINK").doesNotContain("launches");
    // a tenant that does not exist looks exactly the same
    assertThat(get("ulla", "/report/gamma").getBody())
        .isEqualTo(other.getBody().replace("'beta'", "'gamma'"));
    assertThat(get("ulla", "/report/default").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("ulla", "/report?format=csv").getBody()).doesNotContain("beta");
  }

  @Test
  void aMemberThroughAGroupSeesThatTenant() throws Exception {
    assertThat(tenantIds(get("gus", "/report").getBody())).containsExactly("beta");
    assertThat(get("gus", "/report/alpha").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aUserOfNoTenantSeesNone() throws Exception {
    assertThat(tenantIds(get("nobody", "/report").getBody())).isEmpty();
  }

  @Test
  void anAdministratorSeesEveryTenant() throws Exception {
    assertThat(tenantIds(get("admin", "/report").getBody()))
        .containsExactlyInAnyOrder("alpha", "beta");
  }

  @Test
  void theExactNumbersOfTheTrafficDriven() throws Exception {
    JsonNode report = JSON.readTree(get("ulla", "/report/alpha").getBody());
    JsonNode alpha = report.get("tenants").get(0);
    assertThat(alpha.get("tenantName").asText()).isEqualTo("Alpha Inc");
    assertThat(alpha.get("users").asInt()).isEqualTo(1);
    // 4 instances through the small-amount path (6 elements each), 2 waiting at the approval (3
    // elements each)
    assertThat(value(alpha, "launches.7d")).isEqualTo(6);
    assertThat(value(alpha, "actions.24h")).isEqualTo(4 * 6 + 2 * 3);
    assertThat(value(alpha, "launches.per-user-7d")).isEqualTo(6);
    assertThat(value(alpha, "processes.active-7d")).isEqualTo(1);
    assertThat(value(alpha, "models.total")).isEqualTo(1);
    // whole days since the model was deployed, 192 hours and some seconds ago: eight, whatever the
    // hour (calendar days would say 8 or 9 around midnight UTC)
    assertThat(value(alpha, "models.last-change-days")).isEqualTo(8);
    assertThat(value(alpha, "gateways.conditions")).isEqualTo(1);
    assertThat(value(alpha, "capability.work-distribution")).isEqualTo(1);
    assertThat(value(alpha, "users.digitized-30d")).isZero();
    LocalDate from = LocalDate.parse(alpha.get("launches").get("from").asText());
    assertThat(
            alpha
                .get("launches")
                .get("perDay")
                .get((int) ChronoUnit.DAYS.between(from, drivenOn))
                .asInt())
        .isEqualTo(6);
    JsonNode beta = JSON.readTree(get("gus", "/report/beta").getBody()).get("tenants").get(0);
    assertThat(value(beta, "launches.7d")).isEqualTo(1);
    assertThat(value(beta, "actions.24h")).isEqualTo(6);
    assertThat(beta.get("users").asInt()).isEqualTo(1);
    // the ordering by risk holds through the API
    List<Integer> scores = new ArrayList<>();
    for (JsonNode tenant : JSON.readTree(get("admin", "/report").getBody()).get("tenants")) {
      scores.add(tenant.get("score").asInt());
    }
    assertThat(scores).isSorted();
  }

  @Test
  void formatsByParameterOrAcceptHeader() throws Exception {
    ResponseEntity<String> csv = get("admin", "/report?format=csv");
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).startsWith("tenantId,tenantName,");
    // the tenant named like a formula is text in the spreadsheet
    assertThat(csv.getBody()).contains("beta,\"'" + FORMULA_NAME.replace("\"", "\"\"") + "\"");
    HttpHeaders html = new HttpHeaders();
    html.setBasicAuth("admin", "admin");
    html.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> page =
        rest.exchange(
            "/engine-rest/checkup/report", HttpMethod.GET, new HttpEntity<>(html), String.class);
    assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'none'");
    assertThat(page.getBody()).startsWith("<!DOCTYPE html>");
    assertThat(Jsoup.parse(page.getBody()).text()).contains("Alpha Inc").contains(FORMULA_NAME);
    // the default page is the triage: only what needs attention, explained once in the glossary
    Document triage = Jsoup.parse(page.getBody());
    assertThat(triage.select("dl.glossary dt")).isNotEmpty();
    assertThat(triage.select("table.indicators tr.row-ok")).isEmpty();
    assertThat(triage.select("table.indicators tbody tr:not(.more)")).isNotEmpty();
    // the full page lists every indicator of every tenant
    JsonNode report = JSON.readTree(get("admin", "/report").getBody());
    int indicators = 0;
    for (JsonNode tenant : report.get("tenants")) {
      indicators += tenant.get("indicators").size();
    }
    Document full = Jsoup.parse(get("admin", "/report?format=html&view=full").getBody());
    assertThat(full.select("table.indicators tbody tr")).hasSize(indicators);
    assertThat(get("admin", "/report?format=html&view=everything").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("admin", "/report").getHeaders().getContentType().toString())
        .startsWith("application/json");
    assertThat(get("admin", "/report?format=xml").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    // the parameter wins over any Accept header; a bare text/* is the page
    assertThat(
            accepting("application/xml", "/report?format=csv")
                .getHeaders()
                .getContentType()
                .toString())
        .startsWith("text/csv");
    assertThat(accepting("text/*", "/report").getHeaders().getContentType().toString())
        .startsWith("text/html");
    // a client that reads only a type none of the formats is gets 406, as from the engine's own
    // resources, with a JSON body that says which types there are; any wildcard still gets JSON
    ResponseEntity<String> xml = accepting("application/xml", "/report");
    assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    assertThat(JSON.readTree(xml.getBody()).get("message").asText())
        .contains("'application/xml'")
        .contains("application/json, text/csv or text/html");
    assertThat(
            rest.exchange(
                    "/engine-rest/process-definition",
                    HttpMethod.GET,
                    new HttpEntity<>(acceptHeaders("application/xml")),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    assertThat(accepting("application/xml", "/history/beta").getStatusCode())
        .isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    // lint findings are JSON only: the 406 says so (it was the framework's generic answer)
    ResponseEntity<String> lintCsv = accepting("text/csv", "/lint/deployment/" + betaDeployment);
    assertThat(lintCsv.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    assertThat(JSON.readTree(lintCsv.getBody()).get("message").asText())
        .isEqualTo(
            "The Accept header 'text/csv' does not take application/json, the only format of lint"
                + " findings.");
    assertThat(
            accepting("text/csv, application/*;q=0.5", "/lint/deployment/" + betaDeployment)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            accepting("application/xml, */*;q=0.1", "/report")
                .getHeaders()
                .getContentType()
                .toString())
        .startsWith("application/json");
    assertThat(accepting("application/*", "/report").getHeaders().getContentType().toString())
        .startsWith("application/json");
    // q=0 says "not this one", even beside a wildcard
    assertThat(accepting("text/html;q=0, application/xml", "/report").getStatusCode())
        .isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    assertThat(
            accepting("application/json;q=0, */*", "/report")
                .getHeaders()
                .getContentType()
                .toString())
        .startsWith("text/html");
    assertThat(
            accepting("text/csv;q=0.5, text/html", "/report")
                .getHeaders()
                .getContentType()
                .toString())
        .startsWith("text/html");
  }

  @Test
  void aNamedEngineIsAskedOnItsOwnPathWithItsOwnAuthentication() throws Exception {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("second")
                .setJdbcUrl("jdbc:h2:mem:checkup-second-engine;DB_CLOSE_DELAY=-1");
    configuration.getProcessEnginePlugins().add(new CheckupProcessEnginePlugin());
    ProcessEngine second = configuration.buildProcessEngine();
    try {
      IdentityService identity = second.getIdentityService();
      User ulla = identity.newUser("ulla");
      ulla.setPassword("secret");
      identity.saveUser(ulla);
      identity.saveTenant(identity.newTenant("gamma"));
      identity.saveTenant(identity.newTenant("delta"));
      identity.createTenantUserMembership("gamma", "ulla");
      for (String tenant : List.of("gamma", "delta")) {
        second
            .getRepositoryService()
            .createDeployment()
            .tenantId(tenant)
            .addModelInstance("invoiceApproval.bpmn", DemoModels.invoiceApproval().model())
            .deploy();
      }

      // on its own path the caller is authenticated by the second engine, and sees their tenant
      // there
      ResponseEntity<String> own =
          rest.exchange(
              "/engine-rest/engine/second/checkup/report",
              HttpMethod.GET,
              new HttpEntity<>(basic("ulla", "secret")),
              String.class);
      assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(tenantIds(own.getBody())).containsExactly("gamma");
      assertThat(
              rest.exchange(
                      "/engine-rest/engine/second/checkup/report/delta",
                      HttpMethod.GET,
                      new HttpEntity<>(basic("ulla", "secret")),
                      String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
      // the default engine by name is the default engine
      assertThat(
              tenantIds(
                  rest.exchange(
                          "/engine-rest/engine/default/checkup/report",
                          HttpMethod.GET,
                          new HttpEntity<>(basic("ulla", "secret")),
                          String.class)
                      .getBody()))
          .containsExactly("alpha");
      // authenticated on the default engine, a caller cannot reach the second one's tenants through
      // a parameter
      assertThat(tenantIds(get("ulla", "/report?engine=second").getBody()))
          .containsExactly("alpha");
      // Camunda's own resources of named engines are untouched
      assertThat(
              rest.exchange(
                      "/engine-rest/engine/second/process-definition",
                      HttpMethod.GET,
                      new HttpEntity<>(basic("ulla", "secret")),
                      String.class)
                  .getBody())
          .contains("gamma")
          .doesNotContain("delta");
      assertThat(rest.exchange("/engine-rest/engine", HttpMethod.GET, null, String.class).getBody())
          .contains("second");
      assertThat(
              rest.exchange(
                      "/engine-rest/engine/third/checkup/report",
                      HttpMethod.GET,
                      new HttpEntity<>(basic("ulla", "secret")),
                      String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
    } finally {
      second.close();
    }
  }

  @Test
  void lintFindingsFollowCamundasTenantChecks() throws Exception {
    ResponseEntity<String> own = get("ulla", "/lint/process-definition/" + alphaDefinition);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode findings = JSON.readTree(own.getBody());
    assertThat(findings.get("processDefinitionKey").asText()).isEqualTo("invoiceApproval");
    assertThat(findings.get("findings").isArray()).isTrue();
    for (JsonNode finding : findings.get("findings")) {
      assertThat(finding.has("rule")).isTrue();
      assertThat(finding.has("severity")).isTrue();
      assertThat(finding.has("elementId")).isTrue();
      assertThat(finding.has("line")).isTrue();
    }
    assertThat(get("ulla", "/lint/deployment/" + betaDeployment).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> asAdmin = get("admin", "/lint/deployment/" + betaDeployment);
    assertThat(asAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(JSON.readTree(asAdmin.getBody()).get("resources").get(0).get("resource").asText())
        .isEqualTo("invoiceApproval.bpmn");
    assertThat(get("admin", "/lint/deployment/no-such-deployment").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // JSON only, as the report's json format: another format is refused, not answered in JSON
    assertThat(get("admin", "/lint/deployment/" + betaDeployment + "?format=json").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> asCsv =
        get("admin", "/lint/deployment/" + betaDeployment + "?format=csv");
    assertThat(asCsv.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(asCsv.getBody())
        .contains("Unknown format 'csv' for lint findings: they are JSON only.");
    assertThat(
            get("admin", "/lint/process-definition/" + alphaDefinition + "?format=html")
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void anAnswerCutAtItsBoundSaysHowManyFindingsItLeftOut() throws Exception {
    // 1,100 unnamed tasks in a row: a label-required finding each, more than one answer lists
    StringBuilder xml =
        new StringBuilder(
            "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\""
                + " targetNamespace=\"urn:t\"><process id=\"manyTasks\" isExecutable=\"true\""
                + " camunda:historyTimeToLive=\"5\"><startEvent id=\"s\" name=\"Start\"/>");
    String previous = "s";
    for (int i = 0; i < 1_100; i++) {
      xml.append("<task id=\"t").append(i).append("\"/>");
      xml.append("<sequenceFlow id=\"f").append(i).append("\" sourceRef=\"").append(previous);
      xml.append("\" targetRef=\"t").append(i).append("\"/>");
      previous = "t" + i;
    }
    xml.append("<endEvent id=\"e\" name=\"End\"/><sequenceFlow id=\"last\" sourceRef=\"");
    xml.append(previous).append("\" targetRef=\"e\"/></process></definitions>");
    String deployment = deploy(null, "manyTasks.bpmn", xml.toString().getBytes(UTF_8));

    JsonNode resource =
        JSON.readTree(get("admin", "/lint/deployment/" + deployment).getBody()).at("/resources/0");
    assertThat(resource.get("findings")).hasSize(1_000);
    int omitted = resource.get("omittedFindings").asInt();
    assertThat(omitted).isGreaterThanOrEqualTo(100);
    String definition =
        JSON.readTree(
                rest.exchange(
                        "/engine-rest/process-definition?deploymentId=" + deployment,
                        HttpMethod.GET,
                        new HttpEntity<>(basic("admin", "admin")),
                        String.class)
                    .getBody())
            .get(0)
            .get("id")
            .asText();
    JsonNode ofDefinition =
        JSON.readTree(get("admin", "/lint/process-definition/" + definition).getBody());
    assertThat(ofDefinition.get("findings")).hasSize(1_000);
    assertThat(ofDefinition.get("omittedFindings").asInt()).isEqualTo(omitted);
  }

  @Test
  void aDeadlockFindingCarriesItsWitness() throws Exception {
    byte[] model = new ClassPathResource("models/errors.bpmn").getInputStream().readAllBytes();
    // without a tenant: the demo leaves the tenant-less part out of the report, so the other
    // tests' numbers stay as they are
    String deployment = deploy(null, "errors.bpmn", model);

    ResponseEntity<String> answer = get("admin", "/lint/deployment/" + deployment);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode deadlock = null;
    for (JsonNode finding : JSON.readTree(answer.getBody()).at("/resources/0/findings")) {
      if (finding.get("rule").asText().equals("deadlock")) {
        deadlock = finding;
      }
    }
    assertThat(deadlock).isNotNull();
    JsonNode witness = deadlock.get("witness");
    assertThat(witness).hasSize(2);
    assertThat(witness.get(0).get("elementId").asText()).isEqualTo("decide");
    assertThat(witness.get(0).get("step").asText()).isEqualTo("at 'Amount?' (decide) take small");
    assertThat(witness.get(1).get("elementId").asText()).isEqualTo("bothDone");
    assertThat(witness.get(1).get("flowId").asText()).isEqualTo("f3");
  }

  // ---- plumbing ----

  private String deploy(String tenantId) throws Exception {
    return deploy(
        tenantId,
        "invoiceApproval.bpmn",
        Bpmn.convertToString(DemoModels.invoiceApproval().model()).getBytes());
  }

  private String deploy(String tenantId, String fileName, byte[] model) throws Exception {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", tenantId + " " + fileName);
    if (tenantId != null) {
      form.add("tenant-id", tenantId);
    }
    form.add(
        "data",
        new ByteArrayResource(model) {
          @Override
          public String getFilename() {
            return fileName;
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setBasicAuth("admin", "admin");
    ResponseEntity<String> response =
        rest.postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody()).get("id").asText();
  }

  private void start(String tenantId, int amount) {
    admin(
        HttpMethod.POST,
        "/process-definition/key/invoiceApproval/tenant-id/" + tenantId + "/start",
        Map.of("variables", Map.of("amount", Map.of("value", amount, "type", "Integer"))));
  }

  private String admin(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", "admin");
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response =
        rest.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), String.class);
    assertThat(response.getStatusCode().is2xxSuccessful())
        .as(method + " " + path + ": " + response.getBody())
        .isTrue();
    return response.getBody();
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.exchange(
        "/engine-rest/checkup" + path,
        HttpMethod.GET,
        new HttpEntity<>(basic(user, user.equals("admin") ? "admin" : "secret")),
        String.class);
  }

  private ResponseEntity<String> accepting(String accept, String path) {
    return rest.exchange(
        "/engine-rest/checkup" + path,
        HttpMethod.GET,
        new HttpEntity<>(acceptHeaders(accept)),
        String.class);
  }

  private static HttpHeaders acceptHeaders(String accept) {
    HttpHeaders headers = basic("admin", "admin");
    headers.set(HttpHeaders.ACCEPT, accept);
    return headers;
  }

  private static HttpHeaders basic(String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    return headers;
  }

  private static List<String> tenantIds(String body) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode tenant : JSON.readTree(body).get("tenants")) {
      ids.add(tenant.get("tenantId").asText());
    }
    return ids;
  }

  private static long value(JsonNode tenant, String indicator) {
    for (JsonNode entry : tenant.get("indicators")) {
      if (entry.get("id").asText().equals(indicator)) {
        return entry.get("value").asLong();
      }
    }
    throw new AssertionError("no indicator " + indicator);
  }
}
