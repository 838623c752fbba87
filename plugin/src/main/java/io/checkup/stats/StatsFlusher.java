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
  private Map<StatKey, Long> pending = new HashMap<>();

  /**
   * A batch whose write failed in a way that leaves open whether it was committed (the connection
   * broke while committing): written again only once the database says it was not ({@link
   * StatsStore#lastBatch}), so that no count is lost and none is written twice. Null when there is
   * none.
   */
  private Map<StatKey, Long> inDoubt;

  private long inDoubtBatch;

  /** This run's row for the number of its last batch ({@link StatsStore#openBatchRow}). */
  private final String batchRow;

  private boolean batchRowOpen;

  private long nextBatch = 1;

  /** Whether the failure to ask about a batch in doubt has been logged. */
  private boolean askFailureLogged;

  private ScheduledExecutorService scheduler;
  private boolean failing;
  private boolean stopped;

  StatsFlusher(StatsCollector collector, StatsStore store, StatsSettings settings) {
    this.collector = collector;
    this.store = store;
    this.settings = settings;
    this.batchRow = StatsStore.batchRow(settings.nodeId());
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
    if (writeOut("at shutdown") && batchRowOpen) {
      try {
        store.closeBatchRow(batchRow);
      } catch (SQLException | RuntimeException e) {
        LOG.debug("camunda-checkup statistics: removing the row {} failed", batchRow, e);
      }
    }
  }

  /**
   * At the JVM's exit, for an engine that was never closed: writes what is counted so far; the
   * background work goes on (an engine closed after this, as Spring Boot's shutdown does beside it,
   * still writes what comes later).
   */
  void flushAtExit() {
    synchronized (this) {
      if (stopped) {
        return;
      }
    }
    if (!flush()) {
      // H2 closes a file database in an exit hook of its own, which the JVM runs beside this one: a
      // write it cuts off ("Database is already closed") goes through on a new connection, which
      // opens the database again, once that hook is done
      try {
        Thread.sleep(EXIT_RETRY_PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    writeOut("at the JVM's exit");
  }

  /** How long a flush at the JVM's exit that failed waits before its second and last try. */
  private static final long EXIT_RETRY_PAUSE_MILLIS = 250;

  /** A last flush, on disk when it returns true. */
  private boolean writeOut(String when) {
    if (!flush()) {
      LOG.error(
          "camunda-checkup statistics: the final flush {} failed; {} count row(s) of this node are lost{}",
          when,
          pendingRows(),
          inDoubt == null
              ? ""
              : " (of them "
                  + inDoubt.size()
                  + " of a flush that broke while committing, and may be in the database)");
      return false;
    }
    try {
      store.syncToDisk();
    } catch (SQLException | RuntimeException e) {
      LOG.warn(
          "camunda-checkup statistics: the final flush {} is written but may not be on disk yet; an exit of "
              + "the JVM right now may lose it ({})",
          when,
          e.getMessage());
    }
    return true;
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
    if (inDoubt != null && !settleInDoubt()) {
      enforceBound();
      return false;
    }
    if (pending.isEmpty()) {
      databaseIsBack(0);
      return true;
    }
    // in doubt from here until the database has said yes: whatever is thrown, an Error too, the
    // next flush asks before writing these counts again
    inDoubt = pending;
    inDoubtBatch = nextBatch++;
    pending = new HashMap<>();
    try {
      if (!batchRowOpen) {
        store.openBatchRow(batchRow);
        batchRowOpen = true;
      }
      store.insert(
          inDoubt, settings.nodeId(), ClockUtil.getCurrentTime().getTime(), batchRow, inDoubtBatch);
      int written = inDoubt.size();
      inDoubt = null;
      databaseIsBack(written);
      return true;
    } catch (SQLException | RuntimeException e) {
      if (!failing) {
        LOG.warn(
            "camunda-checkup statistics: writing {} count row(s) failed; they stay in memory and the next "
                + "flush writes them, once the database has said they are not there yet ({})",
            inDoubt.size(),
            e.getMessage());
        failing = true;
      }
      enforceBound();
      return false;
    }
  }

  private void databaseIsBack(int written) {
    if (failing) {
      if (written > 0) {
        LOG.info(
            "camunda-checkup statistics: the database is back; {} pending count row(s) written",
            written);
      } else {
        LOG.info("camunda-checkup statistics: the database is back");
      }
      failing = false;
    }
  }

  /**
   * Asks the database whether the batch in doubt was committed: if so it is dropped, if not its
   * counts join the pending ones. False when the database cannot answer yet.
   */
  private boolean settleInDoubt() {
    Long last;
    try {
      last = store.lastBatch(batchRow);
    } catch (SQLException | RuntimeException e) {
      if (!askFailureLogged) {
        LOG.warn(
            "camunda-checkup statistics: cannot tell yet whether the {} count row(s) of the failed flush are in "
                + "the database; asking again at the next flush ({})",
            inDoubt.size(),
            e.getMessage());
        askFailureLogged = true;
      }
      return false;
    }
    askFailureLogged = false;
    if (last != null && last == inDoubtBatch) {
      LOG.info(
          "camunda-checkup statistics: the flush that failed while committing had written its {} count "
              + "row(s); they are not written again",
          inDoubt.size());
    } else {
      for (Map.Entry<StatKey, Long> row : inDoubt.entrySet()) {
        pending.merge(row.getKey(), row.getValue(), Long::sum);
      }
    }
    inDoubt = null;
    return true;
  }

  synchronized int pendingRows() {
    return pending.size() + inDoubtRows();
  }

  private int inDoubtRows() {
    return inDoubt == null ? 0 : inDoubt.size();
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
    int before = pendingRows();
    while (pendingRows() > settings.maxPendingRows()) {
      // a batch in doubt is summarised as the rest is: whether it is then dropped or written
      // again, it goes whole, and its totals are kept
      Map<StatKey, Long> larger =
          inDoubt != null && inDoubt.size() > pending.size() ? inDoubt : pending;
      Map<StatKey, Long> other = larger == pending ? inDoubt : pending;
      if (!shrink(larger) && (other == null || !shrink(other))) {
        break; // one hour, one row per metric: cannot get smaller
      }
    }
    if (pendingRows() < before) {
      LOG.warn(
          "camunda-checkup statistics: {} count rows were waiting for the database, more than "
              + "statsMaxPendingRows ({}); the oldest hours were summarised to {} rows (totals kept)",
          before,
          settings.maxPendingRows(),
          pendingRows());
    }
  }

  /**
   * One step towards fewer rows: the oldest hour summarised further or, once it is one row per
   * metric, merged into the next. False when the rows cannot get fewer.
   */
  private static boolean shrink(Map<StatKey, Long> rows) {
    long oldest = Long.MAX_VALUE;
    for (StatKey key : rows.keySet()) {
      oldest = Math.min(oldest, key.periodStart());
    }
    if (summarise(rows, oldest)) {
      return true;
    }
    long next = Long.MAX_VALUE;
    for (StatKey key : rows.keySet()) {
      if (key.periodStart() > oldest) {
        next = Math.min(next, key.periodStart());
      }
    }
    if (next == Long.MAX_VALUE) {
      return false;
    }
    final long target = next;
    rewrite(rows, oldest, key -> key.withPeriod(target));
    return true;
  }

  /** One summarising step on an hour; false when it is already summarised as far as it goes. */
  private static boolean summarise(Map<StatKey, Long> rows, long hour) {
    int size = rows.size();
    rewrite(rows, hour, key -> key.withDimension(SUMMARISED));
    if (rows.size() < size) {
      return true;
    }
    rewrite(rows, hour, key -> key.withProcessKey(SUMMARISED));
    if (rows.size() < size) {
      return true;
    }
    rewrite(rows, hour, key -> key.withTenant(SUMMARISED));
    return rows.size() < size;
  }

  private static void rewrite(Map<StatKey, Long> rows, long hour, UnaryOperator<StatKey> change) {
    List<Map.Entry<StatKey, Long>> moved = new ArrayList<>();
    for (Map.Entry<StatKey, Long> entry : rows.entrySet()) {
      if (entry.getKey().periodStart() == hour) {
        moved.add(Map.entry(entry.getKey(), entry.getValue()));
      }
    }
    for (Map.Entry<StatKey, Long> row : moved) {
      rows.remove(row.getKey());
    }
    for (Map.Entry<StatKey, Long> row : moved) {
      rows.merge(change.apply(row.getKey()), row.getValue(), Long::sum);
    }
  }
}
