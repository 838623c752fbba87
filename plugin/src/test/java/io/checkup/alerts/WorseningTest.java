package io.checkup.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.report.Report.HistoryPoint;
import io.checkup.report.Report.TenantReport;
import io.checkup.report.RiskLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a tenant counts as worse: docs/alerts.md, "When an alert is raised". */
class WorseningTest {

  private static final long NOW = Instant.parse("2026-03-20T12:00:00Z").toEpochMilli();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();

  @Test
  void aTenantSeenForTheFirstTimeWasHealthyBefore() {
    assertThat(judge(tenant(RiskLevel.HEALTHY, 90), null).alerts()).isFalse();

    Worsening.Judgement atRisk = judge(tenant(RiskLevel.AT_RISK, 30), null);

    assertThat(atRisk.triggers()).containsExactly(Worsening.RISK_LEVEL);
    assertThat(atRisk.previousLevel()).isEqualTo(RiskLevel.HEALTHY);
    assertThat(atRisk.previousScore()).isNull();
  }

  @Test
  void aTenantSeenForTheFirstTimeIsComparedWithItsLatestDailySnapshot() {
    TenantReport atRiskForWeeks =
        tenant(RiskLevel.AT_RISK, 20)
            .withTrends(
                null,
                null,
                null,
                List.of(
                    new HistoryPoint("2026-03-18", 22, RiskLevel.AT_RISK),
                    new HistoryPoint("2026-03-19", 21, RiskLevel.AT_RISK)),
                Map.of());

    // at risk yesterday too: not worse, no alert (it used to say healthy -> at risk)
    Worsening.Judgement still = judge(atRiskForWeeks, null);
    assertThat(still.alerts()).isFalse();
    assertThat(still.previousLevel()).isEqualTo(RiskLevel.AT_RISK);
    assertThat(still.previousScore()).isEqualTo(21);

    TenantReport slipped =
        tenant(RiskLevel.AT_RISK, 30)
            .withTrends(
                null,
                null,
                null,
                List.of(new HistoryPoint("2026-03-19", 70, RiskLevel.ATTENTION)),
                Map.of());
    Worsening.Judgement worse = judge(slipped, null);
    assertThat(worse.triggers()).containsExactly(Worsening.RISK_LEVEL, Worsening.SCORE_DROP);
    assertThat(worse.previousLevel()).isEqualTo(RiskLevel.ATTENTION);
    assertThat(worse.previousScore()).isEqualTo(70);
  }

  @Test
  void aWorseLevelAlertsTheSameOrABetterOneDoesNot() {
    TenantState attention = state(RiskLevel.ATTENTION, 60, NOW - HOUR);

    assertThat(judge(tenant(RiskLevel.AT_RISK, 55), attention).triggers())
        .containsExactly(Worsening.RISK_LEVEL);
    assertThat(judge(tenant(RiskLevel.ATTENTION, 58), attention).alerts()).isFalse();
    assertThat(judge(tenant(RiskLevel.HEALTHY, 75), attention).alerts()).isFalse();
  }

  @Test
  void aFallOfTheConfiguredAmountWithinSevenDaysAlertsOneLessDoesNot() {
    TenantState before = state(RiskLevel.HEALTHY, 95, NOW - HOUR);

    assertThat(judge(tenant(RiskLevel.HEALTHY, 81), before).alerts()).as("14 points").isFalse();
    Worsening.Judgement fifteen = judge(tenant(RiskLevel.HEALTHY, 80), before);
    assertThat(fifteen.triggers()).containsExactly(Worsening.SCORE_DROP);
    assertThat(fifteen.referenceScore()).isEqualTo(95);
    assertThat(fifteen.previousScore()).isEqualTo(95);
  }

  @Test
  void aSlowFallIsMeasuredFromTheHighestScoreOfTheWeekAndAnOlderOneIsForgotten() {
    // 95 three days ago (peak), evaluated hourly since, each time a little lower
    TenantState falling =
        new TenantState("acme", RiskLevel.HEALTHY, 84, 95, NOW - 3 * DAY, null, NOW - HOUR);
    assertThat(judge(tenant(RiskLevel.HEALTHY, 80), falling).triggers())
        .containsExactly(Worsening.SCORE_DROP);

    TenantState longAgo =
        new TenantState("acme", RiskLevel.HEALTHY, 84, 95, NOW - 8 * DAY, null, NOW - HOUR);
    assertThat(judge(tenant(RiskLevel.HEALTHY, 80), longAgo).alerts()).isFalse();
  }

  /** The log line names the score a slow fall is measured from, not only the last one before. */
  @Test
  void theAlertsLogLineSaysWhichScoreTheTenantFellFrom() {
    TenantState falling =
        new TenantState("acme", RiskLevel.HEALTHY, 84, 95, NOW - 3 * DAY, null, NOW - HOUR);
    TenantReport now = tenant(RiskLevel.HEALTHY, 80);
    AlertBody slow = AlertBody.of("a1", now, judge(now, falling), "http://localhost/r", NOW);
    assertThat(Alerts.change(slow))
        .isEqualTo("healthy -> healthy, score 84 -> 80 (score-drop from 95)");

    TenantReport atRisk = tenant(RiskLevel.AT_RISK, 30);
    AlertBody level = AlertBody.of("a2", atRisk, judge(atRisk, null), "http://localhost/r", NOW);
    assertThat(Alerts.change(level))
        .isEqualTo("healthy -> at-risk, score 30, seen for the first time (risk-level)");
  }

  @Test
  void theDailySnapshotsOfTheWeekCountSoAFallBeforeTheFirstEvaluationIsSeen() {
    TenantReport now = withHistory(tenant(RiskLevel.HEALTHY, 78), Map.of(-6, 96, -9, 100, -1, 85));

    Worsening.Judgement judgement = judge(now, null);

    assertThat(judgement.triggers()).containsExactly(Worsening.SCORE_DROP);
    assertThat(judgement.referenceScore()).isEqualTo(96);
  }

  @Test
  void oneFallAlertsOnceAndOnlyAFurtherFallOfTheSameAmountAlertsAgain() {
    TenantReport fell = withHistory(tenant(RiskLevel.HEALTHY, 78), Map.of(-2, 96));
    Worsening.Judgement first = judge(fell, state(RiskLevel.HEALTHY, 90, NOW - HOUR));
    assertThat(first.alerts()).isTrue();

    long later = NOW + HOUR;
    TenantReport same = withHistory(tenant(RiskLevel.HEALTHY, 77), Map.of(-2, 96));
    Worsening.Judgement again =
        Worsening.judge(same, first.next(), said(first), later, 15, COOL_DOWN);
    assertThat(again.alerts()).as("the same fall, an hour later").isFalse();

    TenantReport further = withHistory(tenant(RiskLevel.HEALTHY, 62), Map.of(-2, 96));
    Worsening.Judgement deeper =
        Worsening.judge(further, again.next(), said(first), later + HOUR, 15, COOL_DOWN);
    assertThat(deeper.triggers()).containsExactly(Worsening.SCORE_DROP);
    assertThat(deeper.referenceScore()).isEqualTo(78);
  }

  @Test
  void aWorseLevelAndALargeFallAreOneAlert() {
    Worsening.Judgement both =
        judge(tenant(RiskLevel.AT_RISK, 35), state(RiskLevel.ATTENTION, 60, NOW - HOUR));

    assertThat(both.triggers()).containsExactly(Worsening.RISK_LEVEL, Worsening.SCORE_DROP);
    assertThat(both.next().lastFallAt()).isEqualTo(NOW);
    assertThat(both.next().peakScore()).isEqualTo(35);
  }

  @Test
  void withinTheCoolDownOnlyATenantWorseThanItsLastAlertSaidIsAlertedAgain() {
    TenantState recovered = RECOVERED;
    Worsening.LastAlert said = SAID_AN_HOUR_AGO;

    Worsening.Judgement wobble =
        Worsening.judge(tenant(RiskLevel.ATTENTION, 60), recovered, said, NOW, 15, COOL_DOWN);
    assertThat(wobble.alerts()).as("back where the last alert said").isFalse();
    assertThat(wobble.heldBack()).containsExactly(Worsening.RISK_LEVEL, Worsening.SCORE_DROP);

    Worsening.Judgement lowerLevel =
        Worsening.judge(tenant(RiskLevel.AT_RISK, 50), recovered, said, NOW, 15, COOL_DOWN);
    assertThat(lowerLevel.triggers()).containsExactly(Worsening.RISK_LEVEL);
    assertThat(lowerLevel.heldBack()).containsExactly(Worsening.SCORE_DROP);

    Worsening.Judgement lowerScore =
        Worsening.judge(tenant(RiskLevel.ATTENTION, 45), recovered, said, NOW, 15, COOL_DOWN);
    assertThat(lowerScore.triggers()).containsExactly(Worsening.SCORE_DROP);
    assertThat(lowerScore.referenceScore()).isEqualTo(75);
    assertThat(lowerScore.heldBack()).containsExactly(Worsening.RISK_LEVEL);

    Worsening.LastAlert aDayAgo = new Worsening.LastAlert(RiskLevel.ATTENTION, 60, NOW - DAY);
    assertThat(
            Worsening.judge(tenant(RiskLevel.ATTENTION, 60), recovered, aDayAgo, NOW, 15, COOL_DOWN)
                .triggers())
        .as("the cool-down over, to the millisecond: every fall alerts again")
        .containsExactly(Worsening.RISK_LEVEL, Worsening.SCORE_DROP);
    assertThat(
            Worsening.judge(
                    tenant(RiskLevel.ATTENTION, 60), recovered, said, NOW, 15, Duration.ZERO)
                .triggers())
        .as("without a cool-down")
        .containsExactly(Worsening.RISK_LEVEL, Worsening.SCORE_DROP);
    assertThat(
            Worsening.judge(tenant(RiskLevel.ATTENTION, 60), recovered, null, NOW, 15, COOL_DOWN)
                .triggers())
        .as("what the last alert said is not known")
        .containsExactly(Worsening.RISK_LEVEL, Worsening.SCORE_DROP);
  }

  /**
   * A fall the cool-down held back is used up like one alerted: staying there raises nothing,
   * neither in the cool-down nor after it, and a later fall is measured from it.
   */
  @Test
  void aFallHeldBackIsUsedUp() {
    TenantState recovered = RECOVERED;
    Worsening.LastAlert said = SAID_AN_HOUR_AGO;
    TenantReport fellBack = withHistory(tenant(RiskLevel.ATTENTION, 60), Map.of(-1, 75));
    Worsening.Judgement held = Worsening.judge(fellBack, recovered, said, NOW, 15, COOL_DOWN);
    assertThat(held.heldBack()).isNotEmpty();
    assertThat(held.next().lastFallAt()).isEqualTo(NOW);

    for (long later : new long[] {NOW + HOUR, NOW - HOUR + DAY, NOW + 2 * DAY}) {
      Worsening.Judgement staying =
          Worsening.judge(fellBack, held.next(), said, later, 15, COOL_DOWN);
      assertThat(staying.triggers()).as("%d h later", (later - NOW) / HOUR).isEmpty();
      assertThat(staying.heldBack()).as("%d h later", (later - NOW) / HOUR).isEmpty();
    }

    TenantReport further = withHistory(tenant(RiskLevel.ATTENTION, 44), Map.of(-1, 75));
    Worsening.Judgement deeper =
        Worsening.judge(further, held.next(), said, NOW + HOUR, 15, COOL_DOWN);
    assertThat(deeper.triggers()).containsExactly(Worsening.SCORE_DROP);
    assertThat(deeper.referenceScore()).isEqualTo(60);
  }

  private static final Duration COOL_DOWN = Duration.ofHours(24);

  /** Alerted an hour ago at attention with 60 ({@link #SAID_AN_HOUR_AGO}), healthy again since. */
  private static final TenantState RECOVERED =
      new TenantState(
          "acme", RiskLevel.HEALTHY, 75, 75, NOW - HOUR / 2, NOW - HOUR, NOW - HOUR / 2);

  private static final Worsening.LastAlert SAID_AN_HOUR_AGO =
      new Worsening.LastAlert(RiskLevel.ATTENTION, 60, NOW - HOUR);

  private static Worsening.Judgement judge(TenantReport tenant, TenantState before) {
    return Worsening.judge(tenant, before, null, NOW, 15, COOL_DOWN);
  }

  /** What an alert raised by this judgement said. */
  private static Worsening.LastAlert said(Worsening.Judgement alerted) {
    return new Worsening.LastAlert(
        alerted.next().level(), alerted.next().score(), alerted.next().evaluatedAt());
  }

  private static TenantState state(RiskLevel level, int score, long at) {
    return new TenantState("acme", level, score, score, at, null, at);
  }

  private static TenantReport tenant(RiskLevel level, int score) {
    return new TenantReport(
        "acme", level, score, List.of("why"), List.of(), null, null, null, null, null, null, null);
  }

  /** Daily snapshots: days relative to today (-1 is yesterday) and their scores. */
  private static TenantReport withHistory(TenantReport tenant, Map<Integer, Integer> scores) {
    LocalDate today = Instant.ofEpochMilli(NOW).atZone(ZoneOffset.UTC).toLocalDate();
    List<HistoryPoint> points = new ArrayList<>();
    scores.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            day ->
                points.add(
                    new HistoryPoint(
                        today.plusDays(day.getKey()).toString(),
                        day.getValue(),
                        RiskLevel.HEALTHY)));
    return tenant.withTrends(null, null, null, points, Map.of());
  }
}
