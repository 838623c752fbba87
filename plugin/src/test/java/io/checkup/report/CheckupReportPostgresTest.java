package io.checkup.report;

import io.checkup.testing.TestDatabases;
import io.checkup.testing.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The same known traffic and the same exact numbers on PostgreSQL, in a schema of its own (the
 * engine's tables are then addressed with the schema as table prefix, as production installations
 * configure it). Run by .ci/run.
 */
class CheckupReportPostgresTest extends CheckupReportTest {

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
  protected TestEngines engines() {
    return TestEngines.postgres(schema);
  }
}
