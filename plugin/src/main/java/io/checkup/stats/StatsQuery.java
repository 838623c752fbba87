package io.checkup.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A question to the statistics, answered from the database (what has been flushed; a flush happens
 * every {@code statsFlushInterval}, or on demand with {@link Statistics#flushNow()}).
 *
 * <pre>{@code
 * long launches = statistics.query().tenant("acme").metric(Metric.INSTANCE_STARTED)
 *     .between(weekAgo, now).sum();
 * Map<String, Long> perFlow = statistics.query().tenant("acme").processKey("invoice")
 *     .metric(Metric.FLOW_TAKEN).between(monthAgo, now).sumByDimension();
 * }</pre>
 *
 * <p>Windows are half-open, {@code [from, to)}. Counts are kept per hour (for the roll-up age) and
 * per day (for the retention): a window of whole UTC days, or one reaching further back than the
 * hourly rows, is answered from the daily rows (widened to whole days); any other window from the
 * hourly rows. {@link #hourly()} and {@link #daily()} choose explicitly.
 */
public final class StatsQuery {

  private final StatsStore store;
  private final long hourlyHorizon;
  private String resolution;
  private boolean byTenant;
  private String tenantId;
  private List<String> tenantIds;
  private Metric metric;
  private List<Metric> metrics;
  private String processKey;
  private List<List<String>> processes;
  private String dimension;
  private boolean positiveOnly;
  private long from = Long.MIN_VALUE;
  private long to = Long.MAX_VALUE;

  /** A query of daily rows unless asked for hours. */
  StatsQuery(StatsStore store) {
    this(store, Long.MAX_VALUE);
  }

  /**
   * @param hourlyHorizon the start of the oldest day whose hourly rows are still kept
   */
  StatsQuery(StatsStore store, long hourlyHorizon) {
    this.store = store;
    this.hourlyHorizon = hourlyHorizon;
  }

  /** Read hourly rows (kept for {@code statsRollUpAfter}, 14 days by default). */
  public StatsQuery hourly() {
    this.resolution = "H";
    return this;
  }

  /** Read daily rows (kept for the retention); a window is then widened to whole UTC days. */
  public StatsQuery daily() {
    this.resolution = "D";
    return this;
  }

  /** Only these metrics (one query for several). */
  public StatsQuery metrics(Collection<Metric> metrics) {
    this.metrics = new ArrayList<>(metrics);
    return this;
  }

  /** Only this tenant; null means the tenant-less part of the engine. */
  public StatsQuery tenant(String tenantId) {
    this.byTenant = true;
    this.tenantId = tenantId;
    return this;
  }

  /** Only these tenants (null in the list: the tenant-less part). */
  public StatsQuery tenants(Collection<String> tenantIds) {
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

  /**
   * Only these processes, each a tenant id (null: the tenant-less part) and a process key: for
   * questions about a few processes of many tenants in one round trip.
   */
  public StatsQuery processes(Collection<? extends Map.Entry<String, String>> tenantAndKey) {
    this.processes = new ArrayList<>();
    for (Map.Entry<String, String> process : tenantAndKey) {
      this.processes.add(Arrays.asList(process.getKey(), process.getValue()));
    }
    return this;
  }

  /** The element id, flow id or assignee, depending on the metric. */
  public StatsQuery dimension(String dimension) {
    this.dimension = StatKey.storedDimension(dimension);
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

  /**
   * Totals per element, flow or assignee, as stored: an id longer than the table's column under its
   * stored form ({@link StatKey#storedDimension}); {@link #underFullIds} maps those back.
   */
  public Map<String, Long> sumByDimension() {
    return sums("DIMENSION_");
  }

  /**
   * {@code counts} per dimension ({@link #sumByDimension()}) with the stored form of each long id
   * among {@code ids} replaced by the id itself. {@code ids} (say, every id of a process
   * definition) is asked for only when a stored form is among the counts, which ids of up to 255
   * characters never are.
   */
  public static Map<String, Long> underFullIds(
      Map<String, Long> counts, Supplier<? extends Collection<String>> ids) {
    boolean shortened = false;
    for (String dimension : counts.keySet()) {
      shortened |= dimension.length() == StatKey.DIMENSION_LENGTH;
    }
    if (!shortened) {
      return counts;
    }
    Map<String, String> fullIds = new HashMap<>();
    for (String id : ids.get()) {
      if (id != null && id.length() > StatKey.DIMENSION_LENGTH) {
        fullIds.put(StatKey.storedDimension(id), id);
      }
    }
    Map<String, Long> result = new LinkedHashMap<>();
    counts.forEach(
        (dimension, count) -> result.put(fullIds.getOrDefault(dimension, dimension), count));
    return result;
  }

  /** Totals per UTC day, in day order; days without counts are missing. */
  public Map<LocalDate, Long> sumByDay() {
    if (resolution == null) {
      resolution = "D";
    }
    String day = "(PERIOD_START_ - mod(PERIOD_START_, " + UtcPeriods.DAY + "))";
    Map<LocalDate, Long> result = new TreeMap<>();
    for (Object[] row : run(day + ", sum(VALUE_)", day, 2)) {
      result.merge(
          Instant.ofEpochMilli(((Number) row[0]).longValue()).atZone(ZoneOffset.UTC).toLocalDate(),
          ((Number) row[1]).longValue(),
          Long::sum);
    }
    return result;
  }

  /**
   * Totals per tenant (the key null is the tenant-less part) and UTC day: one round trip for every
   * tenant's chart.
   */
  public Map<String, Map<LocalDate, Long>> sumByTenantAndDay() {
    if (resolution == null) {
      resolution = "D";
    }
    String day = "(PERIOD_START_ - mod(PERIOD_START_, " + UtcPeriods.DAY + "))";
    Map<String, Map<LocalDate, Long>> result = new HashMap<>();
    for (Object[] row : run("TENANT_ID_, " + day + ", sum(VALUE_)", "TENANT_ID_, " + day, 3)) {
      result
          .computeIfAbsent((String) row[0], tenant -> new TreeMap<>())
          .merge(
              Instant.ofEpochMilli(((Number) row[1]).longValue())
                  .atZone(ZoneOffset.UTC)
                  .toLocalDate(),
              ((Number) row[2]).longValue(),
              Long::sum);
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

  /**
   * The tenants and process keys with a count above zero, without their sums: for "was it in use",
   * the cheapest question (the database keeps no sums per group, so a large grouping stays in
   * memory). Each entry is {tenant id (null: the tenant-less part), process key}.
   */
  public List<String[]> processesWithCounts() {
    positiveOnly = true;
    List<String[]> result = new ArrayList<>();
    for (Object[] row : run("TENANT_ID_, PROC_DEF_KEY_", "TENANT_ID_, PROC_DEF_KEY_", 2)) {
      result.add(new String[] {(String) row[0], (String) row[1]});
    }
    return result;
  }

  /** Totals per tenant, process key, metric and dimension: one round trip for a whole report. */
  public List<Row> rows() {
    List<Row> result = new ArrayList<>();
    String columns = "TENANT_ID_, PROC_DEF_KEY_, METRIC_, DIMENSION_";
    for (Object[] row : run(columns + ", sum(VALUE_)", columns, 5)) {
      result.add(
          new Row(
              (String) row[0],
              (String) row[1],
              Metric.of((String) row[2]),
              (String) row[3],
              ((Number) row[4]).longValue()));
    }
    return result;
  }

  /** One aggregated row of {@link #rows()}. */
  public record Row(
      String tenantId, String processKey, Metric metric, String dimension, long value) {}

  /** Totals per tenant, process key, metric, dimension and UTC day. */
  public List<DayRow> rowsByDay() {
    if (resolution == null) {
      resolution = "D";
    }
    String day = "(PERIOD_START_ - mod(PERIOD_START_, " + UtcPeriods.DAY + "))";
    String columns = "TENANT_ID_, PROC_DEF_KEY_, METRIC_, DIMENSION_, " + day;
    List<DayRow> result = new ArrayList<>();
    for (Object[] row : run(columns + ", sum(VALUE_)", columns, 6)) {
      result.add(
          new DayRow(
              (String) row[0],
              (String) row[1],
              Metric.of((String) row[2]),
              (String) row[3],
              Instant.ofEpochMilli(((Number) row[4]).longValue())
                  .atZone(ZoneOffset.UTC)
                  .toLocalDate(),
              ((Number) row[5]).longValue()));
    }
    return result;
  }

  /** One aggregated row of {@link #rowsByDay()}. */
  public record DayRow(
      String tenantId,
      String processKey,
      Metric metric,
      String dimension,
      LocalDate day,
      long value) {}

  private Map<String, Long> sums(String column) {
    Map<String, Long> result = new LinkedHashMap<>();
    for (Object[] row : run(column + ", sum(VALUE_)", column, 2)) {
      result.put((String) row[0], ((Number) row[1]).longValue());
    }
    return result;
  }

  /**
   * The rows a query reads: hourly or daily, and the window they cover (a daily window is widened
   * to whole UTC days).
   *
   * @param daily true for daily rows
   * @param from epoch milliseconds, inclusive
   * @param to epoch milliseconds, exclusive
   */
  public record Span(boolean daily, long from, long to) {}

  /** What this query reads, as {@link #between} and the kept hourly rows decide. */
  public Span span() {
    String period = resolution;
    long start = from;
    long end = to;
    if (period == null) {
      boolean wholeDays =
          (from == Long.MIN_VALUE || UtcPeriods.dayStart(from) == from)
              && (to == Long.MAX_VALUE || UtcPeriods.dayStart(to) == to);
      period = wholeDays || from == Long.MIN_VALUE || from < hourlyHorizon ? "D" : "H";
    }
    if (period.equals("D")) {
      start = start == Long.MIN_VALUE ? start : UtcPeriods.dayStart(start);
      end = end == Long.MAX_VALUE ? end : UtcPeriods.dayStart(end - 1) + UtcPeriods.DAY;
    }
    return new Span(period.equals("D"), start, end);
  }

  private List<Object[]> run(String select, String groupBy, int columns) {
    Span span = span();
    String period = span.daily() ? "D" : "H";
    long start = span.from();
    long end = span.to();
    StringBuilder sql =
        new StringBuilder("select ")
            .append(select)
            .append(" from ")
            .append(store.table)
            .append(" where PERIOD_ = '")
            .append(period)
            .append("'");
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
    if (metrics != null && !metrics.isEmpty()) {
      sql.append(" and METRIC_ in (").append("?, ".repeat(metrics.size() - 1)).append("?)");
      for (Metric each : metrics) {
        parameters.add(each.id());
      }
    }
    if (processKey != null) {
      sql.append(" and PROC_DEF_KEY_ = ?");
      parameters.add(processKey);
    }
    if (processes != null) {
      sql.append(" and (1 = 0");
      for (List<String> process : processes) {
        sql.append(process.get(0) == null ? " or (TENANT_ID_ is null" : " or (TENANT_ID_ = ?");
        if (process.get(0) != null) {
          parameters.add(process.get(0));
        }
        sql.append(" and PROC_DEF_KEY_ = ?)");
        parameters.add(process.get(1));
      }
      sql.append(')');
    }
    if (dimension != null) {
      sql.append(" and DIMENSION_ = ?");
      parameters.add(dimension);
    }
    if (start != Long.MIN_VALUE) {
      sql.append(" and PERIOD_START_ >= ?");
      parameters.add(start);
    }
    if (end != Long.MAX_VALUE) {
      sql.append(" and PERIOD_START_ < ?");
      parameters.add(end);
    }
    if (positiveOnly) {
      sql.append(" and VALUE_ > 0");
    }
    if (groupBy != null) {
      sql.append(" group by ").append(groupBy);
    }
    return store.select(sql.toString(), parameters, columns);
  }
}
