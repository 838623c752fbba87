package io.checkup.alerts;

import io.checkup.db.PluginTables;
import io.checkup.report.CheckupReport;
import io.checkup.report.Report;
import io.checkup.report.ReportScope;
import io.checkup.text.Durations;
import io.checkup.threads.DaemonThreads;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts when a client worsens (docs/alerts.md): every {@code interval} one node of the cluster
 * evaluates every tenant of a fresh report ({@link AlertRound}, {@link Worsening}) and stores the
 * alerts raised; every node delivers pending alerts to the webhook ({@link AlertDelivery}), at
 * least once, each by one node at a time. Everything runs on the plugin's own threads; a slow or
 * dead receiver holds up no engine thread, no request and no other alert.
 */
public final class Alerts {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.alerts");

  /** How often a node looks whether a round is due, at most. */
  private static final Duration LOOK_EVERY = Duration.ofMinutes(1);

  /** How often a node looks for alerts to deliver, at most. */
  private static final Duration PASS_EVERY = Duration.ofSeconds(5);

  private final AlertSettings settings;
  private final AlertTables tables;
  private final CheckupReport report;
  private final AlertRound round;
  private final ExecutorService senders;
  private final AlertDelivery delivery;
  private ScheduledExecutorService scheduler;
  private boolean evaluating;

  public Alerts(AlertSettings settings, PluginTables pluginTables, CheckupReport report) {
    this.settings = settings;
    this.tables = new AlertTables(pluginTables);
    this.report = report;
    this.round = new AlertRound(tables, settings, report::excludes);
    this.senders =
        Executors.newFixedThreadPool(2, DaemonThreads.named("camunda-checkup-alert-sender", false));
    this.delivery =
        new AlertDelivery(
            tables,
            settings,
            new Webhook(settings.webhook(), settings.secret(), settings.timeout(), senders),
            report::excludes);
  }

  /** Applies the engine's {@code databaseSchemaUpdate} to the alert tables. */
  public void applySchemaUpdate(String schemaUpdate) {
    tables.applySchemaUpdate(schemaUpdate);
  }

  /** Drops the alert tables (what {@code create-drop} does when the engine closes). */
  public void drop() {
    tables.drop();
  }

  /**
   * Starts the background work: a look every minute (or every interval, if shorter) whether a round
   * is due, and a delivery pass every 5 s (or every {@code retry-after}, if shorter). Stops with
   * {@link #stop()}, or once {@code alive} says the engine is gone. Called again on a node that
   * only delivers, with {@code evaluate} true, it starts evaluating too (an application that first
   * fills in its history, as the demo does).
   */
  public synchronized void start(String engineName, boolean evaluate, BooleanSupplier alive) {
    if (senders.isShutdown()) {
      throw new IllegalStateException(
          "camunda-checkup: the alerts of this engine have been stopped; they start with the engine");
    }
    boolean starting = scheduler == null;
    if (starting) {
      scheduler =
          Executors.newScheduledThreadPool(
              2, DaemonThreads.named("camunda-checkup-alerts-" + engineName, false));
      long pass = Math.max(100, Math.min(PASS_EVERY.toMillis(), settings.retryAfter().toMillis()));
      scheduler.scheduleWithFixedDelay(
          () -> {
            try {
              if (alive.getAsBoolean()) {
                delivery.pass();
              } else {
                stop();
              }
            } catch (Throwable e) {
              // a task that throws is never run again: this one must run on
              LOG.warn(
                  "camunda-checkup: a delivery pass failed ({}); the next one runs", e.toString());
            }
          },
          pass,
          pass,
          TimeUnit.MILLISECONDS);
    } else if (!evaluate || evaluating) {
      return;
    }
    if (evaluate) {
      evaluating = true;
      long look = Math.max(200, Math.min(LOOK_EVERY.toMillis(), settings.interval().toMillis()));
      scheduler.scheduleWithFixedDelay(
          () -> {
            if (alive.getAsBoolean()) {
              evaluateIfDue();
            } else {
              stop();
            }
          },
          Math.min(look, 10_000),
          look,
          TimeUnit.MILLISECONDS);
    }
    LOG.info(
        "camunda-checkup: alerts on: {} every {} (once per cluster), a score drop of {} within 7 "
            + "days or a worse risk level alerts{}, signed: {}",
        evaluate
            ? "this node evaluates the tenants"
            : "this node delivers; the tenants are evaluated by nodes with alertsEvaluate on, or"
                + " once the application starts the evaluation,",
        Durations.format(settings.interval()),
        settings.scoreDrop(),
        settings.coolDown().isZero()
            ? ", no cool-down"
            : ", then for "
                + Durations.format(settings.coolDown())
                + " only a tenant worse than its alert said",
        settings.secret() != null ? "yes" : "no");
    if (starting
        && !settings.coolDown().isZero()
        && settings.coolDown().compareTo(settings.interval()) <= 0) {
      LOG.warn(
          "camunda-checkup: alertsCoolDown (checkup.alerts.cool-down) {} is no longer than "
              + "alertsInterval (checkup.alerts.interval) {}: each evaluation comes after the "
              + "cool-down of the last one's alerts, so it never holds an alert back",
          Durations.format(settings.coolDown()),
          Durations.format(settings.interval()));
    }
  }

  /** Stops the background work; alerts under way are delivered again later, by any node. */
  public void stop() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      stopping = scheduler;
      scheduler = null;
      evaluating = false;
    }
    if (stopping != null) {
      stopping.shutdownNow();
    }
    senders.shutdownNow();
    // a round or a delivery's record under way finishes (or fails) before the engine closes its
    // data source, or drops the tables with create-drop
    if (stopping != null) {
      DaemonThreads.awaitStopped(stopping, "the alerts");
    }
    DaemonThreads.awaitStopped(senders, "the alerts' deliveries");
  }

  /** The round after which this node last made its report (the evaluating thread's own). */
  private long refreshedRound;

  /** One tick of the evaluating schedule; package-private for tests. */
  void evaluateIfDue() {
    try {
      long now = ClockUtil.getCurrentTime().getTime();
      long last = round.last();
      if (!round.takeIfDue(now, last)) {
        refreshAfterOthersRound(last);
        return;
      }
      refreshedRound = now;
      List<AlertBody> raised;
      try {
        raised = evaluate(now, true);
      } catch (Throwable e) {
        giveBack(now);
        throw e;
      }
      if (raised != null && !raised.isEmpty()) {
        delivery.pass();
      }
    } catch (Throwable e) {
      // a task that throws is never run again
      LOG.warn(
          "camunda-checkup: evaluating the tenants for alerts failed ({}); the next round "
              + "tries again",
          e.toString());
    }
  }

  /**
   * Makes this node's report over all tenants once after each round another node evaluated, where
   * something reads the last such report (the metrics' gauges): each node publishes its own last
   * report, and one that never wins a round would otherwise publish the values of its last warm-up,
   * older and on a falling client higher than the truth, for a day.
   */
  private void refreshAfterOthersRound(long last) {
    if (last <= refreshedRound || !report.readsFullReports()) {
      return;
    }
    if (report
        .lastFullReport()
        .map(made -> Instant.parse(made.generatedAt()).toEpochMilli() >= last)
        .orElse(false)) {
      refreshedRound = last; // made since that round anyway (the warm-up, someone's request)
      return;
    }
    try {
      report.generate(ReportScope.all());
      refreshedRound = last;
    } catch (RuntimeException e) {
      // tried again at the next look
      LOG.warn(
          "camunda-checkup: this node's report after another node's alert round failed ({}); "
              + "tried again in a minute",
          e.toString());
    }
  }

  private void giveBack(long taken) {
    try {
      round.giveBack(taken);
    } catch (SQLException | RuntimeException e) {
      LOG.warn(
          "camunda-checkup: giving back the alert round failed ({}); it is due again after the interval",
          e.toString());
    }
  }

  private List<AlertBody> evaluate(long now, boolean force) throws SQLException {
    Report full = report.generate(ReportScope.all());
    List<AlertBody> raised = round.run(full, now, force);
    if (raised != null) {
      for (AlertBody alert : raised) {
        LOG.info(
            "camunda-checkup: alert {} raised for {}: {}",
            alert.id(),
            AlertDelivery.tenant(alert.tenantId()),
            change(alert));
      }
    }
    return raised;
  }

  /**
   * What an alert's log line says changed: "healthy -> at-risk, score 71 -> 38 (risk-level,
   * score-drop from 80)". A score drop is measured from the highest score of the week, which the
   * last score before this one need not be: without it, "score 21 -> 17 (score-drop)" reads as a
   * fall of 4.
   */
  static String change(AlertBody alert) {
    StringBuilder line =
        new StringBuilder()
            .append(alert.previousLevel())
            .append(" -> ")
            .append(alert.riskLevel())
            .append(", score ")
            .append(
                alert.previousScore() == null
                    ? alert.score() + ", seen for the first time"
                    : alert.previousScore() + " -> " + alert.score())
            .append(" (");
    for (int i = 0; i < alert.triggers().size(); i++) {
      String trigger = alert.triggers().get(i);
      line.append(i == 0 ? "" : ", ").append(trigger);
      if (trigger.equals(Worsening.SCORE_DROP) && alert.referenceScore() != null) {
        line.append(" from ").append(alert.referenceScore());
      }
    }
    return line.append(')').toString();
  }

  /**
   * Evaluates every tenant now, on this thread, whether or not a round is due (serialised with the
   * other nodes' rounds all the same).
   *
   * @return the ids of the alerts raised
   */
  public List<String> evaluateNow() throws SQLException {
    List<AlertBody> raised = evaluate(ClockUtil.getCurrentTime().getTime(), true);
    List<String> ids = new ArrayList<>();
    for (AlertBody alert : raised) {
      ids.add(alert.id());
    }
    return ids;
  }

  /**
   * Runs one delivery pass now and waits until the deliveries it started have their outcome
   * recorded.
   *
   * @return how many deliveries it started
   */
  public int deliverNow() {
    List<CompletableFuture<Void>> started = delivery.pass();
    CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
    return started.size();
  }

  /** The alerts kept (the last 30 days), newest first, at most {@code limit}. */
  public List<AlertRecord> list(int limit) throws SQLException {
    return tables.list(limit, AlertTables.Filter.ALL);
  }

  /**
   * As {@link #list(int)}, of one tenant only (null: the tenant-less part), or of all with {@code
   * allTenants}, and of one status only ({@code pending}, {@code sent}, {@code failed}) or of all
   * with null.
   */
  public List<AlertRecord> list(int limit, boolean allTenants, String tenantId, String status)
      throws SQLException {
    return list(limit, allTenants, tenantId, status, null);
  }

  /**
   * As {@link #list(int, boolean, String, String)}, after the alert {@code olderThan} (the last of
   * a previous page) when given, and then null when that alert is not kept (any more).
   */
  public List<AlertRecord> list(
      int limit, boolean allTenants, String tenantId, String status, String olderThan)
      throws SQLException {
    return tables.list(limit, new AlertTables.Filter(!allTenants, tenantId, status, olderThan));
  }

  /** The statuses an alert can have: {@code pending}, {@code sent}, {@code failed}. */
  public static final List<String> STATUSES =
      List.of(AlertTables.PENDING, AlertTables.SENT, AlertTables.FAILED);
}
