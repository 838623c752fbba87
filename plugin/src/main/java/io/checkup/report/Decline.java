package io.checkup.report;

import io.checkup.report.Report.HistoryPoint;
import io.checkup.report.Report.IndicatorResult;
import io.checkup.report.Report.TenantReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a client is getting worse, and why, from its trends: its level is worse than in the
 * snapshot of 7 days ago, its score fell by {@link #SCORE_FALL} or more in 7 days, or its use fell
 * by a fifth or more in 7 days while the norms may not show it yet (launches in the last 7 days,
 * from at least {@link #MIN_LAUNCHES}; users given work in the last 30 days, from at least {@link
 * #MIN_USERS}; values judged today, not {@code n/a}, which may be counted over part of their
 * window). A score cannot fall below 0 nor a level below at risk, and a use that slides within its
 * norm moves neither: falling use is what comes before a cancellation (checkup-metrics.md), so it
 * counts on its own. Both use indicators count over whole weeks or months, so weekends and a day's
 * noise do not move them.
 */
public final class Decline {

  /** The fall of the score within 7 days that makes a client one getting worse. */
  public static final int SCORE_FALL = 10;

  /** The share of its use a client loses within 7 days that makes it one getting worse. */
  public static final double USE_FALL = 0.2;

  /** Below this many launches 7 days ago a fall says too little (a few launches more or less). */
  public static final int MIN_LAUNCHES = 20;

  /** Below this many users given work 7 days ago a fall says too little. */
  public static final int MIN_USERS = 5;

  private Decline() {}

  /**
   * Why the tenant is getting worse, in plain words, most telling first; empty when it is not.
   *
   * @param tenant the tenant with its trends (score change, history, values 7 days ago)
   * @param today the report's day
   */
  public static List<String> of(TenantReport tenant, LocalDate today) {
    List<String> why = new ArrayList<>(0);
    String weekAgo = today.minusDays(7).toString();
    for (HistoryPoint point : tenant.history()) {
      if (point.date().equals(weekAgo)
          && point.riskLevel().ordinal() < tenant.riskLevel().ordinal()) {
        why.add(
            "level worse than 7 days ago ("
                + point.riskLevel().words()
                + " → "
                + tenant.riskLevel().words()
                + ")");
      }
    }
    Integer change = tenant.scoreChange7d();
    if (change != null && change <= -SCORE_FALL) {
      why.add(
          "score fell by "
              + -change
              + " in 7 days ("
              + (tenant.score() - change)
              + " → "
              + tenant.score()
              + ")");
    }
    for (IndicatorResult indicator : tenant.indicators()) {
      if (indicator.id().equals(Indicator.LAUNCHES.id())) {
        // the launch trend beside it compares with the 3 weeks before: say which week this is
        fell(
            indicator,
            MIN_LAUNCHES,
            "launches in the last 7 days",
            "against the 7 days before",
            why);
      } else if (indicator.id().equals(Indicator.USERS_DIGITIZED.id())) {
        fell(indicator, MIN_USERS, "users given work in the last 30 days", "in 7 days", why);
      }
    }
    return why;
  }

  private static void fell(
      IndicatorResult indicator, int least, String what, String since, List<String> why) {
    // a value not judged (n/a) may be counted over part of its window only: no fall to read from it
    if (indicator.value() == null
        || indicator.previousValue() == null
        || indicator.status() == Status.NOT_APPLICABLE) {
      return;
    }
    double then = indicator.previousValue().doubleValue();
    double now = indicator.value().doubleValue();
    if (then < least || now > then * (1 - USE_FALL)) {
      return;
    }
    why.add(
        what
            + " fell by "
            + Math.round((then - now) * 100 / then)
            + " % "
            + since
            + " ("
            + IndicatorTexts.format(then)
            + " → "
            + IndicatorTexts.format(now)
            + ")");
  }
}
