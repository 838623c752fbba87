package io.checkup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * The healthy client's processes are what a team would deploy in strict mode: no finding of
 * severity error or warning under the default rules.
 */
class NorthwindModelsTest {

  @Test
  void everyProcessOfTheHealthyClientLintsClean() {
    Linter linter = new Linter(LintConfig.defaults(RuleCatalog.standard()));
    List<String> findings = new ArrayList<>();
    for (DemoModels.Model model : NorthwindModels.all()) {
      byte[] xml = Bpmn.convertToString(model.model()).getBytes(StandardCharsets.UTF_8);
      for (Finding finding : linter.lint(xml).findings()) {
        if (finding.severity() != Severity.INFO) {
          findings.add(model.key() + ": " + finding.ruleId() + " " + finding.message());
        }
      }
    }
    assertThat(findings).isEmpty();
    assertThat(NorthwindModels.all()).hasSize(20);
  }

  @Test
  void everyProcessOfTheHealthyClientRunsToItsEndAsTheSimulatorDrivesIt() {
    // the simulator starts instances with an amount and a variant and completes their tasks; a
    // called process decides on them too (without them its first condition failed, an ERROR with a
    // stack trace in the demo's log every few minutes)
    ProcessEngine engine =
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setJdbcUrl("jdbc:h2:mem:northwind-runs;DB_CLOSE_DELAY=-1")
            .setProcessEngineName("northwind-runs")
            .setJobExecutorActivate(false)
            .buildProcessEngine();
    try {
      var deployment = engine.getRepositoryService().createDeployment();
      for (DemoModels.Model model : NorthwindModels.all()) {
        deployment.addModelInstance(model.resourceName(), model.model());
      }
      deployment.deploy();
      for (DemoModels.Model model : NorthwindModels.all()) {
        for (int amount : new int[] {0, 250, 500, 750, 999}) {
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  model.key(), Map.of("amount", amount, "variant", amount % 2 == 0 ? "A" : "B"));
        }
      }
      for (int round = 0;
          round < 100 && engine.getTaskService().createTaskQuery().count() > 0;
          round++) {
        for (Task task : engine.getTaskService().createTaskQuery().list()) {
          engine.getTaskService().complete(task.getId());
        }
        for (Job job : engine.getManagementService().createJobQuery().list()) {
          engine.getManagementService().executeJob(job.getId());
        }
      }

      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count())
          .isEqualTo(engine.getHistoryService().createHistoricProcessInstanceQuery().count());
    } finally {
      engine.close();
    }
  }
}
