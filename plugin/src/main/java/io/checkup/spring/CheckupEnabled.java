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
    return enabled(context)
        ? ConditionOutcome.match(PROPERTY + " is not false")
        : ConditionOutcome.noMatch(PROPERTY + " is false");
  }

  static boolean enabled(ConditionContext context) {
    return Binder.get(context.getEnvironment()).bind(PROPERTY, Boolean.class).orElse(true);
  }

  /** The plugin switched off: {@code checkup.enabled} is false (or off, no, 0). */
  static class Not extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      return enabled(context)
          ? ConditionOutcome.noMatch(PROPERTY + " is not false")
          : ConditionOutcome.match(PROPERTY + " is false");
    }
  }
}
