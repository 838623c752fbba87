package io.checkup.report;

import static io.checkup.report.ReportAssertions.check;
import static io.checkup.report.ReportAssertions.json;
import static io.checkup.report.ReportAssertions.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.Intercepted;
import io.checkup.testing.TestEngines;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Reports never parse a model on a request once it is profiled: profiles are written at deployment,
 * survive a restart, and a model deployed before the plugin was installed is read once and then
 * stored.
 */
class ModelProfilesTest {

  private final String database = "profiles-" + UUID.randomUUID();

  private static CheckupProcessEnginePlugin plugin() {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    return checkup;
  }

  @Test
  void profilesWrittenAtDeploymentServeReportsAfterARestart() throws Exception {
    CheckupProcessEnginePlugin first = plugin();
    ProcessEngine engine = TestEngines.h2Shared(database).plugin(first).build();
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addClasspathResource("models/report/support.bpmn")
        .deploy();
    check(
        tenant(json(first.getReport().generate(ReportScope.all())), "acme"),
        "gateways.cascades",
        1,
        "out-of-norm");
    assertThat(first.getModelProfiles().modelsWorkedOut()).isZero();
    engine.close();

    CheckupProcessEnginePlugin second = plugin();
    ProcessEngine restarted = TestEngines.h2Shared(database).plugin(second).build();
    try {
      check(
          tenant(json(second.getReport().generate(ReportScope.all())), "acme"),
          "elements.fake",
          1,
          "out-of-norm");
      assertThat(second.getModelProfiles().modelsWorkedOut()).isZero();
    } finally {
      restarted.close();
    }
  }

  @Test
  void aModelDeployedBeforeThePluginIsReadOnceAndStored() throws Exception {
    ProcessEngine plain = TestEngines.h2Shared(database).build();
    deploySales(plain);
    plain.close();

    CheckupProcessEnginePlugin first = plugin();
    ProcessEngine engine = TestEngines.h2Shared(database).plugin(first).build();
    check(
        tenant(json(first.getReport().generate(ReportScope.all())), "acme"),
        "gateways.multi-branch",
        1,
        "out-of-norm");
    first.getReport().generate(ReportScope.all());
    assertThat(first.getModelProfiles().modelsWorkedOut()).isEqualTo(1);
    engine.close();

    CheckupProcessEnginePlugin second = plugin();
    ProcessEngine restarted = TestEngines.h2Shared(database).plugin(second).build();
    try {
      check(
          tenant(json(second.getReport().generate(ReportScope.all())), "acme"),
          "capability.sla-timers",
          1,
          "ok");
      assertThat(second.getModelProfiles().modelsWorkedOut()).isZero();
    } finally {
      restarted.close();
    }
  }

  @Test
  void aProfileStoredInAnOlderFormatIsWorkedOutAgainAndReplaced() throws Exception {
    String stored = storeAnOlderProfile(false);

    CheckupProcessEnginePlugin second = plugin();
    ProcessEngine restarted = TestEngines.h2Shared(database).plugin(second).build();
    try {
      check(
          tenant(json(second.getReport().generate(ReportScope.all())), "acme"),
          "gateways.conditions",
          0,
          "ok");
      assertThat(second.getModelProfiles().modelsWorkedOut()).isEqualTo(1);
      assertThat(storedProfile(dataSource(restarted))).isEqualTo(stored);
    } finally {
      restarted.close();
    }
  }

  @Test
  void anOlderProfileStaysInUseWhenItsModelCanNoLongerBeRead() throws Exception {
    storeAnOlderProfile(true);

    CheckupProcessEnginePlugin second = plugin();
    ProcessEngine restarted = TestEngines.h2Shared(database).plugin(second).build();
    try {
      // the model is unreadable now: the report goes on with what the older profile says
      check(
          tenant(json(second.getReport().generate(ReportScope.all())), "acme"),
          "gateways.conditions",
          1,
          "ok");
      check(
          tenant(json(second.getReport().generate(ReportScope.all())), "acme"),
          "gateways.multi-branch",
          1,
          "out-of-norm");
      assertThat(second.getModelProfiles().modelsWorkedOut()).isEqualTo(1);
      assertThat(storedProfile(dataSource(restarted))).doesNotContain("\"format\"");
    } finally {
      restarted.close();
    }
  }

  /**
   * A deployment's thread holds the engine's connection until the deployment has closed; the
   * profile is stored on another thread, so no deploying thread ever asks the pool for a second
   * connection (as many deployments at once as the pool has connections would all wait for it).
   */
  @Test
  void theDeployingThreadNeverHoldsTwoConnections() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    ConnectionsPerThread watched = new ConnectionsPerThread(h2);
    CheckupProcessEnginePlugin checkup = plugin();
    ProcessEngine engine =
        TestEngines.h2().dataSource(watched.dataSource()).plugin(checkup).build();
    try {
      watched.most.clear();
      deploySales(engine);
      assertThat(watched.mostOn(Thread.currentThread())).isEqualTo(1);
      checkup.getModelProfiles().awaitSaved();
      assertThat(storedProfile(h2)).contains("\"format\":" + ModelProfiles.FORMAT);
    } finally {
      engine.close();
    }
  }

  /** A data source that notes, per thread, the most connections it held at once. */
  private static final class ConnectionsPerThread {
    private final DataSource real;
    private final ThreadLocal<int[]> open = ThreadLocal.withInitial(() -> new int[1]);
    private final Map<Thread, Integer> most = new ConcurrentHashMap<>();

    ConnectionsPerThread(DataSource real) {
      this.real = real;
    }

    int mostOn(Thread thread) {
      return most.getOrDefault(thread, 0);
    }

    DataSource dataSource() {
      return Intercepted.by(
          DataSource.class,
          real,
          (method, arguments, source) -> {
            Object result = source.call();
            if (!method.getName().equals("getConnection")) {
              return result;
            }
            int now = ++open.get()[0];
            most.merge(Thread.currentThread(), now, Math::max);
            boolean[] closed = {false};
            return Intercepted.by(
                Connection.class,
                (Connection) result,
                (call, args, connection) -> {
                  if (call.getName().equals("close") && !closed[0]) {
                    closed[0] = true;
                    open.get()[0]--;
                  }
                  return connection.call();
                });
          });
    }
  }

  /**
   * Deploys sales.bpmn, then rewrites its stored profile as an earlier version of the plugin stored
   * it (no format, and its 3-way gateway counted as a two-way condition), optionally making the
   * model unreadable; closes the engine.
   *
   * @return the profile as this version stores it
   */
  private String storeAnOlderProfile(boolean breakTheModel) throws Exception {
    CheckupProcessEnginePlugin first = plugin();
    ProcessEngine engine = TestEngines.h2Shared(database).plugin(first).build();
    deploySales(engine);
    first.getModelProfiles().awaitSaved();
    String stored = storedProfile(dataSource(engine));
    assertThat(stored).contains("\"format\":" + ModelProfiles.FORMAT);
    String older =
        stored
            .replace(",\"format\":" + ModelProfiles.FORMAT, "")
            .replace("\"conditions\":0", "\"conditions\":1");
    try (Connection connection = dataSource(engine).getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("update CHECKUP_MODEL set PROFILE_ = '" + older + "'");
      if (breakTheModel) {
        statement.executeUpdate(
            "update ACT_GE_BYTEARRAY set BYTES_ = X'3c6e6f' where NAME_ like '%sales.bpmn'");
      }
    }
    engine.close();
    return stored;
  }

  @Test
  void aNewVersionLetsTheOlderVersionsProfileGoWithoutAReportOverAllTenants() throws Exception {
    CheckupProcessEnginePlugin checkup = plugin();
    ProcessEngine engine = TestEngines.h2Shared(database).plugin(checkup).build();
    try {
      for (int i = 0; i < 5; i++) {
        deploySales(engine);
        engine
            .getRepositoryService()
            .createDeployment()
            .tenantId("globex")
            .addClasspathResource("models/report/sales.bpmn")
            .deploy();
      }
      // the latest version of each tenant's process, not the ten deployed
      assertThat(checkup.getModelProfiles().cached()).isEqualTo(2);
      // a report of one tenant reads what it needs, from memory, and keeps no more
      check(
          tenant(json(checkup.getReport().generate(ReportScope.of(Set.of("acme")))), "acme"),
          "gateways.multi-branch",
          1,
          "out-of-norm");
      assertThat(checkup.getModelProfiles().cached()).isEqualTo(2);
      assertThat(checkup.getModelProfiles().modelsWorkedOut()).isZero();
    } finally {
      engine.close();
    }
  }

  /** Acme's sales model, whose profile the tests read. */
  private static void deploySales(ProcessEngine engine) {
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addClasspathResource("models/report/sales.bpmn")
        .deploy();
  }

  private static DataSource dataSource(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDataSource();
  }

  private static String storedProfile(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select PROFILE_ from CHECKUP_MODEL")) {
      assertThat(row.next()).isTrue();
      String profile = row.getString(1);
      assertThat(row.next()).isFalse();
      return profile;
    }
  }
}
