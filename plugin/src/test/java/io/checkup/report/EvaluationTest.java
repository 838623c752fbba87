package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.checkup.report.Report.IndicatorResult;
import io.checkup.report.Report.TenantReport;
import io.checkup.stats.UtcPeriods;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    return evaluate(facts, config, statistics, Peers.NONE);
  }

  private static TenantReport evaluate(
      TenantFacts facts, ReportConfig config, boolean statistics, Peers peers) {
    return Evaluation.evaluate(
        new TenantView(facts, Map.of(), NOW, config),
        config,
        Evaluation.Counting.always(statistics),
        peers,
        new Explanations(config));
  }

  /** Yesterday's snapshot of clients of a size class with these weekly launches. */
  private static Peers peers(String sizeClass, long... launches7d) {
    List<Snapshot> day = new ArrayList<>();
    for (int i = 0; i < launches7d.length; i++) {
      day.add(
          new Snapshot(
              LocalDate.parse("2026-03-19"),
              "peer" + i,
              80,
              RiskLevel.HEALTHY,
              LocalDate.parse("2026-03-01"),
              sizeClass,
              Map.of("launches.7d", new Snapshot.Value(launches7d[i], Status.OK))));
    }
    return Peers.of(day);
  }

  private static IndicatorResult result(TenantReport report, Indicator indicator) {
    return report.indicators().stream()
        .filter(result -> result.id().equals(indicator.id()))
        .findFirst()
        .orElseThrow();
  }

  /**
   * A window the statistics cover only in part reads too low: two days after installation, a client
   * with 100 launches a day would have 200 in "the last 7 days" and be at risk. Such an indicator
   * is n/a, saying since when the statistics count and from when it is judged; one whose window is
   * covered is judged.
   */
  /**
   * A partner who sets the thresholds reads them in the explanations: the stuck threshold set to 10
   * days says 10 days, not the default of 30; one day is a day; the defaults say they are.
   */
  @Test
  void explanationsNameTheThresholdsTheConfigurationSets() {
    ReportConfig configured =
        ReportConfig.load(
            null,
            null,
            "{\"stuckAfterDays\": 10, \"unassignedAfterDays\": 1, \"deadBranchMinRuns\": 500}");
    TenantReport report = evaluate(tenant(100), configured, true);
    assertThat(result(report, Indicator.INSTANCES_STUCK).explanation())
        .contains("longer than the stuck threshold (10 days, as configured; listed in the details)")
        .doesNotContain("30 days");
    assertThat(result(report, Indicator.TASKS_UNASSIGNED_STALE).explanation())
        .contains("longer than the unassigned threshold (1 day, as configured; listed");
    assertThat(result(report, Indicator.DEAD_BRANCHES).explanation())
        .contains("ran at least 500 times (as configured) in the last 30 days");
    TenantReport byDefault = evaluate(tenant(100), ReportConfig.defaults(), true);
    assertThat(result(byDefault, Indicator.INSTANCES_STUCK).explanation())
        .contains("(30 days by default; listed in the details)");
    assertThat(result(byDefault, Indicator.DEAD_BRANCHES).explanation())
        .contains("ran at least 100 times in the last 30 days");
  }

  @Test
  void aWindowTheStatisticsCoverOnlyInPartIsNotJudged() {
    ReportConfig config = ReportConfig.defaults();
    TenantReport twoDays =
        Evaluation.evaluate(
            new TenantView(tenant(100), Map.of(), NOW, config),
            config,
            new Evaluation.Counting(true, NOW - 2 * UtcPeriods.DAY),
            Peers.NONE,
            new Explanations(config));

    IndicatorResult launches = result(twoDays, Indicator.LAUNCHES);
    assertThat(launches.status()).isEqualTo(Status.NOT_APPLICABLE);
    // what was counted is shown (a test driving its own traffic reads it exactly), not judged
    assertThat(launches.value()).isEqualTo(700L);
    assertThat(twoDays.reasons()).noneMatch(reason -> reason.contains("launches"));
    assertThat(launches.explanation()).doesNotContain("Above the norm");
    assertThat(launches.explanation())
        .contains(
            "n/a: the runtime statistics have been counted since 2026-03-18T12:00:00Z, less than the "
                + "last 7 days this indicator looks at; it is judged from 2026-03-25T12:00:00Z on.");
    assertThat(result(twoDays, Indicator.USERS_DIGITIZED).status())
        .isEqualTo(Status.NOT_APPLICABLE);
    // the last 24 hours are covered
    assertThat(result(twoDays, Indicator.ACTIONS).status()).isNotEqualTo(Status.NOT_APPLICABLE);
    // judged the same way, the tenant would be out of norm on launches
    assertThat(result(evaluate(tenant(100), config, true), Indicator.LAUNCHES).status())
        .isEqualTo(Status.OUT_OF_NORM);

    TenantReport nothing =
        Evaluation.evaluate(
            new TenantView(tenant(100), Map.of(), NOW, config),
            config,
            new Evaluation.Counting(true, null),
            Peers.NONE,
            new Explanations(config));
    assertThat(result(nothing, Indicator.ACTIONS).explanation())
        .contains("n/a: nothing has been counted yet; this indicator looks at the last 24 hours.");
  }

  /**
   * A client onboarded hours after the statistics began counting (a partner's trial): every window
   * indicator of it is judged from the same moment, its first deployment plus the window, whether
   * it has a value yet or not; one without a value also says why it has none.
   */
  @Test
  void aNewClientsWindowsAreJudgedFromOneMomentAndAMissingValueSaysWhy() {
    ReportConfig config = ReportConfig.defaults();
    TenantFacts facts = tenant(3);
    facts.firstDeployment = NOW - 2 * UtcPeriods.HOUR;
    facts.assignees30d.clear();
    facts.assignees30d.add("someone-else"); // work went to a non-member only
    TenantReport report =
        Evaluation.evaluate(
            new TenantView(facts, Map.of(), NOW, config),
            config,
            new Evaluation.Counting(true, NOW - 12 * UtcPeriods.HOUR),
            Peers.NONE,
            new Explanations(config));

    String judged =
        "n/a: the tenant is known since 2026-03-20T10:00:00Z (its first deployment), less than the "
            + "last 7 days this indicator looks at; it is judged from 2026-03-27T10:00:00Z on.";
    IndicatorResult perUser = result(report, Indicator.LAUNCHES_PER_USER);
    assertThat(perUser.value()).isNotNull();
    assertThat(perUser.explanation()).contains(judged).doesNotContain("No value now");
    IndicatorResult tasks = result(report, Indicator.TASKS_PER_USER);
    assertThat(tasks.value()).isNull();
    assertThat(tasks.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(tasks.explanation())
        .contains(judged)
        .contains(
            "No value now: no member of the tenant (no one at all, in a tenant without members) was "
                + "given a user task in the last 30 days.");

    // counted only since an hour ago, later than the tenant is known: the statistics cannot tell
    // what happened in the last 30 days, so no reason for the missing value is given
    TenantReport counting =
        Evaluation.evaluate(
            new TenantView(facts, Map.of(), NOW, config),
            config,
            new Evaluation.Counting(true, NOW - UtcPeriods.HOUR),
            Peers.NONE,
            new Explanations(config));
    assertThat(result(counting, Indicator.TASKS_PER_USER).explanation())
        .contains("n/a: the runtime statistics have been counted since 2026-03-20T11:00:00Z")
        .doesNotContain("No value now");
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
  void aValueAboveTheRangeIsExplainedAsAboveNotAsBelow() {
    ReportConfig config = ReportConfig.defaults();
    // 30,000 launches in 7 days for an account whose norm is 1,000 to 10,000; more launches than
    // that cost the most points
    TenantReport busy = evaluate(tenant(30_000 / 7), config, true);
    IndicatorResult launches = result(busy, Indicator.LAUNCHES);
    assertThat(launches.status()).isEqualTo(Status.OUT_OF_NORM);
    assertThat(launches.explanation())
        .contains("Above the norm, what to do: look for processes that start each other in loops")
        // not the advice for a value below the norm
        .doesNotContain("start it from a process");
    assertThat(busy.reasons())
        .anySatisfy(
            reason ->
                assertThat(reason)
                    .startsWith("Process launches in the last 7 days")
                    .endsWith("more launches than an account of this size usually has."))
        .noneSatisfy(reason -> assertThat(reason).contains("manual work cheaper"));

    // below the range: the words of the source, unchanged
    TenantReport quiet = evaluate(tenant(10), config, true);
    assertThat(result(quiet, Indicator.LAUNCHES).explanation()).doesNotContain("Above the norm");
    assertThat(quiet.reasons())
        .anySatisfy(reason -> assertThat(reason).contains("manual work cheaper than automation"));
  }

  @Test
  void tooFewCompletedElementsAreNotBlamedOnLoopsAndAZeroNormSaysNoneAllowed() {
    ReportConfig config = ReportConfig.defaults();
    TenantFacts quiet = tenant(200);
    quiet.actions24h = 14;
    TenantFacts busy = tenant(200);
    busy.actions24h = 5_000_000;

    assertThat(evaluate(quiet, config, true).reasons())
        .filteredOn(reason -> reason.startsWith("Completed elements"))
        .singleElement()
        .asString()
        .contains("(norm 1,000 to 1,000,000)")
        .contains("too little automation")
        .doesNotContain("loops");
    assertThat(evaluate(busy, config, true).reasons())
        .filteredOn(reason -> reason.startsWith("Completed elements"))
        .singleElement()
        .asString()
        .contains("loops")
        .doesNotContain("too little");
    // incidents.open: none allowed, said so rather than "none", which reads as "no norm"
    assertThat(result(evaluate(quiet, config, true), Indicator.INCIDENTS_OPEN).explanation())
        .startsWith("Norm: none allowed.");
  }

  @Test
  void aProcessDeployedThisWeekIsNotYetUnused() {
    TenantFacts facts = tenant(200);
    deployed(facts, "old", NOW - 30 * UtcPeriods.DAY, NOW - 30 * UtcPeriods.DAY);
    deployed(facts, "fresh", NOW - 60_000, NOW - 60_000);
    // an idle process whose new version came a minute ago has had its 7 days
    deployed(facts, "redeployed", NOW - 30 * UtcPeriods.DAY, NOW - 60_000);
    deployed(facts, "used", NOW - 30 * UtcPeriods.DAY, NOW - 30 * UtcPeriods.DAY);
    facts.activeKeys.add("used");

    IndicatorResult unused =
        result(evaluate(facts, ReportConfig.defaults(), true), Indicator.PROCESSES_UNUSED);

    assertThat(unused.value()).isEqualTo(2L);
    assertThat(unused.details().toString())
        .contains("old", "redeployed")
        .doesNotContain("fresh", "used");
  }

  /** A process first deployed at {@code first}, its latest version at {@code latest}. */
  private static void deployed(TenantFacts facts, String key, long first, long latest) {
    facts.latest.put(key, definition(key, latest));
    facts.keyFirstDeployed.put(key, first);
  }

  private static TenantFacts.Definition definition(String key, long deployed) {
    return new TenantFacts.Definition(
        key + ":1", "acme", key, key, 1, false, "d-" + key, key + ".bpmn", deployed);
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

  @Test
  void percentilesInterpolateAsASpreadsheetDoes() {
    Peers peers = peers("small", 40, 10, 30, 20);
    // PERCENTILE.INC({10,20,30,40}, 0.25) = 17.5; 0.5 = 25; 0.9 = 37
    assertThat(peers.percentile("small", Indicator.LAUNCHES, 25)).isEqualTo(17.5);
    assertThat(peers.percentile("small", Indicator.LAUNCHES, 50)).isEqualTo(25.0);
    assertThat(peers.percentile("small", Indicator.LAUNCHES, 90)).isCloseTo(37.0, within(1e-9));
    assertThat(peers.count("small", Indicator.LAUNCHES)).isEqualTo(4);
    assertThat(peers.count("medium", Indicator.LAUNCHES)).isZero();
    assertThat(peers.percentile("medium", Indicator.LAUNCHES, 25)).isNull();
  }

  @Test
  void aRelativeLowerBoundPutsTheLowestQuarterOfTheSizeClassOutOfNorm() {
    ReportConfig config =
        ReportConfig.load(
            null,
            null,
            "{\"sizeClasses\": {\"small\": {\"norms\": {\"launches.7d\": "
                + "{\"minPercentile\": 25}}}}, \"warningMargin\": 0}");
    // ten small clients with 100, 200, ... 1,000 launches a week: the 25th percentile is 325
    Peers peers = peers("small", 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000);
    // a medium client's launches do not count for the small ones
    IndicatorResult low =
        result(evaluate(tenant(40), config, true, peers), Indicator.LAUNCHES); // 280 a week
    IndicatorResult fine =
        result(evaluate(tenant(50), config, true, peers), Indicator.LAUNCHES); // 350 a week

    assertThat(low.status()).isEqualTo(Status.OUT_OF_NORM);
    assertThat(low.norm().min().doubleValue()).isEqualTo(325.0);
    // the default upper bound (10,000) stays: only the lower one is relative
    assertThat(low.norm().max().doubleValue()).isEqualTo(10_000.0);
    assertThat(low.explanation())
        .startsWith(
            "Norm: 325 to 10,000 (relative: the 25th percentile of 10 clients of size class "
                + "small).");
    assertThat(fine.status()).isEqualTo(Status.OK);
  }

  @Test
  void withTooFewClientsInTheSizeClassTheFixedBoundApplies() {
    ReportConfig config =
        ReportConfig.load(
            null, null, "{\"norms\": {\"launches.7d\": {\"minPercentile\": 25}}, \"minPeers\": 5}");
    IndicatorResult result =
        result(
            evaluate(tenant(40), config, true, peers("small", 100, 200, 300, 400)),
            Indicator.LAUNCHES);

    assertThat(result.norm().min().doubleValue()).isEqualTo(1_000.0);
    assertThat(result.status()).isEqualTo(Status.OUT_OF_NORM);
    assertThat(result.explanation())
        .contains(
            "The relative bound needs at least 5 clients of size class small in the last daily "
                + "snapshot (4 there); the fixed bound applies.");
  }

  @Test
  void aPercentileOutsideZeroToHundredNamesTheKey() {
    assertThatThrownBy(
            () ->
                ReportConfig.load(
                    null, null, "{\"norms\": {\"launches.7d\": {\"maxPercentile\": 100}}}"))
        .hasMessageContaining("norms.launches.7d.maxPercentile")
        .hasMessageContaining("above 0 and below 100");
  }
}
