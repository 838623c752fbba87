package io.checkup.stats;

import io.checkup.testing.TestEngines;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of counted events inside one engine command, with and without the statistics: a command
 * in which {@code events} counting listeners fire (as the listeners the plugin puts on activities
 * and flows do), against the same command without them. The difference divided by the events is the
 * cost of one event, the commit hand-over included; the flusher's share is measured apart, and a
 * user task's assignment (counted with a dimension known only at run time) on its own. Run with
 * plugin/src/test/scripts/stats-event-benchmark.sh; figures in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgs = "-Xmx2g")
public class StatsEventBenchmark {

  /** Counted events per command: one, a typical instance's worth, many. */
  @Param({"1", "20", "200"})
  int events;

  private ProcessEngine engine;
  private CommandExecutor executor;
  private StatsCollector collector;
  private SharedDispatch.Counting[] listeners;
  private ExecutionEntity execution;
  private CountingListeners.TaskAssigned assigned;
  private TaskEntity task;
  private final Map<StatKey, Long> flushed = new HashMap<>();

  @Setup(Level.Trial)
  public void setUp() {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.camunda"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    // the engine's transactions tell the counts their end, as with the plugin (CommandEnds)
    engine =
        TestEngines.h2()
            .history("none")
            .plugin(
                new AbstractProcessEnginePlugin() {
                  @Override
                  public void postInit(ProcessEngineConfigurationImpl configuration) {
                    CommandEnds.install(configuration);
                  }
                })
            .build();
    executor =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    collector = new StatsCollector();
    // twenty elements of one process, as the parse listener makes them
    listeners = new SharedDispatch.Counting[20];
    for (int i = 0; i < listeners.length; i++) {
      listeners[i] = new SharedDispatch.Counting(null, collector, counter("task" + i));
    }
    execution = new ExecutionEntity();
    execution.setTenantId("acme");
    assigned = new CountingListeners.TaskAssigned(collector, "invoice");
    task = new TaskEntity();
    task.setAssigneeWithoutCascade("demo");
    task.setTenantId("acme");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  private static SharedDispatch.Tally counter(String element) {
    return SharedDispatch.Tally.of(
        new StatsCollector.Counter("invoice", Metric.ACTIVITY_ENDED, element));
  }

  /** The command with its counted events. */
  @Benchmark
  public Object withStatistics() {
    return executor.execute(
        context -> {
          for (int i = 0; i < events; i++) {
            notify(listeners[i % listeners.length]);
          }
          return context;
        });
  }

  private void notify(SharedDispatch.Counting listener) {
    try {
      listener.notify(execution);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A command with one user task assignment counted by the statistics' task listener (the assignee
   * is the counter's dimension), the same assignee as the last time.
   */
  @Benchmark
  public Object withAssignment() {
    return executor.execute(
        context -> {
          assigned.notify(task);
          return context;
        });
  }

  /** The same command, nothing counted. */
  @Benchmark
  public Object withoutStatistics(Blackhole blackhole) {
    return executor.execute(
        context -> {
          for (int i = 0; i < events; i++) {
            blackhole.consume(listeners[i % listeners.length]);
          }
          return context;
        });
  }

  /** What the flusher does with one command's counts, on its own thread in the engine. */
  @Benchmark
  public Object withStatisticsAndFlusher() {
    Object result = withStatistics();
    collector.drainInto(flushed);
    return result;
  }

  /** Keeps the committed queue from growing over an iteration of the benchmarks that skip it. */
  @TearDown(Level.Iteration)
  public void drain() {
    collector.drainInto(flushed);
    flushed.clear();
  }
}
