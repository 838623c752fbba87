package io.checkup.report;

import io.checkup.testing.TestDatabases;
import io.checkup.testing.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The same known traffic and the same exact numbers on MariaDB (Camunda's MySQL/MariaDB dialect:
 * the report's grouped queries, window functions and the profile table), in a database of its own.
 * Run by .ci/run.
 */
class CheckupReportMariaDbTest extends CheckupReportTest {

  private String database;

  @BeforeEach
  void database() {
    TestDatabases.requireMariaDb();
    database = TestDatabases.newMariaDbDatabase();
  }

  @AfterEach
  void dropDatabase() {
    engines.forEach(ProcessEngine::close);
    engines.clear();
    if (database != null) {
      TestDatabases.dropMariaDbDatabase(database);
    }
  }

  @Override
  protected TestEngines engines() {
    return TestEngines.mariaDb(database);
  }
}
