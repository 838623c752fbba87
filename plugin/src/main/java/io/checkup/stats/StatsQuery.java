package io.checkup.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A question to the statistics, answered from the database (what has been flushed; a flush happens every
 * {@code statsFlushInterval}, or on demand with {@link Statistics#flushNow()}).
 *
 * <pre>{@code
 * long launches = statistics.query().tenant("acme").metric(Metric.INSTANCE_STARTED)
 *     .between(weekAgo, now).sum();
 * Map<String, Long> perFlow = statistics.query().tenant("acme").processKey("invoice")
 *     .metric(Metric.FLOW_TAKEN).between(monthAgo, now).sumByDimension();
 * }</pre>
 *
 * <p>Windows are half-open, {@code [from, to)}, and resolved to whole periods: hours for the recent past, days for
 * periods older than the roll-up age.
 */
public final class StatsQuery {

  private final StatsStore store;
  private boolean byTenant;
  private String tenantId;
  private List<String> tenantIds;
  private Metric metric;
  private String processKey;
  private String dimension;
  private long from = Long.MIN_VALUE;
  private long to = Long.MAX_VALUE;

  StatsQuery(StatsStore store) {
    this.store = store;
  }

  /** Only this tenant; null means the tenant-less part of the engine. */
  public StatsQuery tenant(String tenantId) {
    this.byTenant = true;
    this.tenantId = tenantId;
    return this;
  }

  /** Only these tenants (null in the list: the tenant-less part). */
  public StatsQuery tenants(java.util.Collection<String> tenantIds) {
    this.tenantIds = new ArrayList<>(tenantIds);
    return this;
  }

  public StatsQuery metric(Metric metric) {
    this.metric = metric;
    return this;
  }

  public StatsQuery processKey(String processKey) {
    this.processKey = processKey;
    return this;
  }

  /** The element id, flow id or assignee, depending on the metric. */
  public StatsQuery dimension(String dimension) {
    this.dimension = dimension;
    return this;
  }

  /** From (inclusive) to (exclusive). */
  public StatsQuery between(Instant from, Instant to) {
    this.from = from.toEpochMilli();
    this.to = to.toEpochMilli();
    return this;
  }

  /** The total. */
  public long sum() {
    List<Object[]> rows = run("sum(VALUE_)", null, 1);
    return rows.isEmpty() || rows.get(0)[0] == null ? 0 : ((Number) rows.get(0)[0]).longValue();
  }

  /** Totals per tenant (the key null is the tenant-less part). */
  public Map<String, Long> sumByTenant() {
    return sums("TENANT_ID_");
  }

  public Map<String, Long> sumByProcessKey() {
    return sums("PROC_DEF_KEY_");
  }

  /** Totals per element, flow or assignee. */
  public Map<String, Long> sumByDimension() {
    return sums("DIMENSION_");
  }

  /** Totals per UTC day, in day order; days without counts are missing. */
  public Map<LocalDate, Long> sumByDay() {
    String day = "(PERIOD_START_ - mod(PERIOD_START_, " + StatKey.DAY + "))";
    Map<LocalDate, Long> result = new java.util.TreeMap<>();
    for (Object[] row : run(day + ", sum(VALUE_)", day, 2)) {
      result.merge(Instant.ofEpochMilli(((Number) row[0]).longValue()).atZone(ZoneOffset.UTC).toLocalDate(),
          ((Number) row[1]).longValue(), Long::sum);
    }
    return result;
  }

  /** The distinct dimensions with a count above zero (for task.assigned: the users given tasks). */
  public Set<String> distinctDimensions() {
    Set<String> result = new LinkedHashSet<>();
    for (Object[] row : run("DIMENSION_, sum(VALUE_)", "DIMENSION_", 2)) {
      if (((Number) row[1]).longValue() > 0) {
        result.add((String) row[0]);
      }
    }
    return result;
  }

  /** Totals per tenant, process key, metric and dimension: one round trip for a whole report. */
  public List<Row> rows() {
    List<Row> result = new ArrayList<>();
    String columns = "TENANT_ID_, PROC_DEF_KEY_, METRIC_, DIMENSION_";
    for (Object[] row : run(columns + ", sum(VALUE_)", columns, 5)) {
      result.add(new Row((String) row[0], (String) row[1], Metric.of((String) row[2]), (String) row[3],
          ((Number) row[4]).longValue()));
    }
    return result;
  }

  /** One aggregated row of {@link #rows()}. */
  public record Row(String tenantId, String processKey, Metric metric, String dimension, long value) {
  }

  private Map<String, Long> sums(String column) {
    Map<String, Long> result = new LinkedHashMap<>();
    for (Object[] row : run(column + ", sum(VALUE_)", column, 2)) {
      result.put((String) row[0], ((Number) row[1]).longValue());
    }
    return result;
  }

  private List<Object[]> run(String select, String groupBy, int columns) {
    StringBuilder sql = new StringBuilder("select ").append(select).append(" from ").append(store.table)
        .append(" where 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (byTenant) {
      if (tenantId == null) {
        sql.append(" and TENANT_ID_ is null");
      } else {
        sql.append(" and TENANT_ID_ = ?");
        parameters.add(tenantId);
      }
    }
    if (tenantIds != null) {
      boolean withNull = tenantIds.contains(null);
      List<String> named = new ArrayList<>();
      for (String id : tenantIds) {
        if (id != null) {
          named.add(id);
        }
      }
      sql.append(" and (").append(withNull ? "TENANT_ID_ is null" : "1 = 0");
      if (!named.isEmpty()) {
        sql.append(" or TENANT_ID_ in (").append("?, ".repeat(named.size() - 1)).append("?)");
        parameters.addAll(named);
      }
      sql.append(')');
    }
    if (metric != null) {
      sql.append(" and METRIC_ = ?");
      parameters.add(metric.id());
    }
    if (processKey != null) {
      sql.append(" and PROC_DEF_KEY_ = ?");
      parameters.add(processKey);
    }
    if (dimension != null) {
      sql.append(" and DIMENSION_ = ?");
      parameters.add(dimension);
    }
    if (from != Long.MIN_VALUE) {
      sql.append(" and PERIOD_START_ >= ?");
      parameters.add(from);
    }
    if (to != Long.MAX_VALUE) {
      sql.append(" and PERIOD_START_ < ?");
      parameters.add(to);
    }
    if (groupBy != null) {
      sql.append(" group by ").append(groupBy);
    }
    return store.select(sql.toString(), parameters, columns);
  }
}
