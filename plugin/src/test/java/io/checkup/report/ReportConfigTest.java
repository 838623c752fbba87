package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Norms as configuration: defaults, size classes, profiles, tenant overrides, and clear errors. */
class ReportConfigTest {

  @Test
  void theDocumentedDefaults() {
    ReportConfig config = ReportConfig.defaults();
    assertThat(config.norm(Indicator.LAUNCHES, "acme", "medium"))
        .isEqualTo(Norm.range(1_000, 10_000));
    assertThat(config.norm(Indicator.LAUNCHES, "acme", "large"))
        .isEqualTo(Norm.range(10_000, 100_000));
    assertThat(config.norm(Indicator.CAPABILITY_EXPERIMENTS, "acme", "small").off()).isTrue();
    assertThat(config.norm(Indicator.MODELS_TOTAL, "acme", "medium").minAfterAgeDays())
        .isEqualTo(180);
    assertThat(config.sizeClass("acme", 0)).isEqualTo("small");
    assertThat(config.sizeClass("acme", 9)).isEqualTo("small");
    assertThat(config.sizeClass("acme", 10)).isEqualTo("medium");
    assertThat(config.sizeClass("acme", 50)).isEqualTo("medium");
    assertThat(config.sizeClass("acme", 51)).isEqualTo("large");
    assertThat(config.sizeClass("acme", null)).as("user count unknown: global norms").isNull();
    assertThat(config.healthyFrom()).isEqualTo(80);
    assertThat(config.attentionFrom()).isEqualTo(50);
    assertThat(config.weight(Indicator.LAUNCHES)).isEqualTo(25);
    assertThat(config.stuckAfterDays()).isEqualTo(30);
    assertThat(config.unassignedAfterDays()).isEqualTo(3);
    assertThat(config.deadBranchMinRuns()).isEqualTo(100);
  }

  @Test
  void aClientOfUpTo500UsersCanMeetBothLaunchNormsAtOnce() {
    ReportConfig config = ReportConfig.defaults();
    for (int users = 1; users <= 500; users++) {
      String sizeClass = config.sizeClass("acme", users);
      Norm launches = config.norm(Indicator.LAUNCHES, "acme", sizeClass);
      Norm perUser = config.norm(Indicator.LAUNCHES_PER_USER, "acme", sizeClass);
      // the fewest launches in both norms
      double least = Math.max(launches.min(), perUser.min() * users);
      assertThat(least)
          .as(users + " users, size class " + sizeClass)
          .isLessThanOrEqualTo(launches.max());
    }
  }

  @Test
  void userCountsNoSizeClassCoversAreWarnedAbout() {
    assertThat(ReportConfig.defaults().warnings()).isEmpty();
    // large moved up alone: 51 to 99 users fit no class
    assertThat(
            ReportConfig.load(null, null, "{\"sizeClasses\": {\"large\": {\"minUsers\": 100}}}")
                .warnings())
        .containsExactly(
            "report: tenants with 51 to 99 users fit no size class (sizeClasses' minUsers and"
                + " maxUsers) and get the global norms");
    assertThat(
            ReportConfig.load(
                    null,
                    null,
                    "{\"sizeClasses\": {\"small\": {\"minUsers\": 1}, \"large\": {\"maxUsers\": 1000}}}")
                .warnings())
        .containsExactly(
            "report: tenants with 0 users, 1001 users and more fit no size class (sizeClasses'"
                + " minUsers and maxUsers) and get the global norms");
    // a class open upwards above another open one leaves nothing out
    assertThat(
            ReportConfig.load(null, null, "{\"sizeClasses\": {\"huge\": {\"minUsers\": 1000}}}")
                .warnings())
        .isEmpty();
    assertThatThrownBy(
            () ->
                ReportConfig.load(
                    null, null, "{\"sizeClasses\": {\"medium\": {\"minUsers\": 60}}}"))
        .hasMessageContaining(
            "reportConfig: sizeClasses.medium: minUsers 60 is more than maxUsers 50");
  }

  @Test
  void globalThenSizeClassThenProfileThenTenant() {
    ReportConfig config =
        ReportConfig.load(
            "report.json",
            """
        {"norms": {"tasks.per-user-7d": {"min": 50}},
         "sizeClasses": {"large": {"minUsers": 50, "norms": {"tasks.per-user-7d": {"max": 300}}}},
         "tenants": {"calls": {"profile": "call-centre", "sizeClass": "large", "plan": "Premium"},
                     "tiny": {"norms": {"tasks.per-user-7d": {"min": null, "max": 20}}}}}
        """,
            "{\"risk\": {\"healthy\": 90, \"attention\": \"60\"}}");
    assertThat(config.norm(Indicator.TASKS_PER_USER, "other", "medium"))
        .isEqualTo(Norm.range(50, 200));
    assertThat(config.norm(Indicator.TASKS_PER_USER, "other", "large"))
        .isEqualTo(Norm.range(50, 300));
    // the call-centre profile's 400 wins over the size class
    assertThat(config.norm(Indicator.TASKS_PER_USER, "calls", config.sizeClass("calls", 3)))
        .isEqualTo(Norm.range(50, 400));
    assertThat(config.sizeClass("calls", 3)).isEqualTo("large");
    assertThat(config.sizeClass("other", 60)).isEqualTo("large");
    assertThat(config.tenant("calls").plan()).isEqualTo("Premium");
    assertThat(config.norm(Indicator.TASKS_PER_USER, "tiny", "medium")).isEqualTo(Norm.max(20));
    assertThat(config.healthyFrom()).isEqualTo(90);
    assertThat(config.attentionFrom()).isEqualTo(60);
  }

  @Test
  void theTenantCalledDefaultAndTheTenantLessPartAreConfiguredApart() {
    ReportConfig config =
        ReportConfig.load(
            "report.json",
            """
        {"tenants": {"default": {"plan": "Bronze", "norms": {"launches.7d": {"min": 5}}}},
         "withoutTenant": {"plan": "Internal", "sizeClass": "small", "norms": {"launches.7d": {"min": 0}}}}
        """,
            null);

    assertThat(config.tenant("default").plan()).isEqualTo("Bronze");
    assertThat(config.tenant(null).plan()).isEqualTo("Internal");
    assertThat(config.norm(Indicator.LAUNCHES, "default", "medium"))
        .isEqualTo(Norm.range(5, 10_000));
    assertThat(config.norm(Indicator.LAUNCHES, null, "medium")).isEqualTo(Norm.range(0, 10_000));
    assertThat(config.sizeClass(null, 500)).isEqualTo("small");
    assertThat(config.sizeClass("default", 500)).isEqualTo("large");
    assertThatThrownBy(
            () ->
                ReportConfig.load(
                    "report.json", "{\"withoutTenant\": {\"plan\": 1, \"size\": 2}}", null))
        .hasMessageContaining("report.json: withoutTenant: unknown key 'size'");
  }

  @Test
  void valuesWrittenAsTextAsSpringBootHandsThemOver() {
    ReportConfig config =
        ReportConfig.load(
            null,
            null,
            "{\"norms\": {\"launches.7d\": {\"min\": \"500\"}}, \"deadBranchMinRuns\": \"50\","
                + " \"sizeClasses\": {\"small\": {\"norms\": {\"capability.experiments\": {\"off\": \"false\"}}}}}");
    assertThat(config.norm(Indicator.LAUNCHES, "x", "medium")).isEqualTo(Norm.range(500, 10_000));
    assertThat(config.deadBranchMinRuns()).isEqualTo(50);
    assertThat(config.norm(Indicator.CAPABILITY_EXPERIMENTS, "x", "small").off()).isFalse();
  }

  @Test
  void mistakesAreNamedWithFileAndKey() {
    assertThatThrownBy(
            () ->
                ReportConfig.load(
                    "norms.json", "{\"norms\": {\"launches.week\": {\"min\": 1}}}", null))
        .hasMessageContaining("norms.json")
        .hasMessageContaining("unknown indicator 'launches.week'");
    assertThatThrownBy(
            () ->
                ReportConfig.load(
                    "norms.json", "{\"norms\": {\"launches.7d\": {\"min\": \"lots\"}}}", null))
        .hasMessageContaining("norms.json: norms.launches.7d.min must be a number");
    assertThatThrownBy(
            () ->
                ReportConfig.load(
                    "norms.json", "{\"tenants\": {\"acme\": {\"sizeClass\": \"huge\"}}}", null))
        .hasMessageContaining("tenants.acme.sizeClass: unknown size class 'huge'");
    assertThatThrownBy(() -> ReportConfig.load("norms.json", "{\"colour\": 1}", null))
        .hasMessageContaining("unknown key 'colour'");
    assertThatThrownBy(() -> ReportConfig.load("norms.json", "{\"norms\": ", null))
        .hasMessageContaining("norms.json: not valid JSON");
    assertThatThrownBy(
            () -> ReportConfig.load(null, null, "{\"risk\": {\"healthy\": 40, \"attention\": 60}}"))
        .hasMessageContaining("reportConfig: risk: expected 0 <= attention <= healthy <= 100");
    assertThatThrownBy(() -> ReportConfig.load(null, null, "{\"warningMargin\": -0.2}"))
        .hasMessageContaining(
            "reportConfig: warningMargin must be a share of the bound of at least 0 (0.2 is 20 %),"
                + " not -0.2");
  }
}
