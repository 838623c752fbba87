package io.checkup.stats;

import java.time.Duration;

/** Statistics settings for tests of the flusher: default roll-up and retention. */
final class TestStatsSettings {

  private TestStatsSettings() {}

  static StatsSettings of(Duration flushInterval, int maxPendingRows, String nodeId) {
    return new StatsSettings(
        flushInterval, Duration.ofDays(14), Duration.ofDays(180), maxPendingRows, nodeId);
  }
}
