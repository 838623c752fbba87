package io.checkup.stats;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The built-in listeners the statistics put on activities, flows and user tasks. Each knows at
 * parse time what it counts (metric, process key, element); at run time it only asks the execution
 * for its tenant and increments.
 */
final class CountingListeners {

  private CountingListeners() {}

  /** Counts a fixed metric and dimension for the execution's tenant. */
  static final class Count implements ExecutionListener {
    private final StatsCollector collector;
    private final StatsCollector.Counter counter;

    Count(StatsCollector collector, Metric metric, String processKey, String dimension) {
      this.collector = collector;
      this.counter = new StatsCollector.Counter(processKey, metric, dimension);
    }

    @Override
    public void notify(DelegateExecution execution) {
      try {
        collector.record(counter, execution.getTenantId());
      } catch (RuntimeException e) {
        collector.failed(e);
      }
    }
  }

  /** The end of a process instance: completed, or cancelled from outside. */
  static final class InstanceEnd implements ExecutionListener {
    private final StatsCollector collector;
    private final String processKey;

    InstanceEnd(StatsCollector collector, String processKey) {
      this.collector = collector;
      this.processKey = processKey;
    }

    @Override
    public void notify(DelegateExecution execution) {
      try {
        collector.record(
            execution.getTenantId(),
            processKey,
            execution.isCanceled() ? Metric.INSTANCE_CANCELLED : Metric.INSTANCE_COMPLETED,
            "");
      } catch (RuntimeException e) {
        collector.failed(e);
      }
    }
  }

  /** A user task created; the dimension is the task's element id. */
  static final class TaskCreated implements TaskListener {
    private final StatsCollector collector;
    private final StatsCollector.Counter counter;

    TaskCreated(StatsCollector collector, String processKey, String elementId) {
      this.collector = collector;
      this.counter = new StatsCollector.Counter(processKey, Metric.TASK_CREATED, elementId);
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
