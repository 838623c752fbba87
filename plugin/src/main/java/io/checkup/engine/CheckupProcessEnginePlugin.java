package io.checkup.engine;

import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.config.ConfigException;
import io.checkup.lint.config.LintConfigLoader;
import io.checkup.report.CheckupReport;
import io.checkup.report.ModelProfiles;
import io.checkup.report.ReportConfig;
import io.checkup.stats.DataSizes;
import io.checkup.stats.Durations;
import io.checkup.stats.Statistics;
import io.checkup.stats.StatsModule;
import io.checkup.stats.StatsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camunda-checkup's engine plugin. Its settings are plain bean properties, so it installs the same way everywhere:
 * as a Spring Boot dependency (properties under {@code checkup.}), in Camunda Run ({@code plugin-parameters}) and in
 * a plain engine configuration ({@code processes.xml}, {@code camunda.cfg.xml} or Java).
 */
public class CheckupProcessEnginePlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup");

  private String lintMode = "warn";
  private String lintConfigFile;
  private String lintRules;
  private String lintRuleOptions;
  private int lintLogLimit = 50;
  private String lintResultsCacheSize = "16MB";
  private final List<Rule> customRules = new ArrayList<>();

  private boolean statsEnabled = true;
  private String statsFlushInterval = "60s";
  private String statsRollUpAfter = "14d";
  private String statsRetention = "180d";
  private int statsMaxPendingRows = 100_000;
  private String statsNodeId;

  private String reportConfigFile;
  private String reportConfig;
  private boolean reportWarmUp = true;
  private String reportQueryTimeout = "30s";

  private DeploymentLinter deploymentLinter;
  private ReportConfig checkupConfig;
  private CheckupReport report;
  private StatsModule stats;
  private ModelProfiles modelProfiles;
  private java.time.Duration queryTimeout;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    LintMode mode;
    LintConfig lintConfig;
    long resultsBudget;
    try {
      mode = LintMode.parse(lintMode);
      lintConfig = buildLintConfig();
      resultsBudget = DataSizes.parse(lintResultsCacheSize, "lintResultsCacheSize");
      queryTimeout = Durations.parse(reportQueryTimeout, "reportQueryTimeout", "s");
      if (lintLogLimit < 0) {
        throw new IllegalArgumentException("lintLogLimit must be 0 or more, not " + lintLogLimit);
      }
      stats = new StatsModule(buildStatsSettings(configuration), statsEnabled);
      checkupConfig = ReportConfig.load(reportConfigFile,
          reportConfigFile == null || reportConfigFile.isBlank() ? null : readText(reportConfigFile, "reportConfigFile"),
          reportConfig);
    } catch (ConfigException | IllegalArgumentException e) {
      throw new ProcessEngineException("camunda-checkup: invalid configuration: " + e.getMessage(), e);
    }
    stats.preInit(configuration);
    lintConfig.warnings().forEach(warning -> LOG.warn("camunda-checkup: {}", warning));
    deploymentLinter = new DeploymentLinter(new Linter(lintConfig), mode, lintLogLimit, resultsBudget);
    // installed in every mode: the check-up report learns each new model at deployment, even with lint off
    installLinting(configuration);
    if (mode == LintMode.STRICT) {
      quietRefusals(configuration, lintConfig);
    }
    LOG.info("camunda-checkup: deploy-time lint mode {}, {} of {} rules active", mode.name().toLowerCase(),
        lintConfig.activeRules().size(), lintConfig.catalog().rules().size());
  }

  private void installLinting(ProcessEngineConfigurationImpl configuration) {
    BpmnParseFactory existing = configuration.getBpmnParseFactory();
    if (existing == null || existing.getClass() == DefaultBpmnParseFactory.class) {
      configuration.setBpmnParseFactory(new CheckupBpmnParseFactory(deploymentLinter));
    } else {
      LOG.warn("camunda-checkup: the engine already uses a custom BpmnParseFactory ({}); linting runs from a parse "
          + "listener instead, and strict mode reports all errors of a resource as one problem",
          existing.getClass().getName());
      List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
      if (listeners == null) {
        listeners = new ArrayList<>();
        configuration.setCustomPostBPMNParseListeners(listeners);
      }
      listeners.add(new LintParseListener(deploymentLinter));
    }
  }

  /** Strict mode's refusals are answers, not engine failures: no ERROR line and stack trace for each. */
  private void quietRefusals(ProcessEngineConfigurationImpl configuration, LintConfig lintConfig) {
    if (configuration.getCommandContextFactory() != null) {
      LOG.info("camunda-checkup: the engine uses its own CommandContextFactory ({}); it logs each deployment that "
          + "strict mode refuses as an ERROR with a stack trace (docs/lint.md)",
          configuration.getCommandContextFactory().getClass().getName());
      return;
    }
    java.util.Set<String> prefixes = new java.util.HashSet<>();
    prefixes.add(DeploymentLinter.OWN_PROBLEM);
    lintConfig.catalog().rules().forEach(rule -> prefixes.add("[" + rule.id() + "] "));
    configuration.setCommandContextFactory(new QuietRefusals(configuration, message -> {
      int end = message.indexOf("] ");
      return end > 0 && prefixes.contains(message.substring(0, end + 2));
    }));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    stats.postInit(configuration);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    deploymentLinter.results().attach(processEngine.getRepositoryService());
    try {
      stats.engineBuilt(processEngine);
    } catch (RuntimeException e) {
      throw new ProcessEngineException("camunda-checkup: the statistics cannot start: " + e.getMessage(), e);
    }
    CheckupRegistry.register(processEngine.getName(), this);
    if (stats.unsupported() != null) {
      return; // deploy-time lint only: said once in the log
    }
    modelProfiles = new ModelProfiles(stats.store(),
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration(), deploymentLinter.linter());
    deploymentLinter.modelSink(modelProfiles::deployed);
    ProcessEngineConfigurationImpl engineConfiguration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    stats.store().readTimeout(queryTimeout);
    report = new CheckupReport(engineConfiguration.getDataSource(), engineConfiguration.getDatabaseTablePrefix(),
        stats.statistics(), modelProfiles, checkupConfig, queryTimeout);
    stats.onClose(() -> CheckupRegistry.unregister(processEngine.getName(), this));
    stats.onClose(report::close);
    if (reportWarmUp) {
      // ProcessEngines forgets an engine when it closes: the warm-up stops then, whatever else notices the close
      report.warmUp(processEngine.getName(), () -> org.camunda.bpm.engine.ProcessEngines.getProcessEngines()
          .get(processEngine.getName()) == processEngine);
    }
  }

  /**
   * Writes the statistics still in memory and stops their background work. The engine's close does this on its
   * own; call it when you stop an engine some other way.
   */
  public void shutdown() {
    if (stats != null) {
      stats.close();
    }
  }

  StatsSettings buildStatsSettings(ProcessEngineConfigurationImpl configuration) {
    String node = statsNodeId;
    if (node == null || node.isBlank()) {
      String host;
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException | RuntimeException e) {
        host = "localhost";
      }
      node = host + "/" + configuration.getProcessEngineName() + "/"
          + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
    return new StatsSettings(Durations.parse(statsFlushInterval, "statsFlushInterval", "s"),
        Durations.parse(statsRollUpAfter, "statsRollUpAfter", "d"),
        Durations.parse(statsRetention, "statsRetention", "d"), statsMaxPendingRows, node);
  }

  /** The runtime statistics (the Java API the report uses); available once the engine is built. */
  public Statistics getStatistics() {
    if (stats == null) {
      throw new IllegalStateException("camunda-checkup: the plugin has not been initialised by an engine yet");
    }
    checkSupported();
    return stats.statistics();
  }

  /** The smart check-up report (once the engine is built). */
  public CheckupReport getReport() {
    checkSupported();
    if (report == null) {
      throw new IllegalStateException("camunda-checkup: the report is available once the engine is built");
    }
    return report;
  }

  /**
   * Why statistics and the report are off on this engine (its database has no table script of the plugin's, and
   * no tables made by hand), or null when they run.
   */
  public String unavailableReason() {
    return stats == null ? null : stats.unsupported();
  }

  private void checkSupported() {
    if (unavailableReason() != null) {
      throw new IllegalStateException("camunda-checkup: " + unavailableReason());
    }
  }

  /** The check-up's knowledge of each deployed model (once the engine is built). */
  public ModelProfiles getModelProfiles() {
    checkSupported();
    if (modelProfiles == null) {
      throw new IllegalStateException("camunda-checkup: model profiles are available once the engine is built");
    }
    return modelProfiles;
  }

  LintConfig buildLintConfig() throws ConfigException {
    RuleCatalog catalog = RuleCatalog.standard().with(customRules);
    LintConfig.Builder builder = LintConfig.builder(catalog);
    if (lintConfigFile != null && !lintConfigFile.isBlank()) {
      LintConfig fromFile = loadConfigFile(catalog);
      fromFile.settings().forEach((id, setting) -> {
        builder.severity(id, setting.severity());
        if (!setting.options().isEmpty()) {
          builder.options(id, setting.options());
        }
      });
      fromFile.warnings().forEach(builder::warning);
    }
    LintConfigLoader.applySeverities(builder, lintRules, "lintRules");
    LintConfigLoader.applyOptions(builder, lintRuleOptions, "lintRuleOptions");
    return builder.build();
  }

  private LintConfig loadConfigFile(RuleCatalog catalog) throws ConfigException {
    String location = lintConfigFile.trim();
    if (location.startsWith("classpath:")) {
      byte[] content = readLocation(location, "lintConfigFile");
      return LintConfigLoader.load(new java.io.ByteArrayInputStream(content), location, catalog);
    }
    Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
    if (!Files.isRegularFile(path)) {
      throw new ConfigException("lintConfigFile: " + path.toAbsolutePath() + " does not exist");
    }
    return LintConfigLoader.load(path, catalog);
  }

  private String readText(String location, String setting) throws ConfigException {
    return new String(readLocation(location.trim(), setting), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The content of a setting's file: a path, {@code file:path} or {@code classpath:resource}. */
  private byte[] readLocation(String location, String setting) throws ConfigException {
    if (location.startsWith("classpath:")) {
      String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
      ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader() : getClass().getClassLoader();
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          throw new ConfigException(setting + ": " + location + " not found on the class path");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new ConfigException(setting + ": " + location + " cannot be read: " + e.getMessage());
      }
    }
    Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(setting + ": " + path.toAbsolutePath() + " does not exist");
    }
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ConfigException(setting + ": " + path.toAbsolutePath() + " cannot be read: " + e.getMessage());
    }
  }

  /** The lint findings of this engine's deployments (the Java API the report uses). */
  public LintResults getLintResults() {
    if (deploymentLinter == null) {
      throw new IllegalStateException("camunda-checkup: the plugin has not been initialised by an engine yet");
    }
    return deploymentLinter.results();
  }

  /** Adds a rule of your own to the catalog (before the engine is built). */
  public CheckupProcessEnginePlugin addRule(Rule rule) {
    customRules.add(rule);
    return this;
  }

  // ---- settings (bean properties) ----

  public String getLintMode() {
    return lintMode;
  }

  /** {@code warn} (default), {@code strict} or {@code off}. */
  public void setLintMode(String lintMode) {
    this.lintMode = lintMode;
  }

  public String getLintConfigFile() {
    return lintConfigFile;
  }

  /** A rule configuration file (JSON, or a bpmnlint {@code .bpmnlintrc}): a path or {@code classpath:...}. */
  public void setLintConfigFile(String lintConfigFile) {
    this.lintConfigFile = lintConfigFile;
  }

  public String getLintRules() {
    return lintRules;
  }

  /** Severity overrides, e.g. {@code "model-size=error, label-required=off"}. */
  public void setLintRules(String lintRules) {
    this.lintRules = lintRules;
  }

  public String getLintRuleOptions() {
    return lintRuleOptions;
  }

  /** Rule options, e.g. {@code "model-size.max=80, element-diversity.min-kinds=5"}. */
  public void setLintRuleOptions(String lintRuleOptions) {
    this.lintRuleOptions = lintRuleOptions;
  }

  public int getLintLogLimit() {
    return lintLogLimit;
  }

  /**
   * Finding lines logged per deployed resource (default 50); the rest are counted in one line, and read through the
   * REST API. Strict mode puts at most as many errors, and as many warnings, into a refusal.
   */
  public void setLintLogLimit(int lintLogLimit) {
    this.lintLogLimit = lintLogLimit;
  }

  public String getLintResultsCacheSize() {
    return lintResultsCacheSize;
  }

  /** Heap the findings kept for the Java and REST API may take on this node ({@code 16MB}, the default). */
  public void setLintResultsCacheSize(String lintResultsCacheSize) {
    this.lintResultsCacheSize = lintResultsCacheSize;
  }

  public boolean isStatsEnabled() {
    return statsEnabled;
  }

  /** Collect runtime statistics (default true). */
  public void setStatsEnabled(boolean statsEnabled) {
    this.statsEnabled = statsEnabled;
  }

  public String getStatsFlushInterval() {
    return statsFlushInterval;
  }

  /** How often counts are written: {@code 60s} (default), {@code 1s}, {@code 5m}, ISO {@code PT1M}. */
  public void setStatsFlushInterval(String statsFlushInterval) {
    this.statsFlushInterval = statsFlushInterval;
  }

  public String getStatsRollUpAfter() {
    return statsRollUpAfter;
  }

  /** Age after which hourly rows become daily rows ({@code 14d}). */
  public void setStatsRollUpAfter(String statsRollUpAfter) {
    this.statsRollUpAfter = statsRollUpAfter;
  }

  public String getStatsRetention() {
    return statsRetention;
  }

  /** Age after which rows are deleted ({@code 180d}). */
  public void setStatsRetention(String statsRetention) {
    this.statsRetention = statsRetention;
  }

  public int getStatsMaxPendingRows() {
    return statsMaxPendingRows;
  }

  /** Rows that may wait in memory while the database cannot be written (100,000). */
  public void setStatsMaxPendingRows(int statsMaxPendingRows) {
    this.statsMaxPendingRows = statsMaxPendingRows;
  }

  public String getReportConfigFile() {
    return reportConfigFile;
  }

  /** A JSON file with the report's norms, size classes, tenants and risk settings (docs/report.md). */
  public void setReportConfigFile(String reportConfigFile) {
    this.reportConfigFile = reportConfigFile;
  }

  public String getReportConfig() {
    return reportConfig;
  }

  /** The same as {@link #setReportConfigFile}, inline as JSON; applied after the file. */
  public void setReportConfig(String reportConfig) {
    this.reportConfig = reportConfig;
  }

  public boolean isReportWarmUp() {
    return reportWarmUp;
  }

  /**
   * Whether the node generates one report in the background right after the engine starts and a minute after each
   * UTC midnight, so that the first report asked for after a restart or on a new day is as fast as any other
   * (default true; switch off on nodes that never serve reports).
   */
  public void setReportWarmUp(boolean reportWarmUp) {
    this.reportWarmUp = reportWarmUp;
  }

  public String getReportQueryTimeout() {
    return reportQueryTimeout;
  }

  /**
   * How long one of the report's queries may take ({@code 30s}, the default), and how long a request waits while
   * another report is computed on this node; past it the REST API answers 503 and the engine works on.
   */
  public void setReportQueryTimeout(String reportQueryTimeout) {
    this.reportQueryTimeout = reportQueryTimeout;
  }

  public String getStatsNodeId() {
    return statsNodeId;
  }

  /** This node's name in the statistics rows (default: host/engine/random). */
  public void setStatsNodeId(String statsNodeId) {
    this.statsNodeId = statsNodeId;
  }

  @Override
  public String toString() {
    return "camunda-checkup";
  }
}
