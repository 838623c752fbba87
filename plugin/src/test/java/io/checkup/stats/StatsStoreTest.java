package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.checkup.db.PluginTables;
import io.checkup.testing.TestDatabases;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The table scripts and statements on each supported database: H2 always; MariaDB (the MySQL
 * script) and PostgreSQL when their tests are on. Tables carry a random prefix, so runs never meet.
 */
class StatsStoreTest {

  private static final long DAY = UtcPeriods.DAY;

  @Test
  void h2() throws Exception {
    exercise(TestDatabases.h2("store"), "h2");
  }

  @Test
  void mariaDb() throws Exception {
    exercise(TestDatabases.mariaDb(), "mysql");
  }

  @Test
  void postgres() throws Exception {
    exercise(TestDatabases.postgres(), "postgres");
  }

  private static void exercise(DataSource dataSource, String databaseType) throws Exception {
    String prefix = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
    StatsStore store = new StatsStore(new PluginTables(dataSource, databaseType, prefix));
    assertThatThrownBy(() -> store.applySchemaUpdate("false"))
        .hasMessageContaining(prefix + "CHECKUP_STAT does not exist")
        .hasMessageContaining("io/checkup/stats/sql/" + databaseType + ".create.sql");
    store.applySchemaUpdate("true");
    store.applySchemaUpdate("true"); // already there: nothing happens
    try {
      long today = UtcPeriods.dayStart(Instant.now().toEpochMilli());
      long old = today - 20 * DAY;
      store.insert(
          Map.of(
              new StatKey("acme", "invoice", Metric.INSTANCE_STARTED, "", old + UtcPeriods.HOUR),
                  3L,
              new StatKey(
                      "acme", "invoice", Metric.INSTANCE_STARTED, "", old + 5 * UtcPeriods.HOUR),
                  4L,
              new StatKey(null, "invoice", Metric.INSTANCE_STARTED, "", old), 5L,
              new StatKey("acme", "invoice", Metric.TASK_ASSIGNED, "anna", today), 2L),
          "node-1",
          today);
      store.insert(
          Map.of(new StatKey("acme", "invoice", Metric.INSTANCE_STARTED, "", today), 1L),
          "node-2",
          today);
      store.insert(
          Map.of(new StatKey("acme", "invoice", Metric.INSTANCE_STARTED, "", today), 2L),
          "node-2",
          today);
      // daily and hourly rows answer alike
      assertThat(new StatsQuery(store).tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
          .isEqualTo(10);
      assertThat(
              new StatsQuery(store).hourly().tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
          .isEqualTo(10);
      assertThat(new StatsQuery(store).tenant(null).metric(Metric.INSTANCE_STARTED).sum())
          .isEqualTo(5);
      assertThat(
              new StatsQuery(store)
                  .tenant("acme")
                  .metric(Metric.TASK_ASSIGNED)
                  .distinctDimensions())
          .containsExactly("anna");
      assertThat(new StatsQuery(store).tenant("acme").metric(Metric.INSTANCE_STARTED).sumByDay())
          .containsValues(7L, 3L);

      // merge what is over and drop hours older than 14 days, twice, as two nodes would
      assertThat(store.compact(today + DAY, today + DAY, today - 14 * DAY, "node-1", today))
          .isPositive();
      store.compact(today + DAY, today + DAY, today - 14 * DAY, "node-2", today);
      assertThat(new StatsQuery(store).tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
          .isEqualTo(10);
      assertThat(
              new StatsQuery(store).hourly().tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
          .as("hourly rows of 20 days ago are gone, today's remain")
          .isEqualTo(3);
      assertThat(new StatsQuery(store).tenant("acme").metric(Metric.INSTANCE_STARTED).rows())
          .hasSize(1);

      assertThat(store.deleteOlderThan(today - 10 * DAY))
          .isEqualTo(2); // the two daily rows of 20 days ago
      assertThat(new StatsQuery(store).metric(Metric.INSTANCE_STARTED).sum()).isEqualTo(3);
    } finally {
      store.drop();
    }
    assertThat(store.tablesExist()).isFalse();
  }
}
