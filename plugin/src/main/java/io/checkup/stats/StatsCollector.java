package io.checkup.stats;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hot path. A listener's event becomes one increment in a map that belongs to the current
 * thread's command; when that command's transaction commits, the map is handed over to the flusher
 * through a lock-free queue (one hand-over per transaction, not per event). A rolled-back
 * transaction counts nothing, so counts are exact. No database access, no lock shared between
 * engine threads.
 */
public final class StatsCollector {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.stats");

  private final ConcurrentLinkedQueue<CommandCounts> committed = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<OpenCommands> open = ThreadLocal.withInitial(OpenCommands::new);
  private final AtomicLong failures = new AtomicLong();
  private volatile RuntimeException injectedFault;

  /**
   * What a listener counts, fixed at parse time: one metric of one process key for one element or
   * flow.
   */
  static final class Counter {
    final String processKey;
    final Metric metric;
    final String dimension;

    Counter(String processKey, Metric metric, String dimension) {
      this.processKey = processKey;
      this.metric = metric;
      this.dimension = dimension;
    }
  }

  /**
   * The commands of one engine thread whose counts are open (a command may run another inside it),
   * with the latest one at hand: events of one command come one after another, so most need no
   * look-up.
   */
  private static final class OpenCommands {
    final Map<CommandContext, CommandCounts> all = new IdentityHashMap<>();
    CommandContext lastContext;
    CommandCounts lastCounts;

    void remove(CommandContext context) {
      all.remove(context);
      if (lastContext == context) {
        lastContext = null;
        lastCounts = null;
      }
    }
  }

  /**
   * The counts of one command (one transaction). Every count of a command gets the hour the command
   * counted first: commands last milliseconds, and asking the clock once per command keeps the hot
   * path short.
   */
  private static final class CommandCounts {
    final long hour;

    /**
     * Counts of fixed counters for the command's first tenant: the common case, without a key
     * object.
     */
    final String tenantId;

    // sized for a command's few counters; grows for more
    final IdentityHashMap<Counter, long[]> fixed = new IdentityHashMap<>(8);

    /** Everything else (other tenants, variable dimensions). */
    Map<StatKey, long[]> other;

    CommandCounts(long hour, String tenantId) {
      this.hour = hour;
      this.tenantId = tenantId;
    }

    void add(StatKey key) {
      if (other == null) {
        other = new HashMap<>();
      }
      long[] count = other.get(key);
      if (count == null) {
        other.put(key, new long[] {1});
      } else {
        count[0]++;
      }
    }

    /** Adds these counts to {@code into}; on the flusher's thread, not the engine's. */
    void addInto(Map<StatKey, Long> into) {
      for (Map.Entry<Counter, long[]> entry : fixed.entrySet()) {
        Counter counter = entry.getKey();
        into.merge(
            new StatKey(tenantId, counter.processKey, counter.metric, counter.dimension, hour),
            entry.getValue()[0],
            Long::sum);
      }
      if (other != null) {
        for (Map.Entry<StatKey, long[]> entry : other.entrySet()) {
          into.merge(entry.getKey(), entry.getValue()[0], Long::sum);
        }
      }
    }
  }

  /**
   * Counts one event of a fixed counter. Never throws: a statistics failure must not break a
   * process instance.
   */
  void record(Counter counter, String tenantId) {
    try {
      checkFault();
      CommandCounts counts = commandCounts(tenantId);
      if (counts == null) {
        offerSingle(
            new StatKey(
                tenantId, counter.processKey, counter.metric, counter.dimension, currentHour()));
      } else if (Objects.equals(counts.tenantId, tenantId)) {
        long[] count = counts.fixed.get(counter);
        if (count == null) {
          counts.fixed.put(counter, new long[] {1});
        } else {
          count[0]++;
        }
      } else {
        counts.add(
            new StatKey(
                tenantId, counter.processKey, counter.metric, counter.dimension, counts.hour));
      }
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /** Counts one event now. Never throws: a statistics failure must not break a process instance. */
  public void record(String tenantId, String processKey, Metric metric, String dimension) {
    try {
      checkFault();
      CommandCounts counts = commandCounts(tenantId);
      if (counts == null) {
        offerSingle(new StatKey(tenantId, processKey, metric, dimension, currentHour()));
      } else {
        counts.add(new StatKey(tenantId, processKey, metric, dimension, counts.hour));
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

  private static long currentHour() {
    return UtcPeriods.hourStart(ClockUtil.getCurrentTime().getTime());
  }

  private void offerSingle(StatKey key) {
    CommandCounts single = new CommandCounts(key.periodStart(), key.tenantId());
    single.add(key);
    committed.offer(single);
  }

  /**
   * The counts of the current command, made (and watched until its transaction ends) on first use;
   * null outside.
   */
  private CommandCounts commandCounts(String tenantId) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return null;
    }
    OpenCommands open = this.open.get();
    if (open.lastContext == context) {
      return open.lastCounts;
    }
    CommandCounts counts = open.all.get(context);
    if (counts == null) {
      counts = new CommandCounts(currentHour(), tenantId);
      open.all.put(context, counts);
      watch(context, counts, open);
    }
    open.lastContext = context;
    open.lastCounts = counts;
    return counts;
  }

  /**
   * Hands the command's counts over when its transaction commits, as they are: turning them into
   * keys is the flusher's work.
   */
  private void watch(CommandContext context, CommandCounts counts, OpenCommands open) {
    context
        .getTransactionContext()
        .addTransactionListener(
            TransactionState.COMMITTED,
            commandContext -> {
              open.remove(context);
              committed.offer(counts);
            });
    context
        .getTransactionContext()
        .addTransactionListener(
            TransactionState.ROLLED_BACK, commandContext -> open.remove(context));
  }

  /**
   * Records a failure of the statistics themselves: logged (the first, then every thousandth),
   * never rethrown.
   */
  void failed(RuntimeException e) {
    long count = failures.incrementAndGet();
    if (count == 1 || count % 1000 == 0) {
      LOG.warn(
          "camunda-checkup statistics: counting failed ({} time(s) so far); the process instance is not "
              + "affected",
          count,
          e);
    }
  }

  long failures() {
    return failures.get();
  }

  /**
   * Moves everything committed so far into {@code into}, adding to what it has. Called by the
   * flusher only.
   */
  void drainInto(Map<StatKey, Long> into) {
    for (CommandCounts batch = committed.poll(); batch != null; batch = committed.poll()) {
      batch.addInto(into);
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
