package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.Models;
import io.checkup.testing.TestEngines;
import java.lang.ref.WeakReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

/**
 * An engine that closes lets go of its statistics, even on threads that counted for it and live on
 * (a servlet container's request threads outlive a redeployed application): their thread-local
 * counts must not keep the closed engine's collector, and its class loader, reachable.
 */
class ClosedEngineIsReleasedTest {

  @Test
  void aThreadThatCountedForAClosedEngineDoesNotKeepItsCollector() throws Exception {
    WeakReference<StatsCollector> collector = countOnThisThreadAndClose();

    for (int i = 0; i < 50 && collector.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }

    assertThat(collector.get()).as("the closed engine's collector").isNull();
  }

  /** Runs one instance on this thread, which now holds its counts, then closes the engine. */
  private static WeakReference<StatsCollector> countOnThisThreadAndClose() {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setReportWarmUp(false);
    ProcessEngine engine = TestEngines.h2().plugin(checkup).build();
    try {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance("p.bpmn", Models.startToEnd("p"))
          .deploy();
      engine.getRuntimeService().startProcessInstanceByKey("p");
      return new WeakReference<>(checkup.getStatistics().collector());
    } finally {
      engine.close();
    }
  }
}
