package io.checkup.lint;

import io.checkup.lint.model.BpmnGraph;
import java.util.Map;

/**
 * One lint rule: looks at the prepared graph and reports through the context. Rules never parse XML
 * and never decide severity or suppression; the {@link Linter} does that. Annotate implementations
 * with {@link RuleInfo}.
 */
public interface Rule {

  void check(BpmnGraph graph, RuleContext context);

  /**
   * Options the rule reads, with their defaults; the keys are the only option names configuration
   * may set.
   */
  default Map<String, Object> defaultOptions() {
    return Map.of();
  }

  default RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
    }
    return info;
  }

  default String id() {
    return info().id();
  }
}
