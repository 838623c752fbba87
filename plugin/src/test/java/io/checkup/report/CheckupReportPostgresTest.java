package io.checkup.report;

import io.checkup.testing.ServerDatabase;
import io.checkup.testing.TestEngines;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same known traffic and the same exact numbers on PostgreSQL, in a schema of its own (the
 * engine's tables are then addressed with the schema as table prefix, as production installations
 * configure it). Run by .ci/run.
 */
class CheckupReportPostgresTest extends CheckupReportTest {

  @RegisterExtension final ServerDatabase server = ServerDatabase.postgres();

  @Override
  protected TestEngines engines() {
    return server.engines();
  }
}
