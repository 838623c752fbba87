package io.checkup.alerts;

import io.checkup.testing.TestDatabases;
import io.checkup.testing.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Alerts on MariaDB, two engines on one database included. Run by .ci/run. */
class AlertsMariaDbTest extends AlertsTest {

  private String schema;

  @BeforeEach
  void schema() {
    TestDatabases.requireMariaDb();
    schema = TestDatabases.newMariaDbDatabase();
  }

  @AfterEach
  void dropSchema() {
    engines.forEach(ProcessEngine::close);
    engines.clear();
    if (schema != null) {
      TestDatabases.dropMariaDbDatabase(schema);
    }
  }

  @Override
  protected TestEngines database() {
    return TestEngines.mariaDb(schema);
  }
}
