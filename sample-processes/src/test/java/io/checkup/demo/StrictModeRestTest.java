package io.checkup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Strict mode through Camunda's REST API, as Camunda Modeler deploys: a model with lint errors is
 * refused with HTTP 400 and every error of the resource in the problem report, each with message,
 * line, column and element id.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "checkup.lint.mode=strict",
      "checkup.demo.simulate=false",
      "checkup.demo.deploy-samples=false"
    })
class StrictModeRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired private TestRestTemplate rest;

  @Test
  void aModelWithLintErrorsIsRefusedWithEveryErrorInTheReport() throws Exception {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "from modeler");
    form.add("data", new ClassPathResource("models/errors.bpmn"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);

    ResponseEntity<String> response =
        rest.postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(body.get("type").asText()).isEqualTo("ParseException");
    // Camunda Modeler shows this message: it must start with ENGINE-09005 and name every finding
    assertThat(body.get("message").asText())
        .startsWith("ENGINE-09005 Could not parse BPMN process.")
        .contains("[deadlock]")
        .contains("[fake-branch]")
        .contains("[unreachable]");
    JsonNode errors = body.at("/details/errors.bpmn/errors");
    List<String> elements = new ArrayList<>();
    for (JsonNode error : errors) {
      assertThat(error.get("line").asInt()).isPositive();
      assertThat(error.get("column").asInt()).isPositive();
      // names the element's id, as these messages do, and not a second time at the end
      assertThat(error.get("message").asText())
          .contains("(" + error.get("mainElementId").asText() + ")")
          .doesNotEndWith("(element " + error.get("mainElementId").asText() + ")");
      elements.add(error.get("mainElementId").asText());
    }
    assertThat(elements).containsExactlyInAnyOrder("notify", "bothDone", "archive");
    // the warnings of the refused model travel with it, each naming its rule
    JsonNode warnings = body.at("/details/errors.bpmn/warnings");
    assertThat(warnings).isNotEmpty();
    for (JsonNode warning : warnings) {
      assertThat(warning.get("message").asText()).matches("\\[[a-z-]+\\] .*");
    }
    assertThat(rest.getForObject("/engine-rest/deployment/count?name=from modeler", String.class))
        .contains("\"count\":0");
  }

  @Test
  void aCleanModelIsDeployed() {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "clean");
    form.add("data", new ClassPathResource("processes/order-fulfillment.bpmn"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);

    ResponseEntity<String> response =
        rest.postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
