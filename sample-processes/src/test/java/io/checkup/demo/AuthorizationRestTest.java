package io.checkup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
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
 * With Camunda's authorizations on, a tenant member who holds no authorization on the tenant or its
 * process definitions sees the check-up of their tenant: its report and its history alike. Camunda
 * grants a new member READ on the tenant; an administrator may take it away again, and a custom
 * authorization provider may never grant it. The history once asked the engine's own queries
 * whether the tenant exists, and those queries obey authorizations: the report answered 200 and the
 * history 404.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "checkup.demo.auth=true",
      "camunda.bpm.authorization.enabled=true",
      "checkup.demo.simulate=false",
      "checkup.demo.deploy-samples=false",
      "spring.datasource.url=jdbc:h2:mem:checkup-authorization;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationRestTest {

  @Autowired private TestRestTemplate rest;

  @Autowired private ProcessEngine engine;

  @BeforeAll
  void aMemberWithoutAuthorizations() {
    IdentityService identity = engine.getIdentityService();
    User erin = identity.newUser("erin");
    erin.setPassword("secret");
    identity.saveUser(erin);
    identity.saveTenant(identity.newTenant("acme"));
    identity.saveTenant(identity.newTenant("globex"));
    identity.createTenantUserMembership("acme", "erin");
    // the READ on the tenant that Camunda's default provider granted with the membership, taken
    // away
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Authorization granted :
        authorizations
            .createAuthorizationQuery()
            .userIdIn("erin")
            .resourceType(Resources.TENANT)
            .list()) {
      authorizations.deleteAuthorization(granted.getId());
    }
    for (String tenant : List.of("acme", "globex")) {
      TestDeployments.startToEnd(engine, tenant, "p");
    }
  }

  private HttpStatus status(String user, String password, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    ResponseEntity<String> answer =
        rest.exchange(
            "/engine-rest/checkup" + path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    return HttpStatus.valueOf(answer.getStatusCode().value());
  }

  @Test
  void theEngineHidesTheTenantFromTheMemberButTheCheckUpDoesNot() {
    // Camunda's own query, as the member: no READ on the tenant, so nothing
    engine.getIdentityService().setAuthentication("erin", List.of(), List.of("acme"));
    try {
      assertThat(engine.getIdentityService().createTenantQuery().tenantId("acme").count()).isZero();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(status("erin", "secret", "/report/acme")).isEqualTo(HttpStatus.OK);
    assertThat(status("erin", "secret", "/history/acme")).isEqualTo(HttpStatus.OK);
    assertThat(status("erin", "secret", "/history/acme?format=csv")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theMemberStillSeesNoOtherTenantAndNothingThatDoesNotExist() {
    for (String path : List.of("/report/globex", "/history/globex", "/history/nosuch")) {
      assertThat(status("erin", "secret", path)).as(path).isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(status("admin", "admin", "/history/globex")).isEqualTo(HttpStatus.OK);
    assertThat(status("admin", "admin", "/history/nosuch")).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
