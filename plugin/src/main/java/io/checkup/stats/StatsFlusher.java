package io.checkup.stats;

import io.checkup.threads.DaemonThreads;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background side: every 100 ms it takes over what engine threads committed (keeping their
 * hand-over queue short, so the counts of a busy engine die young instead of being copied by the
 * garbage collector), every flush interval it writes the counts as one batch, and every hour it
 * rolls old hours into days and applies the retention. When the database cannot be written, the
 * counts stay in memory and go out with the next flush that works; past {@code maxPendingRows}, the
 * oldest hour is summarised, never dropped.
 */
final class StatsFlusher {

  /** How often the committed counts are taken over from the engine threads. */
  static final long ABSORB_MILLIS = 100;

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.stats");

  /**
   * Tenant, process key and dimension of counts summarised to keep memory bounded during a database
   * outage.
   */
  static final String SUMMARISED = "*";

  private final StatsCollector collector;
  private final StatsStore store;
  private final StatsSettings settings;
  private final Map<StatKey, Long> pending = new HashMap<>();
  private ScheduledExecutorService scheduler;
  private boolean failing;
  private boolean stopped;

  StatsFlusher(StatsCollector collector, StatsStore store, StatsSettings settings) {
    this.collector = collector;
    this.store = store;
    this.settings = settings;
  }

  synchronized void start() {
    scheduler = DaemonThreads.scheduler("camunda-checkup-stats " + settings.nodeId(), false);
    long interval = settings.flushInterval().toMillis();
    scheduler.scheduleWithFixedDelay(
        this::absorb, ABSORB_MILLIS, ABSORB_MILLIS, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::maintainQuietly, 1, 60, TimeUnit.MINUTES);
  }

  /** Stops the background work and writes what is left, once. */
  void stop() {
    ScheduledExecutorService running;
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      running = scheduler;
    }
    if (running != null) {
      running.shutdown();
      try {
        running.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!flush()) {
      LOG.error(
          "camunda-checkup statistics: the final flush at shutdown failed; {} count row(s) of this node are "
              + "lost",
          pendingRows());
    }
  }

  // The scheduled tasks catch every Throwable: one that escapes cancels its task for good, and
  // flushing would stop without a word.

  private synchronized void absorb() {
    try {
      collector.drainInto(pending);
      if (pending.size() > settings.maxPendingRows() && !failing) {
        // more distinct rows within one interval than may wait: a database that answers takes them
        // now, whole, rather than have them summarised; only a failing one gets the bound
        flush();
      } else {
        enforceBound();
      }
    } catch (Throwable e) {
      LOG.warn("camunda-checkup statistics: collecting counts failed", e);
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (Throwable e) {
      LOG.warn("camunda-checkup statistics: the flush failed; the next one tries again", e);
    }
  }

  /** Writes everything counted so far; true when it is in the database (or there was nothing). */
  synchronized boolean flush() {
    collector.drainInto(pending);
    if (pending.isEmpty()) {
      return true;
    }
    try {
      store.insert(pending, settings.nodeId(), ClockUtil.getCurrentTime().getTime());
      if (failing) {
        LOG.info(
            "camunda-checkup statistics: the database is back; {} pending count row(s) written",
            pending.size());
        failing = false;
      }
      pending.clear();
      return true;
    } catch (SQLException | RuntimeException e) {
      if (!failing) {
        LOG.warn(
            "camunda-checkup statistics: writing {} count row(s) failed; they stay in memory and go out with "
                + "the next flush ({})",
            pending.size(),
            e.getMessage());
        failing = true;
      }
      enforceBound();
      return false;
    }
  }

  synchronized int pendingRows() {
    return pending.size();
  }

  /**
   * Merges the rows of hours and days that are over, keeps hourly rows only for the roll-up age
   * (the daily rows hold the same counts), and deletes what is older than the retention.
   */
  void maintain() throws SQLException {
    long now = ClockUtil.getCurrentTime().getTime();
    // an hour is merged once it has been over for an hour, so late flushes of other nodes are in
    int compacted =
        store.compact(
            UtcPeriods.hourStart(now) - UtcPeriods.HOUR,
            UtcPeriods.dayStart(now),
            UtcPeriods.dayStart(now - settings.rollUpAfter().toMillis()),
            settings.nodeId(),
            now);
    int deleted = store.deleteOlderThan(UtcPeriods.dayStart(now - settings.retention().toMillis()));
    if (compacted > 0 || deleted > 0) {
      LOG.info(
          "camunda-checkup statistics: merged or rolled up {} row(s), deleted {} row(s) past the retention",
          compacted,
          deleted);
    }
  }

  private void maintainQuietly() {
    try {
      maintain();
    } catch (Throwable e) {
      LOG.warn(
          "camunda-checkup statistics: roll-up and retention failed; they run again within the hour ({})",
          e.getMessage());
    }
  }

  /**
   * Keeps the rows waiting in memory within the bound: the oldest hour is summarised step by step
   * (its dimensions, then its process keys, then its tenants become {@value #SUMMARISED}) and, once
   * it is one row per metric, merged into the next hour. Totals are kept at every step.
   */
  private void enforceBound() {
    int before = pending.size();
    while (pending.size() > settings.maxPendingRows()) {
      long oldest = Long.MAX_VALUE;
      for (StatKey key : pending.keySet()) {
        oldest = Math.min(oldest, key.periodStart());
      }
      if (!summarise(oldest)) {
        long next = Long.MAX_VALUE;
        for (StatKey key : pending.keySet()) {
          if (key.periodStart() > oldest) {
            next = Math.min(next, key.periodStart());
          }
        }
        if (next == Long.MAX_VALUE) {
          break; // one hour, one row per metric: cannot get smaller
        }
        final long target = next;
        rewrite(oldest, key -> key.withPeriod(target));
      }
    }
    if (pending.size() < before) {
      LOG.warn(
          "camunda-checkup statistics: {} count rows were waiting for the database, more than "
              + "statsMaxPendingRows ({}); the oldest hours were summarised to {} rows (totals kept)",
          before,
          settings.maxPendingRows(),
          pending.size());
    }
  }

  /** One summarising step on an hour; false when it is already summarised as far as it goes. */
  private boolean summarise(long hour) {
    int size = pending.size();
    rewrite(hour, key -> key.withDimension(SUMMARISED));
    if (pending.size() < size) {
      return true;
    }
    rewrite(hour, key -> key.withProcessKey(SUMMARISED));
    if (pending.size() < size) {
      return true;
    }
    rewrite(hour, key -> key.withTenant(SUMMARISED));
    return pending.size() < size;
  }

  private void rewrite(long hour, UnaryOperator<StatKey> change) {
    List<Map.Entry<StatKey, Long>> rows = new ArrayList<>();
    for (Map.Entry<StatKey, Long> entry : pending.entrySet()) {
      if (entry.getKey().periodStart() == hour) {
        rows.add(Map.entry(entry.getKey(), entry.getValue()));
      }
    }
    for (Map.Entry<StatKey, Long> row : rows) {
      pending.remove(row.getKey());
    }
    for (Map.Entry<StatKey, Long> row : rows) {
      pending.merge(change.apply(row.getKey()), row.getValue(), Long::sum);
    }
  }
}
