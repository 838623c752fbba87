package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cfg.standalone.StandaloneTransactionContextFactory;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A command's counts are kept when its transaction commits and dropped when it fails, at any point,
 * whether the engine runs its own transactions (its transaction context tells the counts), Spring
 * does (Spring's own synchronisation tells them, even of a commit that failed in the database) or
 * another transaction manager does (they listen to the transaction); and nothing of an ended
 * command stays with the thread.
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
    volatile boolean databaseFailsAtCommit;

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
        case "the database's commit" -> databaseFailsAtCommit = true;
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
    Transactions beans = new Transactions();
    ProcessEngineConfigurationImpl configuration =
        transactions.equals("Spring's")
            ? spring(beans)
            : TestEngines.h2().plugin(checkup).configuration();
    if (transactions.equals("a transaction manager's")) {
      // any other transaction context: the counts cannot tell its commit from the command's end
      configuration.setTransactionContextFactory(new StandaloneTransactionContextFactory() {});
    }
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

  /**
   * An engine whose transactions Spring manages, as in a Spring Boot application, with a
   * transaction manager whose database can fail at the commit (a connection lost then): Spring then
   * ends the transaction with the status "unknown", of which Camunda's transaction listeners hear
   * nothing.
   */
  private ProcessEngineConfigurationImpl spring(Transactions beans) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(TestEngines.h2().jdbcUrl());
    h2.setUser("sa");
    SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
    configuration.setProcessEngineName("spring-" + System.nanoTime());
    configuration.setDataSource(h2);
    configuration.setTransactionManager(
        new DataSourceTransactionManager(h2) {
          @Override
          protected void doCommit(DefaultTransactionStatus status) {
            if (beans.databaseFailsAtCommit) {
              beans.databaseFailsAtCommit = false;
              doRollback(status);
              throw new TransactionSystemException("the database fails at the commit");
            }
            super.doCommit(status);
          }
        });
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(new ArrayList<>(List.of(checkup)));
    return configuration;
  }

  private void run(String failure) {
    engine
        .getRuntimeService()
        .startProcessInstanceByKey("commit", Map.of("failure", failure))
        .getId();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"the engine's own transactions", "Spring's", "a transaction manager's"})
  void onlyCommittedCommandsCount(String transactions) {
    Transactions beans = start(transactions);

    run("none");
    assertThatThrownBy(() -> run("command")).hasMessageContaining("the command fails");
    assertThatThrownBy(() -> run("commit")).hasMessageContaining("the commit fails");
    assertThatThrownBy(() -> run("after the commit"))
        .hasMessageContaining("a listener after the commit fails");
    if (transactions.equals("Spring's")) {
      assertThatThrownBy(() -> run("the database's commit"))
          .hasRootCauseMessage("the database fails at the commit");
    }
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
    // every command has ended: none is kept, with its command context, by this thread
    assertThat(statistics.collector().openCommandsOfThisThread()).isZero();
  }
}
