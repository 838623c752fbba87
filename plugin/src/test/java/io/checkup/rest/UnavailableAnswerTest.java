package io.checkup.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.report.ReportScope;
import io.checkup.report.ReportUnavailableException;
import io.checkup.testing.LogCapture;
import io.checkup.testing.TestEngines;
import jakarta.ws.rs.WebApplicationException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the database fails under a report or a history, the 503 says that it failed and nothing the
 * database said (its words can name hosts, schemas, tables and values); the WARN line says it all.
 */
class UnavailableAnswerTest {

  private ProcessEngine engine;
  private CheckupProcessEnginePlugin checkup;

  @BeforeEach
  void engine() {
    checkup = new CheckupProcessEnginePlugin();
    checkup.setReportWarmUp(false);
    engine = TestEngines.h2().plugin(checkup).build();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aHistoryTheDatabaseCannotReadIsA503WithoutTheDatabasesWords() throws Exception {
    rename("CHECKUP_SNAPSHOT", "CHECKUP_SNAPSHOT_GONE");
    try {
      answeredWithoutTheDatabasesWords(
          () -> checkup.getReport().history("acme", 7), "CHECKUP_SNAPSHOT");
    } finally {
      rename("CHECKUP_SNAPSHOT_GONE", "CHECKUP_SNAPSHOT");
    }
  }

  @Test
  void aReportTheDatabaseCannotComputeIsA503WithoutTheDatabasesWords() throws Exception {
    rename("CHECKUP_STAT", "CHECKUP_STAT_GONE");
    try {
      answeredWithoutTheDatabasesWords(
          () -> checkup.getReport().generate(ReportScope.all()), "CHECKUP_STAT");
    } finally {
      rename("CHECKUP_STAT_GONE", "CHECKUP_STAT");
    }
  }

  private void answeredWithoutTheDatabasesWords(Supplier<?> ask, String table) {
    ReportUnavailableException e = assertThrows(ReportUnavailableException.class, ask::get);
    assertThat(e.getMessage()).contains("did not answer within").doesNotContainIgnoringCase(table);
    assertThat(e.detail()).containsIgnoringCase(table);
    try (LogCapture log = LogCapture.of("io.checkup.rest")) {
      WebApplicationException answer = Answers.unavailable(e);
      assertThat(answer.getResponse().getStatus()).isEqualTo(503);
      assertThat(answer.getResponse().getEntity().toString())
          .contains("ReportUnavailableException")
          .contains("did not answer within")
          .doesNotContainIgnoringCase(table);
      assertThat(log.lines())
          .singleElement()
          .asString()
          .contains("The database said:")
          .containsIgnoringCase(table);
    }
  }

  private void rename(String from, String to) throws Exception {
    try (Connection connection =
            engine.getProcessEngineConfiguration().getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("alter table " + from + " rename to " + to);
    }
  }
}
