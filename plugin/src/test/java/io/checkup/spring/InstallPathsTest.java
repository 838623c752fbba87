package io.checkup.spring;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.engine.CheckupSettings;
import io.checkup.engine.Setting;
import io.checkup.lint.LintConfig;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.config.LintConfigLoader;
import io.checkup.report.Indicator;
import io.checkup.report.ReportConfig;
import io.checkup.testing.LogCapture;
import io.checkup.text.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.container.impl.metadata.PropertyHelper;
import org.camunda.bpm.spring.boot.starter.util.SpringBootStarterPropertyHelper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The three ways to install the plugin bind the same settings: Spring Boot properties under {@code
 * checkup.}, Camunda Run's {@code plugin-parameters} (bound the way Run binds them) and a plain
 * engine's {@code <plugin><properties>} (bound the way the engine's bpm-platform.xml parser does).
 */
class InstallPathsTest {

  private final ApplicationContextRunner spring =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(CheckupAutoConfiguration.class));

  @Test
  void springBootPropertiesConfigureThePluginBean() {
    spring
        .withPropertyValues(
            "checkup.lint.mode=strict",
            "checkup.lint.rules.model-size=error",
            "checkup.lint.rules.label-required=off",
            "checkup.lint.options.model-size.max=80",
            "checkup.lint.config-file=classpath:custom-lint.json")
        .run(
            context -> {
              CheckupProcessEnginePlugin plugin = context.getBean(CheckupProcessEnginePlugin.class);
              assertThat(plugin.getLintMode()).isEqualTo("strict");
              assertThat(plugin.getLintRules()).isEqualTo("model-size=error, label-required=off");
              assertThat(plugin.getLintRuleOptions()).isEqualTo("model-size.max=80");
              assertThat(plugin.getLintConfigFile()).isEqualTo("classpath:custom-lint.json");
            });
  }

  /**
   * form-field's options name an engine's own form types and validators: a Spring Boot property
   * takes them separated by commas, the plugin property (whose commas separate options) by blanks.
   */
  @Test
  void formFieldOptionsTakeNamesWhicheverWayTheyAreSet() throws Exception {
    spring
        .withPropertyValues(
            "checkup.lint.options.form-field.types=money, phone",
            "checkup.lint.options.form-field.validators=iban")
        .run(
            context -> {
              LintConfig config = lintConfig(context.getBean(CheckupProcessEnginePlugin.class));
              assertThat(config.names("form-field", "types")).containsExactly("money", "phone");
              assertThat(config.names("form-field", "validators")).containsExactly("iban");
            });
    CheckupProcessEnginePlugin plain = new CheckupProcessEnginePlugin();
    PropertyHelper.applyProperties(
        plain,
        Map.of("lintRuleOptions", "form-field.types=money phone, form-field.validators=iban"));
    LintConfig config = lintConfig(plain);
    assertThat(config.names("form-field", "types")).containsExactly("money", "phone");
    assertThat(config.names("form-field", "validators")).containsExactly("iban");
  }

  /** The rule options the plugin holds, applied as its lint configuration applies them. */
  private static LintConfig lintConfig(CheckupProcessEnginePlugin plugin) throws Exception {
    LintConfig.Builder builder = LintConfig.builder(RuleCatalog.standard());
    LintConfigLoader.applyOptions(
        builder,
        plugin.settings().get(CheckupSettings.LINT_RULE_OPTIONS),
        CheckupSettings.LINT_RULE_OPTIONS.property());
    return builder.build();
  }

  @Test
  void statisticsPropertiesReachThePlugin() {
    spring
        .withPropertyValues(
            "checkup.stats.flush-interval=5s",
            "checkup.stats.roll-up-after=7d",
            "checkup.stats.retention=90d",
            "checkup.stats.max-pending-rows=5000",
            "checkup.stats.node-id=node-7")
        .run(
            context -> {
              CheckupProcessEnginePlugin plugin = context.getBean(CheckupProcessEnginePlugin.class);
              assertThat(Durations.parse(plugin.getStatsFlushInterval(), "s"))
                  .isEqualTo(Duration.ofSeconds(5));
              assertThat(Durations.parse(plugin.getStatsRollUpAfter(), "d"))
                  .isEqualTo(Duration.ofDays(7));
              assertThat(Durations.parse(plugin.getStatsRetention(), "d"))
                  .isEqualTo(Duration.ofDays(90));
              assertThat(plugin.getStatsMaxPendingRows()).isEqualTo(5000);
              assertThat(plugin.getStatsNodeId()).isEqualTo("node-7");
            });
  }

  /**
   * A bare number means the same unit whichever way it is set: Spring Boot reads a {@code Duration}
   * without a unit as milliseconds, so {@code checkup.report.history-retention=400} once meant 400
   * ms there (and every snapshot older than that was deleted) but 400 days as a plugin property.
   */
  @Test
  void aDurationWithoutUnitMeansTheSameAsSpringBootPropertyAndAsPluginProperty() {
    List<Setting<?>> durations = new ArrayList<>();
    for (Setting<?> setting : CheckupSettings.ALL) {
      if (setting.defaultValue() instanceof Duration) {
        durations.add(setting);
      }
    }
    assertThat(durations).hasSizeGreaterThanOrEqualTo(9);
    for (Setting<?> setting : durations) {
      CheckupProcessEnginePlugin plain = new CheckupProcessEnginePlugin();
      PropertyHelper.applyProperties(plain, Map.of(setting.property(), "3"));
      Object expected = plain.settings().get(setting);
      assertThat(expected).as(setting.property()).isNotEqualTo(Duration.ofMillis(3));
      spring
          .withPropertyValues(setting.springProperty() + "=3")
          .run(
              context ->
                  assertThat(
                          context.getBean(CheckupProcessEnginePlugin.class).settings().get(setting))
                      .as(setting.springProperty())
                      .isEqualTo(expected));
    }
  }

  @Test
  void reportSettingsReachThePluginAsPropertiesOrAFile() {
    spring
        .withPropertyValues(
            "checkup.report.config-file=classpath:report-settings.json",
            "checkup.report.settings.norms.[launches.7d].min=500",
            "checkup.report.settings.tenants.acme.plan=Gold",
            "checkup.report.settings.tenants.acme.size-class=large",
            "checkup.report.settings.dead-branch-min-runs=20")
        .run(
            context -> {
              CheckupProcessEnginePlugin plugin = context.getBean(CheckupProcessEnginePlugin.class);
              assertThat(plugin.getReportConfigFile()).isEqualTo("classpath:report-settings.json");
              ReportConfig config = ReportConfig.load(null, null, plugin.getReportConfig());
              assertThat(config.norm(Indicator.LAUNCHES, "x", "medium").min()).isEqualTo(500);
              assertThat(config.tenant("acme").plan()).isEqualTo("Gold");
              assertThat(config.sizeClass("acme", 1)).isEqualTo("large");
              assertThat(config.deadBranchMinRuns()).isEqualTo(20);
              assertThat(plugin.isReportWarmUp()).isTrue();
            });
    spring
        .withPropertyValues("checkup.report.warm-up=false")
        .run(
            context ->
                assertThat(context.getBean(CheckupProcessEnginePlugin.class).isReportWarmUp())
                    .isFalse());
  }

  @Test
  void aMisspeltPropertyIsNamedInTheLogWithTheOneMeant() {
    try (LogCapture log = LogCapture.of("io.checkup")) {
      spring
          .withPropertyValues(
              "checkup.lint.mod=strict",
              "checkup.lint.rule.model-size=error",
              "checkup.stats.flush-intervall=5s",
              "checkup.alerts.webhook=http://localhost:1/x",
              "checkup.lnt.mode=strict",
              // an application's own switches beside the plugin's sections are its business
              "checkup.demo.auth=true")
          .run(context -> assertThat(context).hasSingleBean(CheckupProcessEnginePlugin.class));

      assertThat(log.linesContaining("is no property of camunda-checkup"))
          .containsExactly(
              "camunda-checkup: checkup.alerts.webhook is no property of camunda-checkup and"
                  + " changes nothing (set in \"checkup.alerts.webhook\" from property source"
                  + " \"test\"); did you mean checkup.alerts.webhook-url?",
              "camunda-checkup: checkup.lint.mod is no property of camunda-checkup and changes"
                  + " nothing (set in \"checkup.lint.mod\" from property source \"test\"); did"
                  + " you mean checkup.lint.mode?",
              "camunda-checkup: checkup.lint.rule.model-size is no property of camunda-checkup"
                  + " and changes nothing (set in \"checkup.lint.rule.model-size\" from property"
                  + " source \"test\"); did you mean checkup.lint.rules.model-size?",
              "camunda-checkup: checkup.lnt.mode is no property of camunda-checkup and changes"
                  + " nothing (set in \"checkup.lnt.mode\" from property source \"test\"); did"
                  + " you mean checkup.lint.mode?",
              "camunda-checkup: checkup.stats.flush-intervall is no property of camunda-checkup"
                  + " and changes nothing (set in \"checkup.stats.flush-intervall\" from property"
                  + " source \"test\"); did you mean checkup.stats.flush-interval?");
    }
  }

  /**
   * Environment variables as operators write them, words apart: Spring binds them, and the start
   * neither warns that they change nothing nor fails on the report's settings. A misspelt one is
   * still named, among the report's settings too.
   */
  @Test
  void environmentVariablesWithTheirWordsApartAreAppliedWithoutAWarning() {
    Map<String, Object> variables =
        Map.of(
            "CHECKUP_STATS_FLUSH_INTERVAL", "9s",
            "CHECKUP_ALERTS_WEBHOOK_URL", "http://127.0.0.1:9/env",
            "CHECKUP_ALERTS_SCORE_DROP", "5",
            "CHECKUP_REPORT_SETTINGS_DETAILS_LIMIT", "20",
            "CHECKUP_REPORT_SETTINGS_DETAILS_LIMT", "20",
            "CHECKUP_STATS_FLUSH_INTERVALL", "9s");
    try (LogCapture log = LogCapture.of("io.checkup")) {
      spring
          .withInitializer(
              context ->
                  context
                      .getEnvironment()
                      .getPropertySources()
                      .replace(
                          StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                          new SystemEnvironmentPropertySource(
                              StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                              variables)))
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                CheckupProcessEnginePlugin plugin =
                    context.getBean(CheckupProcessEnginePlugin.class);
                assertThat(plugin.settings().get(CheckupSettings.STATS_FLUSH_INTERVAL))
                    .isEqualTo(Duration.ofSeconds(9));
                assertThat(plugin.settings().get(CheckupSettings.ALERTS_SCORE_DROP)).isEqualTo(5);
                assertThat(ReportConfig.load(null, null, plugin.getReportConfig()).detailsLimit())
                    .isEqualTo(20);
              });
      assertThat(log.linesContaining("is no property of camunda-checkup"))
          .hasSize(2)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains("checkup.report.settings.details.limt")
                      .contains("CHECKUP_REPORT_SETTINGS_DETAILS_LIMT"))
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains("checkup.stats.flush.intervall")
                      .contains("CHECKUP_STATS_FLUSH_INTERVALL"));
    }
  }

  /**
   * An application's own plugin bean is used as it is; the properties set for the plugin say at
   * start that they do not apply to it, and misspelt ones are still named.
   */
  @Test
  void propertiesBesideAnApplicationsOwnPluginBeanSayTheyDoNotApply() {
    try (LogCapture log = LogCapture.of("io.checkup")) {
      spring
          .withBean(
              "myCheckup",
              CheckupProcessEnginePlugin.class,
              () -> {
                CheckupProcessEnginePlugin own = new CheckupProcessEnginePlugin();
                own.setLintMode("strict");
                return own;
              })
          .withPropertyValues(
              "checkup.stats.flush-interval=5s",
              "checkup.lint.mode=off",
              "checkup.lint.rules.deadlock=warn",
              "checkup.lint.mod=off")
          .run(
              context ->
                  assertThat(context.getBean(CheckupProcessEnginePlugin.class).getLintMode())
                      .isEqualTo("strict"));
      assertThat(log.linesContaining("defines its own CheckupProcessEnginePlugin bean"))
          .singleElement()
          .asString()
          // a map property counts each of its entries once, not the map beside them
          .contains("3 property(ies) set under checkup.*")
          .contains(
              "(checkup.lint.mode, checkup.lint.rules.deadlock, checkup.stats.flush-interval)");
      assertThat(log.linesContaining("checkup.lint.mod is no property")).hasSize(1);
    }
    try (LogCapture log = LogCapture.of("io.checkup")) {
      spring
          .withPropertyValues("checkup.stats.flush-interval=5s")
          .run(context -> assertThat(context).hasSingleBean(CheckupProcessEnginePlugin.class));
      assertThat(log.linesContaining("defines its own")).isEmpty();
    }
  }

  @Test
  void everyPropertyOfTheReferenceIsKnownInEverySpelling() {
    List<String> properties = new ArrayList<>(List.of("checkup.enabled=true"));
    for (Setting<?> setting : CheckupSettings.ALL) {
      String name =
          setting
              .springProperty()
              .replace("<rule-id>", "model-size")
              .replace("<option>", "max")
              .replace(".*", ".dead-branch-min-runs");
      properties.add(name + "=" + value(name));
    }
    // Spring's relaxed names: camel case as in YAML written by hand
    properties.add("checkup.lint.logLimit=10");
    properties.add("checkup.report.settings.norms.[launches.7d].min=500");
    try (LogCapture log = LogCapture.of("io.checkup")) {
      spring
          .withPropertyValues(properties.toArray(String[]::new))
          .run(context -> assertThat(context).hasSingleBean(CheckupProcessEnginePlugin.class));

      assertThat(log.linesContaining("is no property")).isEmpty();
    }
  }

  /** A valid value for each kind of property the reference lists. */
  private static String value(String property) {
    return switch (property) {
      case "checkup.lint.mode" -> "warn";
      case "checkup.lint.rules.model-size" -> "error";
      case "checkup.lint.config-file", "checkup.report.config-file" -> "";
      case "checkup.lint.results-cache-size" -> "16MB";
      case "checkup.alerts.webhook-url" -> "http://localhost:1/alerts";
      case "checkup.alerts.report-url" -> "/engine-rest/checkup/report";
      case "checkup.report.cockpit-url" -> "/camunda/app/cockpit/default/";
      case "checkup.report.history-retention", "checkup.stats.retention" -> "400d";
      case "checkup.stats.roll-up-after" -> "7d";
      case "checkup.stats.node-id" -> "node-1";
      case "checkup.report.exclude-tenants" -> "acme";
      case "checkup.alerts.webhook-secret" -> "secret";
      default ->
          property.endsWith("enabled")
                  || property.endsWith("warm-up")
                  || property.endsWith("snapshots")
                  || property.endsWith("evaluate")
                  || property.endsWith("without-tenant")
              ? "true"
              : property.endsWith("pending-rows") ? "5000" : "30";
    };
  }

  @Test
  void theReportsRestResourcesJoinCamundasRestApi() {
    spring.run(context -> assertThat(context).hasBean("checkupRestResources"));
  }

  @Test
  void theWholePluginCanBeSwitchedOff() {
    // as Spring Boot reads any boolean: off, no and 0 too (only false did before)
    ApplicationContextRunner both =
        spring.withConfiguration(AutoConfigurations.of(CheckupSwitchedOff.class));
    for (String off : List.of("false", "off", "no", "0", "OFF")) {
      try (LogCapture log = LogCapture.of("io.checkup")) {
        both.withPropertyValues("checkup.enabled=" + off)
            .run(
                context ->
                    assertThat(context).as(off).doesNotHaveBean(CheckupProcessEnginePlugin.class));
        assertThat(log.linesContaining("camunda-checkup: switched off"))
            .as("one line says why nothing is linted or counted")
            .singleElement(as(InstanceOfAssertFactories.STRING))
            .contains("checkup.enabled is false");
      }
    }
    for (String on : List.of("true", "on", "yes")) {
      try (LogCapture log = LogCapture.of("io.checkup")) {
        both.withPropertyValues("checkup.enabled=" + on)
            .run(
                context ->
                    assertThat(context).as(on).hasSingleBean(CheckupProcessEnginePlugin.class));
        assertThat(log.linesContaining("switched off")).isEmpty();
      }
    }
    spring
        .withPropertyValues("checkup.enabled=perhaps")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("checkup.enabled")
                    .hasStackTraceContaining("perhaps"));
  }

  @Test
  void camundaRunPluginParametersBindInCamelAndKebabCase() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();

    SpringBootStarterPropertyHelper.applyProperties(
        plugin,
        Map.of(
            "lintMode",
            "strict",
            "lint-rules",
            "model-size=error, label-required=off",
            "lintRuleOptions",
            "model-size.max=80",
            "stats-flush-interval",
            "10s",
            "statsMaxPendingRows",
            500,
            "report-warm-up",
            "false"),
        false);

    assertThat(plugin.getLintMode()).isEqualTo("strict");
    assertThat(plugin.getLintRules()).isEqualTo("model-size=error, label-required=off");
    assertThat(plugin.getLintRuleOptions()).isEqualTo("model-size.max=80");
    assertThat(plugin.getStatsFlushInterval()).isEqualTo("10s");
    assertThat(plugin.getStatsMaxPendingRows()).isEqualTo(500);
    assertThat(plugin.isReportWarmUp()).isFalse();
  }

  @Test
  void camundaRunRejectsAMistypedParameterName() {
    assertThatThrownBy(
            () ->
                SpringBootStarterPropertyHelper.applyProperties(
                    new CheckupProcessEnginePlugin(), Map.of("lintMood", "strict"), false))
        .hasMessageContaining("CheckupProcessEnginePlugin");
  }

  @Test
  void plainEnginePluginPropertiesBind() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();

    PropertyHelper.applyProperties(
        plugin, Map.of("lintMode", "off", "lintRules", "deadlock=warn", "reportWarmUp", "false"));

    assertThat(plugin.getLintMode()).isEqualTo("off");
    assertThat(plugin.isReportWarmUp()).isFalse();
    assertThat(plugin.getLintRules()).isEqualTo("deadlock=warn");
  }
}
