package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.checkup.db.PluginTables;
import io.checkup.testing.Intercepted;
import io.checkup.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A flush whose commit fails may have been committed or not; either way every count ends up in the
 * database exactly once. H2 always; MariaDB and PostgreSQL when their tests are on.
 */
class FlushInDoubtTest {

  /** What the next commit of the flusher's connection does. */
  enum Fault {
    NONE,
    /** The database commits, and the answer is lost: the driver throws. */
    COMMITTED_THEN_BROKEN,
    /** The connection breaks before the commit reaches the database. */
    BROKEN_BEFORE_COMMIT,
    /** The database commits, and the driver fails with an Error. */
    COMMITTED_THEN_ERROR,
    /** No connection at all. */
    DOWN
  }

  @Test
  void h2() throws Exception {
    exercise(TestDatabases.h2("in-doubt"), "h2");
  }

  @Test
  void mariaDb() throws Exception {
    exercise(TestDatabases.mariaDb(), "mysql");
  }

  @Test
  void postgres() throws Exception {
    exercise(TestDatabases.postgres(), "postgres");
  }

  @Test
  void aBatchInDoubtCountsAgainstTheBoundAndIsSummarisedWholeNotLost() throws Exception {
    AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
    StatsStore store =
        new StatsStore(
            new PluginTables(faulty(TestDatabases.h2("in-doubt-bound"), fault), "h2", ""));
    store.applySchemaUpdate("true");
    StatsCollector collector = new StatsCollector();
    StatsFlusher flusher =
        new StatsFlusher(collector, store, TestStatsSettings.of(Duration.ofHours(1), 100, "n1"));
    count(collector, "warm", 1);
    assertThat(flusher.flush()).isTrue();

    // committed: 150 rows in doubt, summarised in memory, then dropped as written
    assign(collector, "committed", 150);
    fault.set(Fault.COMMITTED_THEN_BROKEN);
    assertThat(flusher.flush()).isFalse();
    assertThat(flusher.pendingRows()).isLessThanOrEqualTo(100);
    fault.set(Fault.DOWN);
    assign(collector, "waiting", 150);
    assertThat(flusher.flush()).isFalse();
    assertThat(flusher.pendingRows()).isLessThanOrEqualTo(100);
    fault.set(Fault.NONE);
    assertThat(flusher.flush()).isTrue();
    assertThat(assigned(store)).isEqualTo(300);

    // not committed: summarised in memory, then written with its totals
    assign(collector, "lost-commit", 150);
    fault.set(Fault.BROKEN_BEFORE_COMMIT);
    assertThat(flusher.flush()).isFalse();
    assertThat(flusher.pendingRows()).isLessThanOrEqualTo(100);
    assertThat(flusher.flush()).isTrue();
    assertThat(assigned(store)).isEqualTo(450);
    store.drop();
  }

  private static void assign(StatsCollector collector, String prefix, int users) {
    for (int i = 0; i < users; i++) {
      collector.record("acme", "invoice", Metric.TASK_ASSIGNED, prefix + i);
    }
  }

  private static long assigned(StatsStore store) throws SQLException {
    return new StatsQuery(store).tenant("acme").metric(Metric.TASK_ASSIGNED).sum()
        + new StatsQuery(store).tenant(StatsFlusher.SUMMARISED).metric(Metric.TASK_ASSIGNED).sum();
  }

  private static void exercise(DataSource database, String databaseType) throws Exception {
    AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
    DataSource faulty = faulty(database, fault);
    String prefix = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
    StatsStore store = new StatsStore(new PluginTables(faulty, databaseType, prefix));
    store.applySchemaUpdate("true");
    try {
      StatsCollector collector = new StatsCollector();
      String node = "node-" + "x".repeat(120);
      StatsFlusher flusher =
          new StatsFlusher(
              collector, store, TestStatsSettings.of(Duration.ofHours(1), 1_000, node));
      // a second engine that, misconfigured, shares the node id
      StatsCollector twinCollector = new StatsCollector();
      StatsFlusher twin =
          new StatsFlusher(
              twinCollector, store, TestStatsSettings.of(Duration.ofHours(1), 1_000, node));
      count(collector, "warm", 1);
      assertThat(flusher.flush()).isTrue();

      // committed, but the flusher hears of a failure: not written again
      count(collector, "acme", 3);
      fault.set(Fault.COMMITTED_THEN_BROKEN);
      assertThat(flusher.flush()).isFalse();
      assertThat(flusher.pendingRows()).as("the batch in doubt waits").isEqualTo(1);
      count(collector, "acme", 2);
      count(twinCollector, "acme", 10);
      assertThat(twin.flush()).as("the twin writes between the failure and the question").isTrue();
      assertThat(flusher.flush()).isTrue();
      assertThat(started(store, "acme")).isEqualTo(15);

      // committed, and the driver fails with an Error: the next flush asks all the same
      count(collector, "delta", 2);
      fault.set(Fault.COMMITTED_THEN_ERROR);
      assertThatThrownBy(flusher::flush).isInstanceOf(LinkageError.class);
      assertThat(flusher.flush()).isTrue();
      assertThat(started(store, "delta")).isEqualTo(2);

      // not committed: written with the next flush
      count(collector, "beta", 4);
      fault.set(Fault.BROKEN_BEFORE_COMMIT);
      assertThat(flusher.flush()).isFalse();
      assertThat(started(store, "beta")).isZero();
      assertThat(flusher.flush()).isTrue();
      assertThat(started(store, "beta")).isEqualTo(4);

      // committed, then the database is away when the flusher asks: it waits for the answer
      count(collector, "gamma", 6);
      fault.set(Fault.COMMITTED_THEN_BROKEN);
      assertThat(flusher.flush()).isFalse();
      fault.set(Fault.DOWN);
      count(collector, "gamma", 1);
      assertThat(flusher.flush()).isFalse();
      assertThat(flusher.pendingRows()).isEqualTo(2);
      fault.set(Fault.NONE);
      assertThat(flusher.flush()).isTrue();
      assertThat(flusher.pendingRows()).isZero();
      assertThat(started(store, "gamma")).isEqualTo(7);
      assertThat(started(store, "acme")).isEqualTo(15);
      assertThat(started(store, "beta")).isEqualTo(4);

      // a flusher that stops with nothing in doubt leaves no row behind
      assertThat(batchRows(faulty, prefix)).isEqualTo(2);
      flusher.stop();
      twin.stop();
      assertThat(batchRows(faulty, prefix)).isZero();
    } finally {
      fault.set(Fault.NONE);
      store.drop();
    }
  }

  private static void count(StatsCollector collector, String tenant, int times) {
    for (int i = 0; i < times; i++) {
      collector.record(tenant, "invoice", Metric.INSTANCE_STARTED, "");
    }
  }

  private static long batchRows(DataSource database, String prefix) throws SQLException {
    try (Connection connection = database.getConnection();
        var select =
            connection.prepareStatement(
                "select count(*) from " + prefix + "CHECKUP_VERSION where NAME_ like 'batch:%'");
        var rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long started(StatsStore store, String tenant) throws SQLException {
    return new StatsQuery(store).tenant(tenant).metric(Metric.INSTANCE_STARTED).sum();
  }

  /** The database with the fault set on each connection's commit, once; DOWN until cleared. */
  private static DataSource faulty(DataSource database, AtomicReference<Fault> fault) {
    return Intercepted.by(
        DataSource.class,
        database,
        (method, arguments, target) -> {
          if (!method.getName().equals("getConnection")) {
            return target.call();
          }
          if (fault.get() == Fault.DOWN) {
            throw new SQLTransientConnectionException("the database is away");
          }
          Connection connection = (Connection) target.call();
          return Intercepted.by(
              Connection.class,
              connection,
              (call, callArguments, real) -> {
                if (!call.getName().equals("commit")) {
                  return real.call();
                }
                Fault now = fault.get();
                if (now == Fault.COMMITTED_THEN_BROKEN) {
                  real.call();
                  fault.set(Fault.NONE);
                  throw new SQLException("connection reset while committing", "08006");
                }
                if (now == Fault.COMMITTED_THEN_ERROR) {
                  real.call();
                  fault.set(Fault.NONE);
                  throw new LinkageError("a driver class failed to load");
                }
                if (now == Fault.BROKEN_BEFORE_COMMIT) {
                  fault.set(Fault.NONE);
                  throw new SQLException("connection reset", "08006");
                }
                return real.call();
              });
        });
  }
}
