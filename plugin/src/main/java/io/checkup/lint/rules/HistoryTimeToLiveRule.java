package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.Scope;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An executable process without {@code camunda:historyTimeToLive}: its history is never cleaned up,
 * and Camunda 7.20+ refuses it unless a default is configured. A value the engine cannot read (it
 * takes {@code P<n>D} or a number of days) is reported as well. Messages name the attribute with
 * the prefix the file uses ({@code operaton:} in a model written for Operaton).
 */
@RuleInfo(
    id = HistoryTimeToLiveRule.ID,
    severity = Severity.INFO,
    category = RuleInfo.Category.CAMUNDA,
    summary =
        "An executable process without camunda:historyTimeToLive, or with a value the engine cannot "
            + "read.")
public final class HistoryTimeToLiveRule implements Rule {

  public static final String ID = "history-time-to-live";

  private static final Pattern ISO_DAYS = Pattern.compile("^P(\\d+)D$");

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope process : graph.processes()) {
      if (!process.isExecutable()) {
        continue;
      }
      String ttl = process.camundaAttr("historyTimeToLive");
      if (ttl == null || ttl.isBlank()) {
        String attribute = graph.extensionPrefix() + ":historyTimeToLive";
        context.report(
            process,
            "Executable process "
                + process.describe()
                + " has no "
                + attribute
                + ": unless the engine configures a default, its history is never cleaned up, and "
                + "the engine (Camunda 7.20+, Operaton, CIB seven) refuses to deploy it");
      } else if (!readable(ttl)) {
        context.report(
            process,
            "Executable process "
                + process.describe()
                + " has "
                + graph.extensionPrefix()
                + ":historyTimeToLive '"
                + ttl
                + "', which the engine cannot read: use a number of days such as 180 or P180D");
      }
    }
  }

  /**
   * As the engine reads the value: {@code P<n>D} or a number of days, untrimmed, through {@code
   * Integer.parseInt} (a sign allowed, nothing beyond an int), and not negative.
   */
  private static boolean readable(String ttl) {
    Matcher iso = ISO_DAYS.matcher(ttl);
    try {
      return Integer.parseInt(iso.find() ? iso.group(1) : ttl) >= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
