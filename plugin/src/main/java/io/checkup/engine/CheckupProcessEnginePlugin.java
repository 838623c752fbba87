package io.checkup.engine;

import static io.checkup.engine.CheckupSettings.ALERTS_COOL_DOWN;
import static io.checkup.engine.CheckupSettings.ALERTS_EVALUATE;
import static io.checkup.engine.CheckupSettings.ALERTS_INTERVAL;
import static io.checkup.engine.CheckupSettings.ALERTS_REPORT_URL;
import static io.checkup.engine.CheckupSettings.ALERTS_RETRY_AFTER;
import static io.checkup.engine.CheckupSettings.ALERTS_RETRY_FOR;
import static io.checkup.engine.CheckupSettings.ALERTS_SCORE_DROP;
import static io.checkup.engine.CheckupSettings.ALERTS_TIMEOUT;
import static io.checkup.engine.CheckupSettings.ALERTS_WEBHOOK_SECRET;
import static io.checkup.engine.CheckupSettings.ALERTS_WEBHOOK_URL;
import static io.checkup.engine.CheckupSettings.LINT_CONFIG_FILE;
import static io.checkup.engine.CheckupSettings.LINT_LOG_LIMIT;
import static io.checkup.engine.CheckupSettings.LINT_MODE;
import static io.checkup.engine.CheckupSettings.LINT_RESULTS_CACHE_SIZE;
import static io.checkup.engine.CheckupSettings.LINT_RULES;
import static io.checkup.engine.CheckupSettings.LINT_RULE_OPTIONS;
import static io.checkup.engine.CheckupSettings.REPORT_COCKPIT_URL;
import static io.checkup.engine.CheckupSettings.REPORT_CONFIG;
import static io.checkup.engine.CheckupSettings.REPORT_CONFIG_FILE;
import static io.checkup.engine.CheckupSettings.REPORT_EXCLUDE_TENANTS;
import static io.checkup.engine.CheckupSettings.REPORT_EXCLUDE_WITHOUT_TENANT;
import static io.checkup.engine.CheckupSettings.REPORT_HISTORY_RETENTION;
import static io.checkup.engine.CheckupSettings.REPORT_QUERY_TIMEOUT;
import static io.checkup.engine.CheckupSettings.REPORT_SNAPSHOTS;
import static io.checkup.engine.CheckupSettings.REPORT_WARM_UP;
import static io.checkup.engine.CheckupSettings.STATS_ENABLED;
import static io.checkup.engine.CheckupSettings.STATS_FLUSH_INTERVAL;
import static io.checkup.engine.CheckupSettings.STATS_MAX_PENDING_ROWS;
import static io.checkup.engine.CheckupSettings.STATS_NODE_ID;
import static io.checkup.engine.CheckupSettings.STATS_RETENTION;
import static io.checkup.engine.CheckupSettings.STATS_ROLL_UP_AFTER;

import io.checkup.alerts.AlertSettings;
import io.checkup.alerts.Alerts;
import io.checkup.db.PluginTables;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.config.ConfigException;
import io.checkup.lint.config.LintConfigLoader;
import io.checkup.metrics.MetricsBinding;
import io.checkup.report.CheckupReport;
import io.checkup.report.DeployedModel;
import io.checkup.report.Exclusions;
import io.checkup.report.ModelProfiles;
import io.checkup.report.ModelTable;
import io.checkup.report.ReportConfig;
import io.checkup.stats.NodeIds;
import io.checkup.stats.Statistics;
import io.checkup.stats.StatsModule;
import io.checkup.stats.StatsSettings;
import io.checkup.stats.StatsStore;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camunda-checkup's engine plugin, and the place where its parts meet: deploy-time lint ({@code
 * engine}), the statistics ({@code stats}) and the check-up report ({@code report}); the parts know
 * nothing of each other. Its settings ({@link CheckupSettings}) are plain bean properties, so it
 * installs the same way everywhere: as a Spring Boot dependency (properties under {@code
 * checkup.}), in Camunda Run ({@code plugin-parameters}) and in a plain engine configuration
 * ({@code processes.xml}, {@code camunda.cfg.xml} or Java).
 */
public class CheckupProcessEnginePlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup");

  private final CheckupSettings settings = new CheckupSettings();
  private final List<Rule> customRules = new ArrayList<>();

  private DeploymentLinter deploymentLinter;
  private LintResults lintResults;
  private ReportConfig checkupConfig;
  private CheckupReport report;
  private Alerts alerts;

  private Object meterRegistry;
  private boolean metricsBound;
  private StatsModule stats;
  private ModelTable modelTable;

  /**
   * The engine this instance set up, at each of its steps: the same instance listed twice is called
   * twice per step and does its work once, and a second registration (another instance listed after
   * this one's twin) sets up nothing, so its later steps find no engine of their own.
   */
  private ProcessEngineConfigurationImpl initialised;

  private ProcessEngineConfigurationImpl postInitialised;
  private ProcessEngineConfigurationImpl built;

  private ModelProfiles modelProfiles;

  /**
   * The settings of this installation (Spring Boot sets them typed; bean properties set them as
   * text).
   */
  public CheckupSettings settings() {
    return settings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CheckupProcessEnginePlugin first = firstRegistration(configuration.getProcessEnginePlugins());
    if (initialised == configuration || (first != null && first != this)) {
      LOG.warn(
          "camunda-checkup: the plugin is registered more than once on process engine '{}' (listed twice, "
              + "or both in configuration and in code); only the first registration works, with its settings. "
              + "Remove the others",
          configuration.getProcessEngineName());
      return;
    }
    initialised = configuration;
    LintMode mode;
    LintConfig lintConfig;
    try {
      settings.check();
      mode = settings.get(LINT_MODE);
      lintConfig = buildLintConfig(configuration);
      stats = new StatsModule(buildStatsSettings(configuration), settings.get(STATS_ENABLED));
      String file = settings.get(REPORT_CONFIG_FILE);
      checkupConfig =
          ReportConfig.load(
              file,
              file == null ? null : SettingFiles.text(file, REPORT_CONFIG_FILE.names()),
              settings.get(REPORT_CONFIG),
              REPORT_CONFIG.names());
    } catch (ConfigException | IllegalArgumentException e) {
      // logged here too: Spring Boot shows the engine's failure as a bean it could not create and
      // this message as a cause some 80 lines further down
      String message = "camunda-checkup: invalid configuration: " + e.getMessage();
      LOG.error(
          "{}; process engine '{}' does not start",
          PlainText.oneLine(message, PlainText.MESSAGE_LENGTH),
          configuration.getProcessEngineName());
      throw new ProcessEngineException(message, e);
    }
    stats.preInit(configuration);
    lintConfig.warnings().forEach(warning -> LOG.warn("camunda-checkup: {}", warning));
    checkupConfig.warnings().forEach(warning -> LOG.warn("camunda-checkup: {}", warning));
    Linter linter = new Linter(lintConfig);
    deploymentLinter = new DeploymentLinter(linter, mode, settings.get(LINT_LOG_LIMIT));
    lintResults =
        new LintResults(
            deploymentLinter::lintStored, linter, settings.get(LINT_RESULTS_CACHE_SIZE));
    deploymentLinter.subscribe(lintResults);
    // installed in every mode: the check-up report learns each new model at deployment, even with
    // lint off
    installLinting(configuration);
    // in every mode: strict mode's refusals, and a model nested too deep, refused whatever the mode
    quietRefusals(configuration, lintConfig);
    if (mode == LintMode.OFF) {
      LOG.info("camunda-checkup: deploy-time lint mode off: deployments are not linted");
    } else {
      LOG.info(
          "camunda-checkup: deploy-time lint mode {}, {} of {} rules active",
          mode.name().toLowerCase(Locale.ROOT),
          lintConfig.activeRules().size(),
          lintConfig.catalog().rules().size());
    }
  }

  private void installLinting(ProcessEngineConfigurationImpl configuration) {
    BpmnParseFactory existing = configuration.getBpmnParseFactory();
    if (existing == null || existing.getClass() == DefaultBpmnParseFactory.class) {
      configuration.setBpmnParseFactory(new CheckupBpmnParseFactory(deploymentLinter));
    } else {
      LOG.warn(
          "camunda-checkup: the engine already uses a custom BpmnParseFactory ({}); linting runs from a parse "
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

  /**
   * The plugin's refusals (strict mode's, and in every mode a model nested too deep) are answers,
   * not engine failures: no ERROR line and stack trace for each.
   */
  private void quietRefusals(ProcessEngineConfigurationImpl configuration, LintConfig lintConfig) {
    if (configuration.getCommandContextFactory() != null) {
      LOG.info(
          "camunda-checkup: the engine uses its own CommandContextFactory ({}); it logs each deployment that "
              + "camunda-checkup refuses as an ERROR with a stack trace (docs/lint.md)",
          configuration.getCommandContextFactory().getClass().getName());
      return;
    }
    Set<String> prefixes = new HashSet<>();
    prefixes.add(DeploymentLinter.OWN_PROBLEM);
    lintConfig.catalog().rules().forEach(rule -> prefixes.add("[" + rule.id() + "] "));
    configuration.setCommandContextFactory(
        new QuietRefusals(
            configuration,
            message -> {
              int end = message.indexOf("] ");
              return end > 0 && prefixes.contains(message.substring(0, end + 2));
            }));
  }

  /**
   * The first camunda-checkup plugin of the engine's list, inside composite plugins too (Spring's
   * starter puts its plugin beans in one); null if there is none.
   */
  private static CheckupProcessEnginePlugin firstRegistration(
      List<? extends ProcessEnginePlugin> plugins) {
    if (plugins == null) {
      return null;
    }
    for (ProcessEnginePlugin plugin : plugins) {
      if (plugin instanceof CheckupProcessEnginePlugin checkup) {
        return checkup;
      }
      if (plugin instanceof CompositeProcessEnginePlugin composite) {
        CheckupProcessEnginePlugin inside = firstRegistration(composite.getPlugins());
        if (inside != null) {
          return inside;
        }
      }
    }
    return null;
  }

  /**
   * The database is known now. On one without table scripts of the plugin's, and without tables an
   * operator made by hand, statistics and report stay off (lint runs), said once in the log.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (initialised != configuration || postInitialised == configuration) {
      return;
    }
    postInitialised = configuration;
    PluginTables tables = tables(configuration);
    if (!PluginTables.isSupported(tables.databaseType())
        && !(tables.exist(StatsStore.TABLES) && tables.exist(ModelTable.TABLES))) {
      String reason =
          "database type '"
              + tables.databaseType()
              + "' is not supported by camunda-checkup's "
              + "statistics and check-up report (H2, PostgreSQL and MariaDB/MySQL are)";
      LOG.warn(
          "camunda-checkup: {}; statistics and the report are off, deploy-time lint runs. To use them on this "
              + "database, create the tables CHECKUP_STAT, CHECKUP_LOCK, CHECKUP_VERSION, CHECKUP_MODEL, CHECKUP_SNAPSHOT_DAY and CHECKUP_SNAPSHOT by hand from "
              + "the scripts in docs/statistics.md (with a webhook set also CHECKUP_ALERT_ROUND, CHECKUP_ALERT_STATE "
              + "and CHECKUP_ALERT, docs/alerts.md) and restart",
          reason);
      stats.switchOff(configuration, reason);
      return;
    }
    stats.postInit(configuration);
  }

  private static PluginTables tables(ProcessEngineConfigurationImpl configuration) {
    return new PluginTables(
        configuration.getDataSource(),
        configuration.getDatabaseType(),
        configuration.getDatabaseTablePrefix());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (initialised != configuration || built == configuration) {
      return;
    }
    built = configuration;
    try {
      start(processEngine, configuration);
    } catch (RuntimeException | Error e) {
      // the engine's build fails with this: stop what already runs (the flusher's thread, the
      // report's), which no close of the engine would ever stop
      try {
        stats.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Starts the statistics, the report, the snapshots, the alerts and the warm-up. */
  private void start(ProcessEngine processEngine, ProcessEngineConfigurationImpl configuration) {
    lintResults.attach(processEngine.getRepositoryService());
    PluginTables tables = tables(configuration);
    try {
      stats.engineBuilt(processEngine, tables);
    } catch (RuntimeException e) {
      throw new ProcessEngineException(
          "camunda-checkup: the statistics cannot start: " + e.getMessage(), e);
    }
    CheckupRegistry.register(processEngine.getName(), this);
    stats.onClose(() -> CheckupRegistry.unregister(processEngine.getName(), this));
    if (stats.unsupported() != null) {
      return; // deploy-time lint only: said once in the log
    }
    modelTable = new ModelTable(tables);
    try {
      modelTable.applySchemaUpdate(configuration.getDatabaseSchemaUpdate());
    } catch (RuntimeException e) {
      throw new ProcessEngineException(
          "camunda-checkup: the report's table cannot be set up: " + e.getMessage(), e);
    }
    modelProfiles =
        new ModelProfiles(modelTable, configuration, lintResults.linter(), processEngine.getName());
    stats.onClose(modelProfiles::close);
    deploymentLinter.subscribe(
        resource ->
            modelProfiles.deployed(
                resource.graph(),
                resource.findings(),
                resource.lintConfig(),
                deployedModels(resource)));
    stats.store().readTimeout(settings.get(REPORT_QUERY_TIMEOUT));
    StatsSettings statsSettings = stats.settings();
    report =
        new CheckupReport(
            new CheckupReport.Setup(
                configuration.getDataSource(),
                configuration.getDatabaseTablePrefix(),
                tables,
                stats.statistics(),
                modelProfiles,
                checkupConfig,
                settings.get(REPORT_QUERY_TIMEOUT),
                new Exclusions(
                    settings.get(REPORT_EXCLUDE_TENANTS),
                    settings.get(REPORT_EXCLUDE_WITHOUT_TENANT)),
                settings.get(REPORT_HISTORY_RETENTION),
                settle(statsSettings.flushInterval()),
                statsSettings.nodeId()));
    stats.onClose(report::close);
    bindMetrics();
    if ("create-drop".equals(configuration.getDatabaseSchemaUpdate())) {
      stats.onClose(modelTable::drop);
    }
    if (settings.get(REPORT_SNAPSHOTS)) {
      report.startSnapshots(processEngine.getName(), whileRegistered(processEngine));
    }
    startAlerts(processEngine, configuration, tables, statsSettings.nodeId());
    if (settings.get(REPORT_WARM_UP)) {
      // ProcessEngines forgets an engine when it closes: the warm-up stops then, whatever else
      // notices the close
      report.warmUp(processEngine.getName(), whileRegistered(processEngine));
    }
  }

  /**
   * True while {@link ProcessEngines} knows this engine: it forgets an engine when it closes, so
   * the plugin's background work (and an application's, such as the demo's daily snapshots started
   * late) stops then, whatever else notices the close.
   */
  public static BooleanSupplier whileRegistered(ProcessEngine processEngine) {
    String name = processEngine.getName();
    return () -> ProcessEngines.getProcessEngines().get(name) == processEngine;
  }

  /** Alerts run when a webhook is set (docs/alerts.md): their tables, then their threads. */
  private void startAlerts(
      ProcessEngine processEngine,
      ProcessEngineConfigurationImpl configuration,
      PluginTables tables,
      String nodeId) {
    String webhook = settings.get(ALERTS_WEBHOOK_URL);
    if (webhook == null) {
      sayAlertSettingsChangeNothing();
      return;
    }
    alerts =
        new Alerts(
            new AlertSettings(
                URI.create(webhook.trim()),
                settings.get(ALERTS_WEBHOOK_SECRET),
                settings.get(ALERTS_INTERVAL),
                settings.get(ALERTS_SCORE_DROP),
                settings.get(ALERTS_COOL_DOWN),
                settings.get(ALERTS_REPORT_URL),
                settings.get(ALERTS_RETRY_AFTER),
                settings.get(ALERTS_RETRY_FOR),
                settings.get(ALERTS_TIMEOUT),
                nodeId),
            tables,
            report);
    try {
      alerts.applySchemaUpdate(configuration.getDatabaseSchemaUpdate());
    } catch (RuntimeException e) {
      throw new ProcessEngineException(
          "camunda-checkup: the alert tables cannot be set up: " + e.getMessage(), e);
    }
    stats.onClose(alerts::stop);
    if ("create-drop".equals(configuration.getDatabaseSchemaUpdate())) {
      stats.onClose(alerts::drop);
    }
    alerts.start(
        processEngine.getName(), settings.get(ALERTS_EVALUATE), whileRegistered(processEngine));
  }

  /**
   * Alerts are off without a webhook address: the other alert settings, given (a secret, an
   * interval) while the address was forgotten, would change nothing in silence. ({@code
   * alertsEvaluate=false}, a node's part in a cluster, is left out: set on every node alike, it is
   * no sign of a forgotten address.)
   */
  private void sayAlertSettingsChangeNothing() {
    List<String> given = new ArrayList<>();
    for (Setting<?> setting :
        List.of(
            ALERTS_WEBHOOK_SECRET,
            ALERTS_INTERVAL,
            ALERTS_SCORE_DROP,
            ALERTS_COOL_DOWN,
            ALERTS_REPORT_URL,
            ALERTS_RETRY_AFTER,
            ALERTS_RETRY_FOR,
            ALERTS_TIMEOUT)) {
      if (!Objects.equals(settings.get(setting), setting.defaultValue())) {
        given.add(setting.names());
      }
    }
    if (!given.isEmpty()) {
      LOG.warn(
          "camunda-checkup alerts: off, as no webhook address is set ({}); so {} change(s) nothing",
          ALERTS_WEBHOOK_URL.names(),
          String.join(", ", given));
    }
  }

  /**
   * How long after midnight every node has flushed the day's counts: two flushes, at least 2 min.
   */
  private static Duration settle(Duration flushInterval) {
    Duration twice = flushInterval.multipliedBy(2);
    return twice.compareTo(Duration.ofMinutes(2)) > 0 ? twice : Duration.ofMinutes(2);
  }

  private static List<DeployedModel> deployedModels(DeployedResource resource) {
    List<DeployedModel> models = new ArrayList<>();
    for (DeployedResource.Definition definition : resource.definitions()) {
      models.add(
          new DeployedModel(
              definition.id(),
              definition.tenantId(),
              definition.key(),
              definition.version(),
              resource.deploymentId(),
              resource.deployTime()));
    }
    return models;
  }

  /**
   * Writes the statistics still in memory and stops their background work. The engine's close does
   * this on its own; call it when you stop an engine some other way.
   */
  public void shutdown() {
    if (stats != null) {
      stats.close();
    }
  }

  StatsSettings buildStatsSettings(ProcessEngineConfigurationImpl configuration) {
    String node = settings.get(STATS_NODE_ID);
    if (node == null) {
      node = NodeIds.generated(configuration.getProcessEngineName());
    }
    return new StatsSettings(
        settings.get(STATS_FLUSH_INTERVAL),
        settings.get(STATS_ROLL_UP_AFTER),
        settings.get(STATS_RETENTION),
        settings.get(STATS_MAX_PENDING_ROWS),
        node);
  }

  /** The runtime statistics (the Java API the report uses); available once the engine is built. */
  public Statistics getStatistics() {
    if (stats == null) {
      throw new IllegalStateException(
          "camunda-checkup: the plugin has not been initialised by an engine yet");
    }
    checkSupported();
    return stats.statistics();
  }

  /**
   * Publishes the check-up as per-tenant gauges on a Micrometer {@code MeterRegistry}
   * (docs/metrics.md): set from every report over all tenants, never computed on a scrape. Spring
   * Boot with Actuator does this by itself; in a plain engine, hand the registry here, before or
   * after the engine is built. Typed {@code Object} so that an engine without Micrometer never
   * loads it.
   */
  public synchronized void setMeterRegistry(Object meterRegistry) {
    this.meterRegistry = meterRegistry;
    bindMetrics();
  }

  private synchronized void bindMetrics() {
    if (meterRegistry != null && report != null && !metricsBound) {
      report.onFullReport(MetricsBinding.gauges(meterRegistry));
      metricsBound = true;
      LOG.info(
          "camunda-checkup: the check-up is published as Micrometer gauges (checkup.tenant.*)");
    }
  }

  /**
   * The alerts (once the engine is built): empty when no webhook is set or statistics and the
   * report are off.
   */
  public Optional<Alerts> getAlerts() {
    return Optional.ofNullable(alerts);
  }

  /** The smart check-up report (once the engine is built). */
  public CheckupReport getReport() {
    checkSupported();
    if (report == null) {
      throw new IllegalStateException(
          "camunda-checkup: the report is available once the engine is built");
    }
    return report;
  }

  /**
   * Why statistics and the report are off on this engine (its database has no table script of the
   * plugin's, and no tables made by hand), or null when they run.
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
      throw new IllegalStateException(
          "camunda-checkup: model profiles are available once the engine is built");
    }
    return modelProfiles;
  }

  LintConfig buildLintConfig() throws ConfigException {
    return buildLintConfig(null);
  }

  /**
   * The lint configuration, with the custom form types and validators the engine is configured with
   * (at the time of this plugin's {@code preInit}) added to {@code form-field}'s options: the
   * deploy-time lint knows what the engine knows.
   */
  LintConfig buildLintConfig(ProcessEngineConfigurationImpl engine) throws ConfigException {
    RuleCatalog catalog = RuleCatalog.standard().with(customRules);
    LintConfig.Builder builder = LintConfig.builder(catalog);
    String file = settings.get(LINT_CONFIG_FILE);
    if (file != null) {
      LintConfig fromFile = SettingFiles.lintConfig(file, catalog);
      fromFile
          .settings()
          .forEach(
              (id, setting) -> {
                builder.severity(id, setting.severity());
                if (!setting.options().isEmpty()) {
                  builder.options(id, setting.options());
                }
              });
      fromFile.warnings().forEach(builder::warning);
    }
    LintConfigLoader.applySeverities(builder, settings.get(LINT_RULES), LINT_RULES.names());
    LintConfigLoader.applyOptions(
        builder, settings.get(LINT_RULE_OPTIONS), LINT_RULE_OPTIONS.names());
    if (engine != null) {
      EngineForms.addTo(builder, engine);
    }
    return builder.build();
  }

  /** The lint findings of this engine's deployments (the Java API the report uses). */
  public LintResults getLintResults() {
    if (lintResults == null) {
      throw new IllegalStateException(
          "camunda-checkup: the plugin has not been initialised by an engine yet");
    }
    return lintResults;
  }

  /** Adds a rule of your own to the catalog (before the engine is built). */
  public CheckupProcessEnginePlugin addRule(Rule rule) {
    customRules.add(rule);
    return this;
  }

  // ---- settings as bean properties (Camunda Run's plugin-parameters, a plain engine's
  // configuration) ----

  public String getLintMode() {
    return settings.text(LINT_MODE);
  }

  /** {@code warn} (default), {@code strict} or {@code off}. */
  public void setLintMode(String lintMode) {
    settings.setText(LINT_MODE, lintMode);
  }

  public String getLintConfigFile() {
    return settings.text(LINT_CONFIG_FILE);
  }

  /**
   * A rule configuration file (JSON, or a bpmnlint {@code .bpmnlintrc}): a path or {@code
   * classpath:...}.
   */
  public void setLintConfigFile(String lintConfigFile) {
    settings.setText(LINT_CONFIG_FILE, lintConfigFile);
  }

  public String getLintRules() {
    return settings.text(LINT_RULES);
  }

  /** Severity overrides, e.g. {@code "model-size=error, label-required=off"}. */
  public void setLintRules(String lintRules) {
    settings.setText(LINT_RULES, lintRules);
  }

  public String getLintRuleOptions() {
    return settings.text(LINT_RULE_OPTIONS);
  }

  /** Rule options, e.g. {@code "model-size.max=80, element-diversity.min-kinds=5"}. */
  public void setLintRuleOptions(String lintRuleOptions) {
    settings.setText(LINT_RULE_OPTIONS, lintRuleOptions);
  }

  public int getLintLogLimit() {
    return settings.get(LINT_LOG_LIMIT);
  }

  /**
   * Finding lines logged per deployed resource (default 50); the rest are counted in one line, and
   * read through the REST API. Strict mode puts at most as many errors, and as many warnings, into
   * a refusal.
   */
  public void setLintLogLimit(int lintLogLimit) {
    settings.setText(LINT_LOG_LIMIT, String.valueOf(lintLogLimit));
  }

  public String getLintResultsCacheSize() {
    return settings.text(LINT_RESULTS_CACHE_SIZE);
  }

  /**
   * Heap the findings kept for the Java and REST API may take on this node ({@code 16MB}, the
   * default).
   */
  public void setLintResultsCacheSize(String lintResultsCacheSize) {
    settings.setText(LINT_RESULTS_CACHE_SIZE, lintResultsCacheSize);
  }

  public boolean isStatsEnabled() {
    return settings.get(STATS_ENABLED);
  }

  /** Collect runtime statistics (default true). */
  public void setStatsEnabled(boolean statsEnabled) {
    settings.setText(STATS_ENABLED, String.valueOf(statsEnabled));
  }

  public String getStatsFlushInterval() {
    return settings.text(STATS_FLUSH_INTERVAL);
  }

  /**
   * How often counts are written: {@code 60s} (default), {@code 1s}, {@code 5m}, ISO {@code PT1M}.
   */
  public void setStatsFlushInterval(String statsFlushInterval) {
    settings.setText(STATS_FLUSH_INTERVAL, statsFlushInterval);
  }

  public String getStatsRollUpAfter() {
    return settings.text(STATS_ROLL_UP_AFTER);
  }

  /** Age after which hourly rows become daily rows ({@code 14d}). */
  public void setStatsRollUpAfter(String statsRollUpAfter) {
    settings.setText(STATS_ROLL_UP_AFTER, statsRollUpAfter);
  }

  public String getStatsRetention() {
    return settings.text(STATS_RETENTION);
  }

  /** Age after which rows are deleted ({@code 180d}). */
  public void setStatsRetention(String statsRetention) {
    settings.setText(STATS_RETENTION, statsRetention);
  }

  public int getStatsMaxPendingRows() {
    return settings.get(STATS_MAX_PENDING_ROWS);
  }

  /** Rows that may wait in memory while the database cannot be written (100,000). */
  public void setStatsMaxPendingRows(int statsMaxPendingRows) {
    settings.setText(STATS_MAX_PENDING_ROWS, String.valueOf(statsMaxPendingRows));
  }

  public String getStatsNodeId() {
    return settings.text(STATS_NODE_ID);
  }

  /** This node's name in the statistics rows (default: host/engine/random). */
  public void setStatsNodeId(String statsNodeId) {
    settings.setText(STATS_NODE_ID, statsNodeId);
  }

  public String getReportConfigFile() {
    return settings.text(REPORT_CONFIG_FILE);
  }

  /**
   * A JSON file with the report's norms, size classes, tenants and risk settings (docs/report.md).
   */
  public void setReportConfigFile(String reportConfigFile) {
    settings.setText(REPORT_CONFIG_FILE, reportConfigFile);
  }

  public String getReportConfig() {
    return settings.text(REPORT_CONFIG);
  }

  /** The same as {@link #setReportConfigFile}, inline as JSON; applied after the file. */
  public void setReportConfig(String reportConfig) {
    settings.setText(REPORT_CONFIG, reportConfig);
  }

  public boolean isReportWarmUp() {
    return settings.get(REPORT_WARM_UP);
  }

  /**
   * Whether the node generates one report in the background right after the engine starts and a
   * minute after each UTC midnight, so that the first report asked for after a restart or on a new
   * day is as fast as any other (default true; switch off on nodes that never serve reports).
   */
  public void setReportWarmUp(boolean reportWarmUp) {
    settings.setText(REPORT_WARM_UP, String.valueOf(reportWarmUp));
  }

  public String getReportQueryTimeout() {
    return settings.text(REPORT_QUERY_TIMEOUT);
  }

  /**
   * How long one of the report's queries may take ({@code 30s}, the default), and how long a
   * request waits while another report is computed on this node; past it the REST API answers 503
   * and the engine works on.
   */
  public void setReportQueryTimeout(String reportQueryTimeout) {
    settings.setText(REPORT_QUERY_TIMEOUT, reportQueryTimeout);
  }

  public String getReportExcludeTenants() {
    return settings.text(REPORT_EXCLUDE_TENANTS);
  }

  /** Tenant ids, comma separated, left out of the report, the history, alerts and metrics. */
  public void setReportExcludeTenants(String reportExcludeTenants) {
    settings.setText(REPORT_EXCLUDE_TENANTS, reportExcludeTenants);
  }

  public boolean isReportExcludeWithoutTenant() {
    return settings.get(REPORT_EXCLUDE_WITHOUT_TENANT);
  }

  /**
   * Leave the tenant-less part out of the report, the history, alerts and metrics (default false).
   */
  public void setReportExcludeWithoutTenant(boolean reportExcludeWithoutTenant) {
    settings.setText(REPORT_EXCLUDE_WITHOUT_TENANT, String.valueOf(reportExcludeWithoutTenant));
  }

  public String getReportCockpitUrl() {
    return settings.text(REPORT_COCKPIT_URL);
  }

  /** Where the report's pages link to Cockpit ({@code /camunda/app/cockpit/{engine}/}). */
  public void setReportCockpitUrl(String reportCockpitUrl) {
    settings.setText(REPORT_COCKPIT_URL, reportCockpitUrl);
  }

  /** Cockpit's address for an engine, ending in a slash, as the report's pages link to it. */
  public String cockpitUrl(String engineName) {
    String url = settings.get(REPORT_COCKPIT_URL).replace("{engine}", engineName);
    return url.endsWith("/") ? url : url + "/";
  }

  public boolean isReportSnapshots() {
    return settings.get(REPORT_SNAPSHOTS);
  }

  /** Write the daily snapshots from this node (default true; each day once per cluster). */
  public void setReportSnapshots(boolean reportSnapshots) {
    settings.setText(REPORT_SNAPSHOTS, String.valueOf(reportSnapshots));
  }

  public String getReportHistoryRetention() {
    return settings.text(REPORT_HISTORY_RETENTION);
  }

  /** How long daily snapshots are kept ({@code 400d}, the default). */
  public void setReportHistoryRetention(String reportHistoryRetention) {
    settings.setText(REPORT_HISTORY_RETENTION, reportHistoryRetention);
  }

  public String getAlertsWebhookUrl() {
    return settings.text(ALERTS_WEBHOOK_URL);
  }

  /** Where alerts are POSTed (http or https); alerts are off without it. */
  public void setAlertsWebhookUrl(String alertsWebhookUrl) {
    settings.setText(ALERTS_WEBHOOK_URL, alertsWebhookUrl);
  }

  public String getAlertsWebhookSecret() {
    return settings.text(ALERTS_WEBHOOK_SECRET);
  }

  /** Signs each alert with HMAC-SHA256 in the header {@code X-Checkup-Signature}. */
  public void setAlertsWebhookSecret(String alertsWebhookSecret) {
    settings.setText(ALERTS_WEBHOOK_SECRET, alertsWebhookSecret);
  }

  public String getAlertsInterval() {
    return settings.text(ALERTS_INTERVAL);
  }

  /** How often the tenants are evaluated, once per cluster ({@code 1h}, the default). */
  public void setAlertsInterval(String alertsInterval) {
    settings.setText(ALERTS_INTERVAL, alertsInterval);
  }

  public boolean isAlertsEvaluate() {
    return settings.get(ALERTS_EVALUATE);
  }

  /**
   * Evaluate the tenants from this node (default true; each round once per cluster); every node
   * with a webhook delivers.
   */
  public void setAlertsEvaluate(boolean alertsEvaluate) {
    settings.setText(ALERTS_EVALUATE, String.valueOf(alertsEvaluate));
  }

  public int getAlertsScoreDrop() {
    return settings.get(ALERTS_SCORE_DROP);
  }

  /** The fall of a score within 7 days that raises an alert (15, the default). */
  public void setAlertsScoreDrop(int alertsScoreDrop) {
    settings.setText(ALERTS_SCORE_DROP, String.valueOf(alertsScoreDrop));
  }

  public String getAlertsCoolDown() {
    return settings.text(ALERTS_COOL_DOWN);
  }

  /**
   * For this long after a tenant's alert ({@code 24h}), it is alerted again only when worse than
   * that alert said; {@code 0}: at every fall.
   */
  public void setAlertsCoolDown(String alertsCoolDown) {
    settings.setText(ALERTS_COOL_DOWN, alertsCoolDown);
  }

  public String getAlertsReportUrl() {
    return settings.text(ALERTS_REPORT_URL);
  }

  /** The report's address as an alert links to it ({@code /engine-rest/checkup/report}). */
  public void setAlertsReportUrl(String alertsReportUrl) {
    settings.setText(ALERTS_REPORT_URL, alertsReportUrl);
  }

  public String getAlertsRetryAfter() {
    return settings.text(ALERTS_RETRY_AFTER);
  }

  /** The wait before the first retry ({@code 30s}); it doubles with each further one, to 1 h. */
  public void setAlertsRetryAfter(String alertsRetryAfter) {
    settings.setText(ALERTS_RETRY_AFTER, alertsRetryAfter);
  }

  public String getAlertsRetryFor() {
    return settings.text(ALERTS_RETRY_FOR);
  }

  /** How long an alert is retried before it is given up ({@code 24h}). */
  public void setAlertsRetryFor(String alertsRetryFor) {
    settings.setText(ALERTS_RETRY_FOR, alertsRetryFor);
  }

  public String getAlertsTimeout() {
    return settings.text(ALERTS_TIMEOUT);
  }

  /** How long one delivery may take ({@code 10s}). */
  public void setAlertsTimeout(String alertsTimeout) {
    settings.setText(ALERTS_TIMEOUT, alertsTimeout);
  }

  @Override
  public String toString() {
    return "camunda-checkup";
  }
}
