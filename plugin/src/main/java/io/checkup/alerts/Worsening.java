package io.checkup.alerts;

import io.checkup.report.Report.HistoryPoint;
import io.checkup.report.Report.TenantReport;
import io.checkup.report.RiskLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a tenant got worse since the last evaluation: its risk level is worse than then (a tenant
 * seen for the first time is compared with its latest daily snapshot before today, and was healthy
 * before without one), or its score fell by at least the configured amount within 7 days. The fall
 * is measured from the highest score of the last 7 days that came after the tenant's last alert, as
 * the evaluations and the daily snapshots saw it; so one fall raises one alert, and a tenant that
 * falls on raises another only after falling that much again. For a while after an alert (the
 * cool-down) a tenant that falls is alerted again only when it is also worse than that alert said:
 * a client wobbling across a level's bound is alerted once, not at each fall, and a fall held back
 * is used up like one alerted. Pure: the evaluation reads and writes the states around it.
 */
final class Worsening {

  static final Duration WINDOW = Duration.ofDays(7);

  static final String RISK_LEVEL = "risk-level";
  static final String SCORE_DROP = "score-drop";

  /**
   * What one evaluation concluded about one tenant.
   *
   * @param next the tenant's state from now on
   * @param triggers why an alert is raised ({@link #RISK_LEVEL}, {@link #SCORE_DROP}); empty: none
   * @param previousLevel the level before (for a tenant seen for the first time: that of its latest
   *     daily snapshot before today, healthy without one)
   * @param previousScore the score before (for a tenant seen for the first time: that of its latest
   *     daily snapshot before today), or null for a tenant seen for the first time without one
   * @param referenceScore the score the fall is measured from, or null
   * @param heldBack the triggers the cool-down held back: the tenant is no worse than its last
   *     alert said
   */
  record Judgement(
      TenantState next,
      List<String> triggers,
      RiskLevel previousLevel,
      Integer previousScore,
      Integer referenceScore,
      List<String> heldBack) {

    boolean alerts() {
      return !triggers.isEmpty();
    }
  }

  /**
   * What a tenant's last alert said: its level and score then, and when it was raised (epoch
   * milliseconds, the evaluation's clock).
   */
  record LastAlert(RiskLevel level, int score, long at) {}

  /**
   * Whether a tenant's last alert may be within the cool-down at {@code at}: only then does its
   * judgement need what that alert said. ({@code lastFallAt} is the alert's time or later.)
   */
  static boolean mayCoolDown(TenantState before, long at, Duration coolDown) {
    return before != null
        && before.lastFallAt() != null
        && at - before.lastFallAt() < coolDown.toMillis();
  }

  private Worsening() {}

  /**
   * @param now the tenant in the report just made (with its history of daily snapshots)
   * @param before its state at the last evaluation, or null if it had none
   * @param lastAlert what its last alert said, or null if none is known (or none is needed: see
   *     {@link #mayCoolDown})
   * @param at the moment of this evaluation (epoch milliseconds)
   * @param scoreDrop the fall within 7 days that raises an alert
   * @param coolDown for this long after an alert, only a tenant worse than it said is alerted
   */
  static Judgement judge(
      TenantReport now,
      TenantState before,
      LastAlert lastAlert,
      long at,
      int scoreDrop,
      Duration coolDown) {
    long windowStart = at - WINDOW.toMillis();
    long since =
        before != null && before.lastFallAt() != null
            ? Math.max(windowStart, before.lastFallAt())
            : windowStart;
    Integer reference = null;
    if (before != null) {
      if (before.evaluatedAt() >= since) {
        reference = before.score();
      }
      if (before.peakAt() >= since) {
        reference = max(reference, before.peakScore());
      }
    }
    LocalDate firstDay = Instant.ofEpochMilli(since).atZone(ZoneOffset.UTC).toLocalDate();
    for (HistoryPoint point : now.history()) {
      if (!LocalDate.parse(point.date()).isBefore(firstDay)) {
        reference = max(reference, point.score());
      }
    }
    // a tenant seen for the first time (alerts just switched on, or a node's first round) is
    // compared with its latest daily snapshot before today: a client at risk for weeks has not just
    // got worse. Without one it was healthy before
    HistoryPoint lastDay = before == null ? lastDayBefore(now, at) : null;
    RiskLevel previousLevel =
        before != null ? before.level() : lastDay != null ? lastDay.riskLevel() : RiskLevel.HEALTHY;
    Integer previousScore =
        before != null ? Integer.valueOf(before.score()) : lastDay != null ? lastDay.score() : null;
    List<String> triggers = new ArrayList<>(2);
    if (now.riskLevel().ordinal() > previousLevel.ordinal()) {
      triggers.add(RISK_LEVEL);
    }
    if (reference != null && reference - now.score() >= scoreDrop) {
      triggers.add(SCORE_DROP);
    }
    List<String> heldBack = new ArrayList<>(0);
    if (lastAlert != null && at - lastAlert.at() < coolDown.toMillis()) {
      if (triggers.contains(RISK_LEVEL) && now.riskLevel().compareTo(lastAlert.level()) <= 0) {
        heldBack.add(RISK_LEVEL);
      }
      if (triggers.contains(SCORE_DROP) && lastAlert.score() - now.score() < scoreDrop) {
        heldBack.add(SCORE_DROP);
      }
      triggers.removeAll(heldBack);
    }
    // a fall alerted or held back is used up: what comes after it is measured from here
    boolean fell = !triggers.isEmpty() || !heldBack.isEmpty();
    int peak = now.score();
    long peakAt = at;
    if (!fell && before != null && before.peakAt() >= since && before.peakScore() >= peak) {
      peak = before.peakScore();
      peakAt = before.peakAt();
    }
    TenantState next =
        new TenantState(
            now.tenantId(),
            now.riskLevel(),
            now.score(),
            peak,
            peakAt,
            fell ? Long.valueOf(at) : before == null ? null : before.lastFallAt(),
            at);
    return new Judgement(
        next,
        List.copyOf(triggers),
        previousLevel,
        previousScore,
        triggers.contains(SCORE_DROP) ? reference : null,
        List.copyOf(heldBack));
  }

  /** The tenant's latest daily snapshot of a day before the evaluation's, or null. */
  private static HistoryPoint lastDayBefore(TenantReport now, long at) {
    LocalDate today = Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC).toLocalDate();
    HistoryPoint last = null;
    for (HistoryPoint point : now.history()) {
      if (LocalDate.parse(point.date()).isBefore(today)) {
        last = point;
      }
    }
    return last;
  }

  private static Integer max(Integer a, int b) {
    return a == null || b > a ? Integer.valueOf(b) : a;
  }
}
