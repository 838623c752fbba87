package io.checkup.lint.analysis;

import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether an escalation thrown by an end or intermediate throw event is caught by an interrupting
 * event, looked for as Camunda 7 looks for it ({@link EventCatch}): the first catch whose
 * escalation code is the thrown one, or that has no code, or an empty one (it catches every
 * escalation), is the one; an event sub-process never catches what is thrown on its own first
 * level. An interrupting catch cancels the thrower's scope: to the token game the throw ends the
 * scope as a terminate end event does. A non-interrupting catch, or none, lets the thrower's token
 * go on (or end) as if nothing were thrown.
 */
final class EscalationCatch {

  private EscalationCatch() {}

  /** True when {@code node} throws an escalation that an interrupting event catches. */
  static boolean interrupts(FlowNode node) {
    FlowNode catcher = catcher(node);
    if (catcher == null) {
      return false;
    }
    return EventCatch.interrupts(catcher);
  }

  /**
   * The event that catches the escalation {@code node} throws (an escalation start event of an
   * event sub-process, or an escalation boundary event); null when it throws none, or none catches
   * it.
   */
  private static FlowNode catcher(FlowNode node) {
    if (!node.hasEventDefinition("escalation")
        || !(node.isEndEvent() || node.isIntermediateThrowEvent())) {
      return null;
    }
    String code = code(definition(node));
    if (code == UNKNOWN) {
      return null; // Camunda refuses such a model; nothing to say about its catch
    }
    return EventCatch.first(node, event -> catches(event, code));
  }

  /**
   * True when {@code boundary}, a non-interrupting escalation boundary event of an embedded
   * sub-process, fires whenever the sub-process completes: no path from the sub-process's start to
   * an end avoids a throw event on its first level that this event catches. Conditions count as
   * unknown (every flow may be taken), so the answer is true only when no path could avoid the
   * throw; a sub-process with an event sub-process of its own, or without a start, is never taken
   * to throw.
   */
  static boolean firesOnEveryCompletion(FlowNode boundary) {
    FlowNode host = boundary.attachedTo();
    if (boundary.cancelsActivity()
        || !boundary.hasEventDefinition("escalation")
        || host == null
        || !host.isSubProcess()
        || host.innerScope() == null) {
      return false;
    }
    List<FlowNode> inside = host.innerScope().flowNodes();
    ArrayDeque<FlowNode> pending = new ArrayDeque<>();
    for (FlowNode node : inside) {
      if (node.isEventSubProcess()) {
        return false;
      }
      if (node.isStartEvent() || (node.incoming().isEmpty() && isOnTheFlow(node))) {
        pending.add(node);
      }
    }
    if (pending.isEmpty()) {
      return false;
    }
    Set<FlowNode> seen = new HashSet<>(pending);
    while (!pending.isEmpty()) {
      FlowNode node = pending.poll();
      if (catcher(node) == boundary) {
        continue; // every path through here throws what the boundary event catches
      }
      List<FlowNode> next = new ArrayList<>();
      for (SequenceFlow flow : node.outgoing()) {
        if (flow.target() != null) {
          next.add(flow.target());
        }
      }
      if (next.isEmpty()) {
        return false; // a way to the end that throws nothing (its boundary events aside)
      }
      next.addAll(node.boundaryEvents());
      for (FlowNode target : next) {
        if (target.scope() != host.innerScope()) {
          return false; // a flow out of the scope: not followed, so not known to throw
        }
        if (seen.add(target)) {
          pending.add(target);
        }
      }
    }
    return true;
  }

  /** A node that takes part in the sub-process's flow: not a boundary event or a handler. */
  private static boolean isOnTheFlow(FlowNode node) {
    return !node.isBoundaryEvent() && !node.isForCompensation() && !node.isEventSubProcess();
  }

  private static boolean catches(FlowNode event, String thrown) {
    if (!event.hasEventDefinition("escalation")) {
      return false;
    }
    String caught = code(definition(event));
    return caught != UNKNOWN && (caught == null || caught.equals(thrown));
  }

  private static XmlNode definition(FlowNode event) {
    for (XmlNode definition : event.eventDefinitionElements()) {
      if (definition.localName().equals("escalationEventDefinition")) {
        return definition;
      }
    }
    return null;
  }

  /**
   * An escalationRef that names no escalation of the file: catches nothing, as Camunda deploys
   * nothing.
   */
  private static final String UNKNOWN = new String("unknown escalation");

  /**
   * The escalation code a definition names through its escalation; null for none (no reference, or
   * an escalation without a code or with an empty one); {@link #UNKNOWN} for a reference to no
   * escalation.
   */
  private static String code(XmlNode definition) {
    String ref = definition == null ? null : definition.attr("escalationRef");
    if (ref == null || ref.isBlank()) {
      return null;
    }
    XmlNode root = definition;
    while (root.parent() != null) {
      root = root.parent();
    }
    for (XmlNode escalation : root.children(Bpmn.MODEL_NS, "escalation")) {
      if (ref.equals(escalation.attr("id"))) {
        // an empty code is no code, as Camunda's parser reads it: a catch of every escalation
        String code = escalation.attr("escalationCode");
        return code == null || code.isEmpty() ? null : code;
      }
    }
    return UNKNOWN;
  }
}
