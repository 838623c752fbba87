package io.checkup.alerts;

import io.checkup.testing.TestDatabases;
import io.checkup.testing.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Alerts on PostgreSQL, two engines on one database included. Run by .ci/run. */
class AlertsPostgresTest extends AlertsTest {

  private String schema;

  @BeforeEach
  void schema() {
    TestDatabases.requirePostgres();
    schema = TestDatabases.newPostgresSchema();
  }

  @AfterEach
  void dropSchema() {
    engines.forEach(ProcessEngine::close);
    engines.clear();
    if (schema != null) {
      TestDatabases.dropPostgresSchema(schema);
    }
  }

  @Override
  protected TestEngines database() {
    return TestEngines.postgres(schema);
  }
}
