package io.checkup.lint.rules;

import io.checkup.lint.model.FlowNode;

/**
 * How a finding names its element, "Service task 'Book' (book)", made only when a finding is
 * written: a rule that looks at every task would otherwise build (and neutralise) each task's name
 * for nothing, which on a cold engine costs more than the checks themselves.
 */
final class Subject {

  private final String kind;
  private final FlowNode node;

  Subject(String kind, FlowNode node) {
    this.kind = kind;
    this.node = node;
  }

  @Override
  public String toString() {
    return kind + " " + node.describe();
  }
}
