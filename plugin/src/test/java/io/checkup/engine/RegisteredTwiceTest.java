package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.lint.Finding;
import io.checkup.stats.Metric;
import io.checkup.testing.LogCapture;
import io.checkup.testing.TestEngines;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plugin registered twice on one engine (in bpm-platform.xml and again in code, or once
 * directly and once inside a composite plugin, as Spring's starter wraps its beans): the first
 * registration works, the second does nothing but say so, so nothing is counted, linted or logged
 * twice.
 */
class RegisteredTwiceTest {

  private final LogCapture log = LogCapture.of("io.checkup");
  private ProcessEngine engine;

  @AfterEach
  void close() {
    log.close();
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "side by side",
        "the second inside a composite plugin",
        "the same instance twice, once in a composite plugin"
      })
  void theSecondRegistrationDoesNothingButSaySo(String how) {
    CheckupProcessEnginePlugin first = new CheckupProcessEnginePlugin();
    CheckupProcessEnginePlugin second = new CheckupProcessEnginePlugin();
    second.setLintMode("strict"); // would refuse the model below, were it working
    TestEngines database = TestEngines.h2Shared("twice-" + UUID.randomUUID());
    ProcessEngineConfigurationImpl configuration =
        database.name("twice").plugin(first).configuration();
    configuration
        .getProcessEnginePlugins()
        .add(
            switch (how) {
              case "side by side" -> second;
              case "the second inside a composite plugin" ->
                  new CompositeProcessEnginePlugin(second);
              default -> new CompositeProcessEnginePlugin(first);
            });
    engine = configuration.buildProcessEngine();

    // an unassigned user task: a user-task-assignment warning, an error in no mode
    Deployment deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .tenantId("acme")
            .addModelInstance(
                "twice.bpmn",
                Bpmn.createExecutableProcess("twice")
                    .camundaHistoryTimeToLive(1)
                    .startEvent("start")
                    .userTask("work")
                    .endEvent("end")
                    .done())
            .deploy();
    for (int i = 0; i < 3; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("twice");
    }
    engine
        .getTaskService()
        .createTaskQuery()
        .list()
        .forEach(task -> engine.getTaskService().complete(task.getId()));

    ProcessDefinition definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .deploymentId(deployment.getId())
            .singleResult();
    List<Finding> findings =
        first.getLintResults().forProcessDefinition(definition.getId()).orElseThrow();
    assertThat(findings).extracting(Finding::ruleId).containsOnlyOnce("user-task-assignment");
    assertThat(log.linesContaining("user-task-assignment")).hasSize(1);
    assertThat(CheckupRegistry.of("twice")).isSameAs(first);
    assertThat(log.linesContaining("registered more than once"))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("process engine 'twice'")
                    .contains("only the first registration works, with its settings"));

    // set up once: one start line, and nothing mistaken for another plugin's parse factory or
    // command context factory
    assertThat(log.linesContaining("deploy-time lint mode")).hasSize(1);
    assertThat(log.linesContaining("already uses a custom BpmnParseFactory")).isEmpty();
    assertThat(log.linesContaining("uses its own CommandContextFactory")).isEmpty();
    // the second registration counts nothing, and fails at nothing
    assertThat(log.linesContaining("counting failed")).isEmpty();
    // every count once, whatever each registration would have flushed at the close
    engine.close();
    CheckupProcessEnginePlugin again = new CheckupProcessEnginePlugin();
    engine = database.again().name("again").plugin(again).build();
    assertThat(sum(again, Metric.INSTANCE_STARTED)).isEqualTo(3);
    assertThat(sum(again, Metric.INSTANCE_COMPLETED)).isEqualTo(3);
    assertThat(sum(again, Metric.TASK_CREATED)).isEqualTo(3);
    assertThat(sum(again, Metric.ACTIVITY_ENDED)).isEqualTo(9);
  }

  private static long sum(CheckupProcessEnginePlugin checkup, Metric metric) {
    return checkup.getStatistics().query().tenant("acme").processKey("twice").metric(metric).sum();
  }
}
