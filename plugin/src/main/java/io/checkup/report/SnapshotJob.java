package io.checkup.report;

import io.checkup.stats.Statistics;
import io.checkup.stats.UtcPeriods;
import io.checkup.threads.DaemonThreads;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the daily snapshot of every tenant, once per UTC day and cluster, in the background: the
 * report as it was at the end of the day, written after every node has flushed the day's counts.
 * Days that were missed (the first start, a cluster that was down) are back-filled from what the
 * statistics still hold, oldest first, as far back as they reach and the retention allows; older
 * snapshots are deleted. Never throws: a failure is logged, and the next round tries again.
 */
final class SnapshotJob {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.report");

  private final CheckupReport report;
  private final SnapshotTable table;
  private final Statistics statistics;
  private final Duration retention;
  private final Duration settle;
  private final String nodeId;
  private final Runnable onWritten;
  private ScheduledExecutorService scheduler;
  private LocalDate trimmedOn;

  /** Kept once known: a later first deployment only means days already written. */
  private volatile LocalDate firstDeployment;

  /**
   * @param retention how long snapshots are kept
   * @param settle how long after midnight a day's counts are surely flushed by every node
   */
  SnapshotJob(
      CheckupReport report,
      SnapshotTable table,
      Statistics statistics,
      Duration retention,
      Duration settle,
      String nodeId,
      Runnable onWritten) {
    if (retention.toDays() < 1) {
      // it keeps the days from today - retention: less than a day would delete every snapshot
      throw new IllegalArgumentException("the snapshots' retention is shorter than one day");
    }
    this.report = report;
    this.onWritten = onWritten;
    this.table = table;
    this.statistics = statistics;
    this.retention = retention;
    this.settle = settle;
    this.nodeId = nodeId;
  }

  /** Starts the background rounds: soon after start, then every minute, until {@link #stop()}. */
  synchronized void start(String engineName, BooleanSupplier alive) {
    if (scheduler != null) {
      return;
    }
    scheduler = DaemonThreads.scheduler("camunda-checkup-snapshots-" + engineName, true);
    scheduler.scheduleWithFixedDelay(
        () -> {
          if (!alive.getAsBoolean()) {
            stop();
            return;
          }
          try {
            catchUp(ClockUtil.getCurrentTime().getTime());
          } catch (Throwable e) {
            // whatever it is: a task that throws is never run again
            LOG.warn(
                "camunda-checkup: writing the daily snapshots failed ({}); the next round tries "
                    + "again",
                e.toString());
          }
        },
        15,
        60,
        TimeUnit.SECONDS);
  }

  void stop() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      stopping = scheduler;
      scheduler = null;
    }
    if (stopping != null) {
      stopping.shutdownNow();
      // a write under way finishes (or fails) before the engine closes its data source, or drops
      // the tables with create-drop
      DaemonThreads.awaitStopped(stopping, "the daily snapshots");
    }
  }

  /** The last day whose snapshot may be written at {@code now}: yesterday, once it has settled. */
  LocalDate lastDay(long now) {
    LocalDate today = UtcPeriods.date(now);
    return now - UtcPeriods.dayStart(now) >= settle.toMillis()
        ? today.minusDays(1)
        : today.minusDays(2);
  }

  /**
   * Writes every missing day up to the last one that may be written, oldest first, and deletes what
   * is past the retention.
   *
   * @return the days this node wrote
   */
  List<LocalDate> catchUp(long now) {
    LocalDate today = UtcPeriods.date(now);
    LocalDate last = lastDay(now);
    LocalDate keepFrom = today.minusDays(retention.toDays());
    LocalDate first = last;
    if (statistics.isCollecting()) {
      LocalDate earliest = statistics.earliestDay();
      first = earliest == null ? last : earliest.isAfter(last) ? last : earliest;
    }
    if (first.isBefore(keepFrom)) {
      first = keepFrom;
    }
    List<LocalDate> written = new ArrayList<>();
    try {
      // no day before the engine's first deployment: a new engine's yesterday would be a day of
      // nothing at all, and put every tenant at risk since a day it did not run
      if (firstDeployment == null) {
        firstDeployment = report.firstDeploymentDay();
      }
      if (firstDeployment == null) {
        first = last.plusDays(1);
      } else if (firstDeployment.isAfter(first)) {
        first = firstDeployment;
      }
      Set<LocalDate> done = table.days(first.minusDays(1));
      Map<String, Snapshot> previous = null;
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        if (done.contains(day)) {
          previous = null;
          continue;
        }
        if (previous == null) {
          previous = byTenant(table.between(day.minusDays(1), day.minusDays(1)));
        }
        Report asOf = report.generateAsOf(UtcPeriods.startOf(day.plusDays(1)) - 1);
        List<Snapshot> snapshots = snapshots(day, asOf, previous);
        boolean backfilled = day.isBefore(today.minusDays(1));
        if (table.write(day, snapshots, nodeId, backfilled, now)) {
          written.add(day);
          previous = byTenant(snapshots);
        } else {
          previous = null; // another node wrote it: read its rows for the next day
        }
      }
      if (!written.isEmpty()) {
        onWritten.run();
        LOG.info(
            "camunda-checkup: wrote the daily snapshot of {} ({} day(s){})",
            written.size() == 1 ? written.get(0) : written.get(0) + " to " + last,
            written.size(),
            written.size() > 1 ? ", back-filled from the statistics" : "");
      }
      if (!today.equals(trimmedOn)) {
        table.deleteBefore(keepFrom);
        trimmedOn = today;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(
          "camunda-checkup: the snapshot tables cannot be read or written: " + e.getMessage(), e);
    }
    return written;
  }

  private static Map<String, Snapshot> byTenant(List<Snapshot> snapshots) {
    Map<String, Snapshot> byTenant = new HashMap<>();
    for (Snapshot snapshot : snapshots) {
      byTenant.put(Snapshot.key(snapshot.tenantId()), snapshot);
    }
    return byTenant;
  }

  /** The day's snapshots from the report as of its end; a level goes on from the day before. */
  static List<Snapshot> snapshots(LocalDate day, Report report, Map<String, Snapshot> previous) {
    List<Snapshot> snapshots = new ArrayList<>();
    for (Report.TenantReport tenant : report.tenants()) {
      Snapshot before = previous.get(Snapshot.key(tenant.tenantId()));
      LocalDate levelSince =
          before != null && before.riskLevel() == tenant.riskLevel() ? before.levelSince() : day;
      Map<String, Snapshot.Value> indicators = new LinkedHashMap<>();
      for (Report.IndicatorResult indicator : tenant.indicators()) {
        indicators.put(indicator.id(), new Snapshot.Value(indicator.value(), indicator.status()));
      }
      snapshots.add(
          new Snapshot(
              day,
              tenant.tenantId(),
              tenant.score(),
              tenant.riskLevel(),
              levelSince,
              tenant.sizeClass(),
              indicators));
    }
    return snapshots;
  }
}
