package io.checkup.stats;

import java.time.Duration;

/**
 * How the statistics run.
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

  public StatsSettings {
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException(
          "statsFlushInterval must be positive, got " + flushInterval);
    }
    if (rollUpAfter.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException(
          "statsRollUpAfter must be at least one day, got " + rollUpAfter);
    }
    if (retention.compareTo(rollUpAfter) < 0) {
      throw new IllegalArgumentException(
          "statsRetention ("
              + retention
              + ") must not be shorter than "
              + "statsRollUpAfter ("
              + rollUpAfter
              + ")");
    }
    if (nodeId != null && nodeId.startsWith("*")) {
      throw new IllegalArgumentException(
          "statsNodeId must not start with '*' (the roll-up marks the rows it merges so), got "
              + nodeId);
    }
    if (maxPendingRows < 100) {
      throw new IllegalArgumentException(
          "statsMaxPendingRows must be at least 100, got " + maxPendingRows);
    }
  }
}
