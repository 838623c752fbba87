package io.checkup.report;

import io.checkup.stats.Metric;
import io.checkup.stats.Statistics;
import io.checkup.stats.StatsQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a report needs, for all tenants at once: a fixed number of grouped queries over the engine's
 * repository, runtime and identity tables and over the statistics, whatever the number of tenants. Nothing here
 * reads the history tables or parses a model.
 */
final class ReportSource {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.report");
  static final long DAY = 86_400_000L;
  static final long HOUR = 3_600_000L;

  private final DataSource dataSource;
  private final String prefix;
  private final Statistics statistics;

  private final int timeoutSeconds;

  ReportSource(DataSource dataSource, String enginePrefix, Statistics statistics, java.time.Duration queryTimeout) {
    this.dataSource = dataSource;
    this.prefix = enginePrefix == null ? "" : enginePrefix;
    this.statistics = statistics;
    this.timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, queryTimeout.toSeconds()));
  }

  boolean statisticsCollected() {
    return statistics.isCollecting();
  }

  /** The facts of every tenant in scope, by tenant id (null: the tenant-less part). */
  Map<String, TenantFacts> load(ReportScope scope, long now, ReportConfig config) {
    Map<String, TenantFacts> tenants = new LinkedHashMap<>();
    Map<String, String> keyOfDefinition = new HashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      loadTenants(connection, scope, tenants);
      loadDefinitions(connection, scope, tenants, keyOfDefinition);
      if (scope.isAll() ? tenants.isEmpty() : scope.includes(null)) {
        tenants.computeIfAbsent(null, TenantFacts::new);
      }
      Function<String, TenantFacts> facts = tenants::get;
      loadUsers(connection, tenants);
      loadRuntime(connection, scope, now, config, facts, keyOfDefinition);
    } catch (SQLException e) {
      throw new IllegalStateException("camunda-checkup report: reading the engine's tables failed: "
          + e.getMessage(), e);
    }
    loadStatistics(scope, now, tenants);
    return tenants;
  }

  // ---- repository and identity ----

  private void loadTenants(Connection connection, ReportScope scope, Map<String, TenantFacts> tenants)
      throws SQLException {
    TenantFilter filter = new TenantFilter(scope, "ID_");
    query(connection, "select ID_, NAME_ from " + prefix + "ACT_ID_TENANT where " + filter.sql + " order by ID_",
        filter.parameters, row -> tenants.computeIfAbsent(row.getString(1), TenantFacts::new).name = row.getString(2));
  }

  private void loadDefinitions(Connection connection, ReportScope scope, Map<String, TenantFacts> tenants,
      Map<String, String> keyOfDefinition) throws SQLException {
    TenantFilter filter = new TenantFilter(scope, "P.TENANT_ID_");
    query(connection, "select P.ID_, P.KEY_, P.NAME_, P.VERSION_, P.TENANT_ID_, P.DEPLOYMENT_ID_, P.SUSPENSION_STATE_, "
        + "D.DEPLOY_TIME_, P.RESOURCE_NAME_ from " + prefix + "ACT_RE_PROCDEF P left join " + prefix
        + "ACT_RE_DEPLOYMENT D on D.ID_ = P.DEPLOYMENT_ID_ where " + filter.sql, filter.parameters, row -> {
          Timestamp deployed = row.getTimestamp(8);
          TenantFacts.Definition definition = new TenantFacts.Definition(row.getString(1), row.getString(5),
              row.getString(2), row.getString(3), row.getInt(4), row.getInt(7) == 2, row.getString(6),
              row.getString(9), deployed == null ? null : deployed.getTime());
          keyOfDefinition.put(definition.id(), definition.key());
          TenantFacts tenant = tenants.computeIfAbsent(row.getString(5), TenantFacts::new);
          tenant.latest.merge(definition.key(), definition, (a, b) -> a.version() >= b.version() ? a : b);
          if (definition.deployTime() != null) {
            long time = definition.deployTime();
            tenant.firstDeployment = tenant.firstDeployment == null ? time : Math.min(tenant.firstDeployment, time);
            tenant.lastChange = tenant.lastChange == null ? time : Math.max(tenant.lastChange, time);
          }
        });
  }

  /**
   * The users of each tenant, members directly or through a group. The tenant-less part's users are all users when
   * the engine has no tenants, otherwise those who belong to no tenant.
   */
  private void loadUsers(Connection connection, Map<String, TenantFacts> tenants) {
    try {
      Map<String, Set<String>> members = new HashMap<>();
      query(connection, "select TM.TENANT_ID_, TM.USER_ID_ from " + prefix + "ACT_ID_TENANT_MEMBER TM "
          + "where TM.USER_ID_ is not null union select TM.TENANT_ID_, M.USER_ID_ from " + prefix
          + "ACT_ID_TENANT_MEMBER TM join " + prefix + "ACT_ID_MEMBERSHIP M on M.GROUP_ID_ = TM.GROUP_ID_",
          List.of(), row -> members.computeIfAbsent(row.getString(1), t -> new HashSet<>()).add(row.getString(2)));
      for (TenantFacts tenant : tenants.values()) {
        if (tenant.tenantId != null) {
          tenant.users = members.getOrDefault(tenant.tenantId, Set.of());
        }
      }
      TenantFacts tenantLess = tenants.get(null);
      if (tenantLess != null) {
        Set<String> inSomeTenant = new HashSet<>();
        members.values().forEach(inSomeTenant::addAll);
        Set<String> users = new HashSet<>();
        query(connection, "select ID_ from " + prefix + "ACT_ID_USER", List.of(), row -> {
          if (!inSomeTenant.contains(row.getString(1))) {
            users.add(row.getString(1));
          }
        });
        tenantLess.users = users;
      }
    } catch (SQLException e) {
      LOG.warn("camunda-checkup report: the identity tables cannot be read ({}); indicators per user are n/a",
          e.getMessage());
    }
  }

  // ---- runtime ----

  private void loadRuntime(Connection connection, ReportScope scope, long now, ReportConfig config,
      Function<String, TenantFacts> facts, Map<String, String> keyOfDefinition) throws SQLException {
    int limit = config.detailsLimit();
    TenantFilter filter = new TenantFilter(scope, "TENANT_ID_");
    String incidents = "select TENANT_ID_, ID_, PROC_DEF_ID_, PROC_INST_ID_, ACTIVITY_ID_, INCIDENT_TYPE_, "
        + "INCIDENT_MSG_, INCIDENT_TIMESTAMP_ SINCE_ from " + prefix + "ACT_RU_INCIDENT where " + filter.sql;
    listed(connection, incidents, filter.parameters, "count(*)", limit, facts, tenant -> tenant.incidents,
        (row, item) -> {
          item.put("incidentId", row.getString("ID_"));
          item.put("processKey", keyOfDefinition.get(row.getString("PROC_DEF_ID_")));
          item.put("processInstanceId", row.getString("PROC_INST_ID_"));
          item.put("activityId", row.getString("ACTIVITY_ID_"));
          item.put("type", row.getString("INCIDENT_TYPE_"));
          item.put("message", row.getString("INCIDENT_MSG_"));
          item.put("since", iso(row.getTimestamp("SINCE_")));
        });

    Timestamp dueBefore = new Timestamp(now);
    List<Object> overdueParameters = new ArrayList<>(filter.parameters);
    overdueParameters.add(dueBefore);
    String overdue = "select TENANT_ID_, ID_, NAME_, PROC_DEF_ID_, PROC_INST_ID_, TASK_DEF_KEY_, ASSIGNEE_, "
        + "DUE_DATE_ SINCE_ from " + prefix + "ACT_RU_TASK where " + filter.sql + " and DUE_DATE_ < ?";
    listed(connection, overdue, overdueParameters, "count(*)", limit, facts, tenant -> tenant.overdue,
        (row, item) -> task(row, item, keyOfDefinition, "due"));

    List<Object> staleParameters = new ArrayList<>(filter.parameters);
    staleParameters.add(new Timestamp(now - config.unassignedAfterDays() * DAY));
    String stale = "select TENANT_ID_, ID_, NAME_, PROC_DEF_ID_, PROC_INST_ID_, TASK_DEF_KEY_, ASSIGNEE_, "
        + "CREATE_TIME_ SINCE_ from " + prefix + "ACT_RU_TASK where " + filter.sql
        + " and ASSIGNEE_ is null and CREATE_TIME_ < ?";
    listed(connection, stale, staleParameters, "count(*)", limit, facts, tenant -> tenant.unassigned,
        (row, item) -> task(row, item, keyOfDefinition, "created"));

    Timestamp stuckBefore = new Timestamp(now - config.stuckAfterDays() * DAY);
    TenantFilter subscriptions = new TenantFilter(scope, "S.TENANT_ID_");
    TenantFilter executions = new TenantFilter(scope, "E.TENANT_ID_");
    String waits = "select TENANT_ID_, PROC_INST_ID_, PROC_DEF_ID_, TASK_DEF_KEY_ ACT_ID_, CREATE_TIME_ SINCE_, "
        + "'userTask' KIND_ from " + prefix + "ACT_RU_TASK where " + filter.sql
        + " and PROC_INST_ID_ is not null and CREATE_TIME_ < ?"
        + " union all select TENANT_ID_, PROC_INST_ID_, PROC_DEF_ID_, ACT_ID_, CREATE_TIME_ SINCE_, "
        + "'externalTask' KIND_ from " + prefix + "ACT_RU_EXT_TASK where " + filter.sql + " and CREATE_TIME_ < ?"
        + " union all select S.TENANT_ID_, S.PROC_INST_ID_, E.PROC_DEF_ID_, S.ACTIVITY_ID_ ACT_ID_, "
        + "S.CREATED_ SINCE_, S.EVENT_TYPE_ KIND_ from " + prefix + "ACT_RU_EVENT_SUBSCR S join " + prefix
        + "ACT_RU_EXECUTION E on E.ID_ = S.EXECUTION_ID_ and E.ACT_ID_ = S.ACTIVITY_ID_ where " + subscriptions.sql
        + " and S.CREATED_ < ? and S.EVENT_TYPE_ <> 'compensate'"
        // an execution at an event-based gateway waits for events of other activities: it is stuck when that is
        // all it waits for (no task, external task, job such as a timer that will move it on, or child execution)
        + " union all select E.TENANT_ID_, E.PROC_INST_ID_, E.PROC_DEF_ID_, E.ACT_ID_, min(S.CREATED_) SINCE_, "
        + "'eventBasedGateway' KIND_ from " + prefix + "ACT_RU_EXECUTION E join " + prefix
        + "ACT_RU_EVENT_SUBSCR S on S.EXECUTION_ID_ = E.ID_ and S.ACTIVITY_ID_ <> E.ACT_ID_ where "
        + executions.sql + " and S.CREATED_ < ? and S.EVENT_TYPE_ in ('message', 'signal', 'conditional')"
        + " and not exists (select 1 from " + prefix + "ACT_RU_EVENT_SUBSCR O where O.EXECUTION_ID_ = E.ID_"
        + " and O.ACTIVITY_ID_ = E.ACT_ID_)"
        + " and not exists (select 1 from " + prefix + "ACT_RU_TASK T where T.EXECUTION_ID_ = E.ID_)"
        + " and not exists (select 1 from " + prefix + "ACT_RU_EXT_TASK X where X.EXECUTION_ID_ = E.ID_)"
        + " and not exists (select 1 from " + prefix + "ACT_RU_JOB J where J.EXECUTION_ID_ = E.ID_)"
        + " and not exists (select 1 from " + prefix + "ACT_RU_EXECUTION C where C.PARENT_ID_ = E.ID_"
        + " or C.SUPER_EXEC_ = E.ID_)"
        + " and not exists (select 1 from " + prefix + "ACT_RU_CASE_EXECUTION K where K.SUPER_EXEC_ = E.ID_)"
        + " group by E.ID_, E.TENANT_ID_, E.PROC_INST_ID_, E.PROC_DEF_ID_, E.ACT_ID_";
    List<Object> waitParameters = new ArrayList<>();
    waitParameters.addAll(filter.parameters);
    waitParameters.add(stuckBefore);
    waitParameters.addAll(filter.parameters);
    waitParameters.add(stuckBefore);
    waitParameters.addAll(subscriptions.parameters);
    waitParameters.add(stuckBefore);
    waitParameters.addAll(executions.parameters);
    waitParameters.add(stuckBefore);
    listed(connection, waits, waitParameters, "count(distinct PROC_INST_ID_)", limit, facts, tenant -> tenant.stuck,
        (row, item) -> {
          item.put("processInstanceId", row.getString("PROC_INST_ID_"));
          item.put("processKey", keyOfDefinition.get(row.getString("PROC_DEF_ID_")));
          item.put("activityId", row.getString("ACT_ID_"));
          item.put("waitingFor", row.getString("KIND_"));
          item.put("since", iso(row.getTimestamp("SINCE_")));
        });
  }

  private static void task(ResultSet row, Map<String, Object> item, Map<String, String> keyOfDefinition,
      String sinceName) throws SQLException {
    item.put("taskId", row.getString("ID_"));
    item.put("name", row.getString("NAME_"));
    item.put("processKey", keyOfDefinition.get(row.getString("PROC_DEF_ID_")));
    item.put("processInstanceId", row.getString("PROC_INST_ID_"));
    item.put("taskDefinitionKey", row.getString("TASK_DEF_KEY_"));
    item.put("assignee", row.getString("ASSIGNEE_"));
    item.put(sinceName, iso(row.getTimestamp("SINCE_")));
  }

  private interface ItemReader {
    void read(ResultSet row, Map<String, Object> item) throws SQLException;
  }

  /**
   * Counts per tenant, and the oldest {@code limit} rows per tenant (by {@code SINCE_}) as details: two grouped
   * queries, however many tenants and rows there are.
   */
  private void listed(Connection connection, String select, List<Object> parameters, String count, int limit,
      Function<String, TenantFacts> facts, Function<TenantFacts, TenantFacts.Listed> which, ItemReader reader)
      throws SQLException {
    query(connection, "select TENANT_ID_, " + count + " from (" + select + ") X group by TENANT_ID_", parameters,
        row -> {
          TenantFacts tenant = facts.apply(row.getString(1));
          if (tenant != null) {
            which.apply(tenant).count = row.getLong(2);
          }
        });
    if (limit == 0) {
      return;
    }
    List<Object> limited = new ArrayList<>(parameters);
    limited.add(limit);
    Map<String, Set<String>> seenInstances = new HashMap<>();
    query(connection, "select * from (select X.*, row_number() over (partition by X.TENANT_ID_ order by X.SINCE_, "
        + "X.PROC_INST_ID_) RN_ from (" + select + ") X) Y where Y.RN_ <= ? order by Y.TENANT_ID_, Y.RN_", limited,
        row -> {
          TenantFacts tenant = facts.apply(row.getString("TENANT_ID_"));
          if (tenant == null) {
            return;
          }
          String instance = row.getString("PROC_INST_ID_");
          if (count.contains("distinct") && instance != null
              && !seenInstances.computeIfAbsent(tenant.tenantId, t -> new HashSet<>()).add(instance)) {
            return; // an instance waits in several places: listed once, at its oldest wait
          }
          Map<String, Object> item = new LinkedHashMap<>();
          reader.read(row, item);
          which.apply(tenant).items.add(item);
        });
  }

  // ---- statistics ----

  /** A sum's key: a tenant and, as the question needs, a process key, a dimension or a day. */
  record Cell(String tenantId, String processKey, String dimension, long day) {
  }

  /**
   * A sum over the settled part of a window (the days before yesterday, or the hours before the previous hour),
   * kept for reports over all tenants and slid forward period by period: when the window moves on, the periods that
   * entered it are added and those that left it are taken off, so a report reads the settled past once per node and
   * then only what moved. It is read again whole when the statistics' version of settled periods changes (a late
   * flush or an import wrote into them).
   */
  private static final class Window {
    long start;
    long end;
    long version;
    Map<Cell, Long> sums;
  }

  private final Map<String, Window> windows = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong wholeReads = new java.util.concurrent.atomic.AtomicLong();

  /** How often a settled window was read whole (first report on this node, or after a late write into it). */
  long settledWindowsReadWhole() {
    return wholeReads.get();
  }

  private interface Reader {
    Map<Cell, Long> query(long from, long to);

    /** The sums over {@code [from, to)}; an empty range is not asked of the database. */
    default Map<Cell, Long> read(long from, long to) {
      return from < to ? query(from, to) : new HashMap<>();
    }
  }

  /** The sums over {@code [start, end)}: slid from the kept window where possible. A copy, for this report only. */
  private Map<Cell, Long> settled(ReportScope scope, String name, long start, long end, long unit, long version,
      Reader reader) {
    if (!scope.isAll()) {
      return reader.read(start, end);
    }
    Window window = windows.computeIfAbsent(name, n -> new Window());
    synchronized (window) {
      boolean slidable = window.sums != null && window.version == version && start >= window.start
          && end >= window.end && start < window.end && (end - window.end) / unit <= 7;
      if (!slidable) {
        wholeReads.incrementAndGet();
        window.sums = new HashMap<>(reader.read(start, end));
      } else {
        if (end > window.end) {
          reader.read(window.end, end).forEach((cell, value) -> window.sums.merge(cell, value, Long::sum));
        }
        if (start > window.start) {
          reader.read(window.start, start).forEach((cell, value) -> window.sums.merge(cell, -value, Long::sum));
        }
        window.sums.values().removeIf(value -> value == 0);
      }
      window.start = start;
      window.end = end;
      window.version = version;
      return new HashMap<>(window.sums);
    }
  }

  /** Settled sums plus the live ones of the rest of the window. */
  private Map<Cell, Long> window(ReportScope scope, String name, long start, long settledEnd, long end, long unit,
      long version, Reader reader) {
    Map<Cell, Long> sums = settled(scope, name, start, settledEnd, unit, version, reader);
    reader.read(settledEnd, end).forEach((cell, value) -> sums.merge(cell, value, Long::sum));
    return sums;
  }

  private void loadStatistics(ReportScope scope, long now, Map<String, TenantFacts> tenants) {
    long today = now - Math.floorMod(now, DAY);
    long yesterday = today - DAY;
    long tomorrow = today + DAY;
    long hour = now - Math.floorMod(now, HOUR);
    long[] versions = scope.isAll() ? statistics.closedPeriodVersions() : new long[2];
    long days = versions[1];

    window(scope, "launches", today - 28 * DAY, yesterday, tomorrow, DAY, days, (from, to) -> {
      Map<Cell, Long> sums = new HashMap<>();
      query(scope).metric(Metric.INSTANCE_STARTED).between(at(from), at(to)).sumByTenantAndDay().forEach(
          (tenant, perDay) -> perDay.forEach((day, count) -> sums.put(new Cell(tenant, "", "",
              day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()), count)));
      return sums;
    }).forEach((cell, count) -> {
      TenantFacts tenant = tenants.get(cell.tenantId());
      if (tenant != null && count != 0) {
        tenant.launchesPerDay.merge(day(cell.day()), count, Long::sum);
      }
    });

    long week = today - 6 * DAY;
    window(scope, "active", week, yesterday, tomorrow, DAY, days, rows(scope, false, List.of(Metric.INSTANCE_STARTED,
        Metric.ACTIVITY_TOTAL), true, row -> "")).forEach((cell, count) -> {
          TenantFacts tenant = tenants.get(cell.tenantId());
          if (tenant != null && count > 0) {
            tenant.activeKeys.add(cell.processKey());
          }
        });

    window(scope, "actions", hour - 23 * HOUR, hour - HOUR, hour + HOUR, HOUR, versions[0],
        perTenant(scope, Metric.ACTIVITY_TOTAL, true)).forEach((cell, sum) -> {
      TenantFacts tenant = tenants.get(cell.tenantId());
      if (tenant != null) {
        tenant.actions24h += sum;
      }
    });

    window(scope, "tasks", week, yesterday, tomorrow, DAY, days, perTenant(scope, Metric.TASK_CREATED, false))
        .forEach((cell, sum) -> {
          TenantFacts tenant = tenants.get(cell.tenantId());
          if (tenant != null) {
            tenant.tasksCreated7d += sum;
          }
        });

    // the 7-day windows are 168 hours: the current hour and the 167 before. The days from 6 days ago to today come
    // from the daily rows above; of the day before them, the hours still inside the window (its edge) are that
    // day's daily rows less its hourly rows of the hours already gone: one day and at most 23 hours to read, each
    // kept as a settled window that slides by a day or an hour
    long edgeDay = week - DAY;
    long edgeStart = hour - 167 * HOUR;
    Map<Cell, Long> edge = window(scope, "week-edge-day", edgeDay, week, week, DAY, days, rows(scope, false,
        WEEK_EDGE_METRICS, true, row -> row.metric().id()));
    window(scope, "week-edge-gone", edgeDay, edgeStart, edgeStart, HOUR, versions[0], rows(scope, true,
        WEEK_EDGE_METRICS, true, row -> row.metric().id()))
        .forEach((cell, sum) -> edge.merge(cell, -sum, Long::sum));
    edge.forEach((cell, sum) -> {
      TenantFacts tenant = tenants.get(cell.tenantId());
      if (tenant == null || sum <= 0) {
        return;
      }
      if (cell.dimension().equals(Metric.INSTANCE_STARTED.id())) {
        tenant.launchesWeekEdge += sum;
      }
      if (cell.dimension().equals(Metric.TASK_CREATED.id())) {
        tenant.tasksCreated7d += sum;
      } else {
        tenant.activeKeys.add(cell.processKey());
      }
    });

    long month = monthStart(now);
    window(scope, "assignees", month, yesterday, tomorrow, DAY, days, rows(scope, false,
        List.of(Metric.TASK_ASSIGNEE), false, StatsQuery.Row::dimension)).forEach((cell, sum) -> {
          TenantFacts tenant = tenants.get(cell.tenantId());
          if (tenant != null && sum > 0) {
            tenant.assignees30d.add(cell.dimension());
          }
        });

    window(scope, "flows", month, yesterday, tomorrow, DAY, days, rows(scope, false, List.of(Metric.FLOW_TAKEN),
        true, StatsQuery.Row::dimension)).forEach((cell, sum) -> {
          TenantFacts tenant = tenants.get(cell.tenantId());
          if (tenant != null) {
            tenant.flows30d.computeIfAbsent(cell.processKey(), k -> new HashMap<>())
                .merge(cell.dimension(), sum, Long::sum);
          }
        });
  }

  /**
   * Flow counts are kept per process key, whatever the version. For these definitions (latest versions deployed
   * within the 30 days, suspected of a dead branch by the counts of all versions), the counts since the day after
   * their deployment: a flow the new version added cannot have been taken before. Few definitions, at most
   * {@value #PROCESSES_PER_QUERY} per round trip: the cost grows with the rate of model changes, never with traffic.
   */
  void loadFlowsSinceDeployment(ReportScope scope, long now, Map<String, TenantFacts> tenants,
      List<TenantFacts.Definition> definitions) {
    long tomorrow = now - Math.floorMod(now, DAY) + DAY;
    Map<Map.Entry<String, String>, LocalDate> countedFrom = new HashMap<>();
    for (TenantFacts.Definition definition : definitions) {
      TenantFacts tenant = tenants.get(definition.tenantId());
      long firstFullDay = definition.deployTime() - Math.floorMod(definition.deployTime(), DAY) + DAY;
      // SimpleEntry, unlike Map.entry, takes the tenant-less part's null
      countedFrom.put(new AbstractMap.SimpleImmutableEntry<>(definition.tenantId(), definition.key()),
          day(firstFullDay));
      tenant.flowsSinceDeployment.put(definition.key(), new HashMap<>());
    }
    List<Map.Entry<String, String>> processes = new ArrayList<>(countedFrom.keySet());
    for (int i = 0; i < processes.size(); i += PROCESSES_PER_QUERY) {
      List<Map.Entry<String, String>> chunk =
          processes.subList(i, Math.min(processes.size(), i + PROCESSES_PER_QUERY));
      LocalDate from = chunk.stream().map(countedFrom::get).min(LocalDate::compareTo).orElseThrow();
      for (StatsQuery.DayRow row : query(scope).metric(Metric.FLOW_TAKEN).processes(chunk)
          .between(from.atStartOfDay(ZoneOffset.UTC).toInstant(), at(tomorrow)).rowsByDay()) {
        LocalDate first = countedFrom.get(new AbstractMap.SimpleImmutableEntry<>(row.tenantId(), row.processKey()));
        TenantFacts tenant = tenants.get(row.tenantId());
        if (first != null && tenant != null && !row.day().isBefore(first)) {
          tenant.flowsSinceDeployment.get(row.processKey()).merge(row.dimension(), row.value(), Long::sum);
        }
      }
    }
  }

  private static final int PROCESSES_PER_QUERY = 200;

  /** The start of the 30-day windows (assignees, flows): today and the 29 days before. */
  static long monthStart(long now) {
    return now - Math.floorMod(now, DAY) - 29 * DAY;
  }

  /** Sums of a metric per tenant, from daily or hourly rows. */
  private Reader perTenant(ReportScope scope, Metric metric, boolean hours) {
    return (from, to) -> {
      Map<Cell, Long> sums = new HashMap<>();
      (hours ? hourly(scope) : query(scope)).metric(metric).between(at(from), at(to)).sumByTenant()
          .forEach((tenant, sum) -> sums.put(new Cell(tenant, "", "", 0), sum));
      return sums;
    };
  }

  /** What the 168-hour windows' edge counts: launches, completed elements (activity) and created tasks. */
  private static final List<Metric> WEEK_EDGE_METRICS =
      List.of(Metric.INSTANCE_STARTED, Metric.ACTIVITY_TOTAL, Metric.TASK_CREATED);

  /**
   * Daily or hourly sums of these metrics per tenant, per process key if asked, and per what {@code dimension} takes
   * from a row (its dimension, its metric, or nothing).
   */
  private Reader rows(ReportScope scope, boolean hours, List<Metric> metrics, boolean byKey,
      Function<StatsQuery.Row, String> dimension) {
    return (from, to) -> {
      Map<Cell, Long> sums = new HashMap<>();
      for (StatsQuery.Row row : (hours ? hourly(scope) : query(scope)).metrics(metrics).between(at(from), at(to))
          .rows()) {
        sums.merge(new Cell(row.tenantId(), byKey ? row.processKey() : "", dimension.apply(row), 0), row.value(),
            Long::sum);
      }
      return sums;
    };
  }

  private static Instant at(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis);
  }

  private StatsQuery query(ReportScope scope) {
    StatsQuery query = statistics.query().daily();
    if (!scope.isAll()) {
      query.tenants(scope.tenants());
    }
    return query;
  }

  private StatsQuery hourly(ReportScope scope) {
    StatsQuery query = statistics.query().hourly();
    if (!scope.isAll()) {
      query.tenants(scope.tenants());
    }
    return query;
  }

  // ---- plumbing ----

  /** A condition on a tenant column: nothing for all tenants, otherwise the tenants in scope. */
  private static final class TenantFilter {
    final String sql;
    final List<Object> parameters = new ArrayList<>();

    TenantFilter(ReportScope scope, String column) {
      if (scope.isAll()) {
        sql = "1 = 1";
        return;
      }
      StringBuilder condition = new StringBuilder("(");
      condition.append(scope.includes(null) ? column + " is null" : "1 = 0");
      for (String tenant : scope.tenants()) {
        if (tenant != null) {
          condition.append(" or ").append(column).append(" = ?");
          parameters.add(tenant);
        }
      }
      sql = condition.append(')').toString();
    }
  }

  private interface RowHandler {
    void handle(ResultSet row) throws SQLException;
  }

  private void query(Connection connection, String sql, List<Object> parameters, RowHandler handler)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout(timeoutSeconds);
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          handler.handle(rows);
        }
      }
    }
  }

  static String iso(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant().toString();
  }

  static LocalDate day(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
  }
}
