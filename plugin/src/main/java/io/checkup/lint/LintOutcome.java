package io.checkup.lint;

import java.util.List;

/**
 * What linting one model produced.
 *
 * @param findings every finding, ordered by position in the file
 * @param failures rules that crashed; their findings are missing, everything else ran
 */
public record LintOutcome(List<Finding> findings, List<RuleFailure> failures) {

  public LintOutcome {
    findings = List.copyOf(findings);
    failures = List.copyOf(failures);
  }

  /** A rule that threw instead of reporting. */
  public record RuleFailure(String ruleId, Throwable error) {}

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  public long count(Severity severity) {
    long count = 0;
    for (Finding finding : findings) {
      if (finding.severity() == severity) {
        count++;
      }
    }
    return count;
  }
}
