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
 * seen for the first time was healthy before), or its score fell by at least the configured amount
 * within 7 days. The fall is measured from the highest score of the last 7 days that came after the
 * tenant's last alert, as the evaluations and the daily snapshots saw it; so one fall raises one
 * alert, and a tenant that falls on raises another only after falling that much again. Pure: the
 * evaluation reads and writes the states around it.
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
   * @param previousLevel the level before (healthy for a tenant seen for the first time)
   * @param previousScore the score before, or null for a tenant seen for the first time
   * @param referenceScore the score the fall is measured from, or null
   */
  record Judgement(
      TenantState next,
      List<String> triggers,
      RiskLevel previousLevel,
      Integer previousScore,
      Integer referenceScore) {

    boolean alerts() {
      return !triggers.isEmpty();
    }
  }

  private Worsening() {}

  /**
   * @param now the tenant in the report just made (with its history of daily snapshots)
   * @param before its state at the last evaluation, or null if it had none
   * @param at the moment of this evaluation (epoch milliseconds)
   * @param scoreDrop the fall within 7 days that raises an alert
   */
  static Judgement judge(TenantReport now, TenantState before, long at, int scoreDrop) {
    long windowStart = at - WINDOW.toMillis();
    long since =
        before != null && before.lastAlertAt() != null
            ? Math.max(windowStart, before.lastAlertAt())
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
    RiskLevel previousLevel = before == null ? RiskLevel.HEALTHY : before.level();
    List<String> triggers = new ArrayList<>(2);
    if (now.riskLevel().ordinal() > previousLevel.ordinal()) {
      triggers.add(RISK_LEVEL);
    }
    if (reference != null && reference - now.score() >= scoreDrop) {
      triggers.add(SCORE_DROP);
    }
    boolean alert = !triggers.isEmpty();
    int peak = now.score();
    long peakAt = at;
    if (!alert && before != null && before.peakAt() >= since && before.peakScore() >= peak) {
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
            alert ? Long.valueOf(at) : before == null ? null : before.lastAlertAt(),
            at);
    return new Judgement(
        next,
        List.copyOf(triggers),
        previousLevel,
        before == null ? null : before.score(),
        triggers.contains(SCORE_DROP) ? reference : null);
  }

  private static Integer max(Integer a, int b) {
    return a == null || b > a ? Integer.valueOf(b) : a;
  }
}
