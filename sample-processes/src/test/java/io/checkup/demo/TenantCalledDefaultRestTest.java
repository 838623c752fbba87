package io.checkup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Camunda's tenant ids allow {@code default}: such a tenant is a tenant like any other, and the
 * tenant-less part of the engine has an address of its own that no tenant id can take, as in
 * Camunda's REST API ({@code withoutTenantId=true}). The demo without its sample models ({@code
 * deploy-samples=false}) reports the tenant-less part a test deploys: only its showcase models are
 * left out.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "checkup.demo.auth=true",
      "checkup.demo.simulate=false",
      "checkup.demo.deploy-samples=false",
      "spring.datasource.url=jdbc:h2:mem:checkup-tenant-default;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantCalledDefaultRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired private TestRestTemplate rest;

  @Autowired private ProcessEngine engine;

  @BeforeAll
  void aTenantCalledDefaultAndTheTenantLessPart() {
    IdentityService identity = engine.getIdentityService();
    User dora = identity.newUser("dora");
    dora.setPassword("secret");
    identity.saveUser(dora);
    Tenant tenant = identity.newTenant("default");
    tenant.setName("Default Ltd");
    identity.saveTenant(tenant);
    identity.createTenantUserMembership("default", "dora");
    // two models in the tenant called default, one in the tenant-less part
    for (String key : List.of("first", "second")) {
      TestDeployments.startToEnd(engine, "default", key);
    }
    TestDeployments.startToEnd(engine, null, "shared");
  }

  private ResponseEntity<String> get(String user, String password, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    return rest.exchange(
        "/engine-rest/checkup" + path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private static JsonNode onlyTenant(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode tenants = JSON.readTree(response.getBody()).get("tenants");
    assertThat(tenants).hasSize(1);
    return tenants.get(0);
  }

  private static long value(JsonNode tenant, String indicator) {
    for (JsonNode entry : tenant.get("indicators")) {
      if (entry.get("id").asText().equals(indicator)) {
        return entry.get("value").asLong();
      }
    }
    throw new AssertionError("no indicator " + indicator);
  }

  @Test
  void reportSlashDefaultIsTheTenantCalledDefault() throws Exception {
    for (String[] caller : new String[][] {{"dora", "secret"}, {"admin", "admin"}}) {
      JsonNode tenant = onlyTenant(get(caller[0], caller[1], "/report/default"));
      assertThat(tenant.get("tenantId").asText()).isEqualTo("default");
      assertThat(tenant.get("tenantName").asText()).isEqualTo("Default Ltd");
      assertThat(value(tenant, "models.total")).isEqualTo(2);
    }
  }

  @Test
  void theTenantLessPartHasItsOwnAddress() throws Exception {
    JsonNode tenantLess = onlyTenant(get("admin", "admin", "/report?withoutTenantId=true"));

    assertThat(tenantLess.get("tenantId").isNull()).isTrue();
    assertThat(value(tenantLess, "models.total")).isEqualTo(1);
    // a member of a tenant does not see the tenant-less part
    assertThat(get("dora", "secret", "/report?withoutTenantId=true").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theCsvTellsTheTwoApart() {
    String csv = get("admin", "admin", "/report?format=csv").getBody();

    List<String> tenantCells = new ArrayList<>();
    for (String line : csv.split("\n")) {
      if (line.contains(",models.total,")) {
        tenantCells.add(line.substring(0, line.indexOf(',')));
      }
    }
    // the tenant called default, and the tenant-less part with an empty tenant id
    assertThat(tenantCells).containsExactlyInAnyOrder("default", "");
    assertThat(rows(get("admin", "admin", "/report/default?format=csv").getBody()))
        .allSatisfy(line -> assertThat(line).startsWith("default,\"Default Ltd\","));
    assertThat(rows(get("admin", "admin", "/report?withoutTenantId=true&format=csv").getBody()))
        .allSatisfy(line -> assertThat(line).startsWith(","));
  }

  /** The lines of a CSV that start a row (not the header, not a line inside a quoted cell). */
  private static List<String> rows(String csv) {
    List<String> rows = new ArrayList<>();
    for (String line : csv.split("\n")) {
      if (line.contains(",models.") || line.contains(",launches.")) {
        rows.add(line);
      }
    }
    assertThat(rows).isNotEmpty();
    return rows;
  }
}
