package io.checkup.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@code checkup.enabled}, read as Spring Boot reads any boolean property: {@code false}, {@code
 * off}, {@code no} and {@code 0} switch the plugin off (a {@code @ConditionalOnProperty} takes only
 * {@code false}, and left the plugin on for the others); a value that is no boolean stops the start
 * naming the property.
 */
class CheckupEnabled extends SpringBootCondition {

  static final String PROPERTY = "checkup.enabled";

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    boolean enabled =
        Binder.get(context.getEnvironment()).bind(PROPERTY, Boolean.class).orElse(true);
    return enabled
        ? ConditionOutcome.match(PROPERTY + " is not false")
        : ConditionOutcome.noMatch(PROPERTY + " is false");
  }
}
