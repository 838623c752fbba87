package io.checkup.lint.analysis;

import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import java.util.function.Predicate;

/**
 * Where an event thrown by an end or intermediate throw event is caught, looked for as Camunda 7
 * looks for it: from the thrower's scope outwards, at each level the start events of the scope's
 * event sub-processes, then the boundary events of the sub-process the scope is. An event
 * sub-process does not catch what its own content throws on its first level (it would throw again);
 * from a sub-process inside it, it does. Escalations ({@link EscalationCatch}) and signals ({@link
 * SignalCatch}) say which events catch.
 */
final class EventCatch {

  private EventCatch() {}

  /** The first event on the way out from {@code thrower} that {@code catches}; null if none. */
  static FlowNode first(FlowNode thrower, Predicate<FlowNode> catches) {
    for (Scope scope = thrower.scope(); scope != null; scope = scope.parent()) {
      for (FlowNode candidate : scope.flowNodes()) {
        if (candidate.isEventSubProcess()
            && candidate.innerScope() != null
            && candidate.innerScope() != thrower.scope()) {
          for (FlowNode start : candidate.innerScope().flowNodes()) {
            if (start.isStartEvent() && catches.test(start)) {
              return start;
            }
          }
        }
      }
      FlowNode owner = scope.owner();
      if (owner != null) {
        for (FlowNode boundary : owner.boundaryEvents()) {
          if (catches.test(boundary)) {
            return boundary;
          }
        }
      }
    }
    return null;
  }

  /** Whether a catching event cancels what it catches from: its scope or its activity. */
  static boolean interrupts(FlowNode catcher) {
    return catcher.isBoundaryEvent() ? catcher.cancelsActivity() : catcher.isInterrupting();
  }
}
