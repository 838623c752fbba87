package io.checkup.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A check-up report, in the JSON shape of ../shared/spec/interfaces.md (the fixed fields first,
 * more after them).
 *
 * @param generatedAt when, ISO-8601
 * @param tenants most at risk (lowest score) first
 */
public record Report(String generatedAt, List<TenantReport> tenants) {

  /** The same report, with only the tenants in scope. */
  public Report only(ReportScope scope) {
    List<TenantReport> kept = new ArrayList<>();
    for (TenantReport tenant : tenants) {
      if (scope.includes(tenant.tenantId())) {
        kept.add(tenant);
      }
    }
    return new Report(generatedAt, kept);
  }

  /**
   * One tenant.
   *
   * @param tenantId null for the tenant-less part
   * @param score 100 is perfectly healthy, 0 certain to churn
   * @param reasons the indicators that cost the most points, in plain words
   * @param sizeClass chosen from the user count unless configured
   * @param users members of the tenant, directly or through a group (null when the identity tables
   *     cannot tell)
   * @param ageDays days since the tenant's first deployment (null without deployments)
   * @param launches launches per day over the last 4 weeks, for the chart
   * @param worsening why the client is getting worse by its trends ({@link Decline}); empty when it
   *     is not
   */
  public record TenantReport(
      String tenantId,
      RiskLevel riskLevel,
      int score,
      List<String> reasons,
      List<IndicatorResult> indicators,
      String tenantName,
      String plan,
      String sizeClass,
      String profile,
      Integer users,
      Integer ageDays,
      Launches launches,
      Integer scoreChange7d,
      Integer scoreChange30d,
      String levelSince,
      List<HistoryPoint> history,
      List<String> worsening) {

    /** This tenant without trends: as far as the day's report alone tells. */
    public TenantReport(
        String tenantId,
        RiskLevel riskLevel,
        int score,
        List<String> reasons,
        List<IndicatorResult> indicators,
        String tenantName,
        String plan,
        String sizeClass,
        String profile,
        Integer users,
        Integer ageDays,
        Launches launches) {
      this(
          tenantId,
          riskLevel,
          score,
          reasons,
          indicators,
          tenantName,
          plan,
          sizeClass,
          profile,
          users,
          ageDays,
          launches,
          null,
          null,
          null,
          List.of(),
          List.of());
    }

    /**
     * This tenant with its trends from the daily snapshots, and each indicator's value 7 days ago.
     */
    public TenantReport withTrends(
        Integer change7d,
        Integer change30d,
        String since,
        List<HistoryPoint> points,
        Map<String, Number> previousValues) {
      List<IndicatorResult> withPrevious = new ArrayList<>();
      for (IndicatorResult indicator : indicators) {
        withPrevious.add(indicator.withPreviousValue(previousValues.get(indicator.id())));
      }
      return with(withPrevious, change7d, change30d, since, points, List.of());
    }

    /** This tenant with why it is getting worse by its trends ({@link Decline}), as of today. */
    public TenantReport withDecline(LocalDate today) {
      return with(
          indicators,
          scoreChange7d,
          scoreChange30d,
          levelSince,
          history,
          List.copyOf(Decline.of(this, today)));
    }

    /** This tenant with its indicators replaced (the same ones, otherwise judged or valued). */
    public TenantReport withIndicators(List<IndicatorResult> others) {
      return with(others, scoreChange7d, scoreChange30d, levelSince, history, worsening);
    }

    private TenantReport with(
        List<IndicatorResult> theIndicators,
        Integer change7d,
        Integer change30d,
        String since,
        List<HistoryPoint> points,
        List<String> why) {
      return new TenantReport(
          tenantId,
          riskLevel,
          score,
          reasons,
          theIndicators,
          tenantName,
          plan,
          sizeClass,
          profile,
          users,
          ageDays,
          launches,
          change7d,
          change30d,
          since,
          points,
          why);
    }
  }

  /** A day of a tenant's history: its score and level at the end of that day. */
  public record HistoryPoint(String date, int score, RiskLevel riskLevel) {}

  /**
   * One indicator of one tenant.
   *
   * @param value a number, or null when it cannot be worked out
   * @param status {@code ok}, {@code warning} (just outside the norm), {@code out-of-norm} or
   *     {@code n/a}
   * @param details the elements behind the value (processes, gateways, instances, tasks...)
   * @param previousValue the value in the daily snapshot of 7 days ago, or null
   * @param valueText the value with its unit, in words ("12 days", "+150 %", "n/a"), for pages
   * @param normText the bounds that apply, in short words ("1,000 to 10,000", "at most 30 days"),
   *     for pages
   * @param weight its risk weight for this tenant: what it costs out of norm
   * @param judgedFrom for an indicator over a time window of a tenant younger than the window: the
   *     UTC day from which it is judged (its value is shown, its status n/a), empty while the
   *     tenant's first day is not known; null otherwise
   */
  public record IndicatorResult(
      String id,
      Number value,
      NormView norm,
      Status status,
      String explanation,
      List<Map<String, Object>> details,
      String title,
      Number previousValue,
      @JsonIgnore String valueText,
      @JsonIgnore String normText,
      @JsonIgnore int weight,
      @JsonIgnore long elements,
      @JsonIgnore String judgedFrom) {

    /** How many elements behind the value the details leave out (beyond the details' limit). */
    @JsonIgnore
    public long unlisted() {
      return Math.max(0, elements - details.size());
    }

    IndicatorResult withPreviousValue(Number previous) {
      return new IndicatorResult(
          id,
          value,
          norm,
          status,
          explanation,
          details,
          title,
          previous,
          valueText,
          normText,
          weight,
          elements,
          judgedFrom);
    }
  }

  /** The bounds that apply to this tenant. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NormView(Number min, Number max) {}

  /**
   * Launches per UTC day.
   *
   * @param from the first day, ISO date
   * @param perDay one count per day from {@code from} to today
   */
  public record Launches(String from, List<Long> perDay) {}
}
