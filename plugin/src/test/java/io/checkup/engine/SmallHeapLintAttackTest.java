package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.checkup.testing.ModelGenerator;
import io.checkup.testing.Models;
import io.checkup.testing.TestEngines;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory attack of a deploying user, in a JVM with a 160 MB heap (a surefire execution of its
 * own): large models with tens of thousands of findings, deployed and asked for round after round.
 * Before the findings had a budget in bytes, each round kept about 20 MB and the heap ran out
 * within ten rounds; the engine must answer throughout and keep no more than its budget.
 */
class SmallHeapLintAttackTest {

  @TempDir Path database;

  @Test
  void deployingAndAskingRoundAfterRoundNeverTakesTheHeap() {
    assumeTrue(
        Runtime.getRuntime().maxMemory() < 200L << 20,
        "runs in the small-heap execution (-Xmx160m)");
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setStatsEnabled(false);
    TestEngines engines = TestEngines.h2().plugin(plugin);
    ProcessEngineConfigurationImpl configuration = engines.configuration();
    // on disk, so the deployed models themselves are not on the heap either
    configuration.setJdbcUrl("jdbc:h2:file:" + database.resolve("attack") + ";DB_CLOSE_DELAY=-1");
    // the engine's own cache of parsed definitions is bounded by count, not bytes: keep it out of
    // this test
    configuration.setCacheCapacity(4);
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance("plain.bpmn", Models.startToEnd("plain"))
          .deploy();
      String stored = ModelGenerator.strays("stored", 20_000, "A task nothing leads to");
      String parsed = ModelGenerator.strays("parsed", 2_000, "A task nothing leads to");
      for (int round = 0; round < 30; round++) {
        // stored by the engine without parsing (its suffix rule is case-sensitive), asked for
        // through the API
        String shouting =
            engine
                .getRepositoryService()
                .createDeployment()
                .addString("attack.BPMN", stored)
                .deploy()
                .getId();
        assertThat(plugin.getLintResults().forDeployment(shouting).orElseThrow()).isEmpty();
        // parsed, linted at deploy time and kept: one answer is bounded, all of them stay within
        // the budget
        String deployed =
            engine
                .getRepositoryService()
                .createDeployment()
                .addString("attack.bpmn", parsed)
                .deploy()
                .getId();
        assertThat(plugin.getLintResults().forDeployment(deployed).orElseThrow().get(0).findings())
            .hasSize(1_000);
        assertThat(plugin.getLintResults().keptBytes()).isLessThanOrEqualTo(16L << 20);
        // and the engine answers
        assertThat(engine.getRuntimeService().startProcessInstanceByKey("plain").isEnded())
            .isTrue();
      }
    } finally {
      engine.close();
    }
  }
}
