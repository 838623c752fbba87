package io.checkup.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.checkup.db.Jdbc;
import io.checkup.db.PluginTables;
import io.checkup.stats.UtcPeriods;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The daily snapshots in the report's tables: {@code CHECKUP_SNAPSHOT_DAY}, one row per day written
 * (its primary key is what keeps two nodes from both writing a day), and {@code CHECKUP_SNAPSHOT},
 * one row per tenant and day. Reads are index ranges, whatever the length of the history.
 */
final class SnapshotTable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource dataSource;
  private final String dayTable;
  private final String table;
  private volatile int readTimeoutSeconds;

  SnapshotTable(PluginTables tables) {
    this.dataSource = tables.dataSource();
    this.dayTable = tables.name("CHECKUP_SNAPSHOT_DAY");
    this.table = tables.name("CHECKUP_SNAPSHOT");
  }

  void readTimeout(java.time.Duration timeout) {
    this.readTimeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
  }

  /** The days written from {@code from} on. */
  Set<LocalDate> days(LocalDate from) throws SQLException {
    return new TreeSet<>(written(from, null).keySet());
  }

  /**
   * When each day from {@code from} to {@code to} (null: on) was written, epoch milliseconds: a
   * tenant a day's snapshot holds existed then, whatever day it describes (a day back-filled today
   * says nothing of the tenants of that day).
   */
  Map<LocalDate, Long> written(LocalDate from, LocalDate to) throws SQLException {
    Map<LocalDate, Long> days = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select DAY_, CREATED_ from "
                    + dayTable
                    + " where DAY_ >= ?"
                    + (to == null ? "" : " and DAY_ <= ?"))) {
      select.setQueryTimeout(readTimeoutSeconds);
      select.setLong(1, UtcPeriods.startOf(from));
      if (to != null) {
        select.setLong(2, UtcPeriods.startOf(to));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          days.put(UtcPeriods.date(rows.getLong(1)), rows.getLong(2));
        }
      }
    }
    return days;
  }

  /**
   * Writes one day's snapshots with the day's own row, in one transaction; false when another node
   * has written the day first (its row is there), and nothing is written then.
   */
  boolean write(
      LocalDate day, List<Snapshot> snapshots, String nodeId, boolean backfilled, long now)
      throws SQLException {
    try {
      return Jdbc.inTransaction(
          dataSource,
          connection -> {
            try (PreparedStatement claim =
                connection.prepareStatement(
                    "insert into "
                        + dayTable
                        + " (DAY_, NODE_ID_, BACKFILLED_, CREATED_) values (?, ?, ?, ?)")) {
              claim.setLong(1, UtcPeriods.startOf(day));
              claim.setString(2, nodeId.length() > 128 ? nodeId.substring(0, 128) : nodeId);
              claim.setInt(3, backfilled ? 1 : 0);
              claim.setLong(4, now);
              claim.executeUpdate();
            }
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "insert into "
                        + table
                        + " (DAY_, TENANT_KEY_, TENANT_ID_, SCORE_, LEVEL_, LEVEL_SINCE_,"
                        + " SIZE_CLASS_, INDICATORS_) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
              for (Snapshot snapshot : snapshots) {
                insert.setLong(1, UtcPeriods.startOf(day));
                insert.setString(2, Snapshot.key(snapshot.tenantId()));
                Jdbc.setNullable(insert, 3, snapshot.tenantId());
                insert.setInt(4, snapshot.score());
                insert.setString(5, snapshot.riskLevel().label());
                insert.setLong(6, UtcPeriods.startOf(snapshot.levelSince()));
                Jdbc.setNullable(insert, 7, sizeClass(snapshot.sizeClass()));
                insert.setString(8, indicatorsJson(snapshot));
                insert.addBatch();
              }
              insert.executeBatch();
            }
            return true;
          });
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("23") && days(day).contains(day)) {
        return false; // the day's row is another node's: it wrote the day
      }
      throw e;
    }
  }

  /** Every tenant's snapshots of the days {@code [from, to]}, oldest first. */
  List<Snapshot> between(LocalDate from, LocalDate to) throws SQLException {
    return select(
        true,
        " where DAY_ >= ? and DAY_ <= ? order by DAY_",
        List.of(UtcPeriods.startOf(from), UtcPeriods.startOf(to)));
  }

  /** As {@link #between}, without the indicators: scores and levels only. */
  List<Snapshot> scoresBetween(LocalDate from, LocalDate to) throws SQLException {
    return select(
        false,
        " where DAY_ >= ? and DAY_ <= ? order by DAY_",
        List.of(UtcPeriods.startOf(from), UtcPeriods.startOf(to)));
  }

  /** One tenant's snapshots from {@code from} on, oldest first. */
  List<Snapshot> history(String tenantId, LocalDate from) throws SQLException {
    return select(
        true,
        " where TENANT_KEY_ = ? and DAY_ >= ? order by DAY_",
        List.of(Snapshot.key(tenantId), UtcPeriods.startOf(from)));
  }

  /** Deletes the snapshots of the days before {@code day}; returns how many days. */
  int deleteBefore(LocalDate day) throws SQLException {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          try (PreparedStatement rows =
                  connection.prepareStatement("delete from " + table + " where DAY_ < ?");
              PreparedStatement days =
                  connection.prepareStatement("delete from " + dayTable + " where DAY_ < ?")) {
            rows.setLong(1, UtcPeriods.startOf(day));
            rows.executeUpdate();
            days.setLong(1, UtcPeriods.startOf(day));
            return days.executeUpdate();
          }
        });
  }

  private List<Snapshot> select(boolean withIndicators, String where, List<Object> parameters)
      throws SQLException {
    List<Snapshot> snapshots = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select DAY_, TENANT_ID_, SCORE_, LEVEL_, LEVEL_SINCE_, SIZE_CLASS_"
                    + (withIndicators ? ", INDICATORS_" : "")
                    + " from "
                    + table
                    + where)) {
      select.setQueryTimeout(readTimeoutSeconds);
      for (int i = 0; i < parameters.size(); i++) {
        select.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          snapshots.add(
              new Snapshot(
                  UtcPeriods.date(rows.getLong(1)),
                  rows.getString(2),
                  rows.getInt(3),
                  level(rows.getString(4)),
                  UtcPeriods.date(rows.getLong(5)),
                  rows.getString(6),
                  withIndicators ? indicators(rows.getString(7)) : Map.of()));
        }
      }
    }
    return snapshots;
  }

  /** A size class name as the column holds it: configured names longer than that are cut. */
  private static String sizeClass(String name) {
    return name == null || name.length() <= 64 ? name : name.substring(0, 64);
  }

  private static RiskLevel level(String label) {
    for (RiskLevel level : RiskLevel.values()) {
      if (level.label().equals(label)) {
        return level;
      }
    }
    return RiskLevel.AT_RISK;
  }

  private static String indicatorsJson(Snapshot snapshot) {
    ObjectNode indicators = JSON.createObjectNode();
    snapshot
        .indicators()
        .forEach(
            (id, value) -> {
              ObjectNode entry = indicators.putObject(id);
              entry.putPOJO("value", value.value());
              entry.put("status", value.status().label());
            });
    try {
      return JSON.writeValueAsString(indicators);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The indicators of a stored snapshot; ids this version does not know are kept as they are. */
  private static Map<String, Snapshot.Value> indicators(String json) {
    Map<String, Snapshot.Value> indicators = new LinkedHashMap<>();
    try {
      JsonNode node = JSON.readTree(json);
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue().get("value");
        indicators.put(
            field.getKey(),
            new Snapshot.Value(
                value == null || value.isNull() ? null : value.numberValue(),
                status(field.getValue().path("status").asText())));
      }
    } catch (JsonProcessingException e) {
      // an unreadable row keeps its score and level; its indicators are unknown
    }
    return indicators;
  }

  private static Status status(String label) {
    for (Status status : Status.values()) {
      if (status.label().equals(label)) {
        return status;
      }
    }
    return Status.NOT_APPLICABLE;
  }
}
