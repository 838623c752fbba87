package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.db.PluginTables;
import io.checkup.testing.Intercepted;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A flush that fails with an Error (a driver's LinkageError, an OutOfMemoryError) is one failed
 * flush: the next ones still run. An Error that escaped the scheduled task cancelled it, and the
 * counts waited silently for the engine's shutdown.
 */
class FlusherSurvivesErrorsTest {

  @Test
  void theFlushAfterAnErrorStillRuns() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:flusher-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    AtomicBoolean failNext = new AtomicBoolean();
    DataSource flaky =
        Intercepted.by(
            DataSource.class,
            h2,
            (method, arguments, target) -> {
              if (method.getName().equals("getConnection")
                  && Thread.currentThread().getName().startsWith("camunda-checkup-stats")
                  && failNext.getAndSet(false)) {
                throw new LinkageError("a driver class failed to load");
              }
              return target.call();
            });
    StatsStore store = new StatsStore(new PluginTables(flaky, "h2", ""));
    store.applySchemaUpdate("true");
    StatsCollector collector = new StatsCollector();
    StatsFlusher flusher =
        new StatsFlusher(
            collector, store, TestStatsSettings.of(Duration.ofMillis(100), 1_000, "n1"));
    failNext.set(true);
    collector.record("acme", "invoice", Metric.INSTANCE_STARTED, "");
    flusher.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      long counted = 0;
      while (counted == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
        counted = new StatsQuery(store).tenant("acme").metric(Metric.INSTANCE_STARTED).sum();
      }
      assertThat(failNext).as("the first flush met the error").isFalse();
      assertThat(counted).as("written by a later scheduled flush").isEqualTo(1);
    } finally {
      flusher.stop();
      store.drop();
    }
  }
}
