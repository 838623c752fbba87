package io.checkup.spring;

import io.checkup.engine.LintMode;
import io.checkup.report.ReportSettings;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/** Spring Boot settings of camunda-checkup, under {@code checkup.}. */
@ConfigurationProperties(prefix = "checkup")
public class CheckupProperties {

  /** Switches the whole plugin on or off. */
  private boolean enabled = true;

  private final Lint lint = new Lint();

  private final Stats stats = new Stats();

  private final Report report = new Report();

  private final Alerts alerts = new Alerts();

  public Alerts getAlerts() {
    return alerts;
  }

  /** Alerts when a client worsens, over a webhook (docs/alerts.md); off without a webhook. */
  public static class Alerts {

    /** Where alerts are POSTed: an http or https address. */
    private String webhookUrl;

    /** Signs each alert: X-Checkup-Signature: sha256=hex HMAC-SHA256 of the body. */
    private String webhookSecret;

    /** How often the tenants are evaluated (once per cluster). */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration interval = Duration.ofHours(1);

    /**
     * Evaluate the tenants from this node (each round once per cluster); every node with a webhook
     * delivers.
     */
    private boolean evaluate = true;

    /** Alert when a tenant's score falls by at least this much within 7 days. */
    private int scoreDrop = 15;

    /**
     * For this long after a tenant's alert, alert it again only when it is worse than that alert
     * said (0: at every fall).
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration coolDown = Duration.ofHours(24);

    /** The report's address as an alert links to it; the tenant and ?format=html are added. */
    private String reportUrl = "/engine-rest/checkup/report";

    /** Wait before the first retry of an alert; it doubles with each further one, up to 1 h. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration retryAfter = Duration.ofSeconds(30);

    /** How long an alert is retried before it is given up. */
    @DurationUnit(ChronoUnit.HOURS)
    private Duration retryFor = Duration.ofHours(24);

    /** How long one delivery may take, connecting included. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration timeout = Duration.ofSeconds(10);

    public String getWebhookUrl() {
      return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
      this.webhookUrl = webhookUrl;
    }

    public String getWebhookSecret() {
      return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
      this.webhookSecret = webhookSecret;
    }

    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      this.interval = interval;
    }

    public boolean isEvaluate() {
      return evaluate;
    }

    public void setEvaluate(boolean evaluate) {
      this.evaluate = evaluate;
    }

    public int getScoreDrop() {
      return scoreDrop;
    }

    public void setScoreDrop(int scoreDrop) {
      this.scoreDrop = scoreDrop;
    }

    public Duration getCoolDown() {
      return coolDown;
    }

    public void setCoolDown(Duration coolDown) {
      this.coolDown = coolDown;
    }

    public String getReportUrl() {
      return reportUrl;
    }

    public void setReportUrl(String reportUrl) {
      this.reportUrl = reportUrl;
    }

    public Duration getRetryAfter() {
      return retryAfter;
    }

    public void setRetryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
    }

    public Duration getRetryFor() {
      return retryFor;
    }

    public void setRetryFor(Duration retryFor) {
      this.retryFor = retryFor;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  public Report getReport() {
    return report;
  }

  /** The smart check-up report: norms, size classes, tenants, risk (docs/report.md). */
  public static class Report {

    /** A JSON file with the report configuration: a path, file:path or classpath:resource. */
    private String configFile;

    /**
     * The report configuration as properties or YAML, the same structure as the JSON file (applied
     * after it), e.g. {@code checkup.report.settings.tenants.acme.plan=Gold} or {@code
     * checkup.report.settings.norms.[launches.7d].min=500}.
     */
    private ReportSettings settings = new ReportSettings();

    /**
     * Generate one report in the background right after the engine starts and a minute after each
     * midnight UTC, so that the first report asked for after a restart or on a new day is as fast
     * as any other. Switch off on nodes that never serve reports.
     */
    private boolean warmUp = true;

    /**
     * How long one of the report's queries may take, and how long a request waits while another
     * report is computed on this node; past it the REST API answers 503 and the engine works on.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration queryTimeout = Duration.ofSeconds(30);

    /** Tenant ids left out of the report, the history, alerts and metrics (not clients). */
    private Set<String> excludeTenants = new LinkedHashSet<>();

    /** Leave the tenant-less part out of the report, the history, alerts and metrics. */
    private boolean excludeWithoutTenant;

    /** Write the daily snapshots from this node (each day once per cluster). */
    private boolean snapshots = true;

    /** How long daily snapshots are kept. */
    @DurationUnit(ChronoUnit.DAYS)
    private Duration historyRetention = Duration.ofDays(400);

    /** Where the report's pages link to Cockpit ({engine} is the engine's name). */
    private String cockpitUrl = "/camunda/app/cockpit/{engine}/";

    public String getCockpitUrl() {
      return cockpitUrl;
    }

    public void setCockpitUrl(String cockpitUrl) {
      this.cockpitUrl = cockpitUrl;
    }

    public boolean isSnapshots() {
      return snapshots;
    }

    public void setSnapshots(boolean snapshots) {
      this.snapshots = snapshots;
    }

    public Duration getHistoryRetention() {
      return historyRetention;
    }

    public void setHistoryRetention(Duration historyRetention) {
      this.historyRetention = historyRetention;
    }

    public Set<String> getExcludeTenants() {
      return excludeTenants;
    }

    public void setExcludeTenants(Set<String> excludeTenants) {
      this.excludeTenants = excludeTenants;
    }

    public boolean isExcludeWithoutTenant() {
      return excludeWithoutTenant;
    }

    public void setExcludeWithoutTenant(boolean excludeWithoutTenant) {
      this.excludeWithoutTenant = excludeWithoutTenant;
    }

    public Duration getQueryTimeout() {
      return queryTimeout;
    }

    public void setQueryTimeout(Duration queryTimeout) {
      this.queryTimeout = queryTimeout;
    }

    public boolean isWarmUp() {
      return warmUp;
    }

    public void setWarmUp(boolean warmUp) {
      this.warmUp = warmUp;
    }

    public String getConfigFile() {
      return configFile;
    }

    public void setConfigFile(String configFile) {
      this.configFile = configFile;
    }

    public ReportSettings getSettings() {
      return settings;
    }

    public void setSettings(ReportSettings settings) {
      this.settings = settings;
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Lint getLint() {
    return lint;
  }

  public Stats getStats() {
    return stats;
  }

  /** Runtime statistics. */
  public static class Stats {

    /** Collect runtime statistics. */
    private boolean enabled = true;

    /** How often counts are written to the database; also the most a crash can lose. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration flushInterval = Duration.ofSeconds(60);

    /** Age after which hourly rows are rolled up into daily rows. */
    @DurationUnit(ChronoUnit.DAYS)
    private Duration rollUpAfter = Duration.ofDays(14);

    /** Age after which rows are deleted. */
    @DurationUnit(ChronoUnit.DAYS)
    private Duration retention = Duration.ofDays(180);

    /**
     * Rows that may wait in memory while the database cannot be written; past it the oldest hour is
     * summarised.
     */
    private int maxPendingRows = 100_000;

    /** This node's name in the rows it writes (default: host/engine/random). */
    private String nodeId;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getFlushInterval() {
      return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
      this.flushInterval = flushInterval;
    }

    public Duration getRollUpAfter() {
      return rollUpAfter;
    }

    public void setRollUpAfter(Duration rollUpAfter) {
      this.rollUpAfter = rollUpAfter;
    }

    public Duration getRetention() {
      return retention;
    }

    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    public int getMaxPendingRows() {
      return maxPendingRows;
    }

    public void setMaxPendingRows(int maxPendingRows) {
      this.maxPendingRows = maxPendingRows;
    }

    public String getNodeId() {
      return nodeId;
    }

    public void setNodeId(String nodeId) {
      this.nodeId = nodeId;
    }
  }

  /** Deploy-time linting. */
  public static class Lint {

    /**
     * warn (log findings, deploy anyway), strict (refuse deployments with error findings) or off.
     */
    private LintMode mode = LintMode.WARN;

    /**
     * Rule configuration file: a path, or classpath:..., in camunda-checkup or bpmnlint
     * (.bpmnlintrc) format.
     */
    private String configFile;

    /** Severity per rule id (off, info, warn, error), e.g. checkup.lint.rules.model-size=error. */
    private Map<String, String> rules = new LinkedHashMap<>();

    /** Options per rule id, e.g. checkup.lint.options.model-size.max=80. */
    private Map<String, Map<String, String>> options = new LinkedHashMap<>();

    /**
     * Finding lines logged per deployed resource; the rest are counted in one line. Strict mode
     * puts at most as many errors, and as many warnings, into a refusal.
     */
    private int logLimit = 50;

    /** Heap the findings kept for the Java and REST API may take on this node. */
    private DataSize resultsCacheSize = DataSize.ofMegabytes(16);

    public int getLogLimit() {
      return logLimit;
    }

    public void setLogLimit(int logLimit) {
      this.logLimit = logLimit;
    }

    public DataSize getResultsCacheSize() {
      return resultsCacheSize;
    }

    public void setResultsCacheSize(DataSize resultsCacheSize) {
      this.resultsCacheSize = resultsCacheSize;
    }

    public LintMode getMode() {
      return mode;
    }

    public void setMode(LintMode mode) {
      this.mode = mode;
    }

    public String getConfigFile() {
      return configFile;
    }

    public void setConfigFile(String configFile) {
      this.configFile = configFile;
    }

    public Map<String, String> getRules() {
      return rules;
    }

    public void setRules(Map<String, String> rules) {
      this.rules = rules;
    }

    public Map<String, Map<String, String>> getOptions() {
      return options;
    }

    public void setOptions(Map<String, Map<String, String>> options) {
      this.options = options;
    }

    /** The options as the plugin keeps them: {@code <rule-id>.<option>} to value. */
    Map<String, String> flatOptions() {
      Map<String, String> flat = new LinkedHashMap<>();
      options.forEach(
          (rule, byName) ->
              byName.forEach((option, value) -> flat.put(rule + "." + option, value)));
      return flat;
    }
  }
}
