package io.checkup.lint.analysis;

import io.checkup.lint.WitnessStep;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a witness path, in the modeler's words: the choices and events on it, and the wait
 * states left on the way (the state space adds those). Steps that need no choice (a task that runs
 * through, a parallel gateway) are left out: the witness says what must happen, not everything that
 * does.
 */
public final class Witnesses {

  private Witnesses() {}

  /** "at 'Amount?' take 'small'", for a flow that leaves a node with a choice. */
  public static WitnessStep choice(SequenceFlow flow) {
    FlowNode source = flow.source();
    if (source == null || source.outgoing().size() < 2) {
      return null;
    }
    if (source.isGateway() && !source.isParallelGateway()) {
      String what =
          source.isEventBasedGateway() && flow.target() != null
              ? "at " + source.describe() + " " + flow.target().describe() + " comes first"
              : "at " + source.describe() + " take " + flow.describe();
      return new WitnessStep(source.id(), flow.id(), what, source.line());
    }
    for (SequenceFlow other : source.outgoing()) {
      if (other.hasCondition() || other.isDefault()) {
        // an activity's conditional flows choose too
        return new WitnessStep(
            source.id(),
            flow.id(),
            "after " + source.describe() + " take " + flow.describe(),
            source.line());
      }
    }
    return null;
  }

  /**
   * "the timer event 'Late' on 'Pay invoice' fires", for a boundary event; null for anything else.
   */
  static WitnessStep event(FlowNode node) {
    if (!node.isBoundaryEvent() || node.attachedTo() == null) {
      return null;
    }
    return new WitnessStep(
        node.id(),
        null,
        "the "
            + eventKind(node)
            + " "
            + node.describe()
            + " on "
            + node.attachedTo().describe()
            + " fires",
        node.line());
  }

  /**
   * "timer event", "error event", or "event" for one without or with several definitions: which
   * event fires matters to a reader (an error is thrown, a timer only waits).
   */
  static String eventKind(FlowNode event) {
    String kind = event.eventKind();
    return kind.equals("none") || kind.equals("multiple") ? "event" : kind + " event";
  }

  /** The steps as one sentence for a message: "at 'A' take 'x'; 'J' waits forever for ...". */
  public static String sentence(List<WitnessStep> steps) {
    List<String> texts = new ArrayList<>(steps.size());
    for (WitnessStep step : steps) {
      texts.add(step.step());
    }
    return String.join("; ", texts);
  }
}
