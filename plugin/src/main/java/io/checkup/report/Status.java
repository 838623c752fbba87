package io.checkup.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an indicator's value stands against its norm; written as in the report's JSON and CSV. */
public enum Status implements Labelled {
  OK("ok"),
  /** Just outside the norm (within the warning margin): half the weight is lost. */
  WARNING("warning"),
  OUT_OF_NORM("out-of-norm"),
  /** No value, or no bound applies. */
  NOT_APPLICABLE("n/a");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  @JsonValue
  @Override
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
