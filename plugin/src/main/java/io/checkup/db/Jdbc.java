package io.checkup.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * Plain JDBC on the plugin's tables: transactions of their own (never inside the engine's),
 * nullable texts.
 */
public final class Jdbc {

  /** What runs inside one transaction. */
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Jdbc() {}

  /**
   * Runs the work in one transaction on a connection of its own: committed, or rolled back on any
   * failure.
   */
  public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(connection);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /** A text parameter that may be null. */
  public static void setNullable(PreparedStatement statement, int index, String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the original failure is what matters
    }
  }
}
