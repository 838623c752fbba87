package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.lint.Finding;
import io.checkup.lint.Severity;
import io.checkup.lint.WitnessStep;
import io.checkup.testing.ModelGenerator;
import io.checkup.testing.TestEngines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The findings kept for the Java and REST API: only of what the engine itself parses, a bounded
 * answer per deployment, and a budget in bytes for all of them.
 */
class LintResultsTest {

  private final List<ProcessEngine> engines = new ArrayList<>();

  @AfterEach
  void close() {
    engines.forEach(ProcessEngine::close);
  }

  private ProcessEngine engine(TestEngines engines, CheckupProcessEnginePlugin plugin) {
    if (plugin != null) {
      engines.plugin(plugin);
    }
    ProcessEngine engine = engines.build();
    this.engines.add(engine);
    return engine;
  }

  @Test
  void aResourceTheEngineStoresWithoutParsingIsNotLinted() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    ProcessEngine engine = engine(TestEngines.h2(), plugin);

    Deployment deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addString("shouting.BPMN", ModelGenerator.strays("shouting", 50, "Stray"))
            .addString("quiet.bpmn", ModelGenerator.strays("quiet", 1, "Stray"))
            .deploy();

    // Camunda's own suffix rule is case-sensitive: it deployed no process from shouting.BPMN
    assertThat(
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .deploymentId(deployment.getId())
                .list())
        .extracting("key")
        .containsExactly("quiet");
    assertThat(plugin.getLintResults().forDeployment(deployment.getId()).orElseThrow())
        .extracting(ResourceFindings::resourceName)
        .containsExactly("quiet.bpmn");
  }

  @Test
  void anAnswerListsAtMostAThousandFindingsTheMostSevereFirstAndCountsTheRest() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    String database = "lint-results-" + UUID.randomUUID();
    ProcessEngine engine = engine(TestEngines.h2Shared(database), plugin);

    // 1,100 strays: 1,100 errors (no-disconnected) and more than 2,000 findings of other
    // severities,
    // in two resources
    Deployment deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addString("a.bpmn", ModelGenerator.strays("a", 1_100, "Stray"))
            .addString("b.bpmn", ModelGenerator.strays("b", 10, "Stray"))
            .deploy();
    List<ResourceFindings> atDeployTime =
        plugin.getLintResults().forDeployment(deployment.getId()).orElseThrow();
    // after a restart the stored models are linted again: the same bound
    engine.close();
    CheckupProcessEnginePlugin restarted = new CheckupProcessEnginePlugin();
    engine(TestEngines.h2Shared(database).schemaUpdate("false"), restarted);
    List<ResourceFindings> afterRestart =
        restarted.getLintResults().forDeployment(deployment.getId()).orElseThrow();

    for (List<ResourceFindings> answer : List.of(atDeployTime, afterRestart)) {
      assertThat(answer)
          .extracting(ResourceFindings::resourceName)
          .containsExactly("a.bpmn", "b.bpmn");
      ResourceFindings a = answer.get(0);
      assertThat(a.findings())
          .hasSize(1_000)
          .allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.ERROR));
      assertThat(a.findings()).isSortedAccordingTo(Comparator.comparingInt(Finding::line));
      assertThat(a.omitted()).isGreaterThan(1_100);
      assertThat(answer.get(1).findings()).isEmpty();
      assertThat(answer.get(1).omitted()).isGreaterThan(20);
    }
    assertThat(afterRestart.get(0).omitted()).isEqualTo(atDeployTime.get(0).omitted());
    assertThat(afterRestart.get(1).omitted()).isEqualTo(atDeployTime.get(1).omitted());
  }

  @Test
  void theKeptFindingsStayWithinTheByteBudgetAndWhatLeftIsLintedAgainOnRequest() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintResultsCacheSize("256KB");
    ProcessEngine engine = engine(TestEngines.h2(), plugin);

    List<String> deployments = new ArrayList<>();
    List<List<Finding>> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id =
          engine
              .getRepositoryService()
              .createDeployment()
              .addString(
                  "m" + i + ".bpmn", ModelGenerator.strays("m" + i, 60, "A stray task with a name"))
              .deploy()
              .getId();
      deployments.add(id);
      answers.add(plugin.getLintResults().forDeployment(id).orElseThrow().get(0).findings());
      assertThat(plugin.getLintResults().keptBytes()).isPositive().isLessThanOrEqualTo(256 * 1024);
    }

    // the first deployments left the budget long ago: asked again, their models are linted again,
    // same answer
    assertThat(
            plugin
                .getLintResults()
                .forDeployment(deployments.get(0))
                .orElseThrow()
                .get(0)
                .findings())
        .isEqualTo(answers.get(0));
    assertThat(plugin.getLintResults().keptBytes()).isLessThanOrEqualTo(256 * 1024);
  }

  @Test
  void aStoredModelNestedTooDeepIsAParseErrorFindingNotAFailure() {
    String database = "lint-deep-" + UUID.randomUUID();
    // deployed by an engine without the plugin (Camunda itself parses 400 levels)
    ProcessEngine plain = engine(TestEngines.h2Shared(database), null);
    Deployment deployment =
        plain
            .getRepositoryService()
            .createDeployment()
            .addString("deep.bpmn", ModelGenerator.nested(400))
            .deploy();
    plain.close();

    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    engine(TestEngines.h2Shared(database), plugin);

    assertThat(
            plugin
                .getLintResults()
                .forDeployment(deployment.getId())
                .orElseThrow()
                .get(0)
                .findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.ruleId()).isEqualTo(Finding.PARSE_ERROR);
              assertThat(finding.message())
                  .contains("sub-processes are nested more than 300 levels deep (at 'sub300')");
            });
  }

  @Test
  void aFindingsWitnessAndFactsCountAgainstTheByteBudget() {
    List<WitnessStep> witness = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      witness.add(new WitnessStep("task" + i, "flow" + i, "x".repeat(200), i));
    }
    List<String> gateways = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      gateways.add("gateway-" + "y".repeat(50) + i);
    }
    Finding plain =
        new Finding("deadlock", Severity.ERROR, "waits", "join", 1, 1, "p", List.of(), null, null);
    Finding heavy =
        new Finding(
            "deadlock",
            Severity.ERROR,
            "waits",
            "join",
            1,
            1,
            "p",
            List.of(),
            Map.of("gateways", gateways, "outcomes", 1_000),
            witness);

    long without = new ResourceFindings("d", "m.bpmn", List.of(plain)).estimatedBytes();
    long with = new ResourceFindings("d", "m.bpmn", List.of(heavy)).estimatedBytes();
    // at least the characters of the witness's 500 step texts and of the 1,000 gateway ids
    long characters =
        witness.stream().mapToLong(step -> step.step().length()).sum()
            + gateways.stream().mapToLong(String::length).sum();
    assertThat(with - without).isGreaterThanOrEqualTo(2 * characters);
  }
}
