package io.checkup.stats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics tables: created following the engine's {@code databaseSchemaUpdate} and
 * {@code databaseTablePrefix}, written append-only in one batch per flush, rolled up from hours into days and
 * trimmed to the retention in the background. Plain JDBC on the engine's data source, in transactions of its own.
 */
public final class StatsStore {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.stats");
  private static final String INSERT_COLUMNS =
      "(PERIOD_START_, PERIOD_, TENANT_ID_, PROC_DEF_KEY_, METRIC_, DIMENSION_, VALUE_, NODE_ID_, CREATED_)";

  private final DataSource dataSource;
  private final String dialect;
  private final boolean supported;
  private final String prefix;
  private final String indexPrefix;
  final String table;
  private final String lockTable;
  private final String modelTable;

  /**
   * @param databaseType the engine's database type (h2, postgres, mysql; MariaDB runs as mysql)
   * @param tablePrefix the engine's {@code databaseTablePrefix}: a schema ("camunda.") and/or a name prefix
   */
  public StatsStore(DataSource dataSource, String databaseType, String tablePrefix) {
    this.dataSource = dataSource;
    this.dialect = dialectOf(databaseType);
    this.supported = isSupported(databaseType);
    this.prefix = tablePrefix == null ? "" : tablePrefix;
    int dot = prefix.lastIndexOf('.');
    this.indexPrefix = dot < 0 ? prefix : prefix.substring(dot + 1);
    this.table = prefix + "CHECKUP_STAT";
    this.lockTable = prefix + "CHECKUP_LOCK";
    this.modelTable = prefix + "CHECKUP_MODEL";
  }

  /** Seconds a read for the report may take (0: no limit). */
  private volatile int readTimeoutSeconds;

  /** Bounds each of the report's reads ({@link #select}, {@link #loadModels}, {@link #closedPeriodVersions}). */
  public void readTimeout(java.time.Duration timeout) {
    this.readTimeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
  }

  private PreparedStatement read(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout(readTimeoutSeconds);
    return statement;
  }

  /** Whether the plugin has table scripts for this engine database type: H2, PostgreSQL, MariaDB/MySQL. */
  public static boolean isSupported(String databaseType) {
    String type = databaseType == null ? "" : databaseType.toLowerCase(Locale.ROOT);
    return switch (type) {
      case "postgres", "postgresql", "mysql", "mariadb", "h2" -> true;
      default -> false;
    };
  }

  /**
   * The SQL of this database type. Any other than the supported ones runs only on tables an operator created by hand
   * (see {@link #isSupported}), and is read and written in plain SQL, as H2 is.
   */
  static String dialectOf(String databaseType) {
    String type = databaseType == null ? "" : databaseType.toLowerCase(Locale.ROOT);
    return switch (type) {
      case "postgres", "postgresql" -> "postgres";
      case "mysql", "mariadb" -> "mysql";
      default -> "h2";
    };
  }

  // ---- schema ----

  /** Applies the engine's {@code databaseSchemaUpdate} setting to the statistics tables. */
  public void applySchemaUpdate(String schemaUpdate) {
    if (!supported) {
      // tables made by hand for a database the plugin has no script for: never touched by a script of another one
      return;
    }
    String mode = schemaUpdate == null ? "false" : schemaUpdate.toLowerCase(Locale.ROOT);
    switch (mode) {
      case "drop-create" -> {
        if (tablesExist()) {
          runScript("drop");
        }
        runScript("create");
      }
      case "true", "create", "create-drop" -> createIfMissing();
      default -> {
        if (!tablesExist()) {
          throw new IllegalStateException("the statistics table " + table + " does not exist and the engine's "
              + "databaseSchemaUpdate is '" + schemaUpdate + "': create it with the script " + scriptName("create")
              + " (inside the plugin jar, and in docs/statistics.md)");
        }
      }
    }
  }

  private void createIfMissing() {
    if (tablesExist()) {
      return;
    }
    try {
      runScript("create");
      LOG.info("camunda-checkup statistics: created the tables {} and {}", table, lockTable);
    } catch (IllegalStateException e) {
      // another node of the cluster may have created them at the same moment
      if (!tablesExist()) {
        throw e;
      }
    }
  }

  /** Drops the tables (what {@code create-drop} does when the engine closes). */
  public void drop() {
    if (supported && tablesExist()) {
      runScript("drop");
    }
  }

  boolean tablesExist() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.executeQuery("select count(*) from " + table + " where 1 = 0").close();
      statement.executeQuery("select count(*) from " + lockTable + " where 1 = 0").close();
      statement.executeQuery("select count(*) from " + modelTable + " where 1 = 0").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  String scriptName(String action) {
    return "io/checkup/stats/sql/" + dialect + "." + action + ".sql";
  }

  private void runScript(String action) {
    String sql;
    try (InputStream in = StatsStore.class.getClassLoader().getResourceAsStream(scriptName(action))) {
      if (in == null) {
        throw new IllegalStateException("missing script " + scriptName(action));
      }
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + scriptName(action), e);
    }
    sql = sql.replace("${prefix}", prefix).replace("${indexPrefix}", indexPrefix);
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String part : stripComments(sql).split(";")) {
        String command = part.trim();
        if (!command.isBlank()) {
          statement.execute(command);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("running " + scriptName(action) + " failed: " + e.getMessage(), e);
    }
  }

  private static String stripComments(String sql) {
    StringBuilder out = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (!line.trim().startsWith("--")) {
        out.append(line).append('\n');
      }
    }
    return out.toString().trim();
  }

  // ---- writing ----

  /**
   * Appends the counts twice in one batch and one transaction (all or nothing): as hourly rows, and summed per day as
   * daily rows. Daily rows are what day-level questions read (the check-up report), hourly rows serve the last
   * {@code statsRollUpAfter}; neither is ever read together with the other, so nothing is counted twice.
   */
  public void insert(Map<StatKey, Long> counts, String nodeId, long now) throws SQLException {
    if (counts.isEmpty()) {
      return;
    }
    Map<StatKey, Long> hours = withDerived(counts);
    Map<StatKey, Long> days = new java.util.HashMap<>();
    for (Map.Entry<StatKey, Long> entry : hours.entrySet()) {
      days.merge(entry.getKey().withPeriod(StatKey.dayOf(entry.getKey().periodStart())), entry.getValue(), Long::sum);
    }
    inTransaction(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "insert into " + table + " " + INSERT_COLUMNS + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        addRows(insert, hours, "H", nodeId, now);
        addRows(insert, days, "D", nodeId, now);
        insert.executeBatch();
      }
      markClosedPeriods(connection, counts, now);
      return null;
    });
  }

  /**
   * Raises the version of settled hours (days) when these counts reach into an hour (a day) before the previous
   * one: late flushes after an outage, imports. Counts for the previous hour or day are normal right after it ends.
   */
  private void markClosedPeriods(Connection connection, Map<StatKey, Long> counts, long now) throws SQLException {
    long earliest = Long.MAX_VALUE;
    for (StatKey key : counts.keySet()) {
      earliest = Math.min(earliest, key.periodStart());
    }
    // the hour (day) just over still gets its last counts from every node's next flush: only older ones are late
    if (earliest < StatKey.hourOf(now) - StatKey.HOUR) {
      raise(connection, "late-hour");
    }
    if (earliest < StatKey.dayOf(now) - StatKey.DAY) {
      raise(connection, "late-day");
    }
  }

  private void raise(Connection connection, String name) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "update " + lockTable + " set LOCKED_AT_ = LOCKED_AT_ + 1 where NAME_ = ?")) {
      update.setString(1, name);
      if (update.executeUpdate() == 0) {
        try (PreparedStatement insert = connection.prepareStatement(
            "insert into " + lockTable + " (NAME_, OWNER_, LOCKED_AT_) values (?, null, 1)")) {
          insert.setString(1, name);
          insert.executeUpdate();
        }
      }
    }
  }

  /** The versions of closed hours and closed days (see {@link #markClosedPeriods}); 0 where never raised. */
  public long[] closedPeriodVersions() throws SQLException {
    long[] versions = new long[2];
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = read(connection,
            "select NAME_, LOCKED_AT_ from " + lockTable + " where NAME_ in ('late-hour', 'late-day')");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        versions[rows.getString(1).equals("late-hour") ? 0 : 1] = rows.getLong(2);
      }
    }
    return versions;
  }

  /** The counts plus the totals derived from them ({@link Metric#isDerived()}). */
  static Map<StatKey, Long> withDerived(Map<StatKey, Long> counts) {
    Map<StatKey, Long> all = new java.util.HashMap<>(counts);
    for (Map.Entry<StatKey, Long> entry : counts.entrySet()) {
      StatKey key = entry.getKey();
      if (key.metric() == Metric.ACTIVITY_ENDED) {
        all.merge(new StatKey(key.tenantId(), key.processKey(), Metric.ACTIVITY_TOTAL, "", key.periodStart()),
            entry.getValue(), Long::sum);
      } else if (key.metric() == Metric.TASK_ASSIGNED) {
        all.merge(new StatKey(key.tenantId(), "", Metric.TASK_ASSIGNEE, key.dimension(), key.periodStart()),
            entry.getValue(), Long::sum);
      }
    }
    return all;
  }

  private static void addRows(PreparedStatement insert, Map<StatKey, Long> counts, String period, String nodeId,
      long now) throws SQLException {
    for (Map.Entry<StatKey, Long> entry : counts.entrySet()) {
      StatKey key = entry.getKey();
      insert.setLong(1, key.periodStart());
      insert.setString(2, period);
      setNullable(insert, 3, clip(key.tenantId(), 64));
      insert.setString(4, clip(key.processKey(), 255));
      insert.setString(5, key.metric().id());
      insert.setString(6, clip(key.dimension(), 255));
      insert.setLong(7, entry.getValue());
      insert.setString(8, clip(nodeId, 128));
      insert.setLong(9, now);
      insert.addBatch();
    }
  }

  /** Node id of rows that compaction merged (from every node: totals are sums). */
  static final String COMPACTED = "*";

  /**
   * Keeps the tables small: every flush appends rows, so rows of a period that is over are merged into one row per
   * tenant, process key, metric and dimension (hours that ended before {@code hourCutoff}, days before
   * {@code dayCutoff}); hourly rows of days before {@code hourlyHorizon} are deleted (their daily rows hold the
   * same counts). Runs under a row lock, so two nodes never merge the same rows twice; totals are kept.
   *
   * @return rows merged or deleted
   */
  public int compact(long hourCutoff, long dayCutoff, long hourlyHorizon, String nodeId, long now)
      throws SQLException {
    return inTransaction(connection -> {
      lock(connection, "rollup", nodeId, now);
      int changed = 0;
      try (PreparedStatement delete = connection.prepareStatement(
          "delete from " + table + " where PERIOD_ = 'H' and PERIOD_START_ < ?")) {
        delete.setLong(1, hourlyHorizon);
        changed += delete.executeUpdate();
      }
      changed += merge(connection, "H", hourCutoff, now);
      changed += merge(connection, "D", dayCutoff, now);
      return changed;
    });
  }

  /** Merges the not yet merged rows of a period type that started before the cutoff; returns how many. */
  private int merge(Connection connection, String period, long cutoff, long now) throws SQLException {
    String where = " where PERIOD_ = '" + period + "' and PERIOD_START_ < ? and NODE_ID_ <> '" + COMPACTED + "'";
    int rows;
    try (PreparedStatement count = connection.prepareStatement("select count(*) from " + table + where)) {
      count.setLong(1, cutoff);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        rows = result.getInt(1);
      }
    }
    if (rows == 0) {
      return 0;
    }
    try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " " + INSERT_COLUMNS
        + " select PERIOD_START_, PERIOD_, TENANT_ID_, PROC_DEF_KEY_, METRIC_, DIMENSION_, sum(VALUE_), '"
        + COMPACTED + "', ? from " + table + where
        + " group by PERIOD_START_, PERIOD_, TENANT_ID_, PROC_DEF_KEY_, METRIC_, DIMENSION_")) {
      insert.setLong(1, now);
      insert.setLong(2, cutoff);
      insert.executeUpdate();
    }
    try (PreparedStatement delete = connection.prepareStatement("delete from " + table + where)) {
      delete.setLong(1, cutoff);
      delete.executeUpdate();
    }
    return rows;
  }

  private void lock(Connection connection, String name, String nodeId, long now) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select NAME_ from " + lockTable + " where NAME_ = ? for update")) {
      select.setString(1, name);
      try (ResultSet result = select.executeQuery()) {
        if (!result.next()) {
          throw new SQLException("lock row '" + name + "' missing in " + lockTable);
        }
      }
    }
    try (PreparedStatement update = connection.prepareStatement(
        "update " + lockTable + " set OWNER_ = ?, LOCKED_AT_ = ? where NAME_ = ?")) {
      update.setString(1, clip(nodeId, 128));
      update.setLong(2, now);
      update.setString(3, name);
      update.executeUpdate();
    }
  }

  /** Deletes rows of periods that started before {@code cutoff}; returns how many. */
  public int deleteOlderThan(long cutoff) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(
            "delete from " + table + " where PERIOD_START_ < ?")) {
      connection.setAutoCommit(true);
      delete.setLong(1, cutoff);
      return delete.executeUpdate();
    }
  }

  // ---- model profiles ----

  /** One stored model profile. */
  public record ModelRow(String definitionId, String tenantId, String processKey, int version, String deploymentId,
      Long deployTime, String profileJson) {
  }

  /**
   * Stores profiles: inserts those of definitions without one, and replaces a stored one that differs (an older
   * format, worked out again; whichever node gets there first).
   */
  public void saveModels(List<ModelRow> rows, long now) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Map<String, String> known = new HashMap<>();
    for (ModelRow existing : loadModels(ids(rows))) {
      known.put(existing.definitionId(), existing.profileJson());
    }
    inTransaction(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("insert into " + modelTable
          + " (PROC_DEF_ID_, TENANT_ID_, PROC_DEF_KEY_, VERSION_, DEPLOYMENT_ID_, DEPLOY_TIME_, PROFILE_, CREATED_)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement update = connection.prepareStatement("update " + modelTable
              + " set PROFILE_ = ?, CREATED_ = ? where PROC_DEF_ID_ = ?")) {
        boolean updates = false;
        for (ModelRow row : rows) {
          if (known.containsKey(row.definitionId())) {
            if (!row.profileJson().equals(known.get(row.definitionId()))) {
              update.setString(1, row.profileJson());
              update.setLong(2, now);
              update.setString(3, row.definitionId());
              update.addBatch();
              updates = true;
              known.put(row.definitionId(), row.profileJson());
            }
            continue;
          }
          known.put(row.definitionId(), row.profileJson());
          insert.setString(1, row.definitionId());
          setNullable(insert, 2, row.tenantId());
          insert.setString(3, row.processKey());
          insert.setInt(4, row.version());
          setNullable(insert, 5, row.deploymentId());
          if (row.deployTime() == null) {
            insert.setNull(6, Types.BIGINT);
          } else {
            insert.setLong(6, row.deployTime());
          }
          insert.setString(7, row.profileJson());
          insert.setLong(8, now);
          insert.addBatch();
        }
        insert.executeBatch();
        if (updates) {
          update.executeBatch();
        }
      }
      return null;
    });
  }


  private static List<String> ids(List<ModelRow> rows) {
    List<String> ids = new ArrayList<>();
    for (ModelRow row : rows) {
      ids.add(row.definitionId());
    }
    return ids;
  }

  /** The stored profiles of these definitions (in chunks of 500 ids per statement). */
  public List<ModelRow> loadModels(java.util.Collection<String> definitionIds) throws SQLException {
    List<ModelRow> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>(definitionIds);
    try (Connection connection = dataSource.getConnection()) {
      for (int from = 0; from < ids.size(); from += 500) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
        try (PreparedStatement select = read(connection, "select PROC_DEF_ID_, TENANT_ID_, PROC_DEF_KEY_, "
            + "VERSION_, DEPLOYMENT_ID_, DEPLOY_TIME_, PROFILE_ from " + modelTable + " where PROC_DEF_ID_ in ("
            + "?, ".repeat(chunk.size() - 1) + "?)")) {
          for (int i = 0; i < chunk.size(); i++) {
            select.setString(i + 1, chunk.get(i));
          }
          try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
              long deployTime = result.getLong(6);
              rows.add(new ModelRow(result.getString(1), result.getString(2), result.getString(3), result.getInt(4),
                  result.getString(5), result.wasNull() ? null : deployTime, result.getString(7)));
            }
          }
        }
      }
    }
    return rows;
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
      throw new IllegalStateException("camunda-checkup statistics query failed: " + e.getMessage(), e);
    }
  }

  private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  private static String clip(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }

  private interface TransactionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs the work in one transaction on a connection of its own: committed, or rolled back on any failure. */
  private <T> T inTransaction(TransactionWork<T> work) throws SQLException {
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

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the original failure is what matters
    }
  }
}
