package io.checkup.demo;

import io.checkup.engine.CheckupProcessEnginePlugin;
import jakarta.servlet.Filter;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/**
 * The demo's switches: the client companies with their traffic, and HTTP basic authentication for
 * the REST API.
 */
@Configuration
public class DemoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(DemoConfiguration.class);

  /**
   * {@code --checkup.demo.auth=true}: Camunda's own authentication filter with HTTP basic on {@code
   * /engine-rest/*}, registered as Camunda Run does; {@code admin}/{@code admin} is a member of
   * {@code camunda-admin}.
   */
  @Bean
  @ConditionalOnProperty(prefix = "checkup.demo", name = "auth", havingValue = "true")
  public FilterRegistrationBean<Filter> restAuthentication(JerseyApplicationPath restPath) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("camunda-auth");
    registration.setFilter(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(
        "authentication-provider",
        "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider");
    registration.addUrlPatterns(restPath.getUrlMapping());
    registration.setOrder(1);
    return registration;
  }

  /**
   * The client companies, their history and live traffic, unless {@code
   * --checkup.demo.simulate=false}.
   */
  @Configuration
  @ConditionalOnProperty(
      prefix = "checkup.demo",
      name = "simulate",
      havingValue = "true",
      matchIfMissing = true)
  public static class Simulated {

    private final WhileSettingUp settingUp = new WhileSettingUp();

    @Bean
    public Simulation simulation(
        ProcessEngine engine, CheckupProcessEnginePlugin checkup, AlertsAfterTheHistory alerts) {
      return new Simulation(engine, checkup, alerts, settingUp);
    }

    /**
     * The engine's REST API and the webapps' API answer 503 until the companies are set up (before
     * the authentication filter, so that nobody is told a wrong password meanwhile).
     */
    @Bean
    public FilterRegistrationBean<Filter> whileSettingUp(
        JerseyApplicationPath restPath,
        @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
      FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
      registration.setName("checkup-demo-setting-up");
      registration.setFilter(settingUp);
      registration.addUrlPatterns(
          restPath.getUrlMapping(), webapps.replaceAll("/+$", "") + "/api/*");
      registration.setOrder(0);
      return registration;
    }

    /**
     * With the simulation, the alerts wait for the made-up history: a round before the daily
     * snapshots are back-filled judged each company without its past weeks (the slipping one's
     * score drop was missing from its first alert, and an alert, once sent, is not sent again for
     * what came before it). The plugin starts as a node that only delivers; {@link Simulation}
     * starts the evaluation once the history is in, unless {@code checkup.alerts.evaluate=false}.
     */
    @Bean
    public static AlertsAfterTheHistory alertsAfterTheHistory() {
      return new AlertsAfterTheHistory();
    }
  }

  /** Holds the plugin's alert evaluation back until the demo's history is in. */
  public static class AlertsAfterTheHistory implements BeanPostProcessor {
    private volatile boolean held;

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
      if (bean instanceof CheckupProcessEnginePlugin checkup && checkup.isAlertsEvaluate()) {
        checkup.setAlertsEvaluate(false);
        held = true;
      }
      return bean;
    }

    /** Starts the evaluation the plugin was kept from starting, if any. */
    void release(ProcessEngine engine, CheckupProcessEnginePlugin checkup) {
      if (held) {
        checkup
            .getAlerts()
            .ifPresent(
                alerts ->
                    alerts.start(
                        engine.getName(),
                        true,
                        CheckupProcessEnginePlugin.whileRegistered(engine)));
      }
    }
  }

  /**
   * Sets up the companies once the application is ready (after the sample models), writes the daily
   * snapshots of the made-up weeks (so the history and trends are there from the start), starts the
   * daily snapshot job (which the demo's settings keep from starting with the engine), then runs
   * their traffic.
   */
  public static class Simulation implements AutoCloseable {
    private final ProcessEngine engine;
    private final CheckupProcessEnginePlugin checkup;
    private final AlertsAfterTheHistory alerts;
    private final WhileSettingUp settingUp;
    private TrafficSimulator traffic;

    Simulation(
        ProcessEngine engine,
        CheckupProcessEnginePlugin checkup,
        AlertsAfterTheHistory alerts,
        WhileSettingUp settingUp) {
      this.engine = engine;
      this.checkup = checkup;
      this.alerts = alerts;
      this.settingUp = settingUp;
    }

    @EventListener
    @Order(10)
    public void start(ApplicationReadyEvent event) throws Exception {
      try {
        new DemoSetup(engine, checkup).run(DemoTenant.all());
        List<LocalDate> days = checkup.getReport().writeSnapshots();
        if (!days.isEmpty()) {
          LOG.info(
              "Demo history: daily snapshots back-filled from {} to {}",
              days.get(0),
              days.get(days.size() - 1));
        }
        // only now, with the made-up weeks in: a round of the daily job during the set-up would
        // write yesterday from half the data, and a written day is never written again
        checkup
            .getReport()
            .startSnapshots(engine.getName(), CheckupProcessEnginePlugin.whileRegistered(engine));
        alerts.release(engine, checkup);
        traffic = new TrafficSimulator(engine, DemoTenant.all());
        traffic.start();
        checkup.getStatistics().flushNow();
      } finally {
        settingUp.done();
      }
    }

    @Override
    public void close() {
      if (traffic != null) {
        traffic.close();
      }
    }
  }

  @EventListener
  @Order(100)
  public void announce(ApplicationReadyEvent event) {
    String port =
        event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
    boolean auth =
        "true"
            .equals(
                event.getApplicationContext().getEnvironment().getProperty("checkup.demo.auth"));
    LOG.info(
        "camunda-checkup demo ready: check-up report at http://localhost:{}/engine-rest/checkup/report"
            + "?format=html{}; Cockpit at http://localhost:{}/camunda (admin/admin)",
        port,
        auth ? " (HTTP basic: admin/admin, or a company user such as nora/demo)" : "",
        port);
  }
}
