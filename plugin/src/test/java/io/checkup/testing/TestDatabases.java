package io.checkup.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * The real database servers of the test machine. PostgreSQL tests run when {@code -Dcheckup.test.postgres=true}
 * (what {@code .ci/run} sets); then an unreachable server fails them instead of skipping them.
 */
public final class TestDatabases {

  public static final String POSTGRES_URL = System.getProperty("checkup.test.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/test");

  private TestDatabases() {
  }

  public static boolean postgresRequired() {
    return Boolean.getBoolean("checkup.test.postgres");
  }

  /** Skips the calling test unless PostgreSQL tests are switched on; fails if they are and the server is down. */
  public static void requirePostgres() {
    Assumptions.assumeTrue(postgresRequired(),
        "PostgreSQL tests are off; run with -Dcheckup.test.postgres=true (as .ci/run does)");
    try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL at " + POSTGRES_URL + " is not reachable: " + e.getMessage()
          + " (start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
    }
  }
}
