package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.report.Report.HistoryPoint;
import io.checkup.report.Report.IndicatorResult;
import io.checkup.report.Report.TenantReport;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which clients the report says are getting worse: a partner acts on this list, so a client whose
 * use slides while every norm still holds must be on it, and one whose numbers only wobble must
 * not.
 */
class DeclineTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

  @Test
  void launchesFallingByAFifthWithinTheirNormMakeAClientOneGettingWorse() {
    // a trial's client: 1,391 launches a week ago, 1,076 today, every indicator ok, score flat
    TenantReport tenant = tenant(100, 0, Map.of("launches.7d", new Number[] {1076, 1391}));

    assertThat(Decline.of(tenant, TODAY))
        .containsExactly(
            "launches in the last 7 days fell by 23 % against the 7 days before (1,391 → 1,076)");
  }

  @Test
  void aClientAtTheBottomOfTheScoreStillShowsItsUseFalling() {
    // score 0 for weeks: the score cannot fall any more, the launches still can
    TenantReport tenant =
        tenant(
            0,
            0,
            Map.of(
                "launches.7d", new Number[] {73, 109}, "users.digitized-30d", new Number[] {6, 9}));

    assertThat(Decline.of(tenant, TODAY))
        .containsExactly(
            "launches in the last 7 days fell by 33 % against the 7 days before (109 → 73)",
            "users given work in the last 30 days fell by 33 % in 7 days (9 → 6)");
  }

  @Test
  void numbersThatOnlyWobbleOrAreTooSmallToTellAreNoDecline() {
    // 5 % noise, a fall just short of a fifth, a fall from too few launches or users to tell, a
    // rise, and no value a week ago
    for (Number[] launches :
        List.of(
            new Number[] {2070, 2180},
            new Number[] {801, 1000},
            new Number[] {5, 19},
            new Number[] {300, 200},
            new Number[] {300, null})) {
      TenantReport tenant =
          tenant(
              90, -9, Map.of("launches.7d", launches, "users.digitized-30d", new Number[] {1, 4}));
      assertThat(Decline.of(tenant, TODAY)).as("%s", (Object) launches).isEmpty();
    }
  }

  @Test
  void aValueNotJudgedYetSaysNothingOfAFall() {
    // counted over part of its window only (the statistics restarted): n/a, not a fall of 60 %
    TenantReport tenant = tenant(90, 0, Map.of("launches.7d", new Number[] {400, 1000}));
    IndicatorResult partial = tenant.indicators().get(0);
    TenantReport notJudged =
        tenant.withIndicators(
            List.of(
                new IndicatorResult(
                    partial.id(),
                    partial.value(),
                    partial.norm(),
                    Status.NOT_APPLICABLE,
                    partial.explanation(),
                    partial.details(),
                    partial.title(),
                    partial.previousValue(),
                    partial.valueText(),
                    partial.normText(),
                    partial.weight(),
                    partial.elements(),
                    partial.judgedFrom())));

    assertThat(Decline.of(tenant, TODAY)).hasSize(1);
    assertThat(Decline.of(notJudged, TODAY)).isEmpty();
  }

  @Test
  void aFallOfExactlyAFifthCounts() {
    assertThat(Decline.of(tenant(90, 0, Map.of("launches.7d", new Number[] {800, 1000})), TODAY))
        .containsExactly(
            "launches in the last 7 days fell by 20 % against the 7 days before (1,000 → 800)");
  }

  @Test
  void aScoreFallOfTenOrAWorseLevelThanAWeekAgoMakeAClientOneGettingWorse() {
    assertThat(Decline.of(tenant(70, -10, Map.of()), TODAY))
        .containsExactly("score fell by 10 in 7 days (80 → 70)");

    TenantReport slipped =
        tenant(
            RiskLevel.ATTENTION,
            79,
            -4,
            Map.of(),
            List.of(
                new HistoryPoint("2026-11-24", 60, RiskLevel.AT_RISK),
                new HistoryPoint("2026-11-25", 83, RiskLevel.HEALTHY),
                new HistoryPoint("2026-11-26", 83, RiskLevel.AT_RISK)));
    assertThat(Decline.of(slipped, TODAY))
        .containsExactly("level worse than 7 days ago (healthy → attention)");

    // in words, as the pages' badges write the level
    TenantReport fell =
        tenant(
            RiskLevel.AT_RISK,
            40,
            -4,
            Map.of(),
            List.of(new HistoryPoint("2026-11-25", 44, RiskLevel.ATTENTION)));
    assertThat(Decline.of(fell, TODAY))
        .containsExactly("level worse than 7 days ago (attention → at risk)");
  }

  /**
   * A tenant with its score change in 7 days and, per indicator id, its value now and 7 days ago.
   */
  private static TenantReport tenant(int score, int change7d, Map<String, Number[]> values) {
    return tenant(RiskLevel.HEALTHY, score, change7d, values, List.of());
  }

  /** The same, with its level and daily snapshots. */
  private static TenantReport tenant(
      RiskLevel level,
      int score,
      int change7d,
      Map<String, Number[]> values,
      List<HistoryPoint> history) {
    Map<String, Number[]> ordered = new HashMap<>(values);
    List<IndicatorResult> indicators =
        ordered.entrySet().stream()
            .map(
                entry ->
                    new IndicatorResult(
                        entry.getKey(),
                        entry.getValue()[0],
                        new Report.NormView(null, null),
                        Status.OK,
                        "why",
                        List.of(),
                        entry.getKey(),
                        entry.getValue()[1],
                        String.valueOf(entry.getValue()[0]),
                        "",
                        10,
                        0,
                        null))
            .sorted((a, b) -> a.id().compareTo(b.id()))
            .toList();
    return new TenantReport(
        "acme",
        level,
        score,
        List.of(),
        indicators,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        change7d,
        null,
        null,
        history,
        List.of());
  }
}
