package io.checkup.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own on a real server for each test: a PostgreSQL schema or a MariaDB database,
 * made before the test (skipped unless that server's tests are on, failed if it is down) and
 * dropped after it, once the test class's own {@code @AfterEach} has closed its engines.
 *
 * <pre>{@code
 * @RegisterExtension final ServerDatabase server = ServerDatabase.postgres();
 * ... server.engines() ...
 * }</pre>
 */
public final class ServerDatabase implements BeforeEachCallback, AfterEachCallback {

  private final boolean postgres;
  private String name;

  private ServerDatabase(boolean postgres) {
    this.postgres = postgres;
  }

  /** A schema of its own on the PostgreSQL server ({@code -Dcheckup.test.postgres=true}). */
  public static ServerDatabase postgres() {
    return new ServerDatabase(true);
  }

  /** A database of its own on the MariaDB server ({@code -Dcheckup.test.mariadb=true}). */
  public static ServerDatabase mariaDb() {
    return new ServerDatabase(false);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (postgres) {
      TestDatabases.requirePostgres();
      name = TestDatabases.newPostgresSchema();
    } else {
      TestDatabases.requireMariaDb();
      name = TestDatabases.newMariaDbDatabase();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (name == null) {
      return;
    }
    if (postgres) {
      TestDatabases.dropPostgresSchema(name);
    } else {
      TestDatabases.dropMariaDbDatabase(name);
    }
    name = null;
  }

  /** Engines on this test's schema or database. */
  public TestEngines engines() {
    return postgres ? TestEngines.postgres(name) : TestEngines.mariaDb(name);
  }
}
