package io.checkup.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.testing.Intercepted;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A transaction that committed is done, even when the connection breaks right after: a caller told
 * otherwise would do the work again (a flush of counts would count them twice).
 */
class JdbcTest {

  @Test
  void aCommittedTransactionIsDoneThoughTheConnectionBreaksOnRelease() throws Exception {
    JdbcDataSource h2 = databaseWithTableT();

    int result =
        Jdbc.inTransaction(
            breakingAfterCommit(h2),
            connection -> {
              try (Statement insert = connection.createStatement()) {
                return insert.executeUpdate("insert into T values (1)");
              }
            });

    assertThat(result).isEqualTo(1);
    assertThat(rowsOfT(h2)).isEqualTo(1);
  }

  @Test
  void aFailedTransactionIsRolledBackAndReported() throws Exception {
    JdbcDataSource h2 = databaseWithTableT();

    SQLException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            SQLException.class,
            () ->
                Jdbc.inTransaction(
                    h2,
                    connection -> {
                      try (Statement insert = connection.createStatement()) {
                        insert.executeUpdate("insert into T values (1)");
                        return insert.executeUpdate("insert into NO_SUCH_TABLE values (1)");
                      }
                    }));

    assertThat(failure.getMessage()).contains("NO_SUCH_TABLE");
    assertThat(rowsOfT(h2)).isZero();
  }

  /**
   * An Error inside the work (a LinkageError from a library, an OutOfMemoryError) rolls the work
   * back too: resetting auto-commit on a connection with an open transaction commits it.
   */
  @Test
  void anErrorInTheWorkRollsItBackAndReleasesTheConnection() throws Exception {
    JdbcDataSource h2 = databaseWithTableT();
    int[] open = {0};
    DataSource counting =
        Intercepted.by(
            DataSource.class,
            h2,
            (method, arguments, source) -> {
              Object result = source.call();
              if (!method.getName().equals("getConnection")) {
                return result;
              }
              open[0]++;
              return Intercepted.by(
                  Connection.class,
                  (Connection) result,
                  (call, args, connection) -> {
                    if (call.getName().equals("close")) {
                      open[0]--;
                    }
                    return connection.call();
                  });
            });

    org.junit.jupiter.api.Assertions.assertThrows(
        LinkageError.class,
        () ->
            Jdbc.inTransaction(
                counting,
                connection -> {
                  try (Statement insert = connection.createStatement()) {
                    insert.executeUpdate("insert into T values (1)");
                  }
                  throw new LinkageError("a class of a library failed to load");
                }));

    assertThat(open[0]).as("connections not given back").isZero();
    assertThat(rowsOfT(h2)).isZero();
  }

  private static JdbcDataSource databaseWithTableT() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:jdbc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create table T (X int)");
    }
    return h2;
  }

  private static int rowsOfT(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from T")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Connections whose commit works, and which break as soon as they are reset or closed. */
  private static DataSource breakingAfterCommit(DataSource real) {
    return Intercepted.by(
        DataSource.class,
        real,
        (method, arguments, source) -> {
          Object result = source.call();
          if (!method.getName().equals("getConnection")) {
            return result;
          }
          Connection connection = (Connection) result;
          boolean[] committed = {false};
          return Intercepted.by(
              Connection.class,
              connection,
              (call, args, target) -> {
                if (committed[0]
                    && (call.getName().equals("setAutoCommit") || call.getName().equals("close"))) {
                  connection.close();
                  throw new SQLException("connection reset");
                }
                Object value = target.call();
                if (call.getName().equals("commit")) {
                  committed[0] = true;
                }
                return value;
              });
        });
  }
}
