package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.db.PluginTables;
import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.TestEngines;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * An engine closing while a job runs: the job finishes (the job executor waits for it) and its
 * counts are in the final flush. The flush used to run before the engine stopped its jobs, and what
 * they committed afterwards was never written.
 */
class JobsDuringCloseTest {

  static volatile CountDownLatch started = new CountDownLatch(1);

  /** A service task that takes a while. */
  public static final class Slow implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) throws Exception {
      started.countDown();
      Thread.sleep(1_000);
    }
  }

  @Test
  void theCountsOfAJobThatEndsWhileTheEngineClosesAreWritten() throws Exception {
    started = new CountDownLatch(1);
    String database = "jobs-close-" + UUID.randomUUID();
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setReportWarmUp(false);
    checkup.setStatsFlushInterval("1h");
    ProcessEngineConfigurationImpl configuration =
        TestEngines.h2Shared(database).plugin(checkup).configuration();
    configuration.setJobExecutorActivate(true);
    ProcessEngine engine = configuration.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "slow.bpmn",
            Bpmn.createExecutableProcess("slow")
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .serviceTask("work")
                .camundaAsyncBefore()
                .camundaClass(Slow.class.getName())
                .endEvent()
                .done())
        .deploy();
    engine.getRuntimeService().startProcessInstanceByKey("slow");
    assertThat(started.await(30, TimeUnit.SECONDS)).as("the job started").isTrue();

    engine.close();

    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    StatsStore store = new StatsStore(new PluginTables(h2, "h2", ""));
    assertThat(new StatsQuery(store).metric(Metric.INSTANCE_STARTED).sum()).isEqualTo(1);
    assertThat(new StatsQuery(store).metric(Metric.INSTANCE_COMPLETED).sum())
        .as("completed by the job, after the close began")
        .isEqualTo(1);
    store.drop();
  }
}
