package io.checkup.lint.rules;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.References;
import io.checkup.lint.model.Scope;
import java.util.HashMap;
import java.util.Map;

/**
 * Two executable processes of one file whose message start events wait for the same message name.
 * Camunda 7 starts one process per message name: the engine's parse takes the file, and writing the
 * deployment fails ({@code BpmnDeployer.addMessageStartEventSubscription}: "there already is a
 * message event subscription for the message with name ...", an HTTP 500 from the REST API that
 * names neither the processes nor the events; the same in Operaton and CIB seven). Two message
 * start events of one process are {@code event-subscription}'s, which the engine's parse refuses.
 */
@RuleInfo(
    id = MessageStartEventRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    summary =
        "Two processes of one file that start at the same message: the engine parses the file "
            + "and fails to deploy it.")
public final class MessageStartEventRule implements Rule {

  public static final String ID = "message-start-event";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    if (graph.processes().size() < 2) {
      return;
    }
    Map<String, String> messages = null;
    Map<String, FlowNode> starting = new HashMap<>();
    for (Scope process : graph.processes()) {
      if (!process.isExecutable()) {
        continue;
      }
      for (FlowNode start : process.flowNodes()) {
        if (!start.isStartEvent()) {
          continue;
        }
        var definition = start.onlyEventDefinition("messageEventDefinition");
        String ref = definition == null ? null : definition.attr("messageRef");
        if (ref == null) {
          continue;
        }
        messages = messages != null ? messages : References.names(graph, "message");
        String name = messages.get(References.resolve("message", ref, graph.definitions()));
        if (name == null || name.isBlank()) {
          continue; // no such message, or one without a name: other rules' findings
        }
        FlowNode earlier = starting.putIfAbsent(name, start);
        if (earlier != null && earlier.scope() != process) {
          context.report(
              start,
              "Message start event "
                  + start.describe()
                  + " starts process "
                  + process.describe()
                  + " by message '"
                  + PlainText.oneLine(name, PlainText.NAME_LENGTH)
                  + "', as "
                  + earlier.describe()
                  + " starts process "
                  + earlier.scope().describe()
                  + ": Camunda starts one process per message name, and the deployment fails when"
                  + " the engine writes it (start one of them by another message, or let one"
                  + " process call the other)",
              BpmnElement.ids(earlier));
        }
      }
    }
  }
}
