package io.checkup.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * With {@code checkup.enabled} false the plugin is left out; one line at start says so, so that an
 * installation that sees no lint and no statistics finds why in its log.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin")
@Conditional(CheckupEnabled.Not.class)
public class CheckupSwitchedOff {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup");

  @Bean
  static SmartInitializingSingleton checkupSwitchedOffNotice() {
    return () ->
        LOG.info(
            "camunda-checkup: switched off ({} is false): no deploy-time lint, statistics, report "
                + "or alerts on this application's engines",
            CheckupEnabled.PROPERTY);
  }
}
