package io.checkup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The demo as docs/lint.md starts it in strict mode: with its client companies and their traffic,
 * the faulty sample models refused (and logged), everything else deployed and running.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "checkup.lint.mode=strict",
      "spring.datasource.url=jdbc:h2:mem:checkup-demo-strict;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
    })
// closed after the class: its simulator keeps launching instances, which would slow the tests after
// it
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// before the context starts, to read the demo's start-up lines
@ExtendWith(OutputCaptureExtension.class)
class DemoStrictModeTest {

  private static final List<String> REFUSED =
      List.of("contractApproval", "invoiceCheck", "supportTicket");
  private static final List<String> SAMPLES_DEPLOYED =
      List.of("employeeOnboarding", "leadQualification", "orderFulfillment");

  @Autowired private ProcessEngine engine;

  @Autowired private TestRestTemplate rest;

  @Test
  void theDemoStartsWithEveryCompanyAndOnlyTheFaultySamplesAreRefused(CapturedOutput output)
      throws Exception {
    List<String> tenants = new ArrayList<>();
    engine
        .getIdentityService()
        .createTenantQuery()
        .list()
        .forEach(tenant -> tenants.add(tenant.getId()));
    assertThat(tenants).containsExactlyInAnyOrder("northwind", "contoso", "fabrikam");

    // Contoso keeps copies of the lint showcase: those that pass are deployed
    List<String> contoso =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .tenantIdIn("contoso")
            .list()
            .stream()
            .map(ProcessDefinition::getKey)
            .toList();
    assertThat(contoso)
        .containsAll(SAMPLES_DEPLOYED)
        .doesNotContainAnyElementsOf(REFUSED)
        .contains("quoteRequest");
    // one line says what was left out, whatever the order the engine refused them in
    List<String> refusedLines =
        output.getAll().lines().filter(line -> line.contains("strict mode refused")).toList();
    assertThat(refusedLines).hasSize(1);
    assertThat(refusedLines.get(0))
        .contains("Demo tenant contoso: strict mode refused ")
        .contains("contract-approval.bpmn", "invoice-check.bpmn", "support-ticket.bpmn")
        .containsPattern("deployed the other \\d+ model\\(s\\)$");
    // the tenant-less samples: the same three refused one by one, the others deployed
    List<String> tenantLess =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .withoutTenantId()
            .list()
            .stream()
            .map(ProcessDefinition::getKey)
            .toList();
    assertThat(tenantLess).containsExactlyInAnyOrderElementsOf(SAMPLES_DEPLOYED);
    // README: the demo is set up when its log says so; the samples' refusals come before that line
    List<String> lines = output.getAll().lines().toList();
    int ready = indexOf(lines, "camunda-checkup demo ready");
    assertThat(ready).isNotNegative();
    for (String sample :
        List.of("contract-approval.bpmn", "invoice-check.bpmn", "support-ticket.bpmn")) {
      assertThat(indexOf(lines, "Sample model " + sample + " was not deployed"))
          .as(sample)
          .isNotNegative()
          .isLessThan(ready);
    }

    // the companies have their history, and the check-up answers for all of them
    JsonNode report =
        new ObjectMapper().readTree(rest.getForObject("/engine-rest/checkup/report", String.class));
    List<String> reported = new ArrayList<>();
    for (JsonNode tenant : report.get("tenants")) {
      reported.add(tenant.get("tenantId").asText());
      for (JsonNode indicator : tenant.get("indicators")) {
        if (tenant.get("tenantId").asText().equals("northwind")
            && indicator.get("id").asText().equals("launches.7d")) {
          assertThat(indicator.get("value").asLong()).isPositive();
        }
      }
    }
    assertThat(reported).contains("northwind", "contoso", "fabrikam");
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }
}
