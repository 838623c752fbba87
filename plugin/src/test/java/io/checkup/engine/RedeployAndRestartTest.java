package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.lint.Finding;
import io.checkup.testing.LogCapture;
import io.checkup.testing.TestEngines;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

/**
 * The re-parse trap: the engine parses a definition again whenever it loads it into its cache
 * (restart, another node of a cluster, a cache miss). Findings are logged once, at deployment, and
 * never again.
 */
class RedeployAndRestartTest {

  @Test
  void aRestartedEngineDoesNotLogTheFindingsAgainButStillKnowsThem() {
    String database = "restart-" + UUID.randomUUID();
    Deployment deployment;
    List<Finding> atDeployTime;
    try (LogCapture log = LogCapture.of("io.checkup.lint")) {
      CheckupProcessEnginePlugin first = new CheckupProcessEnginePlugin();
      ProcessEngine engine = TestEngines.h2Shared(database).plugin(first).build();
      deployment =
          engine
              .getRepositoryService()
              .createDeployment()
              .addClasspathResource("models/warnings.bpmn")
              .deploy();
      atDeployTime =
          first.getLintResults().forDeployment(deployment.getId()).orElseThrow().get(0).findings();
      assertThat(log.linesContaining("camunda-checkup lint ["))
          .hasSize(atDeployTime.size())
          .isNotEmpty();
      engine.close();
    }

    try (LogCapture log = LogCapture.of("io.checkup.lint")) {
      CheckupProcessEnginePlugin second = new CheckupProcessEnginePlugin();
      ProcessEngine restarted = TestEngines.h2Shared(database).plugin(second).build();
      // starting an instance loads (and parses) the definition into the new engine's cache
      restarted
          .getRuntimeService()
          .startProcessInstanceByKey("orderRouting", Map.of("vip", true, "abroad", false));
      assertThat(log.linesContaining("camunda-checkup lint")).isEmpty();
      // the findings are still there: linted once more from the stored model, silently
      assertThat(
              second
                  .getLintResults()
                  .forDeployment(deployment.getId())
                  .orElseThrow()
                  .get(0)
                  .findings())
          .containsExactlyElementsOf(atDeployTime);
      assertThat(log.linesContaining("camunda-checkup lint")).isEmpty();
      restarted.close();
    }
  }

  @Test
  void aCacheMissDoesNotLintAgain() {
    try (LogCapture log = LogCapture.of("io.checkup.lint")) {
      ProcessEngine engine = TestEngines.h2().plugin(new CheckupProcessEnginePlugin()).build();
      engine
          .getRepositoryService()
          .createDeployment()
          .addClasspathResource("models/warnings.bpmn")
          .deploy();
      int logged = log.linesContaining("camunda-checkup lint [").size();
      ProcessDefinition definition =
          engine.getRepositoryService().createProcessDefinitionQuery().singleResult();

      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getDeploymentCache()
          .discardProcessDefinitionCache();
      engine.getRepositoryService().getProcessDefinition(definition.getId());
      engine.getRepositoryService().getBpmnModelInstance(definition.getId());

      assertThat(log.linesContaining("camunda-checkup lint [")).hasSize(logged);
      engine.close();
    }
  }

  @Test
  void aDuplicateDeploymentThatChangesNothingIsNotLintedAgain() {
    try (LogCapture log = LogCapture.of("io.checkup.lint")) {
      ProcessEngine engine = TestEngines.h2().plugin(new CheckupProcessEnginePlugin()).build();
      for (int i = 0; i < 2; i++) {
        engine
            .getRepositoryService()
            .createDeployment()
            .name("same")
            .enableDuplicateFiltering(true)
            .addClasspathResource("models/warnings.bpmn")
            .deploy();
      }
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);
      assertThat(log.linesContaining("[warn] cascaded-conditions:")).hasSize(1);
      engine.close();
    }
  }
}
