package io.checkup.alerts;

import io.checkup.testing.ServerDatabase;
import io.checkup.testing.TestEngines;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Alerts on MariaDB, two engines on one database included. Run by .ci/run. */
class AlertsMariaDbTest extends AlertsTest {

  @RegisterExtension final ServerDatabase server = ServerDatabase.mariaDb();

  @Override
  protected TestEngines database() {
    return server.engines();
  }
}
