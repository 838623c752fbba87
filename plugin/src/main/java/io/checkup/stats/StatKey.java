package io.checkup.stats;

/**
 * One counter: a metric for a tenant (null: no tenant), a process definition key and a dimension
 * (element, flow or assignee; "" where the metric has none) in the period starting at {@code
 * periodStart} (epoch milliseconds, UTC).
 */
public record StatKey(
    String tenantId, String processKey, Metric metric, String dimension, long periodStart) {

  public StatKey {
    dimension = dimension == null ? "" : dimension;
    processKey = processKey == null ? "" : processKey;
  }

  StatKey withPeriod(long start) {
    return new StatKey(tenantId, processKey, metric, dimension, start);
  }

  StatKey withDimension(String newDimension) {
    return new StatKey(tenantId, processKey, metric, newDimension, periodStart);
  }

  StatKey withProcessKey(String newProcessKey) {
    return new StatKey(tenantId, newProcessKey, metric, dimension, periodStart);
  }

  StatKey withTenant(String newTenant) {
    return new StatKey(newTenant, processKey, metric, dimension, periodStart);
  }
}
