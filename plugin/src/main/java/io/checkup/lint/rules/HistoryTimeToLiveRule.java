package io.checkup.lint.rules;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.Scope;

/**
 * An executable process without {@code camunda:historyTimeToLive}: its history is never cleaned up,
 * and Camunda 7.20+ refuses it unless a default is configured. An empty value or one the engine
 * cannot read is {@code history-time-to-live-value}'s: the engine refuses those whatever its
 * default. Messages name the attribute with the prefix the file uses ({@code operaton:} in a model
 * written for Operaton).
 */
@RuleInfo(
    id = HistoryTimeToLiveRule.ID,
    severity = Severity.INFO,
    category = RuleInfo.Category.CAMUNDA,
    summary =
        "An executable process without camunda:historyTimeToLive: unless the engine configures a "
            + "default, its history is never cleaned up, and the engine refuses it.")
public final class HistoryTimeToLiveRule implements Rule {

  public static final String ID = "history-time-to-live";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    for (Scope process : graph.processes()) {
      if (!process.isExecutable()) {
        continue;
      }
      String ttl = process.camundaAttr("historyTimeToLive");
      if (ttl == null) {
        String attribute = graph.extensionPrefix() + ":historyTimeToLive";
        context.report(
            process,
            "Executable process "
                + process.describe()
                + " has no "
                + attribute
                + ": unless the engine configures a default, its history is never cleaned up, and "
                + "the engine (Camunda 7.20+, Operaton, CIB seven) refuses to deploy it");
      }
    }
  }
}
