package io.checkup.stats;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDecorator;

/**
 * Counts a user task's creation where the engine makes the task, instead of in a task listener.
 *
 * <p>A user task's behaviour creates its task in three steps: insert it, let its decorator give it
 * name, dates and assignments, then fire the create event, where a task listener costs the engine
 * one more listener invocation per task (its logging context, the delegate interceptor). The
 * decorator runs exactly once per task created, just before that event; counting at its end counts
 * the same tasks, in the same command, with nothing dispatched. The engine's behaviour class stays
 * {@code UserTaskActivityBehavior} itself (the engine's migration accepts only that class), given
 * this decorator; where another plugin has put a behaviour or a decorator of its own on a user
 * task, the statistics count with a task listener instead ({@code StatsParseListener}).
 */
final class CountingTaskDecorator extends TaskDecorator {

  private final StatsCollector collector;
  private final StatsCollector.Counter counter;

  CountingTaskDecorator(
      TaskDecorator engine, StatsCollector collector, StatsCollector.Counter counter) {
    super(engine.getTaskDefinition(), engine.getExpressionManager());
    this.collector = collector;
    this.counter = counter;
  }

  @Override
  public void decorate(TaskEntity task, VariableScope variableScope) {
    super.decorate(task, variableScope);
    try {
      collector.record(counter, task.getTenantId());
    } catch (RuntimeException e) {
      collector.failed(e);
    }
  }
}
