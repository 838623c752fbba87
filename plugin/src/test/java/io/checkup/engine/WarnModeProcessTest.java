package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.lint.Finding;
import io.checkup.testing.TestEngines;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In warn mode a model with findings is deployed by the usual test infrastructure
 * ({@code @Deployment}) and runs as it always did; its findings are there for the Java API.
 */
class WarnModeProcessTest {

  private static final CheckupProcessEnginePlugin CHECKUP = new CheckupProcessEnginePlugin();

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder()
          .useProcessEngine(TestEngines.h2().plugin(CHECKUP).build())
          .build();

  ProcessEngine engine; // injected by the extension

  @Test
  @Deployment(resources = "models/warnings.bpmn")
  void aModelWithFindingsDeploysAndRuns() {
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("orderRouting", Map.of("vip", false, "abroad", false));

    assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId()))
        .containsExactly("review");
    engine
        .getTaskService()
        .complete(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getId());
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .finished()
                .count())
        .as("ended")
        .isEqualTo(1);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .list())
        .extracting(HistoricActivityInstance::getActivityId)
        .contains("customerType", "region", "review", "done");

    ProcessDefinition definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("orderRouting")
            .singleResult();
    assertThat(CHECKUP.getLintResults().forProcessDefinition(definition.getId()).orElseThrow())
        .extracting(Finding::ruleId)
        .contains("cascaded-conditions", "user-task-assignment");
  }
}
