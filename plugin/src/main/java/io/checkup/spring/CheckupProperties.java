package io.checkup.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Spring Boot settings of camunda-checkup, under {@code checkup.}. */
@ConfigurationProperties(prefix = "checkup")
public class CheckupProperties {

  /** Switches the whole plugin on or off. */
  private boolean enabled = true;

  private final Lint lint = new Lint();

  private final Stats stats = new Stats();

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
    private java.time.Duration flushInterval = java.time.Duration.ofSeconds(60);

    /** Age after which hourly rows are rolled up into daily rows. */
    private java.time.Duration rollUpAfter = java.time.Duration.ofDays(14);

    /** Age after which rows are deleted. */
    private java.time.Duration retention = java.time.Duration.ofDays(180);

    /** Rows that may wait in memory while the database cannot be written; past it the oldest hour is summarised. */
    private int maxPendingRows = 100_000;

    /** This node's name in the rows it writes (default: host/engine/random). */
    private String nodeId;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public java.time.Duration getFlushInterval() {
      return flushInterval;
    }

    public void setFlushInterval(java.time.Duration flushInterval) {
      this.flushInterval = flushInterval;
    }

    public java.time.Duration getRollUpAfter() {
      return rollUpAfter;
    }

    public void setRollUpAfter(java.time.Duration rollUpAfter) {
      this.rollUpAfter = rollUpAfter;
    }

    public java.time.Duration getRetention() {
      return retention;
    }

    public void setRetention(java.time.Duration retention) {
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

    /** warn (log findings, deploy anyway), strict (refuse deployments with error findings) or off. */
    private String mode = "warn";

    /** Rule configuration file: a path, or classpath:..., in camunda-checkup or bpmnlint (.bpmnlintrc) format. */
    private String configFile;

    /** Severity per rule id (off, info, warn, error), e.g. checkup.lint.rules.model-size=error. */
    private Map<String, String> rules = new LinkedHashMap<>();

    /** Options per rule id, e.g. checkup.lint.options.model-size.max=80. */
    private Map<String, Map<String, String>> options = new LinkedHashMap<>();

    public String getMode() {
      return mode;
    }

    public void setMode(String mode) {
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

    /** The rules map in the plugin's compact form: {@code id=severity, ...}. */
    String rulesSetting() {
      return rules.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The options map in the plugin's compact form: {@code id.option=value, ...}. */
    String optionsSetting() {
      return options.entrySet().stream()
          .flatMap(rule -> rule.getValue().entrySet().stream()
              .map(option -> rule.getKey() + "." + option.getKey() + "=" + option.getValue()))
          .collect(Collectors.joining(", "));
    }
  }
}
