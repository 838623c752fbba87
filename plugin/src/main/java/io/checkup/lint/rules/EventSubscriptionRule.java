package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;
import static io.checkup.lint.rules.Refusal.REFUSED_FILE;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.References;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import io.checkup.lint.xml.XmlNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an executable process waits for that the engine cannot subscribe to (Camunda 7's {@code
 * BpmnParse.addEventSubscriptionDeclaration} and {@code ensureNoExpressionInMessageStartEvent}, the
 * same in Operaton and CIB seven): a message event or receive task whose message has no name; a
 * process's message start event whose message name is an expression; two events of one event scope
 * waiting for the same message or signal name, or two start events of a process for the same
 * condition; a signal without an id or a name, or two signals with one name. Two processes of the
 * file started by one message name are {@code message-start-event}'s: the engine's parse takes
 * them.
 *
 * <p>Event scopes as the engine makes them: a process's own start events; the start events of the
 * event sub-processes of a process or sub-process (that sub-process also holds its own boundary
 * events, unless it is multi-instance, whose boundary events belong to the multi-instance body);
 * the boundary events of one activity (a receive task's own message among them); the catch events
 * after one event-based gateway. A message or signal the file lacks is {@code message-ref}'s or
 * {@code signal-ref}'s; an event with several event definitions {@code single-event-definition}'s.
 */
@RuleInfo(
    id = EventSubscriptionRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "A message without a name to wait for, a message start event waiting for an expression, "
            + "two events of one scope waiting for the same message, signal or start condition, "
            + "or a signal without an id or a name: the engine refuses to deploy the process.")
public final class EventSubscriptionRule implements Rule {

  public static final String ID = "event-subscription";

  /**
   * Where a subscription is made and what it waits for: {@code scope} is the event scope (a
   * process, a flow node, or a multi-instance body), {@code start} whether it starts the process.
   */
  private record Key(Object scope, boolean start, String kind, String name) {
    Key(Object scope, boolean start) {
      this(scope, start, null, null);
    }

    Key waitingFor(String kind, String name) {
      return new Key(scope, start, kind, name);
    }
  }

  /** The multi-instance body around an activity: the event scope of its boundary events. */
  private record MultiInstanceBody(FlowNode activity) {}

  /** What the check needs of the file, read once. */
  private static final class Globals {
    private final BpmnGraph graph;
    private Map<String, String> messages;
    private Map<String, String> signals;

    Globals(BpmnGraph graph) {
      this.graph = graph;
    }

    /** The message's name by the reference; "" for a message without one; null for none. */
    String message(String ref) {
      messages = messages != null ? messages : References.names(graph, "message");
      String id = References.resolve("message", ref, graph.definitions());
      String name = messages.get(id);
      return name != null || !messages.containsKey(id) ? name : "";
    }

    /** The signal's name by the reference; null for none or one without a name (see below). */
    String signal(String ref) {
      signals = signals != null ? signals : References.names(graph, "signal");
      return signals.get(References.resolve("signal", ref, graph.definitions()));
    }
  }

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    Globals globals = new Globals(graph);
    Map<Key, FlowNode> seen = new HashMap<>();
    boolean executable = false;
    for (FlowNode node : graph.flowNodes()) {
      if (!node.scope().isExecutable()) {
        continue;
      }
      executable = true;
      if (node.type().equals("receiveTask")) {
        String ref = node.xml().attr("messageRef");
        if (ref != null) {
          message(globals, seen, node, new Key(node, false), ref, context);
        }
      } else if (node.isStartEvent()) {
        startEvent(globals, seen, node, context);
      } else if (node.isBoundaryEvent()) {
        FlowNode host = node.attachedTo();
        if (host != null && !host.isAdHocSubProcess()) {
          Object scope = host.isMultiInstance() ? new MultiInstanceBody(host) : host;
          waitsFor(globals, seen, node, new Key(scope, false), context);
        }
      } else if (node.isIntermediateCatchEvent() && !afterEventBasedGateway(node)) {
        // a scope of its own: nothing to share it with, but its message needs a name all the same
        waitsFor(globals, seen, node, new Key(node, false), context);
      } else if (node.isEventBasedGateway()) {
        // the events after the gateway share its scope; another catch event has one of its own
        Set<FlowNode> targets = new LinkedHashSet<>();
        for (SequenceFlow flow : node.outgoing()) {
          FlowNode target = flow.target();
          if (target != null && target.isIntermediateCatchEvent() && targets.add(target)) {
            waitsFor(globals, seen, target, new Key(node, false), context);
          }
        }
      }
    }
    if (executable) {
      signals(graph, context);
    }
  }

  private static boolean afterEventBasedGateway(FlowNode event) {
    for (SequenceFlow flow : event.incoming()) {
      if (flow.source() != null && flow.source().isEventBasedGateway()) {
        return true;
      }
    }
    return false;
  }

  private static void startEvent(
      Globals globals, Map<Key, FlowNode> seen, FlowNode event, RuleContext context) {
    Scope scope = event.scope();
    if (scope.isProcess()) {
      XmlNode condition = event.onlyEventDefinition("conditionalEventDefinition");
      if (condition == null) {
        waitsFor(globals, seen, event, new Key(scope, true), context);
        return;
      }
      XmlNode expression = condition.child(Bpmn.MODEL_NS, "condition");
      if (expression != null && expression.text() != null) {
        Key key = new Key(scope, true);
        once(seen, event, key.waitingFor("condition", expression.text().trim()), context);
      }
    } else if (scope.kind() == Scope.Kind.EVENT_SUB_PROCESS) {
      // an event sub-process's start waits in the scope around the event sub-process
      Scope enclosing = scope.parent();
      Object around = enclosing.isProcess() ? enclosing : enclosing.owner();
      waitsFor(globals, seen, event, new Key(around, false), context);
    }
  }

  /** A message or signal event's subscription, if it is one. */
  private static void waitsFor(
      Globals globals, Map<Key, FlowNode> seen, FlowNode event, Key key, RuleContext context) {
    XmlNode message = event.onlyEventDefinition("messageEventDefinition");
    if (message != null && message.attr("messageRef") != null) {
      message(globals, seen, event, key, message.attr("messageRef"), context);
      return;
    }
    XmlNode signal = event.onlyEventDefinition("signalEventDefinition");
    if (signal != null && signal.attr("signalRef") != null) {
      String name = globals.signal(signal.attr("signalRef"));
      if (name != null) { // a signal the file lacks is signal-ref's, one without a name below
        once(seen, event, key.waitingFor("signal", name), context);
      }
    }
  }

  private static void message(
      Globals globals,
      Map<Key, FlowNode> seen,
      FlowNode node,
      Key key,
      String ref,
      RuleContext context) {
    String name = globals.message(ref);
    if (name == null) {
      return; // message-ref's finding
    }
    if (name.isBlank()) {
      context.report(
          node,
          what(node, "message")
              + " waits for message "
              + PlainText.quoted(ref)
              + ", which has no name: the engine subscribes to a message by its name, and "
              + REFUSED
              + " (give the message a name)");
    } else if (key.start() && Bpmn.hasExpression(name)) {
      context.report(
          node,
          what(node, "message")
              + " waits for message "
              + PlainText.quoted(name)
              + ", an expression: a process is started by a fixed message name, and "
              + REFUSED
              + " (name the message without an expression)");
    } else {
      once(seen, node, key.waitingFor("message", name), context);
    }
  }

  /** Reports {@code node} if an earlier node waits for the same in the same scope. */
  private static void once(Map<Key, FlowNode> seen, FlowNode node, Key key, RuleContext context) {
    FlowNode earlier = seen.putIfAbsent(key, node);
    if (earlier == null) {
      return;
    }
    boolean condition = key.kind().equals("condition");
    context.report(
        node,
        what(node, key.kind())
            + " waits for "
            + key.kind()
            + " "
            + PlainText.quoted(key.name())
            + ", as "
            + earlier.describe()
            + " does, "
            + where(node, key)
            + ": the engine keeps one subscription per "
            + (condition ? "start condition" : key.kind() + " name")
            + " there, and "
            + REFUSED
            + " (wait for it once, or give one of them another "
            + key.kind()
            + ")",
        BpmnElement.ids(earlier));
  }

  /** Where two events share a subscription, in the engine's terms, for a message. */
  private static String where(FlowNode node, Key key) {
    if (key.scope() instanceof Scope) {
      Scope process = node.scope().process();
      return (key.start() ? "among the start events of process " : "in process ")
          + process.describe();
    }
    if (key.scope() instanceof MultiInstanceBody body) {
      return "on multi-instance " + body.activity().describe();
    }
    FlowNode holder = (FlowNode) key.scope();
    if (holder.isEventBasedGateway()) {
      return "after event-based gateway " + holder.describe();
    }
    return (node.isStartEvent() ? "in sub-process " : "on ") + holder.describe();
  }

  /**
   * The file's signals, which the engine reads before any process: one without an id or a name, or
   * two with one name, make it refuse every process of the file.
   */
  private static void signals(BpmnGraph graph, RuleContext context) {
    Map<String, XmlNode> named = new HashMap<>();
    for (XmlNode signal : graph.rootElements("signal")) {
      if (MissingId.report(signal, context)) {
        continue;
      }
      String name = signal.attr("name");
      String which = "Signal " + PlainText.quoted(signal.id());
      if (name == null) {
        context.report(
            signal,
            which
                + " has no name: the engine throws and catches signals by their names, and "
                + REFUSED_FILE
                + " (give the signal a name)",
            List.of());
        continue;
      }
      XmlNode earlier = named.putIfAbsent(name, signal);
      if (earlier != null) {
        context.report(
            signal,
            which
                + " has the name "
                + PlainText.quoted(name)
                + " of signal "
                + PlainText.quoted(earlier.id())
                + ": the engine keeps one signal per name, and "
                + REFUSED_FILE
                + " (give each signal a name of its own, or refer to one of them)",
            List.of(earlier.id()));
      }
    }
  }

  private static String what(FlowNode node, String kind) {
    String capital =
        switch (kind) {
          case "condition" -> "Conditional";
          case "signal" -> "Signal";
          default -> "Message";
        };
    return node.isEvent()
        ? capital + " " + node.eventPosition() + " " + node.describe()
        : "Receive task " + node.describe();
  }
}
