package io.checkup.lint.analysis;

/**
 * A cap on the steps a path analysis may take in one scope. Structured models stay far below it
 * (each split is only followed until its branches meet); a tangled graph of thousands of
 * interlocking splits would otherwise cost time quadratic in its size. When the budget runs out the
 * rule stops and says so, instead of stalling a deployment.
 */
public final class WorkBudget {

  /** Steps allowed per node and flow of a scope, on top of the fixed allowance. */
  static final long PER_ELEMENT = 32;

  static final long FIXED = 1_000_000;

  private long remaining;

  private WorkBudget(long steps) {
    this.remaining = steps;
  }

  /** The budget for one rule in one scope. */
  public static WorkBudget forScope(ScopeAnalysis analysis) {
    long elements = analysis.nodes().size() + analysis.scope().sequenceFlows().size();
    return new WorkBudget(FIXED + PER_ELEMENT * elements);
  }

  /** Takes one step; false once the budget is used up. */
  boolean spend() {
    return --remaining >= 0;
  }

  public boolean exhausted() {
    return remaining < 0;
  }
}
