package io.checkup.testing;

import io.checkup.engine.CheckupProcessEnginePlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * Builds engines for tests: H2 in memory by default, job executor off, every plugin given
 * installed.
 */
public final class TestEngines {

  private String jdbcUrl = "jdbc:h2:mem:checkup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private String user = "sa";
  private String password = "";
  private String driver = "org.h2.Driver";
  private String history = ProcessEngineConfiguration.HISTORY_FULL;
  private String name = "engine-" + UUID.randomUUID();
  private String schemaUpdate = "true";
  private final List<ProcessEnginePlugin> plugins = new ArrayList<>();
  private boolean metrics = true;
  private DataSource dataSource;
  private String databaseSchema;
  private String databaseType;

  public static TestEngines h2() {
    return new TestEngines();
  }

  /**
   * A file-less H2 database that outlives engines closing on it (for restart tests), named by the
   * caller.
   */
  public static TestEngines h2Shared(String databaseName) {
    TestEngines engines = new TestEngines();
    engines.jdbcUrl = "jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1";
    return engines;
  }

  /**
   * An engine on the local PostgreSQL server, in a schema of its own (see {@link
   * TestDatabases#newPostgresSchema}).
   */
  public static TestEngines postgres(String schema) {
    TestEngines engines = new TestEngines();
    engines.jdbcUrl = TestDatabases.POSTGRES_URL + "?currentSchema=" + schema;
    engines.user = "postgres";
    engines.driver = "org.postgresql.Driver";
    engines.databaseSchema = schema;
    return engines;
  }

  /**
   * An engine on the local MariaDB server, in a database of its own (see {@link
   * TestDatabases#newMariaDbDatabase}).
   */
  public static TestEngines mariaDb(String database) {
    TestEngines engines = new TestEngines();
    // as Camunda requires of MariaDB in production: read committed, and MySQL metadata (Connector/J
    // 3 names the
    // product "MariaDB", which Camunda does not map by itself)
    engines.jdbcUrl =
        TestDatabases.mariaDbUrl(database)
            + "?transactionIsolation=READ-COMMITTED&useMysqlMetadata=true";
    engines.user = "root";
    engines.driver = "org.mariadb.jdbc.Driver";
    return engines;
  }

  /**
   * Another node on the same database: the same connection settings, no plugins yet, a name of its
   * own.
   */
  public TestEngines again() {
    TestEngines next = new TestEngines();
    next.jdbcUrl = jdbcUrl;
    next.user = user;
    next.password = password;
    next.driver = driver;
    next.history = history;
    next.databaseSchema = databaseSchema;
    next.databaseType = databaseType;
    next.dataSource = dataSource;
    return next;
  }

  /**
   * Adds a plugin. camunda-checkup's report warm-up, daily snapshots and background alert
   * evaluation are switched off here, so that no background report runs beside a test's own clock
   * and counters; a test of one switches it on again before {@link #build()}.
   */
  public TestEngines plugin(ProcessEnginePlugin plugin) {
    if (plugin instanceof CheckupProcessEnginePlugin checkup) {
      checkup.setReportWarmUp(false);
      checkup.setReportSnapshots(false);
      checkup.setAlertsEvaluate(false);
    }
    plugins.add(plugin);
    return this;
  }

  public TestEngines history(String history) {
    this.history = history;
    return this;
  }

  public TestEngines name(String name) {
    this.name = name;
    return this;
  }

  public TestEngines schemaUpdate(String schemaUpdate) {
    this.schemaUpdate = schemaUpdate;
    return this;
  }

  /** Use this data source (a test double that can fail, say) instead of the JDBC URL. */
  public TestEngines dataSource(DataSource dataSource) {
    this.dataSource = dataSource;
    return this;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public TestEngines metrics(boolean metrics) {
    this.metrics = metrics;
    return this;
  }

  public ProcessEngineConfigurationImpl configuration() {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    if (dataSource != null) {
      configuration.setDataSource(dataSource);
    } else {
      configuration.setJdbcUrl(jdbcUrl);
      configuration.setJdbcUsername(user);
      configuration.setJdbcPassword(password);
      configuration.setJdbcDriver(driver);
    }
    if (databaseSchema != null) {
      // Camunda wants the schema both ways: for its metadata checks, and as the table prefix of its
      // statements
      configuration.setDatabaseSchema(databaseSchema);
      configuration.setDatabaseTablePrefix(databaseSchema + ".");
    }
    if (databaseType != null) {
      configuration.setDatabaseType(databaseType);
    }
    configuration.setDatabaseSchemaUpdate(schemaUpdate);
    configuration.setHistory(history);
    configuration.setJobExecutorActivate(false);
    configuration.setMetricsEnabled(metrics);
    configuration.setProcessEnginePlugins(new ArrayList<>(plugins));
    return configuration;
  }

  public ProcessEngine build() {
    return configuration().buildProcessEngine();
  }
}
