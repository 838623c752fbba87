package io.checkup.stats;

import java.time.Duration;

/**
 * How the statistics run. The values are checked where they are set, with the names a user wrote
 * them under ({@code io.checkup.engine.CheckupSettings}: positive, at least a day, retention not
 * shorter than the roll-up, a node id that fits and does not start with '*', at least 100 rows).
 *
 * @param flushInterval how often counts are written (and so the most a crash can lose)
 * @param rollUpAfter age after which hourly rows are rolled up into daily rows
 * @param retention age after which rows are deleted
 * @param maxPendingRows how many rows may wait in memory while the database cannot be written
 * @param nodeId this engine node's name in the rows it writes
 */
public record StatsSettings(
    Duration flushInterval,
    Duration rollUpAfter,
    Duration retention,
    int maxPendingRows,
    String nodeId) {

  /** The most characters of a node id the tables keep ({@code NODE_ID_}). */
  public static final int NODE_ID_LENGTH = 128;
}
