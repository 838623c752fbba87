package io.checkup.spring;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.engine.CheckupSettings;
import io.checkup.lint.PlainText;
import io.checkup.report.ReportSettings;
import io.checkup.rest.CheckupRestResources;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Installs camunda-checkup in a Spring Boot Camunda application: the engine plugin as a bean (the
 * Camunda starter picks up every {@code ProcessEnginePlugin} bean), configured from {@code
 * checkup.*} properties. Camunda Run reuses this bean when its YAML lists the plugin class, and
 * applies {@code plugin-parameters} on top.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin")
@Conditional(CheckupEnabled.class)
@EnableConfigurationProperties(CheckupProperties.class)
public class CheckupAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup");

  /** The plugins made here from the properties (an application may define its own instead). */
  private final Set<CheckupProcessEnginePlugin> configured =
      Collections.newSetFromMap(new IdentityHashMap<>());

  @Bean
  @ConditionalOnMissingBean
  public CheckupProcessEnginePlugin checkupProcessEnginePlugin(
      CheckupProperties properties, Environment environment) {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    CheckupSettings settings = plugin.settings();
    CheckupProperties.Lint lint = properties.getLint();
    settings
        .set(CheckupSettings.LINT_MODE, lint.getMode())
        .set(CheckupSettings.LINT_CONFIG_FILE, lint.getConfigFile())
        .set(CheckupSettings.LINT_RULES, lint.getRules())
        .set(CheckupSettings.LINT_RULE_OPTIONS, lint.flatOptions())
        .set(CheckupSettings.LINT_LOG_LIMIT, lint.getLogLimit())
        .set(CheckupSettings.LINT_RESULTS_CACHE_SIZE, lint.getResultsCacheSize().toBytes());
    CheckupProperties.Stats stats = properties.getStats();
    settings
        .set(CheckupSettings.STATS_ENABLED, stats.isEnabled())
        .set(CheckupSettings.STATS_FLUSH_INTERVAL, stats.getFlushInterval())
        .set(CheckupSettings.STATS_ROLL_UP_AFTER, stats.getRollUpAfter())
        .set(CheckupSettings.STATS_RETENTION, stats.getRetention())
        .set(CheckupSettings.STATS_MAX_PENDING_ROWS, stats.getMaxPendingRows())
        .set(CheckupSettings.STATS_NODE_ID, stats.getNodeId());
    CheckupProperties.Report report = properties.getReport();
    settings
        .set(CheckupSettings.REPORT_CONFIG_FILE, report.getConfigFile())
        .set(CheckupSettings.REPORT_CONFIG, reportSettings(environment))
        .set(CheckupSettings.REPORT_WARM_UP, report.isWarmUp())
        .set(CheckupSettings.REPORT_QUERY_TIMEOUT, report.getQueryTimeout())
        .set(CheckupSettings.REPORT_EXCLUDE_TENANTS, report.getExcludeTenants())
        .set(CheckupSettings.REPORT_EXCLUDE_WITHOUT_TENANT, report.isExcludeWithoutTenant())
        .set(CheckupSettings.REPORT_SNAPSHOTS, report.isSnapshots())
        .set(CheckupSettings.REPORT_HISTORY_RETENTION, report.getHistoryRetention())
        .set(CheckupSettings.REPORT_COCKPIT_URL, report.getCockpitUrl());
    CheckupProperties.Alerts alerts = properties.getAlerts();
    settings
        .set(
            CheckupSettings.ALERTS_WEBHOOK_URL,
            alerts.getWebhookUrl() == null || alerts.getWebhookUrl().isBlank()
                ? null
                : alerts.getWebhookUrl().trim())
        .set(
            CheckupSettings.ALERTS_WEBHOOK_SECRET,
            alerts.getWebhookSecret() == null || alerts.getWebhookSecret().isEmpty()
                ? null
                : alerts.getWebhookSecret())
        .set(CheckupSettings.ALERTS_INTERVAL, alerts.getInterval())
        .set(CheckupSettings.ALERTS_EVALUATE, alerts.isEvaluate())
        .set(CheckupSettings.ALERTS_SCORE_DROP, alerts.getScoreDrop())
        .set(CheckupSettings.ALERTS_COOL_DOWN, alerts.getCoolDown())
        .set(CheckupSettings.ALERTS_REPORT_URL, alerts.getReportUrl())
        .set(CheckupSettings.ALERTS_RETRY_AFTER, alerts.getRetryAfter())
        .set(CheckupSettings.ALERTS_RETRY_FOR, alerts.getRetryFor())
        .set(CheckupSettings.ALERTS_TIMEOUT, alerts.getTimeout());
    UnknownProperties.warnings(environment).forEach(LOG::warn);
    configured.add(plugin);
    return plugin;
  }

  /**
   * An application that defines a {@link CheckupProcessEnginePlugin} bean of its own gets it as it
   * is: the {@code checkup.*} properties configure only the plugin made here. Set ones say so at
   * start rather than change nothing in silence, and misspelt ones are named as always.
   */
  @Bean
  SmartInitializingSingleton checkupOwnPluginBean(
      ObjectProvider<CheckupProcessEnginePlugin> plugins, Environment environment) {
    return () -> {
      if (plugins.orderedStream().allMatch(configured::contains)) {
        return;
      }
      List<String> set = UnknownProperties.set(environment);
      if (!set.isEmpty()) {
        LOG.warn(
            "camunda-checkup: the application defines its own CheckupProcessEnginePlugin bean, which is"
                + " used as it is: {} property(ies) set under checkup.* ({}{}) do not apply to it; set"
                + " them on the bean, or remove it to have the properties applied",
            set.size(),
            PlainText.oneLine(
                String.join(", ", set.subList(0, Math.min(3, set.size()))),
                PlainText.MESSAGE_LENGTH),
            set.size() > 3 ? ", ..." : "");
      }
      UnknownProperties.warnings(environment).forEach(LOG::warn);
    };
  }

  /**
   * {@code checkup.report.settings}, bound by Spring's Binder (kebab case, indexed map keys such as
   * {@code norms.[launches.7d]}), strictly: a key that names nothing stops the start, naming it.
   * Environment variables are left out of the strict check: one that writes a key's words apart
   * ({@code CHECKUP_REPORT_SETTINGS_DETAILS_LIMIT}) is bound, but Spring would list it as unbound;
   * an unknown one is warned about ({@link UnknownProperties}).
   */
  private static ReportSettings reportSettings(Environment environment) {
    return Binder.get(environment)
        .bind(
            "checkup.report.settings",
            Bindable.of(ReportSettings.class),
            new NoUnboundElementsBindHandler(
                BindHandler.DEFAULT, source -> !UnknownProperties.isEnvironment(source)))
        .orElse(null);
  }

  /**
   * Puts the check-up's REST resources into Camunda's REST API ({@code /engine-rest/checkup}),
   * where Camunda's authentication filter, if any, already guards every request. Works wherever
   * Camunda's Spring Boot REST starter runs, Camunda Run included.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer",
        "org.glassfish.jersey.server.ResourceConfig",
        "org.camunda.bpm.engine.rest.util.EngineUtil"
      })
  static class RestResources {

    @Bean
    ResourceConfigCustomizer checkupRestResources() {
      return config -> CheckupRestResources.getResourceClasses().forEach(config::register);
    }
  }

  /**
   * Publishes the check-up as Micrometer gauges when the application has a meter registry (Spring
   * Boot Actuator): {@code /actuator/prometheus} then shows {@code
   * checkup_tenant_score{tenant=...}}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class Metrics {

    @Bean
    SmartInitializingSingleton checkupMetrics(
        CheckupProcessEnginePlugin plugin,
        ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registries) {
      return () -> registries.ifAvailable(plugin::setMeterRegistry);
    }
  }

  /**
   * Writes the statistics still in memory when the application stops, before Spring closes the
   * engine (the engine's own close does it too, but only when its metrics are on).
   */
  @Bean
  public SmartLifecycle checkupStatisticsLifecycle(CheckupProcessEnginePlugin plugin) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        running = true;
      }

      @Override
      public void stop() {
        running = false;
        plugin.shutdown();
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }
}
