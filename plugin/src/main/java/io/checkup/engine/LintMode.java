package io.checkup.engine;

import java.util.Locale;

/** What deploy-time linting does with its findings. */
public enum LintMode {
  /** Log every finding and keep it; the deployment always goes through (the default). */
  WARN,
  /**
   * As warn, and findings of severity error refuse the deployment with Camunda's parse-problem
   * report.
   */
  STRICT,
  /** No linting at deploy time. */
  OFF;

  public static LintMode parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "unknown lint mode '" + text + "': use warn, strict or off");
    }
  }
}
