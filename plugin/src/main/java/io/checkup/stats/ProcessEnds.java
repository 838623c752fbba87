package io.checkup.stats;

import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionManager;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;

/**
 * Counts a process instance's end where the engine removes the instance's execution, instead of in
 * a listener on the process's end.
 *
 * <p>Without history (level {@code none}) the engine has no listener of its own on a process's end
 * for a count to ride in ({@link SharedDispatch}), and a listener of the statistics' own there
 * costs every instance one more step of the engine's atomic operations (its logging context, the
 * delegate interceptor, an invocation object). But every process instance that ends, completed (the
 * process-end operation) or cancelled (the delete cascade), has its execution removed through the
 * engine's {@link ExecutionManager} session, right after the end listeners ran, in the same
 * command: the statistics make that session (one subclass method), where the engine makes it with
 * its own factory. The instance's definition carries what to count ({@link #PROPERTY}, set at parse
 * time only while this session is in place), so nothing is looked up but that property. Where
 * another plugin has a session of its own for executions, the process's end gets a listener as
 * before ({@link StatsParseListener}).
 */
final class ProcessEnds implements SessionFactory {

  /** The definition's property that holds its {@link Counters}. */
  static final String PROPERTY = "io.checkup.stats.processEnds";

  /** What a definition's instances count when they end. */
  record Counters(StatsCollector.Counter completed, StatsCollector.Counter cancelled) {}

  private final ProcessEngineConfigurationImpl configuration;
  private final StatsCollector collector;

  private ProcessEnds(ProcessEngineConfigurationImpl configuration, StatsCollector collector) {
    this.configuration = configuration;
    this.collector = collector;
  }

  /**
   * Puts this session's factory in place of the engine's own, if the engine's is there (call in
   * {@code postInit}, when the engine has made its factories). Null where it is not.
   */
  static ProcessEnds install(
      ProcessEngineConfigurationImpl configuration, StatsCollector collector) {
    Map<Class<?>, SessionFactory> factories = configuration.getSessionFactories();
    SessionFactory engine = factories == null ? null : factories.get(ExecutionManager.class);
    if (engine == null
        || engine.getClass() != GenericManagerFactory.class
        || engine.getSessionType() != ExecutionManager.class) {
      return null;
    }
    ProcessEnds ends = new ProcessEnds(configuration, collector);
    try {
      factories.put(ExecutionManager.class, ends);
    } catch (UnsupportedOperationException e) {
      return null; // factories given as a map that takes no changes
    }
    return ends;
  }

  /** Whether the engine makes its execution sessions here still (asked at each parse). */
  boolean inPlace() {
    return configuration.getSessionFactories().get(ExecutionManager.class) == this;
  }

  @Override
  public Class<?> getSessionType() {
    return ExecutionManager.class;
  }

  @Override
  public Session openSession() {
    return new Counting(collector);
  }

  /**
   * The engine's manager of executions, counting the removal of a process instance's execution: a
   * cancelled instance's is marked cancelled by the delete cascade that removes it.
   */
  static final class Counting extends ExecutionManager {
    private final StatsCollector collector;

    Counting(StatsCollector collector) {
      this.collector = collector;
    }

    @Override
    public void deleteExecution(ExecutionEntity execution) {
      super.deleteExecution(execution);
      if (!execution.isProcessInstanceExecution()) {
        return;
      }
      try {
        ProcessDefinitionImpl definition = execution.getProcessDefinition();
        if (definition != null && definition.getProperty(PROPERTY) instanceof Counters counters) {
          collector.record(
              execution.isCanceled() ? counters.cancelled() : counters.completed(),
              execution.getTenantId());
        }
      } catch (RuntimeException e) {
        collector.failed(e);
      }
    }
  }
}
