package io.checkup.report;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A tenant's risk of abandoning its automation, from its score; written as in the report's JSON and
 * CSV.
 */
public enum RiskLevel implements Labelled {
  HEALTHY("healthy"),
  ATTENTION("attention"),
  AT_RISK("at-risk");

  private final String label;

  RiskLevel(String label) {
    this.label = label;
  }

  @JsonValue
  @Override
  public String label() {
    return label;
  }

  /** The level of a score under the configured thresholds. */
  static RiskLevel of(int score, ReportConfig config) {
    return score >= config.healthyFrom()
        ? HEALTHY
        : score >= config.attentionFrom() ? ATTENTION : AT_RISK;
  }

  @Override
  public String toString() {
    return label;
  }
}
