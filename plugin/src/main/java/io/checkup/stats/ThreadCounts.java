package io.checkup.stats;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.cfg.TransactionContext;
import org.camunda.bpm.engine.impl.cfg.TransactionListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * One engine thread's counts: those of its open commands (a command may run another inside it), and
 * what its commands have committed since the flusher last took it. The open commands are the
 * thread's alone; the committed counts are guarded by this object's lock, which only this thread
 * and the flusher ask for. Command tables are reused, so steady counting allocates nothing.
 */
final class ThreadCounts {

  /** Commands kept for reuse; more than a few are never open at once. */
  private static final int SPARE_COMMANDS = 4;

  /** A command's table of keyed counts is kept for reuse up to this many keys. */
  private static final int SPARE_KEYS = 16;

  private final Queue<ThreadCounts> registry;
  private final Consumer<RuntimeException> failures;
  private final WeakReference<Thread> thread;

  // the engine thread's own
  private final Map<CommandContext, Command> open = new IdentityHashMap<>(4);
  private final ArrayDeque<Command> spare = new ArrayDeque<>(SPARE_COMMANDS);
  private CommandContext lastContext;
  private Command lastCommand;

  // guarded by this
  private Map<TenantHour, CounterTable> committed = new HashMap<>();
  private Map<StatKey, long[]> committedOther;
  private TenantHour lastKey;
  private CounterTable lastTable;
  private boolean registered;

  /** Made on the engine thread's first event; registers itself with the flusher's list. */
  ThreadCounts(Queue<ThreadCounts> registry, Consumer<RuntimeException> failures) {
    this.registry = registry;
    this.failures = failures;
    this.thread = new WeakReference<>(Thread.currentThread());
    synchronized (this) {
      register();
    }
  }

  private record TenantHour(String tenantId, long hour) {}

  /**
   * The counts of one command (one transaction). Every count of a command gets the hour the command
   * counted first: commands last milliseconds, and asking the clock once per command keeps the hot
   * path short. Counts of fixed counters for the command's first tenant, the common case, go to a
   * table without a key object; everything else (other tenants, variable dimensions) to keys.
   */
  final class Command {
    long hour;
    String tenantId;
    final CounterTable fixed = new CounterTable();
    private CommandContext context;
    private Map<StatKey, long[]> other;
    private final TransactionListener onCommit = ended -> end(this, ended, true);
    private final TransactionListener onRollback = ended -> end(this, ended, false);

    void add(StatKey key) {
      if (other == null) {
        other = new HashMap<>();
      }
      increment(other, key, 1);
    }

    /** The end of the command's transaction in {@code context}, told by Spring's. */
    void ended(CommandContext context, boolean committed) {
      end(this, context, committed);
    }

    /** The end of the command's transaction, told by the engine's own ({@link CommandEnds}). */
    void ended(boolean committed) {
      CommandContext ended = context;
      if (ended != null) {
        end(this, ended, committed);
      }
    }
  }

  /**
   * The current command's counts, opened (and watched until its transaction ends) on first use.
   * Engine thread only.
   */
  Command command(CommandContext context, String tenantId) {
    if (lastContext == context) {
      return lastCommand;
    }
    Command command = open.get(context);
    if (command == null) {
      command = spare.isEmpty() ? new Command() : spare.pop();
      command.context = context;
      command.hour = StatsCollector.hourNow();
      command.tenantId = tenantId;
      try {
        watch(command, context);
      } catch (RuntimeException e) {
        // a transaction that takes no more listeners (JTA, marked rollback-only): nothing to count,
        // and nothing kept for it; a listener already registered finds no context and does nothing
        command.context = null;
        throw e;
      }
      open.put(context, command);
    }
    lastContext = context;
    lastCommand = command;
    return command;
  }

  /**
   * Has the command's end reported: by the engine's own transaction context where it is one of
   * {@link CommandEnds}, by Spring's transaction where Spring manages it ({@link
   * SpringCommandEnd}), else by two listeners on the transaction (a map and two lists more for each
   * command, made by the transaction context).
   */
  private void watch(Command command, CommandContext context) {
    TransactionContext transaction = context.getTransactionContext();
    if (transaction instanceof CommandEnds.Watched own) {
      if (!own.watch(command, registry)) {
        throw new IllegalStateException(
            "the command's transaction has ended (what it does now is never written), or another "
                + "camunda-checkup on this engine counts it");
      }
    } else if (transaction.getClass().getName().equals(SpringCommandEnd.CONTEXT)) {
      SpringCommandEnd.watch(command, context);
    } else {
      transaction.addTransactionListener(TransactionState.COMMITTED, command.onCommit);
      transaction.addTransactionListener(TransactionState.ROLLED_BACK, command.onRollback);
    }
  }

  /**
   * The end of a command's transaction: committed counts join the thread's, rolled-back ones are
   * dropped. A late call for a command already ended (a rollback after its commit listeners ran)
   * finds another context and does nothing.
   */
  private void end(Command command, CommandContext context, boolean committed) {
    try {
      if (command.context == context) {
        close(command, context, committed);
      }
    } catch (RuntimeException e) {
      // the transaction has ended; a statistics failure must not fail the command now
      failures.accept(e);
    }
  }

  private void close(Command command, CommandContext context, boolean committed) {
    if (committed) {
      commit(command);
    }
    open.remove(context);
    if (lastContext == context) {
      lastContext = null;
      lastCommand = null;
    }
    command.context = null;
    command.tenantId = null;
    if (command.other != null && command.other.size() <= SPARE_KEYS) {
      command.other.clear(); // a small table is kept for the next command (assignees mostly)
    } else {
      command.other = null;
    }
    command.fixed.clear();
    // a transaction may end on another thread (JTA); only the owner reuses its commands
    if (Thread.currentThread() == thread.get() && spare.size() < SPARE_COMMANDS) {
      spare.push(command);
    }
  }

  private synchronized void commit(Command command) {
    if (!command.fixed.isEmpty()) {
      command.fixed.addInto(table(command.tenantId, command.hour));
    }
    if (command.other != null) {
      if (committedOther == null) {
        committedOther = new HashMap<>();
      }
      for (Map.Entry<StatKey, long[]> entry : command.other.entrySet()) {
        increment(committedOther, entry.getKey(), entry.getValue()[0]);
      }
    }
    register();
  }

  private static void increment(Map<StatKey, long[]> counts, StatKey key, long amount) {
    long[] count = counts.get(key);
    if (count == null) {
      counts.put(key, new long[] {amount});
    } else {
      count[0] += amount;
    }
  }

  /** How many commands of this thread wait for their transaction's end (for tests). */
  int openCommands() {
    return open.size();
  }

  private CounterTable table(String tenantId, long hour) {
    if (lastKey != null && lastKey.hour() == hour && Objects.equals(lastKey.tenantId(), tenantId)) {
      return lastTable;
    }
    lastKey = new TenantHour(tenantId, hour);
    lastTable = committed.computeIfAbsent(lastKey, key -> new CounterTable());
    return lastTable;
  }

  private void register() {
    if (!registered) {
      registered = true;
      registry.add(this);
    }
  }

  /**
   * Moves the committed counts into {@code into}, turning them into keys outside the lock. Flusher
   * only. Returns true when the thread is gone and nothing is left: the flusher then forgets this
   * object (a transaction that still ends for it registers it again).
   */
  boolean drainInto(Map<StatKey, Long> into) {
    Map<TenantHour, CounterTable> tables;
    Map<StatKey, long[]> other;
    synchronized (this) {
      if (committed.isEmpty() && committedOther == null) {
        Thread owner = thread.get();
        if (owner == null || !owner.isAlive()) {
          registered = false;
          return true;
        }
        return false;
      }
      tables = committed;
      other = committedOther;
      committed = new HashMap<>();
      committedOther = null;
      lastKey = null;
      lastTable = null;
    }
    for (Map.Entry<TenantHour, CounterTable> entry : tables.entrySet()) {
      TenantHour key = entry.getKey();
      entry
          .getValue()
          .forEach(
              (counter, count) ->
                  into.merge(
                      new StatKey(
                          key.tenantId(),
                          counter.processKey,
                          counter.metric,
                          counter.dimension,
                          key.hour()),
                      count,
                      Long::sum));
    }
    if (other != null) {
      for (Map.Entry<StatKey, long[]> entry : other.entrySet()) {
        into.merge(entry.getKey(), entry.getValue()[0], Long::sum);
      }
    }
    return false;
  }
}
