package io.checkup.report;

import io.checkup.lint.PlainText;
import io.checkup.report.Report.HistoryPoint;
import io.checkup.report.Report.TenantReport;
import io.checkup.stats.UtcPeriods;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each tenant is heading, from the daily snapshots: the change of its score over 7 and 30
 * days, the first day of its level, the last 30 days, and each indicator's value 7 days ago; and
 * since when a tenant without deployments is known. The snapshots of the last 31 days are read once
 * per day and node (and again when a snapshot is written, or after five minutes, for those another
 * node wrote), in a compact form: a report pays nothing for its trends, whatever the length of the
 * history.
 */
final class Trends {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.report");
  private static final long REFRESH = 5 * 60_000L;

  /**
   * One tenant's last 30 days: scores and levels by day, the snapshot its level carries on from
   * (yesterday's, or the day before's), and the indicators 7 days ago.
   */
  private record TenantHistory(
      Map<LocalDate, Snapshot> days, Snapshot latest, Map<String, Number> weekAgo) {

    static final TenantHistory NONE = new TenantHistory(Map.of(), null, Map.of());
  }

  private record Cache(
      LocalDate today,
      long loadedAt,
      Map<String, TenantHistory> tenants,
      Map<LocalDate, Long> written) {}

  private final SnapshotTable table;
  private volatile Cache cache;

  Trends(SnapshotTable table) {
    this.table = table;
  }

  /** Forgets what was read: a snapshot was written. */
  void invalidate() {
    cache = null;
  }

  /**
   * The report with every tenant's trends; a tenant without snapshots (a new one, or none written
   * yet) has its level since today and no changes. Unchanged when the snapshots cannot be read.
   */
  Report apply(Report report, long now) {
    LocalDate today = UtcPeriods.date(now);
    Map<String, TenantHistory> histories = histories(today, now);
    if (histories == null) {
      return report;
    }
    List<TenantReport> tenants = new ArrayList<>();
    for (TenantReport tenant : report.tenants()) {
      TenantHistory history = histories.get(Snapshot.key(tenant.tenantId()));
      tenants.add(apply(tenant, history == null ? TenantHistory.NONE : history, today));
    }
    return new Report(report.generatedAt(), tenants);
  }

  private static TenantReport apply(TenantReport tenant, TenantHistory history, LocalDate today) {
    List<HistoryPoint> points = new ArrayList<>();
    for (LocalDate day = today.minusDays(30); day.isBefore(today); day = day.plusDays(1)) {
      Snapshot snapshot = history.days().get(day);
      if (snapshot != null) {
        points.add(new HistoryPoint(day.toString(), snapshot.score(), snapshot.riskLevel()));
      }
    }
    // yesterday's snapshot, or the day before's: between midnight and the writing of yesterday's
    // snapshot the level did not start today
    Snapshot latest = history.latest();
    String levelSince =
        (latest != null && latest.riskLevel() == tenant.riskLevel() ? latest.levelSince() : today)
            .toString();
    return tenant
        .withTrends(
            change(tenant, history.days().get(today.minusDays(7))),
            change(tenant, history.days().get(today.minusDays(30))),
            levelSince,
            points,
            history.weekAgo())
        .withDecline(today);
  }

  private static Integer change(TenantReport tenant, Snapshot then) {
    return then == null ? null : tenant.score() - then.score();
  }

  /** Every tenant's history by snapshot key; null when the snapshots cannot be read. */
  private Map<String, TenantHistory> histories(LocalDate today, long now) {
    Cache known = cache;
    if (known != null && known.today().equals(today) && now - known.loadedAt() < REFRESH) {
      return known.tenants();
    }
    Map<String, TenantHistory> tenants = new HashMap<>();
    Map<LocalDate, Long> written;
    try {
      Map<String, Map<LocalDate, Snapshot>> days = lastDays(today);
      written = table.written(today.minusDays(31), today.minusDays(1));
      Map<String, Map<String, Number>> weekAgo = new HashMap<>();
      for (Snapshot snapshot : table.between(today.minusDays(7), today.minusDays(7))) {
        Map<String, Number> values = new HashMap<>();
        snapshot.indicators().forEach((id, value) -> values.put(id, value.value()));
        weekAgo.put(Snapshot.key(snapshot.tenantId()), values);
      }
      days.forEach(
          (key, byDay) ->
              tenants.put(
                  key,
                  new TenantHistory(
                      byDay, latest(byDay, today), weekAgo.getOrDefault(key, Map.of()))));
    } catch (SQLException e) {
      LOG.warn(
          "camunda-checkup: the daily snapshots cannot be read ({}); no trends",
          PlainText.oneLine(String.valueOf(e.getMessage()), PlainText.MESSAGE_LENGTH));
      return null;
    }
    cache = new Cache(today, now, tenants, written);
    return tenants;
  }

  /**
   * The snapshots of the days {@code [today - 31, today - 1]} by tenant and day: the 30 days the
   * trends show, and the day before them, which tells that a tenant is older than any window an
   * indicator looks at.
   */
  private Map<String, Map<LocalDate, Snapshot>> lastDays(LocalDate today) throws SQLException {
    Map<String, Map<LocalDate, Snapshot>> days = new HashMap<>();
    for (Snapshot snapshot : table.scoresBetween(today.minusDays(31), today.minusDays(1))) {
      days.computeIfAbsent(Snapshot.key(snapshot.tenantId()), key -> new HashMap<>())
          .put(snapshot.day(), snapshot);
    }
    return days;
  }

  /**
   * When the first daily snapshot that holds each tenant was written, among the days of the 31
   * before {@code now}'s day, by snapshot key (older days are not read: 31 days are more than any
   * indicator's window); empty when the snapshots cannot be read. A live report reads the history
   * the trends keep; a report as of a past instant reads its own days.
   */
  Map<String, Long> firstSeen(long now, boolean live) {
    LocalDate today = UtcPeriods.date(now);
    Map<String, Long> first = new HashMap<>();
    try {
      Map<String, Map<LocalDate, Snapshot>> days = new HashMap<>();
      Map<LocalDate, Long> written;
      if (live) {
        histories(today, now);
        Cache known = cache;
        if (known == null || !known.today().equals(today)) {
          return first;
        }
        known.tenants().forEach((key, history) -> days.put(key, history.days()));
        written = known.written();
      } else {
        days.putAll(lastDays(today));
        written = table.written(today.minusDays(31), today.minusDays(1));
      }
      days.forEach(
          (key, byDay) -> {
            for (LocalDate day : byDay.keySet()) {
              Long at = written.get(day);
              if (at != null) {
                first.merge(key, at, Math::min);
              }
            }
          });
    } catch (SQLException e) {
      LOG.warn(
          "camunda-checkup: the daily snapshots cannot be read ({}); tenants without deployments "
              + "count as new",
          PlainText.oneLine(String.valueOf(e.getMessage()), PlainText.MESSAGE_LENGTH));
    }
    return first;
  }

  /**
   * Yesterday's snapshot, or the day before's while yesterday's is not written yet (between
   * midnight and the snapshot job's round): the level a tenant had then. An older one says nothing
   * of the days in between, and the snapshot job carries a level on from the day before only.
   */
  private static Snapshot latest(Map<LocalDate, Snapshot> byDay, LocalDate today) {
    Snapshot yesterday = byDay.get(today.minusDays(1));
    return yesterday != null ? yesterday : byDay.get(today.minusDays(2));
  }
}
