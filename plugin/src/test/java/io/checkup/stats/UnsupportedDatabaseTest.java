package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.lint.Finding;
import io.checkup.report.ReportScope;
import io.checkup.testing.LogCapture;
import io.checkup.testing.Models;
import io.checkup.testing.TestDatabases;
import io.checkup.testing.TestEngines;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database the plugin has no table script for (here SQL Server, which Camunda supports; H2 in its
 * SQL Server mode stands in for it, with Camunda's tables made beforehand): no foreign script is
 * run, one log line says why statistics and report are off, deploy-time lint goes on; with tables
 * an operator created by hand, both run.
 */
class UnsupportedDatabaseTest {

  private String schema;
  private ProcessEngine engine;
  private final LogCapture log = LogCapture.of("io.checkup");

  @BeforeEach
  void schema() {
    schema = "mssql" + UUID.randomUUID().toString().replace("-", "");
  }

  @AfterEach
  void drop() {
    log.close();
    if (engine != null) {
      engine.close();
    }
  }

  private ProcessEngine engine(CheckupProcessEnginePlugin plugin) {
    String url = "jdbc:h2:mem:" + schema + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
    // Camunda's own tables, made as for H2 (its SQL Server script uses filtered indexes H2 lacks)
    ProcessEngineConfigurationImpl tables = TestEngines.h2().history("none").configuration();
    tables.setJdbcUrl(url);
    tables.buildProcessEngine().close();
    // history off: Camunda's SQL Server statements for history (UPDATE ... FROM ... WITH) are
    // beyond H2's mode
    ProcessEngineConfigurationImpl configuration =
        TestEngines.h2().plugin(plugin).schemaUpdate("false").history("none").configuration();
    configuration.setJdbcUrl(url);
    configuration.setDatabaseType("mssql");
    engine = configuration.buildProcessEngine();
    return engine;
  }

  private boolean tableExists(String table) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + schema, "sa", "");
        ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
      return tables.next();
    }
  }

  @Test
  void withoutTablesStatisticsAndReportAreOffAndLintRuns() throws Exception {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    engine(plugin);

    Deployment deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                "p.bpmn",
                Bpmn.createExecutableProcess("p")
                    .camundaHistoryTimeToLive(30)
                    .startEvent()
                    .userTask("u")
                    .endEvent()
                    .done())
            .deploy();
    engine.getRuntimeService().startProcessInstanceByKey("p");

    // no script of another database was run
    assertThat(tableExists("ACT_RU_EXECUTION")).isTrue();
    assertThat(tableExists("CHECKUP_STAT")).isFalse();
    assertThat(log.linesContaining("database type 'mssql' is not supported"))
        .singleElement()
        .asString()
        .contains("statistics and the report are off, deploy-time lint runs")
        .contains(
            "create the tables CHECKUP_STAT, CHECKUP_LOCK, CHECKUP_VERSION, CHECKUP_MODEL, CHECKUP_SNAPSHOT_DAY and CHECKUP_SNAPSHOT by hand");
    assertThat(plugin.unavailableReason()).contains("mssql");
    assertThat(catchThrowableOfType(IllegalStateException.class, plugin::getReport))
        .hasMessageContaining("not supported");
    assertThat(
            plugin
                .getLintResults()
                .forDeployment(deployment.getId())
                .orElseThrow()
                .get(0)
                .findings())
        .extracting(Finding::ruleId)
        .contains("user-task-assignment");
  }

  @Test
  void withTablesCreatedByHandStatisticsRun() throws Exception {
    // what an operator does, following docs/statistics.md: the tables from the documented script
    for (String script :
        List.of("io/checkup/stats/sql/h2.create.sql", "io/checkup/report/sql/h2.create.sql")) {
      TestDatabases.execute(
          "jdbc:h2:mem:" + schema + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1",
          "sa",
          new String(getClass().getClassLoader().getResourceAsStream(script).readAllBytes())
              .replace("${prefix}", "")
              .replace("${indexPrefix}", ""));
    }
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setStatsFlushInterval("1h");
    engine(plugin);

    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance("p.bpmn", Models.startToEnd("p"))
        .deploy();
    engine.getRuntimeService().startProcessInstanceByKey("p");
    assertThat(plugin.getStatistics().flushNow()).isTrue();

    assertThat(plugin.unavailableReason()).isNull();
    assertThat(plugin.getStatistics().query().metric(Metric.INSTANCE_STARTED).sum()).isEqualTo(1);
    assertThat(plugin.getReport().generate(ReportScope.all()).tenants()).hasSize(1);
  }
}
