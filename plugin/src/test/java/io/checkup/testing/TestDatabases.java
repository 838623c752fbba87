package io.checkup.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real database servers of the test machine. PostgreSQL tests run when {@code
 * -Dcheckup.test.postgres=true} (what {@code .ci/run} sets); then an unreachable server fails them
 * instead of skipping them.
 */
public final class TestDatabases {

  public static final String POSTGRES_URL =
      System.getProperty("checkup.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

  private TestDatabases() {}

  /** A fresh in-memory H2 database, kept until the JVM ends. */
  public static DataSource h2(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  /** The MariaDB test database (root, empty password); skips unless its tests are on. */
  public static DataSource mariaDb() throws SQLException {
    requireMariaDb();
    MariaDbDataSource mariaDb = new MariaDbDataSource(MARIADB_URL);
    mariaDb.setUser("root");
    mariaDb.setPassword("");
    return mariaDb;
  }

  /** The PostgreSQL test database (user postgres); skips unless its tests are on. */
  public static DataSource postgres() {
    requirePostgres();
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(POSTGRES_URL);
    postgres.setUser("postgres");
    return postgres;
  }

  /**
   * Creates a fresh schema on the PostgreSQL server, so tests never see each other's tables or
   * rows.
   */
  public static String newPostgresSchema() {
    String schema = "checkup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(POSTGRES_URL, "postgres", "create schema " + schema);
    return schema;
  }

  public static void dropPostgresSchema(String schema) {
    execute(POSTGRES_URL, "postgres", "drop schema if exists " + schema + " cascade");
  }

  public static void execute(String url, String user, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public static final String MARIADB_URL =
      System.getProperty("checkup.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");

  /**
   * Skips unless MariaDB tests are on ({@code -Dcheckup.test.mariadb=true}); fails if they are and
   * it is down.
   */
  public static void requireMariaDb() {
    Assumptions.assumeTrue(
        Boolean.getBoolean("checkup.test.mariadb"),
        "MariaDB tests are off; run with -Dcheckup.test.mariadb=true (as .ci/run does)");
    try (Connection connection = DriverManager.getConnection(MARIADB_URL, "root", "")) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw new AssertionError(
          "MariaDB at " + MARIADB_URL + " is not reachable: " + e.getMessage(), e);
    }
  }

  /** Creates a fresh database on the MariaDB server (MariaDB has no schemas within a database). */
  public static String newMariaDbDatabase() {
    String database = "checkup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(
        MARIADB_URL,
        "root",
        "create database " + database + " character set utf8mb4 collate utf8mb4_bin");
    return database;
  }

  public static void dropMariaDbDatabase(String database) {
    execute(MARIADB_URL, "root", "drop database if exists " + database);
  }

  /** The URL of a database on the MariaDB server. */
  public static String mariaDbUrl(String database) {
    return MARIADB_URL.substring(0, MARIADB_URL.lastIndexOf('/') + 1) + database;
  }

  public static boolean postgresRequired() {
    return Boolean.getBoolean("checkup.test.postgres");
  }

  /**
   * Skips the calling test unless PostgreSQL tests are switched on; fails if they are and the
   * server is down.
   */
  public static void requirePostgres() {
    Assumptions.assumeTrue(
        postgresRequired(),
        "PostgreSQL tests are off; run with -Dcheckup.test.postgres=true (as .ci/run does)");
    try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL at "
              + POSTGRES_URL
              + " is not reachable: "
              + e.getMessage()
              + " (start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)",
          e);
    }
  }
}
