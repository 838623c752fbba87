package io.checkup.report;

import static io.checkup.report.ReportSource.DAY;

import io.checkup.report.Report.IndicatorResult;
import io.checkup.report.Report.NormView;
import io.checkup.report.Report.TenantReport;
import io.checkup.stats.Statistics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The smart check-up: every indicator of every tenant in scope, its norm and status, the risk score and level with
 * the reasons, most at risk first. Reads a fixed number of grouped queries and the stored model profiles; it never
 * parses a model that has been profiled and never reads history tables.
 */
public final class CheckupReport {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("io.checkup.report");

  private final ReportSource source;
  private final ModelProfiles profiles;
  private volatile ReportConfig config;
  private volatile java.util.concurrent.CompletableFuture<Integer> lastWarmUp;
  private java.util.concurrent.ScheduledExecutorService keeper;
  /** The UTC day of the last background report: the next one is due when a new day has begun. */
  private volatile long warmDay = Long.MAX_VALUE;

  private final ReportGate gate;
  private final java.time.Duration queryTimeout;

  /**
   * @param queryTimeout how long one of the report's queries may take, and how long a caller waits for its turn
   *     while another report is computed on this node
   */
  public CheckupReport(DataSource dataSource, String engineTablePrefix, Statistics statistics,
      ModelProfiles profiles, ReportConfig config, java.time.Duration queryTimeout) {
    this.source = new ReportSource(dataSource, engineTablePrefix, statistics, queryTimeout);
    this.profiles = profiles;
    this.config = config;
    this.queryTimeout = queryTimeout;
    this.gate = new ReportGate(queryTimeout.toMillis());
  }

  public ReportConfig config() {
    return config;
  }

  /**
   * Generates one report over all tenants in the background now, and again a minute after each UTC midnight, so that
   * the first report a partner asks for after this node started, or on a new day (when every window slides by a
   * day), finds the settled sums of its windows and the model profiles in memory (docs/report.md: warm-up). Never
   * throws: a failure is logged, and the next report simply does the work itself. Stops with {@link #close()}, or
   * within a minute once {@code alive} says the engine is gone (an engine closed without the plugin hearing of it).
   *
   * @param engineName names the thread, {@code camunda-checkup-report-warm-up-<engine>}
   * @param alive whether the engine still runs; asked once a minute
   * @return the number of tenants, once this warm-up is done
   */
  public java.util.concurrent.CompletableFuture<Integer> warmUp(String engineName,
      java.util.function.BooleanSupplier alive) {
    return warmUp(engineName, alive, 60);
  }

  synchronized java.util.concurrent.CompletableFuture<Integer> warmUp(String engineName,
      java.util.function.BooleanSupplier alive, long tickSeconds) {
    java.util.concurrent.CompletableFuture<Integer> done = new java.util.concurrent.CompletableFuture<>();
    if (keeper == null) {
      keeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "camunda-checkup-report-warm-up-" + engineName);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
      });
      keeper.scheduleWithFixedDelay(() -> tick(alive), tickSeconds, tickSeconds,
          java.util.concurrent.TimeUnit.SECONDS);
    }
    keeper.execute(() -> generateInBackground(done, "report warmed up"));
    lastWarmUp = done;
    return done;
  }

  /** Once a minute: stop when the engine is gone; slide the windows once a new UTC day has begun. */
  private void tick(java.util.function.BooleanSupplier alive) {
    if (!alive.getAsBoolean()) {
      close();
      return;
    }
    long now = ClockUtil.getCurrentTime().getTime();
    if (now - Math.floorMod(now, DAY) > warmDay) {
      generateInBackground(new java.util.concurrent.CompletableFuture<>(), "report slid to the new day");
    }
  }

  private void generateInBackground(java.util.concurrent.CompletableFuture<Integer> done, String what) {
    long started = System.nanoTime();
    long now = ClockUtil.getCurrentTime().getTime();
    try {
      int tenants = generate(ReportScope.all()).tenants().size();
      warmDay = now - Math.floorMod(now, DAY);
      LOG.info("camunda-checkup: {} in {} ms ({} tenants), in the background: the next report asked for is as fast "
          + "as any other", what, (System.nanoTime() - started) / 1_000_000, tenants);
      done.complete(tenants);
    } catch (VirtualMachineError e) {
      done.completeExceptionally(e);
      throw e;
    } catch (Throwable e) {
      // anything else: logged, and the next tick tries again; an escaping throwable would end the schedule
      warmDay = now - Math.floorMod(now, DAY);
      LOG.warn("camunda-checkup: generating the report in the background failed ({}); the next report asked for "
          + "does the work itself", e.toString());
      done.completeExceptionally(e);
    }
  }

  /** Stops the background warm-up (the engine's close does this), waiting a few seconds for a report under way. */
  public void close() {
    java.util.concurrent.ScheduledExecutorService stopping;
    synchronized (this) {
      stopping = keeper;
      keeper = null;
    }
    if (stopping == null) {
      return;
    }
    stopping.shutdownNow();
    java.util.concurrent.CompletableFuture<Integer> last = lastWarmUp;
    if (last != null) {
      last.cancel(false); // no effect when done; a warm-up that never ran does not leave its waiters hanging
    }
    try {
      if (!stopping.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
        LOG.debug("camunda-checkup: the report warm-up is still finishing a query while the engine closes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last warm-up started on this node, if any. */
  public java.util.Optional<java.util.concurrent.CompletableFuture<Integer>> lastWarmUp() {
    return java.util.Optional.ofNullable(lastWarmUp);
  }

  /**
   * How often this node read the settled part of a window (the days before yesterday, the hours before the last)
   * whole instead of sliding it: once per window after start, and again after a late write into settled periods.
   */
  public long settledWindowsReadWhole() {
    return source.settledWindowsReadWhole();
  }

  /** Replaces the norms and settings (takes effect with the next report). */
  public void config(ReportConfig newConfig) {
    this.config = newConfig;
  }

  /**
   * The report over the tenants in scope, as of the engine's clock. One report is computed at a time on a node;
   * callers whose scope it covers share it.
   *
   * @throws ReportUnavailableException when the database does not answer within the query timeout, or another
   *     report holds the node's turn for longer than that
   */
  public Report generate(ReportScope scope) {
    return gate.run(scope, this::compute);
  }

  private Report compute(ReportScope scope) {
    try {
      return computeOrFail(scope);
    } catch (IllegalStateException e) {
      if (causedBySql(e)) {
        throw new ReportUnavailableException("The check-up report cannot be computed now: the database did not "
            + "answer within " + queryTimeout.toSeconds() + " s or failed (" + rootMessage(e) + "). Process "
            + "instances are not affected; try again later.", e);
      }
      throw e;
    }
  }

  private static boolean causedBySql(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private Report computeOrFail(ReportScope scope) {
    ReportConfig settings = config;
    long now = ClockUtil.getCurrentTime().getTime();
    Map<String, TenantFacts> tenants = source.load(scope, now, settings);
    List<TenantFacts.Definition> latest = new ArrayList<>();
    for (TenantFacts facts : tenants.values()) {
      for (TenantFacts.Definition definition : facts.latest.values()) {
        if (!definition.suspended()) {
          latest.add(definition);
        }
      }
    }
    Map<String, ModelProfile> known = profiles.profiles(latest);
    if (scope.isAll()) {
      profiles.retainOnly(known.keySet());
    }
    List<TenantFacts.Definition> redeployed = new ArrayList<>();
    long window = ReportSource.monthStart(now);
    for (TenantFacts.Definition definition : latest) {
      ModelProfile profile = known.get(definition.id());
      TenantFacts facts = tenants.get(definition.tenantId());
      if (profile != null && definition.version() > 1 && definition.deployTime() != null
          && definition.deployTime() >= window && profile.gateways().stream().anyMatch(gateway -> !deadFlows(
              gateway, facts.flows30d.getOrDefault(definition.key(), Map.of()), settings.deadBranchMinRuns())
              .flows().isEmpty())) {
        redeployed.add(definition);
      }
    }
    if (!redeployed.isEmpty()) {
      source.loadFlowsSinceDeployment(scope, now, tenants, redeployed);
    }
    List<TenantReport> reports = new ArrayList<>();
    for (TenantFacts facts : tenants.values()) {
      reports.add(new TenantEvaluation(facts, known, now, settings, source.statisticsCollected()).report());
    }
    reports.sort(Comparator.comparingInt(TenantReport::score)
        .thenComparing(report -> report.tenantId() == null ? "" : report.tenantId()));
    return new Report(Instant.ofEpochMilli(now).toString(), reports);
  }

  /** A gateway's runs, and the flows it never took when it ran often enough to tell. */
  record DeadFlows(long runs, List<String> flows) {
  }

  static DeadFlows deadFlows(ModelProfile.Gateway gateway, Map<String, Long> flows, long minRuns) {
    long runs = 0;
    for (String flow : gateway.flows()) {
      long taken = flows.getOrDefault(flow, 0L);
      // an inclusive gateway may take several flows per run: its busiest flow is a lower bound of its runs
      runs = gateway.type().equals("inclusiveGateway") ? Math.max(runs, taken) : runs + taken;
    }
    if (runs < minRuns) {
      return new DeadFlows(runs, List.of());
    }
    return new DeadFlows(runs, gateway.flows().stream().filter(flow -> flows.getOrDefault(flow, 0L) == 0).toList());
  }

  /** The working-out for one tenant. */
  private static final class TenantEvaluation {
    private final TenantFacts facts;
    private final Map<String, ModelProfile> profiles;
    private final long now;
    private final long today;
    private final ReportConfig config;
    private final boolean statistics;
    private final Integer users;
    private final Integer ageDays;
    private final String sizeClass;
    private final Map<Indicator, IndicatorResult> results = new EnumMap<>(Indicator.class);
    private final Map<Indicator, Double> penalties = new EnumMap<>(Indicator.class);

    TenantEvaluation(TenantFacts facts, Map<String, ModelProfile> profiles, long now, ReportConfig config,
        boolean statistics) {
      this.facts = facts;
      this.profiles = profiles;
      this.now = now;
      this.today = now - Math.floorMod(now, DAY);
      this.config = config;
      this.statistics = statistics;
      this.users = facts.users == null ? null : facts.users.size();
      this.ageDays = facts.firstDeployment == null ? null : (int) ((now - facts.firstDeployment) / DAY);
      this.sizeClass = config.sizeClass(facts.tenantId, users);
    }

    TenantReport report() {
      List<TenantFacts.Definition> active = new ArrayList<>();
      for (TenantFacts.Definition definition : facts.latest.values()) {
        if (!definition.suspended()) {
          active.add(definition);
        }
      }
      modelIndicators(active);
      usageIndicators(active);
      runtimeIndicators();
      double lost = 0;
      for (double penalty : penalties.values()) {
        lost += penalty;
      }
      int score = (int) Math.max(0, Math.round(100 - lost));
      String level = score >= config.healthyFrom() ? "healthy" : score >= config.attentionFrom() ? "attention"
          : "at-risk";
      ReportConfig.TenantSettings settings = config.tenant(facts.tenantId);
      List<Long> perDay = new ArrayList<>();
      for (int day = 27; day >= 0; day--) {
        perDay.add(launchesOn(today - day * DAY));
      }
      return new TenantReport(facts.tenantId, level, score, reasons(), List.copyOf(results.values()),
          facts.tenantId == null ? "(default)" : facts.name, settings == null ? null : settings.plan(), sizeClass,
          settings == null ? null : settings.profile(), users, ageDays,
          new Report.Launches(ReportSource.day(today - 27 * DAY).toString(), perDay));
    }

    // ---- the indicators ----

    private void modelIndicators(List<TenantFacts.Definition> active) {
      put(Indicator.MODELS_LAST_CHANGE,
          facts.lastChange == null ? null : (long) ((now - facts.lastChange) / DAY),
          facts.lastChange == null ? List.of() : List.of(item("lastDeployment",
              Instant.ofEpochMilli(facts.lastChange).toString())));
      put(Indicator.MODELS_TOTAL, (long) active.size(), List.of());
      Set<String> kinds = new TreeSet<>();
      long elements = 0;
      long conditions = 0;
      long multiBranch = 0;
      long notifications = 0;
      long distribution = 0;
      long experiments = 0;
      long timers = 0;
      List<Map<String, Object>> cascades = new ArrayList<>();
      List<Map<String, Object>> fakes = new ArrayList<>();
      long cascadeCount = 0;
      long fakeCount = 0;
      for (TenantFacts.Definition definition : active) {
        ModelProfile profile = profiles.get(definition.id());
        if (profile == null) {
          continue;
        }
        kinds.addAll(profile.kinds());
        elements += profile.flowNodes();
        conditions += profile.conditions();
        multiBranch += profile.multiBranch();
        notifications += profile.notifications();
        distribution += profile.workDistribution();
        experiments += profile.experiments();
        timers += profile.slaTimers();
        for (ModelProfile.Cascade cascade : profile.cascades()) {
          cascadeCount++;
          if (cascades.size() < config.detailsLimit()) {
            Map<String, Object> item = process(definition);
            item.put("gatewayId", cascade.root());
            item.put("gateways", cascade.gateways());
            item.put("outcomes", cascade.outcomes());
            cascades.add(item);
          }
        }
        for (ModelProfile.ElementIssue fake : profile.fakeBranches()) {
          fakeCount++;
          if (fakes.size() < config.detailsLimit()) {
            Map<String, Object> item = process(definition);
            item.put("elementId", fake.elementId());
            item.put("message", fake.message());
            fakes.add(item);
          }
        }
      }
      put(Indicator.ELEMENTS_DIVERSITY, (long) kinds.size(),
          kinds.isEmpty() ? List.of() : List.of(item("kinds", List.copyOf(kinds))));
      put(Indicator.ELEMENTS_TOTAL, elements, List.of());
      put(Indicator.GATEWAYS_CONDITIONS, conditions, List.of());
      put(Indicator.GATEWAYS_MULTI_BRANCH, multiBranch, List.of());
      put(Indicator.GATEWAYS_CASCADES, cascadeCount, cascades);
      put(Indicator.ELEMENTS_FAKE, fakeCount, fakes);
      put(Indicator.CAPABILITY_NOTIFICATIONS, notifications, List.of());
      put(Indicator.CAPABILITY_WORK_DISTRIBUTION, distribution, List.of());
      put(Indicator.CAPABILITY_EXPERIMENTS, experiments, List.of());
      put(Indicator.CAPABILITY_SLA_TIMERS, timers, List.of());
    }

    private void usageIndicators(List<TenantFacts.Definition> active) {
      long activeKeys = facts.latest.keySet().stream().filter(facts.activeKeys::contains).count();
      put(Indicator.PROCESSES_ACTIVE, activeKeys, List.of());
      List<Map<String, Object>> unused = new ArrayList<>();
      long unusedCount = 0;
      for (TenantFacts.Definition definition : active) {
        if (!facts.activeKeys.contains(definition.key())) {
          unusedCount++;
          if (unused.size() < config.detailsLimit()) {
            unused.add(process(definition));
          }
        }
      }
      put(Indicator.PROCESSES_UNUSED, unusedCount, unused);

      long launches = facts.launchesWeekEdge;
      for (int day = 0; day < 7; day++) {
        launches += launchesOn(today - day * DAY);
      }
      put(Indicator.LAUNCHES, launches, List.of());
      put(Indicator.LAUNCHES_PER_USER, users == null || users == 0 ? null : round1((double) launches / users),
          List.of());
      long lastWeek = 0;
      long before = 0;
      for (int day = 1; day <= 28; day++) {
        if (day <= 7) {
          lastWeek += launchesOn(today - day * DAY);
        } else {
          before += launchesOn(today - day * DAY);
        }
      }
      double weeklyBefore = before / 3.0;
      put(Indicator.LAUNCHES_TREND, weeklyBefore == 0 ? null : round1((lastWeek - weeklyBefore) / weeklyBefore * 100),
          List.of());

      Set<String> digitized = new HashSet<>(facts.assignees30d);
      List<Map<String, Object>> left = new ArrayList<>();
      if (facts.users != null) {
        digitized.retainAll(facts.users);
        for (String user : new TreeSet<>(facts.users)) {
          if (!digitized.contains(user) && left.size() < config.detailsLimit()) {
            left.add(item("userId", user));
          }
        }
      }
      put(Indicator.USERS_DIGITIZED, users == null || users == 0 ? null : (long) digitized.size(), left);
      int workers = facts.users == null || facts.users.isEmpty() ? facts.assignees30d.size() : digitized.size();
      put(Indicator.TASKS_PER_USER, workers == 0 ? null : round1((double) facts.tasksCreated7d / workers), List.of());
      put(Indicator.ACTIONS, facts.actions24h, List.of());

      List<Map<String, Object>> dead = new ArrayList<>();
      long deadCount = 0;
      for (TenantFacts.Definition definition : active) {
        ModelProfile profile = profiles.get(definition.id());
        if (profile == null) {
          continue;
        }
        Map<String, Long> flows = facts.flowsSinceDeployment.containsKey(definition.key())
            ? facts.flowsSinceDeployment.get(definition.key())
            : facts.flows30d.getOrDefault(definition.key(), Map.of());
        for (ModelProfile.Gateway gateway : profile.gateways()) {
          DeadFlows found = deadFlows(gateway, flows, config.deadBranchMinRuns());
          for (String flow : found.flows()) {
            deadCount++;
            if (dead.size() < config.detailsLimit()) {
              Map<String, Object> item = process(definition);
              item.put("gatewayId", gateway.id());
              item.put("flowId", flow);
              item.put("gatewayRuns", found.runs());
              dead.add(item);
            }
          }
        }
      }
      put(Indicator.DEAD_BRANCHES, deadCount, dead);
    }

    private void runtimeIndicators() {
      put(Indicator.INCIDENTS_OPEN, facts.incidents.count, facts.incidents.items);
      put(Indicator.INSTANCES_STUCK, facts.stuck.count, facts.stuck.items);
      put(Indicator.TASKS_OVERDUE, facts.overdue.count, facts.overdue.items);
      put(Indicator.TASKS_UNASSIGNED_STALE, facts.unassigned.count, facts.unassigned.items);
    }

    private long launchesOn(long day) {
      return facts.launchesPerDay.getOrDefault(ReportSource.day(day), 0L);
    }

    // ---- norms, status, explanation ----

    private void put(Indicator indicator, Number value, List<Map<String, Object>> details) {
      Norm norm = config.norm(indicator, facts.tenantId, sizeClass);
      String note = null;
      if (indicator.fromStatistics() && !statistics) {
        value = null;
        note = "n/a: the runtime statistics are switched off (statsEnabled=false).";
      }
      Double min = norm.min();
      if (norm.minShareOfUsers() != null) {
        min = users == null || users == 0 ? null : Math.ceil(users * norm.minShareOfUsers() - 1e-9);
      }
      boolean minApplies = min != null
          && (norm.minAfterAgeDays() == null || (ageDays != null && ageDays >= norm.minAfterAgeDays()));
      if (min != null && !minApplies && note == null) {
        note = "The lower bound applies from an age of " + norm.minAfterAgeDays() + " days; this tenant is "
            + (ageDays == null ? "without deployments" : ageDays + " days old") + ".";
      }
      Double max = norm.max();
      if (norm.off()) {
        minApplies = false;
        max = null;
        note = note == null ? "n/a: switched off for this tenant's size class or settings." : note;
      }
      String status;
      if (value == null || (!minApplies && max == null)) {
        status = "n/a";
        if (value == null && note == null) {
          note = "n/a: " + whyNoValue(indicator);
        }
      } else {
        double v = value.doubleValue();
        double gap = 0;
        if (minApplies && v < min) {
          gap = min == 0 ? Double.POSITIVE_INFINITY : (min - v) / Math.abs(min);
        } else if (max != null && v > max) {
          gap = max == 0 ? Double.POSITIVE_INFINITY : (v - max) / Math.abs(max);
        }
        status = gap == 0 ? "ok" : gap <= config.warningMargin() ? "warning" : "out-of-norm";
        double weight = config.weight(indicator);
        if (status.equals("out-of-norm")) {
          penalties.put(indicator, weight);
        } else if (status.equals("warning")) {
          penalties.put(indicator, weight / 2);
        }
      }
      Double shownMin = minApplies ? min : null;
      NormView view = new NormView(number(shownMin), number(max));
      String normText = Texts.norm(indicator, shownMin, max, norm.minShareOfUsers() != null ? users : null);
      StringBuilder explanation = new StringBuilder("Norm: ").append(normText).append(". ")
          .append(indicator.meaning()).append(" What to do: ").append(indicator.advice());
      if (note != null) {
        explanation.append(' ').append(note);
      }
      results.put(indicator, new IndicatorResult(indicator.id(), value, view, status, explanation.toString(),
          details, indicator.title()));
    }

    private String whyNoValue(Indicator indicator) {
      return switch (indicator) {
        case MODELS_LAST_CHANGE -> "nothing has been deployed yet.";
        case LAUNCHES_TREND -> "no launches in the 3 weeks before the last 7 days to compare with.";
        case LAUNCHES_PER_USER, USERS_DIGITIZED -> "the tenant has no users in the identity service.";
        case TASKS_PER_USER -> "nobody was given a user task in the last 30 days.";
        default -> "no value.";
      };
    }

    private List<String> reasons() {
      List<Indicator> costly = new ArrayList<>(penalties.keySet());
      costly.sort(Comparator.comparingDouble((Indicator i) -> -penalties.get(i)).thenComparing(Enum::ordinal));
      List<String> reasons = new ArrayList<>();
      for (Indicator indicator : costly.subList(0, Math.min(config.reasons(), costly.size()))) {
        IndicatorResult result = results.get(indicator);
        reasons.add(indicator.title() + ": " + Texts.value(indicator, result.value()) + " (norm "
            + Texts.norm(indicator, toDouble(result.norm().min()), toDouble(result.norm().max()),
                config.norm(indicator, facts.tenantId, sizeClass).minShareOfUsers() != null ? users : null)
            + "); " + indicator.consequence() + ".");
      }
      return reasons;
    }

    private static Map<String, Object> process(TenantFacts.Definition definition) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("processKey", definition.key());
      item.put("processName", definition.name());
      item.put("processDefinitionId", definition.id());
      item.put("version", definition.version());
      return item;
    }

    private static Map<String, Object> item(String key, Object value) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(key, value);
      return item;
    }
  }

  static Double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /** Whole numbers as longs, so that JSON shows 1000 and not 1000.0. */
  static Number number(Double value) {
    if (value == null) {
      return null;
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) value.longValue() : value;
  }

  private static Double toDouble(Number value) {
    return value == null ? null : value.doubleValue();
  }

  /** Plain-words rendering of values and norms. */
  static final class Texts {
    private Texts() {
    }

    static String value(Indicator indicator, Number value) {
      if (value == null) {
        return "n/a";
      }
      String number = format(value.doubleValue());
      return switch (indicator.unit()) {
        case DAYS -> number + " days";
        case PERCENT -> (value.doubleValue() > 0 ? "+" : "") + number + " %";
        default -> number;
      };
    }

    static String norm(Indicator indicator, Double min, Double max, Integer users) {
      String unit = indicator.unit() == Indicator.Unit.DAYS ? " days"
          : indicator.unit() == Indicator.Unit.PERCENT ? " %" : "";
      if (min == null && max == null) {
        return "none applies";
      }
      if (indicator.unit() == Indicator.Unit.PERCENT && min != null && min < 0 && max == null) {
        return "no drop of more than " + format(-min) + " %";
      }
      if (min != null && max != null) {
        return format(min) + " to " + format(max) + unit;
      }
      if (min != null) {
        if (users != null) {
          return "at least " + format(min) + " of the tenant's " + users + " users";
        }
        return min == 1 && indicator.id().startsWith("capability.") ? "present" : "at least " + format(min) + unit;
      }
      return max == 0 ? "none" : "at most " + format(max) + unit;
    }

    static String format(double value) {
      if (value == Math.rint(value)) {
        return String.format(Locale.ENGLISH, "%,d", (long) value);
      }
      return String.format(Locale.ENGLISH, "%,.1f", value);
    }
  }

  /** Days of the launch chart, oldest first (for renderers). */
  static List<LocalDate> chartDays(Report.Launches launches) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate from = LocalDate.parse(launches.from());
    for (int i = 0; i < launches.perDay().size(); i++) {
      days.add(from.plusDays(i));
    }
    return days;
  }
}
