package io.checkup.report;

import io.checkup.stats.Metric;
import io.checkup.stats.Statistics;
import io.checkup.stats.StatsQuery;
import io.checkup.stats.UtcPeriods;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The report's windows over the statistics (the last 24 hours, 7 days, 4 weeks, 30 days), for all
 * tenants at once. For a report over all tenants, each window keeps the sums of its settled part in
 * memory and slides them forward as hours and days pass, so that a report reads only what moved
 * since the last one.
 */
final class StatisticsWindows {

  private final Statistics statistics;

  StatisticsWindows(Statistics statistics) {
    this.statistics = statistics;
  }

  boolean statisticsCollected() {
    return statistics.isCollecting();
  }

  /** Since when the statistics have been counted (epoch milliseconds); null: not at all. */
  Long countingSince() {
    return statistics.isCollecting() ? statistics.countingSince() : null;
  }

  // ---- statistics ----

  /** A sum's key: a tenant and, as the question needs, a process key, a dimension or a day. */
  record Cell(String tenantId, String processKey, String dimension, long day) {}

  /**
   * A sum over the settled part of a window (the days before yesterday, or the hours before the
   * previous hour), kept for reports over all tenants and slid forward period by period: when the
   * window moves on, the periods that entered it are added and those that left it are taken off, so
   * a report reads the settled past once per node and then only what moved. It is read again whole
   * when the statistics' version of settled periods changes (a late flush or an import wrote into
   * them).
   */
  private static final class Window {
    long start;
    long end;
    long version;
    Map<Cell, Long> sums;
  }

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong wholeReads = new AtomicLong();

  /**
   * How often a settled window was read whole (first report on this node, or after a late write
   * into it).
   */
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

  /**
   * Adds the sums over {@code [start, end)} to {@code into} as one more part: slid from the kept
   * window where possible, read whole where not. A kept window's own map is added, not a copy: the
   * caller reads the parts before the next report (reports on a node run one at a time, see {@link
   * ReportGate}) and never changes them.
   */
  private void settled(
      List<Map<Cell, Long>> into,
      ReportScope scope,
      boolean keep,
      String name,
      long start,
      long end,
      long unit,
      long version,
      Reader reader) {
    if (!keep || !scope.isAll()) {
      into.add(reader.read(start, end));
      return;
    }
    Window window = windows.computeIfAbsent(name, n -> new Window());
    synchronized (window) {
      boolean slidable =
          window.sums != null
              && window.version == version
              && start >= window.start
              && end >= window.end
              && start < window.end
              && (end - window.end) / unit <= 7;
      if (!slidable) {
        wholeReads.incrementAndGet();
        window.sums = new HashMap<>(reader.read(start, end));
      } else {
        if (end > window.end) {
          reader
              .read(window.end, end)
              .forEach((cell, value) -> window.sums.merge(cell, value, Long::sum));
        }
        if (start > window.start) {
          reader
              .read(window.start, start)
              .forEach((cell, value) -> window.sums.merge(cell, -value, Long::sum));
        }
        window.sums.values().removeIf(value -> value == 0);
      }
      window.start = start;
      window.end = end;
      window.version = version;
      into.add(window.sums);
    }
  }

  /**
   * The sums of a window as the parts they were read in (kept, recent, today's hours, live). Every
   * question of the report adds up over them or asks whether a sum is above zero, and no part is
   * negative, so the parts are never merged into one map: that copy would cost more than the rest
   * of a warm report's reading.
   */
  private record Parts(List<Map<Cell, Long>> maps) {

    void forEach(BiConsumer<Cell, Long> action) {
      for (Map<Cell, Long> map : maps) {
        map.forEach(action);
      }
    }

    /** The parts merged into a new map, for a window small enough to merge. */
    Map<Cell, Long> merged() {
      Map<Cell, Long> merged = new HashMap<>();
      forEach((cell, value) -> merged.merge(cell, value, Long::sum));
      return merged;
    }
  }

  /** The reader of daily rows, or of hourly rows. */
  private interface Readers {
    Reader of(boolean hours);
  }

  /**
   * The sums of a window: its settled part {@code [start, settledEnd)} and its recent part {@code
   * [settledEnd, recentEnd)} (yesterday, for a window of days), each kept while its version stays,
   * plus the rest {@code [recentEnd, end)}. For a window of days in the live report, the rest is
   * today, read from the hourly rows: today's hours before the previous one are kept too (while the
   * version of settled hours stays), so only the last two hours are read every time.
   *
   * @param hour the start of the report's hour
   */
  private Parts window(
      ReportScope scope,
      boolean keep,
      String name,
      long start,
      long settledEnd,
      long recentEnd,
      long end,
      long unit,
      long hour,
      long[] versions,
      Readers readers) {
    return window(
        scope,
        keep,
        name,
        start,
        settledEnd,
        recentEnd,
        end,
        unit,
        hour,
        versions,
        readers,
        readers);
  }

  /**
   * As above, with the part read every time asked of {@code live}: a cheaper question where only
   * "above zero" matters.
   */
  private Parts window(
      ReportScope scope,
      boolean keep,
      String name,
      long start,
      long settledEnd,
      long recentEnd,
      long end,
      long unit,
      long hour,
      long[] versions,
      Readers readers,
      Readers live) {
    boolean days = unit == UtcPeriods.DAY;
    if (!keep && !days && start % UtcPeriods.DAY == 0 && end % UtcPeriods.DAY == 0) {
      // a past day's report, whose window of hours is whole days (the last 24 hours of a day that
      // is over): read from the daily rows, which hold the same counts, since the hourly rows of a
      // day older than statsRollUpAfter are rolled up and gone
      return new Parts(List.of(live.of(false).read(start, end)));
    }
    Reader reader = readers.of(!days);
    List<Map<Cell, Long>> parts = new ArrayList<>(4);
    settled(parts, scope, keep, name, start, settledEnd, unit, versions[days ? 1 : 0], reader);
    if (recentEnd > settledEnd) {
      settled(
          parts, scope, keep, name + "-recent", settledEnd, recentEnd, unit, versions[2], reader);
    }
    if (!days || !keep || end <= recentEnd) {
      parts.add(live.of(!days).read(recentEnd, end));
      return new Parts(parts);
    }
    long settledHours = Math.max(recentEnd, hour - UtcPeriods.HOUR);
    settled(
        parts,
        scope,
        keep,
        name + "-today",
        recentEnd,
        settledHours,
        UtcPeriods.HOUR,
        versions[0],
        readers.of(true));
    parts.add(live.of(true).read(settledHours, Math.min(end, hour + UtcPeriods.HOUR)));
    return new Parts(parts);
  }

  /** Adds the statistics of the windows to the facts of the tenants in scope. */
  void load(ReportScope scope, long now, Map<String, TenantFacts> tenants) {
    load(scope, now, tenants, true);
  }

  /**
   * As {@link #load(ReportScope, long, Map)}; {@code keep} false for a report of another time (a
   * past day's snapshot), which must neither use nor disturb the settled sums kept for now.
   */
  void load(ReportScope scope, long now, Map<String, TenantFacts> tenants, boolean keep) {
    long today = UtcPeriods.dayStart(now);
    long yesterday = today - UtcPeriods.DAY;
    long tomorrow = today + UtcPeriods.DAY;
    long hour = UtcPeriods.hourStart(now);
    long[] versions = scope.isAll() ? statistics.closedPeriodVersions() : new long[3];

    window(
            scope,
            keep,
            "launches",
            today - 28 * UtcPeriods.DAY,
            yesterday,
            today,
            tomorrow,
            UtcPeriods.DAY,
            hour,
            versions,
            hours ->
                (from, to) -> {
                  Map<Cell, Long> sums = new HashMap<>();
                  (hours ? hourly(scope) : query(scope))
                      .metric(Metric.INSTANCE_STARTED)
                      .between(at(from), at(to))
                      .sumByTenantAndDay()
                      .forEach(
                          (tenant, perDay) ->
                              perDay.forEach(
                                  (day, count) ->
                                      sums.put(
                                          new Cell(tenant, "", "", UtcPeriods.startOf(day)),
                                          count)));
                  return sums;
                })
        .forEach(
            (cell, count) -> {
              TenantFacts tenant = tenants.get(cell.tenantId());
              if (tenant != null && count != 0) {
                tenant.launchesPerDay.merge(UtcPeriods.date(cell.day()), count, Long::sum);
              }
            });

    long week = today - 6 * UtcPeriods.DAY;
    window(
            scope,
            keep,
            "active",
            week,
            yesterday,
            today,
            tomorrow,
            UtcPeriods.DAY,
            hour,
            versions,
            hours ->
                rows(
                    scope,
                    hours,
                    List.of(Metric.INSTANCE_STARTED, Metric.ACTIVITY_TOTAL),
                    true,
                    row -> ""),
            hours -> inUse(scope, hours, List.of(Metric.INSTANCE_STARTED, Metric.ACTIVITY_TOTAL)))
        .forEach(
            (cell, count) -> {
              TenantFacts tenant = tenants.get(cell.tenantId());
              if (tenant != null && count > 0) {
                tenant.activeKeys.add(cell.processKey());
              }
            });

    window(
            scope,
            keep,
            "actions",
            hour - 23 * UtcPeriods.HOUR,
            hour - UtcPeriods.HOUR,
            hour - UtcPeriods.HOUR,
            hour + UtcPeriods.HOUR,
            UtcPeriods.HOUR,
            hour,
            versions,
            hours -> perTenant(scope, Metric.ACTIVITY_TOTAL, hours))
        .forEach(
            (cell, sum) -> {
              TenantFacts tenant = tenants.get(cell.tenantId());
              if (tenant != null) {
                tenant.actions24h += sum;
              }
            });

    window(
            scope,
            keep,
            "tasks",
            week,
            yesterday,
            today,
            tomorrow,
            UtcPeriods.DAY,
            hour,
            versions,
            hours -> perTenant(scope, Metric.TASK_CREATED, hours))
        .forEach(
            (cell, sum) -> {
              TenantFacts tenant = tenants.get(cell.tenantId());
              if (tenant != null) {
                tenant.tasksCreated7d += sum;
              }
            });

    // the 7-day windows are 168 hours: the current hour and the 167 before. The days from 6 days
    // ago to today come
    // from the daily rows above; of the day before them, the hours still inside the window (its
    // edge) are that
    // day's daily rows less its hourly rows of the hours already gone: one day and at most 23 hours
    // to read, each
    // kept as a settled window that slides by a day or an hour
    long edgeDay = week - UtcPeriods.DAY;
    long edgeStart = hour - 167 * UtcPeriods.HOUR;
    Map<Cell, Long> edge =
        window(
                scope,
                keep,
                "week-edge-day",
                edgeDay,
                week,
                week,
                week,
                UtcPeriods.DAY,
                hour,
                versions,
                hours -> rows(scope, false, WEEK_EDGE_METRICS, true, row -> row.metric().id()))
            .merged();
    window(
            scope,
            keep,
            "week-edge-gone",
            edgeDay,
            edgeStart,
            edgeStart,
            edgeStart,
            UtcPeriods.HOUR,
            hour,
            versions,
            hours -> rows(scope, hours, WEEK_EDGE_METRICS, true, row -> row.metric().id()))
        .forEach((cell, sum) -> edge.merge(cell, -sum, Long::sum));
    edge.forEach(
        (cell, sum) -> {
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
    window(
            scope,
            keep,
            "assignees",
            month,
            yesterday,
            today,
            tomorrow,
            UtcPeriods.DAY,
            hour,
            versions,
            hours ->
                rows(scope, hours, List.of(Metric.TASK_ASSIGNEE), false, StatsQuery.Row::dimension))
        .forEach(
            (cell, sum) -> {
              TenantFacts tenant = tenants.get(cell.tenantId());
              if (tenant != null && sum > 0) {
                tenant.assignees30d.add(cell.dimension());
              }
            });
  }

  /**
   * Adds the flows taken in the 30-day window to the facts of the tenants in scope, per process key
   * and flow. Only the dead-branch question reads them, and it asks only about flows never taken: a
   * process whose gateways took every flow by yesterday is answered whatever today adds. So today's
   * rows, the part read on every report, are read only for the processes {@code open} names from
   * the counts to yesterday (for all of them when they are many).
   *
   * @param isOpen whether a tenant's process key still has a flow never taken by yesterday
   */
  void loadFlows(
      ReportScope scope,
      long now,
      Map<String, TenantFacts> tenants,
      boolean keep,
      BiPredicate<TenantFacts, String> isOpen) {
    long today = UtcPeriods.dayStart(now);
    long yesterday = today - UtcPeriods.DAY;
    long[] versions = scope.isAll() ? statistics.closedPeriodVersions() : new long[3];
    Reader reader = rows(scope, false, List.of(Metric.FLOW_TAKEN), true, StatsQuery.Row::dimension);
    List<Map<Cell, Long>> sums = new ArrayList<>(2);
    settled(
        sums,
        scope,
        keep,
        "flows",
        monthStart(now),
        yesterday,
        UtcPeriods.DAY,
        versions[1],
        reader);
    settled(
        sums, scope, keep, "flows-recent", yesterday, today, UtcPeriods.DAY, versions[2], reader);
    for (Map<Cell, Long> part : sums) {
      addFlows(tenants, part);
    }
    // the tenants with an open process: their rows of today, by the tenant index
    Map<String, Set<String>> open = new HashMap<>();
    for (TenantFacts tenant : tenants.values()) {
      for (String key : tenant.latest.keySet()) {
        if (isOpen.test(tenant, key)) {
          open.computeIfAbsent(tenant.tenantId, id -> new HashSet<>()).add(key);
        }
      }
    }
    if (open.size() > Math.max(TENANTS_PER_QUERY / 4, tenants.size() / 4)) {
      addFlows(tenants, reader.read(today, today + UtcPeriods.DAY));
      return;
    }
    List<String> ids = new ArrayList<>(open.keySet());
    for (int i = 0; i < ids.size(); i += TENANTS_PER_QUERY) {
      Map<Cell, Long> todays = new HashMap<>();
      for (StatsQuery.Row row :
          statistics
              .query()
              .daily()
              .tenants(ids.subList(i, Math.min(ids.size(), i + TENANTS_PER_QUERY)))
              .metric(Metric.FLOW_TAKEN)
              .between(at(today), at(today + UtcPeriods.DAY))
              .rows()) {
        if (open.get(row.tenantId()).contains(row.processKey())) {
          todays.merge(
              new Cell(row.tenantId(), row.processKey(), row.dimension(), 0),
              row.value(),
              Long::sum);
        }
      }
      addFlows(tenants, todays);
    }
  }

  private static final int TENANTS_PER_QUERY = 500;

  private static void addFlows(Map<String, TenantFacts> tenants, Map<Cell, Long> sums) {
    sums.forEach(
        (cell, sum) -> {
          TenantFacts tenant = tenants.get(cell.tenantId());
          if (tenant != null) {
            tenant
                .flows30d
                .computeIfAbsent(cell.processKey(), k -> new HashMap<>())
                .merge(cell.dimension(), sum, Long::sum);
          }
        });
  }

  /**
   * Flow counts are kept per process key, whatever the version. For these definitions (latest
   * versions deployed within the 30 days, suspected of a dead branch by the counts of all
   * versions), the counts since the day after their deployment: a flow the new version added cannot
   * have been taken before. Few definitions, at most {@value #PROCESSES_PER_QUERY} per round trip:
   * the cost grows with the rate of model changes, never with traffic.
   */
  void loadFlowsSinceDeployment(
      ReportScope scope,
      long now,
      Map<String, TenantFacts> tenants,
      List<TenantFacts.Definition> definitions) {
    long tomorrow = UtcPeriods.dayStart(now) + UtcPeriods.DAY;
    Map<Map.Entry<String, String>, LocalDate> countedFrom = new HashMap<>();
    for (TenantFacts.Definition definition : definitions) {
      TenantFacts tenant = tenants.get(definition.tenantId());
      long firstFullDay = UtcPeriods.dayStart(definition.deployTime()) + UtcPeriods.DAY;
      // SimpleEntry, unlike Map.entry, takes the tenant-less part's null
      countedFrom.put(
          new AbstractMap.SimpleImmutableEntry<>(definition.tenantId(), definition.key()),
          UtcPeriods.date(firstFullDay));
      tenant.flowsSinceDeployment.put(definition.key(), new HashMap<>());
    }
    List<Map.Entry<String, String>> processes = new ArrayList<>(countedFrom.keySet());
    for (int i = 0; i < processes.size(); i += PROCESSES_PER_QUERY) {
      List<Map.Entry<String, String>> chunk =
          processes.subList(i, Math.min(processes.size(), i + PROCESSES_PER_QUERY));
      LocalDate from = chunk.stream().map(countedFrom::get).min(LocalDate::compareTo).orElseThrow();
      for (StatsQuery.DayRow row :
          query(scope)
              .metric(Metric.FLOW_TAKEN)
              .processes(chunk)
              .between(at(UtcPeriods.startOf(from)), at(tomorrow))
              .rowsByDay()) {
        LocalDate first =
            countedFrom.get(
                new AbstractMap.SimpleImmutableEntry<>(row.tenantId(), row.processKey()));
        TenantFacts tenant = tenants.get(row.tenantId());
        if (first != null && tenant != null && !row.day().isBefore(first)) {
          tenant
              .flowsSinceDeployment
              .get(row.processKey())
              .merge(row.dimension(), row.value(), Long::sum);
        }
      }
    }
  }

  private static final int PROCESSES_PER_QUERY = 200;

  /** The start of the 30-day windows (assignees, flows): today and the 29 days before. */
  static long monthStart(long now) {
    return UtcPeriods.dayStart(now) - 29 * UtcPeriods.DAY;
  }

  /** Sums of a metric per tenant, from daily or hourly rows. */
  private Reader perTenant(ReportScope scope, Metric metric, boolean hours) {
    return (from, to) -> {
      Map<Cell, Long> sums = new HashMap<>();
      (hours ? hourly(scope) : query(scope))
          .metric(metric)
          .between(at(from), at(to))
          .sumByTenant()
          .forEach((tenant, sum) -> sums.put(new Cell(tenant, "", "", 0), sum));
      return sums;
    };
  }

  /**
   * What the 168-hour windows' edge counts: launches, completed elements (activity) and created
   * tasks.
   */
  private static final List<Metric> WEEK_EDGE_METRICS =
      List.of(Metric.INSTANCE_STARTED, Metric.ACTIVITY_TOTAL, Metric.TASK_CREATED);

  /**
   * Daily or hourly sums of these metrics per tenant, per process key if asked, and per what {@code
   * dimension} takes from a row (its dimension, its metric, or nothing).
   */
  private Reader rows(
      ReportScope scope,
      boolean hours,
      List<Metric> metrics,
      boolean byKey,
      Function<StatsQuery.Row, String> dimension) {
    return (from, to) -> {
      Map<Cell, Long> sums = new HashMap<>();
      for (StatsQuery.Row row :
          (hours ? hourly(scope) : query(scope))
              .metrics(metrics)
              .between(at(from), at(to))
              .rows()) {
        sums.merge(
            new Cell(row.tenantId(), byKey ? row.processKey() : "", dimension.apply(row), 0),
            row.value(),
            Long::sum);
      }
      return sums;
    };
  }

  /**
   * 1 for each tenant and process key with a count of these metrics above zero: whether a process
   * was in use, without its sums.
   */
  private Reader inUse(ReportScope scope, boolean hours, List<Metric> metrics) {
    return (from, to) -> {
      Map<Cell, Long> used = new HashMap<>();
      for (String[] process :
          (hours ? hourly(scope) : query(scope))
              .metrics(metrics)
              .between(at(from), at(to))
              .processesWithCounts()) {
        used.put(new Cell(process[0], process[1], "", 0), 1L);
      }
      return used;
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
}
