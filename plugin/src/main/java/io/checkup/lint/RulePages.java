package io.checkup.lint;

/** Where a rule's page is read: the project's docs/rules, linked from SARIF and from Cockpit. */
public final class RulePages {

  /** The project's home. */
  public static final String PROJECT = "https://github.com/camunda-checkup/camunda-checkup";

  private static final String RULES = PROJECT + "/blob/main/docs/rules/";

  private RulePages() {}

  /** The page of a rule ({@code docs/rules/<id>.md}). */
  public static String of(String ruleId) {
    return RULES + ruleId + ".md";
  }
}
