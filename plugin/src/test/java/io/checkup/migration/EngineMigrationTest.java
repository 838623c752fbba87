package io.checkup.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.report.Report;
import io.checkup.report.ReportFormats;
import io.checkup.report.ReportScenario;
import io.checkup.report.ReportScope;
import io.checkup.testing.TestDatabases;
import io.checkup.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A team that moves from Camunda 7.24 to Operaton keeps its statistics and check-up: the Camunda
 * build writes a history into a PostgreSQL schema ({@code -Dcheckup.migration.write=DIR}), the
 * Operaton build (the same test, its sources rewritten) reads it with {@code
 * -Dcheckup.migration.read=DIR} and must make the same report. .ci/run runs both halves; alone, the
 * test is skipped.
 */
class EngineMigrationTest {

  private ProcessEngine engine;

  @AfterEach
  void close() {
    ClockUtil.reset();
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void theStatisticsOfOneEngineMakeTheSameReportOnTheOther() throws Exception {
    String write = blankToNull(System.getProperty("checkup.migration.write"));
    String read = blankToNull(System.getProperty("checkup.migration.read"));
    Assumptions.assumeTrue(
        write != null || read != null,
        "the two halves of the migration test run from .ci/run (-Dcheckup.migration.write/read)");
    TestDatabases.requirePostgres();
    if (write != null) {
      Path dir = Files.createDirectories(Path.of(write));
      String schema = TestDatabases.newPostgresSchema();
      CheckupProcessEnginePlugin checkup = plugin();
      engine = TestEngines.postgres(schema).plugin(checkup).build();
      new ReportScenario(engine).run();
      assertThat(checkup.getStatistics().flushNow()).isTrue();
      Files.writeString(dir.resolve("schema"), schema);
      Files.writeString(dir.resolve("report.json"), report(checkup), StandardCharsets.UTF_8);
    } else {
      Path dir = Path.of(read);
      String schema = Files.readString(dir.resolve("schema")).trim();
      try {
        CheckupProcessEnginePlugin checkup = plugin();
        engine = TestEngines.postgres(schema).plugin(checkup).build();
        ClockUtil.setCurrentTime(Date.from(ReportScenario.NOW));

        String before = Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8);
        assertThat(report(checkup)).isEqualTo(before);
        assertThat(before).contains("\"tenantId\":\"acme\"", "\"launches.7d\"");
      } finally {
        if (engine != null) {
          engine.close();
          engine = null;
        }
        TestDatabases.dropPostgresSchema(schema);
      }
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static CheckupProcessEnginePlugin plugin() {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    checkup.setReportConfig(ReportScenario.CONFIG);
    return checkup;
  }

  private static String report(CheckupProcessEnginePlugin checkup) {
    Report report = checkup.getReport().generate(ReportScope.all());
    return ReportFormats.json(report);
  }
}
