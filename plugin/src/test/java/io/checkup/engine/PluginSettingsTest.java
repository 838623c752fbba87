package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.checkup.lint.LintConfig;
import io.checkup.lint.Severity;
import io.checkup.lint.config.ConfigException;
import io.checkup.report.Indicator;
import io.checkup.report.ReportConfig;
import io.checkup.testing.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the plugin's settings combine: a config file first, then severity and option overrides. */
class PluginSettingsTest {

  @Test
  void aConfigFileFromTheClassPathThenOverrides() throws ConfigException {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintConfigFile("classpath:lint/team.bpmnlintrc");
    plugin.setLintRules("model-size=warn, deadlock=off");

    LintConfig config = plugin.buildLintConfig();

    assertThat(config.severity("label-required")).isEqualTo(Severity.OFF);
    assertThat(config.severity("no-implicit-end"))
        .as("bpmnlint:recommended")
        .isEqualTo(Severity.ERROR);
    assertThat(config.severity("model-size"))
        .as("override wins over the file")
        .isEqualTo(Severity.WARN);
    assertThat(config.options("model-size")).containsEntry("max", 30);
    assertThat(config.severity("deadlock")).isEqualTo(Severity.OFF);
    assertThat(config.severity("fake-branch")).as("untouched default").isEqualTo(Severity.ERROR);
  }

  @Test
  void aConfigFileFromTheFileSystem(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("lint.json"), "{\"rules\": {\"cascaded-conditions\": \"error\"}}");
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintConfigFile(file.toString());
    plugin.setLintRuleOptions("element-diversity.min-kinds=6");

    LintConfig config = plugin.buildLintConfig();

    assertThat(config.severity("cascaded-conditions")).isEqualTo(Severity.ERROR);
    assertThat(config.options("element-diversity")).containsEntry("min-kinds", "6");
  }

  @Test
  void reportSettingsFromAFileThenInline() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setReportConfigFile("classpath:report/settings.json");
    plugin.setReportConfig("{\"risk\": {\"healthy\": 70}}");
    ProcessEngine engine = TestEngines.h2().plugin(plugin).build();
    try {
      ReportConfig config = plugin.getReport().config();
      assertThat(config.norm(Indicator.LAUNCHES, "x", "medium").min()).isEqualTo(50);
      assertThat(config.tenant("acme").profile()).isEqualTo("call-centre");
      assertThat(config.healthyFrom()).isEqualTo(70);
      assertThat(config.attentionFrom()).isEqualTo(40);
    } finally {
      engine.close();
    }
  }

  @Test
  void badReportSettingsStopTheEngineNamingFileAndKey() {
    CheckupProcessEnginePlugin missing = new CheckupProcessEnginePlugin();
    missing.setReportConfigFile("classpath:report/none.json");
    assertThatThrownBy(() -> TestEngines.h2().plugin(missing).build())
        .hasMessageContaining("camunda-checkup: invalid configuration")
        .hasMessageContaining(
            "reportConfigFile (checkup.report.config-file): classpath:report/none.json not found");
    CheckupProcessEnginePlugin unknown = new CheckupProcessEnginePlugin();
    unknown.setReportConfig("{\"norms\": {\"launches.week\": {\"min\": 1}}}");
    assertThatThrownBy(() -> TestEngines.h2().plugin(unknown).build())
        .hasMessageContaining(
            // named as a plain engine and as Spring Boot sets it
            "report configuration reportConfig (checkup.report.settings.*): norms: unknown"
                + " indicator 'launches.week'");
  }

  @Test
  void badStatisticsSettingsStopTheEngineWithTheSettingsName() {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setStatsRetention("7d");

    assertThatThrownBy(() -> TestEngines.h2().plugin(plugin).build())
        .hasMessageContaining(
            "camunda-checkup: invalid configuration: statsRetention (checkup.stats.retention): 7d is "
                + "shorter than statsRollUpAfter (checkup.stats.roll-up-after), 14d");

    CheckupProcessEnginePlugin interval = new CheckupProcessEnginePlugin();
    interval.setStatsFlushInterval("often");
    assertThatThrownBy(() -> TestEngines.h2().plugin(interval).build())
        .hasMessageContaining(
            "statsFlushInterval (checkup.stats.flush-interval): 'often' is not a duration");

    CheckupProcessEnginePlugin negative = new CheckupProcessEnginePlugin();
    negative.setStatsFlushInterval("-5s");
    assertThatThrownBy(() -> TestEngines.h2().plugin(negative).build())
        .hasMessageContaining(
            "statsFlushInterval (checkup.stats.flush-interval): -5s is not a positive duration");

    // a flush every few microseconds would hammer the database; the schedulers cannot take less
    // than a millisecond, nor more milliseconds than a long holds
    CheckupProcessEnginePlugin tiny = new CheckupProcessEnginePlugin();
    tiny.setStatsFlushInterval("PT0.0001S");
    assertThatThrownBy(() -> TestEngines.h2().plugin(tiny).build())
        .hasMessageContaining(
            "statsFlushInterval (checkup.stats.flush-interval): PT0.0001S is shorter than a "
                + "millisecond (1ms)");
    CheckupProcessEnginePlugin often = new CheckupProcessEnginePlugin();
    often.setStatsFlushInterval("1ms");
    assertThatThrownBy(() -> TestEngines.h2().plugin(often).build())
        .hasMessageContaining(
            "statsFlushInterval (checkup.stats.flush-interval): 1ms is shorter than one second (1s)");
    CheckupProcessEnginePlugin huge = new CheckupProcessEnginePlugin();
    huge.setStatsFlushInterval("999999999999d");
    assertThatThrownBy(() -> TestEngines.h2().plugin(huge).build())
        .hasMessageContaining(
            "statsFlushInterval (checkup.stats.flush-interval): 999999999999d is longer than 36500d "
                + "(100 years)");

    CheckupProcessEnginePlugin pending = new CheckupProcessEnginePlugin();
    pending.setStatsMaxPendingRows(10);
    assertThatThrownBy(() -> TestEngines.h2().plugin(pending).build())
        .hasMessageContaining(
            "statsMaxPendingRows (checkup.stats.max-pending-rows): 10 is less than 100");
  }

  /**
   * Spring Boot hands the plugin typed values; they are checked when the engine starts, with the
   * same message as a plugin property's text (they once failed on their own, without the prefix).
   */
  @Test
  void typedValuesAreCheckedAtStartWithTheSameMessage() {
    CheckupProcessEnginePlugin logLimit = new CheckupProcessEnginePlugin();
    logLimit.settings().set(CheckupSettings.LINT_LOG_LIMIT, -1);
    assertThatThrownBy(() -> TestEngines.h2().plugin(logLimit).build())
        .hasMessageContaining(
            "camunda-checkup: invalid configuration: lintLogLimit (checkup.lint.log-limit): -1 is "
                + "less than 0");

    CheckupProcessEnginePlugin timeout = new CheckupProcessEnginePlugin();
    timeout.settings().set(CheckupSettings.REPORT_QUERY_TIMEOUT, Duration.ofSeconds(-1));
    assertThatThrownBy(() -> TestEngines.h2().plugin(timeout).build())
        .hasMessageContaining(
            "camunda-checkup: invalid configuration: reportQueryTimeout "
                + "(checkup.report.query-timeout): -1s is not a positive duration");

    CheckupProcessEnginePlugin halfSecond = new CheckupProcessEnginePlugin();
    halfSecond.settings().set(CheckupSettings.REPORT_QUERY_TIMEOUT, Duration.ofMillis(500));
    assertThatThrownBy(() -> TestEngines.h2().plugin(halfSecond).build())
        .hasMessageContaining(
            "reportQueryTimeout (checkup.report.query-timeout): 500ms is shorter than one second "
                + "(1s)");

    CheckupProcessEnginePlugin cache = new CheckupProcessEnginePlugin();
    cache.setLintResultsCacheSize("10000000000GB");
    assertThatThrownBy(() -> TestEngines.h2().plugin(cache).build())
        .hasMessageContaining(
            "lintResultsCacheSize (checkup.lint.results-cache-size): '10000000000GB' is more bytes "
                + "than a size can be");

    // H2 counts a query timeout in milliseconds in an int: 25 days made every report query fail
    CheckupProcessEnginePlugin longQueries = new CheckupProcessEnginePlugin();
    longQueries.settings().set(CheckupSettings.REPORT_QUERY_TIMEOUT, Duration.ofDays(25));
    assertThatThrownBy(() -> TestEngines.h2().plugin(longQueries).build())
        .hasMessageContaining(
            "reportQueryTimeout (checkup.report.query-timeout): 25d is longer than one day (1d)");

    // Spring Boot's DataSize takes -1MB
    CheckupProcessEnginePlugin negativeCache = new CheckupProcessEnginePlugin();
    negativeCache.settings().set(CheckupSettings.LINT_RESULTS_CACHE_SIZE, -1_048_576L);
    assertThatThrownBy(() -> TestEngines.h2().plugin(negativeCache).build())
        .hasMessageContaining(
            "lintResultsCacheSize (checkup.lint.results-cache-size): -1048576 bytes is less than 0");

    CheckupProcessEnginePlugin everyMillisecond = new CheckupProcessEnginePlugin();
    everyMillisecond.setAlertsWebhookUrl("https://hooks.example.com/checkup");
    everyMillisecond.setAlertsInterval("1ms");
    assertThatThrownBy(() -> TestEngines.h2().plugin(everyMillisecond).build())
        .hasMessageContaining(
            "alertsInterval (checkup.alerts.interval): 1ms is shorter than one second (1s)");

    CheckupProcessEnginePlugin port = new CheckupProcessEnginePlugin();
    port.setAlertsWebhookUrl("http://127.0.0.1:99999/hook");
    assertThatThrownBy(() -> TestEngines.h2().plugin(port).build())
        .hasMessageContaining(
            "alertsWebhookUrl (checkup.alerts.webhook-url): the address names port 99999, above "
                + "65535");

    CheckupProcessEnginePlugin longNode = new CheckupProcessEnginePlugin();
    longNode.setStatsNodeId("n".repeat(129));
    assertThatThrownBy(() -> TestEngines.h2().plugin(longNode).build())
        .hasMessageContaining(
            "statsNodeId (checkup.stats.node-id): it is 129 characters long; the tables take 128");

    CheckupProcessEnginePlugin retention = new CheckupProcessEnginePlugin();
    retention.settings().set(CheckupSettings.REPORT_HISTORY_RETENTION, Duration.ZERO);
    assertThatThrownBy(() -> TestEngines.h2().plugin(retention).build())
        .hasMessageContaining(
            "camunda-checkup: invalid configuration: reportHistoryRetention "
                + "(checkup.report.history-retention): 0s is shorter than one day (1d)");

    CheckupProcessEnginePlugin empty = new CheckupProcessEnginePlugin();
    empty.settings().set(CheckupSettings.STATS_FLUSH_INTERVAL, null);
    assertThat(empty.settings().get(CheckupSettings.STATS_FLUSH_INTERVAL))
        .isEqualTo(CheckupSettings.STATS_FLUSH_INTERVAL.defaultValue());
  }

  /**
   * An engine whose build fails in the plugin's last step (here: the alert tables are missing and
   * the schema may not be updated) leaves none of the plugin's threads behind; the flusher's thread
   * of such an engine once ran on beside every later engine of the JVM.
   */
  @Test
  void aFailedStartLeavesNoThreadOfThePluginRunning() {
    TestEngines database = TestEngines.h2Shared("failed-start-" + System.nanoTime());
    ProcessEngine first = database.plugin(new CheckupProcessEnginePlugin()).build();
    first.close();

    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setStatsNodeId("doomed-node");
    plugin.setAlertsWebhookUrl("https://hooks.example.com/checkup");
    assertThatThrownBy(
            () -> database.again().name("doomed").schemaUpdate("false").plugin(plugin).build())
        .hasMessageContaining("alert");

    // a stopped pool reports its termination just before its thread has ended: give such a thread
    // the moment it needs; one that runs on is still running after it
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().contains("doomed")) {
        try {
          thread.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .noneMatch(name -> name.contains("doomed"));
  }

  @Test
  void badAlertSettingsStopTheEngineNamingTheSetting() {
    CheckupProcessEnginePlugin drop = new CheckupProcessEnginePlugin();
    drop.setAlertsWebhookUrl("https://hooks.example.com/checkup");
    drop.setAlertsScoreDrop(0);
    assertThatThrownBy(() -> TestEngines.h2().plugin(drop).build())
        .hasMessageContaining("camunda-checkup: invalid configuration")
        .hasMessageContaining("alertsScoreDrop (checkup.alerts.score-drop): 0 is less than 1");

    CheckupProcessEnginePlugin interval = new CheckupProcessEnginePlugin();
    interval.setAlertsInterval("0s");
    assertThatThrownBy(() -> TestEngines.h2().plugin(interval).build())
        .hasMessageContaining(
            "alertsInterval (checkup.alerts.interval): 0s is not a positive duration");

    CheckupProcessEnginePlugin coolDown = new CheckupProcessEnginePlugin();
    coolDown.setAlertsCoolDown("31d");
    assertThatThrownBy(() -> TestEngines.h2().plugin(coolDown).build())
        .hasMessageContaining(
            "alertsCoolDown (checkup.alerts.cool-down): 31d is longer than 30d (the alerts it "
                + "compares with are kept 30 days)");
    coolDown.setAlertsCoolDown("-1h");
    assertThatThrownBy(() -> TestEngines.h2().plugin(coolDown).build())
        .hasMessageContaining(
            "alertsCoolDown (checkup.alerts.cool-down): -1h is a negative duration");

    CheckupProcessEnginePlugin link = new CheckupProcessEnginePlugin();
    link.setAlertsReportUrl("javascript:alert(1)");
    assertThatThrownBy(() -> TestEngines.h2().plugin(link).build())
        .hasMessageContaining("alertsReportUrl")
        .hasMessageContaining("is neither a path");
  }

  @Test
  void badSettingsNameTheProblem() throws ConfigException {
    CheckupProcessEnginePlugin missing = new CheckupProcessEnginePlugin();
    missing.setLintConfigFile("classpath:lint/nothing-here.json");
    assertThatThrownBy(missing::buildLintConfig)
        .hasMessageContaining("classpath:lint/nothing-here.json")
        .hasMessageContaining("not found");

    CheckupProcessEnginePlugin badOption = new CheckupProcessEnginePlugin();
    badOption.setLintRuleOptions("model-size.max=many");
    assertThatThrownBy(badOption::buildLintConfig)
        .hasMessageContaining("lintRuleOptions")
        .hasMessageContaining("option 'max' must be a whole number");

    // bpmnlint's rules as a .bpmnlintrc writes them, as the config file and checkup:disable take
    // them
    CheckupProcessEnginePlugin prefixed = new CheckupProcessEnginePlugin();
    prefixed.setLintRules("bpmnlint/label-required=off");
    assertThat(prefixed.buildLintConfig().severity("label-required")).isEqualTo(Severity.OFF);

    CheckupProcessEnginePlugin directory = new CheckupProcessEnginePlugin();
    directory.setLintConfigFile(System.getProperty("java.io.tmpdir"));
    assertThatThrownBy(directory::buildLintConfig)
        .hasMessageContaining("lintConfigFile (checkup.lint.config-file)")
        .hasMessageContaining("is a directory, not a file");

    CheckupProcessEnginePlugin badSeverity = new CheckupProcessEnginePlugin();
    badSeverity.setLintRules("deadlock=fatal");
    assertThatThrownBy(badSeverity::buildLintConfig)
        .hasMessageContaining("lintRules")
        // which of the rules: a typo in one severity among many is found at once
        .hasMessageContaining("rule 'deadlock': unknown severity 'fatal'");
  }

  @Test
  void theCockpitAddressIsAPathOrAnHttpAddressWithTheEnginesName() {
    CheckupProcessEnginePlugin byDefault = new CheckupProcessEnginePlugin();
    assertThat(byDefault.cockpitUrl("default")).isEqualTo("/camunda/app/cockpit/default/");

    CheckupProcessEnginePlugin elsewhere = new CheckupProcessEnginePlugin();
    elsewhere.setReportCockpitUrl("https://ops.example.com/camunda/app/cockpit/{engine}");
    assertThat(elsewhere.cockpitUrl("billing"))
        .isEqualTo("https://ops.example.com/camunda/app/cockpit/billing/");

    for (String bad : new String[] {"javascript:alert(1)//{engine}", "//evil.example/", "data:x"}) {
      CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
      plugin.setReportCockpitUrl(bad);
      assertThatThrownBy(() -> TestEngines.h2().plugin(plugin).build())
          .as(bad)
          .hasMessageContaining("reportCockpitUrl")
          .hasMessageContaining("neither a path");
    }
  }
}
