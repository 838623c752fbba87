package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.TestEngines;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cfg.standalone.StandaloneTransactionContextFactory;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command's counts are kept when its transaction commits and dropped when it fails, at any point,
 * whether the engine runs its own transactions (its transaction context tells the counts) or a
 * transaction manager does (they listen to the transaction).
 */
class CommandEndsTest {

  private ProcessEngine engine;
  private CheckupProcessEnginePlugin checkup;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  /** What a service task of the test process does to its command's transaction. */
  public static final class Transactions {
    volatile Boolean toldByTheEngine;

    public boolean at(String failure) {
      toldByTheEngine =
          Context.getCommandContext().getTransactionContext() instanceof CommandEnds.Watched;
      switch (failure) {
        case "command" -> throw new IllegalStateException("the command fails");
        case "commit" ->
            Context.getCommandContext()
                .getTransactionContext()
                .addTransactionListener(
                    TransactionState.COMMITTING,
                    context -> {
                      throw new IllegalStateException("the commit fails");
                    });
        case "after the commit" ->
            // the database has committed; the engine still reports the command as failed
            Context.getCommandContext()
                .getTransactionContext()
                .addTransactionListener(
                    TransactionState.COMMITTED,
                    context -> {
                      throw new IllegalStateException("a listener after the commit fails");
                    });
        default -> {
          // commits
        }
      }
      return true;
    }
  }

  private Transactions start(String transactions) {
    checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h"); // the test flushes itself
    ProcessEngineConfigurationImpl configuration = TestEngines.h2().plugin(checkup).configuration();
    if (transactions.equals("a transaction manager's")) {
      // any other transaction context: the counts cannot tell its commit from the command's end
      configuration.setTransactionContextFactory(new StandaloneTransactionContextFactory() {});
    }
    Transactions beans = new Transactions();
    configuration.setBeans(Map.of("transactions", beans));
    engine = configuration.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "commit.bpmn",
            Bpmn.createExecutableProcess("commit")
                .camundaHistoryTimeToLive(1)
                .startEvent("start")
                .serviceTask("work")
                .camundaExpression("${transactions.at(failure)}")
                .endEvent("end")
                .done())
        .deploy();
    return beans;
  }

  private void run(String failure) {
    engine
        .getRuntimeService()
        .startProcessInstanceByKey("commit", Map.of("failure", failure))
        .getId();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"the engine's own transactions", "a transaction manager's"})
  void onlyCommittedCommandsCount(String transactions) {
    Transactions beans = start(transactions);

    run("none");
    assertThatThrownBy(() -> run("command")).hasMessageContaining("the command fails");
    assertThatThrownBy(() -> run("commit")).hasMessageContaining("the commit fails");
    assertThatThrownBy(() -> run("after the commit"))
        .hasMessageContaining("a listener after the commit fails");
    run("none");

    assertThat(beans.toldByTheEngine)
        .isEqualTo(transactions.equals("the engine's own transactions"));
    // what the database holds: the two that committed and the one whose commit went through
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().completed().count())
        .isEqualTo(3);
    Statistics statistics = checkup.getStatistics();
    assertThat(statistics.flushNow()).isTrue();
    assertThat(statistics.query().metric(Metric.INSTANCE_STARTED).sum()).isEqualTo(3);
    assertThat(statistics.query().metric(Metric.ACTIVITY_ENDED).sumByDimension())
        .containsExactlyInAnyOrderEntriesOf(Map.of("start", 3L, "work", 3L, "end", 3L));
    assertThat(statistics.query().metric(Metric.INSTANCE_COMPLETED).sum()).isEqualTo(3);
    assertThat(statistics.countingFailures()).isZero();
  }
}
