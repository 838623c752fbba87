package io.checkup.report;

import io.checkup.db.PluginTables;
import io.checkup.report.Report.TenantReport;
import io.checkup.stats.Statistics;
import io.checkup.stats.UtcPeriods;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The smart check-up: every indicator of every tenant in scope, its norm and status, the risk score
 * and level with the reasons, most at risk first. Orchestrates the reads (the engine's tables, the
 * statistics windows, the stored model profiles) and the {@link Evaluation} of each tenant; it
 * never parses a model that has been profiled and never reads history tables. One report is
 * computed at a time on a node ({@link ReportGate}).
 */
public final class CheckupReport {

  /** Where each report says at DEBUG how long its parts took. */
  private static final Logger TIMING = LoggerFactory.getLogger("io.checkup.report.timing");

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.report");

  private final EngineTables engineTables;
  private final StatisticsWindows windows;
  private final ModelProfiles profiles;
  private final ReportGate gate;
  private final ReportWarmUp warmUp;
  private final Duration queryTimeout;
  private volatile ReportConfig config;
  private final Exclusions exclusions;
  private final SnapshotTable snapshots;
  private final Trends trends;
  private final PeerCache peers;
  private final SnapshotJob snapshotJob;
  private final List<Consumer<Report>> fullReportListeners = new CopyOnWriteArrayList<>();
  private volatile Report lastFullReport;

  /**
   * What a report is made of.
   *
   * @param tables the plugin's tables on the engine's database (the report keeps its snapshots)
   * @param queryTimeout how long one of the report's queries may take, and how long a caller waits
   *     for its turn while another report is computed on this node
   * @param exclusions what is not a client and is left out
   * @param historyRetention how long daily snapshots are kept
   * @param settle how long after midnight a day's counts are surely flushed by every node
   * @param nodeId this node's name, in the rows it writes
   */
  public record Setup(
      DataSource dataSource,
      String engineTablePrefix,
      PluginTables tables,
      Statistics statistics,
      ModelProfiles profiles,
      ReportConfig config,
      Duration queryTimeout,
      Exclusions exclusions,
      Duration historyRetention,
      Duration settle,
      String nodeId) {}

  public CheckupReport(Setup setup) {
    this.engineTables =
        new EngineTables(setup.dataSource(), setup.engineTablePrefix(), setup.queryTimeout());
    this.windows = new StatisticsWindows(setup.statistics());
    this.profiles = setup.profiles();
    this.config = setup.config();
    this.queryTimeout = setup.queryTimeout();
    this.exclusions = setup.exclusions();
    this.gate = new ReportGate(queryTimeout.toMillis());
    // twice: the first reads what a node keeps, the second (which reads only what moved) gets the
    // report's own code compiled, so that the first report asked for runs as fast as later ones
    this.warmUp =
        new ReportWarmUp(
            () -> {
              generate(ReportScope.all());
              return generate(ReportScope.all()).tenants().size();
            });
    this.snapshots = new SnapshotTable(setup.tables());
    this.snapshots.readTimeout(queryTimeout);
    this.trends = new Trends(snapshots);
    this.peers = new PeerCache(snapshots);
    this.snapshotJob =
        new SnapshotJob(
            this,
            snapshots,
            setup.statistics(),
            setup.historyRetention(),
            setup.settle(),
            setup.nodeId(),
            () -> {
              trends.invalidate();
              peers.invalidate();
            });
  }

  public ReportConfig config() {
    return config;
  }

  /** Replaces the norms and settings (takes effect with the next report). */
  public void config(ReportConfig newConfig) {
    this.config = newConfig;
  }

  /**
   * Generates one report over all tenants in the background now, and again a minute after each UTC
   * midnight ({@link ReportWarmUp}). Stops with {@link #close()}, or within a minute once {@code
   * alive} says the engine is gone.
   *
   * @param engineName names the thread, {@code camunda-checkup-report-warm-up-<engine>}
   * @param alive whether the engine still runs; asked once a minute
   * @return the number of tenants, once this warm-up is done
   */
  public CompletableFuture<Integer> warmUp(String engineName, BooleanSupplier alive) {
    return warmUp.start(engineName, alive, 60);
  }

  CompletableFuture<Integer> warmUp(String engineName, BooleanSupplier alive, long tickSeconds) {
    return warmUp.start(engineName, alive, tickSeconds);
  }

  /**
   * Stops the background warm-up (the engine's close does this), waiting a few seconds for a report
   * under way.
   */
  public void close() {
    warmUp.stop();
    snapshotJob.stop();
  }

  /**
   * Writes the daily snapshots in the background: each day's once per cluster, after every node has
   * flushed its counts, and the days missed before (back-filled). Stops with {@link #close()}.
   */
  public void startSnapshots(String engineName, BooleanSupplier alive) {
    snapshotJob.start(engineName, alive);
  }

  /**
   * Writes the snapshots missing as of the engine's clock now, on this thread (the background job
   * does the same every minute).
   *
   * @return the days written by this node
   */
  public List<LocalDate> writeSnapshots() {
    return snapshotJob.catchUp(ClockUtil.getCurrentTime().getTime());
  }

  /** Whether a tenant (null: the tenant-less part) is left out of the report. */
  public boolean excludes(String tenantId) {
    return exclusions.excludes(tenantId);
  }

  /**
   * Whether the engine knows a tenant (null: the tenant-less part, always there), as a report finds
   * its tenants: a tenant of the identity service, or one that owns a process definition. Read from
   * the tables, so Camunda's authorizations on tenants and definitions do not change the answer,
   * exactly as they do not change the report's.
   *
   * @throws ReportUnavailableException when the database does not answer within the query timeout,
   *     or other requests hold the node's read turn for longer than that
   */
  public boolean knows(String tenantId) {
    return read("history", () -> engineTables.knows(tenantId));
  }

  /** A read of the tables that may fail with the database's own exception. */
  @FunctionalInterface
  public interface TableRead<T> {
    T get() throws SQLException;
  }

  /**
   * A small read of the plugin's or the engine's tables for a request beside the report (a tenant's
   * history, Cockpit's heatmap), on the node's one turn for such reads ({@link ReportGate}):
   * however many requests arrive while a table is locked, they hold one pooled connection between
   * them.
   *
   * @param what what is read, for the message of a failure ("history", "heatmap")
   * @throws ReportUnavailableException when the database does not answer within the query timeout
   *     or fails, or other requests hold the read turn for longer than that
   */
  public <T> T read(String what, TableRead<T> read) {
    return gate.read(
        () -> {
          try {
            return read.get();
          } catch (SQLException e) {
            throw unreadable(what, e);
          } catch (IllegalStateException e) {
            if (causedBySql(e)) {
              throw unreadable(what, e);
            }
            throw e;
          }
        });
  }

  /** The day of the engine's first deployment still stored; null when nothing was deployed. */
  LocalDate firstDeploymentDay() throws SQLException {
    return engineTables.firstDeploymentDay();
  }

  /**
   * A tenant's daily snapshots (null: the tenant-less part) from {@code days} days ago to
   * yesterday, oldest first; empty for an excluded tenant.
   */
  public List<Snapshot> history(String tenantId, int days) {
    if (exclusions.excludes(tenantId)) {
      return List.of();
    }
    LocalDate today = UtcPeriods.date(ClockUtil.getCurrentTime().getTime());
    return read("history", () -> snapshots.history(tenantId, today.minusDays(days)));
  }

  /** Whether something reads the reports over all tenants ({@link #onFullReport}). */
  public boolean readsFullReports() {
    return !fullReportListeners.isEmpty();
  }

  /**
   * Hands every live report over all tenants to {@code listener} (the metrics read the last one,
   * never compute one), starting with the last one made, if any. A listener that fails is logged,
   * never in the way of the report.
   */
  public void onFullReport(Consumer<Report> listener) {
    fullReportListeners.add(listener);
    Report last = lastFullReport;
    if (last != null) {
      notifyQuietly(listener, last);
    }
  }

  /** The last live report over all tenants made on this node, if any. */
  public Optional<Report> lastFullReport() {
    return Optional.ofNullable(lastFullReport);
  }

  private static void notifyQuietly(Consumer<Report> listener, Report report) {
    try {
      listener.accept(report);
    } catch (RuntimeException e) {
      LOG.warn(
          "camunda-checkup: handing a report to {} failed; the report is not affected",
          listener,
          e);
    }
  }

  /** The last warm-up started on this node, if any. */
  public Optional<CompletableFuture<Integer>> lastWarmUp() {
    return Optional.ofNullable(warmUp.last());
  }

  /**
   * How often this node read the settled part of a window (the days before yesterday, the hours
   * before the last) whole instead of sliding it: once per window after start, and again after a
   * late write into settled periods.
   */
  public long settledWindowsReadWhole() {
    return windows.settledWindowsReadWhole();
  }

  /**
   * The report over the tenants in scope, as of the engine's clock. One report is computed at a
   * time on a node; callers that arrive meanwhile share the next one when its scope covers theirs,
   * never one that started before they asked ({@link ReportGate}).
   *
   * @throws ReportUnavailableException when the database does not answer within the query timeout,
   *     or another report holds the node's turn for longer than that
   */
  public Report generate(ReportScope scope) {
    return gate.run(scope, this::compute);
  }

  /**
   * The report over all tenants as it was at a past instant, as far as the tables still tell (see
   * {@link EngineTables#loadAsOf}): what a daily snapshot records. Computed on its own turn, never
   * shared, and without disturbing the sums kept for the live report.
   */
  Report generateAsOf(long instant) {
    return gate.alone(() -> compute(ReportScope.all(), instant, false));
  }

  private Report compute(ReportScope scope) {
    return compute(scope, ClockUtil.getCurrentTime().getTime(), true);
  }

  private Report compute(ReportScope scope, long now, boolean live) {
    try {
      Report report = computeOrFail(scope, now, live);
      if (!live) {
        return report;
      }
      Report withTrends = trends.apply(report, now);
      if (scope.isAll()) {
        lastFullReport = withTrends;
        for (Consumer<Report> listener : fullReportListeners) {
          notifyQuietly(listener, withTrends);
        }
      }
      return withTrends;
    } catch (IllegalStateException e) {
      if (causedBySql(e)) {
        throw new ReportUnavailableException(
            "The check-up report cannot be computed now: the database did not "
                + "answer within "
                + queryTimeout.toSeconds()
                + " s or failed. Process "
                + "instances are not affected; try again later.",
            rootMessage(e),
            e);
      }
      throw e;
    }
  }

  private Report computeOrFail(ReportScope scope, long now, boolean live) {
    ReportConfig settings = config;
    long t0 = System.nanoTime();
    ReportScope read = scope.forQueries();
    Map<String, TenantFacts> tenants =
        live ? engineTables.load(read, now, settings) : engineTables.loadAsOf(read, now, settings);
    // left out of the report, or outside the scope: the scope again, in Java, since a database
    // whose collation ignores trailing spaces (MySQL and MariaDB's binary collations do) matches
    // 'acme ' where the caller may see 'acme' only, and a scope of very many tenants is read whole
    tenants
        .keySet()
        .removeIf(tenantId -> exclusions.excludes(tenantId) || !scope.includes(tenantId));
    if (read != scope && scope.includes(null) && !exclusions.excludes(null)) {
      // the tenant-less part, named, is in the report in any case, as when the scope is read
      tenants.computeIfAbsent(null, TenantFacts::new);
    }
    long t1 = System.nanoTime();
    List<TenantFacts.Definition> latest = new ArrayList<>();
    for (TenantFacts facts : tenants.values()) {
      for (TenantFacts.Definition definition : facts.latest.values()) {
        if (!definition.suspended()) {
          latest.add(definition);
        }
      }
    }
    Map<String, ModelProfile> known = profiles.profiles(latest);
    if (scope.isAll() && live) {
      profiles.retainOnly(known.keySet());
    }
    long t2 = System.nanoTime();
    windows.load(read, now, tenants, live);
    windows.loadFlows(
        read, now, tenants, live, (facts, key) -> mayHaveDeadBranch(facts, key, known));
    long t3 = System.nanoTime();
    List<TenantFacts.Definition> redeployed =
        redeployedWithDeadBranches(latest, known, tenants, now, settings);
    if (!redeployed.isEmpty()) {
      windows.loadFlowsSinceDeployment(read, now, tenants, redeployed);
    }
    long t4 = System.nanoTime();
    Peers peerValues = settings.relative() ? peers.at(now) : Peers.NONE;
    Explanations explanations = new Explanations(settings);
    List<TenantReport> reports = new ArrayList<>();
    Evaluation.Counting counting =
        new Evaluation.Counting(windows.statisticsCollected(), windows.countingSince());
    Map<String, Long> firstSeen = trends.firstSeen(now, live);
    for (TenantFacts facts : tenants.values()) {
      facts.firstSnapshotted = firstSeen.get(Snapshot.key(facts.tenantId));
      reports.add(
          Evaluation.evaluate(
              new TenantView(facts, known, now, settings),
              settings,
              counting,
              peerValues,
              explanations));
    }
    reports.sort(
        Comparator.comparingInt(TenantReport::score)
            .thenComparing(report -> report.tenantId() == null ? "" : report.tenantId()));
    if (TIMING.isDebugEnabled()) {
      TIMING.debug(
          "report of {} tenants: engine tables {} ms, model profiles {} ms, statistics {} ms, "
              + "evaluation {} ms",
          reports.size(),
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t4 - t2) / 1_000_000,
          (System.nanoTime() - t4) / 1_000_000);
    }
    return new Report(Instant.ofEpochMilli(now).toString(), reports);
  }

  /**
   * Whether a process of a tenant has a gateway with a flow not taken by the counts so far: only
   * then can its dead-branch answer change (and so only then are today's flows read for it).
   */
  private static boolean mayHaveDeadBranch(
      TenantFacts facts, String key, Map<String, ModelProfile> known) {
    TenantFacts.Definition definition = facts.latest.get(key);
    ModelProfile profile = definition == null ? null : known.get(definition.id());
    if (profile == null) {
      return false;
    }
    Map<String, Long> flows = facts.flows30d.getOrDefault(key, Map.of());
    for (ModelProfile.Gateway gateway : profile.gateways()) {
      if (gateway.anyNeverTaken(flows)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Latest versions deployed within the 30-day window whose gateways the counts of all versions
   * suspect of a dead branch: for them, only the counts since their deployment tell (a branch the
   * new version added cannot have been taken before).
   */
  private static List<TenantFacts.Definition> redeployedWithDeadBranches(
      List<TenantFacts.Definition> latest,
      Map<String, ModelProfile> known,
      Map<String, TenantFacts> tenants,
      long now,
      ReportConfig settings) {
    List<TenantFacts.Definition> redeployed = new ArrayList<>();
    long window = StatisticsWindows.monthStart(now);
    for (TenantFacts.Definition definition : latest) {
      ModelProfile profile = known.get(definition.id());
      if (profile == null
          || definition.version() <= 1
          || definition.deployTime() == null
          || definition.deployTime() < window) {
        continue;
      }
      Map<String, Long> flows =
          tenants.get(definition.tenantId()).flows30d.getOrDefault(definition.key(), Map.of());
      for (ModelProfile.Gateway gateway : profile.gateways()) {
        if (!gateway.neverTaken(flows, settings.deadBranchMinRuns()).flows().isEmpty()) {
          redeployed.add(definition);
          break;
        }
      }
    }
    return redeployed;
  }

  private static boolean causedBySql(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  private ReportUnavailableException unreadable(String what, Exception e) {
    return new ReportUnavailableException(
        "The check-up "
            + what
            + " cannot be read now: the database did not answer within "
            + queryTimeout.toSeconds()
            + " s or failed. Try again later.",
        rootMessage(e),
        e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
