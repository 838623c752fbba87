package io.checkup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What is not a client is nowhere: an excluded tenant and the tenant-less part are absent from the
 * report in every format and from the history, and asked for by name they are a 404.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "checkup.demo.simulate=false",
      "checkup.demo.deploy-samples=false",
      "checkup.report.exclude-tenants=internal",
      "checkup.report.exclude-without-tenant=true",
      "spring.datasource.url=jdbc:h2:mem:checkup-exclusions;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExclusionsRestTest {

  @Autowired private TestRestTemplate rest;

  @Autowired private ProcessEngine engine;

  @Autowired private CheckupProcessEnginePlugin checkup;

  @BeforeAll
  void aClientAnInternalTenantAndTheTenantLessPart() {
    for (String tenant : new String[] {"client", "internal", null}) {
      if (tenant != null) {
        engine.getIdentityService().saveTenant(engine.getIdentityService().newTenant(tenant));
      }
      TestDeployments.startToEnd(engine, tenant, "p");
    }
    checkup.getReport().writeSnapshots();
  }

  private String body(String path) {
    return rest.getForObject("/engine-rest/checkup" + path, String.class);
  }

  @Test
  void excludedTenantsAreAbsentEverywhere() {
    for (String format : List.of("json", "csv", "html")) {
      String report = body("/report?format=" + format);
      assertThat(report).as(format).contains("client").doesNotContain("internal");
      assertThat(report).as(format).doesNotContain("(default)");
    }
    for (String path :
        List.of(
            "/report/internal",
            "/report?withoutTenantId=true",
            "/history/internal",
            "/history?withoutTenantId=true")) {
      assertThat(rest.getForEntity("/engine-rest/checkup" + path, String.class).getStatusCode())
          .as(path)
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(
            rest.getForEntity("/engine-rest/checkup/history/client", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void anExcludedTenantAnswersAsOneThatDoesNotExistWhateverElseIsAsked() {
    for (String query : List.of("", "?days=0", "?days=abc", "?format=xml")) {
      ResponseEntity<String> excluded =
          rest.getForEntity("/engine-rest/checkup/history/internal" + query, String.class);
      ResponseEntity<String> missing =
          rest.getForEntity("/engine-rest/checkup/history/nosuch" + query, String.class);
      assertThat(excluded.getStatusCode()).as(query).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(excluded.getBody())
          .as(query)
          .isEqualTo(missing.getBody().replace("'nosuch'", "'internal'"));
    }
    // the client itself gets the parameter's error
    assertThat(
            rest.getForEntity("/engine-rest/checkup/history/client?days=0", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
