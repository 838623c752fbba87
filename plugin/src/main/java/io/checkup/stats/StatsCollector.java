package io.checkup.stats;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hot path. A listener's event becomes one increment in a table that belongs to the current
 * thread's command; when that command's transaction commits, the table is added to what the thread
 * has committed since the last flush, under the thread's own lock, which only the flusher ever asks
 * for besides it. A rolled-back transaction counts nothing, so counts are exact. No database
 * access, no lock shared between engine threads, and in steady state nothing allocated per event or
 * per command: the tables are reused.
 */
public final class StatsCollector {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.stats");

  /** Every engine thread's counts, registered on its first event. */
  private final Queue<ThreadCounts> threads = new ConcurrentLinkedQueue<>();

  private final AtomicLong failures = new AtomicLong();

  /**
   * What a thread's counts report their failures to. It holds the count of failures, not this
   * collector: a thread's counts live in its thread-local map as long as the thread (a servlet
   * container's pooled thread outlives the engine), and were they to hold the collector, they would
   * keep its thread-local key, and with it the closed engine's collector and class loader, from
   * ever being let go.
   */
  private final Consumer<RuntimeException> failureSink = failureSink(failures);

  private final ThreadLocal<ThreadCounts> local =
      ThreadLocal.withInitial(() -> new ThreadCounts(threads, failureSink));

  /** Counts made outside any command (rare): one key each. */
  private final Queue<StatKey> loose = new ConcurrentLinkedQueue<>();

  private volatile RuntimeException injectedFault;

  /**
   * What a listener counts, fixed at parse time: one metric of one process key for one element or
   * flow.
   */
  static final class Counter {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final String processKey;
    final Metric metric;
    final String dimension;

    /** Spread over the int range, for {@link CounterTable}. */
    final int hash;

    Counter(String processKey, Metric metric, String dimension) {
      this.processKey = processKey;
      this.metric = metric;
      this.dimension = dimension;
      int h = SEQUENCE.getAndIncrement() * 0x9E3779B9;
      this.hash = h ^ (h >>> 16);
    }
  }

  /**
   * Counts one event of a fixed counter. Never throws: a statistics failure must not break a
   * process instance.
   */
  void record(Counter counter, String tenantId) {
    try {
      checkFault();
      ThreadCounts.Command command = command(tenantId);
      if (command == null) {
        loose.offer(
            new StatKey(
                tenantId, counter.processKey, counter.metric, counter.dimension, hourNow()));
      } else if (Objects.equals(command.tenantId, tenantId)) {
        command.fixed.add(counter, 1);
      } else {
        command.add(
            new StatKey(
                tenantId, counter.processKey, counter.metric, counter.dimension, command.hour));
      }
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /** Counts one event now. Never throws: a statistics failure must not break a process instance. */
  public void record(String tenantId, String processKey, Metric metric, String dimension) {
    try {
      checkFault();
      ThreadCounts.Command command = command(tenantId);
      if (command == null) {
        loose.offer(new StatKey(tenantId, processKey, metric, dimension, hourNow()));
      } else {
        command.add(new StatKey(tenantId, processKey, metric, dimension, command.hour));
      }
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private void checkFault() {
    RuntimeException fault = injectedFault;
    if (fault != null) {
      throw fault;
    }
  }

  /** The start of the current hour (UTC, epoch milliseconds), by the engine's clock. */
  static long hourNow() {
    return UtcPeriods.hourStart(ClockUtil.getCurrentTime().getTime());
  }

  /**
   * The counts of the current command, opened on first use; null outside any command. Once opened,
   * found through the command's transaction context where that is the statistics' own ({@link
   * CommandEnds}), else through the thread's counts.
   */
  private ThreadCounts.Command command(String tenantId) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return null;
    }
    if (context.getTransactionContext() instanceof CommandEnds.Watched watched) {
      ThreadCounts.Command open = watched.countsOf(threads);
      if (open != null) {
        return open;
      }
    }
    return local.get().command(context, tenantId);
  }

  /**
   * Records a failure of the statistics themselves: logged (the first, then every thousandth),
   * never rethrown.
   */
  void failed(RuntimeException e) {
    failureSink.accept(e);
  }

  private static Consumer<RuntimeException> failureSink(AtomicLong failures) {
    return e -> {
      long count = failures.incrementAndGet();
      if (count == 1 || count % 1000 == 0) {
        LOG.warn(
            "camunda-checkup statistics: counting failed ({} time(s) so far); the process instance is "
                + "not affected",
            count,
            e);
      }
    };
  }

  /** How many commands of the current thread wait for their transaction's end (for tests). */
  int openCommandsOfThisThread() {
    return local.get().openCommands();
  }

  long failures() {
    return failures.get();
  }

  /**
   * Moves everything committed so far into {@code into}, adding to what it has. Called by the
   * flusher only.
   */
  void drainInto(Map<StatKey, Long> into) {
    for (StatKey key = loose.poll(); key != null; key = loose.poll()) {
      into.merge(key, 1L, Long::sum);
    }
    for (Iterator<ThreadCounts> it = threads.iterator(); it.hasNext(); ) {
      if (it.next().drainInto(into)) {
        it.remove();
      }
    }
  }

  /**
   * For tests of the "never reaches the process instance" promise: every record throws this until
   * cleared.
   */
  void injectFault(RuntimeException fault) {
    this.injectedFault = fault;
  }
}
