package io.checkup.spring;

import io.checkup.engine.CheckupProcessEnginePlugin;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Installs camunda-checkup in a Spring Boot Camunda application: the engine plugin as a bean (the Camunda starter
 * picks up every {@code ProcessEnginePlugin} bean), configured from {@code checkup.*} properties. Camunda Run reuses
 * this bean when its YAML lists the plugin class, and applies {@code plugin-parameters} on top.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin")
@ConditionalOnProperty(prefix = "checkup", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(CheckupProperties.class)
public class CheckupAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public CheckupProcessEnginePlugin checkupProcessEnginePlugin(CheckupProperties properties) {
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    CheckupProperties.Lint lint = properties.getLint();
    plugin.setLintMode(lint.getMode());
    plugin.setLintConfigFile(lint.getConfigFile());
    plugin.setLintRules(lint.rulesSetting());
    plugin.setLintRuleOptions(lint.optionsSetting());
    plugin.setLintLogLimit(lint.getLogLimit());
    plugin.setLintResultsCacheSize(lint.getResultsCacheSize().toBytes() + "");
    CheckupProperties.Stats stats = properties.getStats();
    plugin.setStatsEnabled(stats.isEnabled());
    plugin.setStatsFlushInterval(stats.getFlushInterval().toString());
    plugin.setStatsRollUpAfter(stats.getRollUpAfter().toString());
    plugin.setStatsRetention(stats.getRetention().toString());
    plugin.setStatsMaxPendingRows(stats.getMaxPendingRows());
    plugin.setStatsNodeId(stats.getNodeId());
    plugin.setReportConfigFile(properties.getReport().getConfigFile());
    plugin.setReportConfig(properties.getReport().settingsJson());
    plugin.setReportWarmUp(properties.getReport().isWarmUp());
    plugin.setReportQueryTimeout(properties.getReport().getQueryTimeout().toString());
    return plugin;
  }

  /**
   * Puts the check-up's REST resources into Camunda's REST API ({@code /engine-rest/checkup}), where Camunda's
   * authentication filter, if any, already guards every request. Works wherever Camunda's Spring Boot REST starter
   * runs, Camunda Run included.
   */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer",
      "org.glassfish.jersey.server.ResourceConfig", "org.camunda.bpm.engine.rest.util.EngineUtil"})
  static class RestResources {

    @Bean
    org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer checkupRestResources() {
      return config -> io.checkup.rest.CheckupRestResources.getResourceClasses().forEach(config::register);
    }
  }

  /**
   * Writes the statistics still in memory when the application stops, before Spring closes the engine (the engine's
   * own close does it too, but only when its metrics are on).
   */
  @Bean
  public org.springframework.context.SmartLifecycle checkupStatisticsLifecycle(CheckupProcessEnginePlugin plugin) {
    return new org.springframework.context.SmartLifecycle() {
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
