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
   * failure. Once the commit has returned, the work is done: a failure to reset or close the
   * connection afterwards (it broke just then) is not reported, since a caller would do the work
   * again and, for a flush of counts, count them twice.
   */
  public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
    Connection connection = dataSource.getConnection();
    boolean autoCommit = true;
    T result;
    try {
      autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        result = work.run(connection);
        connection.commit();
      } catch (Throwable e) {
        // an Error too: a transaction left open would keep its row locks for as long as the pool
        // keeps the connection
        rollback(connection);
        throw e;
      }
    } catch (Throwable e) {
      release(connection, autoCommit);
      throw e;
    }
    release(connection, autoCommit);
    return result;
  }

  /** Back to the pool as it came, whatever the connection says now. */
  private static void release(Connection connection, boolean autoCommit) {
    try {
      connection.setAutoCommit(autoCommit);
    } catch (SQLException | RuntimeException ignored) {
      // a broken connection: the pool finds out when it validates it
    }
    try {
      connection.close();
    } catch (SQLException | RuntimeException ignored) {
      // the same
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
