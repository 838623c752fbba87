package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.Scope;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An executable process whose {@code camunda:historyTimeToLive} the engine refuses whatever it is
 * configured with: a value it cannot read (it takes {@code P<n>D} or a number of days, through
 * {@code Integer.parseInt}, not negative: Camunda 7's {@code ParseUtil.parseHistoryTimeToLive}, the
 * same in Operaton and CIB seven), and an empty value, which does not get the engine's default and
 * is refused where the engine enforces a time to live (its default since Camunda 7.20). A process
 * without the attribute is {@code history-time-to-live}'s: there the engine's default may apply.
 */
@RuleInfo(
    id = HistoryTimeToLiveValueRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "An executable process whose camunda:historyTimeToLive is empty or a value the engine "
            + "cannot read: the engine refuses to deploy the process.")
public final class HistoryTimeToLiveValueRule implements Rule {

  public static final String ID = "history-time-to-live-value";

  private static final Pattern ISO_DAYS = Pattern.compile("^P(\\d+)D$");

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope process : graph.processes()) {
      String ttl = process.isExecutable() ? process.camundaAttr("historyTimeToLive") : null;
      if (ttl == null) {
        continue;
      }
      String attribute = graph.extensionPrefix() + ":historyTimeToLive";
      if (ttl.isEmpty()) {
        context.report(
            process,
            "Executable process "
                + process.describe()
                + " has an empty "
                + attribute
                + ", which does not take the engine's default: where the engine enforces a time to"
                + " live (the default since Camunda 7.20), "
                + REFUSED
                + " (give a number of days such as 180, or remove the attribute to take the"
                + " engine's default)");
      } else if (!readable(ttl)) {
        context.report(
            process,
            "Executable process "
                + process.describe()
                + " has "
                + attribute
                + " "
                + PlainText.quoted(ttl)
                + ", which the engine cannot read: "
                + REFUSED
                + " (use a number of days such as 180 or P180D)");
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
