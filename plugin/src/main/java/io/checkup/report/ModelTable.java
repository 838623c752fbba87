package io.checkup.report;

import io.checkup.db.Jdbc;
import io.checkup.db.PluginTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The report's own table, {@code CHECKUP_MODEL}: what the check-up knows about each deployed
 * process definition, as JSON ({@link ModelProfiles}), so reports never parse models. Plain JDBC on
 * the engine's data source, in transactions of its own.
 */
public final class ModelTable {

  /** The report's tables: the model profiles, and the daily snapshots ({@link SnapshotTable}). */
  public static final PluginTables.Group TABLES =
      new PluginTables.Group(
          "io/checkup/report/sql",
          List.of("CHECKUP_MODEL", "CHECKUP_SNAPSHOT_DAY", "CHECKUP_SNAPSHOT"));

  /** One stored profile. */
  public record Row(
      String definitionId,
      String tenantId,
      String processKey,
      int version,
      String deploymentId,
      Long deployTime,
      String profileJson) {}

  private final PluginTables tables;
  private final DataSource dataSource;
  private final String table;
  private volatile int readTimeoutSeconds;

  public ModelTable(PluginTables tables) {
    this.tables = tables;
    this.dataSource = tables.dataSource();
    this.table = tables.name("CHECKUP_MODEL");
  }

  /** Applies the engine's {@code databaseSchemaUpdate} to the report's tables. */
  public void applySchemaUpdate(String schemaUpdate) {
    tables.applySchemaUpdate(TABLES, schemaUpdate);
  }

  /** Drops the report's tables (what {@code create-drop} does when the engine closes). */
  public void drop() {
    tables.drop(TABLES);
  }

  /** Bounds each read for a report. */
  void readTimeout(Duration timeout) {
    this.readTimeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
  }

  /**
   * Stores profiles: inserts those of definitions without one, and replaces a stored one that
   * differs (an older format, worked out again; whichever node gets there first).
   */
  void save(List<Row> rows, long now) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Map<String, String> known = new HashMap<>();
    for (Row existing : load(ids(rows))) {
      known.put(existing.definitionId(), existing.profileJson());
    }
    Jdbc.inTransaction(
        dataSource,
        connection -> {
          try (PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into "
                          + table
                          + " (PROC_DEF_ID_, TENANT_ID_, PROC_DEF_KEY_, VERSION_, DEPLOYMENT_ID_, DEPLOY_TIME_, PROFILE_, CREATED_)"
                          + " values (?, ?, ?, ?, ?, ?, ?, ?)");
              PreparedStatement update =
                  connection.prepareStatement(
                      "update "
                          + table
                          + " set PROFILE_ = ?, CREATED_ = ? where PROC_DEF_ID_ = ?")) {
            boolean updates = false;
            for (Row row : rows) {
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
              Jdbc.setNullable(insert, 2, row.tenantId());
              insert.setString(3, row.processKey());
              insert.setInt(4, row.version());
              Jdbc.setNullable(insert, 5, row.deploymentId());
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

  private static List<String> ids(List<Row> rows) {
    List<String> ids = new ArrayList<>();
    for (Row row : rows) {
      ids.add(row.definitionId());
    }
    return ids;
  }

  /** The stored profiles of these definitions (in chunks of 500 ids per statement). */
  List<Row> load(Collection<String> definitionIds) throws SQLException {
    List<Row> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>(definitionIds);
    try (Connection connection = dataSource.getConnection()) {
      for (int from = 0; from < ids.size(); from += 500) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
        try (PreparedStatement select =
            connection.prepareStatement(
                "select PROC_DEF_ID_, TENANT_ID_, "
                    + "PROC_DEF_KEY_, VERSION_, DEPLOYMENT_ID_, DEPLOY_TIME_, PROFILE_ from "
                    + table
                    + " where PROC_DEF_ID_ in ("
                    + "?, ".repeat(chunk.size() - 1)
                    + "?)")) {
          select.setQueryTimeout(readTimeoutSeconds);
          for (int i = 0; i < chunk.size(); i++) {
            select.setString(i + 1, chunk.get(i));
          }
          try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
              long deployTime = result.getLong(6);
              rows.add(
                  new Row(
                      result.getString(1),
                      result.getString(2),
                      result.getString(3),
                      result.getInt(4),
                      result.getString(5),
                      result.wasNull() ? null : deployTime,
                      result.getString(7)));
            }
          }
        }
      }
    }
    return rows;
  }
}
