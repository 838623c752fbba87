package io.checkup.report;

import io.checkup.stats.UtcPeriods;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Peers} of a day: the latest daily snapshot before it (yesterday's, or an earlier one
 * while yesterday's is not written yet), read once and kept until a newer snapshot is written. Read
 * only when a norm is relative.
 */
final class PeerCache {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.report");
  private static final long RECHECK = 5 * 60_000L;

  /** The snapshots of the week before a day are searched for the latest one. */
  private static final int SEARCH_DAYS = 7;

  private record Cached(LocalDate forDay, LocalDate snapshotDay, long loadedAt, Peers peers) {}

  private final SnapshotTable table;
  private volatile Cached cached;

  PeerCache(SnapshotTable table) {
    this.table = table;
  }

  /** Forgets what was read: a snapshot was written. */
  void invalidate() {
    cached = null;
  }

  /** The peers for a report as of {@code now}. */
  Peers at(long now) {
    LocalDate today = UtcPeriods.date(now);
    Cached known = cached;
    if (known != null
        && known.forDay().equals(today)
        && (today.minusDays(1).equals(known.snapshotDay()) || now - known.loadedAt() < RECHECK)) {
      return known.peers();
    }
    try {
      LocalDate latest = null;
      Set<LocalDate> days = table.days(today.minusDays(SEARCH_DAYS));
      for (LocalDate day : days) {
        if (day.isBefore(today)) {
          latest = day;
        }
      }
      Peers peers = latest == null ? Peers.NONE : Peers.of(table.between(latest, latest));
      cached = new Cached(today, latest, now, peers);
      return peers;
    } catch (SQLException e) {
      LOG.warn(
          "camunda-checkup: the daily snapshots cannot be read ({}); relative norms fall back to "
              + "their fixed bounds",
          e.getMessage());
      return Peers.NONE;
    }
  }
}
