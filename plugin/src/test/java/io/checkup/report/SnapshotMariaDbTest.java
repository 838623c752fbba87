package io.checkup.report;

import io.checkup.testing.TestDatabases;
import io.checkup.testing.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The daily snapshots on MariaDB, two nodes on one database included. Run by .ci/run. */
class SnapshotMariaDbTest extends SnapshotTest {

  private String database;

  @BeforeEach
  void createDatabase() {
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
  protected TestEngines database() {
    return TestEngines.mariaDb(database);
  }
}
