package io.checkup.lint.analysis;

import io.checkup.lint.model.FlowNode;
import io.checkup.lint.xml.XmlNode;

/**
 * Whether a signal thrown by an end or intermediate throw event interrupts the thrower's scope: a
 * signal is broadcast, so an interrupting signal start event of an event sub-process of the scope
 * or of one around it, or an interrupting signal boundary event of a sub-process the thrower is in,
 * catches it and cancels the scope with every token in it. To the token game the throw then ends
 * the scope as a terminate end event does (the process's error path that signals "cancel the order"
 * to its own event sub-process leaves no join waiting). Catches of the same signal elsewhere (a
 * waiting catch event, another process) do not end the scope and are not looked at. Signals are
 * matched by their {@code signalRef}.
 */
final class SignalCatch {

  private SignalCatch() {}

  /** True when {@code node} throws a signal that an interrupting event around it catches. */
  static boolean interrupts(FlowNode node) {
    if (!node.hasEventDefinition("signal")
        || !(node.isEndEvent() || node.isIntermediateThrowEvent())) {
      return false;
    }
    String signal = signalRef(node);
    if (signal == null) {
      return false;
    }
    // broadcast: any interrupting catch on the way out cancels the scope
    return EventCatch.first(
            node, event -> EventCatch.interrupts(event) && signal.equals(signalRef(event)))
        != null;
  }

  /** The {@code signalRef} of the event's signal definition, trimmed; null without one. */
  private static String signalRef(FlowNode event) {
    for (XmlNode definition : event.eventDefinitionElements()) {
      if (definition.localName().equals("signalEventDefinition")) {
        String ref = definition.attr("signalRef");
        return ref == null || ref.isBlank() ? null : ref.trim();
      }
    }
    return null;
  }
}
