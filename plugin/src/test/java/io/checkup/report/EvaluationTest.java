package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.report.Report.IndicatorResult;
import io.checkup.report.Report.TenantReport;
import io.checkup.stats.UtcPeriods;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Norm, status, penalty, score and level for facts made by hand: no database, no engine. */
class EvaluationTest {

  private static final long NOW = Instant.parse("2026-03-20T12:00:00Z").toEpochMilli();

  /**
   * A tenant 200 days old with four users, two of them given work, and this many launches a day
   * this week.
   */
  private static TenantFacts tenant(long launchesPerDay) {
    TenantFacts facts = new TenantFacts("acme");
    facts.name = "ACME";
    facts.users = Set.of("anna", "bert", "carl", "dora");
    facts.assignees30d.addAll(Set.of("anna", "bert"));
    facts.firstDeployment = NOW - 200 * UtcPeriods.DAY;
    facts.lastChange = NOW - 10 * UtcPeriods.DAY;
    for (int day = 0; day < 7; day++) {
      facts.launchesPerDay.put(UtcPeriods.date(NOW - day * UtcPeriods.DAY), launchesPerDay);
    }
    return facts;
  }

  private static TenantReport evaluate(TenantFacts facts, ReportConfig config, boolean statistics) {
    return Evaluation.evaluate(new TenantView(facts, Map.of(), NOW, config), config, statistics);
  }

  private static IndicatorResult result(TenantReport report, Indicator indicator) {
    return report.indicators().stream()
        .filter(result -> result.id().equals(indicator.id()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void insideTheNormIsOkJustOutsideAWarningFurtherOutOfNorm() {
    ReportConfig config = ReportConfig.defaults();
    // launches.7d: 1,000 to 10,000, weight 25, warning margin 20 % of the bound
    assertThat(result(evaluate(tenant(200), config, true), Indicator.LAUNCHES).status())
        .isEqualTo(Status.OK);
    assertThat(result(evaluate(tenant(130), config, true), Indicator.LAUNCHES).status())
        .isEqualTo(Status.WARNING);
    assertThat(result(evaluate(tenant(100), config, true), Indicator.LAUNCHES).status())
        .isEqualTo(Status.OUT_OF_NORM);
    assertThat(result(evaluate(tenant(100), config, true), Indicator.LAUNCHES).value())
        .isEqualTo(700L);
  }

  @Test
  void theScoreLosesTheWeightOfEachIndicatorOutOfNormAndHalfOfEachWarning() {
    ReportConfig config = ReportConfig.defaults();
    for (long perDay : new long[] {100, 130, 200}) {
      TenantReport report = evaluate(tenant(perDay), config, true);
      double lost = 0;
      for (IndicatorResult result : report.indicators()) {
        Indicator indicator = Indicator.of(result.id());
        lost +=
            result.status() == Status.OUT_OF_NORM
                ? indicator.weight()
                : result.status() == Status.WARNING ? indicator.weight() / 2.0 : 0;
      }
      assertThat(report.score()).isEqualTo((int) Math.max(0, Math.round(100 - lost)));
      assertThat(report.riskLevel())
          .isEqualTo(
              report.score() >= 80
                  ? RiskLevel.HEALTHY
                  : report.score() >= 50 ? RiskLevel.ATTENTION : RiskLevel.AT_RISK);
    }
  }

  @Test
  void aLowerBoundAsAShareOfUsersIsWorkedOutAndSaidWithTheirCount() {
    TenantReport report = evaluate(tenant(200), ReportConfig.defaults(), true);

    IndicatorResult digitized = result(report, Indicator.USERS_DIGITIZED);
    // two thirds of four users, rounded up: 3; two were given work
    assertThat(digitized.value()).isEqualTo(2L);
    assertThat(digitized.norm().min()).isEqualTo(3L);
    assertThat(digitized.status()).isEqualTo(Status.OUT_OF_NORM);
    assertThat(digitized.explanation()).startsWith("Norm: at least 3 of the tenant's 4 users.");
    assertThat(digitized.details())
        .extracting(item -> item.get("userId"))
        .containsExactly("carl", "dora");
    assertThat(report.reasons())
        .anySatisfy(
            reason ->
                assertThat(reason)
                    .startsWith(
                        "Users given work by processes in the last 30 days: 2 (norm at least 3 of the tenant's 4 users)"));
  }

  @Test
  void withoutStatisticsTheirIndicatorsAreNotApplicableAndCostNothing() {
    TenantReport report = evaluate(tenant(100), ReportConfig.defaults(), false);

    for (Indicator indicator : Indicator.values()) {
      if (indicator.fromStatistics()) {
        IndicatorResult result = result(report, indicator);
        assertThat(result.value()).as(indicator.id()).isNull();
        assertThat(result.status()).as(indicator.id()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(result.explanation())
            .as(indicator.id())
            .contains("the runtime statistics are switched off");
      }
    }
    assertThat(report.reasons()).noneMatch(reason -> reason.startsWith("Process launches"));
  }

  @Test
  void theAgeRuleHoldsALowerBoundBackForYoungTenants() {
    TenantFacts young = tenant(200);
    young.firstDeployment = NOW - 20 * UtcPeriods.DAY;

    IndicatorResult total =
        result(evaluate(young, ReportConfig.defaults(), true), Indicator.MODELS_TOTAL);

    assertThat(total.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(total.explanation())
        .contains(
            "The lower bound applies from an age of 180 days; this tenant is 20 days " + "old.");
  }
}
