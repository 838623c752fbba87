package io.checkup.lint.rules;

import io.checkup.lint.analysis.FlowVerdict;

/** What the flow rules share about a verdict they could not get. */
final class FlowRules {

  private FlowRules() {}

  /** The info message for a scope whose exploration was given up: it names the fragment. */
  static String incomplete(String analysis, FlowVerdict verdict) {
    return analysis
        + " analysis stopped early: "
        + verdict.fragmentName()
        + " has too many reachable states to explore them all; split it into sub-processes to"
        + " have it checked completely";
  }
}
