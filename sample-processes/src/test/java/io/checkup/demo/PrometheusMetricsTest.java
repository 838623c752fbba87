package io.checkup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.engine.CheckupProcessEnginePlugin;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The demo serves the check-up as Prometheus metrics: after a report over all tenants, {@code
 * /actuator/prometheus} shows each tenant's score, level and indicators with the report's values.
 */
// Spring Boot switches metrics export off in tests unless asked
@AutoConfigureObservability
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "checkup.demo.auth=true",
      "checkup.demo.simulate=false",
      "checkup.demo.deploy-samples=false",
      "spring.datasource.url=jdbc:h2:mem:checkup-metrics;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
    })
class PrometheusMetricsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired private TestRestTemplate rest;

  @Autowired private ProcessEngine engine;

  @Autowired private CheckupProcessEnginePlugin checkup;

  @Test
  void theReportsValuesAreScrapedPerTenant() throws Exception {
    Tenant tenant = engine.getIdentityService().newTenant("fabrikam");
    engine.getIdentityService().saveTenant(tenant);
    // deployed and first started weeks ago: a client older than the week the report judges
    TestDeployments.orderFortyDaysAgo(engine, "fabrikam");
    engine.getRuntimeService().startProcessInstanceByKey("order");
    assertThat(checkup.getStatistics().flushNow()).isTrue();

    HttpHeaders admin = new HttpHeaders();
    admin.setBasicAuth("admin", "admin");
    ResponseEntity<String> report =
        rest.exchange(
            "/engine-rest/checkup/report", HttpMethod.GET, new HttpEntity<>(admin), String.class);
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode fabrikam = null;
    for (JsonNode each : JSON.readTree(report.getBody()).get("tenants")) {
      if ("fabrikam".equals(each.get("tenantId").asText())) {
        fabrikam = each;
      }
    }
    assertThat(fabrikam).isNotNull();
    assertThat(indicator(fabrikam, "launches.7d")).isEqualTo(1);

    ResponseEntity<String> scrape = rest.getForEntity("/actuator/prometheus", String.class);

    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getBody())
        .contains(
            "checkup_tenant_score{tenant=\"fabrikam\"} " + fabrikam.get("score").asDouble(),
            "checkup_tenant_level{tenant=\"fabrikam\"} "
                + (fabrikam.get("riskLevel").asText().equals("healthy")
                    ? "0.0"
                    : fabrikam.get("riskLevel").asText().equals("attention") ? "1.0" : "2.0"),
            "checkup_tenant_launches_7d{tenant=\"fabrikam\"} 1.0");
  }

  private static double indicator(JsonNode tenant, String id) {
    for (JsonNode entry : tenant.get("indicators")) {
      if (entry.get("id").asText().equals(id)) {
        return entry.get("value").asDouble();
      }
    }
    throw new AssertionError("no indicator " + id);
  }
}
