package io.checkup.report;

import io.checkup.testing.ServerDatabase;
import io.checkup.testing.TestEngines;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daily snapshots on MariaDB, two nodes on one database included. Run by .ci/run. */
class SnapshotMariaDbTest extends SnapshotTest {

  @RegisterExtension final ServerDatabase server = ServerDatabase.mariaDb();

  @Override
  protected TestEngines database() {
    return server.engines();
  }
}
