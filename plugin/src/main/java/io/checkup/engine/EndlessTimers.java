package io.checkup.engine;

import io.checkup.lint.rules.TimerSyntax;
import java.util.ArrayDeque;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Timers whose due date Camunda 7.24 would compute for minutes ({@link TimerSyntax#standsStill}): a
 * timer start event's deployment that never finishes, or a transaction that holds its connection
 * for as long where a token reaches any other timer. The plugin refuses them in every lint mode, as
 * it refuses nesting too deep for the engine's parser.
 */
final class EndlessTimers {

  private EndlessTimers() {}

  /** A timer value that stands still, and the event whose timer it is. */
  record Found(Element timer, Element event) {}

  /**
   * The first {@code timeCycle} or {@code timeDuration} of the file that stands still, or null: a
   * walk with a stack of its own over the whole tree.
   */
  static Found find(Element definitions) {
    if (definitions == null) {
      return null;
    }
    ArrayDeque<Element> pending = new ArrayDeque<>();
    ArrayDeque<Element> parents = new ArrayDeque<>();
    pending.push(definitions);
    parents.push(definitions);
    while (!pending.isEmpty()) {
      Element element = pending.pop();
      Element parent = parents.pop();
      for (Element child : element.elements()) {
        String tag = child.getTagName();
        if ((tag.equals("timeCycle") || tag.equals("timeDuration"))
            && element.getTagName().equals("timerEventDefinition")
            && child.getText() != null
            && TimerSyntax.standsStill(child.getText())) {
          return new Found(child, parent);
        }
        pending.push(child);
        parents.push(element);
      }
    }
    return null;
  }

  /** What the refusal says, naming the value and the event that holds it. */
  static String problem(Found found) {
    Element timer = found.timer();
    Element event = found.event();
    return "the timer "
        + timer.getTagName()
        + " '"
        + DeploymentLinter.safe(timer.getText().trim())
        + "'"
        + (event.attribute("id") == null
            ? ""
            : " of '" + DeploymentLinter.safe(event.attribute("id")) + "'")
        + " repeats without moving forward in time: Camunda would compute its due date by adding"
        + " its period up to 2^31 times, holding the deployment (a timer start event) or the"
        + " transaction that reaches it for many minutes. Refused in every lint mode; give the"
        + " repetition a period greater than zero";
  }
}
