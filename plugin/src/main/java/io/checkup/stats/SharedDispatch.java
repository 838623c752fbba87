package io.checkup.stats;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateListener;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.history.parser.HistoryExecutionListener;
import org.camunda.bpm.engine.impl.metrics.parser.MetricsBpmnParseListener;

/**
 * Puts a count on an element's event without a listener dispatch of its own where the engine
 * already dispatches one there.
 *
 * <p>Camunda runs each built-in execution listener as one more step of the execution's atomic
 * operation (through its command invocation context, its logging context and its execution context
 * stack): about 0.3 µs a listener, the largest part of what counting used to cost an instance. With
 * the engine's metrics on (the default), every activity already has the engine's own listener on
 * its end, and every process on its start; with history (audit and above), every process on its end
 * and every activity on its end too. There, the count rides in that dispatch: the engine's listener
 * is replaced by one that calls it and then counts, so the engine runs as many listener steps as it
 * would without the plugin, and its metrics and history are written as before. The flow an
 * exclusive gateway or a join leaves by is counted at the gateway's end too ({@link GatewayFlows}),
 * not at the flow's take. Where the engine has no listener (a process's end at history level none,
 * a user task's assignment, the take of a flow whose gateway's end cannot tell that it will be
 * taken, metrics and history both off), the count gets a listener of its own.
 */
final class SharedDispatch {

  private SharedDispatch() {}

  /**
   * What one event counts: a counter fixed at parse time, one chosen by the execution, or none or
   * several (the flows a gateway leaves by).
   */
  @FunctionalInterface
  interface Tally {
    void count(StatsCollector collector, DelegateExecution execution, String tenantId);

    /** Counts one event of {@code counter}, whatever the execution. */
    static Tally of(StatsCollector.Counter counter) {
      return new Fixed(counter);
    }
  }

  /** One event of a counter fixed at parse time: what almost every element counts. */
  record Fixed(StatsCollector.Counter counter) implements Tally {
    @Override
    public void count(StatsCollector collector, DelegateExecution execution, String tenantId) {
      collector.record(counter, tenantId);
    }
  }

  /** Counts every {@code event} of {@code element} with {@code tally}. */
  static void count(CoreModelElement element, String event, StatsCollector collector, Tally tally) {
    List<DelegateListener<? extends BaseDelegateExecution>> builtIn =
        element.getBuiltInListeners().get(event);
    if (builtIn != null) {
      for (DelegateListener<? extends BaseDelegateExecution> listener : builtIn) {
        if (listener instanceof Counting counting && counting.collector == collector) {
          counting.add(tally);
          return;
        }
      }
      for (DelegateListener<? extends BaseDelegateExecution> listener : builtIn) {
        if (isEngineListener(listener)) {
          Counting counting = new Counting((ExecutionListener) listener, collector, tally);
          replace(builtIn, listener, counting);
          replace(element.getListeners().get(event), listener, counting);
          return;
        }
      }
    }
    element.addBuiltInListener(event, new Counting(null, collector, tally));
  }

  /**
   * Whether {@code listeners} are all the engine's metrics and history listeners or counting
   * listeners of {@code collector}: listeners that set no variable and throw no BPMN error.
   */
  static boolean onlyEngineListeners(
      List<DelegateListener<? extends BaseDelegateExecution>> listeners, StatsCollector collector) {
    for (DelegateListener<? extends BaseDelegateExecution> listener : listeners) {
      if (!isEngineListener(listener)
          && !(listener instanceof Counting counting && counting.collector == collector)) {
        return false;
      }
    }
    return true;
  }

  /** The engine's metrics and history listeners: they run at every event of their element. */
  private static boolean isEngineListener(DelegateListener<?> listener) {
    return listener == MetricsBpmnParseListener.ACTIVITY_INSTANCE_END_COUNTER
        || listener == MetricsBpmnParseListener.ROOT_PROCESS_INSTANCE_START_COUNTER
        || listener instanceof HistoryExecutionListener;
  }

  private static void replace(
      List<DelegateListener<? extends BaseDelegateExecution>> listeners,
      DelegateListener<? extends BaseDelegateExecution> old,
      Counting counting) {
    for (int i = 0; i < listeners.size(); i++) {
      if (listeners.get(i) == old) {
        listeners.set(i, counting);
        return;
      }
    }
  }

  /**
   * The engine's listener, if any, then this element's tallies for the execution's tenant. The
   * engine's listener fails as it would alone; counting never throws.
   *
   * <p>An element's one fixed counter (the common case: an activity's end) is held here directly
   * rather than behind a tally, so that an event reads this object and its counter only: between
   * two events the engine's own work evicts most of what the last one read from the processor's
   * caches, and each further object on the way costs a fetch from memory.
   */
  static final class Counting implements ExecutionListener {
    private static final Tally[] NO_TALLIES = new Tally[0];

    private final ExecutionListener engine;
    private final StatsCollector collector;
    private StatsCollector.Counter fixed;
    private Tally[] tallies = NO_TALLIES;

    Counting(ExecutionListener engine, StatsCollector collector, Tally tally) {
      this.engine = engine;
      this.collector = collector;
      add(tally);
    }

    private void add(Tally tally) {
      if (fixed == null && tally instanceof Fixed one) {
        fixed = one.counter();
        return;
      }
      tallies = Arrays.copyOf(tallies, tallies.length + 1);
      tallies[tallies.length - 1] = tally;
    }

    @Override
    public void notify(DelegateExecution execution) throws Exception {
      if (engine != null) {
        engine.notify(execution);
      }
      try {
        String tenantId = execution.getTenantId();
        if (fixed != null) {
          collector.record(fixed, tenantId);
        }
        for (Tally tally : tallies) {
          tally.count(collector, execution, tenantId);
        }
      } catch (RuntimeException e) {
        collector.failed(e);
      }
    }
  }
}
