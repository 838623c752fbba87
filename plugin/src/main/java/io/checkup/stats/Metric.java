package io.checkup.stats;

import java.util.HashMap;
import java.util.Map;

/** What the statistics count, per tenant, process definition key and hour. */
public enum Metric {
  /** A process instance started. */
  INSTANCE_STARTED("instance.started", false),
  /** A process instance ended normally. */
  INSTANCE_COMPLETED("instance.completed", false),
  /** A process instance was cancelled or terminated from outside. */
  INSTANCE_CANCELLED("instance.cancelled", false),
  /** An activity instance ended (completed or cancelled); dimension: the element id. */
  ACTIVITY_ENDED("activity.ended", true),
  /** A sequence flow out of a gateway was taken; dimension: the flow id. */
  FLOW_TAKEN("flow.taken", true),
  /** A user task was created; dimension: the element id. */
  TASK_CREATED("task.created", true),
  /** A user task was assigned; dimension: the assignee. */
  TASK_ASSIGNED("task.assigned", true),
  /** An incident was created; dimension: the element id where it happened. */
  INCIDENT_CREATED("incident.created", true),
  /**
   * Activity instances ended per process key: the sum of {@link #ACTIVITY_ENDED} over the elements,
   * written with each flush (nothing extra is counted on the hot path) so that questions per
   * process or tenant read one row per key instead of one per element.
   */
  ACTIVITY_TOTAL("activity.total", false),
  /**
   * User tasks assigned per assignee across the tenant's processes (process key empty): the sum of
   * {@link #TASK_ASSIGNED} over the keys, written with each flush, for "which users got work".
   */
  TASK_ASSIGNEE("task.assignee", true);

  private final String id;
  private final boolean hasDimension;

  Metric(String id, boolean hasDimension) {
    this.id = id;
    this.hasDimension = hasDimension;
  }

  /** The name stored in the statistics table. */
  public String id() {
    return id;
  }

  /** True for the metrics the flusher derives from others rather than counts. */
  public boolean isDerived() {
    return this == ACTIVITY_TOTAL || this == TASK_ASSIGNEE;
  }

  public boolean hasDimension() {
    return hasDimension;
  }

  private static final Map<String, Metric> BY_ID = new HashMap<>();

  static {
    for (Metric metric : values()) {
      BY_ID.put(metric.id, metric);
    }
  }

  /** The metric of an id, as the statistics rows name it (once per row read: a map lookup). */
  public static Metric of(String id) {
    Metric metric = BY_ID.get(id);
    if (metric == null) {
      throw new IllegalArgumentException("unknown metric '" + id + "'");
    }
    return metric;
  }
}
