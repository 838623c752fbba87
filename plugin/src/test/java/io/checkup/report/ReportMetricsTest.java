package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.metrics.TenantGauges;
import io.checkup.report.Report.IndicatorResult;
import io.checkup.report.Report.TenantReport;
import io.checkup.testing.LogCapture;
import io.checkup.testing.Models;
import io.checkup.testing.TestEngines;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collection;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The check-up as Micrometer gauges (docs/metrics.md): the values of the last full report. */
class ReportMetricsTest {

  private ProcessEngine engine;

  @AfterEach
  void close() {
    ClockUtil.reset();
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void everyTenantsGaugesAreTheLastReportsValues() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CheckupProcessEnginePlugin checkup = scenario(null);
    checkup.setMeterRegistry(registry);
    assertThat(registry.find("checkup.tenant.score").gauges()).as("no report yet").isEmpty();

    Report report = checkup.getReport().generate(ReportScope.all());

    assertThat(report.tenants()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(registry.find("checkup.tenant.score").gauges()).hasSize(report.tenants().size());
    int indicatorGauges = 0;
    for (TenantReport tenant : report.tenants()) {
      String tag = tenant.tenantId() == null ? "(default)" : tenant.tenantId();
      assertThat(gauge(registry, "checkup.tenant.score", tag)).isEqualTo(tenant.score());
      assertThat(gauge(registry, "checkup.tenant.level", tag))
          .isEqualTo(tenant.riskLevel().ordinal());
      for (IndicatorResult indicator : tenant.indicators()) {
        if (TenantGauges.INDICATORS.contains(indicator.id()) && indicator.value() != null) {
          assertThat(gauge(registry, "checkup.tenant." + indicator.id(), tag))
              .as("%s of %s", indicator.id(), tag)
              .isEqualTo(indicator.value().doubleValue());
          indicatorGauges++;
        }
      }
    }
    assertThat(indicatorGauges).isGreaterThanOrEqualTo(2 * TenantGauges.INDICATORS.size() - 2);
  }

  @Test
  void anExcludedTenantHasNoGaugesAndARegistryHandedLateGetsTheLastReport() throws Exception {
    CheckupProcessEnginePlugin checkup = scenario("globex");
    Report report = checkup.getReport().generate(ReportScope.all());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    checkup.setMeterRegistry(registry); // after the report: it gets the last one at once

    Collection<Gauge> scores = registry.find("checkup.tenant.score").gauges();
    assertThat(scores).hasSize(report.tenants().size());
    assertThat(scores).extracting(g -> g.getId().getTag("tenant")).contains("acme");
    assertThat(registry.getMeters())
        .allSatisfy(meter -> assertThat(meter.getId().getTag("tenant")).isNotEqualTo("globex"));
  }

  /**
   * The engine takes any tenant id on a deployment, '(default)' too: it must not take the
   * tenant-less part's rows.
   */
  @Test
  void aTenantNamedLikeTheTenantLessPartHasNoGaugesOfItsOwn() throws Exception {
    CheckupProcessEnginePlugin checkup = scenario(null);
    deployTo(TenantGauges.WITHOUT_TENANT);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    checkup.setMeterRegistry(registry);

    try (LogCapture log = LogCapture.of("io.checkup.metrics")) {
      Report report = checkup.getReport().generate(ReportScope.all());
      TenantReport tenantLess = null;
      for (TenantReport tenant : report.tenants()) {
        if (tenant.tenantId() == null) {
          tenantLess = tenant;
        }
      }
      assertThat(report.tenants())
          .extracting(TenantReport::tenantId)
          .contains(TenantGauges.WITHOUT_TENANT);
      assertThat(registry.find("checkup.tenant.score").gauges())
          .hasSize(report.tenants().size() - 1);
      assertThat(gauge(registry, "checkup.tenant.score", TenantGauges.WITHOUT_TENANT))
          .isEqualTo(tenantLess.score());
      assertThat(log.lines()).singleElement().asString().contains("has no gauges");
    }
  }

  /**
   * The engine takes any tenant id on a deployment, one with an escape sequence too: its tag writes
   * it out, so that a scrape printed in a terminal stays inert; a tenant literally named as that
   * reads has no gauges of its own.
   */
  @Test
  void aTenantIdWithControlCharactersIsWrittenOutInItsTag() throws Exception {
    CheckupProcessEnginePlugin checkup = scenario(null);
    deployTo("red\u001b[31m");
    deployTo("red\\u001b[31m");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    checkup.setMeterRegistry(registry);

    try (LogCapture log = LogCapture.of("io.checkup.metrics")) {
      Report report = checkup.getReport().generate(ReportScope.all());

      assertThat(registry.find("checkup.tenant.score").gauges())
          .extracting(g -> g.getId().getTag("tenant"))
          .contains("red\\u001b[31m")
          .allSatisfy(tag -> assertThat(tag).doesNotContain("\u001b"))
          .hasSize(report.tenants().size() - 1);
      assertThat(log.lines()).singleElement().asString().contains("two tenants have the tag");
      // once, not on every report
      checkup.getReport().generate(ReportScope.all());
      assertThat(log.lines()).hasSize(1);
    }
  }

  /** A process of one start and end event, deployed for a tenant the engine takes as given. */
  private void deployTo(String tenant) {
    engine
        .getRepositoryService()
        .createDeployment()
        .tenantId(tenant)
        .addModelInstance("odd.bpmn", Models.startToEnd("odd"))
        .deploy();
  }

  private CheckupProcessEnginePlugin scenario(String excluded) throws Exception {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    checkup.setReportConfig(ReportScenario.CONFIG);
    checkup.setReportWarmUp(false);
    if (excluded != null) {
      checkup.setReportExcludeTenants(excluded);
    }
    engine = TestEngines.h2().plugin(checkup).build();
    new ReportScenario(engine).run();
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    return checkup;
  }

  private static double gauge(SimpleMeterRegistry registry, String name, String tenant) {
    return registry.get(name).tag("tenant", tenant).gauge().value();
  }
}
