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

  /** Whether this condition holds when the plugin is on (or when it is off). */
  private final boolean whenOn;

  CheckupEnabled() {
    this(true);
  }

  private CheckupEnabled(boolean whenOn) {
    this.whenOn = whenOn;
  }

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    boolean on = Binder.get(context.getEnvironment()).bind(PROPERTY, Boolean.class).orElse(true);
    String why = PROPERTY + (on ? " is not false" : " is false");
    return on == whenOn ? ConditionOutcome.match(why) : ConditionOutcome.noMatch(why);
  }

  /** The plugin switched off: {@code checkup.enabled} is false (or off, no, 0). */
  static class Not extends CheckupEnabled {

    Not() {
      super(false);
    }
  }
}
