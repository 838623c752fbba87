package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.db.PluginTables;
import java.time.Duration;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * More distinct count rows within one flush interval than {@code statsMaxPendingRows} (thousands of
 * tenants, assignees or elements) on a database that answers: they are written early and whole, not
 * summarised as if the database were away.
 */
class ManyRowsHealthyDatabaseTest {

  @Test
  void rowsBeyondTheBoundAreFlushedEarlyNotSummarised() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:many-rows-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    StatsStore store = new StatsStore(new PluginTables(h2, "h2", ""));
    store.applySchemaUpdate("true");
    StatsCollector collector = new StatsCollector();
    StatsFlusher flusher =
        new StatsFlusher(collector, store, TestStatsSettings.of(Duration.ofHours(1), 100, "n1"));
    flusher.start();
    try {
      for (int i = 0; i < 250; i++) {
        collector.record("acme", "invoice", Metric.TASK_ASSIGNED, "user" + i);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      long written = 0;
      while (written < 250 && System.nanoTime() < deadline) {
        Thread.sleep(50);
        written = new StatsQuery(store).tenant("acme").metric(Metric.TASK_ASSIGNED).sum();
      }
      assertThat(written).as("written long before the hour's flush").isEqualTo(250);
      assertThat(
              new StatsQuery(store)
                  .tenant("acme")
                  .metric(Metric.TASK_ASSIGNED)
                  .distinctDimensions())
          .as("every assignee kept, none summarised")
          .hasSize(250)
          .doesNotContain(StatsFlusher.SUMMARISED);
    } finally {
      flusher.stop();
      store.drop();
    }
  }
}
