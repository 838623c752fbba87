package io.checkup.alerts;

import io.checkup.testing.ServerDatabase;
import io.checkup.testing.TestEngines;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Alerts on PostgreSQL, two engines on one database included. Run by .ci/run. */
class AlertsPostgresTest extends AlertsTest {

  @RegisterExtension final ServerDatabase server = ServerDatabase.postgres();

  @Override
  protected TestEngines database() {
    return server.engines();
  }
}
