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

  /**
   * A user task given to someone (at creation or later); the dimension is the assignee.
   *
   * <p>The assignee is known only at run time, but a user task is mostly given to the same person
   * or group member again and again: the counter of the last assignee is kept, so that such an
   * assignment counts like any fixed event (no key made, nothing hashed); another assignee makes a
   * counter of its own and takes its place. Counters are told apart by identity until the flush,
   * which adds up the counts of equal keys, so a counter made again for an assignee seen before
   * counts the same. One counter per user task and engine is kept, whatever the assignees.
   */
  static final class TaskAssigned implements TaskListener {
    private final StatsCollector collector;
    private final String processKey;

    /**
     * The last assignee's counter. Engine threads share the listener: each reads whichever counter
     * it finds (a record, so safely published whoever made it) and replaces it when the assignee
     * differs; a replacement lost to another thread's costs only a counter made again.
     */
    private Last last;

    private record Last(String assignee, StatsCollector.Counter counter) {}

    TaskAssigned(StatsCollector collector, String processKey) {
      this.collector = collector;
      this.processKey = processKey;
    }

    @Override
    public void notify(DelegateTask task) {
      try {
        String assignee = task.getAssignee();
        if (assignee == null || assignee.isEmpty()) {
          return;
        }
        Last known = last;
        if (known == null || !known.assignee().equals(assignee)) {
          known =
              new Last(
                  assignee, new StatsCollector.Counter(processKey, Metric.TASK_ASSIGNED, assignee));
          last = known;
        }
        collector.record(known.counter(), task.getTenantId());
      } catch (RuntimeException e) {
        collector.failed(e);
      }
    }
  }
}
