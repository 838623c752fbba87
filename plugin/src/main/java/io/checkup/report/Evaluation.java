package io.checkup.report;

import io.checkup.report.Report.IndicatorResult;
import io.checkup.report.Report.NormView;
import io.checkup.report.Report.TenantReport;
import io.checkup.stats.UtcPeriods;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The same steps for every indicator of a tenant: measure, find the norm that applies, decide the
 * status, take the penalty off the score; then the level and the reasons. Pure: facts and
 * configuration in, the tenant's report out, no database and no engine.
 */
final class Evaluation {

  private final TenantView tenant;
  private final ReportConfig config;
  private final Counting counting;
  private final Peers peers;
  private final Explanations explanations;
  private final String sizeClass;
  private final Map<Indicator, IndicatorResult> results = new EnumMap<>(Indicator.class);
  private final Map<Indicator, Double> penalties = new EnumMap<>(Indicator.class);

  /**
   * The norm in words as the explanation and the reasons say it (a share of users named with their
   * count).
   */
  private final Map<Indicator, String> reasonNorms = new EnumMap<>(Indicator.class);

  /**
   * Whether the runtime statistics are collected, and since when they have been counted (epoch
   * milliseconds; null: nothing counted yet).
   */
  record Counting(boolean collected, Long since) {

    /** Collected, and counted long before any window: every indicator from them is judged. */
    static Counting always(boolean collected) {
      return new Counting(collected, Long.MIN_VALUE);
    }
  }

  private Evaluation(
      TenantView tenant,
      ReportConfig config,
      Counting counting,
      Peers peers,
      Explanations explanations) {
    this.tenant = tenant;
    this.config = config;
    this.counting = counting;
    this.peers = peers;
    this.explanations = explanations;
    this.sizeClass = config.sizeClass(tenant.facts().tenantId, tenant.users());
  }

  /**
   * The report of one tenant.
   *
   * @param counting whether the runtime statistics are collected and since when (indicators from
   *     them are n/a otherwise, or while they cover their window only in part)
   * @param peers the values relative norms are percentiles of
   * @param explanations the explanations made so far for this report's tenants
   */
  static TenantReport evaluate(
      TenantView tenant,
      ReportConfig config,
      Counting counting,
      Peers peers,
      Explanations explanations) {
    return new Evaluation(tenant, config, counting, peers, explanations).report();
  }

  /** True when the statistics have been counted over the whole of the last {@code days} days. */
  private boolean countedOver(int days) {
    return counting.since() != null && counting.since() <= tenant.now() - days * UtcPeriods.DAY;
  }

  private String partlyCounted(int days) {
    String window = IndicatorTexts.window(days);
    if (counting.since() == null) {
      return "n/a: nothing has been counted yet; this indicator looks at the last " + window + ".";
    }
    return "n/a: the runtime statistics have been counted since "
        + Instant.ofEpochMilli(counting.since())
        + ", less than the last "
        + window
        + " this indicator looks at; it is judged from "
        + Instant.ofEpochMilli(counting.since() + days * UtcPeriods.DAY)
        + " on.";
  }

  /**
   * Whether the statistics began counting after the tenant became known (or have counted nothing),
   * so that a window is judged later for the counting than for the tenant's age.
   */
  private boolean countedLaterThanKnown() {
    Long since = tenant.knownSince();
    return counting.since() == null || (since != null && counting.since() > since);
  }

  /** True when the tenant is known to have existed over the whole of the last {@code days} days. */
  private boolean olderThan(int days) {
    Long since = tenant.knownSince();
    return since != null && since <= tenant.now() - days * UtcPeriods.DAY;
  }

  private String tooNew(int days) {
    String window = IndicatorTexts.window(days);
    Long since = tenant.knownSince();
    if (since == null) {
      return "n/a: the tenant is new: nothing is deployed to it and no daily snapshot holds it yet; "
          + "this indicator looks at the last "
          + window
          + ".";
    }
    return "n/a: the tenant is known since "
        + Instant.ofEpochMilli(since)
        + (since.equals(tenant.facts().firstDeployment)
            ? " (its first deployment)"
            : " (when the first daily snapshot that holds it was written)")
        + ", less than the last "
        + window
        + " this indicator looks at; it is judged from "
        + Instant.ofEpochMilli(since + days * UtcPeriods.DAY)
        + " on.";
  }

  /**
   * The UTC day from which a young tenant's window of {@code days} days is judged; empty while the
   * tenant's first day is not known (nothing deployed, no daily snapshot holds it yet).
   */
  private String judgedFrom(int days) {
    Long since = tenant.knownSince();
    return since == null
        ? ""
        : Instant.ofEpochMilli(since + days * UtcPeriods.DAY)
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .toString();
  }

  private TenantReport report() {
    for (Indicator indicator : Indicator.values()) {
      evaluate(indicator);
    }
    double lost = 0;
    for (double penalty : penalties.values()) {
      lost += penalty;
    }
    int score = (int) Math.max(0, Math.round(100 - lost));
    TenantFacts facts = tenant.facts();
    ReportConfig.TenantSettings settings = config.tenant(facts.tenantId);
    return new TenantReport(
        facts.tenantId,
        RiskLevel.of(score, config),
        score,
        reasons(),
        List.copyOf(results.values()),
        facts.tenantId == null ? "(default)" : facts.name,
        settings == null ? null : settings.plan(),
        sizeClass,
        settings == null ? null : settings.profile(),
        tenant.users(),
        tenant.ageDays(),
        launchesChart());
  }

  private void evaluate(Indicator indicator) {
    Measurement measured = indicator.measure(tenant);
    Number value = measured.value();
    String note = null;
    if (indicator.fromStatistics() && !counting.collected()) {
      value = null;
      note = "n/a: the runtime statistics are switched off (statsEnabled=false).";
    }
    // a window counted in part reads too low: a fresh installation would put every client at risk
    // in its first week. What was counted is shown (exactly what happened since), not judged
    boolean partial =
        indicator.windowDays() > 0 && counting.collected() && !countedOver(indicator.windowDays());
    // a client onboarded this week has had no time for a week's work: judged at once, each new
    // client would be at risk, and alerted on, on its first day. Its value is all it did, and shown
    boolean youngTenant = indicator.windowDays() > 0 && !olderThan(indicator.windowDays());
    boolean young = youngTenant && value != null;
    if (partial && (!youngTenant || countedLaterThanKnown())) {
      // of the two reasons, the one that holds longer explains until when
      note = partlyCounted(indicator.windowDays());
      young = false;
    } else if (youngTenant && counting.collected()) {
      note = tooNew(indicator.windowDays());
      if (value == null) {
        // counted since before the tenant existed, so why there is no value is known too
        note += " No value now: " + indicator.noValue();
      }
    }
    Integer users = tenant.users();
    Integer ageDays = tenant.ageDays();
    Norm norm = config.norm(indicator, tenant.facts().tenantId, sizeClass);
    Double min = norm.min();
    if (norm.minShareOfUsers() != null) {
      min = users == null || users == 0 ? null : Math.ceil(users * norm.minShareOfUsers() - 1e-9);
    }
    Double max = norm.max();
    String relative = null;
    if (norm.relative()) {
      int count = peers.count(sizeClass, indicator);
      if (count >= Math.max(1, config.minPeers())) {
        if (norm.minPercentile() != null) {
          min = peers.percentile(sizeClass, indicator, norm.minPercentile());
        }
        if (norm.maxPercentile() != null) {
          max = peers.percentile(sizeClass, indicator, norm.maxPercentile());
        }
        relative = relativeText(norm, count);
      } else if (note == null) {
        note =
            "The relative bound needs at least "
                + config.minPeers()
                + " clients of "
                + (sizeClass == null ? "no size class" : "size class " + sizeClass)
                + " in the last daily snapshot ("
                + count
                + " there); "
                + (norm.min() != null || norm.max() != null
                    ? "the fixed bound applies."
                    : "none applies yet.");
      }
    }
    boolean minApplies =
        min != null
            && (norm.minAfterAgeDays() == null
                || (ageDays != null && ageDays >= norm.minAfterAgeDays()));
    if (min != null && !minApplies && note == null) {
      note =
          "The lower bound applies from an age of "
              + norm.minAfterAgeDays()
              + " days; this tenant is "
              + (ageDays == null ? "without deployments" : ageDays + " days old")
              + ".";
    }
    if (norm.off()) {
      minApplies = false;
      max = null;
      note = note == null ? "n/a: switched off for this tenant's size class or settings." : note;
    }
    boolean above = value != null && !young && !partial && max != null && value.doubleValue() > max;
    Status status;
    if (value == null || young || partial || (!minApplies && max == null)) {
      status = Status.NOT_APPLICABLE;
      if (value == null && note == null) {
        note = "n/a: " + indicator.noValue();
      }
    } else {
      status = status(value.doubleValue(), minApplies ? min : null, max);
      double weight = config.weight(indicator);
      if (status == Status.OUT_OF_NORM) {
        penalties.put(indicator, weight);
      } else if (status == Status.WARNING) {
        penalties.put(indicator, weight / 2);
      }
    }
    Double shownMin = minApplies ? min : null;
    String normText =
        IndicatorTexts.norm(
                indicator,
                shownMin,
                max,
                norm.minShareOfUsers() != null && relative == null ? users : null)
            + (relative == null || (shownMin == null && max == null) ? "" : relative);
    String explanation = explanations.of(indicator, normText, note, above);
    reasonNorms.put(indicator, normText);
    results.put(
        indicator,
        new IndicatorResult(
            indicator.id(),
            value,
            new NormView(number(shownMin), number(max)),
            status,
            explanation,
            measured.details(),
            indicator.title(),
            null,
            IndicatorTexts.value(indicator, value),
            IndicatorTexts.norm(indicator, shownMin, max, null)
                + (relative == null || (shownMin == null && max == null) ? "" : " (relative)"),
            config.weight(indicator),
            measured.elements(),
            young ? judgedFrom(indicator.windowDays()) : null));
  }

  /** "(relative: the 25th percentile of 40 medium clients)", as the norm's words end. */
  private String relativeText(Norm norm, int count) {
    String which;
    if (norm.minPercentile() != null && norm.maxPercentile() != null) {
      which =
          "the "
              + ordinal(norm.minPercentile())
              + " to "
              + ordinal(norm.maxPercentile())
              + " percentile";
    } else {
      which =
          "the "
              + ordinal(norm.minPercentile() != null ? norm.minPercentile() : norm.maxPercentile())
              + " percentile";
    }
    return " (relative: " + which + " of " + count + " clients of size class " + sizeClass + ")";
  }

  private static String ordinal(double percentile) {
    String number = IndicatorTexts.format(percentile);
    if (percentile != Math.rint(percentile)) {
      return number + "th";
    }
    long whole = (long) percentile;
    String suffix =
        whole % 100 >= 11 && whole % 100 <= 13
            ? "th"
            : switch ((int) (whole % 10)) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return number + suffix;
  }

  /**
   * Inside the bounds: ok; outside by no more than the warning margin (relative to the bound): a
   * warning.
   */
  private Status status(double value, Double min, Double max) {
    double gap = 0;
    if (min != null && value < min) {
      gap = min == 0 ? Double.POSITIVE_INFINITY : (min - value) / Math.abs(min);
    } else if (max != null && value > max) {
      gap = max == 0 ? Double.POSITIVE_INFINITY : (value - max) / Math.abs(max);
    }
    return gap == 0
        ? Status.OK
        : gap <= config.warningMargin() ? Status.WARNING : Status.OUT_OF_NORM;
  }

  /** The indicators that cost the most points, in plain words. */
  private List<String> reasons() {
    List<Indicator> costly = new ArrayList<>(penalties.keySet());
    costly.sort(
        Comparator.comparingDouble((Indicator i) -> -penalties.get(i))
            .thenComparing(Enum::ordinal));
    List<String> reasons = new ArrayList<>();
    for (Indicator indicator : costly.subList(0, Math.min(config.reasons(), costly.size()))) {
      IndicatorResult result = results.get(indicator);
      reasons.add(
          indicator.title()
              + ": "
              + result.valueText()
              + " (norm "
              + reasonNorms.get(indicator)
              + "); "
              + (isAbove(result) ? indicator.consequenceAbove() : indicator.consequence())
              + ".");
    }
    return reasons;
  }

  private static boolean isAbove(IndicatorResult result) {
    return result.value() != null
        && result.norm().max() != null
        && result.value().doubleValue() > result.norm().max().doubleValue();
  }

  /** Launches per UTC day over the last 4 weeks, today's (so far) last. */
  private Report.Launches launchesChart() {
    long today = tenant.today();
    List<Long> perDay = new ArrayList<>();
    for (int day = 27; day >= 0; day--) {
      perDay.add(tenant.launchesOn(today - day * UtcPeriods.DAY));
    }
    return new Report.Launches(UtcPeriods.date(today - 27 * UtcPeriods.DAY).toString(), perDay);
  }

  /** Whole numbers as longs, so that JSON shows 1000 and not 1000.0. */
  static Number number(Double value) {
    if (value == null) {
      return null;
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) value.longValue() : value;
  }
}
