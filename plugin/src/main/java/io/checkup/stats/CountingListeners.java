package io.checkup.stats;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The built-in listeners the statistics put on user tasks (processes, activities and flows are
 * counted through {@link SharedDispatch}, created tasks mostly by {@link CountingTaskDecorator}).
 * Each knows at parse time what it counts; at run time it only asks the task for its tenant and
 * increments.
 */
final class CountingListeners {

  private CountingListeners() {}

  /**
   * A user task created, where the engine's decorator cannot count it ({@link
   * CountingTaskDecorator}); the dimension is the task's element id.
   */
  static final class TaskCreated implements TaskListener {
    private final StatsCollector collector;
    private final StatsCollector.Counter counter;

    TaskCreated(StatsCollector collector, StatsCollector.Counter counter) {
      this.collector = collector;
      this.counter = counter;
    }

    @Override
    public void notify(DelegateTask task) {
      try {
        collector.record(counter, task.getTenantId());
      } catch (RuntimeException e) {
        collector.failed(e);
      }
    }
  }

  /** A user task given to someone (at creation or later); the dimension is the assignee. */
  static final class TaskAssigned implements TaskListener {
    private final StatsCollector collector;
    private final String processKey;

    TaskAssigned(StatsCollector collector, String processKey) {
      this.collector = collector;
      this.processKey = processKey;
    }

    @Override
    public void notify(DelegateTask task) {
      try {
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.isEmpty()) {
          collector.record(task.getTenantId(), processKey, Metric.TASK_ASSIGNED, assignee);
        }
      } catch (RuntimeException e) {
        collector.failed(e);
      }
    }
  }
}
