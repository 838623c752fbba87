package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.db.PluginTables;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.h2.api.Trigger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A roll-up and another node's flush at once: the flush commits a daily row of yesterday (its first
 * flush after midnight does) while the roll-up is between summing and deleting yesterday's rows.
 * The row must survive, to be merged by the next roll-up, and no count may be lost. An H2 trigger
 * on the roll-up's insert commits the flush from a connection of its own at exactly that moment.
 */
class RollUpRaceTest {

  private static final long DAY = UtcPeriods.DAY;

  /** The database the trigger writes the late flush to; null when it has written it. */
  static volatile String lateFlushUrl;

  static volatile String lateFlushTable;

  static volatile long lateFlushDay;

  /** Fires on each row the roll-up inserts; commits the other node's flush once, then no more. */
  public static final class LateFlush implements Trigger {
    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
      String url = lateFlushUrl;
      if (url == null || !StatsStore.COMPACTED.equals(newRow[7])) {
        return;
      }
      lateFlushUrl = null;
      try (Connection other = DriverManager.getConnection(url);
          PreparedStatement insert =
              other.prepareStatement(
                  "insert into "
                      + lateFlushTable
                      + " (PERIOD_START_, PERIOD_, TENANT_ID_, PROC_DEF_KEY_, METRIC_, DIMENSION_,"
                      + " VALUE_, NODE_ID_, CREATED_) values (?, 'D', 'acme', 'invoice', ?, '', 4,"
                      + " 'node-2', ?)")) {
        insert.setLong(1, lateFlushDay);
        insert.setString(2, Metric.INSTANCE_STARTED.id());
        insert.setLong(3, lateFlushDay);
        insert.executeUpdate(); // auto-commit: committed before the roll-up's next statement
      }
    }
  }

  @Test
  void aFlushCommittedWhileTheRollUpRunsIsNeitherLostNorCountedTwice() throws Exception {
    String url = "jdbc:h2:mem:rollup-race-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    StatsStore store = new StatsStore(new PluginTables(h2, "h2", ""));
    store.applySchemaUpdate("true");
    long today = UtcPeriods.dayStart(Instant.now().toEpochMilli());
    long yesterday = today - DAY;
    store.insert(
        Map.of(new StatKey("acme", "invoice", Metric.INSTANCE_STARTED, "", yesterday), 3L),
        "node-1",
        yesterday);
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "create trigger LATE_FLUSH after insert on CHECKUP_STAT for each row call \""
              + LateFlush.class.getName()
              + "\"");
    }
    lateFlushTable = "CHECKUP_STAT";
    lateFlushDay = yesterday;
    lateFlushUrl = url;

    store.compact(today - 2 * DAY, today, today - 14 * DAY, "node-1", today);

    assertThat(lateFlushUrl).as("the other node's flush ran during the roll-up").isNull();
    assertThat(new StatsQuery(store).tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
        .isEqualTo(3 + 4);
    // and the next roll-up merges it
    store.compact(today - 2 * DAY, today, today - 14 * DAY, "node-1", today);
    assertThat(new StatsQuery(store).tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
        .isEqualTo(3 + 4);
    store.drop();
  }
}
