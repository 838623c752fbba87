package io.checkup.metrics;

import io.checkup.lint.PlainText;
import io.checkup.report.Report;
import io.checkup.report.Report.IndicatorResult;
import io.checkup.report.Report.TenantReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-up as Micrometer gauges, one row per tenant: {@code checkup.tenant.score}, {@code
 * checkup.tenant.level} (0 healthy, 1 attention, 2 at risk) and the main indicators as {@code
 * checkup.tenant.<indicator id>}, each tagged {@code tenant} ({@code (default)} for the part
 * without a tenant). They are set from the last report over all tenants, never computed on a
 * scrape; a tenant that leaves the report (excluded, or gone) leaves the gauges with it.
 */
public final class TenantGauges implements Consumer<Report> {

  /** The tag of the part of the engine without a tenant, as the check-up names it. */
  public static final String WITHOUT_TENANT = "(default)";

  /** The indicators exported as gauges, by id. */
  public static final List<String> INDICATORS =
      List.of(
          "launches.7d",
          "processes.active-7d",
          "incidents.open",
          "instances.stuck",
          "tasks.overdue",
          "models.errors");

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.metrics");

  private volatile boolean warnedOfTenantNamedLikeNone;

  /** The tags already warned of as two tenants' (once each, not on every report). */
  private final Set<String> warnedOfAlikeTags = ConcurrentHashMap.newKeySet();

  private final MultiGauge score;
  private final MultiGauge level;
  private final Map<String, MultiGauge> indicators = new LinkedHashMap<>();

  public TenantGauges(MeterRegistry registry) {
    score =
        MultiGauge.builder("checkup.tenant.score")
            .description(
                "Health score of the tenant in the last check-up: 100 healthy, 0 certain to churn")
            .register(registry);
    level =
        MultiGauge.builder("checkup.tenant.level")
            .description(
                "Risk level of the tenant in the last check-up: 0 healthy, 1 attention, 2 at risk")
            .register(registry);
    for (String id : INDICATORS) {
      indicators.put(
          id,
          MultiGauge.builder("checkup.tenant." + id)
              .description("Check-up indicator " + id + " of the tenant in the last check-up")
              .register(registry));
    }
  }

  /** Sets every gauge from a report over all tenants. */
  @Override
  public void accept(Report report) {
    List<MultiGauge.Row<?>> scores = new ArrayList<>();
    List<MultiGauge.Row<?>> levels = new ArrayList<>();
    Map<String, List<MultiGauge.Row<?>>> values = new LinkedHashMap<>();
    for (String id : INDICATORS) {
      values.put(id, new ArrayList<>());
    }
    Set<String> tagged = new HashSet<>();
    for (TenantReport tenant : report.tenants()) {
      if (WITHOUT_TENANT.equals(tenant.tenantId())) {
        // a deployment's tenant id is not checked by the engine: '(default)' is possible, and would
        // share the tenant-less part's rows
        if (!warnedOfTenantNamedLikeNone) {
          warnedOfTenantNamedLikeNone = true;
          LOG.warn(
              "camunda-checkup metrics: a tenant has the id '{}', the tag of the part without a tenant; it has "
                  + "no gauges (the report lists it)",
              WITHOUT_TENANT);
        }
        continue;
      }
      // a tenant id with control characters writes them out: a scrape printed in a terminal stays
      // inert
      String tag =
          tenant.tenantId() == null ? WITHOUT_TENANT : PlainText.withoutControls(tenant.tenantId());
      if (!tagged.add(tag)) {
        // "a\u001bb" written out reads as a tenant literally named so: the first keeps the tag
        if (warnedOfAlikeTags.add(tag)) {
          LOG.warn(
              "camunda-checkup metrics: two tenants have the tag '{}' once control characters are written "
                  + "out; the second has no gauges (the report lists it)",
              PlainText.oneLine(tag, PlainText.NAME_LENGTH));
        }
        continue;
      }
      Tags tags = Tags.of("tenant", tag);
      scores.add(MultiGauge.Row.of(tags, tenant.score()));
      levels.add(MultiGauge.Row.of(tags, tenant.riskLevel().ordinal()));
      for (IndicatorResult indicator : tenant.indicators()) {
        List<MultiGauge.Row<?>> rows = values.get(indicator.id());
        if (rows != null && indicator.value() != null) {
          rows.add(MultiGauge.Row.of(tags, indicator.value()));
        }
      }
    }
    score.register(scores, true);
    level.register(levels, true);
    for (Map.Entry<String, MultiGauge> gauge : indicators.entrySet()) {
      gauge.getValue().register(values.get(gauge.getKey()), true);
    }
  }

  @Override
  public String toString() {
    return "the check-up's Micrometer gauges";
  }
}
