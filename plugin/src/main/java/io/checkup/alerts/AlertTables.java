package io.checkup.alerts;

import io.checkup.db.Jdbc;
import io.checkup.db.PluginTables;
import io.checkup.report.RiskLevel;
import io.checkup.report.Snapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The alert tables (see {@code io/checkup/alerts/sql}): the round row every evaluation locks, the
 * tenants' states, and the alerts with their delivery. Plain JDBC on the engine's data source, in
 * transactions of its own; every statement has a timeout.
 */
final class AlertTables {

  static final PluginTables.Group TABLES =
      new PluginTables.Group(
          "io/checkup/alerts/sql",
          List.of("CHECKUP_ALERT_ROUND", "CHECKUP_ALERT_STATE", "CHECKUP_ALERT"));

  static final String PENDING = "pending";
  static final String SENT = "sent";
  static final String FAILED = "failed";

  /** An alert waiting for delivery. */
  record Due(String id, String tenantId, String body, int attempts, long created) {}

  private static final int QUERY_TIMEOUT_SECONDS = 30;

  private final PluginTables tables;
  private final DataSource dataSource;
  private final String round;
  private final String state;
  private final String alert;

  AlertTables(PluginTables tables) {
    this.tables = tables;
    this.dataSource = tables.dataSource();
    this.round = tables.name("CHECKUP_ALERT_ROUND");
    this.state = tables.name("CHECKUP_ALERT_STATE");
    this.alert = tables.name("CHECKUP_ALERT");
  }

  void applySchemaUpdate(String schemaUpdate) {
    tables.applySchemaUpdate(TABLES, schemaUpdate);
  }

  void drop() {
    tables.drop(TABLES);
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** When the last round ended (0: never), read without a lock. */
  long lastRound() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            prepare(connection, "select EVALUATED_AT_ from " + round + " where ID_ = 1")) {
      return single(select);
    }
  }

  /**
   * Locks the round row for the rest of the transaction (another node's round waits) and says when
   * the last round ended.
   */
  long lockRound(Connection connection) throws SQLException {
    try (PreparedStatement select =
        prepare(connection, "select EVALUATED_AT_ from " + round + " where ID_ = 1 for update")) {
      return single(select);
    }
  }

  /**
   * Takes the round that is due for this node: one atomic update from the end of the last round it
   * read, so of the nodes that find a round due at the same moment one makes the report.
   */
  boolean takeRound(long last, long at, String nodeId) throws SQLException {
    return update(
            "update "
                + round
                + " set EVALUATED_AT_ = ?, NODE_ID_ = ? where ID_ = 1 and EVALUATED_AT_ = ?",
            at,
            nodeId,
            last)
        == 1;
  }

  void endRound(Connection connection, long at, String nodeId) throws SQLException {
    try (PreparedStatement update =
        prepare(
            connection, "update " + round + " set EVALUATED_AT_ = ?, NODE_ID_ = ? where ID_ = 1")) {
      update.setLong(1, at);
      update.setString(2, nodeId);
      update.executeUpdate();
    }
  }

  private static long single(PreparedStatement select) throws SQLException {
    try (ResultSet rows = select.executeQuery()) {
      if (!rows.next()) {
        throw new SQLException("the round row of CHECKUP_ALERT_ROUND is missing");
      }
      return rows.getLong(1);
    }
  }

  /** Every tenant's state, by {@link Snapshot#key}. */
  Map<String, TenantState> states(Connection connection) throws SQLException {
    Map<String, TenantState> states = new HashMap<>();
    try (PreparedStatement select =
            prepare(
                connection,
                "select TENANT_KEY_, TENANT_ID_, LEVEL_, SCORE_, PEAK_SCORE_, PEAK_AT_, "
                    + "LAST_ALERT_AT_, EVALUATED_AT_ from "
                    + state);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        long lastFall = rows.getLong(7);
        Long lastFallAt = rows.wasNull() ? null : lastFall;
        states.put(
            rows.getString(1),
            new TenantState(
                rows.getString(2),
                level(rows.getString(3)),
                rows.getInt(4),
                rows.getInt(5),
                rows.getLong(6),
                lastFallAt,
                rows.getLong(8)));
      }
    }
    return states;
  }

  private static RiskLevel level(String label) {
    for (RiskLevel level : RiskLevel.values()) {
      if (level.label().equals(label)) {
        return level;
      }
    }
    return RiskLevel.HEALTHY;
  }

  /** Writes a tenant's state: updated when it had one, inserted when not. */
  void saveState(Connection connection, TenantState next, boolean existed) throws SQLException {
    String sql =
        existed
            ? "update "
                + state
                + " set TENANT_ID_ = ?, LEVEL_ = ?, SCORE_ = ?, PEAK_SCORE_ = ?, PEAK_AT_ = ?, "
                + "LAST_ALERT_AT_ = ?, EVALUATED_AT_ = ? where TENANT_KEY_ = ?"
            : "insert into "
                + state
                + " (TENANT_ID_, LEVEL_, SCORE_, PEAK_SCORE_, PEAK_AT_, LAST_ALERT_AT_, "
                + "EVALUATED_AT_, TENANT_KEY_) values (?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement write = prepare(connection, sql)) {
      Jdbc.setNullable(write, 1, next.tenantId());
      write.setString(2, next.level().label());
      write.setInt(3, next.score());
      write.setInt(4, next.peakScore());
      write.setLong(5, next.peakAt());
      if (next.lastFallAt() == null) {
        write.setNull(6, Types.BIGINT);
      } else {
        write.setLong(6, next.lastFallAt());
      }
      write.setLong(7, next.evaluatedAt());
      write.setString(8, Snapshot.key(next.tenantId()));
      write.executeUpdate();
    }
  }

  /**
   * What the tenant's latest alert said (by {@link Snapshot#key}), leaving out alerts given up (the
   * receiver never had them); null without one, or when its body says nothing readable.
   */
  Worsening.LastAlert lastAlert(Connection connection, String tenantKey) throws SQLException {
    try (PreparedStatement select =
        prepare(
            connection,
            "select BODY_ from "
                + alert
                + " where TENANT_KEY_ = ? and STATUS_ <> ? order by CREATED_ desc")) {
      select.setMaxRows(1);
      select.setString(1, tenantKey);
      select.setString(2, FAILED);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? AlertBody.lastAlert(rows.getString(1)) : null;
      }
    }
  }

  /** Stores a new alert, due at once. */
  void insertAlert(Connection connection, String id, String tenantId, String body, long now)
      throws SQLException {
    try (PreparedStatement insert =
        prepare(
            connection,
            "insert into "
                + alert
                + " (ID_, TENANT_KEY_, TENANT_ID_, BODY_, STATUS_, CREATED_, ATTEMPTS_, "
                + "NEXT_ATTEMPT_) values (?, ?, ?, ?, ?, ?, 0, ?)")) {
      insert.setString(1, id);
      insert.setString(2, Snapshot.key(tenantId));
      Jdbc.setNullable(insert, 3, tenantId);
      insert.setString(4, body);
      insert.setString(5, PENDING);
      insert.setLong(6, now);
      insert.setLong(7, now);
      insert.executeUpdate();
    }
  }

  /** Pending alerts due at {@code now} that no node holds, oldest due first. */
  List<Due> due(long now, int limit) throws SQLException {
    List<Due> due = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            prepare(
                connection,
                "select ID_, TENANT_ID_, BODY_, ATTEMPTS_, CREATED_ from "
                    + alert
                    + " where STATUS_ = ? and NEXT_ATTEMPT_ <= ? and (CLAIMED_UNTIL_ is null or "
                    + "CLAIMED_UNTIL_ < ?) order by NEXT_ATTEMPT_")) {
      select.setMaxRows(limit);
      select.setString(1, PENDING);
      select.setLong(2, now);
      select.setLong(3, now);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next() && due.size() < limit) {
          due.add(
              new Due(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getInt(4),
                  rows.getLong(5)));
        }
      }
    }
    return due;
  }

  /**
   * Takes an alert for delivery until {@code until}, unless another node holds it or it is no
   * longer pending: one atomic update, so that one node delivers it at a time.
   */
  boolean claim(String id, String claim, long now, long until) throws SQLException {
    return update(
            "update "
                + alert
                + " set CLAIMED_BY_ = ?, CLAIMED_UNTIL_ = ? where ID_ = ? and STATUS_ = ? and "
                + "(CLAIMED_UNTIL_ is null or CLAIMED_UNTIL_ < ?)",
            claim,
            until,
            id,
            PENDING,
            now)
        == 1;
  }

  /** Records a delivery: sent. Only the delivery that holds the claim writes its outcome. */
  void sent(String id, String claim, int attempts, long at) throws SQLException {
    update(
        "update "
            + alert
            + " set STATUS_ = ?, ATTEMPTS_ = ?, SENT_AT_ = ?, LAST_ERROR_ = null, "
            + "CLAIMED_BY_ = null, CLAIMED_UNTIL_ = null where ID_ = ? and CLAIMED_BY_ = ?",
        SENT,
        attempts,
        at,
        id,
        claim);
  }

  /** Records a failed attempt: retried at {@code next}, or given up when {@code next} is null. */
  void failed(String id, String claim, int attempts, Long next, String error) throws SQLException {
    update(
        "update "
            + alert
            + " set STATUS_ = ?, ATTEMPTS_ = ?, NEXT_ATTEMPT_ = ?, LAST_ERROR_ = ?, "
            + "CLAIMED_BY_ = null, CLAIMED_UNTIL_ = null where ID_ = ? and CLAIMED_BY_ = ?",
        next == null ? FAILED : PENDING,
        attempts,
        next == null ? 0L : next,
        error.length() > 255 ? error.substring(0, 255) : error,
        id,
        claim);
  }

  /** Deletes delivered and given-up alerts raised before {@code before}. */
  int deleteDoneBefore(Connection connection, long before) throws SQLException {
    try (PreparedStatement delete =
        prepare(connection, "delete from " + alert + " where STATUS_ in (?, ?) and CREATED_ < ?")) {
      delete.setString(1, SENT);
      delete.setString(2, FAILED);
      delete.setLong(3, before);
      return delete.executeUpdate();
    }
  }

  /**
   * The alerts kept, newest first (alerts of one moment by id), at most {@code limit}; with {@code
   * filter.olderThan()}, those that come after that alert in this order (a page after the one it
   * ended), or null when that alert is not kept.
   */
  List<AlertRecord> list(int limit, Filter filter) throws SQLException {
    List<AlertRecord> records = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "select ID_, TENANT_ID_, STATUS_, ATTEMPTS_, CREATED_, SENT_AT_, LAST_ERROR_, BODY_, "
                + "NEXT_ATTEMPT_ from ");
    sql.append(alert).append(" where 1 = 1");
    if (filter.tenant()) {
      sql.append(" and TENANT_KEY_ = ?");
    }
    if (filter.status() != null) {
      sql.append(" and STATUS_ = ?");
    }
    if (filter.olderThan() != null) {
      // a key, not an offset: a page costs the same however deep, and alerts raised meanwhile
      // do not shift it
      sql.append(" and (CREATED_ < ? or (CREATED_ = ? and ID_ > ?))");
    }
    sql.append(" order by CREATED_ desc, ID_");
    try (Connection connection = dataSource.getConnection()) {
      Long anchor = null;
      if (filter.olderThan() != null) {
        anchor = created(connection, filter.olderThan());
        if (anchor == null) {
          return null;
        }
      }
      try (PreparedStatement select = prepare(connection, sql.toString())) {
        select.setMaxRows(limit);
        int parameter = 1;
        if (filter.tenant()) {
          select.setString(parameter++, Snapshot.key(filter.tenantId()));
        }
        if (filter.status() != null) {
          select.setString(parameter++, filter.status());
        }
        if (anchor != null) {
          select.setLong(parameter++, anchor);
          select.setLong(parameter++, anchor);
          select.setString(parameter, filter.olderThan());
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next() && records.size() < limit) {
            long sentAt = rows.getLong(6);
            Long sent = rows.wasNull() ? null : sentAt;
            String status = rows.getString(3);
            records.add(
                new AlertRecord(
                    rows.getString(1),
                    rows.getString(2),
                    status,
                    rows.getInt(4),
                    rows.getLong(5),
                    sent,
                    rows.getString(7),
                    rows.getString(8),
                    PENDING.equals(status) ? Long.valueOf(rows.getLong(9)) : null));
          }
        }
      }
    }
    return records;
  }

  /** When the alert with this id was raised, or null when it is not kept. */
  private Long created(Connection connection, String id) throws SQLException {
    try (PreparedStatement select =
        prepare(connection, "select CREATED_ from " + alert + " where ID_ = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : null;
      }
    }
  }

  /**
   * Which alerts a list holds.
   *
   * @param tenant whether to hold one tenant's only, {@code tenantId}'s (null: the tenant-less
   *     part)
   * @param status {@code pending}, {@code sent} or {@code failed}, or null for all
   * @param olderThan the id of the alert a previous page ended with, or null for the first page
   */
  record Filter(boolean tenant, String tenantId, String status, String olderThan) {
    static final Filter ALL = new Filter(false, null, null, null);
  }

  private int update(String sql, Object... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = prepare(connection, sql)) {
      connection.setAutoCommit(true);
      for (int i = 0; i < parameters.length; i++) {
        update.setObject(i + 1, parameters[i]);
      }
      return update.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
    return statement;
  }
}
