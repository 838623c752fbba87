package io.checkup.report;

import io.checkup.stats.UtcPeriods;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The check-up's indicators (../shared/spec/checkup-metrics.md), one constant each: its id, title,
 * unit, default norm and risk weight, the plain words a partner reads (what it measures, what an
 * out-of-norm value means, what to do), and the code that measures it from a tenant's facts.
 * Everything about one indicator is in its constant; the evaluation (norm, status, score) is the
 * same for all of them ({@link Evaluation}). docs/report.md is the same catalog for people; a test
 * keeps the two in step.
 */
public enum Indicator {
  MODELS_LAST_CHANGE(
      about("models.last-change-days", "Days since a process was last changed", Unit.DAYS)
          .norm(Norm.max(30))
          .weight(6)
          .consequence("processes are not adapted to a changing business")
          .meaning(
              "Counts the days since the newest deployment that added or changed a process definition. Processes that are "
                  + "never adapted stop matching how the business works; the account may be being abandoned.")
          .advice(
              "Review the processes with the client's process owner; adapt at least one to what changed in their work.")
          .noValue("nothing has been deployed yet.")) {
    @Override
    Measurement measure(TenantView tenant) {
      Long lastChange = tenant.facts().lastChange;
      if (lastChange == null) {
        return Measurement.none();
      }
      return Measurement.of(
          UtcPeriods.daysBetween(lastChange, tenant.now()),
          List.of(TenantView.item("lastDeployment", Instant.ofEpochMilli(lastChange).toString())));
    }
  },

  MODELS_TOTAL(
      about("models.total", "Processes deployed", Unit.COUNT)
          .norm(Norm.min(20).minAfterAge(180))
          .weight(3)
          .consequence("automation covers too little of the business")
          .meaning(
              "Process definition keys deployed (latest versions, not suspended). Below the norm, automation covers too "
                  + "little of the client's business to be indispensable.")
          .advice(
              "Find the next manual routines (approvals, requests, follow-ups) and model them.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return Measurement.of((long) tenant.active().size());
    }
  },

  PROCESSES_ACTIVE(
      about("processes.active-7d", "Processes in use in the last 7 days", Unit.COUNT)
          .norm(Norm.range(10, 50))
          .weight(15)
          .fromStatistics(7)
          .consequence("few processes are part of daily work")
          .above(
              "more processes in use than such an account usually runs",
              "check that each process solves a real task: processes added just to raise activity do not help.")
          .meaning(
              "Process keys with at least one instance started or one element completed in the last 7 days. An account where "
                  + "automation is an inseparable part of daily work has this many.")
          .advice(
              "Ask which processes people bypass and why; fix or retire them, and automate the work they do by hand.")) {
    @Override
    Measurement measure(TenantView tenant) {
      TenantFacts facts = tenant.facts();
      long active = 0;
      for (String key : facts.latest.keySet()) {
        if (facts.activeKeys.contains(key)) {
          active++;
        }
      }
      return Measurement.of(active);
    }
  },

  PROCESSES_UNUSED(
      about("processes.unused-7d", "Processes unused for 7 days", Unit.COUNT)
          .norm(Norm.max(10))
          .weight(5)
          .fromStatistics(7)
          .consequence("the client is going back to manual work")
          .meaning(
              "Deployed, not suspended process keys with no activity in the last 7 days (listed in the details); a key "
                  + "first deployed less than 7 days ago has not had its 7 days yet (a new version does not make it new). A growing "
                  + "number of idle processes means the client is going back to manual work; idle processes also load the "
                  + "engine.")
          .advice(
              "Revive the listed processes with the people who should use them, or suspend or remove them.")) {
    @Override
    Measurement measure(TenantView tenant) {
      TenantView.Details unused = tenant.details();
      long sevenDaysAgo = tenant.now() - 7 * UtcPeriods.DAY;
      for (TenantFacts.Definition definition : tenant.active()) {
        Long first = tenant.facts().keyFirstDeployed.get(definition.key());
        boolean hadItsWeek = first == null || first <= sevenDaysAgo;
        if (hadItsWeek && !tenant.facts().activeKeys.contains(definition.key())) {
          unused.add(() -> TenantView.process(definition));
        }
      }
      return unused.measurement();
    }
  },

  LAUNCHES(
      about("launches.7d", "Process launches in the last 7 days", Unit.COUNT)
          .norm(Norm.range(1_000, 10_000))
          .weight(25)
          .fromStatistics(7)
          .consequence("the client may find manual work cheaper than automation")
          .above(
              "more launches than an account of this size usually has",
              "look for processes that start each other in loops; a client this busy may belong in a larger size "
                  + "class, or need norms of its own.")
          .meaning(
              "Process instances started in the last 7 days. The main indicator of churn risk: below the norm the client "
                  + "finds manual work cheaper than automation. Adding processes just to raise it does not help: processes "
                  + "must solve real tasks.")
          .advice(
              "Find where work still happens outside the processes (mail, spreadsheets, phone) and start it from a process.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return Measurement.of(tenant.launches7d());
    }
  },

  LAUNCHES_PER_USER(
      about("launches.per-user-7d", "Launches per user in the last 7 days", Unit.DECIMAL)
          .norm(Norm.min(200))
          .weight(10)
          .fromStatistics(7)
          .consequence("users do most of their work outside the processes")
          .meaning(
              "Launches in the last 7 days divided by the tenant's users. One sales manager handles about 100 deals a week, "
                  + "each with at least 3 processes (main and helpers): about 200 launches per user and week is the floor; "
                  + "1,000 a week for 5 users is close to critical.")
          .advice(
              "Bring each user's daily work into processes: start processes from the events they handle by hand.")
          .noValue(
              "the identity service names no users of the tenant (none, or memberships kept outside the "
                  + "engine's tables, as with LDAP).")) {
    @Override
    Measurement measure(TenantView tenant) {
      Integer users = tenant.users();
      return Measurement.of(
          users == null || users == 0 ? null : round1((double) tenant.launches7d() / users));
    }
  },

  LAUNCHES_TREND(
      about("launches.trend", "Launch trend against the 3 weeks before", Unit.PERCENT)
          .norm(Norm.min(-30))
          .weight(15)
          .fromStatistics(28)
          .consequence("use is falling, which comes before a cancellation")
          .meaning(
              "Launches of the last 7 complete days against the weekly mean of the 3 weeks before, in percent. A falling "
                  + "trend comes before a cancellation.")
          .advice("Talk to the client now: find out which processes lost their users and why.")
          .noValue("no launches in the 3 weeks before the last 7 days to compare with.")) {
    @Override
    Measurement measure(TenantView tenant) {
      long lastWeek = 0;
      long before = 0;
      for (int day = 1; day <= 28; day++) {
        long launches = tenant.launchesOn(tenant.today() - day * UtcPeriods.DAY);
        if (day <= 7) {
          lastWeek += launches;
        } else {
          before += launches;
        }
      }
      double weeklyBefore = before / 3.0;
      return Measurement.of(
          weeklyBefore == 0 ? null : round1((lastWeek - weeklyBefore) / weeklyBefore * 100));
    }
  },

  ELEMENTS_DIVERSITY(
      about("elements.diversity", "Kinds of elements used", Unit.COUNT)
          .norm(Norm.min(18))
          .weight(3)
          .consequence("processes are too simple to solve the client's problems")
          .meaning(
              "Distinct element kinds across the latest process definitions (each task, gateway and event type counts once, "
                  + "events by event definition, markers and call activities as kinds of their own). Detailed processes solve "
                  + "the client's problems, which is what the client pays for: the more kinds, the lower the churn.")
          .advice(
              "Use what BPMN offers: timers for deadlines, messages between processes, error handling, sub-processes.")) {
    @Override
    Measurement measure(TenantView tenant) {
      Set<String> kinds = new TreeSet<>();
      for (TenantFacts.Definition definition : tenant.active()) {
        ModelProfile profile = tenant.profile(definition);
        if (profile != null) {
          kinds.addAll(profile.kinds());
        }
      }
      return Measurement.of(
          (long) kinds.size(),
          kinds.isEmpty() ? List.of() : List.of(TenantView.item("kinds", List.copyOf(kinds))));
    }
  },

  ELEMENTS_TOTAL(
      about("elements.total", "Elements in the processes", Unit.COUNT)
          .norm(Norm.min(30).minAfterAge(180))
          .weight(2)
          .consequence("processes are not worked out in enough detail")
          .meaning(
              "Flow elements across the latest process definitions. Below the norm the processes are not worked out in "
                  + "enough detail.")
          .advice(
              "Model the steps people still do outside the process: checks, follow-ups, notifications.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return Measurement.of(sum(tenant, ModelProfile::flowNodes));
    }
  },

  USERS_DIGITIZED(
      about("users.digitized-30d", "Users given work by processes in the last 30 days", Unit.COUNT)
          .norm(Norm.shareOfUsers(2.0 / 3.0))
          .weight(8)
          .fromStatistics(30)
          .consequence("many users work outside the automated processes")
          .meaning(
              "Users of the tenant who were given at least one user task in the last 30 days; at most a third of the users "
                  + "should be left out. The users left out are listed in the details.")
          .advice(
              "Bring processes into the work of the users left out: give them tasks instead of mail and calls.")
          .noValue(
              "the identity service names no users of the tenant (none, or memberships kept outside the "
                  + "engine's tables, as with LDAP).")
          .detailsCaption("Given no work")) {
    @Override
    Measurement measure(TenantView tenant) {
      TenantFacts facts = tenant.facts();
      List<Map<String, Object>> left = new ArrayList<>();
      if (facts.users != null) {
        Set<String> digitized = tenant.digitized();
        for (String user : new TreeSet<>(facts.users)) {
          if (!digitized.contains(user) && left.size() < tenant.config().detailsLimit()) {
            left.add(TenantView.item("userId", user));
          }
        }
      }
      Integer users = tenant.users();
      long leftOut = facts.users == null ? 0 : facts.users.size() - tenant.digitized().size();
      return Measurement.listing(
          users == null || users == 0 ? null : (long) tenant.digitized().size(), left, leftOut);
    }
  },

  TASKS_PER_USER(
      about("tasks.per-user-7d", "User tasks per working user in the last 7 days", Unit.DECIMAL)
          .norm(Norm.range(100, 200))
          .weight(5)
          .fromStatistics(7)
          .consequence("too few incoming leads or requests")
          .above(
              "users get more tasks than they can handle",
              "share the work among more people, or automate the steps people repeat most.")
          .meaning(
              "User tasks created in the last 7 days per user who got work in the last 30 days (call-centre profile: up to "
                  + "400). Too few tasks often means too few incoming leads or requests. Every user task of the "
                  + "tenant's processes counts, whoever it goes to; it is divided by the tenant's members given work "
                  + "(by everyone given work in a tenant without members).")
          .advice(
              "Check the inflow of work; the client may need marketing automation to bring in more requests.")
          .noValue(
              "no member of the tenant (no one at all, in a tenant without members) was given a user "
                  + "task in the last 30 days.")) {
    @Override
    Measurement measure(TenantView tenant) {
      TenantFacts facts = tenant.facts();
      int workers =
          facts.users == null || facts.users.isEmpty()
              ? facts.assignees30d.size()
              : tenant.digitized().size();
      return Measurement.of(workers == 0 ? null : round1((double) facts.tasksCreated7d / workers));
    }
  },

  GATEWAYS_CONDITIONS(
      about("gateways.conditions", "Conditions (two-way exclusive gateways)", Unit.COUNT)
          .norm(Norm.range(50, 1_000).minAfterAge(180))
          .weight(2)
          .consequence("processes lack detail, or evaluate too many conditions")
          .meaning(
              "Exclusive gateways that split in two (those with 3 or more outgoing flows are multi-branch conditions). Too "
                  + "few: the processes lack detail; too many: processes run slower.")
          .advice(
              "Too few: model the decisions people take by hand. Too many: replace cascades by one multi-branch gateway.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return Measurement.of(sum(tenant, ModelProfile::conditions));
    }
  },

  GATEWAYS_MULTI_BRANCH(
      about("gateways.multi-branch", "Multi-branch conditions", Unit.COUNT)
          .norm(Norm.min(10))
          .weight(2)
          .consequence(
              "decisions with more than two outcomes are modelled as chains of two-way conditions, or not at all")
          .meaning(
              "Exclusive gateways with 3 or more outgoing flows. One multi-branch gateway replaces a whole cascade, with "
                  + "fewer evaluations and faster runs.")
          .advice(
              "Merge chains of two-way gateways into one gateway with one outgoing flow per outcome.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return Measurement.of(sum(tenant, ModelProfile::multiBranch));
    }
  },

  GATEWAYS_CASCADES(
      about("gateways.cascades", "Cascaded conditions", Unit.COUNT)
          .norm(Norm.max(0))
          .weight(2)
          .consequence("decisions are evaluated one after another instead of at once")
          .meaning(
              "Chains of exclusive gateways that decide one question step by step (lint rule cascaded-conditions; the "
                  + "gateways of each chain are listed in the details).")
          .advice("Replace each listed cascade by one multi-branch gateway.")) {
    @Override
    Measurement measure(TenantView tenant) {
      TenantView.Details cascades = tenant.details();
      tenant.listFromProfiles(
          cascades,
          ModelProfile::cascades,
          (cascade, item) -> {
            item.put("gatewayId", cascade.root());
            item.put("gateways", cascade.gateways());
            item.put("outcomes", cascade.outcomes());
          });
      return cascades.measurement();
    }
  },

  ELEMENTS_FAKE(
      about("elements.fake", "Unfinished branches", Unit.COUNT)
          .norm(Norm.max(0))
          .weight(2)
          .consequence("processes contain unfinished work")
          .meaning(
              "Branches that lead nowhere or only to an empty end (lint rule fake-branch; each is listed in the details). "
                  + "Working processes must not contain them.")
          .advice("Finish the listed branches or remove them.")) {
    @Override
    Measurement measure(TenantView tenant) {
      TenantView.Details fakes = tenant.details();
      tenant.listFromProfiles(
          fakes,
          ModelProfile::fakeBranches,
          (fake, item) -> {
            item.put("elementId", fake.elementId());
            item.put("message", fake.message());
          });
      return fakes.measurement();
    }
  },

  MODELS_ERRORS(
      about("models.errors", "Processes with model errors", Unit.COUNT)
          .norm(Norm.max(0))
          .weight(4)
          .consequence("processes can hang or never reach a step")
          .meaning(
              "Latest process versions with lint findings of severity error that no other indicator "
                  + "counts: deadlocks, unreachable elements, broken timers and the like (each finding "
                  + "is listed in the details with its process, element and rule). A process that can "
                  + "hang or never reach a step silently loses work.")
          .advice(
              "Fix the listed models before users meet the problem; docs/rules explains each rule.")) {
    @Override
    Measurement measure(TenantView tenant) {
      TenantView.Details errors = tenant.details();
      long processes =
          tenant.listFromProfiles(
              errors,
              ModelProfile::errors,
              (error, item) -> {
                item.put("elementId", error.elementId());
                item.put("rule", error.rule());
                item.put("message", error.message());
              });
      Measurement findings = errors.measurement();
      // the value counts processes, the details findings: as many as there are, the first listed
      return Measurement.listing(processes, findings.details(), findings.elements());
    }
  },

  CAPABILITY_NOTIFICATIONS(
      about("capability.notifications", "Notification steps", Unit.COUNT)
          .norm(Norm.min(1))
          .weight(1)
          .consequence("nobody hears of problems automatically")
          .meaning(
              "Send tasks, message or signal throw events, mail or HTTP connectors. Without any, managers never hear of "
                  + "incidents and the client does no CRM marketing: money is lost.")
          .advice("Notify the responsible manager at the key moments of the main processes.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return Measurement.of(sum(tenant, ModelProfile::notifications));
    }
  },

  CAPABILITY_WORK_DISTRIBUTION(
      about("capability.work-distribution", "Work offered to groups", Unit.COUNT)
          .norm(Norm.min(1))
          .weight(1)
          .consequence("work is not distributed across people")
          .meaning(
              "User tasks offered to candidate groups or users rather than fixed to one assignee. Distributing work across "
                  + "people makes the benefit obvious to the client.")
          .advice(
              "Offer tasks to a team (candidate group) and let the first free person take them.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return Measurement.of(sum(tenant, ModelProfile::workDistribution));
    }
  },

  CAPABILITY_EXPERIMENTS(
      about("capability.experiments", "Split experiments", Unit.COUNT)
          .norm(Norm.min(1))
          .weight(1)
          .consequence("no hypotheses are tested")
          .meaning(
              "Gateways that split by a random or percentage expression, or elements marked as experiments (extension "
                  + "property checkup:experiment). Testing hypotheses finds the most effective way of working. Off for small "
                  + "accounts.")
          .advice("Try two ways of handling a case side by side and keep the better one.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return Measurement.of(sum(tenant, ModelProfile::experiments));
    }
  },

  CAPABILITY_SLA_TIMERS(
      about("capability.sla-timers", "Deadlines on user tasks", Unit.COUNT)
          .norm(Norm.min(1))
          .weight(1)
          .consequence("hanging work is not caught automatically")
          .meaning(
              "Timer boundary events on user tasks. With them key touches and hanging work are controlled automatically.")
          .advice(
              "Put a timer on the tasks that must not wait (first contact, approvals) and escalate when it fires.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return Measurement.of(sum(tenant, ModelProfile::slaTimers));
    }
  },

  ACTIONS(
      about("actions.24h", "Completed elements in the last 24 hours", Unit.COUNT)
          .norm(Norm.range(1_000, 1_000_000))
          .weight(15)
          .fromStatistics(1)
          .consequence("too little automation, or processes switched off")
          .above(
              "excessive load, probably processes running in loops",
              "look for loops in the busiest processes.")
          .meaning(
              "Activity instances completed in the last 24 hours. Below: too little automation, processes switched off. "
                  + "Above: excessive load, probably wrongly built processes (loops) that may exceed the limits of connected "
                  + "systems.")
          .advice("see launches and unused processes.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return Measurement.of(tenant.facts().actions24h);
    }
  },

  INCIDENTS_OPEN(
      about("incidents.open", "Open incidents", Unit.COUNT)
          .norm(Norm.max(0))
          .weight(5)
          .consequence("broken integrations silently stop processes")
          .meaning(
              "Open incidents (listed in the details). A broken trigger or integration silently stops the process.")
          .advice(
              "Resolve the listed incidents in Cockpit and fix their cause (connection, credentials, data).")) {
    @Override
    Measurement measure(TenantView tenant) {
      return listed(tenant.facts().incidents);
    }
  },

  INSTANCES_STUCK(
      about("instances.stuck", "Stuck instances", Unit.COUNT)
          .norm(Norm.max(0))
          .weight(5)
          .consequence("work hangs and nobody moves it forward")
          .meaning(
              "Running instances waiting in the same user task, external task, receive task, catch event or event-based "
                  + "gateway for longer than the stuck threshold (%s; listed in the details). Hanging work: nobody moves it "
                  + "forward.",
              ReportConfig::stuckAfterDays,
              ReportConfig.DEFAULT_STUCK_AFTER_DAYS,
              " by default",
              "day",
              ", as configured")
          .advice(
              "Find who should act on the listed instances; add deadlines (timer boundary events) to such steps.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return listed(tenant.facts().stuck);
    }
  },

  TASKS_OVERDUE(
      about("tasks.overdue", "Overdue tasks", Unit.COUNT)
          .norm(Norm.max(0))
          .weight(4)
          .consequence("key touches with customers are missed")
          .meaning(
              "Open user tasks past their due date (listed in the details). Missed key touches lose the customer.")
          .advice("Reassign or escalate the listed tasks; check that due dates are realistic.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return listed(tenant.facts().overdue);
    }
  },

  TASKS_UNASSIGNED_STALE(
      about("tasks.unassigned-stale", "Tasks nobody took", Unit.COUNT)
          .norm(Norm.max(0))
          .weight(3)
          .consequence("nobody owns part of the work")
          .meaning(
              "Open user tasks without an assignee for longer than the unassigned threshold (%s; listed in the details). "
                  + "Nobody owns the work.",
              ReportConfig::unassignedAfterDays,
              ReportConfig.DEFAULT_UNASSIGNED_AFTER_DAYS,
              " by default",
              "day",
              ", as configured")
          .advice(
              "Give the listed tasks an owner; make sure every candidate group has active members.")) {
    @Override
    Measurement measure(TenantView tenant) {
      return listed(tenant.facts().unassigned);
    }
  },

  DEAD_BRANCHES(
      about("runtime.dead-branches-30d", "Dead branches", Unit.COUNT)
          .norm(Norm.max(0))
          .weight(2)
          .fromStatistics()
          .consequence("some branches never run")
          .meaning(
              "Outgoing flows of gateways that ran at least %s in the last 30 days but never took that flow (listed in the "
                  + "details). A branch that never runs is dead or unfinished; a condition that is always true is "
                  + "superfluous.",
              ReportConfig::deadBranchMinRuns,
              ReportConfig.DEFAULT_DEAD_BRANCH_MIN_RUNS,
              "",
              "time",
              " (as configured)")
          .advice(
              "Check the listed conditions against real data; remove branches that cannot happen.")) {
    @Override
    Measurement measure(TenantView tenant) {
      TenantFacts facts = tenant.facts();
      TenantView.Details dead = tenant.details();
      for (TenantFacts.Definition definition : tenant.active()) {
        ModelProfile profile = tenant.profile(definition);
        if (profile == null) {
          continue;
        }
        Map<String, Long> flows =
            facts.flowsSinceDeployment.containsKey(definition.key())
                ? facts.flowsSinceDeployment.get(definition.key())
                : facts.flows30d.getOrDefault(definition.key(), Map.of());
        for (ModelProfile.Gateway gateway : profile.gateways()) {
          ModelProfile.DeadFlows found =
              gateway.neverTaken(flows, tenant.config().deadBranchMinRuns());
          for (String flow : found.flows()) {
            dead.add(
                () -> {
                  Map<String, Object> item = TenantView.process(definition);
                  item.put("gatewayId", gateway.id());
                  item.put("flowId", flow);
                  item.put("gatewayRuns", found.runs());
                  return item;
                });
          }
        }
      }
      return dead.measurement();
    }
  };

  /** How a value is shown. */
  public enum Unit {
    COUNT,
    DAYS,
    DECIMAL,
    PERCENT
  }

  /** What an indicator is, in one place: built fluently in each constant. */
  static final class About {
    private final String id;
    private final String title;
    private final Unit unit;
    private Norm norm = Norm.NONE;
    private int weight;
    private boolean fromStatistics;
    private int windowDays;
    private String consequence;
    private String aboveConsequence;
    private String aboveAdvice;
    private String meaning;
    private String meaningTemplate;
    private ToLongFunction<ReportConfig> threshold;
    private long defaultThreshold;
    private String thresholdUnit;
    private String configuredSuffix;
    private String advice;
    private String noValue = "no value.";
    private String listed;

    private About(String id, String title, Unit unit) {
      this.id = id;
      this.title = title;
      this.unit = unit;
    }

    About norm(Norm defaultNorm) {
      this.norm = defaultNorm;
      return this;
    }

    About weight(int defaultWeight) {
      this.weight = defaultWeight;
      return this;
    }

    /** The value comes from the runtime statistics (n/a while they are switched off). */
    About fromStatistics() {
      this.fromStatistics = true;
      return this;
    }

    /**
     * The value comes from the runtime statistics of the last {@code days} days: n/a until they
     * have been counted for that long, since a window they cover only in part reads too low.
     */
    About fromStatistics(int days) {
      this.windowDays = days;
      return fromStatistics();
    }

    /** What an out-of-norm value means, in a few words (for the reasons of the risk). */
    About consequence(String text) {
      this.consequence = text;
      return this;
    }

    /**
     * For an indicator with a range: what a value above it means, in a few words, and what to do;
     * {@link #consequence} and {@link #advice} speak of a value below it.
     */
    About above(String consequence, String advice) {
      this.aboveConsequence = consequence;
      this.aboveAdvice = advice;
      return this;
    }

    /** What the indicator measures and what it affects. */
    About meaning(String text) {
      this.meaning = text;
      return this;
    }

    /**
     * A meaning that names a threshold the report's configuration sets: {@code template} holds
     * {@code %s} where it goes: the value with its unit, then {@code defaultSuffix} for the default
     * ("30 days by default") or {@code configuredSuffix} for another ("10 days, as configured").
     */
    About meaning(
        String template,
        ToLongFunction<ReportConfig> threshold,
        long defaultValue,
        String defaultSuffix,
        String unit,
        String configuredSuffix) {
      this.meaningTemplate = template;
      this.threshold = threshold;
      this.defaultThreshold = defaultValue;
      this.thresholdUnit = unit;
      this.configuredSuffix = configuredSuffix;
      return meaning(String.format(template, amount(defaultValue, unit) + defaultSuffix));
    }

    /** "30 days", "1 day", "100 times". */
    static String amount(long value, String unit) {
      return value + " " + unit + (value == 1 ? "" : "s");
    }

    /** What to do when it is out of norm. */
    About advice(String text) {
      this.advice = text;
      return this;
    }

    /** Why there is no value, when there is none. */
    About noValue(String text) {
      this.noValue = text;
      return this;
    }

    /**
     * What the details list, where their lines alone do not say it (users given no work under a
     * count of users given work): "left out".
     */
    About detailsCaption(String caption) {
      this.listed = caption;
      return this;
    }
  }

  private static About about(String id, String title, Unit unit) {
    return new About(id, title, unit);
  }

  private final About about;
  private final String explanationTail;
  private final String explanationTailAbove;

  Indicator(About about) {
    this.about = about;
    this.explanationTail = tail(about, about.meaning);
    this.explanationTailAbove = tailAbove(about, about.meaning);
  }

  private static String tail(About about, String meaning) {
    return ". " + meaning + " What to do: " + about.advice;
  }

  private static String tailAbove(About about, String meaning) {
    return about.aboveAdvice == null
        ? tail(about, meaning)
        : ". " + meaning + " Above the norm, what to do: " + about.aboveAdvice;
  }

  /** Measures this indicator for one tenant. */
  abstract Measurement measure(TenantView tenant);

  public String id() {
    return about.id;
  }

  public String title() {
    return about.title;
  }

  public Unit unit() {
    return about.unit;
  }

  /** The default norm. */
  public Norm norm() {
    return about.norm;
  }

  /**
   * The default risk weight: points taken off the score of 100 when out of norm (half when a
   * warning).
   */
  public int weight() {
    return about.weight;
  }

  /** True when the value comes from the runtime statistics (n/a while they are switched off). */
  public boolean fromStatistics() {
    return about.fromStatistics;
  }

  /**
   * The days of statistics the value looks back over (0: none in particular); n/a until the
   * statistics have been counted for that long.
   */
  public int windowDays() {
    return about.windowDays;
  }

  /** What an out-of-norm value means, in a few words (for the reasons of the risk). */
  public String consequence() {
    return about.consequence;
  }

  /**
   * What a value above the norm's upper bound means, in a few words; the {@link #consequence()}
   * where the indicator says nothing of its own about it.
   */
  public String consequenceAbove() {
    return about.aboveConsequence != null ? about.aboveConsequence : about.consequence;
  }

  /** What to do about a value above the norm's upper bound; null where the advice says it all. */
  public String adviceAbove() {
    return about.aboveAdvice;
  }

  /** What the indicator measures and what it affects. */
  public String meaning() {
    return about.meaning;
  }

  /** What to do when it is out of norm. */
  public String advice() {
    return about.advice;
  }

  /**
   * What the indicator measures, with the thresholds of this configuration where the meaning names
   * one (the stuck threshold set to 10 days says so, not the default of 30).
   */
  public String meaning(ReportConfig config) {
    if (about.meaningTemplate == null) {
      return about.meaning;
    }
    long value = about.threshold.applyAsLong(config);
    return value == about.defaultThreshold
        ? about.meaning
        : String.format(
            about.meaningTemplate,
            About.amount(value, about.thresholdUnit) + about.configuredSuffix);
  }

  /**
   * What follows the norm in every explanation of this indicator: ". {meaning} What to do:
   * {advice}", made once for the default thresholds.
   */
  String explanationTail(ReportConfig config) {
    String meaning = meaning(config);
    return meaning.equals(about.meaning) ? explanationTail : tail(about, meaning);
  }

  /**
   * The same for a value above the norm's upper bound: ". {meaning} Above the norm, what to do:
   * {advice above}" where the indicator has advice for that, so that a partner is not told to raise
   * a value that is too high.
   */
  String explanationTailAbove(ReportConfig config) {
    String meaning = meaning(config);
    return meaning.equals(about.meaning) ? explanationTailAbove : tailAbove(about, meaning);
  }

  /** Why there is no value, when there is none. */
  String noValue() {
    return about.noValue;
  }

  /** What the details list, in a few words before them, or null where their lines say it. */
  public String detailsCaption() {
    return about.listed;
  }

  /** The indicator with this id, or null. */
  public static Indicator of(String id) {
    for (Indicator indicator : values()) {
      if (indicator.id().equals(id)) {
        return indicator;
      }
    }
    return null;
  }

  // ---- what several measures share ----

  private static long sum(TenantView tenant, ToIntFunction<ModelProfile> count) {
    long sum = 0;
    for (TenantFacts.Definition definition : tenant.active()) {
      ModelProfile profile = tenant.profile(definition);
      if (profile != null) {
        sum += count.applyAsInt(profile);
      }
    }
    return sum;
  }

  /** A count and its first elements (up to the details limit): the rest counted, not listed. */
  private static Measurement listed(TenantFacts.Listed listed) {
    return Measurement.listing(listed.count, listed.items, listed.count);
  }

  static Double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
