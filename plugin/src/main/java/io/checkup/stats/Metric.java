package io.checkup.stats;

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
  INCIDENT_CREATED("incident.created", true);

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

  public boolean hasDimension() {
    return hasDimension;
  }

  public static Metric of(String id) {
    for (Metric metric : values()) {
      if (metric.id.equals(id)) {
        return metric;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + id + "'");
  }
}
