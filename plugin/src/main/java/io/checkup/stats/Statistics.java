package io.checkup.stats;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The Java API to the runtime statistics: queries over what has been written, and on-demand flush
 * and maintenance (tests and demos set a short flush interval or call {@link #flushNow()} for exact
 * numbers).
 */
public final class Statistics {

  private final StatsCollector collector;
  private final StatsStore store;
  private final StatsFlusher flusher;
  private final StatsSettings settings;
  private final boolean collecting;

  Statistics(
      StatsCollector collector,
      StatsStore store,
      StatsFlusher flusher,
      StatsSettings settings,
      boolean collecting) {
    this.collecting = collecting;
    this.collector = collector;
    this.store = store;
    this.flusher = flusher;
    this.settings = settings;
  }

  /** A new query over the written statistics. */
  public StatsQuery query() {
    return new StatsQuery(store, hourlyHorizon());
  }

  /** The start of the oldest day whose hourly rows are still kept. */
  private long hourlyHorizon() {
    long now = ClockUtil.getCurrentTime().getTime();
    return UtcPeriods.dayStart(now - settings.rollUpAfter().toMillis()) + UtcPeriods.DAY;
  }

  /**
   * False when the statistics are switched off ({@code statsEnabled=false}): nothing is counted.
   */
  public boolean isCollecting() {
    return collecting;
  }

  /**
   * Writes counts that were not collected by this node, as rows of their own ({@code source} is
   * their node id): imported from elsewhere, or made up for a demo. They are summed with everything
   * else like any node's rows.
   *
   * @throws SQLException when the database refuses them (nothing is written then)
   */
  public void backfill(Map<StatKey, Long> counts, String source) throws SQLException {
    store.insert(counts, source, ClockUtil.getCurrentTime().getTime());
  }

  /**
   * The earliest UTC day the statistics still hold (as daily rows), or null when they hold none.
   */
  public LocalDate earliestDay() {
    try {
      Long day = store.earliestDay();
      return day == null ? null : UtcPeriods.date(day);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "camunda-checkup statistics: reading the earliest day failed: " + e.getMessage(), e);
    }
  }

  /**
   * Since when the statistics have been counted: the start of the earliest day they still hold
   * (epoch milliseconds; every count is written to its day's row with its hour's), or null when
   * they hold nothing.
   */
  public Long countingSince() {
    LocalDate earliest = earliestDay();
    return earliest == null ? null : UtcPeriods.startOf(earliest);
  }

  /**
   * Versions of what has been written for past periods: the hours before the previous hour, the
   * days before yesterday, and any day before today. Each rises when a flush (of any node) or a
   * backfill adds counts to such a period. While a version stays the same, sums over those periods
   * stay the same, so a reader may keep them: the days before yesterday for weeks, yesterday from
   * the first flushes after midnight on.
   *
   * @return {settled hours, settled days, past days}
   */
  public long[] closedPeriodVersions() {
    try {
      return store.closedPeriodVersions();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "camunda-checkup statistics: reading the versions failed: " + e.getMessage(), e);
    }
  }

  /** Writes every count this node has collected; true when all of it is in the database. */
  public boolean flushNow() {
    return flusher.flush();
  }

  /**
   * Merges finished periods, drops expired hours and applies the retention now, instead of within
   * the hour.
   */
  public void maintainNow() throws SQLException {
    flusher.maintain();
  }

  /** Rows waiting in memory for the database (after failed flushes). */
  public int pendingRows() {
    return flusher.pendingRows();
  }

  /**
   * How often counting itself failed (each failure was caught and logged; no process instance
   * noticed).
   */
  public long countingFailures() {
    return collector.failures();
  }

  StatsCollector collector() {
    return collector;
  }

  StatsStore store() {
    return store;
  }
}
