package io.checkup.stats;

import io.checkup.db.Jdbc;
import io.checkup.db.PluginTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics tables: created following the engine's {@code databaseSchemaUpdate} and {@code
 * databaseTablePrefix}, written append-only in one batch per flush, rolled up from hours into days
 * and trimmed to the retention in the background. Plain JDBC on the engine's data source, in
 * transactions of its own.
 */
public final class StatsStore {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.stats");
  private static final String INSERT_COLUMNS =
      "(PERIOD_START_, PERIOD_, TENANT_ID_, PROC_DEF_KEY_, METRIC_, DIMENSION_, VALUE_, NODE_ID_, CREATED_)";

  /** The statistics' tables; {@code CHECKUP_VERSION} holds the versions of closed periods. */
  public static final PluginTables.Group TABLES =
      new PluginTables.Group(
          "io/checkup/stats/sql", List.of("CHECKUP_STAT", "CHECKUP_LOCK", "CHECKUP_VERSION"));

  private final PluginTables tables;
  private final DataSource dataSource;
  final String table;
  private final String lockTable;
  private final String versionTable;

  public StatsStore(PluginTables tables) {
    this.tables = tables;
    this.dataSource = tables.dataSource();
    this.table = tables.name("CHECKUP_STAT");
    this.lockTable = tables.name("CHECKUP_LOCK");
    this.versionTable = tables.name("CHECKUP_VERSION");
  }

  /** Seconds a read for the report may take (0: no limit). */
  private volatile int readTimeoutSeconds;

  /** Bounds each of the report's reads ({@link #select}, {@link #closedPeriodVersions}). */
  public void readTimeout(Duration timeout) {
    this.readTimeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
  }

  /** Seconds a read for the report may take (0: no limit). */
  public int readTimeoutSeconds() {
    return readTimeoutSeconds;
  }

  private PreparedStatement read(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout(readTimeoutSeconds);
    return statement;
  }

  // ---- schema ----

  /** Applies the engine's {@code databaseSchemaUpdate} to the statistics tables. */
  public void applySchemaUpdate(String schemaUpdate) {
    tables.applySchemaUpdate(TABLES, schemaUpdate);
  }

  /** Drops the tables (what {@code create-drop} does when the engine closes). */
  public void drop() {
    tables.drop(TABLES);
  }

  boolean tablesExist() {
    return tables.exist(TABLES);
  }

  String scriptName(String action) {
    return tables.script(TABLES, action);
  }

  // ---- writing ----

  /**
   * Appends the counts twice in one batch and one transaction (all or nothing): as hourly rows, and
   * summed per day as daily rows. Daily rows are what day-level questions read (the check-up
   * report), hourly rows serve the last {@code statsRollUpAfter}; neither is ever read together
   * with the other, so nothing is counted twice.
   */
  public void insert(Map<StatKey, Long> counts, String nodeId, long now) throws SQLException {
    write(counts, nodeId, now, null, null);
  }

  /**
   * As {@link #insert(Map, String, long)}, and sets this run's batch row ({@link #openBatchRow}) to
   * {@code batch} in the same transaction, for {@link #lastBatch}: a flush whose commit may or may
   * not have happened (the connection broke while committing) asks, instead of writing its counts
   * twice.
   */
  public void insert(
      Map<StatKey, Long> counts, String nodeId, long now, String batchRow, long batch)
      throws SQLException {
    write(counts, nodeId, now, batchRow, batch);
  }

  private void write(
      Map<StatKey, Long> counts, String nodeId, long now, String batchRow, Long batch)
      throws SQLException {
    if (counts.isEmpty()) {
      return;
    }
    Map<StatKey, Long> hours = withDerived(counts);
    Map<StatKey, Long> days = new HashMap<>();
    for (Map.Entry<StatKey, Long> entry : hours.entrySet()) {
      days.merge(
          entry.getKey().withPeriod(UtcPeriods.dayStart(entry.getKey().periodStart())),
          entry.getValue(),
          Long::sum);
    }
    Jdbc.inTransaction(
        dataSource,
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into "
                      + table
                      + " "
                      + INSERT_COLUMNS
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            addRows(insert, hours, "H", nodeId, now);
            addRows(insert, days, "D", nodeId, now);
            insert.executeBatch();
          }
          markClosedPeriods(connection, counts, now);
          if (batch != null) {
            setVersion(connection, batchRow, batch);
          }
          return null;
        });
  }

  /**
   * A version row of its own for one run of one node's flusher: {@code batch:}, a digest of the
   * node id and a random part, so that engines sharing a node id never share it.
   */
  static String batchRow(String nodeId) {
    byte[] random = new byte[8];
    ThreadLocalRandom.current().nextBytes(random);
    return "batch:" + StatKey.shortDigest(nodeId) + ":" + HexFormat.of().formatHex(random);
  }

  /**
   * Creates the batch row (value 0) before the first batch, in a transaction of its own: the
   * batches then only update it, and {@link #lastBatch} waits for an update still being committed.
   */
  public void openBatchRow(String batchRow) throws SQLException {
    Jdbc.inTransaction(
        dataSource,
        connection -> {
          // 0 again is harmless: a row is opened before any batch of its run is written under it
          setVersion(connection, batchRow, 0L);
          return null;
        });
  }

  /**
   * The last batch written under this row, or null when the row is not there. Reads with a row
   * lock, so that a batch whose commit the database is still working on is waited for (up to the
   * read timeout), not taken for one that failed.
   */
  public Long lastBatch(String batchRow) throws SQLException {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          try (PreparedStatement select =
              read(
                  connection,
                  "select VALUE_ from " + versionTable + " where NAME_ = ? for update")) {
            select.setString(1, batchRow);
            try (ResultSet rows = select.executeQuery()) {
              return rows.next() ? rows.getLong(1) : null;
            }
          }
        });
  }

  /** Removes a run's batch row when its flusher stops with nothing in doubt. */
  public void closeBatchRow(String batchRow) throws SQLException {
    Jdbc.inTransaction(
        dataSource,
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("delete from " + versionTable + " where NAME_ = ?")) {
            delete.setString(1, batchRow);
            delete.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Raises the version of settled hours (days) when these counts reach into an hour (a day) before
   * the previous one: late flushes after an outage, imports. Counts for the previous hour or day
   * are normal right after it ends; those for a past day still raise the version of past days,
   * which tells a reader keeping yesterday's sums that they changed.
   */
  private void markClosedPeriods(Connection connection, Map<StatKey, Long> counts, long now)
      throws SQLException {
    long earliest = Long.MAX_VALUE;
    for (StatKey key : counts.keySet()) {
      earliest = Math.min(earliest, key.periodStart());
    }
    // the hour (day) just over still gets its last counts from every node's next flush: only older
    // ones are late
    if (earliest < UtcPeriods.hourStart(now) - UtcPeriods.HOUR) {
      raise(connection, "late-hour");
    }
    if (earliest < UtcPeriods.dayStart(now) - UtcPeriods.DAY) {
      raise(connection, "late-day");
    }
    if (earliest < UtcPeriods.dayStart(now)) {
      raise(connection, "past-day");
    }
  }

  private void raise(Connection connection, String name) throws SQLException {
    setVersion(connection, name, null);
  }

  /** Sets a version row to {@code value}, or adds one to it when {@code value} is null. */
  private void setVersion(Connection connection, String name, Long value) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update "
                + versionTable
                + " set VALUE_ = "
                + (value == null ? "VALUE_ + 1" : "?")
                + " where NAME_ = ?")) {
      int parameter = 1;
      if (value != null) {
        update.setLong(parameter++, value);
      }
      update.setString(parameter, name);
      if (update.executeUpdate() == 0) {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "insert into " + versionTable + " (NAME_, VALUE_) values (?, ?)")) {
          insert.setString(1, name);
          insert.setLong(2, value == null ? 1 : value);
          insert.executeUpdate();
        }
      }
    }
  }

  /** The start of the earliest day with daily rows, or null when there are none. */
  public Long earliestDay() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            read(connection, "select min(PERIOD_START_) from " + table + " where PERIOD_ = 'D'");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      long day = rows.getLong(1);
      return rows.wasNull() ? null : day;
    }
  }

  /**
   * The versions of closed hours, closed days and past days (see {@link #markClosedPeriods}); 0
   * where never raised.
   */
  public long[] closedPeriodVersions() throws SQLException {
    long[] versions = new long[3];
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            read(
                connection,
                "select NAME_, VALUE_ from "
                    + versionTable
                    + " where NAME_ in ('late-hour', 'late-day', 'past-day')");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        versions[List.of("late-hour", "late-day", "past-day").indexOf(rows.getString(1))] =
            rows.getLong(2);
      }
    }
    return versions;
  }

  /** The counts plus the totals derived from them ({@link Metric#isDerived()}). */
  static Map<StatKey, Long> withDerived(Map<StatKey, Long> counts) {
    Map<StatKey, Long> all = new HashMap<>(counts);
    for (Map.Entry<StatKey, Long> entry : counts.entrySet()) {
      StatKey key = entry.getKey();
      if (key.metric() == Metric.ACTIVITY_ENDED) {
        all.merge(
            new StatKey(
                key.tenantId(), key.processKey(), Metric.ACTIVITY_TOTAL, "", key.periodStart()),
            entry.getValue(),
            Long::sum);
      } else if (key.metric() == Metric.TASK_ASSIGNED) {
        all.merge(
            new StatKey(
                key.tenantId(), "", Metric.TASK_ASSIGNEE, key.dimension(), key.periodStart()),
            entry.getValue(),
            Long::sum);
      }
    }
    return all;
  }

  private static void addRows(
      PreparedStatement insert, Map<StatKey, Long> counts, String period, String nodeId, long now)
      throws SQLException {
    for (Map.Entry<StatKey, Long> entry : counts.entrySet()) {
      StatKey key = entry.getKey();
      insert.setLong(1, key.periodStart());
      insert.setString(2, period);
      Jdbc.setNullable(insert, 3, clip(key.tenantId(), 64));
      insert.setString(4, clip(key.processKey(), 255));
      insert.setString(5, key.metric().id());
      insert.setString(6, StatKey.storedDimension(key.dimension()));
      insert.setLong(7, entry.getValue());
      insert.setString(8, clip(nodeId, StatsSettings.NODE_ID_LENGTH));
      insert.setLong(9, now);
      insert.addBatch();
    }
  }

  /** Node id of rows that compaction merged (from every node: totals are sums). */
  static final String COMPACTED = "*";

  /**
   * Keeps the tables small: every flush appends rows, so rows of a period that is over are merged
   * into one row per tenant, process key, metric and dimension (hours that ended before {@code
   * hourCutoff}, days before {@code dayCutoff}); hourly rows of days before {@code hourlyHorizon}
   * are deleted (their daily rows hold the same counts). Runs under a row lock, so two nodes never
   * merge the same rows twice; totals are kept.
   *
   * @return rows merged or deleted
   */
  public int compact(long hourCutoff, long dayCutoff, long hourlyHorizon, String nodeId, long now)
      throws SQLException {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          lock(connection, "rollup", nodeId, now);
          int changed = 0;
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "delete from " + table + " where PERIOD_ = 'H' and PERIOD_START_ < ?")) {
            delete.setLong(1, hourlyHorizon);
            changed += delete.executeUpdate();
          }
          changed += merge(connection, "H", hourCutoff, now);
          changed += merge(connection, "D", dayCutoff, now);
          return changed;
        });
  }

  /** Node id that marks the rows one roll-up is merging, for as long as its transaction runs. */
  static final String MERGING = "*merging";

  /**
   * Merges the not yet merged rows of a period type that started before the cutoff; returns how
   * many. The rows are marked first and then summed and deleted by their mark: a flush of another
   * node may commit a row of the same period between the statements (its first flush after midnight
   * writes yesterday's daily rows), and the database shows each statement what is committed when it
   * starts, so summing and deleting by the period alone deleted such a row without summing it.
   */
  private int merge(Connection connection, String period, long cutoff, long now)
      throws SQLException {
    int rows;
    try (PreparedStatement mark =
        connection.prepareStatement(
            "update "
                + table
                + " set NODE_ID_ = '"
                + MERGING
                + "' where PERIOD_ = '"
                + period
                + "' and PERIOD_START_ < ? and NODE_ID_ <> '"
                + COMPACTED
                + "'")) {
      mark.setLong(1, cutoff);
      rows = mark.executeUpdate();
    }
    if (rows == 0) {
      return 0;
    }
    String where = " where PERIOD_ = '" + period + "' and NODE_ID_ = '" + MERGING + "'";
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into "
                + table
                + " "
                + INSERT_COLUMNS
                + " select PERIOD_START_, PERIOD_, TENANT_ID_, PROC_DEF_KEY_, METRIC_, DIMENSION_, sum(VALUE_), '"
                + COMPACTED
                + "', ? from "
                + table
                + where
                + " group by PERIOD_START_, PERIOD_, TENANT_ID_, PROC_DEF_KEY_, METRIC_, DIMENSION_")) {
      insert.setLong(1, now);
      insert.executeUpdate();
    }
    try (PreparedStatement delete = connection.prepareStatement("delete from " + table + where)) {
      delete.executeUpdate();
    }
    return rows;
  }

  private void lock(Connection connection, String name, String nodeId, long now)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select NAME_ from " + lockTable + " where NAME_ = ? for update")) {
      select.setString(1, name);
      try (ResultSet result = select.executeQuery()) {
        if (!result.next()) {
          throw new SQLException("lock row '" + name + "' missing in " + lockTable);
        }
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "update " + lockTable + " set OWNER_ = ?, LOCKED_AT_ = ? where NAME_ = ?")) {
      update.setString(1, clip(nodeId, StatsSettings.NODE_ID_LENGTH));
      update.setLong(2, now);
      update.setString(3, name);
      update.executeUpdate();
    }
  }

  /** Deletes rows of periods that started before {@code cutoff}; returns how many. */
  public int deleteOlderThan(long cutoff) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("delete from " + table + " where PERIOD_START_ < ?")) {
      connection.setAutoCommit(true);
      delete.setLong(1, cutoff);
      return delete.executeUpdate();
    }
  }

  /** After the final flush: the counts on disk even when the JVM exits right after. */
  void syncToDisk() throws SQLException {
    tables.syncToDisk();
  }

  /** The engine's data source, for the report's read-only queries of the engine's own tables. */
  public DataSource dataSource() {
    return dataSource;
  }

  // ---- reading ----

  /** Runs a query built by {@link StatsQuery}. */
  List<Object[]> select(String sql, List<Object> parameters, int columns) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = read(connection, sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        Object value = parameters.get(i);
        if (value instanceof Long number) {
          statement.setLong(i + 1, number);
        } else {
          statement.setString(i + 1, (String) value);
        }
      }
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          Object[] row = new Object[columns];
          for (int c = 0; c < columns; c++) {
            row[c] = result.getObject(c + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "camunda-checkup statistics query failed: " + e.getMessage(), e);
    }
  }

  private static String clip(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}
