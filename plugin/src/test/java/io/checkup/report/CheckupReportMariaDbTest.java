package io.checkup.report;

import io.checkup.testing.ServerDatabase;
import io.checkup.testing.TestEngines;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same known traffic and the same exact numbers on MariaDB (Camunda's MySQL/MariaDB dialect:
 * the report's grouped queries, window functions and the profile table), in a database of its own.
 * Run by .ci/run.
 */
class CheckupReportMariaDbTest extends CheckupReportTest {

  @RegisterExtension final ServerDatabase server = ServerDatabase.mariaDb();

  @Override
  protected TestEngines engines() {
    return server.engines();
  }
}
