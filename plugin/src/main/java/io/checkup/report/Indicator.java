package io.checkup.report;

/**
 * The check-up's indicators (../shared/spec/checkup-metrics.md): id, title, default norm, default risk weight and the
 * plain explanation a partner reads. docs/report.md is the same catalog for people; a test keeps the two in step.
 */
public enum Indicator {

  MODELS_LAST_CHANGE("models.last-change-days", "Days since a process was last changed", Unit.DAYS,
      Norm.max(30), 6, false,
      "processes are not adapted to a changing business",
      "Counts the days since the newest deployment that added or changed a process definition. Processes that are "
          + "never adapted stop matching how the business works; the account may be being abandoned.",
      "Review the processes with the client's process owner; adapt at least one to what changed in their work."),

  MODELS_TOTAL("models.total", "Processes deployed", Unit.COUNT,
      Norm.min(20).minAfterAge(180), 3, false,
      "automation covers too little of the business",
      "Process definition keys deployed (latest versions, not suspended). Below the norm, automation covers too "
          + "little of the client's business to be indispensable.",
      "Find the next manual routines (approvals, requests, follow-ups) and model them."),

  PROCESSES_ACTIVE("processes.active-7d", "Processes in use in the last 7 days", Unit.COUNT,
      Norm.range(10, 50), 15, true,
      "few processes are part of daily work",
      "Process keys with at least one instance started or one element completed in the last 7 days. An account where "
          + "automation is an inseparable part of daily work has this many.",
      "Ask which processes people bypass and why; fix or retire them, and automate the work they do by hand."),

  PROCESSES_UNUSED("processes.unused-7d", "Processes unused for 7 days", Unit.COUNT,
      Norm.max(10), 5, true,
      "the client is going back to manual work",
      "Deployed, not suspended process keys with no activity in the last 7 days (listed in the details). A growing "
          + "number of idle processes means the client is going back to manual work; idle processes also load the "
          + "engine.",
      "Revive the listed processes with the people who should use them, or suspend or remove them."),

  LAUNCHES("launches.7d", "Process launches in the last 7 days", Unit.COUNT,
      Norm.range(1_000, 10_000), 25, true,
      "the client may find manual work cheaper than automation",
      "Process instances started in the last 7 days. The main indicator of churn risk: below the norm the client "
          + "finds manual work cheaper than automation. Adding processes just to raise it does not help: processes "
          + "must solve real tasks.",
      "Find where work still happens outside the processes (mail, spreadsheets, phone) and start it from a process."),

  LAUNCHES_PER_USER("launches.per-user-7d", "Launches per user in the last 7 days", Unit.DECIMAL,
      Norm.min(200), 10, true,
      "users do most of their work outside the processes",
      "Launches in the last 7 days divided by the tenant's users. One sales manager handles about 100 deals a week, "
          + "each with at least 3 processes (main and helpers): about 200 launches per user and week is the floor; "
          + "1,000 a week for 5 users is close to critical.",
      "Bring each user's daily work into processes: start processes from the events they handle by hand."),

  LAUNCHES_TREND("launches.trend", "Launch trend", Unit.PERCENT,
      Norm.min(-30), 15, true,
      "use is falling, which comes before a cancellation",
      "Launches of the last 7 complete days against the weekly mean of the 3 weeks before, in percent. A falling "
          + "trend comes before a cancellation.",
      "Talk to the client now: find out which processes lost their users and why."),

  ELEMENTS_DIVERSITY("elements.diversity", "Kinds of elements used", Unit.COUNT,
      Norm.min(18), 3, false,
      "processes are too simple to solve the client's problems",
      "Distinct element kinds across the latest process definitions (each task, gateway and event type counts once, "
          + "events by event definition, markers and call activities as kinds of their own). Detailed processes solve "
          + "the client's problems, which is what the client pays for: the more kinds, the lower the churn.",
      "Use what BPMN offers: timers for deadlines, messages between processes, error handling, sub-processes."),

  ELEMENTS_TOTAL("elements.total", "Elements in the processes", Unit.COUNT,
      Norm.min(30).minAfterAge(180), 2, false,
      "processes are not worked out in enough detail",
      "Flow elements across the latest process definitions. Below the norm the processes are not worked out in "
          + "enough detail.",
      "Model the steps people still do outside the process: checks, follow-ups, notifications."),

  USERS_DIGITIZED("users.digitized-30d", "Users given work by processes in the last 30 days", Unit.COUNT,
      Norm.shareOfUsers(2.0 / 3.0), 8, true,
      "many users work outside the automated processes",
      "Users of the tenant who were given at least one user task in the last 30 days; at most a third of the users "
          + "should be left out. The users left out are listed in the details.",
      "Bring processes into the work of the users left out: give them tasks instead of mail and calls."),

  TASKS_PER_USER("tasks.per-user-7d", "User tasks per working user in the last 7 days", Unit.DECIMAL,
      Norm.range(100, 200), 5, true,
      "too few incoming leads or requests",
      "User tasks created in the last 7 days per user who got work in the last 30 days (call-centre profile: up to "
          + "400). Too few tasks often means too few incoming leads or requests.",
      "Check the inflow of work; the client may need marketing automation to bring in more requests."),

  GATEWAYS_CONDITIONS("gateways.conditions", "Conditions (two-way exclusive gateways)", Unit.COUNT,
      Norm.range(50, 1_000).minAfterAge(180), 2, false,
      "processes lack detail, or evaluate too many conditions",
      "Exclusive gateways that split in two (those with 3 or more outgoing flows are multi-branch conditions). Too "
          + "few: the processes lack detail; too many: processes run slower.",
      "Too few: model the decisions people take by hand. Too many: replace cascades by one multi-branch gateway."),

  GATEWAYS_MULTI_BRANCH("gateways.multi-branch", "Multi-branch conditions", Unit.COUNT,
      Norm.min(10), 2, false,
      "decisions are made by chains of two-way conditions",
      "Exclusive gateways with 3 or more outgoing flows. One multi-branch gateway replaces a whole cascade, with "
          + "fewer evaluations and faster runs.",
      "Merge chains of two-way gateways into one gateway with one outgoing flow per outcome."),

  GATEWAYS_CASCADES("gateways.cascades", "Cascaded conditions", Unit.COUNT,
      Norm.max(0), 2, false,
      "decisions are evaluated one after another instead of at once",
      "Chains of exclusive gateways that decide one question step by step (lint rule cascaded-conditions; the "
          + "gateways of each chain are listed in the details).",
      "Replace each listed cascade by one multi-branch gateway."),

  ELEMENTS_FAKE("elements.fake", "Unfinished branches", Unit.COUNT,
      Norm.max(0), 2, false,
      "processes contain unfinished work",
      "Branches that lead nowhere or only to an empty end (lint rule fake-branch; each is listed in the details). "
          + "Working processes must not contain them.",
      "Finish the listed branches or remove them."),

  CAPABILITY_NOTIFICATIONS("capability.notifications", "Notification steps", Unit.COUNT,
      Norm.min(1), 1, false,
      "nobody hears of problems automatically",
      "Send tasks, message or signal throw events, mail or HTTP connectors. Without any, managers never hear of "
          + "incidents and the client does no CRM marketing: money is lost.",
      "Notify the responsible manager at the key moments of the main processes."),

  CAPABILITY_WORK_DISTRIBUTION("capability.work-distribution", "Work offered to groups", Unit.COUNT,
      Norm.min(1), 1, false,
      "work is not distributed across people",
      "User tasks offered to candidate groups or users rather than fixed to one assignee. Distributing work across "
          + "people makes the benefit obvious to the client.",
      "Offer tasks to a team (candidate group) and let the first free person take them."),

  CAPABILITY_EXPERIMENTS("capability.experiments", "Split experiments", Unit.COUNT,
      Norm.min(1), 1, false,
      "no hypotheses are tested",
      "Gateways that split by a random or percentage expression, or elements marked as experiments (Camunda "
          + "property checkup:experiment). Testing hypotheses finds the most effective way of working. Off for small "
          + "accounts.",
      "Try two ways of handling a case side by side and keep the better one."),

  CAPABILITY_SLA_TIMERS("capability.sla-timers", "Deadlines on user tasks", Unit.COUNT,
      Norm.min(1), 1, false,
      "hanging work is not caught automatically",
      "Timer boundary events on user tasks. With them key touches and hanging work are controlled automatically.",
      "Put a timer on the tasks that must not wait (first contact, approvals) and escalate when it fires."),

  ACTIONS("actions.24h", "Completed elements in the last 24 hours", Unit.COUNT,
      Norm.range(1_000, 1_000_000), 15, true,
      "too little automation, or processes running in loops",
      "Activity instances completed in the last 24 hours. Below: too little automation, processes switched off. "
          + "Above: excessive load, probably wrongly built processes (loops) that may exceed the limits of connected "
          + "systems.",
      "Below: see launches and unused processes. Above: look for loops in the busiest processes."),

  INCIDENTS_OPEN("incidents.open", "Open incidents", Unit.COUNT,
      Norm.max(0), 5, false,
      "broken integrations silently stop processes",
      "Open incidents (listed in the details). A broken trigger or integration silently stops the process.",
      "Resolve the listed incidents in Cockpit and fix their cause (connection, credentials, data)."),

  INSTANCES_STUCK("instances.stuck", "Stuck instances", Unit.COUNT,
      Norm.max(0), 5, false,
      "work hangs and nobody moves it forward",
      "Running instances waiting in the same user task, external task, receive task, catch event or event-based "
          + "gateway for longer than the stuck threshold (30 days by default; listed in the details). Hanging work: "
          + "nobody moves it forward.",
      "Find who should act on the listed instances; add deadlines (timer boundary events) to such steps."),

  TASKS_OVERDUE("tasks.overdue", "Overdue tasks", Unit.COUNT,
      Norm.max(0), 4, false,
      "key touches with customers are missed",
      "Open user tasks past their due date (listed in the details). Missed key touches lose the customer.",
      "Reassign or escalate the listed tasks; check that due dates are realistic."),

  TASKS_UNASSIGNED_STALE("tasks.unassigned-stale", "Tasks nobody took", Unit.COUNT,
      Norm.max(0), 3, false,
      "nobody owns part of the work",
      "Open user tasks without an assignee for longer than 3 days (listed in the details). Nobody owns the work.",
      "Give the listed tasks an owner; make sure every candidate group has active members."),

  DEAD_BRANCHES("runtime.dead-branches-30d", "Dead branches", Unit.COUNT,
      Norm.max(0), 2, true,
      "some branches never run",
      "Outgoing flows of gateways that ran at least 100 times in the last 30 days but never took that flow (listed in "
          + "the details). A branch that never runs is dead or unfinished; a condition that is always true is "
          + "superfluous.",
      "Check the listed conditions against real data; remove branches that cannot happen.");

  /** How a value is shown. */
  public enum Unit {
    COUNT, DAYS, DECIMAL, PERCENT
  }

  private final String id;
  private final String title;
  private final Unit unit;
  private final Norm norm;
  private final int weight;
  private final boolean fromStatistics;
  private final String consequence;
  private final String meaning;
  private final String advice;

  Indicator(String id, String title, Unit unit, Norm norm, int weight, boolean fromStatistics, String consequence,
      String meaning, String advice) {
    this.id = id;
    this.title = title;
    this.unit = unit;
    this.norm = norm;
    this.weight = weight;
    this.fromStatistics = fromStatistics;
    this.consequence = consequence;
    this.meaning = meaning;
    this.advice = advice;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public Unit unit() {
    return unit;
  }

  /** The default norm. */
  public Norm norm() {
    return norm;
  }

  /** The default risk weight: points taken off the score of 100 when out of norm (half when a warning). */
  public int weight() {
    return weight;
  }

  /** True when the value comes from the runtime statistics (n/a while they are switched off). */
  public boolean fromStatistics() {
    return fromStatistics;
  }

  /** What an out-of-norm value means, in a few words (for the reasons of the risk). */
  public String consequence() {
    return consequence;
  }

  /** What the indicator measures and what it affects. */
  public String meaning() {
    return meaning;
  }

  /** What to do when it is out of norm. */
  public String advice() {
    return advice;
  }

  /** The indicator with this id, or null. */
  public static Indicator of(String id) {
    for (Indicator indicator : values()) {
      if (indicator.id.equals(id)) {
        return indicator;
      }
    }
    return null;
  }
}
