package io.checkup.report;

import static io.checkup.report.ReportAssertions.check;
import static io.checkup.report.ReportAssertions.json;
import static io.checkup.report.ReportAssertions.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.TestEngines;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
    plain
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addClasspathResource("models/report/sales.bpmn")
        .deploy();
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
   * Deploys sales.bpmn, then rewrites its stored profile as an earlier version of the plugin stored
   * it (no format, and its 3-way gateway counted as a two-way condition), optionally making the
   * model unreadable; closes the engine.
   *
   * @return the profile as this version stores it
   */
  private String storeAnOlderProfile(boolean breakTheModel) throws Exception {
    ProcessEngine engine = TestEngines.h2Shared(database).plugin(plugin()).build();
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId("acme")
        .addClasspathResource("models/report/sales.bpmn")
        .deploy();
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
