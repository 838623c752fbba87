package io.checkup.alerts;

import io.checkup.db.Jdbc;
import io.checkup.report.Report;
import io.checkup.report.Report.TenantReport;
import io.checkup.report.Snapshot;
import io.checkup.text.Durations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation of every tenant of a report against the states the last one left: in one
 * transaction that holds the round row, so the nodes of a cluster evaluate one after the other; the
 * alerts raised are stored with the new states, and so raised once, whichever node evaluates.
 */
final class AlertRound {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.alerts");

  /** How long delivered and given-up alerts are kept. */
  static final Duration KEEP = Duration.ofDays(30);

  private final AlertTables tables;
  private final AlertSettings settings;
  private final Predicate<String> excluded;

  AlertRound(AlertTables tables, AlertSettings settings, Predicate<String> excluded) {
    this.tables = tables;
    this.settings = settings;
    this.excluded = excluded;
  }

  /**
   * Takes the round if one is due at {@code now} (the last one, taken at {@code last}, an interval
   * ago or more) and no other node took it first: then this node makes the report and runs it.
   */
  boolean takeIfDue(long now, long last) throws SQLException {
    return now - last >= settings.interval().toMillis()
        && tables.takeRound(last, now, settings.nodeId());
  }

  /** When the last round was taken, by any node (epoch milliseconds). */
  long last() throws SQLException {
    return tables.lastRound();
  }

  /** How soon a round taken but not evaluated (its report failed) is due again, at the latest. */
  static final Duration RETRY = Duration.ofMinutes(1);

  /**
   * Gives back a round this node took at {@code taken} and could not evaluate (the report could not
   * be had): it is due again within {@link #RETRY} (or the interval, if shorter), for any node,
   * instead of a whole interval without alerts. Nothing happens if another node moved the round on
   * meanwhile.
   */
  void giveBack(long taken) throws SQLException {
    long interval = settings.interval().toMillis();
    tables.takeRound(
        taken, taken - interval + Math.min(interval, RETRY.toMillis()), settings.nodeId());
  }

  /**
   * Evaluates the report's tenants and stores what changed.
   *
   * @param force evaluate even if another node did within the interval
   * @return the alerts raised, or null when the round was not due after all
   */
  List<AlertBody> run(Report report, long now, boolean force) throws SQLException {
    List<HeldBack> heldBack = new ArrayList<>();
    List<AlertBody> alerts =
        Jdbc.inTransaction(
            tables.dataSource(),
            connection -> {
              long last = tables.lockRound(connection);
              if (!force && now - last < settings.interval().toMillis()) {
                return null;
              }
              heldBack.clear();
              Map<String, TenantState> states = tables.states(connection);
              List<AlertBody> raised = new ArrayList<>();
              for (TenantReport tenant : report.tenants()) {
                if (excluded.test(tenant.tenantId())) {
                  continue;
                }
                TenantState before = states.get(Snapshot.key(tenant.tenantId()));
                Worsening.Judgement judgement = judge(connection, tenant, before, now, heldBack);
                tables.saveState(connection, judgement.next(), before != null);
                if (judgement.alerts()) {
                  AlertBody body =
                      AlertBody.of(
                          UUID.randomUUID().toString(),
                          tenant,
                          judgement,
                          settings.reportUrl(),
                          now);
                  // delivery runs on the wall clock (retries wait real time), the evaluation on
                  // the engine's
                  tables.insertAlert(
                      connection,
                      body.id(),
                      tenant.tenantId(),
                      body.json(),
                      System.currentTimeMillis());
                  raised.add(body);
                }
              }
              tables.endRound(connection, now, settings.nodeId());
              tables.deleteDoneBefore(connection, System.currentTimeMillis() - KEEP.toMillis());
              return raised;
            });
    for (HeldBack held : heldBack) {
      LOG.info(
          "camunda-checkup: no alert for {}, now {} with score {}: within the {} cool-down of its "
              + "last alert ({}, score {}) it is alerted only when worse than that",
          AlertDelivery.tenant(held.tenant().tenantId()),
          held.tenant().riskLevel(),
          held.tenant().score(),
          Durations.format(settings.coolDown()),
          held.lastAlert().level(),
          held.lastAlert().score());
    }
    return alerts;
  }

  /**
   * One tenant's judgement; what its last alert said is read only for a tenant that fell within the
   * cool-down. A fall the cool-down held back is added to {@code heldBack}.
   */
  private Worsening.Judgement judge(
      Connection connection,
      TenantReport tenant,
      TenantState before,
      long now,
      List<HeldBack> heldBack)
      throws SQLException {
    Worsening.Judgement judgement =
        Worsening.judge(tenant, before, null, now, settings.scoreDrop(), Duration.ZERO);
    if (!judgement.alerts() || !Worsening.mayCoolDown(before, now, settings.coolDown())) {
      return judgement;
    }
    Worsening.LastAlert lastAlert = tables.lastAlert(connection, Snapshot.key(tenant.tenantId()));
    judgement =
        Worsening.judge(tenant, before, lastAlert, now, settings.scoreDrop(), settings.coolDown());
    if (!judgement.alerts()) {
      heldBack.add(new HeldBack(tenant, lastAlert));
    }
    return judgement;
  }

  /** A tenant worse than at the last evaluation, but not than its last alert said. */
  private record HeldBack(TenantReport tenant, Worsening.LastAlert lastAlert) {}
}
